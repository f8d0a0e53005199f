// Package storage keeps the tracker's data in SQLite (the embedded default)
// or PostgreSQL through GORM. It implements applications.Store; its GORM
// models are private and mapped to the domain types. The schema is the
// versioned SQL migrations embedded below, applied with goose on open.
package storage

import (
	"context"
	"database/sql"
	"embed"
	"errors"
	"fmt"
	"net/url"
	"os"
	"path/filepath"
	"strings"
	"time"

	"github.com/pressly/goose/v3"
	"gorm.io/gorm"
	"gorm.io/gorm/logger"

	"tracker/internal/applications"
)

//go:embed migrations
var migrations embed.FS

// DB is an open tracker database. It implements applications.Store.
type DB struct {
	write *gorm.DB // the one writer (SQLite) or the pool (PostgreSQL)
	// writer groups the write transactions of SQLite (see group.go); nil
	// on PostgreSQL.
	writer *writer
	// checkpoints checkpoints SQLite's WAL beside the writer (see
	// checkpoint.go); nil on PostgreSQL and read-only.
	checkpoints *checkpointer
	read        *gorm.DB // readers; the same as write on PostgreSQL
	close       func() error
	// postgres is set on PostgreSQL, where write transactions lock the
	// rows they read (see GetApplication).
	postgres bool
	// fts is set on SQLite when searches use the full-text index (see
	// search.go).
	fts bool
	// traceSQL, when set (by tests), is told every statement run without GORM.
	traceSQL func(q string, args []any)
	// names holds the users' name key filters (see OtherNames).
	names nameCache
	// wordStats holds PostgreSQL's statistics of the search's word index
	// (see search_postgres.go).
	wordStats wordStats
}

// sqliteParams are the connection settings of every SQLite connection: WAL
// so readers never block the writer, a busy timeout so a second process
// waits instead of failing, foreign keys on, and IMMEDIATE transactions on
// the writer (a deferred one that reads then writes fails with
// SQLITE_BUSY_SNAPSHOT whatever the timeout), and a cache of each
// connection's most recently used prepared statements: preparing a
// statement costs more than running most of the tracker's queries, and the
// same few dozen statements run on every request. No mutex of SQLite's
// own per connection (_mutex=no): database/sql hands a connection to one
// goroutine at a time, and locking it again on every call into SQLite
// (each column of each row read) was a sixth of a page read's time.
const sqliteParams = "_journal_mode=WAL&_busy_timeout=10000&_foreign_keys=on&_synchronous=NORMAL&_stmt_cache_size=64&_mutex=no"

// Open opens the database dsn names and brings its schema up to date:
// PostgreSQL for a postgres:// or postgresql:// URL, otherwise the SQLite
// file at that path (created, with its folder, if needed).
func Open(ctx context.Context, dsn string) (*DB, error) {
	if IsPostgres(dsn) {
		return openPostgres(ctx, dsn)
	}
	return openSQLite(ctx, dsn)
}

// IsPostgres reports whether dsn names a PostgreSQL database.
func IsPostgres(dsn string) bool {
	return strings.HasPrefix(dsn, "postgres://") || strings.HasPrefix(dsn, "postgresql://")
}

// Redacted returns dsn fit for messages and logs: a PostgreSQL URL without
// its password, a SQLite path as it is.
func Redacted(dsn string) string {
	if !IsPostgres(dsn) {
		return dsn
	}
	u, err := url.Parse(dsn)
	if err != nil {
		return "(a PostgreSQL URL that does not parse)"
	}
	return u.Redacted()
}

// openSQLite opens (creating it if needed) the SQLite file at path and
// brings its schema up to date.
func openSQLite(ctx context.Context, path string) (*DB, error) {
	abs, err := filepath.Abs(path)
	if err != nil {
		return nil, err
	}
	if err := os.MkdirAll(filepath.Dir(abs), 0o700); err != nil {
		return nil, fmt.Errorf("create the database folder: %w", err)
	}
	base := "file:" + (&url.URL{Path: abs}).EscapedPath() + "?" + sqliteParams
	write, err := openSQLiteMigrated(ctx, abs, base+"&_txlock=immediate", 0)
	if err != nil {
		return nil, err
	}
	read, err := openGorm(openSQLiteDSN(base+"&_query_only=1"), 4)
	if err != nil {
		closeGorm(write)
		return nil, err
	}
	fts, err := searchReady(write)
	var groups *sql.Conn
	if err == nil {
		groups, err = groupConn(ctx, write)
	}
	if err == nil {
		err = write.Exec(fmt.Sprintf("PRAGMA wal_autocheckpoint = %d", walPagesMost)).Error
	}
	var cp *checkpointer
	if err == nil {
		cp, err = startCheckpointer(base)
	}
	if err != nil {
		if groups != nil {
			groups.Close()
		}
		closeGorm(read)
		closeGorm(write)
		return nil, err
	}
	pinned := write.WithContext(context.Background()) // a statement of its own
	pinned.Statement.ConnPool = groups
	w := newWriter(pinned)
	w.committed = cp.commit
	return &DB{write: write, writer: w, checkpoints: cp, read: read, fts: fts, close: func() error {
		return errors.Join(cp.close(), closeGorm(read), groups.Close(), closeGorm(write))
	}}, nil
}

