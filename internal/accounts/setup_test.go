package accounts_test

import (
	"testing"
	"time"

	"tracker/internal/apperr"
	"tracker/internal/storage"
	"tracker/internal/storage/storagetest"
)

func TestSetup(t *testing.T) {
	storagetest.Each(t, func(t *testing.T, db *storage.DB) {
		s, c := newService(db)
		if need, err := s.NeedsSetup(ctx); !need || err != nil {
			t.Fatalf("needs setup = %v, %v", need, err)
		}
		token, expires, err := s.CreateSetupToken(ctx)
		if err != nil || !expires.Equal(c.Now().Add(time.Hour)) {
			t.Fatalf("setup token expires %v, %v", expires, err)
		}
		_, _, err = s.CompleteSetup(ctx, "not-the-token", "ann@example.com", password)
		wantCode(t, err, apperr.EUNAUTHORIZED)
		_, _, err = s.CompleteSetup(ctx, token, "ann@example.com", "short")
		wantCode(t, err, apperr.EINVALID) // and the token is not spent

		u, sid, err := s.CompleteSetup(ctx, token, "Ann@example.com", password)
		if err != nil || u.Email != "ann@example.com" {
			t.Fatalf("complete = %+v, %v", u, err)
		}
		if got, err := s.SessionUser(ctx, sid); err != nil || got.ID != u.ID {
			t.Fatalf("the first user is not signed in: %v", err)
		}
		_, _, err = s.CompleteSetup(ctx, token, "eve@example.com", password)
		wantCode(t, err, apperr.ECONFLICT)
		if need, _ := s.NeedsSetup(ctx); need {
			t.Fatal("still needs setup")
		}
		_, _, err = s.CreateSetupToken(ctx)
		wantCode(t, err, apperr.ECONFLICT)
	})
}

func TestSetupTokenExpires(t *testing.T) {
	storagetest.Each(t, func(t *testing.T, db *storage.DB) {
		s, c := newService(db)
		token, _, err := s.CreateSetupToken(ctx)
		if err != nil {
			t.Fatal(err)
		}
		if err := s.CheckSetupToken(ctx, token); err != nil {
			t.Fatalf("a fresh link fails the check: %v", err)
		}
		c.Advance(time.Hour + time.Second)
		if err := s.CheckSetupToken(ctx, token); apperr.ErrorCode(err) != apperr.EUNAUTHORIZED {
			t.Fatalf("an expired link passes the check: %v", err)
		}
		_, _, err = s.CompleteSetup(ctx, token, "ann@example.com", password)
		if e := wantCode(t, err, apperr.EUNAUTHORIZED); e.Message != "this setup link has expired; get a new one" {
			t.Fatalf("message = %q", e.Message)
		}
	})
}

func TestSetupRefusedOnceAUserExists(t *testing.T) {
	storagetest.Each(t, func(t *testing.T, db *storage.DB) {
		s, _ := newService(db)
		first, _, err := s.CreateSetupToken(ctx)
		if err != nil {
			t.Fatal(err)
		}
		second, _, err := s.CreateSetupToken(ctx)
		if err != nil {
			t.Fatal(err)
		}
		createUser(t, s, "admin@example.com") // from the command line, meanwhile
		_, _, err = s.CompleteSetup(ctx, first, "eve@example.com", password)
		if e := wantCode(t, err, apperr.ECONFLICT); e.Message != "the tracker is already set up; sign in instead" {
			t.Fatalf("message = %q", e.Message)
		}
		if n, _ := s.CountUsers(ctx); n != 1 {
			t.Fatalf("%d users", n)
		}
		_, _, err = s.CompleteSetup(ctx, second, "eve@example.com", password)
		wantCode(t, err, apperr.ECONFLICT)
	})
}

func TestPrune(t *testing.T) {
	storagetest.Each(t, func(t *testing.T, db *storage.DB) {
		s, c := newService(db)
		createUser(t, s, "ann@example.com")
		old := login(t, s, "ann@example.com", password)
		_, _, err := s.Login(ctx, "ann@example.com", "wrong password", "192.0.2.1")
		wantCode(t, err, apperr.EUNAUTHORIZED)
		c.Advance(8 * 24 * time.Hour)
		fresh := login(t, s, "ann@example.com", password)
		if err := s.Prune(ctx); err != nil {
			t.Fatal(err)
		}
		_, _, err = db.SessionByHash(ctx, sha256Hex(old))
		wantCode(t, err, apperr.ENOTFOUND)
		if _, _, err := db.SessionByHash(ctx, sha256Hex(fresh)); err != nil {
			t.Fatalf("a live session was pruned: %v", err)
		}
		if n, _, _ := db.CountLoginAttempts(ctx, "ip:192.0.2.1", time.Time{}); n != 0 {
			t.Fatalf("%d old attempts left", n)
		}
	})
}
