// Package accounts is the tracker's users and how they prove who they are:
// passwords (Argon2id), browser sessions, API tokens, the first-run setup
// and the sign-in rate limits. It knows nothing of HTTP; its storage sits
// behind Store, which the storage package implements.
package accounts

import "time"

// User is an account. It never carries the password hash.
type User struct {
	ID                int64
	Email             string
	CreatedAt         time.Time
	PasswordChangedAt time.Time
}

// Session is a browser sign-in. The session id itself lives only in the
// cookie; the database keeps its SHA-256.
type Session struct {
	IDHash     string
	UserID     int64
	CreatedAt  time.Time
	LastSeenAt time.Time
	// ExpiresAt ends the session however active it is.
	ExpiresAt time.Time
}

// Token is an API token as the user sees it in a list: never the token or
// its hash, only the first characters (Prefix) to tell tokens apart.
type Token struct {
	ID         int64
	UserID     int64
	Name       string
	Prefix     string
	CreatedAt  time.Time
	LastUsedAt *time.Time
	RevokedAt  *time.Time
	// ExpiresAt is when the token stops working; nil means never (until
	// revoked).
	ExpiresAt *time.Time
}

// SetupToken is the single-use secret that lets the first user create the
// first account; the database keeps only its SHA-256.
type SetupToken struct {
	TokenHash string
	ExpiresAt time.Time
	UsedAt    *time.Time
}
