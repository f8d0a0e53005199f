package applications

import (
	"context"
	"time"
)

// The kinds of CalendarItem.
const (
	// CalendarInterview is an interview of a pending or accepted
	// invitation that has a time.
	CalendarInterview = "interview"
	// CalendarRespond is the deadline of a pending invitation's answer.
	CalendarRespond = "respond"
	// CalendarFollowUp is when a declined application's follow-up is due.
	CalendarFollowUp = "follow_up"
)

// CalendarItem is one thing the calendar feed shows: an interview, or an
// answer or follow-up that falls due.
type CalendarItem struct {
	Kind string // one of the Calendar* kinds
	// ID is the invitation's for an interview or an answer, the
	// application's for a follow-up.
	ID            int64
	ApplicationID int64
	Company       string
	Role          string
	// UpdatedAt is when the application last changed.
	UpdatedAt time.Time
	// At is the interview's time, or the due time.
	At time.Time
	// Round, Message and Response are the interview's invitation's.
	Round    int
	Message  string
	Response string
}

// Calendar calls fn with each item of the calendar feed of the user in
// ctx, from one consistent read of what the feed shows, without reading
// the user's other applications: the interviews (pending or accepted,
// with a time), the answers due (each pending invitation's deadline) and
// the follow-ups due, as the application's detail gives them. fn may not
// keep the item once it returns; an error of fn stops the read and is
// returned.
func (s *Service) Calendar(ctx context.Context, fn func(*CalendarItem) error) error {
	return s.store.ListCalendar(ctx, fn)
}
