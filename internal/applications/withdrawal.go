package applications

import (
	"context"
	"time"

	"tracker/internal/apperr"
	"tracker/internal/decline"
	"tracker/internal/workflow"
)

// PreviewWithdrawal writes the letter that withdraws an application before
// any invitation and checks it, as PreviewDecline does; nothing is stored.
func (s *Service) PreviewWithdrawal(ctx context.Context, id int64, in DeclineInput) (*Preview, error) {
	return s.previewLetter(ctx, id, in, s.composeWithdrawal)
}

// composeWithdrawal writes the withdrawal letter of an application that
// may still be withdrawn (wishlist, applied).
func (s *Service) composeWithdrawal(ctx context.Context, r *LetterRecords, in DeclineInput) (decline.Request, decline.Letter, []decline.Check, error) {
	a := &r.Application
	if !workflow.CanMove(a.Status, workflow.Withdrawn) {
		return decline.Request{}, decline.Letter{}, nil, &apperr.Error{Code: apperr.ECONFLICT, Allowed: workflow.Next(a.Status),
			Message: "an application that is " + string(a.Status) + " cannot be withdrawn; once invited, decline it instead"}
	}
	return s.composeLetter(ctx, r, decline.SituationWithdrawal, in)
}

// storeWithdrawal writes, checks and stores the letter that withdraws a;
// a letter failing a check of severity error is refused unless overridden.
func (s *Service) storeWithdrawal(ctx context.Context, r *LetterRecords, in DeclineInput, sentAt, now time.Time) error {
	a := &r.Application
	req, letter, checks, err := s.composeWithdrawal(ctx, r, in)
	if err != nil {
		return err
	}
	if failed := decline.FailedErrors(checks); len(failed) > 0 && !in.Override {
		return failedChecks(failed)
	}
	return s.store.AddLetter(ctx, sentLetter(a.ID, LetterWithdrawal, req, letter, checks, sentAt, now))
}
