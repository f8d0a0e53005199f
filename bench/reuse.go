package main

import (
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"time"
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
