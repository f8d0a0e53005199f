package main

import (
	"bytes"
	"context"
	"path/filepath"
	"strings"
	"testing"
)

// TestBackupAndRestoreCommands backs up a database with an application,
// restores it into a new file, and lists the application from there.
func TestBackupAndRestoreCommands(t *testing.T) {
	dir := t.TempDir()
	db, backup, restored := filepath.Join(dir, "t.db"), filepath.Join(dir, "b.db"), filepath.Join(dir, "r.db")
	env := func(string) string { return "" }
	sh := func(args ...string) string {
		t.Helper()
		var out, errb bytes.Buffer
		if code := run(context.Background(), args, strings.NewReader("correct horse battery staple\n"), &out, &errb, env); code != 0 {
			t.Fatalf("tracker %s: exit %d: %s", strings.Join(args, " "), code, errb.String())
		}
		return out.String()
	}
	sh("user", "add", "--email", "ops@example.com", "--password-stdin", "--db", db)
	sh("add", "--company", "Backed Up Ltd", "--role", "Dev", "--db", db)
	sh("backup", backup, "--db", db)
	sh("restore", backup, "--db", restored)
	if out := sh("list", "--db", restored); !strings.Contains(out, "Backed Up Ltd") {
		t.Fatalf("the restored database lists:\n%s", out)
	}
}
