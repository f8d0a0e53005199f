package storage_test

import (
	"context"
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"testing"
	"time"

	"tracker/internal/accounts"
	"tracker/internal/apperr"
	"tracker/internal/storage"
	"tracker/internal/storage/storagetest"
)

func hexHash(s string) string {
	sum := sha256.Sum256([]byte(s))
	return hex.EncodeToString(sum[:])
}

func wantCode(t *testing.T, err error, code apperr.Code) {
	t.Helper()
	var e *apperr.Error
	if !errors.As(err, &e) || e.Code != code {
		t.Fatalf("error = %v, want code %s", err, code)
	}
}

func addUser(t *testing.T, db *storage.DB, email string) *accounts.User {
	t.Helper()
	u := &accounts.User{Email: email, CreatedAt: at, PasswordChangedAt: at}
	if err := db.CreateUser(context.Background(), u, "$argon2id$v=19$m=19456,t=2,p=1$c2FsdA$a2V5"); err != nil {
		t.Fatalf("create user: %v", err)
	}
	return u
}

func TestUsersTable(t *testing.T) {
	storagetest.Each(t, func(t *testing.T, db *storage.DB) {
		ctx := context.Background()
		u := addUser(t, db, "ann@example.com")
		wantCode(t, db.CreateUser(ctx, &accounts.User{Email: "ann@example.com", CreatedAt: at, PasswordChangedAt: at}, "h"), apperr.ECONFLICT)
		err := db.CreateUser(ctx, &accounts.User{Email: "Bob@example.com", CreatedAt: at, PasswordChangedAt: at}, "h")
		if err == nil || apperr.ErrorCode(err) == apperr.ECONFLICT {
			t.Fatalf("an upper-case e-mail gave %v; want the CHECK to refuse it", err)
		}
		later := at.Add(time.Hour)
		if err := db.SetPasswordHash(ctx, u.ID, "new hash", later); err != nil {
			t.Fatal(err)
		}
		got, err := db.UserByEmail(ctx, "ann@example.com")
		if err != nil || !got.PasswordChangedAt.Equal(later) || got.PasswordChangedAt.Location() != time.UTC {
			t.Fatalf("user = %+v, %v", got, err)
		}
		if h, err := db.PasswordHash(ctx, u.ID); h != "new hash" || err != nil {
			t.Fatalf("hash = %q, %v", h, err)
		}
		wantCode(t, db.SetPasswordHash(ctx, 999, "h", later), apperr.ENOTFOUND)
		_, err = db.PasswordHash(ctx, 999)
		wantCode(t, err, apperr.ENOTFOUND)
	})
}

func TestDeleteUserSessionsKeepsOne(t *testing.T) {
	storagetest.Each(t, func(t *testing.T, db *storage.DB) {
		ctx := context.Background()
		ann, bob := addUser(t, db, "ann@example.com"), addUser(t, db, "bob@example.com")
		for _, s := range []accounts.Session{
			{IDHash: hexHash("a1"), UserID: ann.ID}, {IDHash: hexHash("a2"), UserID: ann.ID}, {IDHash: hexHash("b1"), UserID: bob.ID},
		} {
			s.CreatedAt, s.LastSeenAt, s.ExpiresAt = at, at, at.Add(time.Hour)
			if err := db.CreateSession(ctx, &s); err != nil {
				t.Fatal(err)
			}
		}
		if err := db.DeleteUserSessions(ctx, ann.ID, hexHash("a1")); err != nil {
			t.Fatal(err)
		}
		for id, alive := range map[string]bool{"a1": true, "a2": false, "b1": true} {
			_, _, err := db.SessionByHash(ctx, hexHash(id))
			if (err == nil) != alive {
				t.Errorf("session %s: %v", id, err)
			}
		}
	})
}

