package applications

import (
	"context"
	"errors"
	"strings"
	"time"

	"tracker/internal/apperr"
	"tracker/internal/decline"
	"tracker/internal/workflow"
)

// PreviewDecline writes the decline letter for the application and checks it
// against the etiquette rules. Nothing is stored.
func (s *Service) PreviewDecline(ctx context.Context, id int64, in DeclineInput) (*Preview, error) {
	return s.previewLetter(ctx, id, in, s.composeDecline)
}

// composer writes a letter for an application from the user's choices.
type composer func(ctx context.Context, r *LetterRecords, in DeclineInput) (decline.Request, decline.Letter, []decline.Check, error)

// previewLetter writes the letter compose makes for the application and
// returns it with its checks; nothing is stored.
func (s *Service) previewLetter(ctx context.Context, id int64, in DeclineInput, compose composer) (*Preview, error) {
	if !in.plainlyValid() {
		if err := s.checkStruct(in); err != nil {
			return nil, err
		}
	}
	var p *Preview
	err := s.store.ShortView(ctx, func(ctx context.Context) error {
		r, err := s.store.ReadForPreview(ctx, id)
		if err != nil {
			return err
		}
		a := &r.Application
		req, letter, checks, err := compose(ctx, r, in)
		if err != nil {
			return err
		}
		p = &Preview{Subject: letter.Subject, Body: letter.Body, Voicemail: letter.Voicemail, Offer: string(req.Offer),
			Checks: checks, Mailto: Mailto(a, letter.Subject, letter.Body), PreviewedStatus: a.Status}
		return nil
	})
	return p, err
}

// Decline sends the decline: the application becomes declined, its pending
// invitation is answered, the letter is stored and the follow-up falls due.
// An edited letter that fails a check of severity error is refused unless
// the input says Override.
func (s *Service) Decline(ctx context.Context, id int64, in DeclineInput) (*Detail, error) {
	now, sentAt, err := s.checkSent(in, in.SentAt)
	if err != nil {
		return nil, err
	}
	if in.PreviewedStatus != "" && !in.PreviewedStatus.Valid() {
		return nil, apperr.Invalid(map[string]string{"previewed_status": "previewed_status must be a status, as the preview returned it"})
	}
	return s.moveLetter(ctx, id, now, func(ctx context.Context, r *LetterRecords, now time.Time) error {
		a := &r.Application
		if in.PreviewedStatus != "" && in.PreviewedStatus != a.Status {
			return &apperr.Error{Code: apperr.ECONFLICT, Allowed: workflow.Next(a.Status),
				Message: "the application moved from " + string(in.PreviewedStatus) + " to " + string(a.Status) +
					" since the letter was previewed; preview the letter again"}
		}
		req, letter, checks, err := s.composeDecline(ctx, r, in)
		if err != nil {
			return err
		}
		if failed := decline.FailedErrors(checks); len(failed) > 0 && !in.Override {
			return failedChecks(failed)
		}
		st := step{workflow.Declined, workflow.ActionDecline, "declined: " + string(req.Reason), sentAt, "sent_at", &Answer{ResponseDeclined, sentAt}}
		if err := s.transition(ctx, a, st, now); err != nil {
			return err
		}
		return s.store.AddLetter(ctx, sentLetter(id, LetterDecline, req, letter, checks, sentAt, now))
	})
}

// composeDecline generates the decline letter for a's situation, applies
// the user's edits, and checks the result.
func (s *Service) composeDecline(ctx context.Context, r *LetterRecords, in DeclineInput) (decline.Request, decline.Letter, []decline.Check, error) {
	a := &r.Application
	situation, ok := decline.SituationFor(a.Status)
	if !ok || !workflow.CanMove(a.Status, workflow.Declined) {
		return decline.Request{}, decline.Letter{}, nil, &apperr.Error{Code: apperr.ECONFLICT, Allowed: workflow.Next(a.Status),
			Message: "an application that is " + string(a.Status) + " cannot be declined; decline from invited, scheduled, interviewed or offered"}
	}
	return s.composeLetter(ctx, r, situation, in)
}

