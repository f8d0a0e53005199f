package storage_test

import (
	"context"
	"testing"
	"time"

	"tracker/internal/apperr"
	"tracker/internal/storage"
	"tracker/internal/storage/storagetest"
)

// TestFeedTokens: one token per user, replaced on rotation, gone on revoke.
func TestFeedTokens(t *testing.T) {
	storagetest.Each(t, func(t *testing.T, db *storage.DB) {
		ctx := context.Background()
		u := addUser(t, db, "feed@example.com")
		at := time.Date(2026, 3, 2, 9, 0, 0, 0, time.UTC)
		for _, h := range []string{hexHash("one"), hexHash("two")} {
			if err := db.SetFeedToken(ctx, u.ID, h, at); err != nil {
				t.Fatal(err)
			}
		}
		if id, err := db.FeedOwner(ctx, hexHash("two")); err != nil || id != u.ID {
			t.Errorf("owner of the new token: %d %v", id, err)
		}
		_, err := db.FeedOwner(ctx, hexHash("one"))
		wantCode(t, err, apperr.ENOTFOUND)
		if err := db.DeleteFeedToken(ctx, u.ID); err != nil {
			t.Fatal(err)
		}
		wantCode(t, db.DeleteFeedToken(ctx, u.ID), apperr.ENOTFOUND)
		_, err = db.FeedOwner(ctx, hexHash("two"))
		wantCode(t, err, apperr.ENOTFOUND)
	})
}
