package storage_test

import (
	"context"
	"slices"
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
		matches := map[string]func(a applications.Application) bool{
			"engineer": func(applications.Application) bool { return true },
			"acm":      func(a applications.Application) bool { return a.Company[:4] == "Acme" },
			"oslo":     func(a applications.Application) bool { return a.Location == "Oslo" },
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
func pages(t *testing.T, ctx context.Context, svc *applications.Service, f applications.ListFilter) []applications.Application {
	t.Helper()
	f.Limit = 200
	var out []applications.Application
	for {
		p, err := svc.List(ctx, f)
		if err != nil {
			t.Fatal(err)
		}
		out = append(out, p.Items...)
		if p.NextCursor == "" {
			return out
		}
		f.Cursor = p.NextCursor
	}
}
