package applications

import (
	"context"
	"fmt"
	"strings"
	"time"

	"tracker/internal/apperr"
	"tracker/internal/decline"
	"tracker/internal/invite"
)

// answerOrigin makes a letter answer the invitation where it came from:
// onto an e-mail it threads (In-Reply-To, References, "Re:" subject); to a
// calendar invite a decline carries an iTIP reply with PARTSTAT=DECLINED,
// so the organizer's calendar frees the slot. Letters about invitations
// logged by hand are left as they are.
func (s *Service) answerOrigin(ctx context.Context, appID int64, kind string, p *Profile, m *decline.Message) error {
	inv, err := s.originInvitation(ctx, appID)
	if err != nil || inv == nil {
		return err
	}
	o := inv.Origin
	if o.MessageID != "" {
		m.InReplyTo = o.MessageID
		// The letter's subject replies to the invitation already (see
		// letterRequest), or the user wrote a reply's subject of their
		// own; a letter stored before that, or edited to a subject of its
		// own, is threaded by the invitation's.
		if o.Subject != "" && !isReply(m.Subject) {
			m.Subject = reSubject(o.Subject)
		}
	}
	if kind != LetterDecline || o.UID == "" {
		return nil
	}
	cal, err := replyFor(inv, p, invite.Declined, s.now())
	if err != nil {
		return nil // no address to answer as: the letter goes without the calendar part
	}
	m.Calendar, m.CalendarMethod = cal, "REPLY"
	return nil
}

// originInvitation returns the latest invitation of the application that
// was imported, or nil.
func (s *Service) originInvitation(ctx context.Context, appID int64) (*Invitation, error) {
	invs, err := s.store.ListInvitations(ctx, appID)
	if err != nil {
		return nil, err
	}
	return originOf(invs), nil
}

// originOf is the newest of invs that was imported, nil when none was.
func originOf(invs []Invitation) *Invitation {
	for i := len(invs) - 1; i >= 0; i-- {
		if invs[i].Origin.UID != "" || invs[i].Origin.MessageID != "" {
			return &invs[i]
		}
	}
	return nil
}

// replyFor renders the iTIP reply to an imported invite, answering as the
// address the invite named for the user.
func replyFor(inv *Invitation, p *Profile, partStat string, now time.Time) ([]byte, error) {
	o := inv.Origin
	return invite.BuildReply(invite.Reply{UID: o.UID, Sequence: o.Sequence, Summary: o.Summary,
		Organizer: o.Organizer, Attendee: invite.ReplyAttendee(p.Email, o.Organizer, o.Attendees),
		AttendeeName: p.Name, Start: inv.InterviewAt, PartStat: partStat, Stamp: now.UTC()})
}

// reSubject is the subject of an answer: "Re: " and the original, once.
func reSubject(subject string) string {
	if isReply(subject) {
		return subject
	}
	return "Re: " + subject
}

// isReply reports a subject that answers another ("Re: ...").
func isReply(subject string) bool {
	return len(subject) >= 3 && strings.EqualFold(subject[:3], "re:")
}

// AnswerEML returns an e-mail that accepts or declines an imported
// calendar invite in the organizer's calendar: an iTIP reply with
// PARTSTAT=ACCEPTED or DECLINED beside a one-line text, to the organizer.
func (s *Service) AnswerEML(ctx context.Context, appID, invID int64, accept bool) (*EML, error) {
	var out *EML
	err := s.store.View(ctx, func(ctx context.Context) error {
		inv, err := s.invitation(ctx, appID, invID)
		if err != nil {
			return err
		}
		p, err := s.store.GetProfile(ctx)
		if err != nil {
			return err
		}
		out, err = answerEML(inv, p, accept, s.now())
		return err
	})
	return out, err
}

func answerEML(inv *Invitation, p *Profile, accept bool, now time.Time) (*EML, error) {
	verb, ps := "Declined", invite.Declined
	if accept {
		verb, ps = "Accepted", invite.Accepted
	}
	cal, err := replyFor(inv, p, ps, now)
	if err != nil {
		return nil, apperr.Invalid(map[string]string{"invitation": "this invitation did not come as a calendar invite naming its organizer, so no calendar can take an answer to it"})
	}
	summary := inv.Origin.Summary
	if summary == "" {
		summary = "interview"
	}
	data, err := decline.BuildEML(decline.Message{FromName: p.Name, FromEmail: p.Email, ToEmail: inv.Origin.Organizer,
		Subject: verb + ": " + summary, Body: verb + ": " + summary, Date: now, InReplyTo: inv.Origin.MessageID,
		MessageID: fmt.Sprintf("answer-%d.%d@%s", now.Unix(), inv.ID, messageIDDomain(p.Email)),
		Draft:     true, Calendar: cal, CalendarMethod: "REPLY"})
	if err != nil {
		return nil, &apperr.Error{Code: apperr.EINVALID, Message: "the answer cannot be written as an e-mail: " + err.Error()}
	}
	return &EML{Filename: fmt.Sprintf("invitation-%d-%s.eml", inv.ID, strings.ToLower(verb)), Data: data}, nil
}
