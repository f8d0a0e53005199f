package applications

import (
	"context"
	"fmt"
	"strconv"
	"strings"
	"time"

	"tracker/internal/apperr"
	"tracker/internal/decline"
)

// EML is a letter as an RFC 5322 message, with the file name to save it as.
type EML struct {
	Filename string
	Data     []byte
}

// LetterEML returns a stored letter as an RFC 5322 draft from the profile's
// address to the application's contact, for the user's mail program.
func (s *Service) LetterEML(ctx context.Context, appID, letterID int64) (*EML, error) {
	var out *EML
	err := s.store.View(ctx, func(ctx context.Context) error {
		a, err := s.store.GetApplication(ctx, appID)
		if err != nil {
			return err
		}
		letters, err := s.store.ListLetters(ctx, appID)
		if err != nil {
			return err
		}
		for i, l := range letters {
			if l.ID == letterID {
				data, err := s.eml(ctx, a, l.Kind, l.Subject, l.Body, l.SentAt, fmt.Sprintf("letter-%d.%d", l.ID, a.ID), repliesTo(letters[:i]))
				out = &EML{Filename: emlFilename(a.Company, l.Kind, strconv.FormatInt(l.ID, 10)), Data: data}
				return err
			}
		}
		return apperr.Errorf(apperr.ENOTFOUND, "application %d has no letter %d", appID, letterID)
	})
	return out, err
}

// DraftEML returns a letter that is not stored yet (a preview, or an edit)
// as an RFC 5322 draft.
func (s *Service) DraftEML(ctx context.Context, appID int64, subject, body string) (*EML, error) {
	return s.draftEML(ctx, appID, LetterDecline, subject, body)
}

// DraftFollowUpEML returns a follow-up that is not recorded yet as an RFC
// 5322 draft that replies to the stored decline, so the mail program
// threads it as the recorded one will be.
func (s *Service) DraftFollowUpEML(ctx context.Context, appID int64, subject, body string) (*EML, error) {
	return s.draftEML(ctx, appID, LetterFollowUp, subject, body)
}

func (s *Service) draftEML(ctx context.Context, appID int64, kind, subject, body string) (*EML, error) {
	var out *EML
	err := s.store.View(ctx, func(ctx context.Context) error {
		a, err := s.store.GetApplication(ctx, appID)
		if err != nil {
			return err
		}
		var replyTo *Letter
		if kind == LetterFollowUp {
			letters, err := s.store.ListLetters(ctx, appID)
			if err != nil {
				return err
			}
			replyTo = repliesTo(letters)
		}
		now := s.now()
		data, err := s.eml(ctx, a, kind, subject, body, now, fmt.Sprintf("draft-%d.%d", now.Unix(), a.ID), replyTo)
		out = &EML{Filename: emlFilename(a.Company, kind, "draft"), Data: data}
		return err
	})
	return out, err
}

func (s *Service) eml(ctx context.Context, a *Application, kind, subject, body string, date time.Time, localID string, replyTo *Letter) ([]byte, error) {
	p, err := s.store.GetProfile(ctx)
	if err != nil {
		return nil, err
	}
	m := decline.Message{
		FromName: p.Name, FromEmail: p.Email, ToName: a.ContactName, ToEmail: a.ContactEmail,
		Subject: subject, Body: body, Date: date, MessageID: localID + "@" + messageIDDomain(p.Email), Draft: true,
	}
	if err := s.answerOrigin(ctx, a.ID, kind, p, &m); err != nil {
		return nil, err
	}
	if kind == LetterFollowUp && replyTo != nil {
		// The follow-up answers the decline, so mail programs thread them.
		m.InReplyTo = fmt.Sprintf("letter-%d.%d@%s", replyTo.ID, a.ID, messageIDDomain(p.Email))
	}
	out, err := decline.BuildEML(m)
	if err != nil {
		return nil, &apperr.Error{Code: apperr.EINVALID, Message: "the letter cannot be written as an e-mail: " + err.Error()}
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

// AppendMailto appends Mailto's link to b, its '&' written as amp (see
// decline.AppendMailtoURL).
func AppendMailto(b []byte, a *Application, subject, body, amp string) []byte {
	return decline.AppendMailtoURL(b, a.ContactEmail, subject, body, amp)
}

// emlFilename is "<company>-<kind>-<id>.eml" with the company cut down to
// ASCII letters, digits and dashes, so that no file system or browser
// trips over it.
func emlFilename(company, kind, id string) string {
	return fileSlug(company) + "-" + kind + "-" + id + ".eml"
}

// fileSlug keeps the ASCII letters and digits of s and joins the runs of
// them with single dashes; an s with none is "application".
func fileSlug(s string) string {
	var b strings.Builder
	gap := false
	for _, r := range s {
		if !('a' <= r && r <= 'z' || 'A' <= r && r <= 'Z' || '0' <= r && r <= '9') {
			gap = true
			continue
		}
		if gap && b.Len() > 0 {
			b.WriteByte('-')
		}
		gap = false
		b.WriteRune(r)
	}
	if b.Len() == 0 {
		return "application"
	}
	return b.String()
}

// repliesTo returns the last decline among the letters before a follow-up.
func repliesTo(before []Letter) *Letter {
	for i := len(before) - 1; i >= 0; i-- {
		if before[i].Kind == LetterDecline {
			return &before[i]
		}
	}
	return nil
}
