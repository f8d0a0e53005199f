package feed

import (
	"fmt"
	"time"

	ics "github.com/arran4/golang-ical"

	"tracker/internal/applications"
)

// uidDomain ends every UID: stable for an item as long as it exists, so
// calendar programs update events in place.
const uidDomain = "@tracker.invalid"

// interviewLength is the length shown for an interview, whose end the
// tracker does not keep.
const interviewLength = time.Hour

// Build renders the feed: each interview not declined or cancelled as a
// VEVENT, each pending invitation's answer deadline and each follow-up due
// as a VTODO with DUE and a VALARM an hour before.
func Build(details []*applications.Detail) []byte {
	cal := ics.NewCalendarFor("tracker")
	cal.SetMethod(ics.MethodPublish)
	cal.SetName("Job applications")
	cal.SetXWRCalName("Job applications")
	for _, d := range details {
		title := d.Company + " – " + d.Role
		for i := range d.Invitations {
			inv := &d.Invitations[i]
			addInterview(cal, d, inv, title)
			if inv.Response == applications.ResponsePending && !inv.DeadlineAt.IsZero() {
				addTodo(cal, fmt.Sprintf("respond-%d", inv.ID), "Answer the invitation: "+title, inv.DeadlineAt, d.UpdatedAt)
			}
		}
		if d.FollowUpDueAt != nil {
			addTodo(cal, fmt.Sprintf("follow-up-%d", d.ID), "Follow up: "+title, *d.FollowUpDueAt, d.UpdatedAt)
		}
	}
	return []byte(cal.Serialize(ics.WithNewLine("\r\n")))
}

func addInterview(cal *ics.Calendar, d *applications.Detail, inv *applications.Invitation, title string) {
	if inv.InterviewAt == nil || inv.Response == applications.ResponseDeclined || inv.Response == applications.ResponseCancelled {
		return
	}
	ev := cal.AddEvent(fmt.Sprintf("interview-%d%s", inv.ID, uidDomain))
	ev.SetDtStampTime(d.UpdatedAt.UTC())
	ev.SetStartAt(inv.InterviewAt.UTC())
	ev.SetEndAt(inv.InterviewAt.UTC().Add(interviewLength))
	ev.SetSummary(fmt.Sprintf("Interview (round %d): %s", inv.Round, title))
	if inv.Message != "" {
		ev.SetDescription(inv.Message)
	}
	status := ics.ObjectStatusTentative
	if inv.Response == applications.ResponseAccepted {
		status = ics.ObjectStatusConfirmed
	}
	ev.SetStatus(status)
}

func addTodo(cal *ics.Calendar, id, summary string, due, stamp time.Time) {
	todo := cal.AddTodo(id + uidDomain)
	todo.SetDtStampTime(stamp.UTC())
	todo.SetDueAt(due.UTC())
	todo.SetSummary(summary)
	todo.SetStatus(ics.ObjectStatusNeedsAction)
	alarm := todo.AddAlarm()
	alarm.SetAction(ics.ActionDisplay)
	alarm.SetTrigger("-PT1H", &ics.KeyValues{Key: "RELATED", Value: []string{"END"}}) // an hour before DUE
	alarm.SetProperty(ics.ComponentPropertyDescription, summary)
}
