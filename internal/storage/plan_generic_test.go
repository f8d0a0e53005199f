package storage_test

import (
	"fmt"
	"strings"
	"testing"
	"time"

	"tracker/internal/applications"
	"tracker/internal/storage"
	"tracker/internal/storage/storagetest"
)

// TestSearchWordReadsKeepOnePlan checks that the PostgreSQL search's reads
// of the word index, which run on one generic plan (planned once rather
// than for every search's values: planning took four times as long as
// running them for a user with 1,000 applications), read the owner's
// matches through the word index whatever the values are: the generic
// plan of each, under the settings the search sends with it, is a bitmap
// scan of applications_stage_words with the placeholders in its
// condition, and reads no table or other index of applications.
func TestSearchWordReadsKeepOnePlan(t *testing.T) {
	storagetest.Each(t, func(t *testing.T, db *storage.DB) {
		if !db.Postgres() {
			t.Skip("SQLite searches its FTS5 index (TestQueriesUseIndexes)")
		}
		ctx := storagetest.Owner(t, db, "generic@example.com")
		now := time.Date(2026, 3, 2, 9, 0, 0, 0, time.UTC)
		seedPlan(t, ctx, db, now)
		uid, _ := applications.OwnerFrom(ctx)
		n := 0
		for _, f := range []applications.ListFilter{
			{Query: "company 11", Limit: 50},
			{Query: "engineer", Sort: applications.SortUpdated, Limit: 50},
			{Query: "comp", Sort: applications.SortCompany, Limit: 50},
		} {
			settings, stmts, values := storage.SearchWordReads(uid, f)
			for i, q := range stmts {
				n++
				name := fmt.Sprintf("word_read_%d_%d", time.Now().UnixNano(), n)
				plan, err := db.Plan(ctx, "EXECUTE "+name+"("+values[i]+")", settings, "PREPARE "+name+" AS "+q)
				if err != nil {
					t.Fatalf("%+v: explain %s: %v", f, q, err)
				}
				all := strings.Join(plan, "\n")
				if !strings.Contains(all, "Bitmap Index Scan on applications_stage_words") || !strings.Contains(all, "stage_query($1, $2, $3)") {
					t.Errorf("%+v: the generic plan does not read the word index by the search's values:\n%s\nquery: %s", f, all, q)
				}
				for _, step := range plan {
					step = strings.TrimSpace(step)
					if fullScan.MatchString(step) || strings.Contains(step, "Index Scan") && !strings.Contains(step, "Bitmap Index Scan on applications_stage_words") {
						t.Errorf("%+v: %q reads applications otherwise than through the word index:\n%s\nquery: %s", f, step, all, q)
					}
				}
			}
		}
	})
}
