package storage_test

import (
	"context"
	"errors"
	"strings"
	"testing"
	"time"

	"tracker/internal/applications"
	"tracker/internal/storage"
	"tracker/internal/storage/storagetest"
	"tracker/internal/workflow"
)

// TestGroupedCallsSearchWords runs calls that SQLite puts into one shared
// transaction, whose search words are written at its commit: the first
// call holds the group open until every other has queued, in a known
// order. The words must end as separate transactions would leave them: a
// failed call's are gone, an application deleted (in its own call or a
// later one) has none, and a company renamed (in its own call or a later
// one) is found by its new name only. On PostgreSQL the calls run one
// after another.
func TestGroupedCallsSearchWords(t *testing.T) {
	storagetest.Each(t, func(t *testing.T, db *storage.DB) {
		ctx := storagetest.Owner(t, db, "words@example.com")
		owner, _ := applications.OwnerFrom(ctx)
		create := func(ctx context.Context, company string) (*applications.Application, error) {
			a := &applications.Application{Fields: applications.Fields{Company: company, Role: "Dev"},
				Status: workflow.Applied, CreatedAt: at, UpdatedAt: at}
			return a, db.CreateApplication(ctx, a)
		}
		rename := func(ctx context.Context, a *applications.Application, company string) error {
			a.Company, a.UpdatedAt = company, at.Add(time.Minute)
			return db.UpdateApplication(ctx, a, []string{"Company"})
		}
		refused := errors.New("refused after writing")
		var alpha, bravo *applications.Application
		calls := []func(ctx context.Context) error{
			func(ctx context.Context) (err error) { alpha, err = create(ctx, "Alpha"); return err },
			func(ctx context.Context) (err error) { bravo, err = create(ctx, "Bravo"); return err },
			func(ctx context.Context) error {
				if _, err := create(ctx, "Charlie"); err != nil {
					return err
				}
				return refused
			},
			func(ctx context.Context) error {
				a, err := create(ctx, "Delta")
				if err != nil {
					return err
				}
				return db.DeleteApplication(ctx, a.ID)
			},
			func(ctx context.Context) error {
				a, err := create(ctx, "Echo")
				if err != nil {
					return err
				}
				return rename(ctx, a, "Foxtrot")
			},
			func(ctx context.Context) error { _, err := create(ctx, "Hotel"); return err },
			func(ctx context.Context) error { return db.DeleteApplication(ctx, bravo.ID) },
			func(ctx context.Context) error { return rename(ctx, alpha, "Golf") },
		}
		errs := runGrouped(t, db, ctx, calls)
		for i, err := range errs {
			if want := error(nil); i == 2 {
				want = refused
				if err != want {
					t.Errorf("call %d: %v, want %v", i, err, want)
				}
			} else if err != nil {
				t.Errorf("call %d: %v", i, err)
			}
		}
		for word, want := range map[string]int{"alpha": 0, "bravo": 0, "charlie": 0, "delta": 0, "echo": 0,
			"foxtrot": 1, "golf": 1, "hotel": 1} {
			page, err := db.ListApplications(ctx, applications.ListFilter{Query: word, Limit: 10}, nil)
			if err != nil {
				t.Fatal(err)
			}
			if len(page) != want || want == 1 && !strings.EqualFold(page[0].Company, word) {
				t.Errorf("search %q found %d applications, want %d", word, len(page), want)
			}
			if !db.Grouped() || !db.FullText() { // PostgreSQL, or SQLite searching with LIKE
				continue
			}
			// A word left in the index for an application that is gone would
			// still count towards the owner's matches (search.go).
			if n, err := db.IndexedDocuments(ctx, owner, word); err != nil || n != int64(want) {
				t.Errorf("the index holds %q in %d documents (%v), want %d", word, n, err, want)
			}
		}
	})
}

// runGrouped runs each of calls in a write transaction of its own and
// returns their errors. On SQLite the first holds its group open until all
// the others queued behind it, one after another in their order, so that
// they share its transaction.
func runGrouped(t *testing.T, db *storage.DB, ctx context.Context, calls []func(ctx context.Context) error) []error {
	t.Helper()
	errs := make([]error, len(calls))
	if !db.Grouped() {
		for i, fn := range calls {
			errs[i] = db.InTx(ctx, fn)
		}
		return errs
	}
	holding, queued := make(chan struct{}), make(chan struct{})
	done := make(chan int, len(calls))
	start := func(i int, fn func(ctx context.Context) error) {
		go func() { errs[i] = db.InTx(ctx, fn); done <- i }()
	}
	start(0, func(ctx context.Context) error {
		err := calls[0](ctx)
		close(holding)
		<-queued
		return err
	})
	<-holding
	for i := 1; i < len(calls); i++ {
		start(i, calls[i])
		waitFor(t, func() bool { return db.WritersWaiting() == int64(i) })
	}
	close(queued)
	for range calls {
		<-done
	}
	return errs
}

func waitFor(t *testing.T, cond func() bool) {
	t.Helper()
	for deadline := time.Now().Add(10 * time.Second); !cond(); time.Sleep(time.Millisecond) {
		if time.Now().After(deadline) {
			t.Fatal("timed out waiting")
		}
	}
}
