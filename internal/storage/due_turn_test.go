package storage_test

import (
	"context"
	"strconv"
	"strings"
	"testing"
	"time"

	"tracker/internal/applications"
	"tracker/internal/decline"
	"tracker/internal/storage"
	"tracker/internal/storage/storagetest"
)

// seedDueClasses writes n applications of the user in ctx with a due
// time each, a third critical, a third overdue and a third due soon at
// now, with the user's settings.
func seedDueClasses(t *testing.T, db *storage.DB, ctx context.Context, n int, now time.Time) {
	t.Helper()
	uid, _ := applications.OwnerFrom(ctx)
	days := 9
	if _, err := applications.NewService(db, time.Now).UpdateSettings(ctx, applications.SettingsPatch{NoReplyDays: &days}); err != nil {
		t.Fatal(err)
	}
	if err := db.ExecTx(ctx, `WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < ?)
		INSERT INTO applications (owner_id, company, role, status, applied_at, created_at, updated_at)
		SELECT ?, 'Company ' || i, 'Engineer', 'invited', ?, ?, ? FROM n`, n, uid, now, now, now); err != nil {
		t.Fatal(err)
	}
	s := now.Unix()
	for _, class := range []struct {
		rest             int
		kind             string
		due, shows, crit string
	}{
		{0, "response", "@ - 3600 - id / 2", "@ - 86400", "@ - 60"},       // critical
		{1, "no_reply", "@ - 7200 - id / 2", "@ - 7200 - id / 2", "NULL"}, // overdue
		{2, "response", "@ + 3600 + id / 2", "@ - 60", "NULL"},            // due soon
	} {
		// @ is now in Unix seconds.
		at := func(e string) string { return strings.ReplaceAll(e, "@", strconv.FormatInt(s, 10)) }
		if err := db.ExecTx(ctx, `INSERT INTO warning_due (application_id, owner_id, kind, invitation_id, due_at, shows_at, critical_at, interview_at)
			SELECT id, owner_id, '`+class.kind+`', 0, `+at(class.due)+`, `+at(class.shows)+`, `+at(class.crit)+`, NULL
			FROM applications WHERE owner_id = ? AND id % 3 = ?`, uid, class.rest); err != nil {
			t.Fatal(err)
		}
	}
}

// TestDueRangesInTurn checks what the warnings' one statement relies on
// to read the ranges of its classes in turn, without sorting them: that
// PostgreSQL runs them one after the other (an Append, each range in its
// own order) even where it may use parallel workers (the URL may set
// max_parallel_workers_per_gather, which the tracker otherwise sets to
// 0), here priced at nothing. A Parallel Append would run the ranges side
// by side and hand their rows on as the workers find them; PostgreSQL
// plans none, as no range may run in a worker: each carries the settings'
// subquery, which only the leader runs, and a page's is a subquery with a
// LIMIT, which PostgreSQL never gives to a worker. SQLite runs the parts
// of a UNION ALL in turn. Should a plan ever interleave them, the
// warnings fail with an error rather than page wrongly.
func TestDueRangesInTurn(t *testing.T) {
	db, _ := storagetest.Postgres(t)
	ctx := storagetest.Owner(t, db, "due-parallel@example.com")
	now := time.Now().UTC().Truncate(time.Second)
	seedDueClasses(t, db, ctx, 3000, now)
	if err := db.ExecTx(ctx, "ANALYZE"); err != nil {
		t.Fatal(err)
	}
	for _, limit := range []int{50, 0} {
		q := applications.DueQuery{Now: now, Classes: []decline.Severity{decline.Critical, decline.Overdue, decline.DueSoon}, Limit: limit}
		plan, err := db.PlanOfDueClasses(ctx, q, "SET LOCAL max_parallel_workers_per_gather = 2",
			"SET LOCAL parallel_setup_cost = 0", "SET LOCAL parallel_tuple_cost = 0",
			"SET LOCAL min_parallel_table_scan_size = 0", "SET LOCAL min_parallel_index_scan_size = 0")
		if err != nil {
			t.Fatal(err)
		}
		all := strings.Join(plan, "\n")
		top := strings.TrimSpace(plan[0])
		if limit > 0 {
			top = strings.TrimSpace(strings.TrimPrefix(strings.TrimSpace(plan[1]), "->"))
		}
		// Workers were planned (within a range, kept in order by a
		// Gather Merge), so they could have been for the ranges too.
		if !strings.Contains(all, "Workers Planned") || !strings.HasPrefix(top, "Append") ||
			strings.Contains(all, "Parallel Append") || strings.Contains(all, "Gather  (") {
			t.Errorf("limit %d: the ranges are not an Append in turn:\n%s", limit, all)
		}
	}
}
