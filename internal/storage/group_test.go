package storage_test

import (
	"context"
	"errors"
	"fmt"
	"sync"
	"testing"
	"time"

	"tracker/internal/apperr"
	"tracker/internal/applications"
	"tracker/internal/storage"
	"tracker/internal/storage/storagetest"
	"tracker/internal/workflow"
)

// TestConcurrentCallsKeepApart runs many write transactions at once, so
// that SQLite groups them into shared transactions (group commit), where
// some fail after writing: with an error of their own, a panic, or a
// context cancelled before they start. Each call must get its own outcome
// and leave exactly its own writes: the failed ones nothing, the others
// their application with its history.
func TestConcurrentCallsKeepApart(t *testing.T) {
	storagetest.Each(t, func(t *testing.T, db *storage.DB) {
		ctx := storagetest.Owner(t, db, "group@example.com")
		const writers, rounds = 16, 12
		type outcome struct {
			id       int64
			err      error
			panicked any
		}
		results := make([][]outcome, writers)
		var wg sync.WaitGroup
		for w := range writers {
			wg.Go(func() {
				for r := range rounds {
					kind := (w + r) % 4
					callCtx := ctx
					if kind == 3 {
						c, cancel := context.WithCancel(ctx)
						cancel()
						callCtx = c
					}
					var o outcome
					own := fmt.Errorf("call %d/%d refused", w, r)
					func() {
						defer func() { o.panicked = recover() }()
						o.err = db.InTx(callCtx, func(ctx context.Context) error {
							a := &applications.Application{Fields: applications.Fields{Company: fmt.Sprintf("Group %d-%d", w, r), Role: "Dev"},
								Status: workflow.Applied, CreatedAt: at, UpdatedAt: at}
							if err := db.CreateApplication(ctx, a); err != nil {
								return err
							}
							o.id = a.ID
							if err := db.AddHistory(ctx, &applications.HistoryEntry{ApplicationID: a.ID, To: workflow.Applied, At: at, Note: "created"}); err != nil {
								return err
							}
							switch kind {
							case 1:
								return own
							case 2:
								panic(own)
							}
							return nil
						})
					}()
					switch kind {
					case 0:
						if o.err != nil || o.panicked != nil {
							t.Errorf("call %d/%d: %v %v, want success", w, r, o.err, o.panicked)
						}
					case 1:
						if o.err != own {
							t.Errorf("call %d/%d returned %v, want its own error", w, r, o.err)
						}
					case 2:
						if o.panicked != own {
							t.Errorf("call %d/%d: panic %v, want its own", w, r, o.panicked)
						}
					case 3:
						if !errors.Is(o.err, context.Canceled) || o.id != 0 {
							t.Errorf("call %d/%d with a cancelled context: %v, ran: %v", w, r, o.err, o.id != 0)
						}
					}
					results[w] = append(results[w], o)
				}
			})
		}
		wg.Wait()
		ids, err := db.ListApplications(ctx, applications.ListFilter{Limit: writers * rounds * 2}, nil)
		if err != nil {
			t.Fatal(err)
		}
		stored := map[string]int64{} // a failed call's id may be reused
		for _, a := range ids {
			stored[a.Company] = a.ID
		}
		for w := range writers {
			for r, o := range results[w] {
				ok := o.err == nil && o.panicked == nil
				id, found := stored[fmt.Sprintf("Group %d-%d", w, r)]
				if ok != found || ok && id != o.id {
					t.Errorf("call %d/%d (success %v): its application stored: %v (id %d, call's %d)", w, r, ok, found, id, o.id)
				}
				if !ok {
					continue
				}
				hist, err := db.ListHistory(ctx, o.id)
				if err != nil || len(hist) != 1 {
					t.Errorf("application %d: history %v %v, want its one entry", o.id, hist, err)
				}
			}
		}
		if len(stored) != writers*rounds/4 {
			t.Errorf("%d applications stored, want %d", len(stored), writers*rounds/4)
		}
	})
}

