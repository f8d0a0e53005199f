package api

import (
	"time"

	"tracker/internal/invite"
)

// InviteDraft is an invitation read from a calendar invite or an e-mail,
// as POST /import/invitation returns it for the user to confirm.
type InviteDraft struct {
	Company      string     `json:"company"`
	Role         string     `json:"role"`
	ContactName  string     `json:"contact_name"`
	ContactEmail string     `json:"contact_email"`
	Summary      string     `json:"summary"`
	Location     string     `json:"location"`
	MeetingURL   string     `json:"meeting_url"`
	InterviewAt  *time.Time `json:"interview_at"`
	EndAt        *time.Time `json:"end_at"`
	AllDay       bool       `json:"all_day"`
	TimeZone     string     `json:"time_zone"`
	ReceivedAt   *time.Time `json:"received_at"`
	Message      string     `json:"message"`
	Format       string     `json:"format"`
	UID          string     `json:"uid"`
	Sequence     int        `json:"sequence"`
	Method       string     `json:"method"`
	Organizer    string     `json:"organizer"`
	Attendees    []string   `json:"attendees"`
	MessageID    string     `json:"message_id"`
	Subject      string     `json:"subject"`
	Notes        []string   `json:"notes"`
}

// InviteDraftOf returns the JSON form of a draft; lists are never null.
func InviteDraftOf(d *invite.Draft) InviteDraft {
	v := InviteDraft{Company: d.Company, Role: d.Role, ContactName: d.ContactName, ContactEmail: d.ContactEmail,
		Summary: d.Summary, Location: d.Location, MeetingURL: d.MeetingURL, InterviewAt: utcPtr(d.InterviewAt),
		EndAt: utcPtr(d.EndAt), AllDay: d.AllDay, TimeZone: d.TimeZone, ReceivedAt: utcPtr(d.ReceivedAt),
		Message: d.Message, Format: d.Format, UID: d.UID, Sequence: d.Sequence, Method: d.Method,
		Organizer: d.Organizer, Attendees: d.Attendees, MessageID: d.MessageID, Subject: d.Subject, Notes: d.Notes}
	if v.Attendees == nil {
		v.Attendees = []string{}
	}
	if v.Notes == nil {
		v.Notes = []string{}
	}
	return v
}
