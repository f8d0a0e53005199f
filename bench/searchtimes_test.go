package main

import (
	"context"
	"database/sql"
	"encoding/json"
	"fmt"
	"net/http"
	"os"
	"path/filepath"
	"runtime/pprof"
	"slices"
	"strconv"
	"sync"
	"testing"
	"time"

	"tracker/internal/storage"
)

// TestSearchTimes times the searches that matter, one request at a time
// through the tracker's router in this process, for a user with 1,000
// applications and one with TRACKER_SEARCH_BIG (200,000 unless set), after
// the writes a load run leaves at the top of the big user's list (new
// applications that match no seeded word, and moves, which change the
// time changed): the state in which a search sorted by that time has to
// walk past rows that do not match. It runs only when TRACKER_SEARCH_TIMES
// names a file to append its JSON lines to, on SQLite in
// TRACKER_SEARCH_DIR (a database seeded there before is used again) or on
// PostgreSQL when TRACKER_SEARCH_POSTGRES is a URL whose search_path names
// the schema (seeded when it has no applications yet). It asserts nothing
// about time: it is for comparing two builds on the same data. Besides the
// latency it reports the CPU time of this process a request (on SQLite
// the whole of it; on PostgreSQL without the server's), steadier than the
// latency on a busy machine.
func TestSearchTimes(t *testing.T) {
	out := os.Getenv("TRACKER_SEARCH_TIMES")
	if out == "" {
		t.Skip("TRACKER_SEARCH_TIMES is not set")
	}
	ctx := context.Background()
	big := 200000
	if s := os.Getenv("TRACKER_SEARCH_BIG"); s != "" {
		n, err := strconv.Atoi(s)
		if err != nil {
			t.Fatal(err)
		}
		big = n
	}
	sz := sizes{Users: 10, Apps: 1000, Big: big}
	dsn, driver, fresh := "", "sqlite3", false
	if pg := os.Getenv("TRACKER_SEARCH_POSTGRES"); pg != "" {
		dsn, driver = pg, "pgx"
		db, err := sql.Open("pgx", pg)
		if err != nil {
			t.Fatal(err)
		}
		var n int
		if db.QueryRowContext(ctx, "SELECT COUNT(*) FROM applications").Scan(&n) != nil || n == 0 {
			if _, err := freshSchema(ctx, pg); err != nil {
				t.Fatal(err)
			}
			fresh = true
		}
		db.Close()
	} else {
		dir := os.Getenv("TRACKER_SEARCH_DIR")
		if dir == "" {
			t.Fatal("TRACKER_SEARCH_DIR is not set")
		}
		dsn = filepath.Join(dir, "search-"+strconv.Itoa(big)+".db")
		if _, err := os.Stat(dsn); err != nil {
			fresh = true
		}
	}
	if fresh {
		seedDSN := dsn
		if driver == "sqlite3" {
			seedDSN = "file:" + dsn + "?_journal_mode=WAL&_synchronous=OFF"
		}
		err := migrate(ctx, dsn)
		if err == nil {
			err = seed(ctx, driver, seedDSN, sz, func(string) {})
		}
		if err == nil {
			err = deriveDue(ctx, dsn, sz)
		}
		if err != nil {
			t.Fatal(err)
		}
	}
	db, err := storage.Open(ctx, dsn)
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	if fresh {
		if err := db.RebuildSearch(ctx); err != nil {
			t.Fatal(err)
		}
	}
	h := trackerHandler(db, nopWriter{})
	bigUser := sz.Users
	if fresh {
		churn(t, h, sz, bigUser)
	}
	type searchCase struct {
		user int
		name string
		path string
	}
	var cases []searchCase
	for _, u := range []int{0, bigUser} {
		for _, c := range []struct{ name, q string }{
			{"common, newest", "q=acme"},
			{"common, by updated", "q=acme&sort=updated"},
			{"two words, by updated", "q=acme+1&sort=updated"},
			{"rare, by updated", "q=123&sort=updated"},
			{"no match, by updated", "q=zzz&sort=updated"},
			{"typing 'ac', by updated", "q=ac&sort=updated"},
			{"common, by company", "q=acme&sort=company"},
			// A stage asked for: acme is in none of the offered
			// applications and in one invited one of twelve.
			{"common, stage without it, newest", "q=acme&status=offered"},
			{"common, stage without it, by updated", "q=acme&status=offered&sort=updated"},
			{"common, stage without it, by company", "q=acme&status=offered&sort=company"},
			{"common, stage with some, newest", "q=acme&status=invited"},
			{"common, stage with some, by updated", "q=acme&status=invited&sort=updated"},
			{"common, stage with some, by company", "q=acme&status=invited&sort=company"},
		} {
			cases = append(cases, searchCase{u, c.name, "/api/v1/applications?limit=50&" + c.q})
		}
	}
	f, err := os.OpenFile(out, os.O_APPEND|os.O_CREATE|os.O_WRONLY, 0o644)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	if prof := os.Getenv("TRACKER_SEARCH_PROFILE"); prof != "" {
		// The path of one case, served 300 times under the CPU profiler.
		pf, err := os.Create(filepath.Join(os.Getenv("TRACKER_SEARCH_PROFILE_DIR"), "search.pprof"))
		if err != nil {
			t.Fatal(err)
		}
		defer pf.Close()
		if err := pprof.StartCPUProfile(pf); err != nil {
			t.Fatal(err)
		}
		for range 300 {
			serveOne(h, benchRequest(bigUser, "GET", "/api/v1/applications?limit=50&"+prof, ""))
		}
		pprof.StopCPUProfile()
		return
	}
	label := os.Getenv("TRACKER_SEARCH_LABEL")
	n := 200
	for _, c := range cases {
		apps := sz.appsOf(c.user)
		took := make([]float64, 0, n)
		var cpu time.Duration
		for i := range n + 5 {
			if i == 5 {
				cpu = cpuTime()
			}
			start := time.Now()
			w := serveOne(h, benchRequest(c.user, "GET", c.path, ""))
			d := time.Since(start)
			if w.Code != http.StatusOK {
				t.Fatalf("%s: %d %s", c.path, w.Code, w.Body)
			}
			if i >= 5 {
				took = append(took, float64(d.Microseconds())/1000)
			}
		}
		cpuMs := float64((cpuTime() - cpu).Microseconds()) / 1000 / float64(n)
		slices.Sort(took)
		line, _ := json.Marshal(map[string]any{"label": label, "db": driver, "apps": apps, "case": c.name,
			"p50_ms": took[len(took)/2], "p99_ms": took[len(took)*99/100], "cpu_ms": cpuMs})
		fmt.Fprintln(f, string(line))
		t.Logf("%s %d %s: p50 %.2f ms, p99 %.2f ms, CPU in this process %.2f ms", driver, apps, c.name, took[len(took)/2], took[len(took)*99/100], cpuMs)
	}
}

// churn leaves at the top of user u's list what a load run does: new
// applications that match no seeded word (a fortieth of the user's
// applications) and as many moves from applied to rejected, of the
// oldest applied ones, which then are the most recently changed.
func churn(t *testing.T, h http.Handler, sz sizes, u int) {
	n := sz.Big / 40
	var wg sync.WaitGroup
	errs := make(chan error, 4)
	for w := range 4 {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for k := w; k < n; k += 4 {
				r := serveOne(h, benchRequest(u, "POST", "/api/v1/applications", `{"company":"Bench Co","role":"Engineer","notes":"load test"}`))
				if r.Code != http.StatusCreated {
					errs <- fmt.Errorf("create: %d %s", r.Code, r.Body)
					return
				}
				r = serveOne(h, benchRequest(u, "POST", fmt.Sprintf("/api/v1/applications/%d/transitions", sz.appID(u, appliedIndex(k))), `{"to":"rejected"}`))
				if r.Code != http.StatusOK {
					errs <- fmt.Errorf("move: %d %s", r.Code, r.Body)
					return
				}
			}
		}()
	}
	wg.Wait()
	close(errs)
	for err := range errs {
		t.Fatal(err)
	}
}
