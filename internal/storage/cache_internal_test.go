package storage

import (
	"context"
	"path/filepath"
	"testing"
)

// TestOnlyGroupsKeepTheLargeCache checks that the group commits' connection
// keeps the large page cache and the writer pool's other connection, which
// runs what comes outside a group, SQLite's default: with the large cache
// on both, the two held up to 64 MiB between them.
func TestOnlyGroupsKeepTheLargeCache(t *testing.T) {
	ctx := context.Background()
	db, err := Open(ctx, filepath.Join(t.TempDir(), "t.db"))
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	pages := func(ctx context.Context) (n int) {
		t.Helper()
		if err := db.conn(ctx).Raw("PRAGMA cache_size").Scan(&n).Error; err != nil {
			t.Fatal(err)
		}
		return n
	}
	var inGroup int
	if err := db.InTx(ctx, func(ctx context.Context) error { inGroup = pages(ctx); return nil }); err != nil {
		t.Fatal(err)
	}
	if inGroup != -groupCacheKiB {
		t.Errorf("a group's connection: cache_size %d, want %d", inGroup, -groupCacheKiB)
	}
	if outside := pages(ctx); outside != -2000 {
		t.Errorf("the writer pool's other connection: cache_size %d, want SQLite's default -2000", outside)
	}
}
