package api

import (
	"bytes"
	"encoding/json"
	"testing"
	"time"

	"tracker/internal/applications"
	"tracker/internal/decline"
	"tracker/internal/workflow"
)

// hostile are strings that JSON must escape, or that are not valid UTF-8.
var hostile = []string{"", "plain", `quote " and \ backslash`, "<script>&amp;</script>", "\b\f\n\r\t\x00\x01\x1f\x7f",
	"ünïcödé, 日本語, emoji 🎉", "line\u2028para\u2029end", "bad \xff\xfe bytes \xc3", "\xed\xa0\x80 surrogate", "/slash"}

// TestAppendPageAsEncoder holds AppendPage to what the JSON encoder writes.
func TestAppendPageAsEncoder(t *testing.T) {
	at := time.Date(2026, 3, 2, 9, 4, 5, 120_000_000, time.UTC)
	next := "eyJzIjoibmV3ZXN0IiwiaSI6MX0"
	var items []Summary
	for i, s := range hostile {
		a := Summary{ID: int64(i + 1), Company: s, Role: s + "r", Status: s, CreatedAt: at, UpdatedAt: at.Add(time.Duration(i) * time.Hour)}
		if i%2 == 0 {
			applied := at.Add(-time.Duration(i) * time.Minute)
			a.AppliedAt = &applied
		}
		items = append(items, a)
	}
	for _, p := range []Page{{Items: []Summary{}}, {Items: items}, {Items: items[:1], NextCursor: &next}, {Items: items, NextCursor: &hostile[3]}} {
		var want bytes.Buffer
		if err := json.NewEncoder(&want).Encode(p); err != nil {
			t.Fatal(err)
		}
		if got := AppendPage(nil, p); !bytes.Equal(got, want.Bytes()) {
			t.Errorf("AppendPage =\n%s\nthe encoder writes\n%s", got, want.Bytes())
		}
	}
}

// TestAppendPageOfAsNewPage holds AppendPageOf to AppendPage of NewPage's
// view, on pages empty and full, with hostile text, times in UTC and not,
// with and without an applied time and a fraction of a second, and with
// and without a cursor.
func TestAppendPageOfAsNewPage(t *testing.T) {
	at := time.Date(2026, 3, 2, 9, 4, 5, 120_000_000, time.UTC)
	zone := time.FixedZone("", -(5*3600 + 1800))
	var items []applications.Summary
	for i, s := range hostile {
		a := applications.Summary{ID: int64(i + 1), Company: s, Role: s + "r", Status: workflow.State(s),
			CreatedAt: at.Add(-time.Duration(i) * time.Second), UpdatedAt: at.Add(time.Duration(i) * time.Hour)}
		if i%3 == 1 {
			a.CreatedAt, a.UpdatedAt = a.CreatedAt.In(zone), a.UpdatedAt.Truncate(time.Second).In(zone)
		}
		if i%2 == 0 {
			applied := at.Add(-time.Duration(i) * time.Minute)
			if i%4 == 0 {
				applied = applied.In(zone)
			}
			a.AppliedAt = &applied
		}
		items = append(items, a)
	}
	for _, p := range []applications.Page{{}, {Items: []applications.Summary{}}, {Items: items}, {Items: items[:1], NextCursor: "eyJzIjoibmV3ZXN0IiwiaSI6MX0"},
		{Items: items, NextCursor: hostile[3]}} {
		want := AppendPage(nil, NewPage(&p))
		if got := AppendPageOf(nil, &p); !bytes.Equal(got, want) {
			t.Errorf("AppendPageOf =\n%s\nAppendPage of NewPage writes\n%s", got, want)
		}
	}
}

