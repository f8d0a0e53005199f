package applications_test

import (
	"testing"
	"time"

	"tracker/internal/storage"
	"tracker/internal/storage/storagetest"
)

// TestWarningsOfFortyThousandInvitations loads more pending invitations
// for one user than SQLite accepts parameters in one statement (32,766):
// the warnings must still come, all of them and page by page.
func TestWarningsOfFortyThousandInvitations(t *testing.T) {
	storagetest.Each(t, func(t *testing.T, db *storage.DB) {
		svc, _, ctx := newService(t, db)
		const n = 40_001
		storagetest.SeedInvited(t, db, ctx, n, start.Add(-48*time.Hour))
		ws, err := storagetest.AllWarnings(ctx, svc)
		if err != nil || len(ws) != n {
			t.Fatalf("warnings: %d, %v; want %d", len(ws), err, n)
		}
	})
}
