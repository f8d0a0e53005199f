package accounts

import (
	"context"
	"time"

	"tracker/internal/apperr"
)

// NeedsSetup reports whether the tracker has no account yet, so that the
// first visitor with a setup token may create one.
func (s *Service) NeedsSetup(ctx context.Context) (bool, error) {
	n, err := s.CountUsers(ctx)
	return n == 0, err
}

// CreateSetupToken returns a new single-use setup token, valid for
// Options.SetupTTL, and when it expires; ECONFLICT once an account exists.
// Older unused tokens stay valid until they expire.
func (s *Service) CreateSetupToken(ctx context.Context) (string, time.Time, error) {
	token := newSecret()
	now := s.now()
	expires := now.Add(s.opts.SetupTTL)
	err := s.store.InTx(ctx, func(ctx context.Context) error {
		if err := s.refuseIfSetUp(ctx); err != nil {
			return err
		}
		if err := s.store.DeleteStaleSetupTokens(ctx, now); err != nil {
			return err
		}
		return s.store.CreateSetupToken(ctx, &SetupToken{TokenHash: hashSecret(token), ExpiresAt: expires})
	})
	if err != nil {
		return "", time.Time{}, err
	}
	return token, expires, nil
}

// CompleteSetup spends the setup token to create the first account and
// signs it in, in one transaction: the token must be known, unused and
// unexpired (else EUNAUTHORIZED, or ECONFLICT once used), and there must
// still be no account (else ECONFLICT).
func (s *Service) CompleteSetup(ctx context.Context, token, email, password string) (*User, string, error) {
	email = normalizeEmail(email)
	if err := invalid(map[string]string{"email": emailProblem(email), "password": passwordProblem("password", password)}); err != nil {
		return nil, "", err
	}
	hash := hashPassword(password)
	var u *User
	var sessionID string
	err := s.store.InTx(ctx, func(ctx context.Context) error {
		if err := s.useSetupToken(ctx, token); err != nil {
			return err
		}
		if err := s.refuseIfSetUp(ctx); err != nil {
			return err
		}
		var err error
		if u, err = s.insertUser(ctx, email, hash); err != nil {
			return err
		}
		sessionID, err = s.newSession(ctx, u.ID)
		return err
	})
	if err != nil {
		return nil, "", err
	}
	return u, sessionID, nil
}

// CheckSetupToken reports, without spending it, whether token is a setup
// link that can still create the first account: nil, or the error
// CompleteSetup would give.
func (s *Service) CheckSetupToken(ctx context.Context, token string) error {
	return s.store.View(ctx, func(ctx context.Context) error {
		if err := s.setupTokenProblem(ctx, token); err != nil {
			return err
		}
		return s.refuseIfSetUp(ctx)
	})
}

// useSetupToken marks the setup token used, or says why it cannot be.
func (s *Service) useSetupToken(ctx context.Context, token string) error {
	if err := s.setupTokenProblem(ctx, token); err != nil {
		return err
	}
	return s.store.UseSetupToken(ctx, hashSecret(token), s.now())
}

// setupTokenProblem says why token cannot create the first account, or nil.
func (s *Service) setupTokenProblem(ctx context.Context, token string) error {
	t, err := s.store.SetupTokenByHash(ctx, hashSecret(token))
	switch {
	case token == "" || apperr.ErrorCode(err) == apperr.ENOTFOUND:
		return apperr.Errorf(apperr.EUNAUTHORIZED, "this setup link is not valid")
	case err != nil:
		return err
	case t.UsedAt != nil:
		return apperr.Errorf(apperr.ECONFLICT, "this setup link has already been used; sign in instead")
	case s.now().After(t.ExpiresAt):
		return apperr.Errorf(apperr.EUNAUTHORIZED, "this setup link has expired; get a new one")
	}
	return nil
}

// refuseIfSetUp returns ECONFLICT when an account exists.
func (s *Service) refuseIfSetUp(ctx context.Context) error {
	n, err := s.store.CountUsers(ctx)
	if err == nil && n > 0 {
		return apperr.Errorf(apperr.ECONFLICT, "the tracker is already set up; sign in instead")
	}
	return err
}