// groupConn takes the connection of the writer pool the group commits
// (group.go) run on, for as long as the database is open, and gives it the
// settings a group needs. It keeps up to 32 MiB of pages (SQLite's default
// is 2): a group changes many, which would otherwise spill to the WAL
// before the commit and be read back from disk, and the big user's writes
// run 10 to 20 % slower with 16. The pool's other connection, which runs
// the writes and reads outside a group, keeps the default: with the large
// cache on both (database/sql hands out either), the two held up to 64 MiB
// between them, the largest part of the server's resident memory. The
// WAL's automatic checkpoint is the writer's (see walPagesMost).
func groupConn(ctx context.Context, write *gorm.DB) (*sql.Conn, error) {
	pool, err := write.DB()
	if err != nil {
		return nil, err
	}
	conn, err := pool.Conn(ctx)
	if err != nil {
		return nil, err
	}
	_, err = conn.ExecContext(ctx, fmt.Sprintf("PRAGMA cache_size = %d; PRAGMA wal_autocheckpoint = %d", -groupCacheKiB, walPagesMost))
	if err != nil {
		conn.Close()
		return nil, err
	}
	return conn, nil
}

// groupCacheKiB is the page cache of the group commits' connection.
const groupCacheKiB = 32 << 10

// openPostgres connects to the PostgreSQL database at dsn and brings its
// schema up to date.
func openPostgres(ctx context.Context, dsn string) (*DB, error) {
	dsn, conns, err := postgresPool(dsn)
	if err != nil {
		return nil, err
	}
	d, err := postgresDialector(dsn)
	if err != nil {
		return nil, fmt.Errorf("open the database: %w", err)
	}
	db, err := openGorm(d, conns)
	if err != nil {
		return nil, err
	}
	if err := migrateTo(ctx, db, goose.DialectPostgres, "migrations/postgres", 0); err != nil {
		closeGorm(db)
		return nil, err
	}
	return &DB{write: db, read: db, close: func() error { return closeGorm(db) }, postgres: true}, nil
}

// Close closes every connection.
func (db *DB) Close() error { return db.close() }

func openGorm(d gorm.Dialector, maxConns int) (*gorm.DB, error) {
	g, err := gorm.Open(d, &gorm.Config{
		Logger:                 logger.Discard,
		SkipDefaultTransaction: true,
		NowFunc:                func() time.Time { return time.Now().UTC() },
	})
	if err != nil {
		return nil, fmt.Errorf("open the database: %w", err)
	}
	sqlDB, err := g.DB()
	if err != nil {
		return nil, err
	}
	sqlDB.SetMaxOpenConns(maxConns)
	sqlDB.SetMaxIdleConns(maxConns)
	if err := sqlDB.Ping(); err != nil {
		sqlDB.Close()
		return nil, fmt.Errorf("open the database: %w", err)
	}
	return g, nil
}

func closeGorm(g *gorm.DB) error {
	sqlDB, err := g.DB()
	if err != nil {
		return err
	}
	return sqlDB.Close()
}

// txKey carries the open transaction in a context.
type txKey struct{}

// writeTxKey marks a context whose transaction is a write transaction.
type writeTxKey struct{}

// InTx runs fn in one write transaction; the store methods fn calls with
// its ctx run inside it. A nested call joins the outer transaction. On
// SQLite, calls that queue for the writer share a transaction, each in a
// savepoint of its own (group commit, see group.go): InTx returns nil
// only once fn's writes are committed, and an error of fn undoes only
// fn's writes.
func (db *DB) InTx(ctx context.Context, fn func(ctx context.Context) error) error {
	if _, ok := ctx.Value(txKey{}).(*gorm.DB); ok || db.writer == nil {
		return db.tx(ctx, db.write, nil, fn)
	}
	return unavailable(db.writer.inTx(ctx, fn))
}

// View runs fn's reads as one read: on SQLite in one read-only
// transaction on the readers, which reads one snapshot. On PostgreSQL fn
// runs on the pool with no transaction of its own: at READ COMMITTED,
// PostgreSQL's default, which the tracker keeps, a transaction gives each
// statement its own snapshot all the same, so BEGIN READ ONLY and COMMIT were two round trips a call
// (a third of a decline preview's, two fifths of the warnings') that
// bought nothing. Reads that need a transaction's settings or one
// snapshot on PostgreSQL open one with readTx.
func (db *DB) View(ctx context.Context, fn func(ctx context.Context) error) error {
	if db.postgres {
		return unavailable(fn(ctx))
	}
	return db.readTx(ctx, fn)
}

