package accounts_test

import (
	"strings"
	"testing"

	"tracker/internal/apperr"
	"tracker/internal/storage"
	"tracker/internal/storage/storagetest"
)

func TestCreateUser(t *testing.T) {
	storagetest.Each(t, func(t *testing.T, db *storage.DB) {
		s, c := newService(db)
		u := createUser(t, s, "  Ann@Example.COM ")
		if u.ID == 0 || u.Email != "ann@example.com" || !u.CreatedAt.Equal(c.Now()) {
			t.Fatalf("user = %+v", u)
		}
		_, err := s.CreateUser(ctx, "ann@example.com", "another long password")
		if e := wantCode(t, err, apperr.ECONFLICT); e.Message != "an account with this e-mail already exists" {
			t.Fatalf("message = %q", e.Message)
		}
		createUser(t, s, "bob@example.com")
		users, err := s.ListUsers(ctx)
		if err != nil || len(users) != 2 || users[0].Email != "ann@example.com" || users[1].Email != "bob@example.com" {
			t.Fatalf("list = %+v, %v", users, err)
		}
		if n, err := s.CountUsers(ctx); n != 2 || err != nil {
			t.Fatalf("count = %d, %v", n, err)
		}
		if got, err := s.UserByID(ctx, u.ID); err != nil || *got != *u {
			t.Fatalf("by id = %+v, %v", got, err)
		}
		_, err = s.UserByID(ctx, 999)
		wantCode(t, err, apperr.ENOTFOUND)
	})
}

func TestCreateUserValidates(t *testing.T) {
	storagetest.Each(t, func(t *testing.T, db *storage.DB) {
		s, _ := newService(db)
		_, err := s.CreateUser(ctx, "Ann <ann@example.com>", "too short")
		e := wantCode(t, err, apperr.EINVALID)
		if e.Fields["email"] == "" || e.Fields["password"] != "password must be at least 12 characters long" {
			t.Fatalf("fields = %v", e.Fields)
		}
		if !strings.Contains(e.Message, "email") || !strings.Contains(e.Message, "password must be at least 12 characters") {
			t.Fatalf("message = %q", e.Message)
		}
		if n, _ := s.CountUsers(ctx); n != 0 {
			t.Fatal("an invalid user was stored")
		}
	})
}

func TestChangePasswordEndsOtherSessions(t *testing.T) {
	storagetest.Each(t, func(t *testing.T, db *storage.DB) {
		s, _ := newService(db)
		u := createUser(t, s, "ann@example.com")
		here, there := login(t, s, "ann@example.com", password), login(t, s, "ann@example.com", password)

		err := s.ChangePassword(ctx, u.ID, "not the password", "a brand new password", here)
		if e := wantCode(t, err, apperr.EINVALID); e.Fields["current_password"] == "" {
			t.Fatalf("fields = %v", e.Fields)
		}
		err = s.ChangePassword(ctx, u.ID, password, "short", here)
		if e := wantCode(t, err, apperr.EINVALID); e.Fields["new_password"] == "" {
			t.Fatalf("fields = %v", e.Fields)
		}
		if err := s.ChangePassword(ctx, u.ID, password, "a brand new password", here); err != nil {
			t.Fatal(err)
		}
		if _, err := s.SessionUser(ctx, here); err != nil {
			t.Fatalf("the session that changed the password ended: %v", err)
		}
		_, err = s.SessionUser(ctx, there)
		wantCode(t, err, apperr.EUNAUTHORIZED)
		_, _, err = s.Login(ctx, "ann@example.com", password, "192.0.2.1")
		wantCode(t, err, apperr.EUNAUTHORIZED)
		login(t, s, "ann@example.com", "a brand new password")
	})
}

func TestSetPasswordEndsAllSessions(t *testing.T) {
	storagetest.Each(t, func(t *testing.T, db *storage.DB) {
		s, _ := newService(db)
		createUser(t, s, "ann@example.com")
		sessions := []string{login(t, s, "ann@example.com", password), login(t, s, "ann@example.com", password)}
		if err := s.SetPassword(ctx, " ANN@example.com", "set from the command line"); err != nil {
			t.Fatal(err)
		}
		for _, sid := range sessions {
			_, err := s.SessionUser(ctx, sid)
			wantCode(t, err, apperr.EUNAUTHORIZED)
		}
		login(t, s, "ann@example.com", "set from the command line")
		wantCode(t, s.SetPassword(ctx, "nobody@example.com", "set from the command line"), apperr.ENOTFOUND)
		if e := wantCode(t, s.SetPassword(ctx, "ann@example.com", "short"), apperr.EINVALID); e.Fields["password"] == "" {
			t.Fatalf("fields = %v", e.Fields)
		}
	})
}
