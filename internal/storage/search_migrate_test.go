package storage_test

import (
	"context"
	"testing"
	"time"

	"tracker/internal/applications"
	"tracker/internal/storage"
	"tracker/internal/storage/storagetest"
)

// TestSearchFindsApplicationsStoredBefore fills a database at migration 40
// (before the search index), then opens it with the current code: search
// must find what was stored before, and what is stored after.
func TestSearchFindsApplicationsStoredBefore(t *testing.T) {
	t.Run("sqlite", func(t *testing.T) {
		checkSearchBackfill(t, t.TempDir()+"/old.db")
	})
	t.Run("postgres", func(t *testing.T) {
		checkSearchBackfill(t, storagetest.PostgresDSN(t))
	})
}

func checkSearchBackfill(t *testing.T, dsn string) {
	ctx := context.Background()
	old, err := storage.OpenAt(ctx, dsn, 40)
	if err != nil {
		t.Fatalf("open at migration 40: %v", err)
	}
	for _, q := range []string{
		`INSERT INTO users (email, password_hash, created_at, password_changed_at) VALUES ('old@example.com', 'hash', ?, ?)`,
		`INSERT INTO applications (owner_id, company, role, location, notes, status, created_at, updated_at)
		 VALUES (1, 'Initech', 'Engineer', 'Austin', 'stapler', 'applied', ?, ?)`,
	} {
		if err := old.Exec(q, dueBase, dueBase).Error; err != nil {
			t.Fatal(err)
		}
	}
	if err := storage.CloseRaw(old); err != nil {
		t.Fatal(err)
	}
	db, err := storage.Open(ctx, dsn)
	if err != nil {
		t.Fatalf("migrate: %v", err)
	}
	defer db.Close()
	svc := applications.NewService(db, func() time.Time { return dueBase })
	owned := applications.WithOwner(ctx, 1)
	if _, err := svc.Create(owned, applications.NewApplication{Fields: applications.Fields{Company: "Initrode", Role: "Engineer"}}); err != nil {
		t.Fatal(err)
	}
	for q, want := range map[string]int{"stap": 1, "init": 2, "austin": 1, "initrode": 1} {
		p, err := svc.List(owned, applications.ListFilter{Query: q})
		if err != nil || len(p.Items) != want {
			t.Errorf("search %q after the migration = %d, %v; want %d", q, len(p.Items), err, want)
		}
	}
}
