package web

import (
	"context"
	"slices"
	"time"

	"tracker/internal/applications"
)

// The window and the reach of the promptness figures on Today.
const (
	promptnessWindow = 90 * 24 * time.Hour
	promptnessApps   = 100
)

// promptness is how quickly the user answered invitations lately: the
// median time to an answer and the share answered before the deadline the
// service computed for each.
type promptness struct {
	Answered int
	Median   time.Duration
	OnTime   int // percent
}

// MedianText says the median in words.
func (p promptness) MedianText() string { return span(p.Median) }

// promptnessOf reads the invitations received in the last 90 days of the
// newest applications and measures the answered ones.
func (p *Pages) promptnessOf(ctx context.Context, now time.Time) (promptness, error) {
	page, err := p.Apps.List(ctx, applications.ListFilter{Limit: promptnessApps})
	if err != nil {
		return promptness{}, err
	}
	var took []time.Duration
	onTime := 0
	for _, a := range page.Items {
		d, err := p.Apps.Get(ctx, a.ID)
		if err != nil {
			return promptness{}, err
		}
		for _, inv := range d.Invitations {
			if inv.RespondedAt == nil || now.Sub(inv.ReceivedAt) > promptnessWindow || inv.Response == applications.ResponseCancelled {
				continue
			}
			took = append(took, inv.RespondedAt.Sub(inv.ReceivedAt))
			if !inv.RespondedAt.After(inv.DeadlineAt) {
				onTime++
			}
		}
	}
	if len(took) == 0 {
		return promptness{}, nil
	}
	slices.Sort(took)
	return promptness{Answered: len(took), Median: took[len(took)/2], OnTime: onTime * 100 / len(took)}, nil
}
