package storage_test

import (
	"strings"
	"testing"

	"gorm.io/gorm"

	"tracker/internal/storage"
	"tracker/internal/storage/storagetest"
)

// TestMigrationDropsInvitationsApplicationIndex: migration 76 drops
// invitations_application, a prefix of the unique invitations_round, and
// an application's invitations are still looked up by an index (on
// SQLite, whose plan the test reads) and still one per round.
func TestMigrationDropsInvitationsApplicationIndex(t *testing.T) {
	storagetest.EachDSN(t, func(t *testing.T, dsn string) {
		old := atMigration(t, dsn, 75)
		if !hasIndex(t, dsn, old.DB, "invitations_application") {
			t.Fatal("invitations_application missing before migration 76: the test proves nothing")
		}
		old.Migrate()
		raw := rawDB(t, dsn)
		if hasIndex(t, dsn, raw, "invitations_application") {
			t.Fatal("invitations_application still there after migration 76")
		}
		if !hasIndex(t, dsn, raw, "invitations_round") {
			t.Fatal("invitations_round is gone")
		}
		if storage.IsPostgres(dsn) {
			return
		}
		var plan []struct {
			ID, Parent, Notused int
			Detail              string
		}
		if err := raw.Raw("EXPLAIN QUERY PLAN SELECT id FROM invitations WHERE application_id = ?", 1).Scan(&plan).Error; err != nil {
			t.Fatal(err)
		}
		if len(plan) != 1 || !strings.Contains(plan[0].Detail, "USING") || !strings.Contains(plan[0].Detail, "application_id=?") {
			t.Fatalf("an application's invitations are not looked up by an index: %+v", plan)
		}
	})
}

// hasIndex reports whether the database at dsn, open as g, has the index name.
func hasIndex(t *testing.T, dsn string, g *gorm.DB, name string) bool {
	t.Helper()
	q := "SELECT COUNT(*) FROM sqlite_master WHERE type = 'index' AND name = ?"
	if storage.IsPostgres(dsn) {
		q = "SELECT COUNT(*) FROM pg_indexes WHERE schemaname = current_schema() AND indexname = ?"
	}
	var n int64
	if err := g.Raw(q, name).Scan(&n).Error; err != nil {
		t.Fatal(err)
	}
	return n > 0
}
