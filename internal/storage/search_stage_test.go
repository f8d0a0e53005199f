package storage_test

import (
	"fmt"
	"maps"
	"regexp"
	"slices"
	"strings"
	"testing"
	"time"

	"tracker/internal/applications"
	"tracker/internal/storage"
	"tracker/internal/storage/storagetest"
	"tracker/internal/workflow"
)

// TestStageSearchReadsItsStage searches a word in a quarter of the user's
// applications (1,500, more than a search walks for rather than reads its
// matches) within a stage that holds none of them but the five moved
// there after the index was built, within one that holds a tenth of its
// rows' worth, and within one that holds most of them, in every order:
// each search must find exactly what the list of the stage, in its order,
// holds of the word, page after page. In the first two stages each
// statement must read index ranges of the stage: a walk reads the index of the
// stage in the page's order (migration 00082), never the owner's index of
// the order past the other stages' rows; on PostgreSQL the word index's
// entries of the stage alone (migration 00081), so that no step reads as
// many rows as the word has matches in every stage. Another user holds
// the word in that first stage.
func TestStageSearchReadsItsStage(t *testing.T) {
	storagetest.Each(t, func(t *testing.T, db *storage.DB) {
		if !db.FullText() {
			t.Skip("SQLite without FTS5 (build with -tags sqlite_fts5): a search reads every row")
		}
		ctx := storagetest.Owner(t, db, "stages@example.com")
		other := storagetest.Owner(t, db, "other-stages@example.com")
		base := time.Date(2026, 3, 2, 9, 0, 0, 0, time.UTC)
		const n = 6000
		// acme in every fourth application; the stage by i%10: applied
		// (7 in 10), invited (2, one of which holds acme one time in
		// two), ghosted (1, odd i, so never acme).
		app := func(i int) storagetest.App {
			a := storagetest.App{Company: fmt.Sprintf("Globex %d", i%97), Status: workflow.Applied}
			if i%4 == 0 {
				a.Company = fmt.Sprintf("Acme %d", i%97)
			}
			switch i % 10 {
			case 7, 8:
				a.Status = workflow.Invited
			case 9:
				a.Status = workflow.Ghosted
			}
			a.Created = base.Add(time.Duration(i/2) * time.Second)
			a.Updated = a.Created
			a.Applied = base.Add(time.Duration(n-i/3) * time.Second)
			return a
		}
		storagetest.SeedApplications(t, db, ctx, n, app)
		storagetest.SeedApplications(t, db, other, 2000, func(i int) storagetest.App {
			a := app(i)
			a.Company, a.Status = "Acme", workflow.Ghosted
			return a
		})
		if err := db.IndexSeeded(ctx); err != nil {
			t.Fatal(err)
		}
		now := base.Add(time.Hour)
		svc := applications.NewService(db, func() time.Time { return now })
		// Five moves after the index was built: their words follow them.
		moved := 0
		for _, a := range storagetest.ListPages(t, ctx, svc, applications.ListFilter{Status: workflow.Applied, Limit: 200}) {
			if moved < 5 && strings.HasPrefix(a.Company, "Acme ") {
				if _, err := svc.Move(ctx, a.ID, applications.MoveInput{To: workflow.Ghosted}); err != nil {
					t.Fatal(err)
				}
				moved++
			}
		}
		uid, _ := applications.OwnerFrom(ctx)
		for _, stage := range []workflow.State{workflow.Ghosted, workflow.Invited, workflow.Applied} {
			for _, sort := range applications.ListSorts {
				var want []int64
				for _, a := range storagetest.ListPages(t, ctx, svc, applications.ListFilter{Status: stage, Sort: sort, Limit: 200}) {
					if strings.HasPrefix(a.Company, "Acme ") {
						want = append(want, a.ID)
					}
				}
				if least := map[workflow.State]int{workflow.Ghosted: 5, workflow.Invited: 300, workflow.Applied: 1000}[stage]; len(want) < least {
					t.Fatalf("stage %s: %d matches, want at least %d", stage, len(want), least)
				}
				f := applications.ListFilter{Query: "acme", Status: stage, Sort: sort, Limit: 50}
				var got []int64
				stmts := db.CaptureSQL(func() { got = storagetest.IDs(storagetest.ListPages(t, ctx, svc, f)) })
				if !slices.Equal(got, want) {
					t.Errorf("acme in stage %s by %s: %d applications, want %d (first %v, want %v)",
						stage, sort, len(got), len(want), got[:min(5, len(got))], want[:min(5, len(want))])
				}
				if stage != workflow.Applied {
					checkStageReads(t, db, uid, f, stmts)
				}
				if sort != applications.SortNewest && sort != applications.SortOldest {
					continue
				}
				// Newest or oldest first, every way a SQLite search in a
				// stage finds the rest of a page past the matches it
				// probed (searchStageInOrder) must find the same.
				ways, err := db.SearchWays(ctx, f)
				if err != nil {
					t.Fatal(err)
				}
				if !db.Postgres() && len(ways) < 6 {
					t.Errorf("acme in stage %s by %s: only the ways %v answered", stage, sort, slices.Collect(maps.Keys(ways)))
				}
				for name, ids := range ways {
					if !slices.Equal(ids, want) {
						t.Errorf("acme in stage %s by %s, %s: %d applications, want %d (first %v, want %v)",
							stage, sort, name, len(ids), len(want), ids[:min(5, len(ids))], want[:min(5, len(want))])
					}
				}
			}
		}
	})
}

