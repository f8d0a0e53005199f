package applications

import (
	"context"
	"time"

	"tracker/internal/apperr"
	"tracker/internal/civil"
	"tracker/internal/workflow"
)

// BatchItem is one application of an import: what creates it, and the
// stages it then moves through, in order (to reach rejected, ghosted,
// withdrawn, declined, followed_up, or an offer through the interview),
// if any.
type BatchItem struct {
	New  NewApplication
	Then []workflow.State
	Note string // the note of those moves
	// OfferMadeOn is the day of the offer, set by the move to offered
	// among Then, under that move's rules.
	OfferMadeOn civil.Date
}

// CreateBatch creates the items in one transaction, each as Create and
// then its moves. It returns one error per item (nil for those created);
// an item the rules refuse is left out and the others go on. An internal
// error (the database) ends the whole batch, and nothing of it is kept.
func (s *Service) CreateBatch(ctx context.Context, items []BatchItem) ([]error, error) {
	errs := make([]error, len(items))
	err := s.store.InTx(ctx, func(ctx context.Context) error {
		now := s.now()
		for i, it := range items {
			if !it.OfferMadeOn.IsZero() {
				if errs[i] = s.checkImportedOffer(ctx, it, now); errs[i] != nil {
					if apperr.ErrorCode(errs[i]) == apperr.EINTERNAL {
						return errs[i]
					}
					continue
				}
			}
			d, err := s.Create(ctx, it.New)
			for _, to := range it.Then {
				if err == nil {
					err = s.moveImported(ctx, d.ID, to, it)
				}
			}
			if err != nil && apperr.ErrorCode(err) == apperr.EINTERNAL {
				return err
			}
			errs[i] = err
		}
		return nil
	})
	return errs, err
}

func (s *Service) moveImported(ctx context.Context, id int64, to workflow.State, it BatchItem) error {
	switch to {
	case workflow.Withdrawn:
		_, err := s.Withdraw(ctx, id, WithdrawInput{Note: it.Note})
		return err
	case workflow.Declined, workflow.FollowedUp:
		return s.recordImported(ctx, id, to, it.Note)
	}
	in := MoveInput{To: to, Note: it.Note}
	if to == workflow.Offered {
		in.OfferMadeOn = it.OfferMadeOn
	}
	_, err := s.Move(ctx, id, in)
	return err
}

// recordImported moves an imported application to declined or
// followed_up as the record of what happened elsewhere, without the
// letter that these moves send here: an import brings none (a CSV sheet
// carries no letters), so no follow-up falls due of such a decline. The
// machine's rules hold as for any move; a decline answers the pending
// invitation, as Decline does.
func (s *Service) recordImported(ctx context.Context, id int64, to workflow.State, note string) error {
	_, err := s.move(ctx, id, s.now(), func(ctx context.Context, a *Application, now time.Time) error {
		st := step{to, workflow.ActionFor(to), note, now, "at", nil}
		if to == workflow.Declined {
			st.answer = &Answer{ResponseDeclined, now}
		}
		return s.transition(ctx, a, st, now)
	})
	return err
}
