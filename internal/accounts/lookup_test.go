package accounts_test

import (
	"testing"

	"tracker/internal/apperr"
	"tracker/internal/storage"
	"tracker/internal/storage/storagetest"
)

func TestUserByEmail(t *testing.T) {
	storagetest.Each(t, func(t *testing.T, db *storage.DB) {
		s, _ := newService(db)
		ann := createUser(t, s, "ann@example.com")
		createUser(t, s, "bob@example.com")
		got, err := s.UserByEmail(ctx, "  ANN@Example.com ")
		if err != nil || *got != *ann {
			t.Fatalf("by e-mail = %+v, %v; want %+v", got, err, ann)
		}
		_, err = s.UserByEmail(ctx, " Nobody@Example.com")
		if e := wantCode(t, err, apperr.ENOTFOUND); e.Message != "no account with the e-mail nobody@example.com" {
			t.Fatalf("message = %q", e.Message)
		}
	})
}
