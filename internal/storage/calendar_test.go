package storage_test

import (
	"bytes"
	"context"
	"io"
	"os"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"testing"
	"time"

	"tracker/internal/applications"
	"tracker/internal/feed"
	"tracker/internal/storage"
	"tracker/internal/storage/storagetest"
	"tracker/internal/workflow"
)

// calendarComponents matches each event and to-do of a feed.
var calendarComponents = regexp.MustCompile(`(?s)BEGIN:(?:VEVENT|VTODO)\r\n.*?\r\nEND:(?:VEVENT|VTODO)\r\n`)

// TestCalendarReadsWhatTheDetailsShow checks that the calendar feed, read
// from the indexes of what it shows (Service.Calendar), is the feed the
// applications' details make (each interview pending or accepted with a
// time, each pending answer's deadline, each follow-up due), item for
// item, for applications in every stage that has one and in those that
// have none any more, and holds nothing of another user's.

func TestCalendarReadsWhatTheDetailsShow(t *testing.T) {
	storagetest.Each(t, func(t *testing.T, db *storage.DB) {
		ctx := storagetest.Owner(t, db, "cal@example.com")
		other := storagetest.Owner(t, db, "other-cal@example.com")
		now := time.Date(2026, 3, 2, 9, 0, 0, 0, time.UTC)
		svc := applications.NewService(db, func() time.Time { return now })
		slot := func(h int) *time.Time { t := now.Add(time.Duration(h) * time.Hour); return &t }
		create := func(ctx context.Context, company string, interview *time.Time) int64 {
			t.Helper()
			d, err := svc.Create(ctx, applications.NewApplication{Fields: applications.Fields{Company: company, Role: "Engineer"},
				Invitation: &applications.NewInvitation{ReceivedAt: now.Add(-time.Hour), InterviewAt: interview, Message: "See you, " + company}})
			if err != nil {
				t.Fatal(err)
			}
			return d.ID
		}
		move := func(id int64, to workflow.State) {
			t.Helper()
			if _, err := svc.Move(ctx, id, applications.MoveInput{To: to}); err != nil {
				t.Fatal(err)
			}
		}
		create(ctx, "Pending with a slot", slot(48))
		create(ctx, "Pending without a slot", nil)
		move(create(ctx, "Scheduled", slot(24)), workflow.Scheduled)
		interviewed := create(ctx, "Interviewed", slot(1))
		move(interviewed, workflow.Scheduled)
		move(interviewed, workflow.Interviewed)
		move(create(ctx, "Rejected", slot(30)), workflow.Rejected)
		declined := create(ctx, "Declined", slot(72))
		if _, err := svc.Decline(ctx, declined, applications.DeclineInput{Reason: "timing", SenderName: "Sam", Override: true}); err != nil {
			t.Fatal(err)
		}
		if _, err := svc.Create(ctx, applications.NewApplication{Fields: applications.Fields{Company: "Applied", Role: "Engineer"}}); err != nil {
			t.Fatal(err)
		}
		create(other, "Someone else's", slot(5))

		var details, indexes bytes.Buffer
		fw, err := feed.NewWriter(&details)
		if err != nil {
			t.Fatal(err)
		}
		if err := svc.Export(ctx, fw.Add); err != nil {
			t.Fatal(err)
		}
		if fw, err = feed.NewWriter(&indexes); err != nil {
			t.Fatal(err)
		}
		if err := svc.Calendar(ctx, fw.AddItem); err != nil {
			t.Fatal(err)
		}
		fromDetails := calendarComponents.FindAllString(details.String(), -1)
		fromIndexes := calendarComponents.FindAllString(indexes.String(), -1)
		slices.Sort(fromDetails)
		slices.Sort(fromIndexes)
		// Pending with a slot: an interview and its answer; without: the
		// answer; scheduled and interviewed: their interviews; declined: the
		// follow-up.
		if len(fromIndexes) != 6 || !slices.Equal(fromDetails, fromIndexes) {
			t.Errorf("the feed read from its indexes:\n%s\nwant, as the details make it:\n%s",
				strings.Join(fromIndexes, "\n"), strings.Join(fromDetails, "\n"))
		}
		if strings.Contains(strings.Join(fromIndexes, ""), "Someone else") {
			t.Error("the feed shows another user's interview")
		}
	})
}

