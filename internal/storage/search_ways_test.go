package storage_test

import (
	"fmt"
	"slices"
	"strings"
	"testing"
	"time"

	"tracker/internal/applications"
	"tracker/internal/storage"
	"tracker/internal/storage/storagetest"
	"tracker/internal/workflow"
)

// TestSortedSearchWaysAgree pages through sorted searches of words with
// many matches (more than a SQLite search counts, 2,000, so that it walks
// the rows' text), some thousand (read as a set in the list's order), some
// hundred (tested in a window of the list's index) and a few dozen (read
// and sorted), with a stretch of 2,100 rows at the top of the list by the
// time changed in which the common word is rare (a load's writes), so that
// the text walk fills no page in its first window and walks on. Every way
// a search can find a page (SearchWays), and the way it chooses, must find
// what the list without the search holds, filtered, in its order, on
// every page, in every order other than by id, in a stage and not.
func TestSortedSearchWaysAgree(t *testing.T) {
	storagetest.Each(t, func(t *testing.T, db *storage.DB) {
		if !db.Postgres() && !db.SearchesWithFTS5() {
			t.Skip("SQLite without FTS5 (build with -tags sqlite_fts5): a search reads every row, in one way")
		}
		ctx := storagetest.Owner(t, db, "ways@example.com")
		other := storagetest.Owner(t, db, "other-ways@example.com")
		base := time.Date(2026, 3, 2, 9, 0, 0, 0, time.UTC)
		const n = 6000
		words := func(i int) []string {
			var w []string
			if (i < n-2100 && i%3 != 0) || i%50 == 0 {
				w = append(w, "dense")
			}
			if i%8 == 0 || i%8 == 3 {
				w = append(w, "thousand")
			}
			if i%13 == 0 {
				w = append(w, "hundreds")
			}
			if i%151 == 0 {
				w = append(w, "dozens")
			}
			return w
		}
		app := func(i int) storagetest.App {
			a := storagetest.App{Company: fmt.Sprintf("Firm %02d %s", i%37, strings.Join(words(i), " ")), Status: workflow.Invited}
			if i%2 == 0 {
				a.Status = workflow.Applied
			}
			// Times repeat, so that the id breaks ties; the times applied
			// run against the ids.
			a.Created = base.Add(time.Duration(i/2) * time.Second)
			a.Updated = a.Created
			a.Applied = base.Add(time.Duration(n-i/3) * time.Second)
			return a
		}
		storagetest.SeedApplications(t, db, ctx, n, app)
		storagetest.SeedApplications(t, db, other, 3000, app)
		if err := db.IndexSeeded(ctx); err != nil {
			t.Fatal(err)
		}
		svc := applications.NewService(db, func() time.Time { return base })
		for _, sort := range []applications.ListSort{applications.SortUpdated, applications.SortApplied, applications.SortCompany} {
			for _, status := range []workflow.State{"", workflow.Invited} {
				list := storagetest.ListPages(t, ctx, svc, applications.ListFilter{Sort: sort, Status: status, Limit: 200})
				for _, q := range []string{"dense", "thousand", "hundreds", "dozens", "dense thousand"} {
					var want []int64
					for _, a := range list {
						has := true
						for _, w := range strings.Fields(q) {
							has = has && slices.Contains(strings.Fields(a.Company), w)
						}
						if has {
							want = append(want, a.ID)
						}
					}
					if len(want) < 10 {
						t.Fatalf("%q in stage %q: %d matches, too few to page through", q, status, len(want))
					}
					ways, err := db.SearchWays(ctx, applications.ListFilter{Query: q, Sort: sort, Status: status, Limit: 50})
					if err != nil {
						t.Fatal(err)
					}
					if len(ways) < 4 {
						t.Errorf("%q by %s: only the ways %v answered", q, sort, ways)
					}
					for name, got := range ways {
						if !slices.Equal(got, want) {
							t.Errorf("%q by %s in stage %q, %s: %d applications, want %d (first %v, want %v)",
								q, sort, status, name, len(got), len(want), got[:min(5, len(got))], want[:min(5, len(want))])
						}
					}
				}
			}
		}
		if !db.SearchesWithFTS5() {
			return
		}
		// 1,500 matches, one row in four: read as a set and tested against
		// the rows of the owner's index of the order, walked in that order
		// to the page's end, not sorted.
		for _, sort := range []applications.ListSort{applications.SortUpdated, applications.SortApplied, applications.SortCompany} {
			var err error
			stmts := db.CaptureSQL(func() {
				_, err = svc.List(ctx, applications.ListFilter{Query: "thousand", Sort: sort, Limit: 50})
			})
			if err != nil {
				t.Fatal(err)
			}
			set := false
			for _, s := range stmts {
				if !strings.Contains(s, "IN (SELECT rowid FROM application_words") {
					continue
				}
				set = true
				plan, err := db.Plan(ctx, s)
				if err != nil {
					t.Fatal(err)
				}
				all := strings.Join(plan, "\n")
				if strings.Contains(all, "USE TEMP B-TREE FOR ORDER BY") || !strings.Contains(all, "applications_owner_") ||
					!strings.Contains(all, "LIST SUBQUERY") {
					t.Errorf("by %s: does not walk the owner's index testing each row against the matches:\n%s\nquery: %s", sort, all, s)
				}
			}
			if !set {
				t.Errorf("by %s: 1,500 matches not read as a set: %q", sort, stmts)
			}
		}
	})
}
