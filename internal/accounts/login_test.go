package accounts_test

import (
	"context"
	"fmt"
	"sync"
	"testing"
	"time"

	"tracker/internal/accounts"
	"tracker/internal/apperr"
	"tracker/internal/storage"
	"tracker/internal/storage/storagetest"
)

func TestLogin(t *testing.T) {
	storagetest.Each(t, func(t *testing.T, db *storage.DB) {
		s, _ := newService(db)
		ann := createUser(t, s, "ann@example.com")
		u, sid, err := s.Login(ctx, " Ann@Example.com", password, "192.0.2.1")
		if err != nil || u.ID != ann.ID || len(sid) != 43 {
			t.Fatalf("login = %+v, %q, %v", u, sid, err)
		}
		if got, err := s.SessionUser(ctx, sid); err != nil || got.ID != ann.ID {
			t.Fatalf("session user = %+v, %v", got, err)
		}
		if _, _, err := db.SessionByHash(ctx, sid); err == nil {
			t.Fatal("the session id is stored in plain text")
		}
		if _, _, err := db.SessionByHash(ctx, sha256Hex(sid)); err != nil {
			t.Fatalf("the session is not stored by its SHA-256: %v", err)
		}
		for name, in := range map[string][2]string{
			"wrong password": {"ann@example.com", "not the password"},
			"unknown e-mail": {"nobody@example.com", password},
			"not an e-mail":  {"\xff not an address", password},
		} {
			t.Run(name, func(t *testing.T) {
				_, sid, err := s.Login(ctx, in[0], in[1], "192.0.2.1")
				if e := wantCode(t, err, apperr.EUNAUTHORIZED); e.Message != "wrong e-mail or password" || sid != "" {
					t.Fatalf("message = %q, session %q", e.Message, sid)
				}
			})
		}
		if err := s.Logout(ctx, sid); err != nil {
			t.Fatal(err)
		}
		_, err = s.SessionUser(ctx, sid)
		wantCode(t, err, apperr.EUNAUTHORIZED)
	})
}

// TestLoginLimitPerAccountAndAddress: five failures of one account from
// one address refuse that address for the account, until they leave the
// window; the owner, at another address, signs in all the while.
func TestLoginLimitPerAccountAndAddress(t *testing.T) {
	storagetest.Each(t, func(t *testing.T, db *storage.DB) {
		s, c := newService(db)
		createUser(t, s, "ann@example.com")
		createUser(t, s, "bob@example.com")
		for range 5 {
			_, _, err := s.Login(ctx, "ann@example.com", "wrong password", "203.0.113.9")
			wantCode(t, err, apperr.EUNAUTHORIZED)
			c.Advance(time.Minute)
		}
		_, _, err := s.Login(ctx, "ann@example.com", password, "203.0.113.9")
		if e := wantCode(t, err, apperr.ETOOMANY); e.RetryAfter != 10*time.Minute {
			t.Fatalf("retry after %v, want 10m (the first failure leaves the window then)", e.RetryAfter)
		}
		login(t, s, "ann@example.com", password) // the owner, from their own address
		if _, _, err := s.Login(ctx, "bob@example.com", password, "203.0.113.9"); err != nil {
			t.Fatalf("another account from that address: %v", err)
		}
		c.Advance(10 * time.Minute)
		if _, _, err := s.Login(ctx, "ann@example.com", password, "203.0.113.9"); err != nil {
			t.Fatalf("after the window: %v", err)
		}
	})
}

