package main

import (
	"context"
	"database/sql"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"net/url"
	"os"
	"path/filepath"
	"strings"
	"time"

	"github.com/jackc/pgx/v5"
)

// Seeding the full size takes minutes; a run with -keep keeps a copy of
// the freshly seeded SQLite database in its folder (the run itself then
// changes tracker.db: it creates applications and moves applied ones), and
// a later run with -reuse starts from a copy of that instead of seeding.
// The copy is taken with every connection closed, so its files (the
// database and any write-ahead log beside it) are a consistent snapshot.

// The kept seed's database and the description of what it holds.
const (
	keptSeedDB   = "seed.db"
	keptSeedInfo = "seed.json"
)

// seedInfo is what a kept seed holds: a run reuses it only for the same
// database and sizes.
type seedInfo struct {
	Database string    `json:"database"`
	Sizes    sizes     `json:"sizes"`
	SeededAt time.Time `json:"seeded_at"`
}

// keepSeed copies the seeded database at dsn to dir's kept seed and
// describes it there.
func keepSeed(dir, dsn string, info seedInfo) error {
	kept := filepath.Join(dir, keptSeedDB)
	if err := copyDatabase(dsn, kept); err != nil {
		return fmt.Errorf("keep the seed: %w", err)
	}
	b, err := json.MarshalIndent(info, "", "  ")
	if err != nil {
		return err
	}
	return os.WriteFile(filepath.Join(dir, keptSeedInfo), append(b, '\n'), 0o644)
}

// reuseSeed copies dir's kept seed to dsn, if it holds what want
// describes; else it says what differs.
func reuseSeed(dir, dsn string, want seedInfo) error {
	b, err := os.ReadFile(filepath.Join(dir, keptSeedInfo))
	if errors.Is(err, fs.ErrNotExist) {
		return fmt.Errorf("-reuse: %s holds no kept seed: run once with -dir %s -keep", dir, dir)
	}
	if err != nil {
		return fmt.Errorf("-reuse: %w", err)
	}
	var got seedInfo
	if err := json.Unmarshal(b, &got); err != nil {
		return fmt.Errorf("-reuse: %s: %w", keptSeedInfo, err)
	}
	if got.Database != want.Database {
		return fmt.Errorf("-reuse: the seed kept in %s is a %s database, this run is on %s", dir, got.Database, want.Database)
	}
	if got.Sizes != want.Sizes {
		return fmt.Errorf("-reuse: the seed kept in %s holds %s, this run wants %s: pick the same -size (and -users, -apps, -big) or seed again with -keep",
			dir, describe(got.Sizes), describe(want.Sizes))
	}
	if err := copyDatabase(filepath.Join(dir, keptSeedDB), dsn); err != nil {
		return fmt.Errorf("-reuse: %w", err)
	}
	return nil
}

// describe names the sizes as the flags do.
func describe(sz sizes) string {
	return fmt.Sprintf("%d users x %d applications and one user with %d", sz.Users, sz.Apps, sz.Big)
}

// copyDatabase copies the closed SQLite database at from, with its
// write-ahead log if it has one, to to, replacing whatever was there.
func copyDatabase(from, to string) error {
	for _, suffix := range []string{"", "-wal", "-shm"} {
		if err := os.Remove(to + suffix); err != nil && !errors.Is(err, fs.ErrNotExist) {
			return err
		}
	}
	if err := copyFile(from, to); err != nil {
		return err
	}
	err := copyFile(from+"-wal", to+"-wal")
	if errors.Is(err, fs.ErrNotExist) {
		return nil
	}
	return err
}

func copyFile(from, to string) error {
	src, err := os.Open(from)
	if err != nil {
		return err
	}
	defer src.Close()
	dst, err := os.OpenFile(to, os.O_WRONLY|os.O_CREATE|os.O_EXCL, 0o644)
	if err != nil {
		return err
	}
	if _, err := io.Copy(dst, src); err != nil {
		dst.Close()
		return err
	}
	return dst.Close()
}

// On PostgreSQL a run with -keep copies the URL's database, once seeded,
// to a database of the same name with _seed after it (CREATE DATABASE
// ... TEMPLATE, a copy of its files: seconds where seeding the full size
// takes minutes), and describes the seed in the copy's comment; a run
// with -reuse drops the URL's database and makes it again as a copy of
// the kept one. As that replaces the whole database, -reuse refuses one
// that holds tables outside the run's schema: give the benchmark a
// database of its own (CREATE DATABASE bench).

