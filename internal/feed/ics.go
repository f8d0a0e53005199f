package feed

import (
	"fmt"
	"io"
	"strings"
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

// calendarEnd ends the document; what the library writes before it for a
// calendar without components is the head a Writer starts with.
const calendarEnd = "END:VCALENDAR\r\n"

// serialization is how the feed is written: the library's line length and
// CRLF line ends, as RFC 5545 asks.
var serialization = &ics.SerializationConfiguration{MaxLength: 75, PropertyMaxLength: 75, NewLine: "\r\n"}

// Writer writes the feed as its items are read: the calendar's head,
// then each item's event or to-do as it is added, so that a feed holds one
// item's component at a time, whatever their number. Each interview not declined or cancelled is a VEVENT, each
// pending invitation's answer deadline and each follow-up due a VTODO with
// DUE and a VALARM an hour before.
type Writer struct {
	w   io.Writer
	cal *ics.Calendar // holds the components of one application at a time
}

// NewWriter writes the head of the feed to w and returns the Writer of
// its components; Close ends it.
func NewWriter(w io.Writer) (*Writer, error) {
	cal := ics.NewCalendarFor("tracker")
	cal.SetMethod(ics.MethodPublish)
	cal.SetName("Job applications")
	cal.SetXWRCalName("Job applications")
	var b strings.Builder
	if err := cal.SerializeTo(&b, serialization); err != nil {
		return nil, err
	}
	head, ok := strings.CutSuffix(b.String(), calendarEnd)
	if !ok {
		return nil, fmt.Errorf("feed: the calendar does not end in %q", calendarEnd)
	}
	if _, err := io.WriteString(w, head); err != nil {
		return nil, err
	}
	return &Writer{w: w, cal: ics.NewCalendar()}, nil
}

// Add writes the events and to-dos of the application d: the items
// AddItem writes, as the store lists them (applications.Service.Calendar).
func (fw *Writer) Add(d *applications.Detail) error {
	it := applications.CalendarItem{ApplicationID: d.ID, Company: d.Company, Role: d.Role, UpdatedAt: d.UpdatedAt}
	for i := range d.Invitations {
		inv := &d.Invitations[i]
		if inv.InterviewAt != nil && (inv.Response == applications.ResponsePending || inv.Response == applications.ResponseAccepted) {
			it.Kind, it.ID, it.At, it.Round, it.Message, it.Response = applications.CalendarInterview, inv.ID, *inv.InterviewAt, inv.Round, inv.Message, inv.Response
			if err := fw.AddItem(&it); err != nil {
				return err
			}
		}
		if inv.Response == applications.ResponsePending && !inv.DeadlineAt.IsZero() {
			it.Kind, it.ID, it.At = applications.CalendarRespond, inv.ID, inv.DeadlineAt
			if err := fw.AddItem(&it); err != nil {
				return err
			}
		}
	}
	if d.FollowUpDueAt != nil {
		it.Kind, it.ID, it.At = applications.CalendarFollowUp, d.ID, *d.FollowUpDueAt
		return fw.AddItem(&it)
	}
	return nil
}

// AddItem writes one item of the feed: an interview as a VEVENT, an
// answer or a follow-up due as a VTODO.
func (fw *Writer) AddItem(it *applications.CalendarItem) error {
	cal := fw.cal
	cal.Components = cal.Components[:0]
	title := it.Company + " – " + it.Role
	switch it.Kind {
	case applications.CalendarInterview:
		addInterview(cal, it, title)
	case applications.CalendarRespond:
		addTodo(cal, fmt.Sprintf("respond-%d", it.ID), "Answer the invitation: "+title, it.At, it.UpdatedAt)
	case applications.CalendarFollowUp:
		addTodo(cal, fmt.Sprintf("follow-up-%d", it.ID), "Follow up: "+title, it.At, it.UpdatedAt)
	default:
		return fmt.Errorf("feed: no calendar item of kind %q", it.Kind)
	}
	for _, c := range cal.Components {
		if err := c.SerializeTo(fw.w, serialization); err != nil {
			return err
		}
	}
	clear(cal.Components)
	return nil
}

// Close ends the feed.
func (fw *Writer) Close() error {
	_, err := io.WriteString(fw.w, calendarEnd)
	return err
}

func addInterview(cal *ics.Calendar, it *applications.CalendarItem, title string) {
	ev := cal.AddEvent(fmt.Sprintf("interview-%d%s", it.ID, uidDomain))
	ev.SetDtStampTime(it.UpdatedAt.UTC())
	ev.SetStartAt(it.At.UTC())
	ev.SetEndAt(it.At.UTC().Add(interviewLength))
	ev.SetSummary(fmt.Sprintf("Interview (round %d): %s", it.Round, title))
	if it.Message != "" {
		ev.SetDescription(it.Message)
	}
	status := ics.ObjectStatusTentative
	if it.Response == applications.ResponseAccepted {
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
