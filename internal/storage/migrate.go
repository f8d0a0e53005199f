package storage

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"io/fs"

	"github.com/pressly/goose/v3"
	"github.com/pressly/goose/v3/lock"
	"gorm.io/gorm"
)

// ErrSchemaTooNew is returned by Open for a database that a newer release
// of the tracker has migrated: this release would misread it (a renamed
// column just disappears from reads), so it refuses to start.
var ErrSchemaTooNew = errors.New("database schema is newer than this tracker")

// openSQLiteMigrated opens the SQLite file at the absolute path with dsn
// and applies its migrations up to version (all when zero), holding the
// file lock beside the database throughout, so that two servers starting
// at once on a new file take turns: the second finds the schema up to
// date. Without the lock both read "version 0" and the second fails
// half-way through, or cannot even switch the new file to WAL.
func openSQLiteMigrated(ctx context.Context, path, dsn string, version int64) (*gorm.DB, error) {
	unlock, err := lockFile(ctx, path+"-migrate.lock")
	if err != nil {
		return nil, fmt.Errorf("lock the database for migration: %w", err)
	}
	defer unlock()
	// Two connections: goose holds one for the whole run, and a migration
	// written in Go (00074) needs one of its own beside it.
	g, err := openGorm(openSQLiteDSN(dsn), 2)
	if err != nil {
		return nil, err
	}
	if err := migrateTo(ctx, g, goose.DialectSQLite3, "migrations/sqlite", version); err != nil {
		closeGorm(g)
		return nil, err
	}
	if version == 0 {
		if err := ensureSearch(ctx, g); err != nil {
			closeGorm(g)
			return nil, fmt.Errorf("set up the search index: %w", err)
		}
	}
	return g, nil
}

// migrateTo applies the embedded migrations in dir up to version (all when
// it is zero) that the database lacks. On PostgreSQL goose holds an
// advisory lock meanwhile. A database at a version this release does not
// know is refused with ErrSchemaTooNew.
func migrateTo(ctx context.Context, g *gorm.DB, dialect goose.Dialect, dir string, version int64) error {
	p, err := newProvider(g, dialect, dir)
	if err != nil {
		return err
	}
	if err := checkNotNewer(ctx, p); err != nil {
		return err
	}
	if version > 0 {
		_, err = p.UpTo(ctx, version)
	} else {
		_, err = p.Up(ctx)
	}
	if err != nil {
		return fmt.Errorf("migrate the database: %w", err)
	}
	return nil
}

func newProvider(g *gorm.DB, dialect goose.Dialect, dir string) (*goose.Provider, error) {
	sqlDB, err := g.DB()
	if err != nil {
		return nil, err
	}
	fsys, err := fs.Sub(migrations, dir)
	if err != nil {
		return nil, err
	}
	// Each branch of the team owns a range of migration numbers, so a
	// release can bring a migration numbered below one a database already
	// has (00020 after 00032): goose applies such a one first.
	goMigrations := []*goose.Migration{goose.NewGoMigration(45, &goose.GoFunc{RunTx: fileAllNames[*sql.Tx](dialect == goose.DialectPostgres)}, &goose.GoFunc{})}
	if dialect == goose.DialectSQLite3 {
		goMigrations = append(goMigrations, goose.NewGoMigration(integerTimesVersion, &goose.GoFunc{RunDB: integerTimes}, &goose.GoFunc{RunDB: noIntegerTimesDown}))
	}
	opts := []goose.ProviderOption{goose.WithAllowOutofOrder(true), goose.WithGoMigrations(goMigrations...)}
	if dialect == goose.DialectPostgres {
		// Retry every second (goose's default is every five) for up to
		// five minutes: a second server starting beside the first waits
		// about as long as the migration takes.
		locker, err := lock.NewPostgresSessionLocker(lock.WithLockTimeout(1, 300))
		if err != nil {
			return nil, err
		}
		opts = append(opts, goose.WithSessionLocker(locker))
	}
	return goose.NewProvider(dialect, sqlDB, fsys, opts...)
}

// checkNotNewer compares the database's schema version with the newest
// migration this release embeds.
func checkNotNewer(ctx context.Context, p *goose.Provider) error {
	have, err := p.GetDBVersion(ctx)
	if err != nil {
		return fmt.Errorf("read the schema version: %w", err)
	}
	sources := p.ListSources()
	known := sources[len(sources)-1].Version
	if have > known {
		return fmt.Errorf("%w: the database is at schema version %d, this tracker knows versions up to %d; "+
			"run the tracker release that wrote it, or restore a backup taken before the upgrade", ErrSchemaTooNew, have, known)
	}
	return nil
}
