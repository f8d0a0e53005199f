package applications

import (
	"context"

	"tracker/internal/apperr"
	"tracker/internal/civil"
	"tracker/internal/workflow"
)

// BatchItem is one application of an import: what creates it, and the
// stages it then moves through, in order (to reach rejected, ghosted,
// withdrawn, or an offer through the interview), if any.
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
	if to == workflow.Withdrawn {
		_, err := s.Withdraw(ctx, id, WithdrawInput{Note: it.Note})
		return err
	}
	in := MoveInput{To: to, Note: it.Note}
	if to == workflow.Offered {
		in.OfferMadeOn = it.OfferMadeOn
	}
	_, err := s.Move(ctx, id, in)
	return err
}
