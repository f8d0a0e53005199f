// Package feed is the user's calendar feed: a secret, revocable token per
// user in the feed's URL, and the iCalendar document the feed serves, with
// interviews as events and the answers and follow-ups due as to-dos.
package feed

import (
	"context"
	"crypto/rand"
	"crypto/sha256"
	"encoding/base64"
	"encoding/hex"
	"time"
)

// Store keeps the hash of each user's feed token.
type Store interface {
	SetFeedToken(ctx context.Context, ownerID int64, tokenHash string, at time.Time) error
	DeleteFeedToken(ctx context.Context, ownerID int64) error
	FeedOwner(ctx context.Context, tokenHash string) (int64, error)
}

// Service creates, checks and revokes feed tokens.
type Service struct {
	store Store
	now   func() time.Time
}

// NewService returns a Service over store with the clock now.
func NewService(store Store, now func() time.Time) *Service {
	return &Service{store: store, now: now}
}

// Create gives the user a new feed token and returns it; it is shown once
// and replaces the one before, which stops working.
func (s *Service) Create(ctx context.Context, ownerID int64) (string, error) {
	b := make([]byte, 32)
	if _, err := rand.Read(b); err != nil {
		return "", err
	}
	token := base64.RawURLEncoding.EncodeToString(b)
	if err := s.store.SetFeedToken(ctx, ownerID, hash(token), s.now()); err != nil {
		return "", err
	}
	return token, nil
}

// Revoke stops the user's feed; ENOTFOUND when there is none.
func (s *Service) Revoke(ctx context.Context, ownerID int64) error {
	return s.store.DeleteFeedToken(ctx, ownerID)
}

// Owner returns the user a feed token belongs to; ENOTFOUND for an unknown
// or revoked token.
func (s *Service) Owner(ctx context.Context, token string) (int64, error) {
	return s.store.FeedOwner(ctx, hash(token))
}

func hash(token string) string {
	sum := sha256.Sum256([]byte(token))
	return hex.EncodeToString(sum[:])
}
