package storage_test

import (
	"strconv"
	"strings"
	"testing"
	"time"

	"tracker/internal/applications"
	"tracker/internal/storage"
	"tracker/internal/storage/storagetest"
	"tracker/internal/workflow"
)

// TestSearchWalksPastSparseRows is the big user's search after a load run:
// a common word (2,530 applications at Acme, of 4,000) whose newest rows
// in the list's order are mostly ones that do not match (1,500 changed or
// added since, one in 50 at Acme), so that the first 1,000 rows walked
// hold some matches but not a page. Every page, in every order, in a
// stage and not, must hold what the list holds, filtered, in its order.
// The first page sorted by the time changed must walk on along the
// owner's index of that time, in its order, and stop: on SQLite without
// gathering every match of the word into a set (which costs a quarter of
// a microsecond for each of them, 62,500 for the user with 1,000,000
// applications), on PostgreSQL (with statistics) without reading the word
// index, whose cost grows with the matches too, and without any step that
// reads as many rows as there are matches.
func TestSearchWalksPastSparseRows(t *testing.T) {
	storagetest.Each(t, func(t *testing.T, db *storage.DB) {
		ctx := storagetest.Owner(t, db, "sparse@example.com")
		base := time.Date(2026, 3, 2, 9, 0, 0, 0, time.UTC)
		storagetest.SeedApplications(t, db, ctx, 4000, func(i int) storagetest.App {
			a := storagetest.App{Company: "Globex " + strconv.Itoa(i%97), Status: workflow.Invited}
			if i < 2500 || i%50 == 0 {
				a.Company = "Acme " + strconv.Itoa(i%97)
			}
			if i%2 == 0 {
				a.Status = workflow.Applied
			}
			at := base.Add(time.Duration(i) * time.Second)
			a.Applied, a.Created, a.Updated = at, at, at
			return a
		})
		if err := db.IndexSeeded(ctx); err != nil {
			t.Fatal(err)
		}
		svc := applications.NewService(db, func() time.Time { return base })
		for _, sort := range applications.ListSorts {
			for _, status := range []workflow.State{"", workflow.Invited} {
				checkSearchAsList(t, ctx, svc, applications.ListFilter{Query: "acme", Sort: sort, Status: status}, "Acme", 1000, 50, 7)
			}
		}
		if !db.FullText() {
			return
		}
		var err error
		stmts := db.CaptureSQL(func() {
			_, err = svc.List(ctx, applications.ListFilter{Query: "acme", Sort: applications.SortUpdated, Limit: 50})
		})
		if err != nil {
			t.Fatal(err)
		}
		var settings []string
		walked := false
		for _, s := range stmts {
			if strings.HasPrefix(s, "SELECT set_config(") {
				settings = append(settings, s)
				continue
			}
			if !db.Postgres() {
				if strings.Contains(s, "+applications.id IN (SELECT rowid FROM application_words") {
					t.Errorf("gathers every match of the word to test the walk's rows against: %s", s)
				}
				plan, err := db.Plan(ctx, s)
				if err != nil {
					t.Fatal(err)
				}
				all := strings.Join(plan, "\n")
				if strings.Contains(all, "USE TEMP B-TREE FOR ORDER BY") {
					t.Errorf("sorts instead of walking in order:\n%s\nquery: %s", all, s)
				}
				walked = walked || strings.Contains(all, "applications_owner_updated")
				continue
			}
			plan, err := db.Analyze(ctx, s, settings...)
			if err != nil {
				t.Fatal(err)
			}
			all := strings.Join(plan, "\n")
			if strings.Contains(all, "applications_stage_words") || pgSort.MatchString(all) {
				t.Errorf("reads the word index or sorts instead of walking on:\n%s\nquery: %s", all, s)
			}
			for _, step := range plan {
				if n, ok := stepRows(step); ok && n >= 2500 {
					t.Errorf("a step reads %d rows, as many as the matches:\n%s\nquery: %s", n, all, s)
					break
				}
			}
			walked = walked || strings.Contains(all, "applications_owner_updated")
		}
		if !walked {
			t.Errorf("no statement walked the owner's index of the time changed: %q", stmts)
		}
	})
}
