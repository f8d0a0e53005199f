package applications

import (
	"context"
	"slices"
	"time"

	"tracker/internal/apperr"
	"tracker/internal/civil"
	"tracker/internal/workflow"
)

// The day an offer was made (Fields.OfferMadeOn) is set by the move to
// offered or by an edit of the application, and named by the offer's
// decline letter. It is a day as the user names it, in their time zone:
// not after their today (nor after the move that records the offer), not
// before the application began (its first history entry: when the user
// applied, or added it), and only on an application that has had an
// offer. A new application has none: it starts before any offer.

// offerOnlyWhenOffered refuses a day of the offer on a move to any stage
// but offered.
func offerOnlyWhenOffered(in MoveInput) error {
	if in.OfferMadeOn.IsZero() || in.To == workflow.Offered {
		return nil
	}
	return apperr.Invalid(map[string]string{"offer_made_on": "offer_made_on goes only with a move to offered, not to " + string(in.To)})
}

// setOfferDate records day as the day a's offer was made, by the move to
// offered at at.
func (s *Service) setOfferDate(ctx context.Context, a *Application, day civil.Date, at, now time.Time) error {
	if err := s.checkOfferDate(ctx, a.ID, day, at, now, false); err != nil {
		return err
	}
	a.OfferMadeOn, a.UpdatedAt = day, now
	return s.store.UpdateApplication(ctx, a, []string{"OfferMadeOn"})
}

// checkOfferDate applies the rules above to day for application appID:
// not after the day of latest (now, or a move's time) in the user's time
// zone, not before the day of its first history entry, and, with
// needOffer, only when the history has a move to offered.
func (s *Service) checkOfferDate(ctx context.Context, appID int64, day civil.Date, latest, now time.Time, needOffer bool) error {
	st, err := s.settings(ctx)
	if err != nil {
		return err
	}
	hist, err := s.store.ListHistory(ctx, appID)
	if err != nil {
		return err
	}
	loc := st.Location()
	msg := ""
	switch last := civil.Of(latest.In(loc)); {
	case needOffer && !slices.ContainsFunc(hist, func(h HistoryEntry) bool { return h.To == workflow.Offered }):
		msg = "offer_made_on can be set once the application has an offer: move it to offered first"
	case day.After(last) && last == civil.Of(now.In(loc)):
		msg = "offer_made_on must not be after today (" + last.String() + ")"
	case day.After(last):
		msg = "offer_made_on must not be after the day of the move to offered (" + last.String() + ")"
	case len(hist) > 0 && day.Before(civil.Of(hist[0].At.In(loc))):
		msg = "offer_made_on must not be before " + civil.Of(hist[0].At.In(loc)).String() + ", when the application began (" + string(hist[0].To) + ")"
	}
	if msg != "" {
		return apperr.Invalid(map[string]string{"offer_made_on": msg})
	}
	return nil
}
