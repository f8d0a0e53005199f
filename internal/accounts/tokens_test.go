package accounts_test

import (
	"strings"
	"testing"
	"time"

	"tracker/internal/accounts"
	"tracker/internal/apperr"
	"tracker/internal/storage"
	"tracker/internal/storage/storagetest"
)

func TestTokens(t *testing.T) {
	storagetest.Each(t, func(t *testing.T, db *storage.DB) {
		s, c := newService(db)
		ann := createUser(t, s, "ann@example.com")
		plain, tok, err := s.CreateToken(ctx, ann.ID, "  laptop script ")
		if err != nil || !strings.HasPrefix(plain, "trk_") || len(plain) != 47 {
			t.Fatalf("create = %q, %v", plain, err)
		}
		if tok.ID == 0 || tok.Name != "laptop script" || tok.Prefix != plain[:8] || tok.LastUsedAt != nil {
			t.Fatalf("token = %+v", tok)
		}
		if _, _, stored, err := db.TokenByHash(ctx, sha256Hex(plain)); err != nil || stored != sha256Hex(plain) {
			t.Fatalf("the token is not stored as its SHA-256: %v", err)
		}
		u, err := s.TokenUser(ctx, plain)
		if err != nil || u.ID != ann.ID {
			t.Fatalf("token user = %+v, %v", u, err)
		}
		used := c.Now()
		c.Advance(30 * time.Second)
		if _, err := s.TokenUser(ctx, plain); err != nil {
			t.Fatal(err)
		}
		list, err := s.ListTokens(ctx, ann.ID)
		if err != nil || len(list) != 1 || list[0].LastUsedAt == nil || !list[0].LastUsedAt.Equal(used) {
			t.Fatalf("list = %+v, %v (last use written at most once a minute)", list, err)
		}

		if err := s.RevokeToken(ctx, ann.ID, tok.ID); err != nil {
			t.Fatal(err)
		}
		_, err = s.TokenUser(ctx, plain)
		if e := wantCode(t, err, apperr.EUNAUTHORIZED); !strings.Contains(e.Message, "revoked") {
			t.Fatalf("message = %q", e.Message)
		}
		list, _ = s.ListTokens(ctx, ann.ID)
		if list[0].RevokedAt == nil || !list[0].RevokedAt.Equal(c.Now()) {
			t.Fatalf("revoked token listed as %+v", list[0])
		}
	})
}

func TestTokenOfAnotherUserCannotBeRevoked(t *testing.T) {
	storagetest.Each(t, func(t *testing.T, db *storage.DB) {
		s, _ := newService(db)
		ann, bob := createUser(t, s, "ann@example.com"), createUser(t, s, "bob@example.com")
		plain, tok, err := s.CreateToken(ctx, ann.ID, "ci")
		if err != nil {
			t.Fatal(err)
		}
		wantCode(t, s.RevokeToken(ctx, bob.ID, tok.ID), apperr.ENOTFOUND)
		wantCode(t, s.RevokeToken(ctx, ann.ID, tok.ID+100), apperr.ENOTFOUND)
		if list, _ := s.ListTokens(ctx, bob.ID); len(list) != 0 {
			t.Fatalf("bob sees %+v", list)
		}
		if u, err := s.TokenUser(ctx, plain); err != nil || u.ID != ann.ID {
			t.Fatalf("the token stopped working: %+v, %v", u, err)
		}
	})
}

func TestTokenValidation(t *testing.T) {
	storagetest.Each(t, func(t *testing.T, db *storage.DB) {
		s, _ := newService(db)
		ann := createUser(t, s, "ann@example.com")
		for _, name := range []string{"", "   ", strings.Repeat("n", 101), "two\nlines"} {
			_, _, err := s.CreateToken(ctx, ann.ID, name)
			if e := wantCode(t, err, apperr.EINVALID); e.Fields["name"] == "" {
				t.Fatalf("name %q: fields %v", name, e.Fields)
			}
		}
		if _, _, err := s.CreateToken(ctx, ann.ID, strings.Repeat("é", 100)); err != nil {
			t.Fatalf("100 characters refused: %v", err)
		}
		_, _, err := s.CreateToken(ctx, 999, "ci")
		wantCode(t, err, apperr.ENOTFOUND)
		plain, _, _ := s.CreateToken(ctx, ann.ID, "ci")
		for _, bad := range []string{"", "abc", strings.TrimPrefix(plain, "trk_"), "trk_" + strings.Repeat("A", 43), plain + "x"} {
			_, err := s.TokenUser(ctx, bad)
			wantCode(t, err, apperr.EUNAUTHORIZED)
		}
	})
}

