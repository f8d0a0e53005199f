package storage

import (
	"context"
	"errors"
	"net/url"
	"path/filepath"

	"gorm.io/driver/postgres"
)

// OpenReadOnly opens the database dsn names without migrating it, refusing
// every write as a read-only file or a PostgreSQL standby would: reads work
// and each write is EUNAVAILABLE. It serves inspection of a database that
// must not change, and the tests of how the tracker behaves on one.
func OpenReadOnly(ctx context.Context, dsn string) (*DB, error) {
	if IsPostgres(dsn) {
		dsn, _, err := postgresPool(dsn) // it keeps its 4 connections
		if err != nil {
			return nil, err
		}
		u, err := url.Parse(dsn)
		if err != nil {
			return nil, err
		}
		q := u.Query()
		q.Set("default_transaction_read_only", "on") // pgx sends unknown parameters as settings
		u.RawQuery = q.Encode()
		g, err := openGorm(postgres.Open(u.String()), 4)
		if err != nil {
			return nil, err
		}
		return &DB{write: g, read: g, close: func() error { return closeGorm(g) }, postgres: true}, nil
	}
	abs, err := filepath.Abs(dsn)
	if err != nil {
		return nil, err
	}
	base := "file:" + (&url.URL{Path: abs}).EscapedPath() + "?" + sqliteParams + "&_query_only=1"
	write, err := openGorm(openSQLiteDSN(base+"&_txlock=immediate"), 1)
	if err != nil {
		return nil, err
	}
	read, err := openGorm(openSQLiteDSN(base), 4)
	if err != nil {
		closeGorm(write)
		return nil, err
	}
	fts, err := searchReady(write)
	if err != nil {
		closeGorm(read)
		closeGorm(write)
		return nil, err
	}
	return &DB{write: write, writer: newWriter(write), read: read, fts: fts, close: func() error {
		return errors.Join(closeGorm(read), closeGorm(write))
	}}, nil
}
