package applications

import (
	"context"
	"strings"
	"time"
	"unicode/utf8"

	"tracker/internal/apperr"
	"tracker/internal/civil"
	"tracker/internal/workflow"
)

// MoveInput is a plain move of the stage machine. At is when it happened,
// now when nil: not in the future, and not before the history's last entry.
type MoveInput struct {
	To   workflow.State
	Note string
	At   *time.Time
	// OfferMadeOn is the day the offer was made, for a move to offered
	// only; zero leaves the application's as it is.
	OfferMadeOn civil.Date
}

// step is one move as the service records it: its history entry's time
// and the input field that set it, for the message when it is too early.
type step struct {
	to     workflow.State
	action workflow.Action
	note   string
	at     time.Time
	field  string
	// answer is the answer the move gives the pending invitation, if any.
	answer *Answer
}

// Move makes a plain move of the stage machine. Declining, following up
// and withdrawing have their own methods.
func (s *Service) Move(ctx context.Context, id int64, in MoveInput) (*Detail, error) {
	now := s.now()
	at, err := moment(in.At, now, "at")
	if err = mergeInvalid(mergeInvalid(checkNote(in.To, in.Note), err), offerOnlyWhenOffered(in)); err != nil {
		return nil, err
	}
	return s.move(ctx, id, now, func(ctx context.Context, a *Application, now time.Time) error {
		from := a.Status
		st := step{in.To, workflow.ActionMove, in.Note, at, "at", moveAnswer(from, in.To, at)}
		if err := s.transition(ctx, a, st, now); err != nil {
			return err
		}
		if !in.OfferMadeOn.IsZero() {
			if err := s.setOfferDate(ctx, a, in.OfferMadeOn, at, now); err != nil {
				return err
			}
		}
		return s.afterMove(ctx, a, in.To, in.Note, at, now)
	})
}

// moveAnswer is the answer a plain move from -> to at gives the pending
// invitation, nil for none: a move to scheduled accepts it; a move to
// rejected or ghosted cancels it, as it can no longer be answered (only an
// invited application has one). The store gives it with the move.
func moveAnswer(from, to workflow.State, at time.Time) *Answer {
	switch {
	case to == workflow.Scheduled:
		return &Answer{ResponseAccepted, at}
	case (to == workflow.Rejected || to == workflow.Ghosted) && holdsPending(from):
		return &Answer{ResponseCancelled, at}
	}
	return nil
}

// afterMove does what a move to to means beyond the status and the answer
// it gives (moveAnswer): an invitation to answer, or the applied date of a
// wishlist job.
func (s *Service) afterMove(ctx context.Context, a *Application, to workflow.State, note string, at, now time.Time) error {
	switch to {
	case workflow.Invited:
		return s.logInvitation(ctx, a.ID, NewInvitation{ReceivedAt: at, Message: note})
	case workflow.Applied:
		if a.AppliedAt == nil {
			a.AppliedAt, a.UpdatedAt = &at, now
			return s.store.UpdateApplication(ctx, a, []string{"AppliedAt"})
		}
	}
	return nil
}

// holdsPending reports whether an application in stage st can have a
// pending invitation: only an invited one. An invitation is logged pending
// only by a move to invited (or with it), and every move out of invited
// answers it (scheduled: accepted; declined: declined; rejected, ghosted:
// cancelled); a restore refuses a backup that breaks this, and migration
// 00051 cancelled what older versions left pending elsewhere
// (TestPendingOnlyWhileInvited walks every move of the machine). A move
// out of any other stage need not look for one.
func holdsPending(st workflow.State) bool { return st == workflow.Invited }

