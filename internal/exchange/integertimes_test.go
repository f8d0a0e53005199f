package exchange_test

import (
	"bytes"
	"context"
	"database/sql"
	"os"
	"path/filepath"
	"testing"
	"time"

	_ "github.com/mattn/go-sqlite3"

	"tracker/internal/applications"
	"tracker/internal/exchange"
	"tracker/internal/storage"
)

// TestBackupSameAfterIntegerTimes loads a SQLite database that the
// release before migration 00074 wrote (testdata/before-integer-times.sql:
// its dump after seed, times stored as the driver's text) and the JSON
// backup that release wrote of it (before-integer-times.json, indented,
// exported at now), migrates the database to integer times, and writes
// the backup again: it must be the same, byte for byte.
func TestBackupSameAfterIntegerTimes(t *testing.T) {
	dump, err := os.ReadFile("testdata/before-integer-times.sql")
	if err != nil {
		t.Fatal(err)
	}
	want, err := os.ReadFile("testdata/before-integer-times.json")
	if err != nil {
		t.Fatal(err)
	}
	path := filepath.Join(t.TempDir(), "old.db")
	raw, err := sql.Open("sqlite3", path)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := raw.Exec(string(dump)); err != nil {
		t.Fatalf("load the old database: %v", err)
	}
	var text int
	if err := raw.QueryRow("SELECT COUNT(*) FROM applications WHERE typeof(created_at) = 'text'").Scan(&text); err != nil || text == 0 {
		t.Fatalf("the old database holds %d times as text (%v); the test proves nothing", text, err)
	}
	raw.Close()
	db, err := storage.Open(context.Background(), path)
	if err != nil {
		t.Fatalf("migrate: %v", err)
	}
	defer db.Close()
	after, err := sql.Open("sqlite3", path+"?mode=ro")
	if err != nil {
		t.Fatal(err)
	}
	defer after.Close()
	var integers int
	if err := after.QueryRow("SELECT COUNT(*) FROM applications WHERE typeof(created_at) = 'integer'").Scan(&integers); err != nil || integers != 5 {
		t.Fatalf("%d applications with integer times after the migration (%v)", integers, err)
	}
	svc := applications.NewService(db, func() time.Time { return now })
	var got bytes.Buffer
	if err := exchange.WriteBackup(applications.WithOwner(context.Background(), 1), &got, svc, now, true); err != nil {
		t.Fatal(err)
	}
	// The day of the offer came after that release (migration 00080):
	// none of its applications has one.
	offerDays := []byte("      \"offer_made_on\": null,\n")
	if n := bytes.Count(got.Bytes(), offerDays); n != integers {
		t.Errorf("%d applications without a day of the offer in the backup, want %d", n, integers)
	}
	if got := bytes.ReplaceAll(got.Bytes(), offerDays, nil); !bytes.Equal(got, want) {
		t.Errorf("the backup after the migration differs from the one before:\n%s\nbefore:\n%s", got, want)
	}
}
