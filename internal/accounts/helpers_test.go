package accounts_test

import (
	"context"
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"sync"
	"testing"
	"time"

	"tracker/internal/accounts"
	"tracker/internal/apperr"
	"tracker/internal/storage"
)

var ctx = context.Background()

const password = "correct horse battery staple"

// clock is a settable clock for the service.
type clock struct {
	mu  sync.Mutex
	now time.Time
}

func newClock() *clock {
	return &clock{now: time.Date(2026, 3, 2, 9, 0, 0, 0, time.UTC)}
}

func (c *clock) Now() time.Time {
	c.mu.Lock()
	defer c.mu.Unlock()
	return c.now
}

func (c *clock) Advance(d time.Duration) {
	c.mu.Lock()
	defer c.mu.Unlock()
	c.now = c.now.Add(d)
}

func newService(db *storage.DB) (*accounts.Service, *clock) {
	c := newClock()
	return accounts.NewService(db, c.Now, accounts.Options{}), c
}

func createUser(t *testing.T, s *accounts.Service, email string) *accounts.User {
	t.Helper()
	u, err := s.CreateUser(ctx, email, password)
	if err != nil {
		t.Fatalf("create user %s: %v", email, err)
	}
	return u
}

func login(t *testing.T, s *accounts.Service, email, pw string) string {
	t.Helper()
	_, sid, err := s.Login(ctx, email, pw, "192.0.2.1")
	if err != nil {
		t.Fatalf("login %s: %v", email, err)
	}
	return sid
}

// wantCode fails unless err is an *apperr.Error with code; it returns
// the error.
func wantCode(t *testing.T, err error, code apperr.Code) *apperr.Error {
	t.Helper()
	var e *apperr.Error
	if !errors.As(err, &e) || e.Code != code {
		t.Fatalf("error = %v (%T), want code %s", err, err, code)
	}
	return e
}

// sha256Hex is how the database keeps secrets.
func sha256Hex(s string) string {
	sum := sha256.Sum256([]byte(s))
	return hex.EncodeToString(sum[:])
}
