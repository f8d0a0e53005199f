package storage_test

import (
	"context"
	"testing"
	"time"

	"tracker/internal/applications"
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
	old := atMigration(t, dsn, 46)
	base := time.Date(2026, 5, 4, 12, 0, 0, 0, time.UTC)
	exec := old.Insert
	exec(`INSERT INTO users (email, password_hash, created_at, password_changed_at) VALUES ('old@example.com', 'hash', ?, ?)`, base, base)
	apps := map[string]int64{}
	for i, status := range []string{"invited", "rejected", "ghosted", "interviewed"} {
		moved := base.Add(time.Duration(i) * time.Hour)
		id := exec(`INSERT INTO applications (owner_id, company, role, status, applied_at, created_at, updated_at) VALUES (1, ?, 'Dev', ?, ?, ?, ?)`,
			"Company "+status, status, base, base, moved)
		exec(`INSERT INTO invitations (application_id, received_at, format, round, message, response) VALUES (?, ?, 'video', 1, '', 'pending')`, id, base)
		apps[status] = id
	}
	db := old.Migrate()
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
