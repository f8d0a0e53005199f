package main

import (
	"context"

	"tracker/internal/storage"
)

// cmdBackup writes a consistent copy of the SQLite database to a new file,
// safe while a server writes to it.
func cmdBackup(ctx context.Context, a *app, args []string) error {
	var cfg Config
	fs := newFlagSet("backup")
	cfg.registerDB(fs)
	pos, err := a.parse(fs, &cfg, args)
	if err != nil {
		return err
	}
	if err := wantArgs(pos, "FILE"); err != nil {
		return err
	}
	if err := storage.Backup(ctx, cfg.DB, pos[0]); err != nil {
		return err
	}
	a.printf("backed up %s to %s\n", storage.Redacted(cfg.DB), pos[0])
	return nil
}

// cmdRestore replaces the SQLite database's content with a backup.
func cmdRestore(ctx context.Context, a *app, args []string) error {
	var cfg Config
	fs := newFlagSet("restore")
	cfg.registerDB(fs)
	pos, err := a.parse(fs, &cfg, args)
	if err != nil {
		return err
	}
	if err := wantArgs(pos, "FILE"); err != nil {
		return err
	}
	if err := storage.Restore(ctx, pos[0], cfg.DB); err != nil {
		return err
	}
	a.printf("restored %s from %s; restart the servers that use it\n", storage.Redacted(cfg.DB), pos[0])
	return nil
}
