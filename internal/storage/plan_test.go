package storage_test

import (
	"context"
	"fmt"
	"regexp"
	"strings"
	"testing"
	"time"

	"tracker/internal/applications"
	"tracker/internal/storage"
	"tracker/internal/storage/storagetest"
	"tracker/internal/workflow"
)

// fullScan matches a plan step that reads a whole table: SQLite's "SCAN t"
// (but not the scan of a full-text index), PostgreSQL's "Seq Scan on t".
var fullScan = regexp.MustCompile(`^SCAN (\w+)( USING (COVERING )?INDEX \w+)?$|Seq Scan on (\w+)`)

// pgSort matches a PostgreSQL plan step that sorts rows.
var pgSort = regexp.MustCompile(`(?m)^\s*(->\s+)?(Incremental )?Sort\b`)

// TestQueriesUseIndexes runs the list (each order, first and later pages,
// filtered by stage), the search, the warnings (whole and paged) and a
// decline preview as the service runs them, captures every statement, and
// EXPLAINs each one that reads applications, their names or the due times:
// none may read a whole table, nor walk the user's whole index where a
// range would do.
func TestQueriesUseIndexes(t *testing.T) {
	storagetest.Each(t, func(t *testing.T, db *storage.DB) {
		ctx := storagetest.Owner(t, db, "plan@example.com")
		now := time.Date(2026, 3, 2, 9, 0, 0, 0, time.UTC)
		svc := applications.NewService(db, func() time.Time { return now })
		seedPlan(t, ctx, db, now)
		calls := planCalls(ctx, svc, "company 11", "engineer", "notes compa", "company 1", "engineér")
		for name, call := range calls {
			var err error
			stmts := db.CaptureSQL(func() { err = call() })
			if err != nil {
				t.Fatalf("%s: %v", name, err)
			}
			// A search of a rare word sorts what it found, and the warnings
			// of a list page the few it looked up by key.
			inOrder := !strings.HasPrefix(name, "search") && name != "warnings of a list page" || strings.HasSuffix(name, "(many)")
			checkPlans(t, ctx, db, name, stmts, inOrder)
		}
	})
}

// planCalls are the service's calls whose statements the plan tests
// explain, by name: the warnings, each list order, and a search of each
// of queries in each order, the first and last rare, the others common
// ("(many)" in their name).
func planCalls(ctx context.Context, svc *applications.Service, queries ...string) map[string]func() error {
	calls := map[string]func() error{
		"warnings page":           func() error { return allWarningPages(ctx, svc, "") },
		"warnings page of a kind": func() error { return allWarningPages(ctx, svc, applications.WarningResponse) },
		"warnings of a list page": func() error {
			page, err := svc.List(ctx, applications.ListFilter{Limit: 50})
			if err != nil {
				return err
			}
			ids := make([]int64, len(page.Items))
			for i, a := range page.Items {
				ids[i] = a.ID
			}
			_, err = svc.WarningsOf(ctx, ids)
			return err
		},
		"one application's warnings": func() error {
			page, err := svc.List(ctx, applications.ListFilter{Status: workflow.Invited, Limit: 1})
			if err == nil {
				_, err = svc.ApplicationWarnings(ctx, page.Items[0].ID)
			}
			return err
		},
	}
	for _, sort := range applications.ListSorts {
		calls["list "+string(sort)] = func() error { return allListPages(ctx, svc, applications.ListFilter{Sort: sort}) }
	}
	calls["list by stage"] = func() error {
		return allListPages(ctx, svc, applications.ListFilter{Status: workflow.Invited})
	}
	// A rare word in every order; words that match every application
	// (many), and fewer than many but a good share of them ("company
	// 1", 555 of 2,000, as "acme" is 625 of the benchmark's 10,000), in
	// every order: those must read the user's rows in the list's order
	// and stop at the page's end; a word beyond ASCII, which a walk
	// leaves to the full-text index.
	for _, sort := range applications.ListSorts {
		for _, q := range queries {
			name := "search " + q + " by " + string(sort)
			if q != queries[0] && q != queries[len(queries)-1] {
				name += " (many)"
			}
			calls[name] = func() error { return allListPages(ctx, svc, applications.ListFilter{Query: q, Sort: sort}) }
		}
	}
	// 400 matches in the stage: fewer than make a walk pay, so sorted.
	calls["search by stage"] = func() error {
		return allListPages(ctx, svc, applications.ListFilter{Query: "comp", Status: workflow.Invited, Sort: applications.SortUpdated})
	}
	// An export: a batch at a time, in order of id, from the owner's index.
	calls["export"] = func() error {
		return svc.Export(ctx, func(*applications.Detail) error { return nil })
	}
	// A letter naming another application: the checker's names are
	// looked up by key, then each found with its newest application.
	calls["decline preview"] = func() error {
		page, err := svc.List(ctx, applications.ListFilter{Status: workflow.Invited, Limit: 1})
		if err != nil {
			return err
		}
		body := "Dear team,\n\nThank you. I decline the role at Company 7 and at Company 8.\n\nSam"
		_, err = svc.PreviewDecline(ctx, page.Items[0].ID, applications.DeclineInput{Reason: "timing", SenderName: "Sam", Body: &body})
		return err
	}
	// The calendar feed: the interviews and the answers and follow-ups
	// due, each from an index of what it shows.
	calls["calendar feed"] = func() error {
		n := 0
		err := svc.Calendar(ctx, func(*applications.CalendarItem) error { n++; return nil })
		if err == nil && n < 1200 { // 400 interviews of each of two stages, 400 answers, 400 follow-ups
			err = fmt.Errorf("the feed has %d items, want 1,600", n)
		}
		return err
	}
	return calls
}

