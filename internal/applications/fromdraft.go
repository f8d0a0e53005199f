package applications

import (
	"context"
	"strings"
	"time"

	"tracker/internal/invite"
	"tracker/internal/workflow"
)

// ImportInvitation logs an imported invitation as a new invited
// application, in one transaction like Create.
func (s *Service) ImportInvitation(ctx context.Context, d *invite.Draft) (*Detail, error) {
	return s.Create(ctx, FromDraft(d, s.now()))
}

// FromDraft is the input that logs an imported invitation: a new invited
// application with the draft's contact and its first invitation. A draft
// without a received time (a bare .ics without DTSTAMP) counts as received
// now, and one stamped after the interview (a calendar export) as received
// at the interview. The meeting link is kept in the message when the description does
// not already hold it.
func FromDraft(d *invite.Draft, now time.Time) NewApplication {
	received := now
	if d.ReceivedAt != nil && !d.ReceivedAt.After(now) {
		received = *d.ReceivedAt
	}
	if d.InterviewAt != nil && received.After(*d.InterviewAt) {
		received = *d.InterviewAt // an export's DTSTAMP can be later than the event
	}
	msg := d.Message
	if d.MeetingURL != "" && !strings.Contains(msg, d.MeetingURL) {
		msg = strings.TrimSpace(msg + "\n\nMeeting link: " + d.MeetingURL)
	}
	if msg == "" {
		msg = d.Summary
	}
	source := "calendar invite"
	if d.MessageID != "" || d.Subject != "" {
		source = "e-mail"
	}
	return NewApplication{
		Fields: Fields{Company: d.Company, Role: d.Role, Source: source,
			ContactName: d.ContactName, ContactEmail: d.ContactEmail},
		Status: workflow.Invited,
		Invitation: &NewInvitation{ReceivedAt: received, InterviewAt: d.InterviewAt,
			Format: d.Format, Message: msg, Origin: Origin{UID: d.UID, Sequence: d.Sequence,
				Summary: d.Summary, Organizer: d.Organizer, Attendees: d.Attendees,
				MessageID: d.MessageID, Subject: d.Subject}},
	}
}
