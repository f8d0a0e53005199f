package invite

import (
	"strings"
	"testing"
	"time"
)

// TestWindowsTableLoads checks that every zone of the embedded CLDR table
// exists in the Go time zone database.
func TestWindowsTableLoads(t *testing.T) {
	zonesOnce.Do(loadWindowsZones)
	if len(zonesByID) < 130 {
		t.Fatalf("table has %d zones", len(zonesByID))
	}
	for id, z := range zonesByID {
		if _, err := time.LoadLocation(z.IANA); err != nil {
			t.Errorf("%s -> %s: %v", id, z.IANA, err)
		}
	}
}

func invite(dtstart string, extra ...string) []byte {
	lines := append([]string{"BEGIN:VCALENDAR", "VERSION:2.0", "METHOD:REQUEST"}, extra...)
	lines = append(lines, "BEGIN:VEVENT", "UID:u1", dtstart,
		"SUMMARY:Interview for Backend Engineer at Acme Corp",
		"DESCRIPTION:Hello\\, we would like to meet.\\nJoin: https://acme.zoom.us/j/123",
		"  456 thanks",
		"ORGANIZER;CN=\"Jane Roe\":mailto:jane@acme.example.co.uk",
		"END:VEVENT", "END:VCALENDAR", "")
	return []byte(strings.Join(lines, "\r\n"))
}

func TestZones(t *testing.T) {
	tests := []struct {
		name, dtstart string
		extra         []string
		want          string // UTC, or "error: <part of message>"
	}{
		{"IANA", "DTSTART;TZID=Europe/Amsterdam:20260310T093000", nil, "2026-03-10T08:30:00Z"},
		{"Windows ID", "DTSTART;TZID=Pacific Standard Time:20260710T093000", nil, "2026-07-10T16:30:00Z"},
		{"display name", `DTSTART;TZID="(UTC+01:00) Amsterdam, Berlin, Bern, Rome, Stockholm, Vienna":20260710T093000`, nil, "2026-07-10T07:30:00Z"},
		{"X-WR-TIMEZONE for floating", "DTSTART:20260110T093000", []string{"X-WR-TIMEZONE:America/New_York"}, "2026-01-10T14:30:00Z"},
		{"floating without zone", "DTSTART:20260110T093000", nil, "error: has no time zone"},
		{"unknown zone", "DTSTART;TZID=Mars Standard Time:20260110T093000", nil, `error: "Mars Standard Time"`},
		{"unknown zone with VTIMEZONE", "DTSTART;TZID=Custom:20260110T093000", []string{"BEGIN:VTIMEZONE", "TZID:Custom",
			"BEGIN:STANDARD", "DTSTART:19700101T000000", "TZOFFSETFROM:+0530", "TZOFFSETTO:+0530", "END:STANDARD", "END:VTIMEZONE"}, "2026-01-10T04:00:00Z"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			d, err := ParseICS(invite(tt.dtstart, tt.extra...))
			if want, ok := strings.CutPrefix(tt.want, "error: "); ok {
				assertRefused(t, err, want)
				return
			}
			if err != nil {
				t.Fatal(err)
			}
			if got := d.InterviewAt.Format(time.RFC3339); got != tt.want {
				t.Errorf("interview_at %s, want %s", got, tt.want)
			}
		})
	}
}

// TestTextFields checks unfolding, escapes and the guesses.
func TestTextFields(t *testing.T) {
	d, err := ParseICS(invite("DTSTART:20260110T093000Z"))
	if err != nil {
		t.Fatal(err)
	}
	if d.Message != "Hello, we would like to meet.\nJoin: https://acme.zoom.us/j/123 456 thanks" {
		t.Errorf("message %q", d.Message)
	}
	if d.MeetingURL != "https://acme.zoom.us/j/123" || d.Format != "video" {
		t.Errorf("meeting %q format %q", d.MeetingURL, d.Format)
	}
	if d.ContactName != "Jane Roe" || d.ContactEmail != "jane@acme.example.co.uk" || d.Company != "Example" {
		t.Errorf("contact %q <%s> company %q", d.ContactName, d.ContactEmail, d.Company)
	}
	if d.Role != "Backend Engineer" {
		t.Errorf("role %q", d.Role)
	}
}

func TestPlainEmail(t *testing.T) {
	mail := "From: Jane Roe <jane@globex.com>\r\nTo: me@example.org\r\nSubject: Interview for Data Analyst\r\n" +
		"Date: Tue, 10 Mar 2026 09:15:00 +0100\r\nMessage-ID: <abc@globex.com>\r\n\r\nCould you do Thursday at 10?\r\n"
	d, err := Parse("invite.eml", []byte(mail))
	if err != nil {
		t.Fatal(err)
	}
	if d.InterviewAt != nil || d.ReceivedAt.Format(time.RFC3339) != "2026-03-10T08:15:00Z" {
		t.Errorf("interview %v received %v", d.InterviewAt, d.ReceivedAt)
	}
	if d.Company != "Globex" || d.Role != "Data Analyst" || d.ContactName != "Jane Roe" || d.MessageID != "abc@globex.com" {
		t.Errorf("draft %+v", d)
	}
	if d.Message != "Could you do Thursday at 10?" {
		t.Errorf("message %q", d.Message)
	}
}

func TestNotAnInvitation(t *testing.T) {
	for name, data := range map[string]string{"empty": " \n", "noise": "hello there", "reply": "BEGIN:VCALENDAR\r\nMETHOD:REPLY\r\nBEGIN:VEVENT\r\nDTSTART:20260101T100000Z\r\nEND:VEVENT\r\nEND:VCALENDAR\r\n"} {
		t.Run(name, func(t *testing.T) {
			_, err := Parse("x", []byte(data))
			assertRefused(t, err, "")
		})
	}
}
