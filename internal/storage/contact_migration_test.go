package storage_test

import (
	"context"
	"testing"

	"tracker/internal/applications"
	"tracker/internal/storage/storagetest"
)

// TestContactMigrationOutOfOrder opens a database the release before
// migration 00020 wrote (schema up to 00032, an application with a contact)
// with the current code: 00020 is applied although a higher number is
// there already, and the application reads as before, its new contact
// fields empty (derived from the name when a letter is written).
func TestContactMigrationOutOfOrder(t *testing.T) {
	storagetest.EachDSN(t, checkContactMigration)
}

func checkContactMigration(t *testing.T, dsn string) {
	ctx := context.Background()
	// At 00070, the last migration of both databases before the times
	// of SQLite's applications became integers (00074), which that
	// release did not have either.
	old := atMigration(t, dsn, 70)
	for _, q := range []string{
		`ALTER TABLE applications DROP COLUMN greeting_name`,
		`ALTER TABLE applications DROP COLUMN contact_title`,
		`ALTER TABLE applications DROP COLUMN contact_kind`,
		`DELETE FROM goose_db_version WHERE version_id = 20`,
		`INSERT INTO users (email, password_hash, created_at, password_changed_at) VALUES ('old@example.com', 'hash', '2026-01-05 08:00:00', '2026-01-05 08:00:00')`,
		`INSERT INTO applications (owner_id, company, role, location, job_url, source, contact_name, contact_email, notes, status, created_at, updated_at)
			VALUES (1, 'Globex', 'Engineer', 'Berlin', '', '', 'Dr. Ana Lima', 'ana@globex.example', 'n', 'invited', '2026-01-05 08:00:00', '2026-01-05 08:00:00')`,
	} {
		old.Exec(q)
	}
	db := old.Migrate()
	a, err := db.GetApplication(applications.WithOwner(ctx, 1), 1)
	if err != nil {
		t.Fatal(err)
	}
	if a.Company != "Globex" || a.ContactName != "Dr. Ana Lima" || a.ContactEmail != "ana@globex.example" || a.Notes != "n" {
		t.Errorf("the application changed in the migration: %+v", a.Fields)
	}
	if a.ContactKind != "" || a.ContactTitle != "" || a.GreetingName != "" {
		t.Errorf("new contact fields of an old row = %q %q %q, want empty", a.ContactKind, a.ContactTitle, a.GreetingName)
	}
}
