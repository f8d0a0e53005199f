// Package storagetest opens real databases for tests: a SQLite file in a
// temporary folder, and a fresh schema on the PostgreSQL server named by
// TRACKER_TEST_POSTGRES_DSN when it is set.
package storagetest

import (
	"context"
	"crypto/rand"
	"database/sql"
	"encoding/hex"
	"net/url"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	_ "github.com/jackc/pgx/v5/stdlib" // the "pgx" database/sql driver

	"tracker/internal/accounts"
	"tracker/internal/applications"
	"tracker/internal/storage"
)

// PostgresEnv names the variable that points the tests at PostgreSQL.
const PostgresEnv = "TRACKER_TEST_POSTGRES_DSN"

// SQLite opens a new SQLite database in t's temporary folder and returns it
// with its file path. It is closed when the test ends.
func SQLite(t testing.TB) (*storage.DB, string) {
	t.Helper()
	path := filepath.Join(t.TempDir(), "tracker.db")
	db, err := storage.Open(context.Background(), path)
	if err != nil {
		t.Fatalf("open sqlite: %v", err)
	}
	t.Cleanup(func() { db.Close() })
	return db, path
}

// Postgres opens a database in a new, empty schema on the test PostgreSQL
// server and returns it with its DSN; the schema is dropped when the test
// ends. Without TRACKER_TEST_POSTGRES_DSN the test is skipped, and in CI
// (CI=true) that is a failure.
func Postgres(t testing.TB) (*storage.DB, string) {
	t.Helper()
	dsn := PostgresDSN(t)
	db, err := storage.Open(context.Background(), dsn)
	if err != nil {
		t.Fatalf("open postgres: %v", err)
	}
	t.Cleanup(func() { db.Close() })
	return db, dsn
}

// PostgresDSN returns the DSN of a new, empty schema on the test PostgreSQL
// server, dropped when the test ends, without opening it; it skips (or in
// CI fails) as Postgres does.
func PostgresDSN(t testing.TB) string {
	t.Helper()
	base := os.Getenv(PostgresEnv)
	if base == "" {
		if os.Getenv("CI") == "true" {
			t.Fatalf("%s is not set; CI must run the PostgreSQL tests", PostgresEnv)
		}
		t.Skipf("%s is not set; skipping the PostgreSQL run", PostgresEnv)
	}
	schema := "test_" + randomHex(t)
	admin, err := sql.Open("pgx", base)
	if err != nil {
		t.Fatalf("connect to postgres: %v", err)
	}
	defer admin.Close()
	if _, err := admin.Exec("CREATE SCHEMA " + schema); err != nil {
		t.Fatalf("create schema: %v", err)
	}
	t.Cleanup(func() { dropSchema(base, schema) })
	return withSearchPath(base, schema)
}

// EachDSN runs fn as a subtest on the DSN of a new SQLite file and of a
// new PostgreSQL schema, neither opened yet: for tests that open the
// database themselves (at an old migration, from several processes).
func EachDSN(t *testing.T, fn func(t *testing.T, dsn string)) {
	t.Run("sqlite", func(t *testing.T) { fn(t, filepath.Join(t.TempDir(), "tracker.db")) })
	t.Run("postgres", func(t *testing.T) { fn(t, PostgresDSN(t)) })
}

// Each runs fn as a subtest on SQLite and, when configured, on PostgreSQL.
func Each(t *testing.T, fn func(t *testing.T, db *storage.DB)) {
	t.Run("sqlite", func(t *testing.T) {
		db, _ := SQLite(t)
		fn(t, db)
	})
	t.Run("postgres", func(t *testing.T) {
		db, _ := Postgres(t)
		fn(t, db)
	})
}

func dropSchema(base, schema string) {
	admin, err := sql.Open("pgx", base)
	if err != nil {
		return
	}
	defer admin.Close()
	admin.Exec("DROP SCHEMA " + schema + " CASCADE")
}

// withSearchPath adds search_path to a URL or key=value DSN.
func withSearchPath(dsn, schema string) string {
	if strings.HasPrefix(dsn, "postgres://") || strings.HasPrefix(dsn, "postgresql://") {
		u, err := url.Parse(dsn)
		if err == nil {
			q := u.Query()
			q.Set("search_path", schema)
			u.RawQuery = q.Encode()
			return u.String()
		}
	}
	return dsn + " search_path=" + schema
}

func randomHex(t testing.TB) string {
	b := make([]byte, 6)
	if _, err := rand.Read(b); err != nil {
		t.Fatal(err)
	}
	return hex.EncodeToString(b)
}

// Owner creates a user with the e-mail and returns a context that acts for
// them, as the API does after it authenticates a request.
func Owner(t testing.TB, db *storage.DB, email string) context.Context {
	t.Helper()
	u := &accounts.User{Email: email, CreatedAt: time.Now().UTC(), PasswordChangedAt: time.Now().UTC()}
	if err := db.CreateUser(context.Background(), u, "not-a-real-hash"); err != nil {
		t.Fatalf("create user %s: %v", email, err)
	}
	return applications.WithOwner(context.Background(), u.ID)
}

// AllWarnings is every warning of the user in ctx, read a page at a time
// as the API, the pages and the reminders read them.
func AllWarnings(ctx context.Context, svc *applications.Service) ([]applications.Warning, error) {
	return WarningPages(ctx, svc, applications.WarningFilter{Limit: applications.MaxPageSize})
}

// WarningPages reads every page of warnings that f selects.
func WarningPages(ctx context.Context, svc *applications.Service, f applications.WarningFilter) ([]applications.Warning, error) {
	var out []applications.Warning
	for {
		p, err := svc.WarningsPage(ctx, f)
		if err != nil {
			return nil, err
		}
		out = append(out, p.Items...)
		if p.NextCursor == "" {
			return out, nil
		}
		f.Cursor = p.NextCursor
	}
}