// composeLetter writes the letter that leaves a in situation, signed from
// the sender profile unless the input names the sender, applies the user's
// edits, and checks the result.
func (s *Service) composeLetter(ctx context.Context, r *LetterRecords, situation decline.Situation, in DeclineInput) (decline.Request, decline.Letter, []decline.Check, error) {
	a := &r.Application
	composed := false
	req, letter, checks, err := decline.ComposeChecked(s.letterRequest(r, situation, in), func(l *decline.Letter) {
		composed = true
		if in.Subject != nil {
			l.Subject = *in.Subject
		}
		if in.Body != nil {
			l.Body = *in.Body
		}
	}, func(keys []string) ([]string, error) {
		return s.otherNames(ctx, a, r.NamesVersion, keys)
	})
	if err != nil {
		if !composed {
			err = inputError(err)
		}
		return req, letter, nil, err
	}
	return req, letter, checks, nil
}

// letterRequest gathers what the generator needs: the user's choices, the
// defaults of their settings, the profile that signs, the interview a
// cancelled slot names or an after_interview letter thanks for (in the
// user's time zone), when the letter is
// written (the time it is sent, else now), whether an interview was
// already held (a later round is declined), the variety of English
// their time zone writes, and the names of the other applications for the
// checker; all of it read with the application (LetterRecords).
func (s *Service) letterRequest(r *LetterRecords, situation decline.Situation, in DeclineInput) decline.Request {
	a, p, st := &r.Application, &r.Profile, DefaultSettings()
	if r.Settings != nil {
		st = *r.Settings
	}
	req := decline.Request{
		Company: a.Company, Role: a.Role, Contact: a.LetterContact(), Situation: situation,
		Reason: decline.Reason(in.Reason), ReasonDetail: in.ReasonDetail, Detail: in.Detail, DetailKind: decline.DetailKind(in.DetailKind), Offer: decline.Offer(in.Offer),
		Channel: decline.Channel(or(in.Channel, st.DefaultChannel)), Tone: decline.Tone(or(in.Tone, st.DefaultTone)),
		Sender:  decline.Sender{Name: or(strings.TrimSpace(in.SenderName), p.Name), Email: p.Email, Phone: p.Phone, Link: p.Link},
		Variant: uint64(a.ID), Wording: uint64(in.Variant), Location: st.Location(), English: st.English(),
		DeclinedOn: s.now(), OfferMadeOn: a.OfferMadeOn, Recent: r.Recent,
	}
	if in.SentAt != nil {
		req.DeclinedOn = *in.SentAt
	}
	// The invitations give the slot a cancellation names and the
	// imported invitation whose thread the letter answers.
	invs := r.Invitations
	switch situation {
	case decline.SituationBeforeInterview:
		req.InterviewAt = acceptedSlot(invs, nil)
	case decline.SituationAfterInterview:
		req.MetAt = acceptedSlot(invs, &req.DeclinedOn)
	}
	if situation == decline.SituationInvitation || situation == decline.SituationBeforeInterview {
		req.Interviewed = r.Interviewed
	}
	// An invitation imported from an e-mail is answered in its thread,
	// as people answer a recruiter: "Re: " and its own subject.
	if inv := originOf(invs); inv != nil && inv.Origin.MessageID != "" {
		req.ThreadSubject = inv.Origin.Subject
	}
	return req
}

// acceptedSlot is the time of the interview the application is scheduled
// for: the accepted round's, the newest first; with by, the newest held
// by then (the interview an after_interview letter follows); nil when
// none has such a time.
func acceptedSlot(invs []Invitation, by *time.Time) *time.Time {
	for i := len(invs) - 1; i >= 0; i-- {
		if t := invs[i].InterviewAt; t != nil && invs[i].Response == ResponseAccepted && (by == nil || !t.After(*by)) {
			return t
		}
	}
	return nil
}