// Withdraw records that the user withdrew the application on their own
// initiative (from wishlist or applied): it becomes withdrawn.
func (s *Service) Withdraw(ctx context.Context, id int64, in WithdrawInput) (*Detail, error) {
	now := s.now()
	at, err := moment(in.At, now, "at")
	if err = mergeInvalid(s.checkStruct(in), err); err != nil {
		return nil, err
	}
	if in.Letter != nil {
		if err := s.checkStruct(*in.Letter); err != nil {
			return nil, err
		}
	}
	note := or(strings.TrimSpace(in.Note), "withdrawn")
	withdraw := func(ctx context.Context, a *Application, now time.Time) error {
		return s.transition(ctx, a, step{workflow.Withdrawn, workflow.ActionWithdraw, note, at, "at", nil}, now)
	}
	if in.Letter == nil {
		return s.move(ctx, id, now, withdraw)
	}
	return s.moveLetter(ctx, id, now, func(ctx context.Context, r *LetterRecords, now time.Time) error {
		if err := s.storeWithdrawal(ctx, r, *in.Letter, at, now); err != nil {
			return err
		}
		return withdraw(ctx, &r.Application, now)
	})
}

// checkNote validates the target state and the note of a move.
func checkNote(to workflow.State, note string) error {
	fields := map[string]string{}
	if !to.Valid() {
		fields["to"] = "to must be one of " + statesList()
	}
	if utf8.RuneCountInString(note) > 2000 || !plainText(note, true) {
		fields["note"] = "note must be plain text of at most 2000 characters"
	}
	if len(fields) > 0 {
		return apperr.Invalid(fields)
	}
	return nil
}

// moment returns when something happened: the given time, else now. The
// given time must not lie in the future; field names it in the message.
func moment(t *time.Time, now time.Time, field string) (time.Time, error) {
	if t == nil {
		return now, nil
	}
	fields := map[string]string{}
	checkTime(fields, field, *t, now, true)
	if len(fields) > 0 {
		return time.Time{}, apperr.Invalid(fields)
	}
	return notAfter(t.UTC().Truncate(time.Second), now), nil
}

// notAfter returns t, or now when t lies after it: a client's clock a
// little ahead (within clockSkew) must not date a step in the future, or
// the next step, dated now, would be refused as earlier.
func notAfter(t, now time.Time) time.Time {
	if t.After(now) {
		return now
	}
	return t
}

// transition moves a from its status by st and records it in the history.
// The move may not be dated before the history's last entry, so that the
// history, ordered by time, reads as the path the application took. The
// store's conditional update makes a lost race an ECONFLICT.
func (s *Service) transition(ctx context.Context, a *Application, st step, now time.Time) error {
	if err := workflow.Check(a.Status, st.to, st.action); err != nil {
		return &apperr.Error{Code: apperr.ECONFLICT, Message: err.Error(), Allowed: workflow.Next(a.Status)}
	}
	if err := s.notBeforeLast(ctx, a.ID, st.at, st.field); err != nil {
		return err
	}
	h := &HistoryEntry{ApplicationID: a.ID, From: a.Status, To: st.to, At: st.at, Note: st.note}
	settled, err := s.store.MoveStatus(ctx, h, now, st.answer)
	if err != nil {
		return err
	}
	a.Status, a.UpdatedAt = st.to, now
	if c, ok := ctx.Value(changeKey{}).(*changing); ok {
		c.last, c.lastRead = h, true // notBeforeLast made it the last
		if settled {
			c.settled = st.to
		}
	}
	return nil
}

// notBeforeLast refuses a time earlier than the last entry of the history.
func (s *Service) notBeforeLast(ctx context.Context, appID int64, at time.Time, field string) error {
	var last *HistoryEntry
	if c, ok := ctx.Value(changeKey{}).(*changing); ok && c.lastRead {
		last = c.last
	} else {
		var err error
		if last, err = s.store.LastHistory(ctx, appID); err != nil {
			return err
		}
	}
	if last == nil {
		return nil
	}
	if at.Before(last.At) {
		return apperr.Invalid(map[string]string{field: field + " must not be before the last entry of the history (" +
			string(last.To) + " at " + last.At.Format(time.RFC3339) + ")"})
	}
	return nil
}
