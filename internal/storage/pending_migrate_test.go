package storage_test

import (
	"context"
	"testing"
	"time"

	"tracker/internal/applications"
	"tracker/internal/storage"
	"tracker/internal/storage/storagetest"
)

// TestMigrationCancelsPendingOutsideInvited fills a database at migration
// 46 with pending invitations on applications that moved on without
// answering them, as older versions could leave them, and one on an
// invited application: migration 51 must cancel the first, dated when
// their application last changed, and keep the invited one's pending, so
// that only an invited application has a pending invitation (a move from
// any other stage then skips looking for one).
func TestMigrationCancelsPendingOutsideInvited(t *testing.T) {
	storagetest.EachDSN(t, checkPendingMigration)
}

func checkPendingMigration(t *testing.T, dsn string) {
	ctx := context.Background()
	old, err := storage.OpenAt(ctx, dsn, 46)
	if err != nil {
		t.Fatalf("open at migration 46: %v", err)
	}
	base := time.Date(2026, 5, 4, 12, 0, 0, 0, time.UTC)
	exec := func(q string, args ...any) int64 {
		t.Helper()
		var id int64
		if err := old.Raw(q+" RETURNING id", args...).Scan(&id).Error; err != nil {
			t.Fatalf("%s: %v", q, err)
		}
		return id
	}
	exec(`INSERT INTO users (email, password_hash, created_at, password_changed_at) VALUES ('old@example.com', 'hash', ?, ?)`, base, base)
	apps := map[string]int64{}
	for i, status := range []string{"invited", "rejected", "ghosted", "interviewed"} {
		moved := base.Add(time.Duration(i) * time.Hour)
		id := exec(`INSERT INTO applications (owner_id, company, role, status, applied_at, created_at, updated_at) VALUES (1, ?, 'Dev', ?, ?, ?, ?)`,
			"Company "+status, status, base, base, moved)
		exec(`INSERT INTO invitations (application_id, received_at, format, round, message, response) VALUES (?, ?, 'video', 1, '', 'pending')`, id, base)
		apps[status] = id
	}
	if err := storage.CloseRaw(old); err != nil {
		t.Fatal(err)
	}
	db, err := storage.Open(ctx, dsn)
	if err != nil {
		t.Fatalf("migrate: %v", err)
	}
	defer db.Close()
	owned := applications.WithOwner(ctx, 1)
	for status, id := range apps {
		invs, err := db.ListInvitations(owned, id)
		if err != nil || len(invs) != 1 {
			t.Fatalf("%s: invitations %+v, %v", status, invs, err)
		}
		inv := invs[0]
		if status == "invited" {
			if inv.Response != applications.ResponsePending || inv.RespondedAt != nil {
				t.Errorf("invited: the pending invitation became %s at %v", inv.Response, inv.RespondedAt)
			}
			continue
		}
		a, err := db.GetApplication(owned, id)
		if err != nil {
			t.Fatal(err)
		}
		if inv.Response != applications.ResponseCancelled || inv.RespondedAt == nil || !inv.RespondedAt.Equal(a.UpdatedAt) {
			t.Errorf("%s: invitation %s at %v, want cancelled at %v", status, inv.Response, inv.RespondedAt, a.UpdatedAt)
		}
	}
}