// ownerOrderIndex matches the owner's indexes of an order without the
// stage, which a page in a stage walks past the other stages' rows.
var ownerOrderIndex = regexp.MustCompile(`applications_owner_(company|updated|applied)\b`)

// checkStageReads EXPLAINs the statements of a search in a stage that
// holds few of the word's matches (TestStageSearchReadsItsStage).
func checkStageReads(t *testing.T, db *storage.DB, uid int64, f applications.ListFilter, stmts []string) {
	t.Helper()
	ctx := applications.WithOwner(t.Context(), uid)
	var settings []string
	words := 0
	for _, s := range stmts {
		if strings.HasPrefix(s, "SELECT set_config(") {
			settings = append(settings, s)
			continue
		}
		if !strings.HasPrefix(s, "SELECT") && !strings.HasPrefix(s, "WITH") || !strings.Contains(s, "applications") {
			continue
		}
		name := fmt.Sprintf("acme in stage %s by %s", f.Status, f.Sort)
		plan, err := db.Plan(ctx, s, settings...)
		if err != nil {
			t.Fatalf("%s: explain %s: %v", name, s, err)
		}
		all := strings.Join(plan, "\n")
		for _, step := range plan {
			if fullScan.MatchString(strings.TrimSpace(step)) {
				t.Errorf("%s: %q reads a whole table or index:\n%s\nquery: %s", name, step, all, s)
			}
		}
		if ownerOrderIndex.MatchString(all) || db.Postgres() && strings.Contains(all, "applications_owner_id ") {
			t.Errorf("%s: walks the owner's index of the order past the other stages' rows:\n%s\nquery: %s", name, all, s)
		}
		if !db.Postgres() {
			if strings.Contains(s, "application_words MATCH") {
				words++
				if !strings.Contains(all, "VIRTUAL TABLE INDEX") {
					t.Errorf("%s: the search does not use the full-text index:\n%s\nquery: %s", name, all, s)
				}
				// Newest or oldest first, the stage of a match is tested
				// in the index of the stage in id order, not in its row:
				// a stage that holds none of a common word's matches had
				// every one of them read (searchStageInOrder).
				if (f.Sort == applications.SortNewest || f.Sort == applications.SortOldest) && !strings.Contains(all, "applications_owner_status_id") {
					t.Errorf("%s: tests the stage of each match from its row, not the stage's index:\n%s\nquery: %s", name, all, s)
				}
			}
			continue
		}
		// Run as the search runs it, it reads no more rows than the
		// stage holds matches, far fewer than the word's 1,500.
		plan, err = db.Analyze(ctx, s, settings...)
		if err != nil {
			t.Fatal(err)
		}
		all = strings.Join(plan, "\n")
		for _, step := range plan {
			if n, ok := stepRows(step); ok && n >= 1000 {
				t.Errorf("%s: a step reads %d rows, as many as the word's matches in every stage:\n%s\nquery: %s", name, n, all, s)
				break
			}
		}
		if strings.Contains(all, "applications_stage_words") {
			words++
			if !strings.Contains(s, fmt.Sprintf("stage_query('%019d', '%s', 'acme')", uid, f.Status)) {
				t.Errorf("%s: the word index is not read for the stage alone:\n%s", name, s)
			}
		}
	}
	if words == 0 {
		t.Errorf("acme in stage %s by %s: no statement read the word index: %q", f.Status, f.Sort, stmts)
	}
}