// ShortView is View for reads known to be short: index lookups of one
// application and its rows, a token, the reads of one letter's preview,
// each well under a millisecond. On SQLite they run without the request's
// cancellation (see shortRead); a request already cancelled gets its
// context's error and no connection.
//
// On SQLite fn's reads run on one reader connection, each statement on its
// own, as View's do on PostgreSQL: not in a transaction, because
// database/sql watches every transaction's context with a goroutine of
// its own, and one more for each statement in it, whatever context the
// transaction was begun with. Each statement then reads the database as
// it is when it runs; reads that need one snapshot use View.
func (db *DB) ShortView(ctx context.Context, fn func(ctx context.Context) error) error {
	short, err := db.shortRead(ctx)
	if err != nil {
		return err
	}
	if _, ok := ctx.Value(txKey{}).(*gorm.DB); ok || db.postgres {
		return db.View(short, fn)
	}
	pool, err := db.read.DB()
	if err != nil {
		return err
	}
	conn, err := pool.Conn(ctx) // waiting for a reader, the request may still give up
	if err != nil {
		return unavailable(err)
	}
	defer conn.Close()
	g := db.read.WithContext(short)
	g.Statement.ConnPool = conn
	return unavailable(fn(context.WithValue(short, txKey{}, g)))
}

// shortRead returns the context a short read runs on. On SQLite that is
// ctx without its cancellation. A context that can be cancelled costs a
// statement outside a transaction a goroutine that database/sql starts to
// watch it, and every statement a watch of the driver's own (the driver's
// BEGIN a goroutine too); under load their start and wake-ups cost more
// than the instructions of the read. (database/sql watches a
// transaction's context whatever it is, so a statement inside one keeps
// its goroutine.) What cancellation buys is the interruption of a read
// that takes a fraction of a millisecond of work in this process, with
// nothing to wait for but the CPU: nothing worth that price. So a request
// cancelled before the read gets its context's error and takes no
// connection, and one cancelled during it holds its connection only as
// long as the read takes. Longer reads (a search, the warnings, an
// export) keep the request's cancellation. On PostgreSQL a statement
// waits on the network, and a stalled server must not hold a cancelled
// request: ctx is kept.
func (db *DB) shortRead(ctx context.Context) (context.Context, error) {
	if err := ctx.Err(); err != nil {
		return nil, err
	}
	if db.postgres {
		return ctx, nil
	}
	return context.WithoutCancel(ctx), nil
}

// readTx runs fn in one read-only transaction on the readers, on both
// databases. A call inside a transaction joins it.
func (db *DB) readTx(ctx context.Context, fn func(ctx context.Context) error) error {
	return db.tx(ctx, db.read, &sql.TxOptions{ReadOnly: true}, fn)
}

func (db *DB) tx(ctx context.Context, g *gorm.DB, opts *sql.TxOptions, fn func(ctx context.Context) error) error {
	if _, ok := ctx.Value(txKey{}).(*gorm.DB); ok {
		return fn(ctx)
	}
	ctx = context.WithValue(ctx, writeTxKey{}, opts == nil || !opts.ReadOnly)
	err := g.WithContext(ctx).Transaction(func(tx *gorm.DB) error {
		return fn(context.WithValue(ctx, txKey{}, tx))
	}, opts)
	if err == nil && g == db.write {
		db.checkpoints.commit()
	}
	return unavailable(err)
}

// conn returns the transaction in ctx, or the writer pool.
func (db *DB) conn(ctx context.Context) *gorm.DB {
	if tx, ok := ctx.Value(txKey{}).(*gorm.DB); ok {
		return tx
	}
	return db.write.WithContext(ctx)
}

// readConn returns the transaction in ctx, or else the readers: a read of
// one statement needs no transaction, and on SQLite should not wait for
// the writer.
func (db *DB) readConn(ctx context.Context) gorm.ConnPool {
	if tx, ok := ctx.Value(txKey{}).(*gorm.DB); ok {
		return tx.Statement.ConnPool
	}
	return db.read.Statement.ConnPool
}

// owner returns the user ctx acts for. Every query of user data is scoped
// by it here, in the store, so no handler can forget to.
func owner(ctx context.Context) (int64, error) {
	id, ok := applications.OwnerFrom(ctx)
	if !ok {
		return 0, errors.New("storage: no user in the context")
	}
	return id, nil
}

// ownedApps returns the transaction in ctx (or the writer pool) limited to the
// applications of the user ctx acts for.
func (db *DB) ownedApps(ctx context.Context) (*gorm.DB, error) {
	uid, err := owner(ctx)
	if err != nil {
		return nil, err
	}
	return db.conn(ctx).Model(&applicationRow{}).Where("applications.owner_id = ?", uid), nil
}

// ofOwnedApp returns a query on model limited to the rows of application
// appID, and only if that application belongs to the user ctx acts for.
func (db *DB) ofOwnedApp(ctx context.Context, model any, appID int64) (*gorm.DB, error) {
	uid, err := owner(ctx)
	if err != nil {
		return nil, err
	}
	mine := db.conn(ctx).Model(&applicationRow{}).Select("id").Where("id = ? AND owner_id = ?", appID, uid)
	return db.conn(ctx).Model(model).Where("application_id IN (?)", mine), nil
}
