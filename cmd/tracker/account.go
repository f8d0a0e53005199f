package main

import (
	"context"
	"flag"
	"strings"

	"tracker/internal/accounts"
	"tracker/internal/apperr"
	"tracker/internal/storage"
)

// noAccountYet is the guidance when a command needs an account and the
// database has none.
const noAccountYet = "there is no account yet: create one with " +
	"'tracker user add --email you@example.com --password-stdin', or open the setup link 'tracker serve' prints"

// accounts returns the accounts service over db.
func (a *app) accounts(db *storage.DB) *accounts.Service {
	return accounts.NewService(db, a.now, accounts.Options{SetupTTL: setupTTL})
}

// withAccounts opens the database and runs fn with the accounts service
// over it; errors that are not the service's own become internal ones.
func (a *app) withAccounts(ctx context.Context, cfg *Config, fn func(*accounts.Service) error) error {
	return withDB(ctx, cfg.DB, func(db *storage.DB) error {
		return serviceErr(fn(a.accounts(db)), 0)
	})
}

// actingUser returns the account a command acts for: the one with the
// e-mail, or without one the only account there is. flagName is the flag
// that names the account, for the error when there are several.
func actingUser(ctx context.Context, acc *accounts.Service, email, flagName string) (*accounts.User, error) {
	users, err := acc.ListUsers(ctx)
	if err != nil {
		return nil, err
	}
	emails := make([]string, len(users))
	for i, u := range users {
		emails[i] = u.Email
	}
	switch {
	case len(users) == 0:
		return nil, apperr.Errorf(apperr.ENOTFOUND, "%s", noAccountYet)
	case email != "":
		u, err := acc.UserByEmail(ctx, email)
		if apperr.ErrorCode(err) == apperr.ENOTFOUND {
			return nil, apperr.Errorf(apperr.ENOTFOUND, "no account with the e-mail %s; the accounts are %s", email, strings.Join(emails, ", "))
		}
		return u, err
	case len(users) > 1:
		return nil, apperr.Errorf(apperr.EINVALID,
			"this database has %d accounts; say which one with %s EMAIL (or TRACKER_USER=EMAIL): %s",
			len(users), flagName, strings.Join(emails, ", "))
	}
	return &users[0], nil
}

// accountFlag is the --email flag of the token subcommands: the account
// they concern, found the way --user finds it (TRACKER_USER, else the only
// account).
type accountFlag struct{ email string }

func (f *accountFlag) register(fs *flag.FlagSet) {
	fs.StringVar(&f.email, "email", "", "the `e-mail` of the account; needed only when the database has several (env TRACKER_USER)")
}

// user returns the account the flag, TRACKER_USER or the database names.
func (f *accountFlag) user(ctx context.Context, a *app, acc *accounts.Service) (*accounts.User, error) {
	email := f.email
	if email == "" {
		email = a.getenv("TRACKER_USER")
	}
	return actingUser(ctx, acc, email, "--email")
}