// checkPlans EXPLAINs the statements that read applications or due times,
// under the settings the statements before them made. With inOrder they
// must also read them in the order asked for, so that a page stops at its
// limit instead of sorting all of the user's rows (or all of a search's
// many matches); a search of a rare word sorts what it found. A search
// must use the full-text index where there is one (not on a SQLite build
// without FTS5, which reads the user's rows with LIKE).
func checkPlans(t *testing.T, ctx context.Context, db *storage.DB, name string, stmts []string, inOrder bool) {
	t.Helper()
	checked, searched := 0, false
	var settings []string
	for _, s := range stmts {
		if strings.HasPrefix(s, "SELECT set_config(") {
			settings = append(settings, s)
			continue
		}
		if !(strings.HasPrefix(s, "SELECT") || strings.HasPrefix(s, "WITH")) || !(strings.Contains(s, "applications") || strings.Contains(s, "warning_due") ||
			strings.Contains(s, "application_names")) {
			continue
		}
		plan, err := db.Plan(ctx, s, settings...)
		if err != nil {
			t.Fatalf("%s: explain %s: %v", name, s, err)
		}
		all := strings.Join(plan, "\n")
		// A subquery with a LIMIT of its own runs as a co-routine on
		// SQLite, whose few rows (a decline's recent letters, at most
		// applications.RecentLetters of each stage) are scanned and
		// sorted: neither reads a table.
		coroutines, sorted := map[string]bool{}, false
		for i, step := range plan {
			step = strings.TrimSpace(step)
			if co, ok := strings.CutPrefix(step, "CO-ROUTINE "); ok {
				coroutines[co] = true
			}
			m := fullScan.FindStringSubmatch(step)
			if m != nil && m[2] == "" && coroutines[m[1]] {
				continue
			}
			if m != nil {
				t.Errorf("%s: %q reads a whole table or index:\n%s\nquery: %s", name, step, all, s)
			}
			if step == "USE TEMP B-TREE FOR ORDER BY" {
				prev := fullScan.FindStringSubmatch(strings.TrimSpace(plan[max(i-1, 0)]))
				sorted = sorted || prev == nil || prev[2] != "" || !coroutines[prev[1]]
			}
		}
		// (PostgreSQL's warnings sort the few rows of a range.)
		// (On PostgreSQL a search's walk in id order runs on a generic plan,
		// which takes the owner's index; its statement explained with the
		// values in place may instead sort a short range of ids that the
		// planner knows the length of.)
		if inOrder && (sorted ||
			strings.HasPrefix(name, "search") && pgSort.MatchString(all) && !pkeyRange.MatchString(all)) {
			t.Errorf("%s: sorts the user's rows instead of reading them in order:\n%s\nquery: %s", name, all, s)
		}
		if step := pkeyWalk(plan); step != "" && (strings.HasPrefix(name, "list") || strings.HasPrefix(name, "search") || name == "export") {
			t.Errorf("%s: %q walks the primary key and filters the user's rows:\n%s\nquery: %s", name, step, all, s)
		}
		// A page of warnings reads the due times from their index alone
		// on PostgreSQL (migration 00064).
		if strings.Contains(s, "FROM warning_due") && strings.Contains(s, " LIMIT ") && strings.Contains(all, " on warning_due") &&
			!strings.Contains(all, "Index Only Scan using warning_due_owner_due") {
			t.Errorf("%s: reads the due times' table, not their index alone:\n%s\nquery: %s", name, all, s)
		}
		if name == "calendar feed" && (!strings.Contains(all, "invitations_owner_calendar") || !strings.Contains(all, "warning_due_owner_todo") ||
			strings.Contains(all, "Hash Join") || strings.Contains(all, "Merge Join") || strings.Contains(all, "Heap Scan on applications") || pkeyWalk(plan) != "") {
			t.Errorf("%s: does not read the interviews and the due times from their indexes, each application by key:\n%s\nquery: %s", name, all, s)
		}
		// A page newest or oldest first reads the owner's index alone
		// (migration 00077), not each row's table entry as well.
		if (name == "list newest" || name == "list oldest") && !usesCovering(db, all) {
			t.Errorf("%s: reads the table's rows, not the list's columns from applications_owner_id:\n%s\nquery: %s", name, all, s)
		}
		if strings.Contains(s, "application_words") && !strings.Contains(all, "VIRTUAL TABLE INDEX") {
			t.Errorf("%s: the search does not use the full-text index:\n%s\nquery: %s", name, all, s)
		}
		if strings.Contains(all, "applications_stage_words") || strings.Contains(all, "VIRTUAL TABLE INDEX") {
			searched = true
		}
		checked++
	}
	if checked == 0 {
		t.Fatalf("%s: no statement read applications; the test checks nothing", name)
	}
	// A rare word is found through the full-text index (a common one may
	// better be read along the user's own index, as PostgreSQL does).
	if strings.HasPrefix(name, "search company 11") && db.FullText() && !searched {
		t.Errorf("%s: no statement used the full-text index", name)
	}
}

