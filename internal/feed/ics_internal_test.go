package feed

import (
	"bytes"
	"testing"
	"time"

	ics "github.com/arran4/golang-ical"

	"tracker/internal/applications"
)

// TestWriterIsTheWholeCalendar: the feed written one application at a
// time is byte for byte the calendar the library writes when it holds
// every component at once.
func TestWriterIsTheWholeCalendar(t *testing.T) {
	at := time.Date(2026, 3, 2, 9, 0, 0, 0, time.UTC)
	interview, later := at.Add(48*time.Hour), at.Add(96*time.Hour)
	details := []*applications.Detail{
		{Application: applications.Application{ID: 1, Fields: applications.Fields{Company: "Contoso", Role: "SRE"}, UpdatedAt: at},
			Invitations: []applications.Invitation{
				{ID: 7, InterviewAt: &interview, Round: 1, Message: "A long message that the library folds over more than one line of seventy-five octets", Response: applications.ResponseAccepted},
				{ID: 8, InterviewAt: &later, Round: 2, Response: applications.ResponsePending, DeadlineAt: at.Add(24 * time.Hour)},
			}},
		{Application: applications.Application{ID: 2, Fields: applications.Fields{Company: "Globex", Role: "PM"}, UpdatedAt: at}},
		{Application: applications.Application{ID: 3, Fields: applications.Fields{Company: "Initech", Role: "Dev"}, UpdatedAt: at}, FollowUpDueAt: &later},
	}
	for _, n := range []int{0, len(details)} {
		whole := ics.NewCalendarFor("tracker")
		whole.SetMethod(ics.MethodPublish)
		whole.SetName("Job applications")
		whole.SetXWRCalName("Job applications")
		for _, d := range details[:n] {
			title := d.Company + " – " + d.Role
			for i := range d.Invitations {
				inv := &d.Invitations[i]
				addInterview(whole, &applications.CalendarItem{ID: inv.ID, UpdatedAt: d.UpdatedAt, At: *inv.InterviewAt,
					Round: inv.Round, Message: inv.Message, Response: inv.Response}, title)
				if inv.Response == applications.ResponsePending {
					addTodo(whole, "respond-8", "Answer the invitation: "+title, inv.DeadlineAt, d.UpdatedAt)
				}
			}
			if d.FollowUpDueAt != nil {
				addTodo(whole, "follow-up-3", "Follow up: "+title, *d.FollowUpDueAt, d.UpdatedAt)
			}
		}
		var b bytes.Buffer
		fw, err := NewWriter(&b)
		if err != nil {
			t.Fatal(err)
		}
		for _, d := range details[:n] {
			if err := fw.Add(d); err != nil {
				t.Fatal(err)
			}
		}
		if err := fw.Close(); err != nil {
			t.Fatal(err)
		}
		if want := whole.Serialize(ics.WithNewLine("\r\n")); b.String() != want {
			t.Errorf("%d applications: streamed\n%s\nwant\n%s", n, b.String(), want)
		}
	}
}
