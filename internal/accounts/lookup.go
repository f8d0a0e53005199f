package accounts

import (
	"context"
	"errors"

	"tracker/internal/apperr"
)

// UserByEmail returns the account with the e-mail address, compared the way
// CreateUser stores it (trimmed, lower case); ENOTFOUND naming the address
// when there is none. The command line uses it to act for an account.
func (s *Service) UserByEmail(ctx context.Context, email string) (*User, error) {
	email = normalizeEmail(email)
	var u *User
	err := s.store.View(ctx, func(ctx context.Context) error {
		var err error
		u, err = s.store.UserByEmail(ctx, email)
		return err
	})
	var ae *apperr.Error
	if errors.As(err, &ae) && ae.Code == apperr.ENOTFOUND {
		return nil, apperr.Errorf(apperr.ENOTFOUND, "no account with the e-mail %s", email)
	}
	return u, err
}
