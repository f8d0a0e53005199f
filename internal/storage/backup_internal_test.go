package storage

import (
	"net/url"
	"path/filepath"
	"testing"

	"github.com/pressly/goose/v3"
)

// TestBackupKnowsLatestVersion: the version a restore accepts at most is
// the newest migration goose applies, written in SQL (00075) or in Go
// (00074), so that a backup this release took is never refused as newer.
func TestBackupKnowsLatestVersion(t *testing.T) {
	abs := filepath.Join(t.TempDir(), "versions.db")
	g, err := openGorm(openSQLiteDSN("file:"+(&url.URL{Path: abs}).EscapedPath()+"?"+sqliteParams), 1)
	if err != nil {
		t.Fatal(err)
	}
	defer closeGorm(g)
	p, err := newProvider(g, goose.DialectSQLite3, "migrations/sqlite")
	if err != nil {
		t.Fatal(err)
	}
	sources := p.ListSources()
	newest := sources[len(sources)-1].Version
	if got := latestVersion("migrations/sqlite"); got != newest || got < 75 {
		t.Errorf("a restore accepts backups up to version %d; the migrations go up to %d", got, newest)
	}
}