// TestFirstCallFailsWithOthersQueued fails (with an error, then with a
// panic) the first call of a transaction after it wrote, while two calls
// queue behind it. On SQLite the first call of a transaction runs without
// a savepoint, so its failure rolls back the whole transaction, which
// holds its writes alone; the calls behind it must then begin a new one
// and succeed, and nothing of the failed call may remain.
func TestFirstCallFailsWithOthersQueued(t *testing.T) {
	storagetest.Each(t, func(t *testing.T, db *storage.DB) {
		ctx := storagetest.Owner(t, db, "first@example.com")
		create := func(ctx context.Context, company string) (int64, error) {
			a := &applications.Application{Fields: applications.Fields{Company: company, Role: "Dev"},
				Status: workflow.Applied, CreatedAt: at, UpdatedAt: at}
			if err := db.CreateApplication(ctx, a); err != nil {
				return 0, err
			}
			return a.ID, db.AddHistory(ctx, &applications.HistoryEntry{ApplicationID: a.ID, To: workflow.Applied, At: at, Note: "created"})
		}
		for _, panics := range []bool{false, true} {
			prefix := fmt.Sprintf("First %v ", panics)
			own := errors.New("the first call refused")
			holding, release := make(chan struct{}), make(chan struct{})
			var firstErr error
			var firstPanic any
			var wg sync.WaitGroup
			wg.Go(func() {
				defer func() { firstPanic = recover() }()
				firstErr = db.InTx(ctx, func(ctx context.Context) error {
					if _, err := create(ctx, prefix+"failed"); err != nil {
						return err
					}
					close(holding)
					<-release
					if panics {
						panic(own)
					}
					return own
				})
			})
			<-holding
			errs := make([]error, 2)
			for i := range errs {
				wg.Go(func() {
					errs[i] = db.InTx(ctx, func(ctx context.Context) error {
						_, err := create(ctx, fmt.Sprint(prefix, "queued ", i))
						return err
					})
				})
				if db.Grouped() {
					waitFor(t, func() bool { return db.WritersWaiting() == int64(i+1) })
				}
			}
			close(release)
			wg.Wait()
			if panics && firstPanic != own || !panics && firstErr != own {
				t.Fatalf("the first call returned %v and panicked with %v, want its own failure", firstErr, firstPanic)
			}
			for i, err := range errs {
				if err != nil {
					t.Fatalf("queued call %d: %v", i, err)
				}
			}
			page, err := db.ListApplications(ctx, applications.ListFilter{Limit: 100}, nil)
			if err != nil {
				t.Fatal(err)
			}
			stored := map[string]bool{}
			for _, a := range page {
				stored[a.Company] = true
			}
			if stored[prefix+"failed"] || !stored[prefix+"queued 0"] || !stored[prefix+"queued 1"] {
				t.Fatalf("stored %v: want both queued calls' applications and not the failed one's", stored)
			}
		}
	})
}

