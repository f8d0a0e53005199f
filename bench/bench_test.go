package main

import (
	"bytes"
	"context"
	"database/sql"
	"encoding/json"
	"fmt"
	"io"
	"net/url"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"tracker/internal/storage/storagetest"
)

// TestMain lets the test binary play the benchmark's child processes, as
// the command does.
func TestMain(m *testing.M) {
	if role := os.Getenv(childEnv); role != "" {
		os.Exit(runChild(role))
	}
	os.Exit(m.Run())
}

// TestTinyRun runs the whole benchmark at its tiny size, as CI's smoke
// test: seeding, both ceilings, every endpoint at its maximum and in the
// mix. It asserts that everything ran and answered without an error (a
// 503 included), and that the server's log had each run's requests,
// never how fast.
func TestTinyRun(t *testing.T) {
	t.Run("sqlite", func(t *testing.T) { tinyRun(t) })
	t.Run("postgres", func(t *testing.T) { tinyRun(t, "-postgres", storagetest.PostgresDSN(t)) })
}

func tinyRun(t *testing.T, extra ...string) {
	dir := t.TempDir()
	out := filepath.Join(dir, "report.json")
	args := append([]string{"-size", "tiny", "-duration", "200ms", "-mix-duration", "500ms", "-rate", "200",
		"-dir", dir, "-json", out, "-cpuprofile", filepath.Join(dir, "profiles")}, extra...)
	var stdout, stderr bytes.Buffer
	if err := run(context.Background(), args, &stdout, &stderr); err != nil {
		t.Fatalf("run: %v\n%s", err, stderr.String())
	}
	var rep report
	b, err := os.ReadFile(out)
	if err != nil {
		t.Fatal(err)
	}
	if err := json.Unmarshal(b, &rep); err != nil {
		t.Fatal(err)
	}
	for _, c := range []result{rep.HTTPCeiling, rep.HTTPCeilingEnd, rep.StorageCeiling, rep.StorageCeilingEnd, rep.GroupCommit} {
		if c.Requests == 0 || c.Errors > 0 {
			t.Errorf("a ceiling was not measured: %+v", c)
		}
	}
	if rep.StartupMs <= 0 {
		t.Errorf("start-up not measured: %v", rep.StartupMs)
	}
	maxRuns := 0
	postgres := len(extra) > 0
	writes := map[string]bool{}
	for _, e := range endpoints(rep.Sizes, classes(rep.Sizes)[0], "") {
		writes[e.Name] = e.Write
	}
	for _, r := range rep.Results {
		if r.Errors > 0 || r.Refused > 0 {
			t.Errorf("%s (%s, %s): %d errors and %d refused, the first %q", r.Endpoint, r.Class, r.Mode, r.Errors, r.Refused, r.FirstError)
		}
		if r.Requests > 0 && r.ServerLogged == 0 {
			t.Errorf("%s (%s, %s): none of its %d requests found in the server's log", r.Endpoint, r.Class, r.Mode, r.Requests)
		}
		if r.Mode == "fixed" && r.Requests == 0 {
			t.Errorf("%s (%s) sent nothing in the mix: its maximum run used up what it writes to", r.Endpoint, r.Class)
		}
		if r.Mode == "max" {
			maxRuns++
			if r.Requests == 0 || r.Of == "" {
				t.Errorf("%s (%s) ran no request or has no ratio: %+v", r.Endpoint, r.Class, r)
			}
			// SQLite's writer is counted in every run of a write (group
			// commit's figures); PostgreSQL has none to count.
			switch w := r.Writer; {
			case postgres && w != nil:
				t.Errorf("%s (%s) on PostgreSQL reports a writer: %+v", r.Endpoint, r.Class, *w)
			case !postgres && writes[r.Endpoint] && (w == nil || w.Calls < int64(r.Requests)-int64(r.Errors) || w.CallsPerCommit < 1):
				t.Errorf("%s (%s): %d requests but the writer's figures are %+v", r.Endpoint, r.Class, r.Requests, w)
			}
		}
	}
	if want := 2 * len(endpoints(rep.Sizes, classes(rep.Sizes)[0], "")); maxRuns != want {
		t.Errorf("%d maximum runs, want %d", maxRuns, want)
	}
	if !strings.Contains(stdout.String(), "GET /applications/{id}") {
		t.Errorf("the table lacks the endpoints:\n%s", stdout.String())
	}
	if got := strings.Contains(stdout.String(), "SQLite's writer at the maximum"); got == postgres {
		t.Errorf("the writer's table printed: %v, want %v:\n%s", got, !postgres, stdout.String())
	}
	profiles, _ := filepath.Glob(filepath.Join(dir, "profiles", "*.pprof"))
	if len(profiles) != maxRuns {
		t.Errorf("%d CPU profiles, want one a maximum run (%d)", len(profiles), maxRuns)
	}
}

