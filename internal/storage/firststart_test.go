package storage_test

import (
	"context"
	"errors"
	"fmt"
	"path/filepath"
	"regexp"
	"sync"
	"testing"

	"tracker/internal/storage"
	"tracker/internal/storage/storagetest"
)

// TestFirstStartTwiceAtOnce opens one new database from several starters
// at the same moment, as two servers started together on a new file do:
// every one must open it, and the schema must be whole.
func TestFirstStartTwiceAtOnce(t *testing.T) {
	t.Run("sqlite", func(t *testing.T) {
		for round := range 10 {
			path := filepath.Join(t.TempDir(), fmt.Sprintf("round%d.db", round))
			openAtOnce(t, path, 4)
		}
	})
	t.Run("postgres", func(t *testing.T) {
		for range 2 {
			openAtOnce(t, storagetest.PostgresDSN(t), 3)
		}
	})
}

func openAtOnce(t *testing.T, dsn string, n int) {
	t.Helper()
	var wg sync.WaitGroup
	start := make(chan struct{})
	errs := make([]error, n)
	for i := range n {
		wg.Add(1)
		go func() {
			defer wg.Done()
			<-start
			db, err := storage.Open(context.Background(), dsn)
			if err == nil {
				err = db.Close()
			}
			errs[i] = err
		}()
	}
	close(start)
	wg.Wait()
	for i, err := range errs {
		if err != nil {
			t.Fatalf("starter %d of %d on one new database: %v", i+1, n, err)
		}
	}
	db, err := storage.Open(context.Background(), dsn)
	if err != nil {
		t.Fatalf("open after the race: %v", err)
	}
	db.Close()
}

// TestRefuseNewerSchema marks a database as migrated by a later release
// and opens it: the tracker must refuse, naming both schema versions.
func TestRefuseNewerSchema(t *testing.T) {
	storagetest.EachDSN(t, checkRefuseNewer)
}

func checkRefuseNewer(t *testing.T, dsn string) {
	ctx := context.Background()
	raw := atMigration(t, dsn, 0)
	raw.Exec(`INSERT INTO goose_db_version (version_id, is_applied) VALUES (9999, true)`)
	raw.Close()
	db, err := storage.Open(ctx, dsn)
	if err == nil {
		db.Close()
		t.Fatal("opened a database from a newer release; want a refusal")
	}
	if !errors.Is(err, storage.ErrSchemaTooNew) {
		t.Fatalf("err = %v, want ErrSchemaTooNew", err)
	}
	if !regexp.MustCompile(`schema version 9999\b.*versions up to [1-9][0-9]*`).MatchString(err.Error()) {
		t.Fatalf("the message must name both versions: %v", err)
	}
}

// TestMigrationMendsDuplicateInvitations fills a database as the race left
// them before migration 30 (two pending invitations in round 1 beside a
// round 2) and migrates it: the rounds become distinct in the order they
// were logged, and only the newest stays pending.
func TestMigrationMendsDuplicateInvitations(t *testing.T) {
	storagetest.EachDSN(t, checkMendInvitations)
}

func checkMendInvitations(t *testing.T, dsn string) {
	ctx := context.Background()
	old := atMigration(t, dsn, 2)
	fillVersion2(t, old.DB) // application 2 has one accepted invitation, round 1
	for range 2 {
		old.Exec(`INSERT INTO invitations (application_id, received_at, format, round, response) VALUES (2, ?, 'video', 1, 'pending')`, at)
	}
	old.Close()
	db, err := storage.Open(ctx, dsn)
	if err != nil {
		t.Fatalf("migrate: %v", err)
	}
	db.Close()
	raw := rawDB(t, dsn)
	var rows []struct {
		Round    int
		Response string
	}
	raw.Raw(`SELECT round, response FROM invitations WHERE application_id = 2 ORDER BY id`).Scan(&rows)
	want := fmt.Sprint([]struct {
		Round    int
		Response string
	}{{1, "accepted"}, {2, "cancelled"}, {3, "pending"}})
	if fmt.Sprint(rows) != want {
		t.Fatalf("invitations of application 2 after the migration = %v, want %v", rows, want)
	}
}