// keepPostgres copies the URL's freshly seeded database to its kept
// seed and returns the copy's name. Nothing may be connected to it.
func keepPostgres(ctx context.Context, dsn string, info seedInfo) (string, error) {
	admin, name, err := adminOf(dsn)
	if err != nil {
		return "", err
	}
	defer admin.Close()
	kept := name + "_seed"
	b, err := json.Marshal(info)
	if err != nil {
		return "", err
	}
	for _, q := range []string{
		"DROP DATABASE IF EXISTS " + ident(kept),
		"CREATE DATABASE " + ident(kept) + " TEMPLATE " + ident(name) + " STRATEGY FILE_COPY",
		"COMMENT ON DATABASE " + ident(kept) + " IS " + literal(string(b)),
	} {
		if _, err := admin.ExecContext(ctx, q); err != nil {
			return "", fmt.Errorf("keep the seed: %w", err)
		}
	}
	return kept, nil
}

// reusePostgres replaces the URL's database with a copy of its kept
// seed, if that holds what want describes, and returns the run's DSN.
func reusePostgres(ctx context.Context, dsn string, want seedInfo) (string, error) {
	run, err := runDSN(dsn)
	if err != nil {
		return "", err
	}
	admin, name, err := adminOf(dsn)
	if err != nil {
		return "", err
	}
	defer admin.Close()
	kept := name + "_seed"
	var comment sql.NullString
	err = admin.QueryRowContext(ctx, "SELECT shobj_description(oid, 'pg_database') FROM pg_database WHERE datname = $1", kept).Scan(&comment)
	if errors.Is(err, sql.ErrNoRows) {
		return "", fmt.Errorf("-reuse: no kept seed (database %s): run once with -keep", kept)
	}
	if err != nil {
		return "", fmt.Errorf("-reuse: %w", err)
	}
	var got seedInfo
	if err := json.Unmarshal([]byte(comment.String), &got); err != nil {
		return "", fmt.Errorf("-reuse: database %s does not describe a kept seed: %w", kept, err)
	}
	if got.Sizes != want.Sizes {
		return "", fmt.Errorf("-reuse: the seed kept in database %s holds %s, this run wants %s: pick the same -size (and -users, -apps, -big) or seed again with -keep",
			kept, describe(got.Sizes), describe(want.Sizes))
	}
	if err := onlyBenchTables(ctx, run); err != nil {
		return "", err
	}
	for _, q := range []string{
		"DROP DATABASE IF EXISTS " + ident(name) + " WITH (FORCE)",
		"CREATE DATABASE " + ident(name) + " TEMPLATE " + ident(kept) + " STRATEGY FILE_COPY",
	} {
		if _, err := admin.ExecContext(ctx, q); err != nil {
			return "", fmt.Errorf("-reuse: %w", err)
		}
	}
	return run, nil
}

// onlyBenchTables refuses a database that holds tables outside the
// run's schema, which -reuse would drop with it.
func onlyBenchTables(ctx context.Context, run string) error {
	db, err := sql.Open("pgx", run)
	if err != nil {
		return err
	}
	defer db.Close()
	var other sql.NullString
	err = db.QueryRowContext(ctx, `SELECT min(schemaname || '.' || tablename) FROM pg_tables
		WHERE schemaname NOT IN ('pg_catalog', 'information_schema') AND schemaname <> current_schema()`).Scan(&other)
	if err != nil {
		return fmt.Errorf("-reuse: %w", err)
	}
	if other.Valid {
		return fmt.Errorf("-reuse replaces the whole database, and it holds %s outside the run's schema: give the benchmark a database of its own", other.String)
	}
	return nil
}

// adminOf opens the server's maintenance database postgres with dsn's
// credentials, and returns dsn's own database's name.
func adminOf(dsn string) (*sql.DB, string, error) {
	u, err := url.Parse(dsn)
	if err != nil {
		return nil, "", fmt.Errorf("-postgres: %w", err)
	}
	name := strings.TrimPrefix(u.Path, "/")
	if name == "" || name == "postgres" {
		return nil, "", fmt.Errorf("-keep and -reuse need a database of the benchmark's own in the URL, not %q", name)
	}
	u.Path = "/postgres"
	db, err := sql.Open("pgx", u.String())
	return db, name, err
}

func ident(s string) string   { return pgx.Identifier{s}.Sanitize() }
func literal(s string) string { return "'" + strings.ReplaceAll(s, "'", "''") + "'" }
