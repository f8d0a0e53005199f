package storage

import (
	"context"
	"database/sql"
	"errors"
	"sync/atomic"
	"time"

	"gorm.io/gorm"
)

// Group commit (SQLite).
//
// SQLite has one writer: the server's write transactions run one after
// another on one connection, and a commit costs more than the few rows a
// request writes (it takes the file's write lock, appends every page the
// transaction changed to the WAL and updates the WAL index). So writers
// that queue up share a transaction. InTx gives the writer to one caller
// at a time, in the order they came (the turn); each runs its function
// inside a SAVEPOINT of the open transaction (all but the transaction's
// first, which its own rollback undoes); the caller that finds nobody
// waiting after it, or that is the maxGroup-th of the group, commits for
// the whole group; then every caller of the group returns. A caller that
// finds the writer idle begins a transaction of its own and, with nobody
// behind it, commits it alone, as before: grouping adds no waiting.
//
// The guarantees are those of one transaction per call:
//   - InTx returns nil only after the COMMIT holding fn's writes returned:
//     an acknowledged write is in the WAL and survives kill -9
//     (crash_test.go).
//   - fn's writes are all or nothing. An error, a panic or a Goexit in fn
//     rolls back to its savepoint (the whole transaction when fn is its
//     first call), undoing its writes and nobody else's, and InTx returns
//     fn's own error: a conflict or a not-found reaches only the call that
//     caused it.
//   - The functions of a group run one after another on one connection,
//     each seeing the writes of those before it, as separate transactions
//     one after another would: a conditional update has one winner per
//     race.
//   - A COMMIT that fails, or an error after which SQLite ends the
//     transaction itself (a full disk, an I/O error), fails every call of
//     the group; none of them had been acknowledged.
//   - A caller whose ctx ends while it waits for its turn returns ctx.Err()
//     having written nothing. Once its turn came, fn runs to its end with
//     ctx's values but not its cancellation: cancelling a statement
//     interrupts the connection, and SQLite may then roll back the whole
//     shared transaction, the other callers' writes with it.
//   - BEGIN IMMEDIATE still waits up to the busy timeout for another
//     process that holds the write lock (the command line on the same
//     file), and a group holds the lock for at most maxGroup functions.
//
// A nested InTx joins the transaction in ctx, as on PostgreSQL, where each
// InTx commits on its own: its pool of connections commits in parallel,
// and PostgreSQL already flushes the WAL of concurrent commits together.

// maxGroup is the most calls one transaction holds: a call waits for the
// ones after it in its group, so this bounds that wait.
const maxGroup = 64

// writer runs the write transactions of a SQLite database.
type writer struct {
	pool    *gorm.DB      // the writer: one connection
	turn    chan struct{} // holds a token while one caller uses the writer
	waiting atomic.Int64  // callers waiting for their turn
	open    *group        // the open transaction; only the turn's holder touches it
	// committed, when set, is told of every commit (see checkpoint.go).
	committed func()
	// stats counts what the writer did (see WriterStats).
	commits, calls, held atomic.Int64
	took                 time.Time // when the turn's holder took it
}

// group is one transaction and the calls that share it.
type group struct {
	tx     *gorm.DB
	sqlTx  *sql.Tx
	calls  int
	words  pendingWords  // the search words of its calls, written at its commit (groupwords.go)
	broken error         // why the transaction can no longer commit
	err    error         // the COMMIT's outcome, set before done closes
	done   chan struct{} // closed once the transaction ended
}

func newWriter(pool *gorm.DB) *writer {
	return &writer{pool: pool, turn: make(chan struct{}, 1)}
}

// inTx runs fn in the open transaction, or in a new one, and returns once
// that transaction ended.
func (w *writer) inTx(ctx context.Context, fn func(ctx context.Context) error) error {
	if err := ctx.Err(); err != nil {
		return err
	}
	w.waiting.Add(1)
	select {
	case w.turn <- struct{}{}:
		w.waiting.Add(-1)
		w.took = time.Now()
	case <-ctx.Done():
		if w.waiting.Add(-1) == 0 {
			// The last holder of the turn may have left the group open
			// for this caller to join: end it.
			go w.flush()
		}
		return ctx.Err()
	}
	g, err := w.join()
	if err != nil {
		<-w.turn
		return err
	}
	err = w.run(ctx, g, fn)
	<-g.done
	if err != nil {
		return err
	}
	return g.err
}

