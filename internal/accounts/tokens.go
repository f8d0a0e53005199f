package accounts

import (
	"context"
	"crypto/subtle"
	"encoding/hex"
	"strings"
	"time"
	"unicode"
	"unicode/utf8"

	"tracker/internal/apperr"
)

// TokenPrefix starts every API token, so that it is recognisable (in a
// header, or by a secret scanner) and cannot be confused with a session id.
const TokenPrefix = "trk_"

// shownPrefixLength is how much of a token lists show: "trk_" and four
// random characters, enough to tell tokens apart and useless to a guesser.
const shownPrefixLength = len(TokenPrefix) + 4

func badToken() error {
	return apperr.Errorf(apperr.EUNAUTHORIZED, "the API token is not valid")
}

// CreateToken creates an API token of the user and returns it in plain text
// (shown once: only its hash is kept) with its listing. It lasts until
// revoked; CreateExpiringToken makes one with a lifetime.
func (s *Service) CreateToken(ctx context.Context, userID int64, name string) (string, *Token, error) {
	return s.CreateExpiringToken(ctx, userID, name, 0)
}

// MaxTokenLifetime is the longest lifetime a token may be given.
const MaxTokenLifetime = 10 * 365 * 24 * time.Hour

// CreateExpiringToken creates an API token that stops working lifetime
// after now; a zero lifetime means never.
func (s *Service) CreateExpiringToken(ctx context.Context, userID int64, name string, lifetime time.Duration) (string, *Token, error) {
	name = strings.TrimSpace(name)
	problems := map[string]string{"name": tokenNameProblem(name)}
	if lifetime < 0 || lifetime > MaxTokenLifetime {
		problems["expires_in_days"] = "expires_in_days must be between 1 and 3650, or left out for a token that lasts until revoked"
	}
	if err := invalid(problems); err != nil {
		return "", nil, err
	}
	plaintext := TokenPrefix + newSecret()
	t := &Token{UserID: userID, Name: name, Prefix: plaintext[:shownPrefixLength], CreatedAt: s.now()}
	if lifetime > 0 {
		end := t.CreatedAt.Add(lifetime)
		t.ExpiresAt = &end
	}
	err := s.store.InTx(ctx, func(ctx context.Context) error {
		if _, err := s.store.UserByID(ctx, userID); err != nil {
			return err
		}
		return s.store.CreateToken(ctx, t, hashSecret(plaintext))
	})
	if err != nil {
		return "", nil, err
	}
	return plaintext, t, nil
}

// tokenNameProblem says what is wrong with a token name, or "".
func tokenNameProblem(name string) string {
	n := utf8.RuneCountInString(name)
	if n < 1 || n > MaxTokenNameLength {
		return "name must be 1 to 100 characters long"
	}
	if !utf8.ValidString(name) || strings.ContainsFunc(name, unicode.IsControl) {
		return "name must be plain text on one line"
	}
	return ""
}

// ListTokens returns the user's API tokens, newest first, revoked ones
// included.
func (s *Service) ListTokens(ctx context.Context, userID int64) ([]Token, error) {
	var tokens []Token
	err := s.store.View(ctx, func(ctx context.Context) error {
		var err error
		tokens, err = s.store.ListTokens(ctx, userID)
		return err
	})
	return tokens, err
}

// RevokeToken revokes the user's token; ENOTFOUND when the user has no
// token with that id, even if another user has.
func (s *Service) RevokeToken(ctx context.Context, userID, tokenID int64) error {
	now := s.now()
	defer s.tokens.clear()
	return s.store.InTx(ctx, func(ctx context.Context) error {
		return s.store.RevokeToken(ctx, userID, tokenID, now)
	})
}

// TokenUser returns the user an API token belongs to; EUNAUTHORIZED when
// the token is malformed, unknown, revoked or expired. A token found valid
// is believed for tokenCacheTTL without another transaction.
func (s *Service) TokenUser(ctx context.Context, plaintext string) (*User, error) {
	if !strings.HasPrefix(plaintext, TokenPrefix) || len(plaintext) != len(TokenPrefix)+secretLength {
		return nil, badToken()
	}
	digest := secretDigest(plaintext)
	if u, ok := s.tokens.get(digest, s.clock(), s.now()); ok {
		return u, nil
	}
	hash := hex.EncodeToString(digest[:])
	gen := s.tokens.generation()
	t, u, stored, err := s.store.TokenByHash(ctx, hash)
	switch {
	case apperr.ErrorCode(err) == apperr.ENOTFOUND:
		return nil, badToken()
	case err != nil:
		return nil, err
	case subtle.ConstantTimeCompare([]byte(stored), []byte(hash)) != 1:
		return nil, badToken()
	case t.RevokedAt != nil:
		return nil, apperr.Errorf(apperr.EUNAUTHORIZED, "the API token has been revoked")
	case t.ExpiresAt != nil && !s.now().Before(*t.ExpiresAt):
		return nil, apperr.Errorf(apperr.EUNAUTHORIZED, "the API token has expired; create a new one")
	}
	s.touchToken(ctx, t)
	s.tokens.put(digest, u, t.ExpiresAt, gen, s.clock())
	return u, nil
}

// touchToken records that t was used, at most once a minute. A failure is
// ignored: on a read-only or full database the last-used time may lag, but
// the request, a read perhaps, must not fail for it.
func (s *Service) touchToken(ctx context.Context, t *Token) {
	now := s.now()
	if t.LastUsedAt != nil && now.Sub(*t.LastUsedAt) < touchEvery {
		return
	}
	_ = s.store.TouchToken(ctx, t.ID, now)
}