// TestConflictingMovesInOneGroup moves one application from applied to
// invited twice at once. On SQLite both moves queue behind a transaction
// held open, so that they share its group (group commit): the second must
// see the first's move, as a transaction of its own after it would, and
// lose, since invited cannot move to invited. Exactly one wins, the other
// gets a conflict of its own, and the history holds one move. On
// PostgreSQL the two simply race.
func TestConflictingMovesInOneGroup(t *testing.T) {
	storagetest.Each(t, func(t *testing.T, db *storage.DB) {
		ctx := storagetest.Owner(t, db, "race@example.com")
		svc := applications.NewService(db, time.Now)
		for round := range 5 {
			d, err := svc.Create(ctx, applications.NewApplication{Fields: applications.Fields{Company: fmt.Sprint("Group race ", round), Role: "Dev"}})
			if err != nil {
				t.Fatal(err)
			}
			targets := []workflow.State{workflow.Invited, workflow.Invited}
			errs := make([]error, len(targets))
			var wg sync.WaitGroup
			holding, release := make(chan struct{}), make(chan struct{})
			wg.Go(func() {
				if err := db.InTx(ctx, func(context.Context) error { close(holding); <-release; return nil }); err != nil {
					t.Error(err)
				}
			})
			<-holding
			for i, to := range targets {
				wg.Go(func() { _, errs[i] = svc.Move(ctx, d.ID, applications.MoveInput{To: to}) })
				if db.Grouped() {
					waitFor(t, func() bool { return db.WritersWaiting() == int64(i+1) })
				}
			}
			close(release)
			wg.Wait()
			var won workflow.State
			for i, err := range errs {
				var e *apperr.Error
				switch {
				case err == nil && won == "":
					won = targets[i]
				case err == nil:
					t.Fatalf("round %d: both moves won", round)
				case !errors.As(err, &e) || e.Code != apperr.ECONFLICT:
					t.Fatalf("round %d: the move to %s got %v, want a conflict", round, targets[i], err)
				}
			}
			got, err := svc.Get(ctx, d.ID)
			if err != nil {
				t.Fatal(err)
			}
			if won == "" || got.Application.Status != won || len(got.History) != 2 || got.History[1].To != won {
				t.Fatalf("round %d: won %q, status %s, history %+v; want the winner's move alone", round, won, got.Application.Status, got.History)
			}
		}
	})
}

// TestWriterStats checks the writer's statistics the benchmark reports:
// on SQLite every call of InTx that took its turn counts once, failed or
// not, every transaction once however many calls it held, and a call
// cancelled before its turn not at all; PostgreSQL has no single writer
// and reports nothing.
func TestWriterStats(t *testing.T) {
	storagetest.Each(t, func(t *testing.T, db *storage.DB) {
		ctx := storagetest.Owner(t, db, "stats@example.com")
		create := func(ctx context.Context, name string) error {
			a := &applications.Application{Fields: applications.Fields{Company: name, Role: "Dev"},
				Status: workflow.Applied, CreatedAt: at, UpdatedAt: at}
			return db.CreateApplication(ctx, a)
		}
		before := db.WriterStats()
		refused := errors.New("refused")
		for i, want := range []error{nil, refused, nil} {
			err := db.InTx(ctx, func(ctx context.Context) error {
				if err := create(ctx, fmt.Sprintf("Stats %d", i)); err != nil {
					return err
				}
				return want
			})
			if !errors.Is(err, want) {
				t.Fatalf("call %d: %v, want %v", i, err, want)
			}
		}
		cancelled, cancel := context.WithCancel(ctx)
		cancel()
		if err := db.InTx(cancelled, func(context.Context) error { return nil }); !errors.Is(err, context.Canceled) {
			t.Fatalf("cancelled call: %v", err)
		}
		const writers, rounds = 8, 5
		var wg sync.WaitGroup
		for w := range writers {
			wg.Go(func() {
				for r := range rounds {
					if err := db.InTx(ctx, func(ctx context.Context) error { return create(ctx, fmt.Sprintf("Stats %d-%d", w, r)) }); err != nil {
						t.Error(err)
					}
				}
			})
		}
		wg.Wait()
		after := db.WriterStats()
		calls, commits := after.Calls-before.Calls, after.Commits-before.Commits
		if db.Postgres() {
			if after != (storage.WriterStats{}) {
				t.Fatalf("PostgreSQL reports %+v, want nothing", after)
			}
			return
		}
		if calls != 3+writers*rounds {
			t.Errorf("%d calls counted, want %d", calls, 3+writers*rounds)
		}
		if commits < 3+1 || commits > calls {
			t.Errorf("%d transactions counted for %d calls, want at least 4 (3 alone, then one or more) and at most one a call", commits, calls)
		}
		if after.Held <= before.Held {
			t.Errorf("held %s before and %s after: the calls' time is not counted", before.Held, after.Held)
		}
	})
}