// join returns the open transaction, beginning one if there is none. The
// caller holds the turn.
func (w *writer) join() (*group, error) {
	if w.open != nil {
		return w.open, nil
	}
	// Not the caller's ctx: the transaction outlives its cancellation.
	tx := w.pool.WithContext(context.Background()).Begin()
	if tx.Error != nil {
		return nil, tx.Error
	}
	w.open = &group{tx: tx, sqlTx: tx.Statement.ConnPool.(*sql.Tx), done: make(chan struct{})}
	return w.open, nil
}

// run runs fn inside a savepoint of g, then gives up the turn, committing
// g first when fn is its last call. The first call of a transaction needs
// no savepoint: nobody else's writes are in it yet, so a failure of fn
// rolls the whole transaction back, and the next caller begins a new one.
// A savepoint costs its call two statements and a copy of every page it
// changes (SQLite's sub-journal): about 23 k instructions of a create
// written alone (docs/scaling.md, "A create against the ceiling").
func (w *writer) run(ctx context.Context, g *group, fn func(ctx context.Context) error) (err error) {
	first := g.calls == 0
	if !first {
		if _, err := g.sqlTx.Exec("SAVEPOINT call"); err != nil {
			g.broken = err
			w.leave(g)
			return err
		}
	}
	returned := false
	words := &pendingWords{}
	defer func() {
		// Also on a panic or Goexit in fn, which carry on afterwards.
		failed := !returned || err != nil
		switch {
		case first && failed:
			// Ends the transaction at once (leave), rolling back fn's
			// writes and nobody else's: the transaction holds only them.
			g.broken = errCallFailed
		case !first:
			if failed {
				if _, rerr := g.sqlTx.Exec("ROLLBACK TO call"); rerr != nil {
					g.broken = rerr
				}
			}
			if _, rerr := g.sqlTx.Exec("RELEASE call"); rerr != nil && g.broken == nil {
				g.broken = rerr
			}
		}
		if returned && err == nil {
			g.words.addAll(words)
		}
		w.leave(g)
	}()
	ctx = context.WithValue(context.WithoutCancel(ctx), writeTxKey{}, true)
	ctx = context.WithValue(ctx, callWordsKey{}, words)
	err = fn(context.WithValue(ctx, txKey{}, g.tx.WithContext(ctx)))
	returned = true
	return err
}

// errCallFailed is why a transaction whose first call failed is rolled
// back; that call returns its own error, and the transaction holds no
// other call.
var errCallFailed = errors.New("storage: the transaction's first call failed")

// leave ends a call's turn: it commits g when nobody waits to join it, when
// it is full or when it broke, and gives the turn to the next caller.
func (w *writer) leave(g *group) {
	g.calls++
	w.calls.Add(1)
	if g.broken != nil || g.calls >= maxGroup || w.waiting.Load() == 0 {
		w.end(g)
	}
	w.held.Add(int64(time.Since(w.took)))
	<-w.turn
}

// end writes the search words of g's calls and commits g (rolls it back
// when it broke) and answers its callers. The caller holds the turn.
func (w *writer) end(g *group) {
	w.open = nil
	w.commits.Add(1)
	if g.broken == nil {
		g.broken = g.flushWords()
	}
	if g.broken != nil {
		g.err = g.broken
		g.sqlTx.Rollback()
	} else {
		g.err = g.sqlTx.Commit()
		if g.err == nil && w.committed != nil {
			w.committed()
		}
	}
	close(g.done)
}

// flush ends the open transaction if nobody waits to join it.
func (w *writer) flush() {
	w.turn <- struct{}{}
	if g := w.open; g != nil && w.waiting.Load() == 0 {
		w.end(g)
	}
	<-w.turn
}

// WriterStats is what SQLite's writer did since the database was opened:
// the transactions it committed (or rolled back), the calls of InTx they
// held, and how long callers held the writer in all. Calls / Commits is
// the mean size of a group; Held over a stretch of time is the share of
// it the writer was busy. All zero on PostgreSQL.
type WriterStats struct {
	Commits, Calls int64
	Held           time.Duration
}

// WriterStats returns the writer's statistics (see the type).
func (db *DB) WriterStats() WriterStats {
	w := db.writer
	if w == nil {
		return WriterStats{}
	}
	return WriterStats{Commits: w.commits.Load(), Calls: w.calls.Load(), Held: time.Duration(w.held.Load())}
}
