package accounts

import (
	"context"
	"time"

	"tracker/internal/apperr"
)

// Options are the service's limits; a zero field takes its default.
type Options struct {
	// SessionIdle ends a session not used for this long (default 7 days).
	SessionIdle time.Duration
	// SessionMaxAge ends a session this long after sign-in, however active
	// (default 30 days).
	SessionMaxAge time.Duration
	// SetupTTL is how long a setup token is valid (default 1 hour).
	SetupTTL time.Duration
	// LoginWindow is the period the sign-in limits count failures over
	// (default 15 minutes).
	LoginWindow time.Duration
	// MaxFailuresPerAccount is how many failed sign-ins one account may
	// have from one client address in LoginWindow (default 5). Failures
	// from other addresses do not count, so they cannot lock the owner out.
	MaxFailuresPerAccount int
	// MaxFailuresPerIP is how many failed sign-ins one IP address may have
	// in LoginWindow, whatever the account (default 20).
	MaxFailuresPerIP int
	// SlowDownAfter is how many failures of one account, from all
	// addresses together, make each further sign-in of it wait SlowDown
	// before the password is checked (default 20): guessing from many
	// addresses gets slower, and the owner can still sign in.
	SlowDownAfter int
	// SlowDown is that wait (default 2 seconds).
	SlowDown time.Duration
	// Sleep waits d or until ctx ends (default: a timer); tests replace it.
	Sleep func(ctx context.Context, d time.Duration) error
}

// sleep waits d, or returns ctx's error if it ends first.
func sleep(ctx context.Context, d time.Duration) error {
	t := time.NewTimer(d)
	defer t.Stop()
	select {
	case <-t.C:
		return nil
	case <-ctx.Done():
		return ctx.Err()
	}
}

func (o Options) withDefaults() Options {
	def := func(d *time.Duration, v time.Duration) {
		if *d <= 0 {
			*d = v
		}
	}
	def(&o.SessionIdle, 7*24*time.Hour)
	def(&o.SessionMaxAge, 30*24*time.Hour)
	def(&o.SetupTTL, time.Hour)
	def(&o.LoginWindow, 15*time.Minute)
	if o.MaxFailuresPerAccount <= 0 {
		o.MaxFailuresPerAccount = 5
	}
	if o.MaxFailuresPerIP <= 0 {
		o.MaxFailuresPerIP = 20
	}
	if o.SlowDownAfter <= 0 {
		o.SlowDownAfter = 20
	}
	def(&o.SlowDown, 2*time.Second)
	if o.Sleep == nil {
		o.Sleep = sleep
	}
	return o
}

// touchEvery is how stale last_seen_at / last_used_at may grow before a
// request writes it again: one write a minute per session, not one per
// request.
const touchEvery = time.Minute

// Service is the accounts use cases. The HTTP API and the command line both
// call it. Each method is at most a few short transactions; password
// hashing always runs outside them.
type Service struct {
	store Store
	now   func() time.Time
	// clock is now without the truncation to seconds, for the token cache.
	clock  func() time.Time
	opts   Options
	tokens tokenCache
}

// NewService returns a service over store, reading the time from now
// (time.Now in production, a settable clock in tests).
func NewService(store Store, now func() time.Time, opts Options) *Service {
	// Times are kept to the second, as in the applications service: both
	// databases store that exactly.
	seconds := func() time.Time { return now().UTC().Truncate(time.Second) }
	return &Service{store: store, now: seconds, clock: now, opts: opts.withDefaults()}
}

// CreateUser creates an account; ECONFLICT when the e-mail is taken.
func (s *Service) CreateUser(ctx context.Context, email, password string) (*User, error) {
	email = normalizeEmail(email)
	if err := invalid(map[string]string{"email": emailProblem(email), "password": passwordProblem("password", password)}); err != nil {
		return nil, err
	}
	hash := hashPassword(password)
	var u *User
	err := s.store.InTx(ctx, func(ctx context.Context) error {
		var err error
		u, err = s.insertUser(ctx, email, hash)
		return err
	})
	return u, err
}