// FollowUp records the follow-up after the decline: the application
// becomes followed_up and the follow-up letter is stored. An edited letter
// that fails a check of severity error is refused unless the input says
// Override.
func (s *Service) FollowUp(ctx context.Context, id int64, in FollowUpInput) (*Detail, error) {
	now, sentAt, err := s.checkSent(in, in.SentAt)
	if err != nil {
		return nil, err
	}
	return s.move(ctx, id, now, func(ctx context.Context, a *Application, now time.Time) error {
		l, err := s.composeFollowUp(ctx, a, in, sentAt, now)
		if err != nil {
			return err
		}
		if failed := decline.FailedErrors(l.Checks); len(failed) > 0 && !in.Override {
			return failedChecks(failed)
		}
		note := or(strings.TrimSpace(in.Note), "followed up")
		if err := s.transition(ctx, a, step{workflow.FollowedUp, workflow.ActionFollowUp, note, sentAt, "sent_at", nil}, now); err != nil {
			return err
		}
		return s.store.AddLetter(ctx, l)
	})
}

// composeFollowUp writes the follow-up of the kind asked for, in the tone of
// the decline it follows and on the channel that suits it (an e-mail after
// a call), applies the user's edits and checks the result.
func (s *Service) composeFollowUp(ctx context.Context, a *Application, in FollowUpInput, sentAt, now time.Time) (*Letter, error) {
	if err := workflow.Check(a.Status, workflow.FollowedUp, workflow.ActionFollowUp); err != nil {
		return nil, &apperr.Error{Code: apperr.ECONFLICT, Message: "only a declined application can be followed up; this one is " + string(a.Status), Allowed: workflow.Next(a.Status)}
	}
	dec, err := s.lastDecline(ctx, a.ID)
	if err != nil {
		return nil, err
	}
	if sentAt.Before(dec.SentAt) {
		return nil, apperr.Invalid(map[string]string{"sent_at": "sent_at must not be before the decline was sent (" + dec.SentAt.Format(time.RFC3339) + ")"})
	}
	p, st, err := s.sender(ctx)
	if err != nil {
		return nil, err
	}
	sit, err := s.declinedSituation(ctx, a.ID)
	if err != nil {
		return nil, err
	}
	req := decline.FollowUpRequest{Company: a.Company, Role: a.Role, Contact: a.LetterContact(), Situation: sit,
		Kind: decline.FollowUpKind(in.Kind), DeclineChannel: decline.Channel(dec.Channel), Tone: decline.Tone(dec.Tone),
		Sender:     decline.Sender{Name: or(dec.SenderName, p.Name), Email: p.Email, Phone: p.Phone, Link: p.Link},
		DeclinedOn: dec.SentAt, DeclineSubject: dec.Subject, Variant: uint64(a.ID), Wording: uint64(in.Variant), English: st.English()}
	letter, err := decline.ComposeFollowUp(req)
	if err != nil {
		return nil, inputError(err)
	}
	if in.Subject != nil {
		letter.Subject = *in.Subject
	}
	if in.Body != nil {
		letter.Body = *in.Body
	}
	return &Letter{ApplicationID: a.ID, Kind: LetterFollowUp, Channel: string(decline.FollowUpChannel(req.DeclineChannel)), Tone: dec.Tone, SenderName: dec.SenderName,
		Subject: letter.Subject, Body: letter.Body, Variant: in.Variant, SentAt: sentAt, Checks: decline.CheckFollowUp(letter, req), CreatedAt: now}, nil
}

// declinedSituation is the situation of the application's last decline:
// the state it was declined from, as the history records it.
func (s *Service) declinedSituation(ctx context.Context, appID int64) (decline.Situation, error) {
	hist, err := s.store.ListHistory(ctx, appID)
	if err != nil {
		return "", err
	}
	for i := len(hist) - 1; i >= 0; i-- {
		if hist[i].To == workflow.Declined {
			sit, _ := decline.SituationFor(hist[i].From)
			return sit, nil
		}
	}
	return "", nil
}

