package storage_test

import (
	"bytes"
	"context"
	"fmt"
	"math"
	"regexp"
	"strings"
	"testing"
	"time"

	"gorm.io/gorm"

	"tracker/internal/api"
	"tracker/internal/applications"
	"tracker/internal/storage"
	"tracker/internal/storage/storagetest"
	"tracker/internal/workflow"
)

// listColumns are the columns of a list page, which migration 77 puts in
// applications_owner_id after its key.
var listColumns = []string{"company", "role", "status", "applied_at", "created_at", "updated_at"}

// TestMigrationCoversTheListPage: migration 77 makes applications_owner_id
// hold the list's columns after (owner_id, id), so that a page newest or
// oldest first reads that index alone, and keeps every application.
func TestMigrationCoversTheListPage(t *testing.T) {
	storagetest.EachDSN(t, func(t *testing.T, dsn string) {
		old := atMigration(t, dsn, 76)
		if got := indexColumns(t, dsn, old.DB, "applications_owner_id"); got != "owner_id,id" {
			t.Fatalf("applications_owner_id holds %s before migration 77, want owner_id,id: the test proves nothing", got)
		}
		now := time.Date(2026, 3, 2, 9, 0, 0, 0, time.UTC)
		uid := old.Insert("INSERT INTO users (email, password_hash, created_at, password_changed_at) VALUES ('cover@example.com', 'hash', ?, ?)", now, now)
		var stamp any = now // applications' times: integers on SQLite since migration 74
		if !storage.IsPostgres(dsn) {
			stamp = now.UnixMicro()
		}
		for i := range 3 {
			old.Exec("INSERT INTO applications (owner_id, company, role, status, created_at, updated_at) VALUES (?, ?, 'Dev', 'applied', ?, ?)",
				uid, fmt.Sprintf("Company %d", i), stamp, stamp)
		}
		old.Migrate()
		raw := rawDB(t, dsn)
		want := "owner_id,id," + strings.Join(listColumns, ",")
		if got := indexColumns(t, dsn, raw, "applications_owner_id"); got != want {
			t.Errorf("applications_owner_id holds %s after migration 77, want %s", got, want)
		}
		var n int64
		if err := raw.Raw("SELECT COUNT(*) FROM applications WHERE owner_id = ?", uid).Scan(&n).Error; err != nil || n != 3 {
			t.Errorf("%d applications after migration 77 (%v), want 3", n, err)
		}
	})
}

// indexColumns are the columns of the index name, key and included, in
// order, joined by commas.
func indexColumns(t *testing.T, dsn string, g *gorm.DB, name string) string {
	t.Helper()
	q := "SELECT name FROM pragma_index_xinfo(?) WHERE cid >= 0 ORDER BY seqno"
	if storage.IsPostgres(dsn) {
		q = `SELECT a.attname FROM pg_index i JOIN pg_class c ON c.oid = i.indexrelid
			JOIN LATERAL unnest(i.indkey) WITH ORDINALITY AS k(attnum, n) ON true
			JOIN pg_attribute a ON a.attrelid = i.indrelid AND a.attnum = k.attnum
			WHERE c.relname = ? AND c.relnamespace = current_schema()::regnamespace ORDER BY k.n`
	}
	var cols []string
	if err := g.Raw(q, name).Scan(&cols).Error; err != nil {
		t.Fatal(err)
	}
	return strings.Join(cols, ",")
}

// TestListPagesSameFromTheCoveringIndex: every page of the list, in each
// order, of every stage and of one, answers the same bytes when it is read
// from applications_owner_id holding the list's columns (migration 77) as
// from the index as it was before, (owner_id, id), which sent each row's
// columns to the table.
func TestListPagesSameFromTheCoveringIndex(t *testing.T) {
	storagetest.Each(t, func(t *testing.T, db *storage.DB) {
		ctx := storagetest.Owner(t, db, "cover@example.com")
		other := storagetest.Owner(t, db, "other@example.com")
		now := time.Date(2026, 3, 2, 9, 4, 5, 123456000, time.UTC)
		svc := applications.NewService(db, func() time.Time { return now })
		seedCovering(t, db, ctx, now)
		seedCovering(t, db, other, now)

		covered := listBytes(t, ctx, svc)
		if plan := listPlan(t, ctx, db, svc); !usesCovering(db, plan) {
			t.Fatalf("the list's first page does not read applications_owner_id alone:\n%s", plan)
		}
		for _, q := range []string{"DROP INDEX applications_owner_id", "CREATE INDEX applications_owner_id ON applications (owner_id, id)"} {
			if err := db.ExecTx(ctx, q); err != nil {
				t.Fatal(err)
			}
		}
		if plan := listPlan(t, ctx, db, svc); usesCovering(db, plan) {
			t.Fatalf("the list still reads a covering index after it was made as before; the test proves nothing:\n%s", plan)
		}
		before := listBytes(t, ctx, svc)
		if len(before) != len(covered) {
			t.Fatalf("%d pages from the index as before, %d from the covering one", len(before), len(covered))
		}
		for i := range before {
			if !bytes.Equal(before[i], covered[i]) {
				t.Errorf("page %d from the covering index:\n%s\nfrom the index as before:\n%s", i, covered[i], before[i])
			}
		}
	})
}

