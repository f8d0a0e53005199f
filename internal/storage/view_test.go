package storage_test

import (
	"context"
	"testing"

	"tracker/internal/storage/storagetest"
)

// TestViewOnPostgresOpensNoTransaction checks that on PostgreSQL a View's
// reads run without BEGIN READ ONLY and COMMIT, two round trips a call
// that buy nothing at READ COMMITTED, where every statement reads a
// snapshot of its own; a write transaction stays one, and a View inside
// it joins it.
func TestViewOnPostgresOpensNoTransaction(t *testing.T) {
	db, _ := storagetest.Postgres(t)
	ctx := context.Background()
	inTx := func(name string, want bool) func(ctx context.Context) error {
		return func(ctx context.Context) error {
			got, err := db.InTransaction(ctx)
			if err == nil && got != want {
				t.Errorf("%s: in a transaction = %v, want %v", name, got, want)
			}
			return err
		}
	}
	if err := db.View(ctx, inTx("View", false)); err != nil {
		t.Fatal(err)
	}
	err := db.InTx(ctx, func(ctx context.Context) error {
		if err := inTx("InTx", true)(ctx); err != nil {
			return err
		}
		return db.View(ctx, inTx("View inside InTx", true))
	})
	if err != nil {
		t.Fatal(err)
	}
}
