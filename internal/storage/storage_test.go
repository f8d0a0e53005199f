package storage_test

import (
	"context"
	"errors"
	"sync"
	"testing"
	"time"

	"tracker/internal/apperr"
	"tracker/internal/applications"
	"tracker/internal/storage"
	"tracker/internal/storage/storagetest"
	"tracker/internal/workflow"
)

var at = time.Date(2026, 1, 5, 8, 0, 0, 0, time.UTC)

// ownerCtx acts for the one user of the tests' databases.
func ownerCtx(t *testing.T, db *storage.DB) context.Context {
	t.Helper()
	if ctx, ok := owners[db]; ok {
		return ctx
	}
	owners[db] = storagetest.Owner(t, db, "owner@example.com")
	return owners[db]
}

var owners = map[*storage.DB]context.Context{}

func create(t *testing.T, db *storage.DB, status workflow.State) *applications.Application {
	t.Helper()
	a := &applications.Application{Fields: applications.Fields{Company: "Acme", Role: "Dev"}, Status: status, CreatedAt: at, UpdatedAt: at}
	if err := db.InTx(ownerCtx(t, db), func(ctx context.Context) error { return db.CreateApplication(ctx, a) }); err != nil {
		t.Fatalf("create: %v", err)
	}
	return a
}

func TestStatusCheckConstraint(t *testing.T) {
	storagetest.Each(t, func(t *testing.T, db *storage.DB) {
		for _, s := range workflow.States() {
			create(t, db, s)
		}
		a := &applications.Application{Fields: applications.Fields{Company: "Acme", Role: "Dev"}, Status: "archived", CreatedAt: at, UpdatedAt: at}
		if err := db.CreateApplication(ownerCtx(t, db), a); err == nil {
			t.Fatal("the table took an impossible status")
		}
		b := &applications.Application{Fields: applications.Fields{Company: "", Role: "Dev"}, Status: workflow.Applied, CreatedAt: at, UpdatedAt: at}
		if err := db.CreateApplication(ownerCtx(t, db), b); err == nil {
			t.Fatal("the table took an empty company")
		}
	})
}

func TestRoundTripKeepsTimesInUTC(t *testing.T) {
	storagetest.Each(t, func(t *testing.T, db *storage.DB) {
		ctx := ownerCtx(t, db)
		a := create(t, db, workflow.Invited)
		paris := time.FixedZone("CET", 3600)
		respond := time.Date(2026, 1, 6, 12, 30, 0, 0, paris)
		inv := &applications.Invitation{ApplicationID: a.ID, ReceivedAt: at.In(paris), RespondBy: &respond,
			Format: "video", Round: 1, Response: applications.ResponsePending}
		if err := db.AddInvitation(ctx, inv); err != nil {
			t.Fatal(err)
		}
		got, err := db.ListInvitations(ctx, a.ID)
		if err != nil || len(got) != 1 {
			t.Fatalf("list = %v, %v", got, err)
		}
		if !got[0].ReceivedAt.Equal(at) || got[0].ReceivedAt.Location() != time.UTC || !got[0].RespondBy.Equal(respond) {
			t.Fatalf("times came back as %v / %v", got[0].ReceivedAt, got[0].RespondBy)
		}
		if got[0].InterviewAt != nil {
			t.Fatalf("a missing interview time came back as %v", got[0].InterviewAt)
		}
	})
}

func TestGetMissingIsNotFound(t *testing.T) {
	storagetest.Each(t, func(t *testing.T, db *storage.DB) {
		_, err := db.GetApplication(ownerCtx(t, db), 42)
		if apperr.ErrorCode(err) != apperr.ENOTFOUND {
			t.Fatalf("err = %v, want not found", err)
		}
	})
}

func TestReopenAppliesNoMigrationTwice(t *testing.T) {
	db, path := storagetest.SQLite(t)
	create(t, db, workflow.Applied)
	again, err := storage.Open(context.Background(), path)
	if err != nil {
		t.Fatalf("reopen: %v", err)
	}
	defer again.Close()
	if _, err := again.GetApplication(ownerCtx(t, db), 1); err != nil { // the same user: one file
		t.Fatalf("data lost on reopen: %v", err)
	}
}

// TestTwoProcessesShareOneFile opens the same SQLite file twice, as the
// server and the command line do, and races a move through both handles.
func TestTwoProcessesShareOneFile(t *testing.T) {
	first, path := storagetest.SQLite(t)
	second, err := storage.Open(context.Background(), path)
	if err != nil {
		t.Fatal(err)
	}
	defer second.Close()
	a := create(t, first, workflow.Invited)
	owner := ownerCtx(t, first) // the same user in both handles: one file
	errs := make([]error, 2)
	var wg sync.WaitGroup
	for i, db := range []*storage.DB{first, second} {
		wg.Add(1)
		go func() {
			defer wg.Done()
			errs[i] = db.InTx(owner, func(ctx context.Context) error {
				// Read, then write: a deferred SQLite transaction would fail
				// here with SQLITE_BUSY_SNAPSHOT instead of waiting its turn.
				if _, err := db.GetApplication(ctx, a.ID); err != nil {
					return err
				}
				time.Sleep(20 * time.Millisecond)
				return db.SetStatus(ctx, a.ID, workflow.Invited, workflow.Scheduled, at)
			})
		}()
	}
	wg.Wait()
	var conflicts, wins int
	for _, err := range errs {
		var e *apperr.Error
		switch {
		case err == nil:
			wins++
		case errors.As(err, &e) && e.Code == apperr.ECONFLICT:
			conflicts++
		default:
			t.Errorf("unexpected error (busy?): %v", err)
		}
	}
	if wins != 1 || conflicts != 1 {
		t.Fatalf("wins=%d conflicts=%d, want 1 and 1", wins, conflicts)
	}
}

// TestUpdateWritesOnlyNamedFields: an update names the fields it changed,
// and a stale copy's other fields do not overwrite what another writer
// stored in between.
func TestUpdateWritesOnlyNamedFields(t *testing.T) {
	storagetest.Each(t, func(t *testing.T, db *storage.DB) {
		ctx := ownerCtx(t, db)
		a := create(t, db, workflow.Applied)
		stale := *a
		a.Company = "Globex"
		if err := db.UpdateApplication(ctx, a, []string{"Company"}); err != nil {
			t.Fatal(err)
		}
		stale.Notes, stale.UpdatedAt = "call back Monday", at.Add(time.Hour)
		if err := db.UpdateApplication(ctx, &stale, []string{"Notes"}); err != nil {
			t.Fatal(err)
		}
		got, err := db.GetApplication(ctx, a.ID)
		if err != nil {
			t.Fatal(err)
		}
		if got.Company != "Globex" || got.Notes != "call back Monday" || !got.UpdatedAt.Equal(stale.UpdatedAt) {
			t.Fatalf("got company %q, notes %q, updated %v", got.Company, got.Notes, got.UpdatedAt)
		}
	})
}
