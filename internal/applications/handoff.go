package applications

import (
	"context"
	"fmt"
	"strings"
	"time"

	"tracker/internal/decline"
)

// LetterEML returns a stored letter as an RFC 5322 draft from the profile's
// address to the application's contact, for the user's mail program.
func (s *Service) LetterEML(ctx context.Context, appID, letterID int64) ([]byte, error) {
	var out []byte
	err := s.store.View(ctx, func(ctx context.Context) error {
		a, err := s.store.GetApplication(ctx, appID)
		if err != nil {
			return err
		}
		letters, err := s.store.ListLetters(ctx, appID)
		if err != nil {
			return err
		}
		for _, l := range letters {
			if l.ID == letterID {
				out, err = s.eml(ctx, a, l.Subject, l.Body, l.SentAt, fmt.Sprintf("letter-%d.%d", l.ID, a.ID))
				return err
			}
		}
		return Errorf(ENOTFOUND, "application %d has no letter %d", appID, letterID)
	})
	return out, err
}

// DraftEML returns a letter that is not stored yet (a preview, or an edit)
// as an RFC 5322 draft.
func (s *Service) DraftEML(ctx context.Context, appID int64, subject, body string) ([]byte, error) {
	var out []byte
	err := s.store.View(ctx, func(ctx context.Context) error {
		a, err := s.store.GetApplication(ctx, appID)
		if err != nil {
			return err
		}
		now := s.now().UTC()
		out, err = s.eml(ctx, a, subject, body, now, fmt.Sprintf("draft-%d.%d", now.UnixNano(), a.ID))
		return err
	})
	return out, err
}

func (s *Service) eml(ctx context.Context, a *Application, subject, body string, date time.Time, localID string) ([]byte, error) {
	p, err := s.store.GetProfile(ctx)
	if err != nil {
		return nil, err
	}
	out, err := decline.BuildEML(decline.Message{
		FromName: p.Name, FromEmail: p.Email, ToName: a.ContactName, ToEmail: a.ContactEmail,
		Subject: subject, Body: body, Date: date, MessageID: localID + "@" + messageIDDomain(p.Email), Draft: true,
	})
	if err != nil {
		return nil, &Error{Code: EINVALID, Message: "the letter cannot be written as an e-mail: " + err.Error()}
	}
	return out, nil
}

// messageIDDomain is the right-hand side of a Message-ID: the sender's
// mail domain, so the id is unique to them, or a reserved name.
func messageIDDomain(email string) string {
	if i := strings.LastIndexByte(email, '@'); i >= 0 && i < len(email)-1 {
		return email[i+1:]
	}
	return "tracker.invalid"
}

// Mailto returns the mailto: link (RFC 6068) that opens a letter in the
// user's mail program, addressed to the application's contact.
func Mailto(a *Application, subject, body string) string {
	return decline.MailtoURL(a.ContactEmail, subject, body)
}
