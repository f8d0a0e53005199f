package main

import (
	"context"
	"fmt"

	"tracker/internal/applications"
	"tracker/internal/storage"
)

// openDB opens the database --db names: PostgreSQL for a postgres:// URL,
// else a SQLite file, whose folder is created if needed.
func openDB(ctx context.Context, db string) (*storage.DB, error) {
	s, err := storage.Open(ctx, db)
	if err != nil {
		return nil, fmt.Errorf("open the database %s: %w", storage.Redacted(db), err)
	}
	return s, nil
}

// withDB opens the database, runs fn on it, and closes it.
func withDB(ctx context.Context, path string, fn func(db *storage.DB) error) (err error) {
	db, err := openDB(ctx, path)
	if err != nil {
		return err
	}
	defer func() {
		if cerr := db.Close(); cerr != nil && err == nil {
			err = fmt.Errorf("close the database: %w", cerr)
		}
	}()
	return fn(db)
}

// withService opens the database, finds the account the command acts for
// (--user, else the only one), and runs fn with a service over the
// database and a ctx that acts for that account. id is the application
// the command is about, zero for none, so that "not found" can name it.
func (a *app) withService(ctx context.Context, cfg *Config, id int64, fn func(context.Context, *applications.Service) error) error {
	return a.withStore(ctx, cfg, id, func(ctx context.Context, _ *storage.DB, svc *applications.Service) error {
		return fn(ctx, svc)
	})
}

// withStore is withService for a command that needs the database too.
func (a *app) withStore(ctx context.Context, cfg *Config, id int64, fn func(context.Context, *storage.DB, *applications.Service) error) error {
	return withDB(ctx, cfg.DB, func(db *storage.DB) error {
		u, err := actingUser(ctx, a.accounts(db), cfg.User, "--user")
		if err != nil {
			return serviceErr(err, 0)
		}
		owned := applications.WithOwner(ctx, u.ID)
		svc := applications.NewService(db, a.now)
		st, err := svc.Settings(owned)
		if err != nil {
			return serviceErr(err, 0)
		}
		a.setZone(st.Location())
		return serviceErr(fn(owned, db, svc), id)
	})
}
