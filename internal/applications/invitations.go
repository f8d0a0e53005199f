package applications

import (
	"context"
	"strconv"
	"time"

	"tracker/internal/apperr"
	"tracker/internal/workflow"
)

// AddInvitation logs a new round of invitation and moves the application to
// invited when the machine allows it. An earlier invitation still pending is
// superseded: it is marked cancelled.
func (s *Service) AddInvitation(ctx context.Context, id int64, in NewInvitation) (*Detail, error) {
	now := s.now()
	if err := mergeInvalid(s.checkStruct(in), checkInvitationDates(in, now, "")); err != nil {
		return nil, err
	}
	in = in.normalised(now)
	return s.move(ctx, id, now, func(ctx context.Context, a *Application, now time.Time) error {
		if a.Status != workflow.Invited && !workflow.CanMove(a.Status, workflow.Invited) {
			return &apperr.Error{Code: apperr.ECONFLICT, Allowed: workflow.Next(a.Status),
				Message: "an invitation cannot be logged while the application is " + string(a.Status)}
		}
		if err := s.logInvitation(ctx, id, in); err != nil {
			return err
		}
		if a.Status == workflow.Invited {
			return nil
		}
		return s.transition(ctx, a, step{workflow.Invited, workflow.ActionMove, "invitation logged", in.ReceivedAt.UTC(), "received_at", nil}, now)
	})
}

// logInvitation adds a pending invitation as the next round (or the round
// the input names, if it is free); an earlier one still pending is
// superseded, so an application waits on one answer at a time.
func (s *Service) logInvitation(ctx context.Context, appID int64, in NewInvitation) error {
	invs, err := s.store.ListInvitations(ctx, appID)
	if err != nil {
		return err
	}
	for _, inv := range invs {
		if inv.Round == in.Round {
			return apperr.Invalid(map[string]string{"round": "round " + strconv.Itoa(in.Round) + " is already logged; leave round out to log the next one"})
		}
	}
	if err := s.store.AnswerPending(ctx, appID, ResponseCancelled, in.ReceivedAt); err != nil {
		return err
	}
	return s.store.AddInvitation(ctx, newInvitation(appID, in, len(invs)+1))
}

// newInvitation builds a pending invitation from the input.
func newInvitation(appID int64, in NewInvitation, round int) *Invitation {
	if in.Round != 0 {
		round = in.Round
	}
	if in.Format == "" {
		in.Format = "other"
	}
	return &Invitation{
		ApplicationID: appID, ReceivedAt: in.ReceivedAt.UTC(), RespondBy: utcPtr(in.RespondBy),
		InterviewAt: utcPtr(in.InterviewAt), Format: in.Format, Round: round, Message: in.Message,
		Response: ResponsePending, Origin: in.Origin,
	}
}

// checkInvitationDates applies the date rules: received_at not in the
// future, respond_by and interview_at not before received_at.
func checkInvitationDates(in NewInvitation, now time.Time, prefix string) error {
	fields := map[string]string{}
	checkTime(fields, prefix+"received_at", in.ReceivedAt, now, true)
	if in.RespondBy != nil {
		checkTime(fields, prefix+"respond_by", *in.RespondBy, now, false)
		if in.RespondBy.Before(in.ReceivedAt) {
			fields[prefix+"respond_by"] = prefix + "respond_by must not be before received_at"
		}
	}
	if in.InterviewAt != nil {
		checkTime(fields, prefix+"interview_at", *in.InterviewAt, now, false)
		if in.InterviewAt.Before(in.ReceivedAt) {
			fields[prefix+"interview_at"] = prefix + "interview_at must not be before received_at"
		}
	}
	if len(fields) > 0 {
		return apperr.Invalid(fields)
	}
	return nil
}

func utcPtr(t *time.Time) *time.Time {
	if t == nil {
		return nil
	}
	u := t.UTC().Truncate(time.Second)
	return &u
}

// InvitationPatch edits a logged invitation: nil leaves a field as it is.
// At is when the change happened (it dates the history entry a new
// interview time adds), now when nil.
type InvitationPatch struct {
	ReceivedAt  *time.Time
	RespondBy   *time.Time
	InterviewAt *time.Time
	Format      *string `validate:"omitempty,oneof=phone video onsite other"`
	Message     *string `validate:"omitempty,max=20000,text"`
	At          *time.Time
}

// UpdateInvitation edits an invitation: its dates, format or message. A
// new interview time is a reschedule: the history gets an entry that keeps
// the old time, so the record shows both.
func (s *Service) UpdateInvitation(ctx context.Context, appID, invID int64, p InvitationPatch) (*Detail, error) {
	now := s.now()
	at, err := moment(p.At, now, "at")
	if err = mergeInvalid(s.checkStruct(p), err); err != nil {
		return nil, err
	}
	return s.change(ctx, appID, now, func(ctx context.Context, a *Application, now time.Time) error {
		inv, err := s.invitation(ctx, appID, invID)
		if err != nil {
			return err
		}
		before := *inv
		p.apply(inv)
		in := NewInvitation{ReceivedAt: inv.ReceivedAt, RespondBy: inv.RespondBy, InterviewAt: inv.InterviewAt}
		if err := checkInvitationDates(in, now, ""); err != nil {
			return err
		}
		if err := s.store.UpdateInvitation(ctx, inv); err != nil {
			return err
		}
		note, moved := rescheduleNote(before.InterviewAt, inv.InterviewAt)
		if !moved {
			return nil
		}
		if err := s.notBeforeLast(ctx, appID, at, "at"); err != nil {
			return err
		}
		return s.store.AddHistory(ctx, &HistoryEntry{ApplicationID: appID, From: a.Status, To: a.Status, At: at, Note: note})
	})
}

// invitation returns invitation invID of application appID, or ENOTFOUND.
func (s *Service) invitation(ctx context.Context, appID, invID int64) (*Invitation, error) {
	invs, err := s.store.ListInvitations(ctx, appID)
	if err != nil {
		return nil, err
	}
	for i := range invs {
		if invs[i].ID == invID {
			return &invs[i], nil
		}
	}
	return nil, apperr.Errorf(apperr.ENOTFOUND, "application %d has no invitation %d", appID, invID)
}

func (p InvitationPatch) apply(inv *Invitation) {
	if p.ReceivedAt != nil {
		inv.ReceivedAt = p.ReceivedAt.UTC().Truncate(time.Second)
	}
	if p.RespondBy != nil {
		inv.RespondBy = utcPtr(p.RespondBy)
	}
	if p.InterviewAt != nil {
		inv.InterviewAt = utcPtr(p.InterviewAt)
	}
	if p.Format != nil {
		inv.Format = *p.Format
	}
	if p.Message != nil {
		inv.Message = *p.Message
	}
}

// rescheduleNote says how the interview time changed, and false when it
// did not.
func rescheduleNote(old, new *time.Time) (string, bool) {
	switch {
	case new == nil || (old != nil && old.Equal(*new)):
		return "", false
	case old == nil:
		return "interview set for " + new.Format(time.RFC3339), true
	}
	return "interview rescheduled from " + old.Format(time.RFC3339) + " to " + new.Format(time.RFC3339), true
}

// normalised returns in with its times in UTC to the second, as they are
// stored, so that a time typed as "now" compares as the service's now does;
// a received_at a little ahead of now (clock skew) is now.
func (in NewInvitation) normalised(now time.Time) NewInvitation {
	in.ReceivedAt = notAfter(in.ReceivedAt.UTC().Truncate(time.Second), now)
	in.RespondBy, in.InterviewAt = utcPtr(in.RespondBy), utcPtr(in.InterviewAt)
	return in
}