// lastDecline returns the newest decline letter of an application.
func (s *Service) lastDecline(ctx context.Context, appID int64) (*Letter, error) {
	letters, err := s.store.ListLetters(ctx, appID)
	if err != nil {
		return nil, err
	}
	for i := len(letters) - 1; i >= 0; i-- {
		if letters[i].Kind == LetterDecline {
			return &letters[i], nil
		}
	}
	return nil, apperr.Errorf(apperr.ECONFLICT, "application %d has no decline letter to follow up: it was recorded as declined without one (a CSV import carries no letters)", appID)
}

// checkSent validates the input of a letter and the time it was sent,
// which defaults to now; it returns now and that time.
func (s *Service) checkSent(in any, at *time.Time) (now, sent time.Time, err error) {
	now = s.now()
	sent, err = sentTime(at, now)
	return now, sent, mergeInvalid(s.checkStruct(in), err)
}

// sentTime returns when a letter was sent: the given time, else now.
func sentTime(t *time.Time, now time.Time) (time.Time, error) {
	return moment(t, now, "sent_at")
}

// failedChecks is the apperr.EINVALID error for a letter that breaks the etiquette.
func failedChecks(failed []decline.Check) *apperr.Error {
	fields := map[string]string{}
	names := make([]string, 0, len(failed))
	for _, c := range failed {
		fields["checks."+c.Rule] = c.Hint
		names = append(names, c.Rule)
	}
	return &apperr.Error{Code: apperr.EINVALID, Fields: fields,
		Message: "the letter fails the checks " + strings.Join(names, ", ") + "; fix it, or send it with override"}
}

// inputError maps the letter generator's input errors to apperr.EINVALID.
func inputError(err error) error {
	var ie *decline.InputError
	if errors.As(err, &ie) {
		return apperr.Invalid(ie.Fields)
	}
	return err
}

// LetterContact is the contact as the letters address it: the kind, title
// and greeting name the user set, each derived from the name when empty.
func (f Fields) LetterContact() decline.Contact {
	return decline.Contact{Kind: decline.ContactKind(f.ContactKind), Name: f.ContactName,
		Title: f.ContactTitle, GreetingName: f.GreetingName}
}

// or returns s, or def when s is empty.
func or(s, def string) string {
	if s == "" {
		return def
	}
	return s
}

// otherNames are the companies and contacts of the user's other
// applications that the checker must look for in a letter with keys
// (decline.NameKeys), so it can catch one pasted in by mistake, newest
// application first. Names that are part of this application's own are
// left out. version is the version of the user's filed names read with
// the application (nil when not read).
func (s *Service) otherNames(ctx context.Context, a *Application, version *int64, keys []string) ([]string, error) {
	own := strings.ToLower(a.Company + " | " + a.Role + " | " + a.ContactName)
	ownName := func(n string) bool {
		n = strings.TrimSpace(n)
		return n == "" || strings.Contains(own, strings.ToLower(n))
	}
	apps, err := s.store.OtherNames(ctx, a.ID, version, keys, ownName)
	if err != nil {
		return nil, err
	}
	var out []string
	seen := map[string]bool{} // a company or contact of many applications is checked once
	for _, o := range apps {
		for _, n := range []string{o.Company, o.ContactName} {
			if n = strings.TrimSpace(n); n != "" && !seen[n] && !ownName(n) {
				seen[n] = true
				out = append(out, n)
			}
		}
	}
	return out, nil
}

// sentLetter is the stored form of a letter written from req.
func sentLetter(appID int64, kind string, req decline.Request, l decline.Letter, checks []decline.Check, sentAt, now time.Time) *Letter {
	return &Letter{ApplicationID: appID, Kind: kind, Reason: string(req.Reason), ReasonDetail: req.ReasonDetail,
		Channel: or(string(req.Channel), string(decline.ChannelEmail)), Tone: or(string(req.Tone), string(decline.ToneFormal)),
		SenderName: req.Sender.Name, Subject: l.Subject, Body: l.Body, Voicemail: l.Voicemail,
		Detail: req.Detail, Offer: string(req.Offer), Variant: int(req.Wording), SentAt: sentAt, Checks: checks, CreatedAt: now}
}
