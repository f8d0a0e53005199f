package storage

import (
	"context"
	"errors"
	"fmt"
	"net"
	"net/url"
	"path/filepath"
	"strings"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"github.com/jackc/pgx/v5"
	"github.com/jackc/pgx/v5/pgconn"

	"github.com/pressly/goose/v3"
	"gorm.io/driver/postgres"
	"gorm.io/gorm"
	"gorm.io/gorm/logger"

	"tracker/internal/applications"
)

// OpenAt opens the database dsn names with its schema brought only up to
// version, for tests that fill a database as an older release left it. The
// caller closes it with CloseRaw.
func OpenAt(ctx context.Context, dsn string, version int64) (*gorm.DB, error) {
	if IsPostgres(dsn) {
		g, err := openGorm(postgres.Open(dsn), 1)
		if err != nil {
			return nil, err
		}
		return g, migrateTo(ctx, g, goose.DialectPostgres, "migrations/postgres", version)
	}
	abs, err := filepath.Abs(dsn)
	if err != nil {
		return nil, err
	}
	return openSQLiteMigrated(ctx, abs, "file:"+(&url.URL{Path: abs}).EscapedPath()+"?"+sqliteParams, version)
}

// CloseRaw closes a handle from OpenAt.
func CloseRaw(g *gorm.DB) error { return closeGorm(g) }

// FillUp makes a SQLite database full, as a full disk would: its
// writer connections may grow the file no further than it is now.
func (db *DB) FillUp(ctx context.Context) error {
	for _, g := range db.writers() {
		if err := g.WithContext(ctx).Exec("PRAGMA max_page_count = 1").Error; err != nil {
			return err
		}
	}
	return nil
}

// writers returns the writer pool and, on SQLite, the group commits'
// connection apart from it.
func (db *DB) writers() []*gorm.DB {
	if db.writer == nil || db.writer.pool == db.write {
		return []*gorm.DB{db.write}
	}
	return []*gorm.DB{db.write, db.writer.pool}
}

// CaptureSQL returns the statements fn runs through GORM, with their
// arguments written in, so that a test can EXPLAIN what a service call
// really runs.
func (db *DB) CaptureSQL(fn func()) []string {
	c := &sqlCapture{Interface: logger.Discard}
	for _, g := range append(db.writers(), db.read) {
		old := g.Logger
		g.Logger = c
		defer func() { g.Logger = old }()
	}
	db.traceSQL = func(q string, args []any) { // the statements run without GORM, with their values in place as GORM logs them
		c.Trace(context.Background(), time.Time{}, func() (string, int64) { return db.write.Dialector.Explain(q, args...), 0 }, nil)
	}
	defer func() { db.traceSQL = nil }()
	fn()
	c.mu.Lock()
	defer c.mu.Unlock()
	return c.sql
}

type sqlCapture struct {
	logger.Interface
	mu  sync.Mutex
	sql []string
}

func (c *sqlCapture) Trace(_ context.Context, _ time.Time, fc func() (string, int64), _ error) {
	s, _ := fc()
	c.mu.Lock()
	c.sql = append(c.sql, s)
	c.mu.Unlock()
}

// Plan returns the query plan of query, one line a step: EXPLAIN QUERY
// PLAN on SQLite; on PostgreSQL EXPLAIN with sequential scans priced out,
// so that the plan shows whether an index can serve the query at all
// rather than what the planner prefers for a small test table, after the
// statements of setup (the settings the query ran under).
func (db *DB) Plan(ctx context.Context, query string, setup ...string) ([]string, error) {
	if db.postgres {
		return db.explain(ctx, "EXPLAIN ", query, nil, append([]string{"SET LOCAL enable_seqscan = off"}, setup...)...)
	}
	return db.explain(ctx, "EXPLAIN QUERY PLAN ", query, nil, setup...)
}

// Analyze returns what PostgreSQL's EXPLAIN (ANALYZE, BUFFERS) says of
// query, run after the statements of setup, under the planner's own
// choices: what a query does on the database it runs on.
func (db *DB) Analyze(ctx context.Context, query string, setup ...string) ([]string, error) {
	return db.explain(ctx, "EXPLAIN (ANALYZE, BUFFERS) ", query, nil, setup...)
}