func TestRevokeTokenIsScopedAndKeepsTheFirstTime(t *testing.T) {
	storagetest.Each(t, func(t *testing.T, db *storage.DB) {
		ctx := context.Background()
		ann, bob := addUser(t, db, "ann@example.com"), addUser(t, db, "bob@example.com")
		tok := &accounts.Token{UserID: ann.ID, Name: "ci", Prefix: "trk_AbCd", CreatedAt: at}
		if err := db.CreateToken(ctx, tok, hexHash("trk_secret")); err != nil {
			t.Fatal(err)
		}
		wantCode(t, db.RevokeToken(ctx, bob.ID, tok.ID, at), apperr.ENOTFOUND)
		for _, when := range []time.Time{at.Add(time.Minute), at.Add(time.Hour)} {
			if err := db.RevokeToken(ctx, ann.ID, tok.ID, when); err != nil {
				t.Fatal(err)
			}
		}
		got, _, stored, err := db.TokenByHash(ctx, hexHash("trk_secret"))
		if err != nil || stored != hexHash("trk_secret") || got.RevokedAt == nil || !got.RevokedAt.Equal(at.Add(time.Minute)) {
			t.Fatalf("token = %+v, %v", got, err)
		}
	})
}

func TestOnlyOneSetupTokenIsUsed(t *testing.T) {
	storagetest.Each(t, func(t *testing.T, db *storage.DB) {
		ctx := context.Background()
		for _, s := range []string{"first", "second"} {
			if err := db.CreateSetupToken(ctx, &accounts.SetupToken{TokenHash: hexHash(s), ExpiresAt: at.Add(time.Hour)}); err != nil {
				t.Fatal(err)
			}
		}
		if err := db.UseSetupToken(ctx, hexHash("first"), at); err != nil {
			t.Fatal(err)
		}
		wantCode(t, db.UseSetupToken(ctx, hexHash("first"), at), apperr.ECONFLICT)
		wantCode(t, db.UseSetupToken(ctx, hexHash("second"), at), apperr.ECONFLICT)

		if err := db.DeleteStaleSetupTokens(ctx, at); err != nil {
			t.Fatal(err)
		}
		_, err := db.SetupTokenByHash(ctx, hexHash("first"))
		wantCode(t, err, apperr.ENOTFOUND)
		if err := db.UseSetupToken(ctx, hexHash("second"), at); err != nil {
			t.Fatalf("with the used token gone, the other one is usable: %v", err)
		}
	})
}

func TestLoginAttempts(t *testing.T) {
	storagetest.Each(t, func(t *testing.T, db *storage.DB) {
		ctx := context.Background()
		var ids []int64
		for i := range 3 {
			id, err := db.AddLoginAttempt(ctx, "email:ann@example.com", at.Add(time.Duration(i)*time.Minute))
			if err != nil {
				t.Fatal(err)
			}
			ids = append(ids, id)
		}
		if _, err := db.AddLoginAttempt(ctx, "ip:192.0.2.1", at); err != nil {
			t.Fatal(err)
		}
		n, oldest, err := db.CountLoginAttempts(ctx, "email:ann@example.com", at)
		if n != 2 || !oldest.Equal(at.Add(time.Minute)) || err != nil {
			t.Fatalf("count after the first = %d, %v, %v", n, oldest, err)
		}
		if err := db.DeleteLoginAttempt(ctx, ids[1]); err != nil {
			t.Fatal(err)
		}
		if n, oldest, _ := db.CountLoginAttempts(ctx, "email:ann@example.com", time.Time{}); n != 2 || !oldest.Equal(at) {
			t.Fatalf("count after deleting one = %d, %v", n, oldest)
		}
		if err := db.ClearLoginAttempts(ctx, "email:ann@example.com"); err != nil {
			t.Fatal(err)
		}
		if n, _, _ := db.CountLoginAttempts(ctx, "email:ann@example.com", time.Time{}); n != 0 {
			t.Fatalf("%d attempts after clearing", n)
		}
		if n, _, _ := db.CountLoginAttempts(ctx, "ip:192.0.2.1", time.Time{}); n != 1 {
			t.Fatalf("clearing one key cleared another: %d", n)
		}
		if err := db.DeleteLoginAttemptsBefore(ctx, at.Add(time.Second)); err != nil {
			t.Fatal(err)
		}
		if n, _, _ := db.CountLoginAttempts(ctx, "ip:192.0.2.1", time.Time{}); n != 0 {
			t.Fatalf("%d old attempts left", n)
		}
	})
}
