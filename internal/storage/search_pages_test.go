package storage_test

import (
	"context"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"testing"
	"time"

	"tracker/internal/applications"
	"tracker/internal/storage"
	"tracker/internal/storage/storagetest"
	"tracker/internal/workflow"
)

// TestSearchPagesInEveryOrder pages through searches that match many of
// the user's applications (more than make a search walk the list's own
// index) and few of them (read through the full-text index and sorted),
// in every order, in a stage and not: every page must hold what the list
// without the search holds, filtered, in the same order, none twice.
func TestSearchPagesInEveryOrder(t *testing.T) {
	storagetest.Each(t, func(t *testing.T, db *storage.DB) {
		ctx := storagetest.Owner(t, db, "pages@example.com")
		other := storagetest.Owner(t, db, "other@example.com")
		base := time.Date(2026, 3, 2, 9, 0, 0, 0, time.UTC)
		for _, c := range []context.Context{ctx, other} {
			uid, _ := applications.OwnerFrom(c)
			// 1,500 applications: every one an engineer, every third at
			// Acme, every 100th in Oslo; updated and applied times repeat,
			// so that the id breaks ties.
			err := db.ExecTx(c, `WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < 1500)
				INSERT INTO applications (owner_id, company, role, location, notes, status, applied_at, created_at, updated_at)
				SELECT ?, CASE WHEN i % 3 = 0 THEN 'Acme ' ELSE 'Globex ' END || (i % 7), 'Engineer',
				       CASE WHEN i % 100 = 0 THEN 'Oslo' ELSE 'Berlin' END, '', CASE WHEN i % 2 = 0 THEN 'applied' ELSE 'invited' END,
				       ?, ?, ? FROM n`,
				uid, base.Add(-time.Hour), base.Add(-2*time.Hour), base)
			if err == nil { // a wishlist job's applied time is when it was added
				err = db.ExecTx(c, "UPDATE applications SET applied_at = NULL WHERE owner_id = ? AND id % 5 = 0", uid)
			}
			if err != nil {
				t.Fatal(err)
			}
		}
		if err := db.RebuildSearch(ctx); err != nil {
			t.Fatal(err)
		}
		svc := applications.NewService(db, func() time.Time { return base })
		// A list shows no location: the detail of each says which are in
		// Oslo.
		oslo := map[int64]bool{}
		for _, a := range pages(t, ctx, svc, applications.ListFilter{}) {
			d, err := svc.Get(ctx, a.ID)
			if err != nil {
				t.Fatal(err)
			}
			oslo[a.ID] = d.Location == "Oslo"
		}
		matches := map[string]func(a applications.Summary) bool{
			"engineer": func(applications.Summary) bool { return true },
			"acm":      func(a applications.Summary) bool { return a.Company[:4] == "Acme" },
			"oslo":     func(a applications.Summary) bool { return oslo[a.ID] },
		}
		for _, sort := range applications.ListSorts {
			for _, status := range []string{"", "invited"} {
				all := pages(t, ctx, svc, applications.ListFilter{Sort: sort, Status: workflow.State(status)})
				for q, match := range matches {
					var want []int64
					for _, a := range all {
						if match(a) {
							want = append(want, a.ID)
						}
					}
					var got []int64
					for _, a := range pages(t, ctx, svc, applications.ListFilter{Query: q, Sort: sort, Status: workflow.State(status)}) {
						got = append(got, a.ID)
					}
					if !slices.Equal(got, want) {
						t.Errorf("search %q by %s in stage %q: %d applications, want %d (first %v, want %v)",
							q, sort, status, len(got), len(want), got[:min(5, len(got))], want[:min(5, len(want))])
					}
				}
			}
		}
	})
}

// pages reads every page of f, 200 at a time.
func pages(t *testing.T, ctx context.Context, svc *applications.Service, f applications.ListFilter) []applications.Summary {
	t.Helper()
	f.Limit = 200
	return storagetest.ListPages(t, ctx, svc, f)
}

// checkSearchAsList checks that the search f, read limit rows a page for
// each of limits, holds the applications of f's list (its order and
// stage, without the search) whose company starts with company, in the
// list's order, and that there are at least least of them.
func checkSearchAsList(t *testing.T, ctx context.Context, svc *applications.Service, f applications.ListFilter, company string, least int, limits ...int) {
	t.Helper()
	var want []int64
	for _, a := range pages(t, ctx, svc, applications.ListFilter{Sort: f.Sort, Status: f.Status}) {
		if strings.HasPrefix(a.Company, company) {
			want = append(want, a.ID)
		}
	}
	for _, limit := range limits {
		f.Limit = limit
		got := storagetest.IDs(storagetest.ListPages(t, ctx, svc, f))
		if len(want) < least || !slices.Equal(got, want) {
			t.Errorf("search %q by %s in stage %q, pages of %d: %d applications, want %d (at least %d; first %v, want %v)",
				f.Query, f.Sort, f.Status, limit, len(got), len(want), least, got[:min(5, len(got))], want[:min(5, len(want))])
		}
	}
}