// TestStrangersCannotLockOwnerOut guesses one account's password from
// many addresses, far past every limit: the owner still signs in from
// theirs, and once the account has many failures each further sign-in is
// slowed down instead.
func TestStrangersCannotLockOwnerOut(t *testing.T) {
	storagetest.Each(t, func(t *testing.T, db *storage.DB) {
		var mu sync.Mutex
		var slept []time.Duration
		c := newClock()
		s := accounts.NewService(db, c.Now, accounts.Options{SlowDownAfter: 10, Sleep: func(_ context.Context, d time.Duration) error {
			mu.Lock()
			defer mu.Unlock()
			slept = append(slept, d)
			return nil
		}})
		createUser(t, s, "ann@example.com")
		for i := range 40 {
			_, _, err := s.Login(ctx, "ann@example.com", "wrong password", fmt.Sprintf("198.51.100.%d", i%8))
			if code := apperr.ErrorCode(err); code != apperr.EUNAUTHORIZED && code != apperr.ETOOMANY {
				t.Fatalf("guess %d: %v", i, err)
			}
		}
		if len(slept) == 0 {
			t.Fatal("forty failures from eight addresses slowed nothing down")
		}
		before := len(slept)
		login(t, s, "ann@example.com", password)
		if len(slept) != before+1 || slept[before] != 2*time.Second {
			t.Fatalf("the owner's sign-in waited %v; want one slow-down of 2s, not a lock-out", slept[before:])
		}
	})
}

func TestLoginSuccessClearsAccountFailures(t *testing.T) {
	storagetest.Each(t, func(t *testing.T, db *storage.DB) {
		s, _ := newService(db)
		createUser(t, s, "ann@example.com")
		for range 2 {
			for range 4 {
				_, _, err := s.Login(ctx, "ann@example.com", "wrong password", "192.0.2.1")
				wantCode(t, err, apperr.EUNAUTHORIZED)
			}
			login(t, s, "ann@example.com", password)
		}
	})
}

func TestLoginLimitPerIP(t *testing.T) {
	storagetest.Each(t, func(t *testing.T, db *storage.DB) {
		s, c := newService(db)
		createUser(t, s, "ann@example.com")
		for i := range 20 {
			_, _, err := s.Login(ctx, fmt.Sprintf("user%d@example.com", i), password, "203.0.113.9")
			wantCode(t, err, apperr.EUNAUTHORIZED)
		}
		c.Advance(5 * time.Minute)
		_, _, err := s.Login(ctx, "ann@example.com", password, "203.0.113.9")
		if e := wantCode(t, err, apperr.ETOOMANY); e.RetryAfter != 10*time.Minute {
			t.Fatalf("retry after %v, want 10m", e.RetryAfter)
		}
		if _, _, err := s.Login(ctx, "ann@example.com", password, "203.0.113.10"); err != nil {
			t.Fatalf("another address is limited too: %v", err)
		}
	})
}

func TestLoginLimitHoldsAgainstABurst(t *testing.T) {
	storagetest.Each(t, func(t *testing.T, db *storage.DB) {
		s, _ := newService(db)
		createUser(t, s, "ann@example.com")
		var mu sync.Mutex
		codes := map[apperr.Code]int{}
		var wg sync.WaitGroup
		for range 16 {
			wg.Go(func() {
				_, _, err := s.Login(ctx, "ann@example.com", "wrong password", "192.0.2.1")
				mu.Lock()
				codes[apperr.ErrorCode(err)]++
				mu.Unlock()
			})
		}
		wg.Wait()
		if codes[apperr.EUNAUTHORIZED] != 5 || codes[apperr.ETOOMANY] != 11 {
			t.Fatalf("16 parallel guesses gave %v; want 5 checked and 11 refused", codes)
		}
	})
}

func TestLoginLimitHoldsAcrossProcesses(t *testing.T) {
	db1, path := storagetest.SQLite(t)
	db2, err := storage.Open(ctx, path)
	if err != nil {
		t.Fatal(err)
	}
	defer db2.Close()
	c := newClock()
	s1 := accounts.NewService(db1, c.Now, accounts.Options{})
	s2 := accounts.NewService(db2, c.Now, accounts.Options{})
	createUser(t, s1, "ann@example.com")
	for range 5 {
		_, _, err := s1.Login(ctx, "ann@example.com", "wrong password", "192.0.2.1")
		wantCode(t, err, apperr.EUNAUTHORIZED)
	}
	_, _, err = s2.Login(ctx, "ann@example.com", password, "192.0.2.1")
	if e := wantCode(t, err, apperr.ETOOMANY); e.RetryAfter != 15*time.Minute {
		t.Fatalf("retry after %v", e.RetryAfter)
	}
}

