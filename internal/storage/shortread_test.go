package storage_test

import (
	"context"
	"errors"
	"testing"
	"time"

	"tracker/internal/accounts"
	"tracker/internal/apperr"
	"tracker/internal/applications"
	"tracker/internal/storage"
	"tracker/internal/storage/storagetest"
	"tracker/internal/workflow"
)

// A short read of a request cancelled before it begins takes no
// connection and says so; once begun it runs on SQLite without the
// request's cancellation (no watch of it per statement), and on
// PostgreSQL with it.
func TestShortReadsOfACancelledRequest(t *testing.T) {
	storagetest.EachDSN(t, func(t *testing.T, dsn string) {
		db, err := storage.Open(context.Background(), dsn)
		if err != nil {
			t.Fatal(err)
		}
		defer db.Close()
		a := create(t, db, workflow.Applied)
		ctx, cancel := context.WithCancel(ownerCtx(t, db))
		err = db.ShortView(ctx, func(ctx context.Context) error {
			if got, want := ctx.Done() == nil, !storage.IsPostgres(dsn); got != want {
				t.Errorf("inside ShortView, ctx.Done() == nil is %v, want %v", got, want)
			}
			_, err := db.GetApplication(ctx, a.ID)
			return err
		})
		if err != nil {
			t.Fatal(err)
		}
		cancel()
		ran := false
		err = db.ShortView(ctx, func(ctx context.Context) error { ran = true; return nil })
		if !errors.Is(err, context.Canceled) || ran {
			t.Errorf("ShortView of a cancelled request: ran %v, error %v", ran, err)
		}
		if _, err := db.ReadDetail(ctx, a.ID); !errors.Is(err, context.Canceled) {
			t.Errorf("ReadDetail of a cancelled request: %v", err)
		}
		for _, f := range []applications.ListFilter{{Limit: 50}, {Status: workflow.Applied, Sort: applications.SortCompany, Limit: 50}} {
			if _, err := db.ListApplications(ctx, f, nil); !errors.Is(err, context.Canceled) {
				t.Errorf("ListApplications %+v of a cancelled request: %v", f, err)
			}
		}
		if _, _, _, err := db.TokenByHash(ctx, hexHash("trk_x")); !errors.Is(err, context.Canceled) {
			t.Errorf("TokenByHash of a cancelled request: %v", err)
		}
		if _, _, err := db.SessionByHash(ctx, hexHash("x")); !errors.Is(err, context.Canceled) {
			t.Errorf("SessionByHash of a cancelled request: %v", err)
		}
	})
}

// TokenByHash reads the token and its user in one statement; an unknown
// hash is ENOTFOUND.
func TestTokenByHashReadsItsUser(t *testing.T) {
	storagetest.Each(t, func(t *testing.T, db *storage.DB) {
		ctx := context.Background()
		ann, bob := addUser(t, db, "ann@example.com"), addUser(t, db, "bob@example.com")
		end := at.Add(time.Hour)
		for _, u := range []*accounts.User{ann, bob} {
			tok := &accounts.Token{UserID: u.ID, Name: "ci", Prefix: "trk_AbCd", CreatedAt: at, ExpiresAt: &end}
			if err := db.CreateToken(ctx, tok, hexHash("trk_"+u.Email)); err != nil {
				t.Fatal(err)
			}
		}
		tok, u, stored, err := db.TokenByHash(ctx, hexHash("trk_bob@example.com"))
		if err != nil || stored != hexHash("trk_bob@example.com") || tok.UserID != bob.ID || tok.Name != "ci" ||
			!tok.CreatedAt.Equal(at) || tok.ExpiresAt == nil || !tok.ExpiresAt.Equal(end) || tok.RevokedAt != nil {
			t.Fatalf("token = %+v, %q, %v", tok, stored, err)
		}
		if u.ID != bob.ID || u.Email != "bob@example.com" || !u.CreatedAt.Equal(at) || !u.PasswordChangedAt.Equal(at) {
			t.Fatalf("user = %+v", u)
		}
		_, _, _, err = db.TokenByHash(ctx, hexHash("trk_nobody"))
		wantCode(t, err, apperr.ENOTFOUND)
	})
}

// SessionByHash reads the session and its user in one statement; an
// unknown hash is ENOTFOUND.
func TestSessionByHashReadsItsUser(t *testing.T) {
	storagetest.Each(t, func(t *testing.T, db *storage.DB) {
		ctx := context.Background()
		ann, bob := addUser(t, db, "ann@example.com"), addUser(t, db, "bob@example.com")
		for _, u := range []*accounts.User{ann, bob} {
			s := accounts.Session{IDHash: hexHash(u.Email), UserID: u.ID, CreatedAt: at, LastSeenAt: at.Add(time.Minute),
				ExpiresAt: at.Add(time.Hour)}
			if err := db.CreateSession(ctx, &s); err != nil {
				t.Fatal(err)
			}
		}
		s, u, err := db.SessionByHash(ctx, hexHash("bob@example.com"))
		if err != nil || s.IDHash != hexHash("bob@example.com") || s.UserID != bob.ID || !s.CreatedAt.Equal(at) ||
			!s.LastSeenAt.Equal(at.Add(time.Minute)) || !s.ExpiresAt.Equal(at.Add(time.Hour)) {
			t.Fatalf("session = %+v, %v", s, err)
		}
		if u.ID != bob.ID || u.Email != "bob@example.com" || !u.CreatedAt.Equal(at) || !u.PasswordChangedAt.Equal(at) {
			t.Fatalf("user = %+v", u)
		}
		_, _, err = db.SessionByHash(ctx, hexHash("nobody"))
		wantCode(t, err, apperr.ENOTFOUND)
	})
}

// HadInterview finds a move to interviewed in the application's history,
// only the user's own.
func TestHadInterview(t *testing.T) {
	storagetest.Each(t, func(t *testing.T, db *storage.DB) {
		ctx := ownerCtx(t, db)
		a := create(t, db, workflow.Invited)
		had := func(ctx context.Context) bool {
			t.Helper()
			var got bool
			err := db.View(ctx, func(ctx context.Context) error {
				var err error
				got, err = db.HadInterview(ctx, a.ID)
				return err
			})
			if err != nil {
				t.Fatal(err)
			}
			return got
		}
		add := func(from, to workflow.State) {
			t.Helper()
			h := applications.HistoryEntry{ApplicationID: a.ID, From: from, To: to, At: at}
			if err := db.InTx(ctx, func(ctx context.Context) error { return db.AddHistory(ctx, &h) }); err != nil {
				t.Fatal(err)
			}
		}
		add("", workflow.Applied)
		add(workflow.Applied, workflow.Invited)
		if had(ctx) {
			t.Fatal("an interview before any move to interviewed")
		}
		add(workflow.Invited, workflow.Interviewed)
		if !had(ctx) {
			t.Fatal("no interview after a move to interviewed")
		}
		if had(storagetest.Owner(t, db, "stranger@example.com")) {
			t.Fatal("another user sees the application's interview")
		}
	})
}
