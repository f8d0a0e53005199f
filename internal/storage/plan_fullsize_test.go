package storage_test

import (
	"context"
	"os"
	"regexp"
	"strconv"
	"strings"
	"testing"
	"time"

	"tracker/internal/applications"
	"tracker/internal/storage"
)

// TestPlansAtFullSize prints what PostgreSQL's EXPLAIN (ANALYZE, BUFFERS)
// says of every list, search and warnings statement of the plan tests on
// a database the benchmark seeded (go run ./bench -postgres URL), under
// the planner's own choices and the user's real statistics, which the
// small tables of TestQueriesUseIndexes cannot show. It runs only when
// asked for, and checks nothing the plan tests do not; it reports:
//
//	TRACKER_PLAN_DSN='postgres://.../bench?search_path=tracker_bench' TRACKER_PLAN_OWNER=1001 \
//	  go test -tags sqlite_fts5 ./internal/storage -run TestPlansAtFullSize -v
//
// (user 1001 is the benchmark's big user, with 1,000,000 applications).
func TestPlansAtFullSize(t *testing.T) {
	dsn, who := os.Getenv("TRACKER_PLAN_DSN"), os.Getenv("TRACKER_PLAN_OWNER")
	if dsn == "" || who == "" {
		t.Skip("set TRACKER_PLAN_DSN and TRACKER_PLAN_OWNER to explain the plans of a seeded database")
	}
	uid, err := strconv.ParseInt(who, 10, 64)
	if err != nil {
		t.Fatal(err)
	}
	ctx := context.Background()
	db, err := storage.Open(ctx, dsn)
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	ctx = applications.WithOwner(ctx, uid)
	svc := applications.NewService(db, time.Now)
	calls := planCalls(ctx, svc, "acme 11", "acme", "engineer", "berlin sam", "engineér")
	calls["warnings page"] = func() error {
		f := applications.WarningFilter{Limit: 50}
		for range 3 {
			p, err := svc.WarningsPage(ctx, f)
			if err != nil || p.NextCursor == "" {
				return err
			}
			f.Cursor = p.NextCursor
		}
		return nil
	}
	took := regexp.MustCompile(`Execution Time: ([0-9.]+) ms`)
	for name, call := range calls {
		var err error
		began := time.Now()
		stmts := db.CaptureSQL(func() { err = call() })
		if err != nil {
			t.Fatalf("%s: %v", name, err)
		}
		t.Logf("=== %s: %d statements, %.1f ms in all", name, len(stmts), float64(time.Since(began).Microseconds())/1000)
		var settings []string
		for _, s := range stmts {
			if strings.HasPrefix(s, "SELECT set_config(") {
				settings = append(settings, s)
				continue
			}
			if !strings.HasPrefix(s, "SELECT") {
				continue
			}
			plan, err := db.Analyze(ctx, s, settings...)
			if err != nil {
				t.Fatalf("%s: explain %s: %v", name, s, err)
			}
			all := strings.Join(plan, "\n")
			ms := ""
			if m := took.FindStringSubmatch(all); m != nil {
				ms = m[1] + " ms"
			}
			t.Logf("--- %s\n%s\n%s", ms, s, all)
		}
	}
}