// seedCovering writes 130 applications of the user in ctx with what a
// page shows in every shape: text that JSON escapes, no applied time and
// one, every stage, times with and without a fraction of a second.
func seedCovering(t *testing.T, db *storage.DB, ctx context.Context, now time.Time) {
	t.Helper()
	uid, _ := applications.OwnerFrom(ctx)
	texts := []string{"Acme", `Quote " and \ backslash`, "<b>&amp;</b>", "ünïcödé 日本語 🎉", "line\u2028para\u2029", "Tab\tnew\nline"}
	stages := []workflow.State{workflow.Applied, workflow.Invited, workflow.Declined, workflow.Wishlist, workflow.Offered}
	for i := range 130 {
		created := now.Add(-time.Duration(i) * 37 * time.Minute)
		if i%3 == 0 {
			created = created.Truncate(time.Second)
		}
		var applied any
		if i%4 != 0 {
			applied = created.Add(time.Duration(i) * time.Second)
		}
		err := db.ExecTx(ctx, "INSERT INTO applications (owner_id, company, role, status, applied_at, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?)",
			uid, fmt.Sprintf("%s %d", texts[i%len(texts)], i%7), texts[(i+1)%len(texts)], string(stages[i%len(stages)]), applied, created, created.Add(time.Duration(i%5)*time.Hour))
		if err != nil {
			t.Fatal(err)
		}
	}
}

// listBytes is every page of the list of the user in ctx as GET
// /applications answers it, in each order, of every stage and of two;
// each is written by AppendPageOf as the handler writes it, which must
// write what AppendPage does of the page's view (NewPage).
func listBytes(t *testing.T, ctx context.Context, svc *applications.Service) [][]byte {
	t.Helper()
	var pages [][]byte
	for _, sort := range applications.ListSorts {
		for _, stage := range []workflow.State{"", workflow.Invited, workflow.Wishlist} {
			f := applications.ListFilter{Sort: sort, Status: stage, Limit: 20}
			for {
				p, err := svc.List(ctx, f)
				if err != nil {
					t.Fatal(err)
				}
				page := api.AppendPage(nil, api.NewPage(p))
				if direct := api.AppendPageOf(nil, p); !bytes.Equal(direct, page) {
					t.Errorf("AppendPageOf writes\n%s\nAppendPage of NewPage\n%s", direct, page)
				}
				pages = append(pages, page)
				if p.NextCursor == "" {
					break
				}
				f.Cursor = p.NextCursor
			}
		}
	}
	return pages
}

// listPlan is the plan of the statement of the list's first page, newest
// first.
func listPlan(t *testing.T, ctx context.Context, db *storage.DB, svc *applications.Service) string {
	t.Helper()
	var err error
	stmts := db.CaptureSQL(func() { _, err = svc.List(ctx, applications.ListFilter{Limit: 50}) })
	if err != nil {
		t.Fatal(err)
	}
	for _, s := range stmts {
		if strings.HasPrefix(s, "SELECT") && strings.Contains(s, "FROM applications") {
			plan, err := db.Plan(ctx, s)
			if err != nil {
				t.Fatal(err)
			}
			return strings.Join(plan, "\n")
		}
	}
	t.Fatalf("the list ran no SELECT of applications: %q", stmts)
	return ""
}

// pgIndexOnly matches PostgreSQL's index-only scan of applications_owner_id,
// in either direction.
var pgIndexOnly = regexp.MustCompile(`Index Only Scan (Backward )?using applications_owner_id `)

// usesCovering reports whether plan reads applications_owner_id alone:
// SQLite's covering index, PostgreSQL's index-only scan.
func usesCovering(db *storage.DB, plan string) bool {
	if db.Postgres() {
		return pgIndexOnly.MatchString(plan)
	}
	return strings.Contains(plan, "COVERING INDEX applications_owner_id")
}

// TestInt64ColumnsScanAsDatabaseSQL holds the raw reads' scan of an
// integer column (without database/sql's reflection) to database/sql's
// own into an *int64, on both databases: the same value for every size
// and sign, and an error for NULL from both.
func TestInt64ColumnsScanAsDatabaseSQL(t *testing.T) {
	storagetest.Each(t, func(t *testing.T, db *storage.DB) {
		ctx := context.Background()
		for _, v := range []any{int64(0), int64(1), int64(-1), int64(255), int64(256), int64(1) << 40, int64(math.MaxInt64), int64(math.MinInt64), nil} {
			raw, plain, rawErr, plainErr := db.ScanInt64(ctx, "SELECT CAST(? AS BIGINT)", v)
			if raw != plain || (rawErr == nil) != (plainErr == nil) {
				t.Errorf("%v: scanned %d (%v), database/sql %d (%v)", v, raw, rawErr, plain, plainErr)
			}
			if v != nil && (rawErr != nil || raw != v.(int64)) {
				t.Errorf("%v: scanned %d (%v)", v, raw, rawErr)
			}
		}
	})
}