// rowsRead matches what a step of PostgreSQL's EXPLAIN ANALYZE read: its
// rows, or those its filter removed.
var rowsRead = regexp.MustCompile(`actual time=\S+ rows=(\d+)|Rows Removed by \w+: (\d+)`)

// stepRows is how many rows the step of a plan read (rowsRead), and
// whether it says.
func stepRows(step string) (int, bool) {
	m := rowsRead.FindStringSubmatch(step)
	if m == nil {
		return 0, false
	}
	n, _ := strconv.Atoi(m[1] + m[2])
	return n, true
}

// TestSortedSearchFindsWhatTheIndexFinds pages through searches in every
// order other than by id, which walk the list's own index and test each
// row's text (many matches) or test it against the full-text index's
// matches (few), and checks each finds what the index finds (the search
// newest first) in the list's order: words after punctuation, in capitals,
// run into others, with diacritics the index folds, rows and queries
// beyond ASCII (which the walk leaves to the index), pages of every size.
func TestSortedSearchFindsWhatTheIndexFinds(t *testing.T) {
	storagetest.Each(t, func(t *testing.T, db *storage.DB) {
		ctx := storagetest.Owner(t, db, "walk@example.com")
		uid, _ := applications.OwnerFrom(ctx)
		base := time.Date(2026, 3, 2, 9, 0, 0, 0, time.UTC)
		// 1,600 applications; those past 1,200 have letters beyond ASCII,
		// so that a walk meets them only on later pages.
		err := db.ExecTx(ctx, `WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < 1600)
			INSERT INTO applications (owner_id, company, role, contact_name, contact_email, location, notes, status, applied_at, created_at, updated_at)
			SELECT ?, CASE i % 8 WHEN 0 THEN 'Acme ' WHEN 1 THEN 'acme-corp ' WHEN 2 THEN '(ACME) ' WHEN 3 THEN 'Xacme '
			              WHEN 4 THEN 'AcmeCo ' WHEN 5 THEN CASE WHEN i > 1200 THEN 'Ácme ' ELSE 'ACME2 ' END
			              WHEN 6 THEN CASE WHEN i > 1200 THEN 'Café Acme ' ELSE 'Cafe Acme ' END ELSE 'Globex ' END || (i % 13),
			       'Engineer', 'Sam Lee', CASE WHEN i % 3 = 0 THEN 'sam@acme.com' ELSE '' END,
			       CASE WHEN i % 10 = 0 AND i > 1200 THEN 'Zürich' ELSE 'Berlin' END,
			       CASE WHEN i % 7 = 0 THEN 'met at 2acme; ask about on-call' ELSE '' END,
			       CASE WHEN i % 2 = 0 THEN 'applied' ELSE 'invited' END, ?, ?, ?
			FROM n`, uid, base.Add(-time.Hour), base.Add(-2*time.Hour), base)
		if err == nil { // times that differ, and tie
			err = db.ExecTx(ctx, "UPDATE applications SET updated_at = ?, applied_at = NULL WHERE owner_id = ? AND id % 9 = 0", base.Add(time.Hour), uid)
		}
		if err != nil {
			t.Fatal(err)
		}
		if err := db.RebuildSearch(ctx); err != nil {
			t.Fatal(err)
		}
		svc := applications.NewService(db, func() time.Time { return base })
		queries := []string{"acme", "ACM", "sam", "acme corp", "cafe", "café", "zur", "2", "co", "xacme", "acme 1", "lee berlin"}
		for _, sort := range applications.ListSorts[2:] {
			all := pages(t, ctx, svc, applications.ListFilter{Sort: sort})
			for _, q := range queries {
				found := map[int64]bool{}
				for _, a := range pages(t, ctx, svc, applications.ListFilter{Query: q}) {
					found[a.ID] = true
				}
				var want []int64
				for _, a := range all {
					if found[a.ID] {
						want = append(want, a.ID)
					}
				}
				for _, size := range []int{7, 50, 200} {
					got := storagetest.IDs(storagetest.ListPages(t, ctx, svc, applications.ListFilter{Query: q, Sort: sort, Limit: size}))
					if !slices.Equal(got, want) {
						t.Errorf("search %q by %s, %d a page: %d applications, want %d (first %v, want %v)",
							q, sort, size, len(got), len(want), got[:min(5, len(got))], want[:min(5, len(want))])
					}
				}
			}
		}
	})
}

