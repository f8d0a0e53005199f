package accounts

import (
	"context"
	"fmt"
	"strings"
	"sync"
	"time"

	"tracker/internal/apperr"
)

// dummyHash is a hash of no one's password, checked when the e-mail of a
// sign-in is unknown, so that it takes as long as a wrong password and the
// timing does not tell which e-mail addresses have accounts.
var dummyHash = sync.OnceValue(func() string { return hashPassword(newSecret()) })

// WarmUp computes the dummy hash now, so that the first sign-in with an
// unknown e-mail takes no longer than any other. A server starts it in the
// background at start (a sign-in that comes sooner waits for it); a
// one-shot command that never signs anyone in need not pay for it.
func WarmUp() { dummyHash() }

func emailKey(email string) string { return "email:" + email }
func ipKey(ip string) string       { return "ip:" + ip }

// pairKey counts the failures of one account from one client address: a
// stranger's guesses fill their own pair, never the owner's.
func pairKey(email, ip string) string { return "pair:" + ip + " " + email }

func wrongCredentials() error {
	return apperr.Errorf(apperr.EUNAUTHORIZED, "wrong e-mail or password")
}

func sessionEnded() error {
	return apperr.Errorf(apperr.EUNAUTHORIZED, "your session has ended; sign in again")
}

// Login signs in with e-mail and password from the client at ip (empty
// for the command line) and returns the user with a new session id for
// the cookie. Wrong credentials are EUNAUTHORIZED with the same words
// whether or not the e-mail exists. Failures are limited per (account,
// address) and per address: too many are ETOOMANY with RetryAfter. An
// account guessed at from many addresses is slowed down, never locked,
// so a stranger cannot lock its owner out.
func (s *Service) Login(ctx context.Context, email, password, ip string) (*User, string, error) {
	email = normalizeEmail(email)
	if emailProblem(email) != "" {
		email = "" // no account has it; and it may be junk unfit for a key
	}
	ip = strings.ToValidUTF8(ip, "?")
	attempts, slow, err := s.reserveAttempts(ctx, email, ip)
	if err != nil {
		return nil, "", err
	}
	if slow {
		if err := s.opts.Sleep(ctx, s.opts.SlowDown); err != nil {
			return nil, "", err
		}
	}
	u, err := s.checkPassword(ctx, email, password)
	if err != nil {
		return nil, "", err // the attempts stay, as failures
	}
	var sessionID string
	err = s.store.InTx(ctx, func(ctx context.Context) error {
		if err := s.store.ClearLoginAttempts(ctx, pairKey(email, ip)); err != nil {
			return err
		}
		for _, id := range attempts {
			if err := s.store.DeleteLoginAttempt(ctx, id); err != nil {
				return err
			}
		}
		var err error
		sessionID, err = s.newSession(ctx, u.ID)
		return err
	})
	if err != nil {
		return nil, "", err
	}
	return u, sessionID, nil
}

// reserveAttempts checks the sign-in limits of the (email, ip) pair and of
// ip (when not empty) and, when neither is reached, records an attempt
// under each and under the account, in one transaction, and returns their
// ids, and whether the account has so many failures from anywhere that
// this attempt is to be slowed down. An attempt counts as a failure until
// a successful sign-in removes it: recording it before the password check,
// not after, is what keeps a burst of parallel guesses from all passing.
func (s *Service) reserveAttempts(ctx context.Context, email, ip string) ([]int64, bool, error) {
	limits := map[string]int{pairKey(email, ip): s.opts.MaxFailuresPerAccount}
	keys := []string{pairKey(email, ip)}
	if ip != "" {
		limits[ipKey(ip)] = s.opts.MaxFailuresPerIP
		keys = append(keys, ipKey(ip))
	}
	now := s.now()
	var ids []int64
	var slow bool
	err := s.store.InTx(ctx, func(ctx context.Context) error {
		for _, key := range keys { // always the pair first, so locks never cross
			if err := s.checkLimit(ctx, key, limits[key], now); err != nil {
				return err
			}
		}
		n, _, err := s.store.CountLoginAttempts(ctx, emailKey(email), now.Add(-s.opts.LoginWindow))
		if err != nil {
			return err
		}
		slow = n >= s.opts.SlowDownAfter
		for _, key := range append(keys, emailKey(email)) {
			id, err := s.store.AddLoginAttempt(ctx, key, now)
			if err != nil {
				return err
			}
			ids = append(ids, id)
		}
		return nil
	})
	return ids, slow, err
}

