package storage_test

import (
	"bytes"
	"context"
	"regexp"
	"slices"
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