// TestSearchPastRowsWithoutMatches pages through a search whose matches
// (3,000 at Acme) all lie past the first 1,000 of the user's rows in the
// list's order (1,100 newer ones at Globex, as after a day of adds), in
// every order, in a stage and not: every page must hold what the list
// without the search holds, filtered. On PostgreSQL no statement of a
// page may read as many rows as there are matches: a walk of 1,000 rows
// that finds none used to read every match through the word index and
// sort them (1.2 s for 62,500 matches of a user with 1,000,000).
func TestSearchPastRowsWithoutMatches(t *testing.T) {
	storagetest.Each(t, func(t *testing.T, db *storage.DB) {
		other := storagetest.Owner(t, db, "first@example.com")
		ctx := storagetest.Owner(t, db, "dense@example.com")
		base := time.Date(2026, 3, 2, 9, 0, 0, 0, time.UTC)
		for _, seed := range []struct {
			ctx     context.Context
			n       int
			company string
			at      time.Time
		}{{other, 500, "Acme ", base}, {ctx, 3000, "Acme ", base}, {ctx, 1100, "Globex ", base.Add(time.Hour)}} {
			uid, _ := applications.OwnerFrom(seed.ctx)
			err := db.ExecTx(seed.ctx, `WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < ?)
				INSERT INTO applications (owner_id, company, role, notes, status, applied_at, created_at, updated_at)
				SELECT ?, ? || (i % 97), 'Engineer', '', CASE WHEN i % 2 = 0 THEN 'applied' ELSE 'invited' END, ?, ?, ? FROM n`,
				seed.n, uid, seed.company, seed.at, seed.at, seed.at)
			if err != nil {
				t.Fatal(err)
			}
		}
		if err := db.RebuildSearch(ctx); err != nil {
			t.Fatal(err)
		}
		if err := db.ExecTx(ctx, "ANALYZE"); err != nil {
			t.Fatal(err)
		}
		svc := applications.NewService(db, func() time.Time { return base })
		for _, sort := range applications.ListSorts {
			for _, status := range []workflow.State{"", workflow.Invited} {
				checkSearchAsList(t, ctx, svc, applications.ListFilter{Query: "acme", Sort: sort, Status: status}, "Acme", 1500, 50)
			}
		}
		if db.SearchesWithFTS5() || !db.FullText() {
			return // SQLite walks on over the list's index for many matches (searchFTS)
		}
		for _, sort := range applications.ListSorts {
			var err error
			stmts := db.CaptureSQL(func() {
				_, err = svc.List(ctx, applications.ListFilter{Query: "acme", Sort: sort, Limit: 50})
			})
			if err != nil {
				t.Fatal(err)
			}
			var settings []string
			for _, s := range stmts {
				if strings.HasPrefix(s, "SELECT set_config(") {
					settings = append(settings, s)
					continue
				}
				plan, err := db.Analyze(ctx, s, settings...)
				if err != nil {
					t.Fatal(err)
				}
				// (A bitmap of GIN's entries holds every match: the index
				// hands over its compressed lists of row addresses whole,
				// a few bytes a match, and reads no row.)
				all := strings.Join(plan, "\n")
				for _, step := range plan {
					if n, ok := stepRows(step); ok && !strings.Contains(step, "Bitmap Index Scan") && n >= 3000 {
						t.Errorf("by %s: a step reads %d rows, as many as the matches:\n%s\nquery: %s", sort, n, all, s)
						break
					}
				}
			}
		}
	})
}

// TestSortedSearchOverIDRanges pages through a search with many matches
// (every third of 4,000 applications at Acme) by the time changed and
// the time applied, in a stage and not, where those times follow the ids
// for most rows but not all: every tenth row was changed last, and the
// applied times run against the ids in blocks, so that a window of the
// list's index holds ids close together on some pages and from all over
// on others. Every page, of 50 and of 7, must hold what the list without
// the search holds, filtered, in the same order.
func TestSortedSearchOverIDRanges(t *testing.T) {
	storagetest.Each(t, func(t *testing.T, db *storage.DB) {
		other := storagetest.Owner(t, db, "before@example.com")
		ctx := storagetest.Owner(t, db, "ranges@example.com")
		base := time.Date(2026, 3, 2, 9, 0, 0, 0, time.UTC)
		for _, c := range []context.Context{other, ctx} {
			storagetest.SeedApplications(t, db, c, 4000, func(i int) storagetest.App {
				a := storagetest.App{Company: "Globex " + strconv.Itoa(i%7), Status: workflow.Invited, Created: base,
					Updated: base.Add(time.Duration(i) * time.Minute),
					Applied: base.Add(time.Duration(i/500*500+499-i%500) * time.Minute)} // each block of 500 reversed
				if i%3 == 0 {
					a.Company = "Acme " + strconv.Itoa(i%7)
				}
				if i%2 == 0 {
					a.Status = workflow.Applied
				}
				if i%10 == 0 {
					a.Updated = base.Add(time.Duration(10000+i) * time.Minute)
				}
				return a
			})
		}
		if err := db.RebuildSearch(ctx); err != nil {
			t.Fatal(err)
		}
		svc := applications.NewService(db, func() time.Time { return base })
		for _, sort := range []applications.ListSort{applications.SortUpdated, applications.SortApplied} {
			for _, stage := range []workflow.State{"", workflow.Applied} {
				checkSearchAsList(t, ctx, svc, applications.ListFilter{Query: "acme", Sort: sort, Status: stage}, "Acme", 1, 50, 7)
			}
		}
	})
}