// pkeyRange matches a PostgreSQL plan step that reads a range of the
// applications' primary key.
var pkeyRange = regexp.MustCompile(`using applications_pkey on applications\b.*\n\s*Index Cond: \(id [<>]`)

// pkeyWalk returns the step of a PostgreSQL plan that walks the
// applications' primary key in the page's order, filtering the user's rows
// out of everyone's until the page is full: how long that takes depends
// on where the user's rows are, which the planner does not know. A plan
// that looks ids up (an index condition id = ...), or reads a range of
// them and sorts it (a range the planner knows the length of), passes.
func pkeyWalk(plan []string) string {
	if pgSort.MatchString(strings.Join(plan, "\n")) {
		return ""
	}
	for i, step := range plan {
		if !strings.Contains(step, " using applications_pkey on ") {
			continue
		}
		for _, next := range plan[i+1:] {
			next = strings.TrimSpace(next)
			if strings.HasPrefix(next, "->") {
				break
			}
			if strings.HasPrefix(next, "Index Cond: (id = ") || strings.HasPrefix(next, "Index Cond: (applications.id = ") {
				return ""
			}
		}
		return strings.TrimSpace(step)
	}
	return ""
}

// TestSkewedOwnerListsInOrder checks the list in every order, and a stage
// newest and oldest first, for a user who owns most of the applications,
// all after the other users' rows (as the benchmark's user with 1,000,000
// after 1,000 users with 1,000): with the statistics saying so, PostgreSQL
// walked the primary key oldest first, filtering out every other user's
// row before the first of this user's. Each page must be an index range
// over the user's rows in the page's order, and the pages must hold the
// user's rows in that order.
func TestSkewedOwnerListsInOrder(t *testing.T) {
	storagetest.Each(t, func(t *testing.T, db *storage.DB) {
		now := time.Date(2026, 3, 2, 9, 0, 0, 0, time.UTC)
		other := storagetest.Owner(t, db, "others@example.com")
		ctx := storagetest.Owner(t, db, "most@example.com")
		for _, seed := range []struct {
			ctx context.Context
			n   int
		}{{other, 2000}, {ctx, 20000}} {
			uid, _ := applications.OwnerFrom(seed.ctx)
			err := db.ExecTx(seed.ctx, `WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < ?)
				INSERT INTO applications (owner_id, company, role, notes, status, applied_at, created_at, updated_at)
				SELECT ?, 'Company ' || i, 'Engineer', 'notes', CASE WHEN i % 5 = 0 THEN 'invited' ELSE 'applied' END, ?, ?, ? FROM n`,
				seed.n, uid, now, now, now)
			if err != nil {
				t.Fatalf("seed: %v", err)
			}
		}
		if err := db.ExecTx(ctx, "ANALYZE"); err != nil {
			t.Fatal(err)
		}
		svc := applications.NewService(db, func() time.Time { return now })
		calls := map[string]applications.ListFilter{"list by stage oldest": {Status: workflow.Invited, Sort: applications.SortOldest}}
		for _, sort := range applications.ListSorts {
			calls["list "+string(sort)] = applications.ListFilter{Sort: sort}
		}
		calls["list by stage"] = applications.ListFilter{Status: workflow.Invited}
		for name, f := range calls {
			var err error
			stmts := db.CaptureSQL(func() { err = allListPages(ctx, svc, f) })
			if err != nil {
				t.Fatalf("%s: %v", name, err)
			}
			checkPlans(t, ctx, db, name, stmts, true)
		}
		for _, f := range []applications.ListFilter{{Sort: applications.SortOldest}, {Sort: applications.SortNewest}, {Status: workflow.Invited, Sort: applications.SortOldest}} {
			f.Limit = 50
			var last int64
			for range 2 {
				p, err := svc.List(ctx, f)
				if err != nil {
					t.Fatal(err)
				}
				for _, a := range p.Items {
					if last != 0 && (f.Sort == applications.SortOldest) != (a.ID > last) {
						t.Fatalf("%+v: %d after %d", f, a.ID, last)
					}
					if f.Status != "" && a.Status != f.Status {
						t.Fatalf("%+v: %d is %s", f, a.ID, a.Status)
					}
					last = a.ID
				}
				if len(p.Items) != 50 {
					t.Fatalf("%+v: %d applications, want 50", f, len(p.Items))
				}
				f.Cursor = p.NextCursor
			}
		}
	})
}

