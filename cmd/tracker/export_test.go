package main

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
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
