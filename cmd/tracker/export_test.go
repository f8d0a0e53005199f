package main

import (
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"tracker/internal/storage"
)

// TestExportImportCLI backs up, restores into a second account, and
// imports a CSV with a bad row, which is reported by line.
func TestExportImportCLI(t *testing.T) {
	c := newCLI(t)
	check(t, c.do("add", "--company", "Acme", "--role", "Dev"), 0)
	dir := t.TempDir()
	backup := filepath.Join(dir, "backup.json")
	check(t, c.do("export", "--out", backup), 0)
	check(t, c.do("export", "--format", "csv"), 0, "company,role,status", "Acme,Dev,applied")
	c.addUser("two@example.com")
	check(t, c.do("import", backup, "--user", "two@example.com"), 0, "Restored 1 applications.")
	check(t, c.do("list", "--user", "two@example.com"), 0, "Acme")
	sheet := filepath.Join(dir, "jobs.csv")
	if err := os.WriteFile(sheet, []byte("Company Name,Job Title,Stage\nGlobex,SRE,Rejected\n,QA,Applied\n"), 0o600); err != nil {
		t.Fatal(err)
	}
	r := c.do("import", sheet, "--user", "two@example.com")
	check(t, r, 0, "Imported 1 applications.", "line 3: company")
	check(t, c.do("export", "--format", "xml"), 2, "--format must be json or csv")
	if strings.Contains(r.stderr, "importing") {
		t.Error("a progress bar was drawn off a terminal")
	}
}

// TestExportErrorLeavesTheFile: an export that fails midway leaves --out
// as it was (here the backup written before) and no file of its own
// beside it, and exits with an error.
func TestExportErrorLeavesTheFile(t *testing.T) {
	c := newCLI(t)
	check(t, c.do("add", "--company", "Acme", "--role", "Dev"), 0)
	dir := t.TempDir()
	backup := filepath.Join(dir, "backup.json")
	check(t, c.do("export", "--out", backup), 0)
	before, err := os.ReadFile(backup)
	if err != nil {
		t.Fatal(err)
	}
	db, err := storage.Open(context.Background(), c.db)
	if err != nil {
		t.Fatal(err)
	}
	err = db.ExecTx(context.Background(), `INSERT INTO letters (application_id, kind, channel, tone, body, checks, sent_at, created_at)
		SELECT MAX(id), 'decline', 'email', 'warm', 'x', 'not json', created_at, created_at FROM applications`)
	db.Close()
	if err != nil {
		t.Fatal(err)
	}
	if r := c.do("export", "--out", backup); r.code == 0 {
		t.Fatalf("an export of a letter that does not decode succeeded: %+v", r)
	}
	after, _ := os.ReadFile(backup)
	entries, _ := os.ReadDir(dir)
	if string(after) != string(before) || len(entries) != 1 {
		t.Errorf("the failed export changed the folder: %d entries, the backup now\n%s", len(entries), after)
	}
}

// TestCSVRoundTripKeepsDeclines: a declined and a followed-up application
// leave in the CSV sheet and come back into another account in their
// stages, and the import says on their lines that the letters stay behind.
func TestCSVRoundTripKeepsDeclines(t *testing.T) {
	c := newCLI(t)
	for _, company := range []string{"Acme", "Globex"} {
		check(t, c.do("add", "--company", company, "--role", "Dev", "--received", ago(3*time.Hour)), 0)
	}
	for _, id := range []string{"1", "2"} {
		check(t, c.do("decline", id, "--reason", "timing", "--sender", "Ada", "--send", "--sent-at", ago(2*time.Hour)), 0)
	}
	check(t, c.do("follow-up", "2", "--send"), 0, "(followed_up)")
	sheet := filepath.Join(t.TempDir(), "jobs.csv")
	check(t, c.do("export", "--format", "csv", "--out", sheet), 0)
	c.addUser("two@example.com")
	check(t, c.do("import", sheet, "--user", "two@example.com"), 0, "Imported 2 applications.",
		"line 2: imported as declined without its decline letter", "line 3: imported as followed_up without its decline and follow-up letters")
	check(t, c.do("list", "--user", "two@example.com"), 0, "declined", "followed_up")
	check(t, c.do("follow-up", "3", "--user", "two@example.com"), 1, "no decline letter to follow up")
}