// checkLimit returns ETOOMANY when key has max attempts in the window.
func (s *Service) checkLimit(ctx context.Context, key string, limit int, now time.Time) error {
	n, oldest, err := s.store.CountLoginAttempts(ctx, key, now.Add(-s.opts.LoginWindow))
	if err != nil || n < limit {
		return err
	}
	wait := max(oldest.Add(s.opts.LoginWindow).Sub(now), time.Second)
	return &apperr.Error{Code: apperr.ETOOMANY, RetryAfter: wait,
		Message: fmt.Sprintf("too many failed sign-in attempts from your address; try again in %s", wait.Round(time.Second))}
}

// checkPassword returns the user with email when password is theirs, and
// EUNAUTHORIZED otherwise, in about the same time either way.
func (s *Service) checkPassword(ctx context.Context, email, password string) (*User, error) {
	var u *User
	var hash string
	err := s.store.View(ctx, func(ctx context.Context) error {
		var err error
		if u, err = s.store.UserByEmail(ctx, email); err != nil {
			return err
		}
		hash, err = s.store.PasswordHash(ctx, u.ID)
		return err
	})
	if apperr.ErrorCode(err) == apperr.ENOTFOUND {
		_, _ = verifyPassword(dummyHash(), password)
		return nil, wrongCredentials()
	}
	if err != nil {
		return nil, err
	}
	ok, err := verifyPassword(hash, password)
	if err != nil {
		return nil, fmt.Errorf("user %d: %w", u.ID, err)
	}
	if !ok {
		return nil, wrongCredentials()
	}
	return u, nil
}

// newSession stores a new session of the user and returns its id.
func (s *Service) newSession(ctx context.Context, userID int64) (string, error) {
	id := newSecret()
	now := s.now()
	err := s.store.CreateSession(ctx, &Session{IDHash: hashSecret(id), UserID: userID,
		CreatedAt: now, LastSeenAt: now, ExpiresAt: now.Add(s.opts.SessionMaxAge)})
	return id, err
}

// SessionUser returns the user signed in with sessionID. An unknown or
// expired session (idle too long, or past its absolute end) is
// EUNAUTHORIZED, and an expired one is deleted.
func (s *Service) SessionUser(ctx context.Context, sessionID string) (*User, error) {
	if sessionID == "" {
		return nil, sessionEnded()
	}
	idHash := hashSecret(sessionID)
	sess, u, err := s.store.SessionByHash(ctx, idHash)
	if apperr.ErrorCode(err) == apperr.ENOTFOUND {
		return nil, sessionEnded()
	}
	if err != nil {
		return nil, err
	}
	now := s.now()
	if now.Sub(sess.LastSeenAt) > s.opts.SessionIdle || now.After(sess.ExpiresAt) {
		if err := s.store.DeleteSession(ctx, idHash); err != nil {
			return nil, err
		}
		return nil, sessionEnded()
	}
	if now.Sub(sess.LastSeenAt) >= touchEvery {
		// As for tokens: a database that takes no writes must not fail
		// a request that only reads; the idle clock then lags a little.
		_ = s.store.TouchSession(ctx, idHash, now)
	}
	return u, nil
}

// Logout ends the session; an unknown one is no error.
func (s *Service) Logout(ctx context.Context, sessionID string) error {
	if sessionID == "" {
		return nil
	}
	return s.store.DeleteSession(ctx, hashSecret(sessionID))
}

// Prune deletes expired sessions, sign-in attempts older than the window
// and used or expired setup tokens. Nothing depends on it for security;
// run it now and then (say hourly) to keep the tables small.
func (s *Service) Prune(ctx context.Context) error {
	now := s.now()
	return s.store.InTx(ctx, func(ctx context.Context) error {
		if err := s.store.DeleteExpiredSessions(ctx, now.Add(-s.opts.SessionIdle), now); err != nil {
			return err
		}
		if err := s.store.DeleteLoginAttemptsBefore(ctx, now.Add(-s.opts.LoginWindow)); err != nil {
			return err
		}
		return s.store.DeleteStaleSetupTokens(ctx, now)
	})
}