func allWarningPages(ctx context.Context, svc *applications.Service, kind string) error {
	f := applications.WarningFilter{Limit: 7, Kind: kind}
	for {
		p, err := svc.WarningsPage(ctx, f)
		if err != nil || p.NextCursor == "" {
			return err
		}
		f.Cursor = p.NextCursor
	}
}

func allListPages(ctx context.Context, svc *applications.Service, f applications.ListFilter) error {
	f.Limit = 50
	for range 3 {
		p, err := svc.List(ctx, f)
		if err != nil || p.NextCursor == "" {
			return err
		}
		f.Cursor = p.NextCursor
	}
	return nil
}

// seedPlan writes 2,000 applications for the user in ctx, and as many
// for another user, with something due of each kind, then has the
// databases gather statistics.
func seedPlan(t *testing.T, ctx context.Context, db *storage.DB, now time.Time) {
	t.Helper()
	other := storagetest.Owner(t, db, "other@example.com")
	for _, c := range []context.Context{ctx, other} {
		uid, _ := applications.OwnerFrom(c)
		for i, status := range []string{"invited", "applied", "declined", "scheduled", "offered"} {
			received := now.Add(-time.Duration(i*13) * time.Hour)
			steps := []struct {
				q    string
				args []any
			}{
				{`WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < 400)
				  INSERT INTO applications (owner_id, company, role, notes, status, applied_at, created_at, updated_at)
				  SELECT ?, 'Company ' || i, 'Engineer', 'notes', ?, ?, ?, ? FROM n`, []any{uid, status, received, received, received}},
				{`INSERT INTO history (application_id, from_status, to_status, at, note)
				  SELECT id, '', status, ?, 'created' FROM applications WHERE owner_id = ? AND status = ?`, []any{received, uid, status}},
				{`INSERT INTO invitations (application_id, owner_id, received_at, interview_at, format, round, message, response)
				  SELECT id, owner_id, ?, ?, 'video', 1, '', CASE status WHEN 'invited' THEN 'pending' ELSE 'accepted' END
				  FROM applications WHERE owner_id = ? AND status = ? AND status IN ('invited', 'scheduled')`, []any{received, now.Add(time.Hour), uid, status}},
				{`INSERT INTO letters (application_id, kind, channel, tone, body, sent_at, created_at)
				  SELECT id, 'decline', 'email', 'formal', 'Body', ?, ? FROM applications WHERE owner_id = ? AND status = 'declined'`, []any{received, received, uid}},
			}
			for _, s := range steps {
				if err := db.ExecTx(c, s.q, s.args...); err != nil {
					t.Fatalf("seed: %v", err)
				}
			}
		}
		if err := db.InTx(c, func(c context.Context) error { return db.RefreshDue(c, 0) }); err != nil {
			t.Fatal(err)
		}
	}
	if err := db.RebuildSearch(ctx); err != nil {
		t.Fatal(err)
	}
	if err := db.FileNames(ctx); err != nil {
		t.Fatal(err)
	}
	if err := db.ExecTx(ctx, "ANALYZE"); err != nil {
		t.Fatal(err)
	}
}

