package storage_test

import (
	"context"
	"testing"
	"time"

	"tracker/internal/applications"
	"tracker/internal/storage"
	"tracker/internal/storage/storagetest"
)

// TestSearchFindsApplicationsStoredBefore fills a database at migration 40
// (before the search index), then opens it with the current code: search
// must find what was stored before, and what is stored after.
func TestSearchFindsApplicationsStoredBefore(t *testing.T) {
	storagetest.EachDSN(t, checkSearchBackfill)
}

func checkSearchBackfill(t *testing.T, dsn string) {
	ctx := context.Background()
	old := atMigration(t, dsn, 40)
	old.Exec(`INSERT INTO users (email, password_hash, created_at, password_changed_at) VALUES ('old@example.com', 'hash', ?, ?)`, dueBase, dueBase)
	old.Exec(`INSERT INTO applications (owner_id, company, role, location, notes, status, created_at, updated_at)
		 VALUES (1, 'Initech', 'Engineer', 'Austin', 'stapler', 'applied', ?, ?)`, dueBase, dueBase)
	db := old.Migrate()
	svc := applications.NewService(db, func() time.Time { return dueBase })
	owned := applications.WithOwner(ctx, 1)
	if _, err := svc.Create(owned, applications.NewApplication{Fields: applications.Fields{Company: "Initrode", Role: "Engineer"}}); err != nil {
		t.Fatal(err)
	}
	for q, want := range map[string]int{"stap": 1, "init": 2, "austin": 1, "initrode": 1} {
		p, err := svc.List(owned, applications.ListFilter{Query: q})
		if err != nil || len(p.Items) != want {
			t.Errorf("search %q after the migration = %d, %v; want %d", q, len(p.Items), err, want)
		}
	}
}

// oldSearchSchema is the SQLite full-text index as it was before the
// owner's id was in its words: every user's words in one index, kept in
// step by triggers.
const oldSearchSchema = `
CREATE VIRTUAL TABLE applications_fts USING fts5(
    company, role, contact_name, contact_email, location, notes,
    content = 'applications', content_rowid = 'id',
    tokenize = 'unicode61 remove_diacritics 2', prefix = '2 3');
CREATE TRIGGER applications_fts_insert AFTER INSERT ON applications BEGIN
    INSERT INTO applications_fts (rowid, company, role, contact_name, contact_email, location, notes)
    VALUES (new.id, new.company, new.role, new.contact_name, new.contact_email, new.location, new.notes);
END;
CREATE TRIGGER applications_fts_delete AFTER DELETE ON applications BEGIN
    INSERT INTO applications_fts (applications_fts, rowid, company, role, contact_name, contact_email, location, notes)
    VALUES ('delete', old.id, old.company, old.role, old.contact_name, old.contact_email, old.location, old.notes);
END;
CREATE TRIGGER applications_fts_update
AFTER UPDATE OF company, role, contact_name, contact_email, location, notes ON applications BEGIN
    INSERT INTO applications_fts (applications_fts, rowid, company, role, contact_name, contact_email, location, notes)
    VALUES ('delete', old.id, old.company, old.role, old.contact_name, old.contact_email, old.location, old.notes);
    INSERT INTO applications_fts (rowid, company, role, contact_name, contact_email, location, notes)
    VALUES (new.id, new.company, new.role, new.contact_name, new.contact_email, new.location, new.notes);
END;`

// TestSearchIndexOfTheOldShape opens a SQLite database whose full-text
// index has the shape before the owner's id: the index is rebuilt when the
// database opens, the old one is gone, and search finds what was stored
// before (only the user's own), follows what is stored and deleted after.
func TestSearchIndexOfTheOldShape(t *testing.T) {
	ctx := context.Background()
	path := t.TempDir() + "/old.db"
	old, err := storage.OpenAt(ctx, path, 60)
	if err != nil {
		t.Fatal(err)
	}
	var fts int
	if err := old.Raw("SELECT sqlite_compileoption_used('ENABLE_FTS5')").Scan(&fts).Error; err != nil || fts == 0 {
		storage.CloseRaw(old)
		t.Skip("SQLite without FTS5 (build with -tags sqlite_fts5)")
	}
	for _, q := range []string{
		oldSearchSchema,
		`INSERT INTO users (email, password_hash, created_at, password_changed_at) VALUES ('a@example.com', 'hash', ?, ?), ('b@example.com', 'hash', ?, ?)`,
		`INSERT INTO applications (owner_id, company, role, location, notes, status, created_at, updated_at)
		 VALUES (1, 'Initech', 'Engineer', 'Austin', 'stapler', 'applied', ?, ?), (2, 'Initech', 'Engineer', '', '', 'applied', ?, ?)`,
	} {
		if err := old.Exec(q, dueBase, dueBase, dueBase, dueBase).Error; err != nil {
			t.Fatal(err)
		}
	}
	if err := storage.CloseRaw(old); err != nil {
		t.Fatal(err)
	}
	db, err := storage.Open(ctx, path)
	if err != nil {
		t.Fatalf("open: %v", err)
	}
	defer db.Close()
	svc := applications.NewService(db, func() time.Time { return dueBase })
	owned := applications.WithOwner(ctx, 1)
	count := func(q string) int {
		t.Helper()
		p, err := svc.List(owned, applications.ListFilter{Query: q})
		if err != nil {
			t.Fatalf("search %q: %v", q, err)
		}
		return len(p.Items)
	}
	if n := count("stap"); n != 1 {
		t.Errorf("search stap after the rebuild = %d, want 1", n)
	}
	d, err := svc.Create(owned, applications.NewApplication{Fields: applications.Fields{Company: "Initrode", Role: "Engineer"}})
	if err != nil {
		t.Fatal(err)
	}
	if n := count("init"); n != 2 {
		t.Errorf("search init = %d, want the user's 2", n)
	}
	if err := svc.Delete(owned, d.ID); err != nil {
		t.Fatal(err)
	}
	if n := count("initrode"); n != 0 {
		t.Errorf("search initrode after the delete = %d, want 0", n)
	}
	if err := db.Close(); err != nil {
		t.Fatal(err)
	}
	raw, err := storage.OpenAt(ctx, path, 60)
	if err != nil {
		t.Fatal(err)
	}
	defer storage.CloseRaw(raw)
	var left int
	if err := raw.Raw("SELECT COUNT(*) FROM sqlite_master WHERE name LIKE 'applications_fts%'").Scan(&left).Error; err != nil || left != 0 {
		t.Errorf("the old index left %d tables and triggers (%v)", left, err)
	}
	if ok, err := storage.SearchInStep(raw); !ok || err != nil {
		t.Errorf("the rebuilt index is not of the current shape (%v): every open would rebuild it", err)
	}
}