// TestBadFlags checks that a refused flag is named and nothing runs.
func TestBadFlags(t *testing.T) {
	for _, tc := range []struct {
		args []string
		want string
	}{
		{[]string{"-size", "huge"}, "-size"},
		{[]string{"-apps", "3"}, "-apps"},
		{[]string{"-users", "-1"}, "-users"},
		{[]string{"-rate", "0"}, "-rate"},
		{[]string{"-postgres", "host=x"}, "-postgres"},
		{[]string{"-reuse"}, "-reuse needs -dir"},
	} {
		t.Run(strings.Join(tc.args, " "), func(t *testing.T) {
			err := run(context.Background(), tc.args, io.Discard, io.Discard)
			if err == nil || !strings.Contains(err.Error(), tc.want) {
				t.Errorf("error %v, want one naming %s", err, tc.want)
			}
		})
	}
}

// TestKeptSeed checks that a run with -keep keeps the seed as it was
// seeded and that -reuse starts from it, whatever the run did to the
// database since, and refuses a folder without a seed or with another size.
func TestKeptSeed(t *testing.T) {
	ctx := context.Background()
	dir := t.TempDir()
	o, err := parseFlags([]string{"-size", "tiny", "-dir", dir, "-keep"}, io.Discard)
	if err != nil {
		t.Fatal(err)
	}
	dsn, _, err := prepare(ctx, o, &report{}, func(string) {})
	if err != nil {
		t.Fatal(err)
	}
	seeded := countApps(t, dsn)
	db, err := sql.Open("sqlite3", dsn)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := db.ExecContext(ctx, "DELETE FROM applications WHERE id > 10"); err != nil {
		t.Fatal(err)
	}
	db.Close()
	if n := countApps(t, dsn); n != 10 {
		t.Fatalf("%d applications after the delete, want 10", n)
	}

	o, err = parseFlags([]string{"-size", "tiny", "-dir", dir, "-reuse"}, io.Discard)
	if err != nil {
		t.Fatal(err)
	}
	var rep report
	if _, _, err := prepare(ctx, o, &rep, func(string) {}); err != nil {
		t.Fatal(err)
	}
	if n := countApps(t, dsn); n != seeded || !rep.SeedReused {
		t.Errorf("reused: %d applications (reused %v), want the %d seeded", n, rep.SeedReused, seeded)
	}

	for _, tc := range []struct {
		args []string
		want string
	}{
		{[]string{"-size", "tiny", "-apps", "60", "-dir", dir, "-reuse"}, "4 users x 40 applications"},
		{[]string{"-size", "tiny", "-dir", t.TempDir(), "-reuse"}, "no kept seed"},
	} {
		o, err := parseFlags(tc.args, io.Discard)
		if err != nil {
			t.Fatal(err)
		}
		if _, _, err := prepare(ctx, o, &report{}, func(string) {}); err == nil || !strings.Contains(err.Error(), tc.want) {
			t.Errorf("%v: error %v, want one saying %q", tc.args, err, tc.want)
		}
	}
}

