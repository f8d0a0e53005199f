package storage

import (
	"context"
	"net/url"
	"path/filepath"

	"github.com/pressly/goose/v3"
	"gorm.io/driver/postgres"
	"gorm.io/gorm"
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

// FillUp makes a SQLite database full, as a full disk would: its one
// writer connection may grow the file no further than it is now.
func (db *DB) FillUp(ctx context.Context) error {
	return db.write.WithContext(ctx).Exec("PRAGMA max_page_count = 1").Error
}
