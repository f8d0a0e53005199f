package storage_test

import (
	"context"
	"database/sql"
	"fmt"
	"testing"

	"tracker/internal/decline"
	"tracker/internal/storage"
	"tracker/internal/storage/storagetest"
)

// BenchmarkOtherNames measures the lookup of a preview's letter's names
// for a user with 2,000 applications of 16 companies' numbered offices
// and one contact, as the load's seed has them.
func BenchmarkOtherNames(b *testing.B) {
	db, path := storagetest.SQLite(b)
	benchOtherNames(b, db, func() (*sql.DB, error) { return sql.Open("sqlite3", path) })
}

func benchOtherNames(b *testing.B, db *storage.DB, raw func() (*sql.DB, error)) {
	ctx := storagetest.Owner(b, db, "big@example.com")
	r, err := raw()
	if err != nil {
		b.Fatal(err)
	}
	defer r.Close()
	companies := []string{"Acme", "Globex", "Initech", "Umbrella", "Hooli", "Stark Industries", "Wayne Enterprises",
		"Wonka", "Tyrell", "Cyberdyne", "Soylent", "Aperture", "Black Mesa", "Vandelay", "Pied Piper", "Massive Dynamic"}
	for i := range 2000 {
		if _, err := r.Exec("INSERT INTO applications (owner_id, company, role, contact_name, status, created_at, updated_at) VALUES (1, ?, 'Dev', 'Sam Lee', 'invited', CURRENT_TIMESTAMP, CURRENT_TIMESTAMP)",
			fmt.Sprintf("%s %d", companies[i%len(companies)], i%1000)); err != nil {
			b.Fatal(err)
		}
	}
	if err := db.FileNames(context.Background()); err != nil {
		b.Fatal(err)
	}
	req := decline.Request{Company: "Acme 17", Role: "Dev", Contact: decline.Contact{Name: "Sam Lee"}, Situation: decline.SituationInvitation,
		Reason: decline.ReasonAnotherOffer, Sender: decline.Sender{Name: "Pat Doe", Email: "pat@example.com"}}
	l, err := decline.Compose(req)
	if err != nil {
		b.Fatal(err)
	}
	keys := decline.NameKeys(l, req)
	none := func(string) bool { return false }
	b.ReportAllocs()
	for b.Loop() {
		if err := db.ShortView(ctx, func(ctx context.Context) error {
			_, err := db.OtherNames(ctx, 18, nil, keys, none)
			return err
		}); err != nil {
			b.Fatal(err)
		}
	}
}
