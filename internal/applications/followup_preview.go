package applications

import "context"

// PreviewFollowUp writes the follow-up letter that recording the
// follow-up now would store, for the web app's studio. Nothing is stored.
func (s *Service) PreviewFollowUp(ctx context.Context, id int64) (*Preview, error) {
	now := s.now()
	var p *Preview
	err := s.store.View(ctx, func(ctx context.Context) error {
		a, err := s.store.GetApplication(ctx, id)
		if err != nil {
			return err
		}
		l, err := s.composeFollowUp(ctx, a, now, now)
		if err != nil {
			return err
		}
		p = &Preview{Subject: l.Subject, Body: l.Body, Mailto: Mailto(a, l.Subject, l.Body)}
		return nil
	})
	return p, err
}
