package storage_test

import (
	"context"
	"testing"

	"gorm.io/gorm"

	"tracker/internal/storage"
)

// oldRelease is a database as an older release left it, for a migration
// test to fill before the current code opens it: DB is the database at
// dsn, opened without the tracker with its schema brought only up to a
// migration.
type oldRelease struct {
	t       testing.TB
	dsn     string
	version int64
	DB      *gorm.DB
}

// atMigration opens the database at dsn with its schema brought up to
// migration version.
func atMigration(t testing.TB, dsn string, version int64) *oldRelease {
	t.Helper()
	g, err := storage.OpenAt(context.Background(), dsn, version)
	if err != nil {
		t.Fatalf("open at migration %d: %v", version, err)
	}
	return &oldRelease{t: t, dsn: dsn, version: version, DB: g}
}

// Exec runs q on the old database; the test fails if it fails.
func (o *oldRelease) Exec(q string, args ...any) {
	o.t.Helper()
	if err := o.DB.Exec(q, args...).Error; err != nil {
		o.t.Fatalf("%s: %v", q, err)
	}
}

// Insert runs the INSERT q, of one row, and returns its id.
func (o *oldRelease) Insert(q string, args ...any) int64 {
	o.t.Helper()
	var id int64
	if err := o.DB.Raw(q+" RETURNING id", args...).Scan(&id).Error; err != nil {
		o.t.Fatalf("%s: %v", q, err)
	}
	return id
}

// Close closes the old database.
func (o *oldRelease) Close() {
	o.t.Helper()
	if err := storage.CloseRaw(o.DB); err != nil {
		o.t.Fatal(err)
	}
}

// Migrate closes the old database and opens it with the current code,
// which migrates it; it is closed when the test ends.
func (o *oldRelease) Migrate() *storage.DB {
	o.t.Helper()
	o.Close()
	db, err := storage.Open(context.Background(), o.dsn)
	if err != nil {
		o.t.Fatalf("migrate from %d: %v", o.version, err)
	}
	o.t.Cleanup(func() { db.Close() })
	return db
}

// rawDB opens the database at dsn without the tracker and as it is, to
// read what a migration left; it is closed when the test ends.
func rawDB(t testing.TB, dsn string) *gorm.DB {
	t.Helper()
	g, err := storage.OpenAt(context.Background(), dsn, 0)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { storage.CloseRaw(g) })
	return g
}