// TestTokenLifetime: a token given a lifetime works until it ends and is
// refused from then on; a lifetime out of range is refused, naming it.
func TestTokenLifetime(t *testing.T) {
	storagetest.Each(t, func(t *testing.T, db *storage.DB) {
		s, c := newService(db)
		u := createUser(t, s, "ann@example.com")
		token, tok, err := s.CreateExpiringToken(ctx, u.ID, "a day", 24*time.Hour)
		if err != nil || tok.ExpiresAt == nil {
			t.Fatalf("create = %+v, %v", tok, err)
		}
		c.Advance(24*time.Hour - time.Second)
		if _, err := s.TokenUser(ctx, token); err != nil {
			t.Fatalf("a second before its end: %v", err)
		}
		c.Advance(time.Second)
		_, err = s.TokenUser(ctx, token)
		if e := wantCode(t, err, apperr.EUNAUTHORIZED); !strings.Contains(e.Message, "expired") {
			t.Fatalf("message %q", e.Message)
		}
		_, _, err = s.CreateExpiringToken(ctx, u.ID, "forever and a day", -time.Hour)
		if e := wantCode(t, err, apperr.EINVALID); e.Fields["expires_in_days"] == "" {
			t.Fatalf("fields %v", e.Fields)
		}
	})
}

// TestRevokeAllTokens revokes every token of one user, as a password
// change may ask, and leaves another user's alone.
func TestRevokeAllTokens(t *testing.T) {
	storagetest.Each(t, func(t *testing.T, db *storage.DB) {
		s, _ := newService(db)
		ann, bob := createUser(t, s, "ann@example.com"), createUser(t, s, "bob@example.com")
		a1, _, _ := s.CreateToken(ctx, ann.ID, "one")
		a2, _, _ := s.CreateToken(ctx, ann.ID, "two")
		b1, _, _ := s.CreateToken(ctx, bob.ID, "bob's")
		if err := s.RevokeAllTokens(ctx, ann.ID); err != nil {
			t.Fatal(err)
		}
		for _, tok := range []string{a1, a2} {
			_, err := s.TokenUser(ctx, tok)
			wantCode(t, err, apperr.EUNAUTHORIZED)
		}
		if _, err := s.TokenUser(ctx, b1); err != nil {
			t.Fatalf("another user's token: %v", err)
		}
	})
}

// TestTokenRevokedElsewhere: a server believes a token it has just checked
// for at most a second, so that a busy client's requests cost no lookup
// each; a revocation by another process (the command line, another
// server) takes effect once that second is over, one through the same
// service at once.
func TestTokenRevokedElsewhere(t *testing.T) {
	storagetest.Each(t, func(t *testing.T, db *storage.DB) {
		server, c := newService(db)
		elsewhere := accounts.NewService(db, c.Now, accounts.Options{})
		ann := createUser(t, server, "ann@example.com")
		plain, tok, err := server.CreateToken(ctx, ann.ID, "script")
		if err != nil {
			t.Fatal(err)
		}
		if _, err := server.TokenUser(ctx, plain); err != nil {
			t.Fatal(err)
		}
		if err := elsewhere.RevokeToken(ctx, ann.ID, tok.ID); err != nil {
			t.Fatal(err)
		}
		if u, err := server.TokenUser(ctx, plain); err != nil || u.ID != ann.ID {
			t.Fatalf("within the second the server still believes its check: %+v, %v", u, err)
		}
		c.Advance(time.Second)
		wantCode(t, errOf(server.TokenUser(ctx, plain)), apperr.EUNAUTHORIZED)

		plain2, tok2, err := server.CreateToken(ctx, ann.ID, "second")
		if err != nil {
			t.Fatal(err)
		}
		if _, err := server.TokenUser(ctx, plain2); err != nil {
			t.Fatal(err)
		}
		if err := server.RevokeToken(ctx, ann.ID, tok2.ID); err != nil {
			t.Fatal(err)
		}
		wantCode(t, errOf(server.TokenUser(ctx, plain2)), apperr.EUNAUTHORIZED)
	})
}

func errOf[T any](_ T, err error) error { return err }
