package storage

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"io/fs"
	"net/url"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"time"

	"github.com/mattn/go-sqlite3"
)

// errPostgresBackup answers backup and restore on PostgreSQL, whose own
// tools do it better.
var errPostgresBackup = errors.New("backup and restore work on SQLite; for PostgreSQL use pg_dump and pg_restore (see the README, Operations)")

// Backup writes a consistent copy of the SQLite database at dsn to the new
// file at path while servers may keep writing: VACUUM INTO reads one
// snapshot (WAL lets writers go on meanwhile) and writes a compact file.
// The copy is then checked with integrity_check.
func Backup(ctx context.Context, dsn, path string) error {
	if IsPostgres(dsn) {
		return errPostgresBackup
	}
	abs, err := filepath.Abs(path)
	if err != nil {
		return err
	}
	if _, err := os.Stat(abs); err == nil {
		return fmt.Errorf("%s exists; back up to a new file", path)
	}
	db, err := Open(ctx, dsn)
	if err != nil {
		return err
	}
	defer db.Close()
	// A connection of its own: the readers are query-only, and the writer
	// is for writes.
	dbAbs, err := filepath.Abs(dsn)
	if err != nil {
		return err
	}
	conn, err := sql.Open("sqlite3", "file:"+(&url.URL{Path: dbAbs}).EscapedPath()+"?"+sqliteParams)
	if err != nil {
		return err
	}
	defer conn.Close()
	if _, err := conn.ExecContext(ctx, "VACUUM INTO ?", abs); err != nil {
		return fmt.Errorf("back up to %s: %w", path, err)
	}
	if _, err := checkBackup(ctx, abs); err != nil {
		return fmt.Errorf("the backup %s is not sound: %w", path, err)
	}
	return nil
}

// Restore replaces the content of the SQLite database at dsn (created if
// missing) with the backup at path, after checking the backup: intact, and
// from a schema this release knows. It copies with SQLite's online backup,
// which takes the database's write lock, so a server holding the file waits
// rather than sees half a restore; stop servers first all the same, since
// what they cached and acknowledged after the backup is gone. The restored
// database is then migrated to this release's schema.
func Restore(ctx context.Context, path, dsn string) error {
	if IsPostgres(dsn) {
		return errPostgresBackup
	}
	src, err := checkBackup(ctx, path)
	if err != nil {
		return fmt.Errorf("%s cannot be restored: %w", path, err)
	}
	defer src.Close()
	target, err := Open(ctx, dsn) // creates the file and its folder if need be
	if err != nil {
		return err
	}
	err = copyDatabase(ctx, target, src)
	target.Close()
	if err != nil {
		return fmt.Errorf("restore %s: %w", path, err)
	}
	db, err := Open(ctx, dsn) // a backup from an older release is brought up to date
	if err != nil {
		return err
	}
	return db.Close()
}

// checkBackup opens the SQLite file at path read-only and checks that it
// is intact and no newer than this release's schema.
func checkBackup(ctx context.Context, path string) (*sql.DB, error) {
	abs, err := filepath.Abs(path)
	if err != nil {
		return nil, err
	}
	if _, err := os.Stat(abs); err != nil {
		return nil, err
	}
	src, err := sql.Open("sqlite3", "file:"+(&url.URL{Path: abs}).EscapedPath()+"?mode=ro&_busy_timeout=10000")
	if err != nil {
		return nil, err
	}
	var ok string
	if err := src.QueryRowContext(ctx, "PRAGMA integrity_check").Scan(&ok); err != nil || ok != "ok" {
		src.Close()
		return nil, fmt.Errorf("integrity_check: %q %v", ok, err)
	}
	var version int64
	if err := src.QueryRowContext(ctx, "SELECT max(version_id) FROM goose_db_version").Scan(&version); err != nil {
		src.Close()
		return nil, errors.New("it is not a tracker database")
	}
	if known := latestVersion("migrations/sqlite"); version > known {
		src.Close()
		return nil, fmt.Errorf("%w: the backup is at schema version %d, this tracker knows versions up to %d", ErrSchemaTooNew, version, known)
	}
	return src, nil
}

// latestVersion is the newest migration in dir, or of those written in
// Go (newProvider's) for SQLite.
func latestVersion(dir string) int64 {
	var latest int64 = integerTimesVersion
	entries, _ := fs.ReadDir(migrations, dir)
	for _, e := range entries {
		prefix, _, _ := strings.Cut(e.Name(), "_")
		if v, err := strconv.ParseInt(prefix, 10, 64); err == nil && v > latest {
			latest = v
		}
	}
	return latest
}

// copyDatabase copies every page of src over target's writer with the
// online backup API, retrying while another connection holds the lock.
func copyDatabase(ctx context.Context, target *DB, src *sql.DB) error {
	wdb, err := target.write.DB()
	if err != nil {
		return err
	}
	dst, err := wdb.Conn(ctx)
	if err != nil {
		return err
	}
	defer dst.Close()
	from, err := src.Conn(ctx)
	if err != nil {
		return err
	}
	defer from.Close()
	return dst.Raw(func(d any) error {
		return from.Raw(func(s any) error {
			b, err := d.(*sqlite3.SQLiteConn).Backup("main", s.(*sqlite3.SQLiteConn), "main")
			if err != nil {
				return err
			}
			for {
				done, err := b.Step(-1)
				if done {
					return b.Finish()
				}
				var se sqlite3.Error
				if err != nil && !(errors.As(err, &se) && (se.Code == sqlite3.ErrBusy || se.Code == sqlite3.ErrLocked)) {
					b.Finish()
					return err
				}
				select {
				case <-ctx.Done():
					b.Finish()
					return ctx.Err()
				case <-time.After(50 * time.Millisecond):
				}
			}
		})
	})
}
