package main

import (
	"context"
	"fmt"
	"net/url"
	"os"
	"path/filepath"
	"strings"

	"tracker/internal/applications"
	"tracker/internal/decline"
	"tracker/internal/storage"
)

// isPostgres reports whether the --db value selects PostgreSQL.
func isPostgres(db string) bool {
	return strings.HasPrefix(db, "postgres://") || strings.HasPrefix(db, "postgresql://")
}

// openDB opens the database --db names: PostgreSQL for a postgres:// URL,
// else a SQLite file, whose folder is created if needed.
func openDB(ctx context.Context, db string) (*storage.DB, error) {
	if isPostgres(db) {
		s, err := storage.OpenPostgres(ctx, db)
		if err != nil {
			return nil, fmt.Errorf("open the database %s: %w", redact(db), err)
		}
		return s, nil
	}
	if err := os.MkdirAll(filepath.Dir(db), 0o700); err != nil {
		return nil, fmt.Errorf("create the database folder: %w", err)
	}
	s, err := storage.OpenSQLite(ctx, db)
	if err != nil {
		return nil, fmt.Errorf("open the database %s: %w", db, err)
	}
	return s, nil
}

// redact hides the password of a database URL, for messages and logs.
func redact(dsn string) string {
	u, err := url.Parse(dsn)
	if err != nil {
		return "(a PostgreSQL URL that does not parse)"
	}
	return u.Redacted()
}

// policy is the promptness policy with the durations the user set.
func (c *Config) policy() decline.Policy {
	p := decline.DefaultPolicy()
	p.ResponseWindow = c.ResponseWindow
	p.FollowUpAfter = c.FollowUpAfter
	return p
}

// withService opens the database, runs fn with a service over it, and
// closes the database. id is the application the command is about, zero for
// none, so that "not found" can name it.
func (a *app) withService(ctx context.Context, cfg *Config, id int64, fn func(*applications.Service) error) (err error) {
	db, err := openDB(ctx, cfg.DB)
	if err != nil {
		return err
	}
	defer func() {
		if cerr := db.Close(); cerr != nil && err == nil {
			err = fmt.Errorf("close the database: %w", cerr)
		}
	}()
	return serviceErr(fn(applications.NewService(db, cfg.policy(), a.now)), id)
}
