package accounts

import (
	"context"
	"time"
)

// Store is the storage the accounts service needs. Every method runs inside
// the transaction that InTx or View put in ctx, if any. Lookups of a missing
// row return an ENOTFOUND *apperr.Error, never a nil result. Secrets
// reach the store only as SHA-256 hex.
type Store interface {
	// InTx runs fn in one transaction; fn's ctx carries it.
	InTx(ctx context.Context, fn func(ctx context.Context) error) error
	// View runs fn in one read-only transaction.
	View(ctx context.Context, fn func(ctx context.Context) error) error

	// CreateUser inserts u and sets its id; ECONFLICT when the e-mail is taken.
	CreateUser(ctx context.Context, u *User, passwordHash string) error
	UserByID(ctx context.Context, id int64) (*User, error)
	UserByEmail(ctx context.Context, email string) (*User, error)
	PasswordHash(ctx context.Context, userID int64) (string, error)
	SetPasswordHash(ctx context.Context, userID int64, passwordHash string, at time.Time) error
	// ListUsers returns every user, oldest first.
	ListUsers(ctx context.Context) ([]User, error)
	CountUsers(ctx context.Context) (int, error)

	CreateSession(ctx context.Context, s *Session) error
	// SessionByHash returns the session and the user it belongs to, with
	// one read that is not interrupted once begun.
	SessionByHash(ctx context.Context, idHash string) (*Session, *User, error)
	TouchSession(ctx context.Context, idHash string, at time.Time) error
	// DeleteSession removes the session; a missing one is no error.
	DeleteSession(ctx context.Context, idHash string) error
	// DeleteUserSessions removes every session of the user but keepHash's.
	DeleteUserSessions(ctx context.Context, userID int64, keepHash string) error
	// DeleteExpiredSessions removes sessions last seen before idleBefore or
	// expired at now.
	DeleteExpiredSessions(ctx context.Context, idleBefore, now time.Time) error

	// CreateToken inserts t with the token's hash and sets its id.
	CreateToken(ctx context.Context, t *Token, tokenHash string) error
	// ListTokens returns the user's tokens, newest first.
	ListTokens(ctx context.Context, userID int64) ([]Token, error)
	// TokenByHash returns the token, the user it belongs to and the hash
	// stored with it, with one read that is not interrupted once begun.
	TokenByHash(ctx context.Context, tokenHash string) (*Token, *User, string, error)
	// RevokeToken revokes the user's token (keeping the first revocation
	// time); ENOTFOUND when the user has no token with that id.
	RevokeToken(ctx context.Context, userID, tokenID int64, at time.Time) error
	// RevokeUserTokens revokes every token of the user not yet revoked.
	RevokeUserTokens(ctx context.Context, userID int64, at time.Time) error
	TouchToken(ctx context.Context, tokenID int64, at time.Time) error

	CreateSetupToken(ctx context.Context, t *SetupToken) error
	SetupTokenByHash(ctx context.Context, tokenHash string) (*SetupToken, error)
	// UseSetupToken marks the token used if it is not yet; ECONFLICT when it
	// or another setup token was used first.
	UseSetupToken(ctx context.Context, tokenHash string, at time.Time) error
	// DeleteStaleSetupTokens removes used setup tokens and those expired at now.
	DeleteStaleSetupTokens(ctx context.Context, now time.Time) error

	// CountLoginAttempts returns how many attempts under key were made
	// after since, and when the oldest of them was. It also makes
	// concurrent transactions counting the same key wait for this one, so
	// that a burst of sign-ins cannot all pass the check at once.
	CountLoginAttempts(ctx context.Context, key string, since time.Time) (int, time.Time, error)
	// AddLoginAttempt records an attempt under key and returns its id.
	AddLoginAttempt(ctx context.Context, key string, at time.Time) (int64, error)
	DeleteLoginAttempt(ctx context.Context, id int64) error
	// ClearLoginAttempts removes every attempt under key.
	ClearLoginAttempts(ctx context.Context, key string) error
	DeleteLoginAttemptsBefore(ctx context.Context, before time.Time) error
}
