package applications

import "context"

// PreviewFollowUp writes the follow-up letter that recording the follow-up
// now with in would store, with its etiquette checks; nothing is stored.
// Edits in the input are checked as the user typed them.
func (s *Service) PreviewFollowUp(ctx context.Context, id int64, in FollowUpInput) (*Preview, error) {
	now, sentAt, err := s.checkSent(in, in.SentAt)
	if err != nil {
		return nil, err
	}
	var p *Preview
	err = s.store.View(ctx, func(ctx context.Context) error {
		a, err := s.store.GetApplication(ctx, id)
		if err != nil {
			return err
		}
		l, err := s.composeFollowUp(ctx, a, in, sentAt, now)
		if err != nil {
			return err
		}
		p = &Preview{Subject: l.Subject, Body: l.Body, Checks: l.Checks, Mailto: Mailto(a, l.Subject, l.Body),
			PreviewedStatus: a.Status}
		return nil
	})
	return p, err
}
