package main

import (
	"path/filepath"
	"testing"

	"tracker/internal/fixtures"
)

// TestImportInvite prints the draft of a real Outlook invite, refuses a
// cancellation, and logs an invite with --create.
func TestImportInvite(t *testing.T) {
	dir := fixtures.Real(t)
	c := newCLI(t)
	teams := filepath.Join(dir, "eml", "thunderbird-outlook365-teams-invite.eml")
	check(t, c.do("import-invite", teams), 0, "Interview:    2020-12-02T17:00:00Z (Europe/Kiev (Windows zone FLE Standard Time))",
		"Meeting link: https://teams.microsoft.com/", "Contact:      Marge <marge@example.com>")
	check(t, c.do("import-invite", filepath.Join(dir, "ics", "nylas-google-cancel.ics")), 1, "cancels an event")
	check(t, c.do("import-invite", "--create", teams), 1, "company", "role")
	check(t, c.do("import-invite", "--create", "--company", "Contoso", "--role", "Analyst", teams), 0, "Contoso")
	check(t, c.do("list"), 0, "Contoso", "invited")
}