func TestRetryAfterCountsDown(t *testing.T) {
	storagetest.Each(t, func(t *testing.T, db *storage.DB) {
		c := newClock()
		s := accounts.NewService(db, c.Now, accounts.Options{MaxFailuresPerAccount: 1, LoginWindow: time.Minute})
		_, _, err := s.Login(ctx, "ann@example.com", "wrong password", "")
		wantCode(t, err, apperr.EUNAUTHORIZED)
		c.Advance(59 * time.Second)
		_, _, err = s.Login(ctx, "ann@example.com", "wrong password", "")
		if e := wantCode(t, err, apperr.ETOOMANY); e.RetryAfter != time.Second {
			t.Fatalf("retry after %v", e.RetryAfter)
		}
		c.Advance(time.Second) // the failure leaves the window
		_, _, err = s.Login(ctx, "ann@example.com", "wrong password", "")
		wantCode(t, err, apperr.EUNAUTHORIZED)
	})
}

func TestSessionIdleExpiry(t *testing.T) {
	storagetest.Each(t, func(t *testing.T, db *storage.DB) {
		s, c := newService(db)
		createUser(t, s, "ann@example.com")
		sid := login(t, s, "ann@example.com", password)
		c.Advance(7 * 24 * time.Hour) // idle exactly the limit: still fine
		if _, err := s.SessionUser(ctx, sid); err != nil {
			t.Fatalf("session ended at the idle limit: %v", err)
		}
		c.Advance(7*24*time.Hour + time.Second)
		_, err := s.SessionUser(ctx, sid)
		wantCode(t, err, apperr.EUNAUTHORIZED)
		_, _, err = db.SessionByHash(ctx, sha256Hex(sid))
		wantCode(t, err, apperr.ENOTFOUND) // deleted, not just refused
	})
}

func TestSessionAbsoluteExpiry(t *testing.T) {
	storagetest.Each(t, func(t *testing.T, db *storage.DB) {
		s, c := newService(db)
		createUser(t, s, "ann@example.com")
		sid := login(t, s, "ann@example.com", password)
		for range 5 { // used every six days: never idle
			c.Advance(6 * 24 * time.Hour)
			if _, err := s.SessionUser(ctx, sid); err != nil {
				t.Fatal(err)
			}
		}
		c.Advance(6*24*time.Hour + time.Second) // 30 days and a second
		_, err := s.SessionUser(ctx, sid)
		wantCode(t, err, apperr.EUNAUTHORIZED)
		_, _, err = db.SessionByHash(ctx, sha256Hex(sid))
		wantCode(t, err, apperr.ENOTFOUND)
	})
}

func TestSessionTouchedAtMostOnceAMinute(t *testing.T) {
	storagetest.Each(t, func(t *testing.T, db *storage.DB) {
		s, c := newService(db)
		createUser(t, s, "ann@example.com")
		sid := login(t, s, "ann@example.com", password)
		start := c.Now()
		lastSeen := func() time.Time {
			sess, _, err := db.SessionByHash(ctx, sha256Hex(sid))
			if err != nil {
				t.Fatal(err)
			}
			return sess.LastSeenAt
		}
		c.Advance(59 * time.Second)
		if _, err := s.SessionUser(ctx, sid); err != nil || !lastSeen().Equal(start) {
			t.Fatalf("touched after 59s: %v, %v", lastSeen(), err)
		}
		c.Advance(time.Second)
		if _, err := s.SessionUser(ctx, sid); err != nil || !lastSeen().Equal(c.Now()) {
			t.Fatalf("not touched after a minute: %v, %v", lastSeen(), err)
		}
	})
}

func TestSessionUserRefusesUnknownIDs(t *testing.T) {
	storagetest.Each(t, func(t *testing.T, db *storage.DB) {
		s, _ := newService(db)
		for _, sid := range []string{"", "not-a-session", "\xff"} {
			_, err := s.SessionUser(ctx, sid)
			wantCode(t, err, apperr.EUNAUTHORIZED)
		}
		if err := s.Logout(ctx, "not-a-session"); err != nil {
			t.Fatal(err)
		}
	})
}