// TestAppendDetailAsEncoder holds AppendDetail to what the JSON encoder
// writes of the detail's view (NewDetail), on details with every list
// empty, nil and full, hostile text, times with and without a value, in
// UTC and not, letters with and without checks and a contact to mail.
func TestAppendDetailAsEncoder(t *testing.T) {
	at := time.Date(2026, 3, 2, 9, 4, 5, 120_000_000, time.UTC)
	zoned := at.In(time.FixedZone("", -7*3600))
	details := []*applications.Detail{{}, {Invitations: []applications.Invitation{}, History: []applications.HistoryEntry{},
		Letters: []applications.Letter{}, AllowedTransitions: []workflow.State{}, Warnings: []applications.Warning{}}}
	for i, s := range hostile {
		d := &applications.Detail{Application: applications.Application{ID: int64(i + 1), Status: workflow.State(s), CreatedAt: at, UpdatedAt: zoned}, FollowUpDueAt: &zoned}
		d.Company, d.Notes, d.AppliedAt, d.ContactEmail = s, s+"\n"+s, &zoned, s+"@example.com"
		d.Invitations = []applications.Invitation{{ID: 1, ReceivedAt: at, RespondBy: &at, Format: s, Round: -i, Message: s, Response: s, DeadlineAt: zoned},
			{ID: 2, InterviewAt: &zoned, RespondedAt: &at}}
		d.History = []applications.HistoryEntry{{ID: 1, To: workflow.State(s), At: at, Note: s}, {ID: 2, From: "applied", To: workflow.State(s), At: zoned}}
		d.Letters = []applications.Letter{{ID: 7, Kind: s, Reason: s, ReasonDetail: s, Channel: s, Tone: s, SenderName: s, Subject: s, Body: s + "\r\n\n" + s,
			Voicemail: s, Detail: s, Offer: s, Variant: i, SentAt: at, CreatedAt: zoned,
			Checks: []decline.Check{{Rule: s, OK: true, Severity: s, Hint: s}, {Rule: "clear"}}}, {ID: 8 + int64(i)*1000}}
		d.AllowedTransitions = []workflow.State{workflow.State(s), workflow.Declined}
		d.Warnings = []applications.Warning{{ApplicationID: 1, InvitationID: int64(i), Company: s, Role: s, Status: workflow.State(s), Kind: s,
			Severity: decline.Severity(s), DueAt: at, InterviewAt: &zoned, NextStep: s}, {ApplicationID: 2, DueAt: zoned}}
		details = append(details, d)
	}
	for _, d := range details {
		var want bytes.Buffer
		if err := json.NewEncoder(&want).Encode(NewDetail(d)); err != nil {
			t.Fatal(err)
		}
		if got := AppendDetail(nil, d); !bytes.Equal(got, want.Bytes()) {
			t.Errorf("AppendDetail =\n%s\nthe encoder writes of NewDetail\n%s", got, want.Bytes())
		}
	}
}

// FuzzAppendString holds appendString to the encoder on any text.
func FuzzAppendString(f *testing.F) {
	for _, s := range hostile {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		var want bytes.Buffer
		json.NewEncoder(&want).Encode(s)
		if got := append(appendString(nil, s), '\n'); !bytes.Equal(got, want.Bytes()) {
			t.Errorf("appendString(%q) = %s, the encoder writes %s", s, got, want.Bytes())
		}
	})
}

// FuzzAppendTime holds appendTime to time.Time's MarshalJSON for any time,
// in UTC and not.
func FuzzAppendTime(f *testing.F) {
	for _, t := range []time.Time{{}, time.Date(2026, 3, 2, 9, 4, 5, 120_000_000, time.UTC), time.Date(9999, 12, 31, 23, 59, 59, 999_999_999, time.UTC),
		time.Date(10000, 1, 1, 0, 0, 0, 1, time.UTC), time.Date(-1, 1, 1, 0, 0, 0, 0, time.UTC), time.Date(2026, 1, 1, 0, 0, 0, 100, time.UTC)} {
		f.Add(t.Unix(), int64(t.Nanosecond()), false)
	}
	f.Add(int64(1700000000), int64(5), true)
	f.Fuzz(func(t *testing.T, sec, nsec int64, zoned bool) {
		at := time.Unix(sec, nsec%1e9).UTC()
		if zoned {
			at = at.In(time.FixedZone("", 5*3600+1800))
		}
		want, err := at.MarshalJSON()
		if err != nil {
			return // a year MarshalJSON refuses
		}
		if got := appendTime(nil, at); !bytes.Equal(got, want) {
			t.Errorf("appendTime(%v) = %s, MarshalJSON writes %s", at, got, want)
		}
	})
}

// BenchmarkAppendPage writes a page of 50 summaries, each with three
// times, as GET /applications answers it.
func BenchmarkAppendPage(b *testing.B) {
	at := time.Date(2026, 3, 2, 9, 4, 5, 123_456_789, time.UTC)
	p := Page{Items: make([]Summary, 50)}
	for i := range p.Items {
		applied := at.Add(-time.Duration(i) * time.Hour)
		p.Items[i] = Summary{ID: int64(1000 + i), Company: "Acme Corporation", Role: "Senior Software Engineer",
			Status: "applied", AppliedAt: &applied, CreatedAt: at, UpdatedAt: at.Add(time.Duration(i) * time.Second)}
	}
	buf := AppendPage(nil, p)
	b.ReportAllocs()
	for b.Loop() {
		buf = AppendPage(buf[:0], p)
	}
}