// TestCalendarFeedTime times the calendar feed of a user with
// TRACKER_FEED_BENCH applications (a tenth each invited, scheduled and
// declined, the rest applied or rejected), read as it was (every
// application with its rows, ExportDetails) and as it is (Calendar), in
// alternating order, and logs the median of seven of each. It is no
// assertion of a time: run it by hand, with -v.
func TestCalendarFeedTime(t *testing.T) {
	n, _ := strconv.Atoi(os.Getenv("TRACKER_FEED_BENCH"))
	if n == 0 {
		t.Skip("set TRACKER_FEED_BENCH to a number of applications")
	}
	storagetest.Each(t, func(t *testing.T, db *storage.DB) {
		ctx := storagetest.Owner(t, db, "feedtime@example.com")
		uid, _ := applications.OwnerFrom(ctx)
		now := time.Date(2026, 3, 2, 9, 0, 0, 0, time.UTC)
		svc := applications.NewService(db, func() time.Time { return now })
		tenths := map[string]int{"invited": 1, "scheduled": 1, "declined": 1, "applied": 4, "rejected": 3}
		for i, status := range []string{"invited", "scheduled", "declined", "applied", "rejected"} {
			steps := []struct {
				q    string
				args []any
			}{
				{`WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < ?)
				  INSERT INTO applications (owner_id, company, role, notes, status, applied_at, created_at, updated_at)
				  SELECT ?, 'Company ' || i, 'Engineer', 'notes', ?, ?, ?, ? FROM n`, []any{n / 10 * tenths[status], uid, status, now, now, now}},
				{`INSERT INTO history (application_id, from_status, to_status, at, note)
				  SELECT id, '', status, ?, 'created' FROM applications WHERE owner_id = ? AND status = ?`, []any{now, uid, status}},
				{`INSERT INTO invitations (application_id, owner_id, received_at, interview_at, format, round, message, response)
				  SELECT id, owner_id, ?, ?, 'video', 1, 'A message', CASE status WHEN 'invited' THEN 'pending' WHEN 'rejected' THEN 'cancelled' ELSE 'accepted' END
				  FROM applications WHERE owner_id = ? AND status = ? AND status <> 'applied'`, []any{now, now.Add(time.Duration(i) * time.Hour), uid, status}},
				{`INSERT INTO letters (application_id, kind, channel, tone, body, sent_at, created_at)
				  SELECT id, 'decline', 'email', 'formal', 'A letter of some length, as a decline is.', ?, ? FROM applications WHERE owner_id = ? AND status = 'declined'`, []any{now, now, uid}},
			}
			for _, s := range steps {
				if err := db.ExecTx(ctx, s.q, s.args...); err != nil {
					t.Fatalf("seed: %v", err)
				}
			}
		}
		if err := db.InTx(ctx, func(c context.Context) error { return db.RefreshDue(c, 0) }); err != nil {
			t.Fatal(err)
		}
		if err := db.ExecTx(ctx, "ANALYZE"); err != nil {
			t.Fatal(err)
		}
		ways := []struct {
			name string
			run  func(fw *feed.Writer) error
		}{
			{"every application (before)", func(fw *feed.Writer) error { return svc.Export(ctx, fw.Add) }},
			{"what it shows (after)", func(fw *feed.Writer) error { return svc.Calendar(ctx, fw.AddItem) }},
		}
		times := make([][]time.Duration, len(ways))
		for round := range 7 {
			for k := range ways {
				w := ways[(k+round)%len(ways)]
				fw, err := feed.NewWriter(io.Discard)
				if err != nil {
					t.Fatal(err)
				}
				start := time.Now()
				if err := w.run(fw); err != nil {
					t.Fatal(err)
				}
				times[(k+round)%len(ways)] = append(times[(k+round)%len(ways)], time.Since(start))
			}
		}
		med := func(d []time.Duration) time.Duration { slices.Sort(d); return d[len(d)/2] }
		before, after := med(times[0]), med(times[1])
		t.Logf("%d applications: %s %v, %s %v, after/before %.3f", n, ways[0].name, before, ways[1].name, after, float64(after)/float64(before))
	})
}