func (db *DB) explain(ctx context.Context, explain, query string, args []any, setup ...string) ([]string, error) {
	var lines []string
	err := db.write.WithContext(ctx).Transaction(func(tx *gorm.DB) error {
		for _, s := range setup {
			if err := tx.Exec(s).Error; err != nil {
				return err
			}
		}
		rows, err := tx.Raw(explain+query, args...).Rows()
		if err != nil {
			return err
		}
		defer rows.Close()
		cols, _ := rows.Columns()
		for rows.Next() {
			vals := make([]any, len(cols))
			ptrs := make([]any, len(cols))
			for i := range vals {
				ptrs[i] = &vals[i]
			}
			if err := rows.Scan(ptrs...); err != nil {
				return err
			}
			lines = append(lines, fmt.Sprint(vals[len(vals)-1]))
		}
		return rows.Err()
	})
	return lines, err
}

// PlanOfDueClasses returns the plan (EXPLAIN) of ListDueClasses's
// statement for q, run after the statements of setup.
func (db *DB) PlanOfDueClasses(ctx context.Context, q applications.DueQuery, setup ...string) ([]string, error) {
	uid, err := owner(ctx)
	if err != nil {
		return nil, err
	}
	query, args, err := db.dueListSQL(uid, q, q.Classes, true)
	if err != nil {
		return nil, err
	}
	return db.explain(ctx, "EXPLAIN ", query, args, setup...)
}

// SearchInStep reports whether the SQLite database g has the full-text
// index of the current shape, which a database keeps when it opens again.
func SearchInStep(g *gorm.DB) (bool, error) { return triggersInPlace(g) }

// Grouped reports whether write transactions share commits (SQLite).
func (db *DB) Grouped() bool { return db.writer != nil }

// WritersWaiting returns how many callers wait for the SQLite writer's
// turn (0 on PostgreSQL), so that a test can hold a group open until the
// calls it wants in that group have queued.
func (db *DB) WritersWaiting() int64 {
	if db.writer == nil {
		return 0
	}
	return db.writer.waiting.Load()
}

// IndexedDocuments returns how many documents of the SQLite full-text index
// hold the owner's word w (0 on PostgreSQL and without FTS5).
func (db *DB) IndexedDocuments(ctx context.Context, owner int64, w string) (int64, error) {
	if !db.fts {
		return 0, nil
	}
	var n int64
	err := db.read.WithContext(ctx).Raw("SELECT COUNT(*) FROM application_words WHERE application_words MATCH ?",
		fmt.Sprintf(`"%0*d%s"`, ownerWidth, owner, w)).Scan(&n).Error
	return n, err
}

// Checkpoints returns how many checkpoints the background checkpointer of
// a SQLite database ran (0 on PostgreSQL).
func (db *DB) Checkpoints() int64 {
	if db.checkpoints == nil {
		return 0
	}
	return db.checkpoints.runs.Load()
}

// InTransaction reports whether reads with ctx run in one explicit
// PostgreSQL transaction: two statements then see the same transaction
// start, where statements of their own each start one.
func (db *DB) InTransaction(ctx context.Context) (bool, error) {
	var starts [2]time.Time
	for i := range starts {
		rows, err := db.readQuery(ctx, "SELECT transaction_timestamp()")
		if err != nil {
			return false, err
		}
		if rows.Next() {
			err = rows.Scan(&starts[i])
		}
		if err = errors.Join(err, rows.Err(), rows.Close()); err != nil {
			return false, err
		}
	}
	return starts[0].Equal(starts[1]), nil
}

// Postgres reports whether db is a PostgreSQL database.
func (db *DB) Postgres() bool { return db.postgres }

// CountPostgresSends makes every PostgreSQL connection opened until t ends
// count each time it sends to the server: pgx sends a statement's messages
// (a prepared statement's bind and execute, a transaction's BEGIN) at once
// and then waits for the answer, so each send is one round trip.
func CountPostgresSends(t testing.TB) *atomic.Int64 {
	var n atomic.Int64
	dialPostgres = func(dial pgconn.DialFunc) pgconn.DialFunc {
		return func(ctx context.Context, network, addr string) (net.Conn, error) {
			c, err := dial(ctx, network, addr)
			if err != nil {
				return nil, err
			}
			return &countingConn{Conn: c, sends: &n}, nil
		}
	}
	t.Cleanup(func() { dialPostgres = nil })
	return &n
}

// countingConn counts its writes.
type countingConn struct {
	net.Conn
	sends *atomic.Int64
}