func (s *Service) insertUser(ctx context.Context, email, hash string) (*User, error) {
	now := s.now()
	u := &User{Email: email, CreatedAt: now, PasswordChangedAt: now}
	if err := s.store.CreateUser(ctx, u, hash); err != nil {
		return nil, err
	}
	return u, nil
}

// SetPassword sets the password of the account with e-mail, for the command
// line (no current password), and ends all the user's sessions and lifts
// the account's sign-in lock.
func (s *Service) SetPassword(ctx context.Context, email, password string) error {
	email = normalizeEmail(email)
	if err := invalid(map[string]string{"password": passwordProblem("password", password)}); err != nil {
		return err
	}
	hash := hashPassword(password)
	return s.store.InTx(ctx, func(ctx context.Context) error {
		u, err := s.store.UserByEmail(ctx, email)
		if err != nil {
			return err
		}
		if err := s.store.SetPasswordHash(ctx, u.ID, hash, s.now()); err != nil {
			return err
		}
		if err := s.store.ClearLoginAttempts(ctx, emailKey(email)); err != nil {
			return err
		}
		return s.store.DeleteUserSessions(ctx, u.ID, "")
	})
}

// ChangePassword changes a signed-in user's password after checking the
// current one, and ends every other session of the user: keepSessionID (the
// browser making the change) stays signed in. A wrong current password
// counts as a failed sign-in of the account.
func (s *Service) ChangePassword(ctx context.Context, userID int64, current, newPassword, keepSessionID string) error {
	if err := invalid(map[string]string{"new_password": passwordProblem("new_password", newPassword)}); err != nil {
		return err
	}
	u, err := s.UserByID(ctx, userID)
	if err != nil {
		return err
	}
	if _, _, err := s.reserveAttempts(ctx, u.Email, ""); err != nil {
		return err
	}
	if _, err := s.checkPassword(ctx, u.Email, current); err != nil {
		if apperr.ErrorCode(err) == apperr.EUNAUTHORIZED {
			return invalid(map[string]string{"current_password": "current_password is wrong"})
		}
		return err
	}
	hash := hashPassword(newPassword)
	return s.store.InTx(ctx, func(ctx context.Context) error {
		if err := s.store.SetPasswordHash(ctx, u.ID, hash, s.now()); err != nil {
			return err
		}
		if err := s.store.ClearLoginAttempts(ctx, pairKey(u.Email, "")); err != nil {
			return err
		}
		return s.store.DeleteUserSessions(ctx, u.ID, hashSecret(keepSessionID))
	})
}

// RevokeAllTokens revokes every API token of the user, as after a password
// change that may have followed a leak.
func (s *Service) RevokeAllTokens(ctx context.Context, userID int64) error {
	now := s.now()
	defer s.tokens.clear()
	return s.store.InTx(ctx, func(ctx context.Context) error {
		return s.store.RevokeUserTokens(ctx, userID, now)
	})
}

// UserByID returns the user with id, or ENOTFOUND.
func (s *Service) UserByID(ctx context.Context, id int64) (*User, error) {
	var u *User
	err := s.store.View(ctx, func(ctx context.Context) error {
		var err error
		u, err = s.store.UserByID(ctx, id)
		return err
	})
	return u, err
}

// ListUsers returns every user, oldest first.
func (s *Service) ListUsers(ctx context.Context) ([]User, error) {
	var users []User
	err := s.store.View(ctx, func(ctx context.Context) error {
		var err error
		users, err = s.store.ListUsers(ctx)
		return err
	})
	return users, err
}

// CountUsers returns how many accounts there are.
func (s *Service) CountUsers(ctx context.Context) (int, error) {
	var n int
	err := s.store.View(ctx, func(ctx context.Context) error {
		var err error
		n, err = s.store.CountUsers(ctx)
		return err
	})
	return n, err
}
