// Package invite reads an interview invitation from the files people
// receive: an iCalendar invite (RFC 5545, as Google Calendar, Outlook,
// Exchange, Teams, Zoom and Apple Calendar send them) or a raw e-mail
// (RFC 5322) with or without a calendar part. It is pure: it turns bytes
// into a Draft and never reads the clock or a database. Times are placed
// by the invite's own time zone name (IANA, a Windows ID or a Windows
// display name, through the CLDR table embedded here) or, failing that,
// by the offsets of its VTIMEZONE; a time it cannot place is refused.
package invite

import (
	"bytes"
	"fmt"
	"strings"
	"time"

	"tracker/internal/apperr"
)

// Draft is an invitation read from a file, to be confirmed or edited by
// the user before it is logged. Every guessed field says so in Notes.
type Draft struct {
	Company      string
	Role         string
	ContactName  string
	ContactEmail string
	Summary      string
	Location     string
	MeetingURL   string
	// InterviewAt is the start in UTC; nil when the file has no start. For
	// an all-day event it is midnight UTC of the day.
	InterviewAt *time.Time
	EndAt       *time.Time
	AllDay      bool
	// TimeZone says how the start's zone was understood.
	TimeZone string
	// ReceivedAt is the e-mail's Date, else the invite's DTSTAMP; nil when
	// the file has neither.
	ReceivedAt *time.Time
	Message    string
	Format     string // video, phone, onsite or empty
	// Calendar identity, for an iTIP answer in the organizer's calendar.
	UID       string
	Sequence  int
	Method    string
	Organizer string // mailto address of the organizer
	Attendees []string
	// E-mail identity, for threading the answer onto the e-mail.
	MessageID string
	Subject   string
	// Notes tells the user what was guessed or left out.
	Notes []string
}

// Parse reads an invitation from a calendar file or an e-mail, telling
// them apart by their content (the file name is a hint only).
func Parse(name string, data []byte) (*Draft, error) {
	if len(bytes.TrimSpace(data)) == 0 {
		return nil, invalid("file", "the file is empty")
	}
	if looksLikeCalendar(name, data) {
		return ParseICS(data)
	}
	return ParseEML(data)
}

func looksLikeCalendar(name string, data []byte) bool {
	head := bytes.TrimLeft(data, "\ufeff \t\r\n")
	if bytes.HasPrefix(bytes.ToUpper(head[:min(len(head), 15)]), []byte("BEGIN:VCALENDAR")) {
		return true
	}
	n := strings.ToLower(name)
	return (strings.HasSuffix(n, ".ics") || strings.HasSuffix(n, ".ical")) && bytes.HasPrefix(bytes.ToUpper(head), []byte("BEGIN:"))
}

// invalid is the error for a file the importer refuses: field is the
// form field the user sent it in.
func invalid(field, format string, args ...any) error {
	msg := fmt.Sprintf(format, args...)
	return &apperr.Error{Code: apperr.EINVALID, Message: msg, Fields: map[string]string{field: msg}}
}

func (d *Draft) note(format string, args ...any) {
	d.Notes = append(d.Notes, fmt.Sprintf(format, args...))
}