func (c *countingConn) Write(p []byte) (int, error) {
	c.sends.Add(1)
	return c.Conn.Write(p)
}

// RebuildNameFiltersAtOnce has a user's name key filter found out of date
// built again on the next lookup, however new it is, until the test ends.
func RebuildNameFiltersAtOnce(t interface{ Cleanup(func()) }) {
	old := nameFilterRebuild
	nameFilterRebuild = 0
	t.Cleanup(func() { nameFilterRebuild = old })
}

// ExactNameFilters has db's name filters, from their next build on, pass
// no key that none of the user's names has: a letter's count of
// statements then does not depend on a false hit of the filter (about one
// letter in twenty has one, and looks its names up).
func ExactNameFilters(db *DB) {
	db.names.exact = true
}

// IndexSeeded makes a seeded database searchable as a used one is: the
// search index rebuilt, the planner's statistics gathered, and the next
// PostgreSQL search reading the word index's statistics afresh.
func (db *DB) IndexSeeded(ctx context.Context) error {
	if err := db.RebuildSearch(ctx); err != nil {
		return err
	}
	if err := db.ExecTx(ctx, "ANALYZE"); err != nil {
		return err
	}
	db.ForgetWordStats()
	return nil
}

// ForgetWordStats has the next PostgreSQL search read the statistics of
// the word index again, however recently they were read.
func (db *DB) ForgetWordStats() {
	db.wordStats.mu.Lock()
	db.wordStats.read = time.Time{}
	db.wordStats.mu.Unlock()
}

// SettingsOfBatch runs, as a search step does (pgBatch), a statement that
// sets enable_seqscan for its transaction and one that reads it back, then
// reads it and max_parallel_workers_per_gather on a connection of the
// pool afterwards: what the batch saw, and what the pool sees.
func (db *DB) SettingsOfBatch(ctx context.Context) (inBatch, after, parallel string, err error) {
	err = db.pgBatch(ctx, pgStatement{q: "SELECT set_config('enable_seqscan', 'off', true)"}, pgStatement{
		q: "SELECT current_setting('enable_seqscan')",
		scan: func(rows pgRows) error {
			for rows.Next() {
				if err := rows.Scan(&inBatch); err != nil {
					return err
				}
			}
			return nil
		},
	})
	if err == nil {
		err = db.rawPostgres(ctx, func(c *pgx.Conn) error {
			return c.QueryRow(ctx, "SELECT current_setting('enable_seqscan'), current_setting('max_parallel_workers_per_gather')").Scan(&after, &parallel)
		})
	}
	return inBatch, after, parallel, err
}

// SearchWordReads returns the two statements of a PostgreSQL search page
// of f for the owner uid that read the word index (the owner's matches up
// to a page's worth of a walk, and every match), each as PREPARE takes it
// (numbered placeholders) with its values as EXECUTE takes them, and the
// planner settings they run under.
func SearchWordReads(uid int64, f applications.ListFilter) (settings string, stmts, values []string) {
	s := newPgSearch(nil, uid, f, nil)
	vals := []string{"'" + ownerPrefix(uid) + "'", "'" + strings.Join(searchedStages(f.Status), " ") + "'", "'" + strings.ReplaceAll(f.Query, "'", "''") + "'"}
	for _, a := range s.args {
		vals = append(vals, fmt.Sprint(a))
	}
	vals = append(vals, fmt.Sprint(f.Limit))
	for _, q := range []string{s.matches, s.all} {
		stmts = append(stmts, numberedPlaceholders(q))
		values = append(values, strings.Join(vals, ", "))
	}
	return wordsSettings, stmts, values
}

// ScanInt64 reads the one integer q selects into an int64 as the raw
// reads do (scanColumns' int64Column) and as database/sql does on its own
// (a *int64), for a test to hold the two equal.
func (db *DB) ScanInt64(ctx context.Context, q string, args ...any) (raw, plain int64, rawErr, plainErr error) {
	scan := func(dest any) error {
		rows, err := db.readQuery(ctx, q, args...)
		if err != nil {
			return err
		}
		defer rows.Close()
		if !rows.Next() {
			return fmt.Errorf("no row (%v)", rows.Err())
		}
		return rows.Scan(dest)
	}
	rawErr = scan(scanColumns([]any{&raw})[0])
	plainErr = scan(&plain)
	return raw, plain, rawErr, plainErr
}
