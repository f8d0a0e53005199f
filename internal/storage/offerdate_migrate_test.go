package storage_test

import (
	"testing"
	"time"

	"tracker/internal/applications"
	"tracker/internal/civil"
	"tracker/internal/storage"
	"tracker/internal/storage/storagetest"
)

// TestOfferDateMigration opens a database at migration 77, the last before
// the day of the offer (00080), with an offered application, with the
// current code: the application reads as before with no day of its offer,
// a day written then reads back as the same day on both databases and is
// stored as a date (YYYY-MM-DD text on SQLite), and SQLite refuses a time
// in the column.
func TestOfferDateMigration(t *testing.T) {
	storagetest.EachDSN(t, func(t *testing.T, dsn string) {
		old := atMigration(t, dsn, 77)
		created := any("2026-11-01 09:00:00+00")
		if !storage.IsPostgres(dsn) {
			created = time.Date(2026, 11, 1, 9, 0, 0, 0, time.UTC).UnixMicro()
		}
		old.Exec(`INSERT INTO users (email, password_hash, created_at, password_changed_at) VALUES ('old@example.com', 'hash', '2026-01-05 08:00:00', '2026-01-05 08:00:00')`)
		old.Exec(`INSERT INTO applications (owner_id, company, role, location, job_url, source, contact_name, contact_email, notes, status, created_at, updated_at)
			VALUES (1, 'Globex', 'Engineer', '', '', '', '', '', '', 'offered', ?, ?)`, created, created)
		db := old.Migrate()
		ctx := applications.WithOwner(t.Context(), 1)
		a, err := db.GetApplication(ctx, 1)
		if err != nil || a.Company != "Globex" || !a.OfferMadeOn.IsZero() {
			t.Fatalf("after the migration = %+v, %v; want Globex with no day of the offer", a, err)
		}
		a.OfferMadeOn = civil.Date{Year: 2026, Month: time.November, Day: 16}
		if err := db.UpdateApplication(ctx, a, []string{"OfferMadeOn"}); err != nil {
			t.Fatal(err)
		}
		if got, err := db.GetApplication(ctx, 1); err != nil || got.OfferMadeOn != a.OfferMadeOn {
			t.Fatalf("read back %v, %v; want %v", got.OfferMadeOn, err, a.OfferMadeOn)
		}
		raw := rawDB(t, dsn)
		var stored string
		if err := raw.Raw("SELECT CAST(offer_made_on AS TEXT) FROM applications WHERE id = 1").Scan(&stored).Error; err != nil || stored != "2026-11-16" {
			t.Fatalf("stored %q, %v; want 2026-11-16", stored, err)
		}
		if storage.IsPostgres(dsn) {
			return
		}
		if err := raw.Exec("UPDATE applications SET offer_made_on = '2026-11-16 10:00:00' WHERE id = 1").Error; err == nil {
			t.Fatal("SQLite stored a time as the day of the offer")
		}
	})
}
