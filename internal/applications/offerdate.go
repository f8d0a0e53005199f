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
	if needOffer && !slices.ContainsFunc(hist, func(h HistoryEntry) bool { return h.To == workflow.Offered }) {
		return offerDateInvalid("offer_made_on can be set once the application has an offer: move it to offered first")
	}
	var began *HistoryEntry
	if len(hist) > 0 {
		began = &hist[0]
	}
	return offerDateInvalid(offerDateRule(day, began, latest, now, loc))
}

// offerDateRule says what is wrong with day as the day of an offer
// recorded at latest (now, or a move's time) on an application that
// began with began (none: it begins now), or "".
func offerDateRule(day civil.Date, began *HistoryEntry, latest, now time.Time, loc *time.Location) string {
	switch last := civil.Of(latest.In(loc)); {
	case day.After(last) && last == civil.Of(now.In(loc)):
		return "offer_made_on must not be after today (" + last.String() + ")"
	case day.After(last):
		return "offer_made_on must not be after the day of the move to offered (" + last.String() + ")"
	case began != nil && day.Before(civil.Of(began.At.In(loc))):
		return "offer_made_on must not be before " + civil.Of(began.At.In(loc)).String() + ", when the application began (" + string(began.To) + ")"
	}
	return ""
}

func offerDateInvalid(msg string) error {
	if msg == "" {
		return nil
	}
	return apperr.Invalid(map[string]string{"offer_made_on": msg})
}

// checkImportedOffer applies the same rules to the day of the offer of an
// imported item before anything of it is written: its moves must reach
// offered, and the day must fall between the day it began (when it was
// applied to, or its invitation received, else today) and today.
func (s *Service) checkImportedOffer(ctx context.Context, it BatchItem, now time.Time) error {
	if !slices.Contains(it.Then, workflow.Offered) {
		return offerDateInvalid("offer_made_on goes only with an application that reaches offered; its status has no offer")
	}
	st, err := s.settings(ctx)
	if err != nil {
		return err
	}
	began := HistoryEntry{At: now, To: startState(it.New)}
	if a := it.New.AppliedAt; a != nil && a.Before(began.At) {
		began.At = *a
	}
	if inv := it.New.Invitation; inv != nil && inv.ReceivedAt.Before(began.At) {
		began.At = inv.ReceivedAt
	}
	return offerDateInvalid(offerDateRule(it.OfferMadeOn, &began, now, now, st.Location()))
}