// TestFewMatchesSortedNotWalked checks that a SQLite search in another
// order than by id with fewer matches than make a walk pay (55 of 2,000:
// "company 11" is Company 11 and 110-119 in five stages), though more than
// a page, reads its matches through the full-text index and sorts them,
// and does not walk the list's own index for them.
func TestFewMatchesSortedNotWalked(t *testing.T) {
	storagetest.Each(t, func(t *testing.T, db *storage.DB) {
		if !db.SearchesWithFTS5() {
			t.Skip("PostgreSQL walks the list's own index first for every search (searchPostgres)")
		}
		ctx := storagetest.Owner(t, db, "few@example.com")
		now := time.Date(2026, 3, 2, 9, 0, 0, 0, time.UTC)
		svc := applications.NewService(db, func() time.Time { return now })
		seedPlan(t, ctx, db, now)
		for _, sort := range applications.ListSorts[2:] {
			var page *applications.Page
			var err error
			stmts := db.CaptureSQL(func() {
				page, err = svc.List(ctx, applications.ListFilter{Query: "company 11", Sort: sort, Limit: 50})
			})
			if err != nil {
				t.Fatal(err)
			}
			if len(page.Items) != 50 {
				t.Fatalf("by %s: %d applications, want a full page of 50", sort, len(page.Items))
			}
			read := 0
			for _, s := range stmts {
				if !strings.HasPrefix(s, "SELECT") || !strings.Contains(s, "applications") {
					continue
				}
				plan, err := db.Plan(ctx, s)
				if err != nil {
					t.Fatal(err)
				}
				all := strings.Join(plan, "\n")
				if strings.Contains(all, "applications_owner_") {
					t.Errorf("by %s: walks the list's index for 55 matches:\n%s\nquery: %s", sort, all, s)
				}
				if !strings.Contains(all, "VIRTUAL TABLE INDEX") {
					t.Errorf("by %s: reads applications without the full-text index:\n%s\nquery: %s", sort, all, s)
				}
				read++
			}
			if read == 0 {
				t.Fatalf("by %s: no statement read applications; the test checks nothing", sort)
			}
		}
	})
}
