package main

import (
	"context"
	"encoding/json"
	"strings"
	"testing"
	"time"

	"tracker/internal/api"
	"tracker/internal/applications"
	"tracker/internal/storage"
	"tracker/internal/storage/storagetest"
)

// TestWarningsOverManyPages: with more warnings than the command reads at
// a time, the table and the JSON still hold each of them once, most urgent
// first, and the JSON is one value as GET /warnings gives a last page.
func TestWarningsOverManyPages(t *testing.T) {
	c := newCLI(t)
	ctx := context.Background()
	db, err := storage.Open(ctx, c.db)
	if err != nil {
		t.Fatal(err)
	}
	u, err := db.UserByEmail(ctx, "me@example.com")
	if err != nil {
		t.Fatal(err)
	}
	const n = 2*warningsPageSize + 10
	storagetest.SeedInvited(t, db, applications.WithOwner(ctx, u.ID), n, time.Now().Add(-30*time.Hour))
	db.Close()

	r := c.do("warnings")
	check(t, r, 1, "SEVERITY")
	if rows := strings.Count(r.stdout, "answer the invitation"); rows != n || strings.Count(r.stdout, "SEVERITY") != 1 {
		t.Fatalf("tracker warnings printed %d warnings under %d headers, want %d under one", rows, strings.Count(r.stdout, "SEVERITY"), n)
	}
	r = c.do("warnings", "--json")
	var got api.Warnings
	if err := json.Unmarshal([]byte(r.stdout), &got); err != nil || r.code != 1 {
		t.Fatalf("tracker warnings --json: exit %d, %v:\n%.500s", r.code, err, r.stdout)
	}
	seen := map[int64]bool{}
	for i, w := range got.Items {
		if seen[w.ApplicationID] || i > 0 && w.DueAt.Before(got.Items[i-1].DueAt) {
			t.Fatalf("item %d (%+v) repeats or breaks the order", i, w)
		}
		seen[w.ApplicationID] = true
	}
	if len(seen) != n || got.NextCursor != nil {
		t.Fatalf("tracker warnings --json: %d warnings, next_cursor %v; want %d and null", len(seen), got.NextCursor, n)
	}
}