// TestKeptSeedPostgres checks -keep and -reuse on PostgreSQL, in a
// database of the test's own: the kept copy holds the seed, -reuse
// brings it back whatever the run did, and refuses a database holding
// tables outside the run's schema.
func TestKeptSeedPostgres(t *testing.T) {
	base := os.Getenv("TRACKER_TEST_POSTGRES_DSN")
	if base == "" {
		t.Skip("TRACKER_TEST_POSTGRES_DSN is not set")
	}
	ctx := context.Background()
	u, err := url.Parse(base)
	if err != nil {
		t.Fatal(err)
	}
	name := fmt.Sprintf("tracker_bench_kept_%d", time.Now().UnixNano())
	u.Path = "/postgres"
	admin, err := sql.Open("pgx", u.String())
	if err != nil {
		t.Fatal(err)
	}
	// Cleanups run after the test's defers: the admin connection closes
	// after the drops.
	t.Cleanup(func() { admin.Close() })
	if _, err := admin.ExecContext(ctx, "CREATE DATABASE "+name); err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() {
		for _, db := range []string{name, name + "_seed"} {
			if _, err := admin.ExecContext(ctx, "DROP DATABASE IF EXISTS "+db+" WITH (FORCE)"); err != nil {
				t.Errorf("drop the test's database %s: %v", db, err)
			}
		}
	})
	u.Path = "/" + name
	flags := func(extra ...string) *options {
		o, err := parseFlags(append([]string{"-size", "tiny", "-postgres", u.String()}, extra...), io.Discard)
		if err != nil {
			t.Fatal(err)
		}
		return o
	}
	dsn, _, err := prepare(ctx, flags("-keep"), &report{}, func(string) {})
	if err != nil {
		t.Fatal(err)
	}
	exec := func(q string) {
		t.Helper()
		db, err := sql.Open("pgx", dsn)
		if err != nil {
			t.Fatal(err)
		}
		defer db.Close()
		if _, err := db.ExecContext(ctx, q); err != nil {
			t.Fatal(err)
		}
	}
	count := func() (n int) {
		t.Helper()
		db, err := sql.Open("pgx", dsn)
		if err != nil {
			t.Fatal(err)
		}
		defer db.Close()
		if err := db.QueryRowContext(ctx, "SELECT count(*) FROM applications").Scan(&n); err != nil {
			t.Fatal(err)
		}
		return n
	}
	seeded := count()
	exec("DELETE FROM applications WHERE id > 10")
	var rep report
	if _, _, err := prepare(ctx, flags("-reuse"), &rep, func(string) {}); err != nil {
		t.Fatal(err)
	}
	if n := count(); n != seeded || !rep.SeedReused {
		t.Errorf("reused: %d applications (reused %v), want the %d seeded", n, rep.SeedReused, seeded)
	}
	if _, _, err := prepare(ctx, flags("-reuse", "-apps", "60"), &report{}, func(string) {}); err == nil || !strings.Contains(err.Error(), "4 users x 40 applications") {
		t.Errorf("-reuse of another size: error %v", err)
	}
	exec("CREATE TABLE public.precious (id INT)")
	if _, _, err := prepare(ctx, flags("-reuse"), &report{}, func(string) {}); err == nil || !strings.Contains(err.Error(), "public.precious") {
		t.Errorf("-reuse of a database with other tables: error %v, want a refusal naming public.precious", err)
	}
	if n := count(); n != seeded {
		t.Errorf("after the refusal: %d applications, want the %d still there", n, seeded)
	}
}

func countApps(t *testing.T, dsn string) int {
	t.Helper()
	db, err := sql.Open("sqlite3", dsn)
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	var n int
	if err := db.QueryRow("SELECT count(*) FROM applications").Scan(&n); err != nil {
		t.Fatal(err)
	}
	return n
}
