package storage_test

import (
	"context"
	"fmt"
	"path/filepath"
	"sync"
	"sync/atomic"
	"testing"

	"tracker/internal/applications"
	"tracker/internal/storage"
	"tracker/internal/storage/storagetest"
	"tracker/internal/workflow"
)

// TestBackupUnderWriteLoadRestores backs up a SQLite database while a
// writer keeps adding applications, restores the backup into a new file,
// and checks that every application acknowledged before the backup began
// is there, with the restored database intact and usable.
func TestBackupUnderWriteLoadRestores(t *testing.T) {
	db, path := storagetest.SQLite(t)
	ctx := storagetest.Owner(t, db, "backup@example.com")
	write := func(i int) error {
		a := &applications.Application{Fields: applications.Fields{Company: fmt.Sprint("Load ", i), Role: "Dev"},
			Status: workflow.Applied, CreatedAt: at, UpdatedAt: at}
		return db.InTx(ctx, func(ctx context.Context) error { return db.CreateApplication(ctx, a) })
	}
	for i := range 200 {
		if err := write(i); err != nil {
			t.Fatal(err)
		}
	}
	var acked atomic.Int64
	acked.Store(200)
	stop := make(chan struct{})
	var wg sync.WaitGroup
	wg.Go(func() {
		for i := 200; ; i++ {
			select {
			case <-stop:
				return
			default:
			}
			if err := write(i); err != nil {
				t.Errorf("a write during the backup failed: %v", err)
				return
			}
			acked.Add(1)
		}
	})
	before := acked.Load()
	backup := filepath.Join(t.TempDir(), "backup.db")
	err := storage.Backup(context.Background(), path, backup)
	close(stop)
	wg.Wait()
	if err != nil {
		t.Fatalf("backup under load: %v", err)
	}
	if acked.Load() == before {
		t.Log("no write landed during the backup; it still had to be consistent")
	}
	if err := storage.Backup(context.Background(), path, backup); err == nil {
		t.Fatal("a backup overwrote an existing file")
	}

	restored := filepath.Join(t.TempDir(), "restored.db")
	if err := storage.Restore(context.Background(), backup, restored); err != nil {
		t.Fatalf("restore: %v", err)
	}
	raw, err := storage.OpenAt(context.Background(), restored, 0)
	if err != nil {
		t.Fatal(err)
	}
	defer storage.CloseRaw(raw)
	var n int64
	raw.Table("applications").Count(&n)
	if n < before {
		t.Fatalf("the restored database has %d applications; %d were acknowledged before the backup began", n, before)
	}
	checkSQLiteIntact(t, raw, 0)
	var ids []int64
	raw.Table("applications").Where("company = ?", "Load 0").Pluck("id", &ids)
	if len(ids) != 1 {
		t.Fatalf("the first application is not in the restored database: %v", ids)
	}
}

// TestRestoreRefusesWhatItCannotUse: a file that is not a tracker database,
// and a PostgreSQL target, are refused with a message.
func TestRestoreRefusesWhatItCannotUse(t *testing.T) {
	_, path := storagetest.SQLite(t)
	other := filepath.Join(t.TempDir(), "other.db")
	if err := storage.Restore(context.Background(), filepath.Join(t.TempDir(), "missing.db"), other); err == nil {
		t.Fatal("restored a missing file")
	}
	if err := storage.Restore(context.Background(), path, "postgres://localhost/x"); err == nil {
		t.Fatal("restored into PostgreSQL")
	}
}
