package main

import (
	"context"
	"database/sql"
	"fmt"
	"io"
	"net/url"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"text/tabwriter"
	"time"

	vegeta "github.com/tsenart/vegeta/v12/lib"

	"tracker/internal/storage"
)

// benchSchema is the PostgreSQL schema a run owns, unless the URL names
// one with search_path.
const benchSchema = "tracker_bench"

// migrate brings the database at dsn to the current schema.
func migrate(ctx context.Context, dsn string) error {
	db, err := storage.Open(ctx, dsn)
	if err != nil {
		return err
	}
	return db.Close()
}

// freshSchema drops and recreates the run's schema (the URL's search_path,
// else tracker_bench) and returns a DSN whose search_path is it.
func freshSchema(ctx context.Context, dsn string) (string, error) {
	run, err := runDSN(dsn)
	if err != nil {
		return "", err
	}
	u, _ := url.Parse(run)
	schema := u.Query().Get("search_path")
	admin, err := sql.Open("pgx", dsn)
	if err != nil {
		return "", err
	}
	defer admin.Close()
	if _, err := admin.ExecContext(ctx, "DROP SCHEMA IF EXISTS "+schema+" CASCADE; CREATE SCHEMA "+schema); err != nil {
		return "", fmt.Errorf("recreate schema %s: %w", schema, err)
	}
	return run, nil
}

// serverDSN is the DSN the server under test opens: dsn, with the size of
// its PostgreSQL pool when pool is set.
func serverDSN(dsn string, pool int) string {
	if pool == 0 || !storage.IsPostgres(dsn) {
		return dsn
	}
	u, _ := url.Parse(dsn) // a DSN runDSN made
	q := u.Query()
	q.Set("pool_max_conns", fmt.Sprint(pool))
	u.RawQuery = q.Encode()
	return u.String()
}

// runDSN is dsn with the run's schema as its search_path: the URL's,
// else tracker_bench.
func runDSN(dsn string) (string, error) {
	u, err := url.Parse(dsn)
	if err != nil {
		return "", fmt.Errorf("-postgres: %w", err)
	}
	q := u.Query()
	schema := q.Get("search_path")
	if schema == "" {
		schema = benchSchema
	}
	if !validSchema(schema) {
		return "", fmt.Errorf("-postgres: search_path must be one plain schema name, not %q", schema)
	}
	q.Set("search_path", schema)
	u.RawQuery = q.Encode()
	return u.String(), nil
}

// validSchema reports whether s is a lower-case identifier, safe to place
// in a statement as it is.
func validSchema(s string) bool {
	for i, r := range s {
		if !(r == '_' || 'a' <= r && r <= 'z' || i > 0 && '0' <= r && r <= '9') {
			return false
		}
	}
	return s != ""
}

// ceilings measures the HTTP ceiling (a bare echo handler, in a process
// of its own like the server) and the storage ceiling (one committed row
// per insert through the tracker's own storage settings). The run measures
// them before the endpoints and again after, in mode "start" and "end", so
// that a machine busier in one part of the run than in another shows.
func ceilings(ctx context.Context, o *options, mode, ceilingDSN string, stderr io.Writer) (httpC, storageC result, err error) {
	c, err := startChild("ceiling", "/ceiling", stderr)
	if err != nil {
		return httpC, storageC, err
	}
	tr := vegeta.NewStaticTargeter(vegeta.Target{Method: "GET", URL: "http://" + c.addr + "/ceiling"})
	httpC = attack("HTTP ceiling (echo, fixed JSON)", tr, vegeta.Rate{}, o.duration, o.clients)
	c.stop()
	storageC, err = storageCeiling(ctx, ceilingDSN, o.duration, o.clients, 1)
	httpC.Mode, storageC.Mode = mode, mode
	return httpC, storageC, err
}

// storageCeiling inserts perCommit rows per write transaction from clients
// goroutines for d, through storage.DB.ExecTx on the database at dsn. One
// row per commit is the storage ceiling of the write endpoints; many rows
// per commit is what group commit (one transaction for the writes of many
// requests) could reach at most. Its throughput counts rows.
func storageCeiling(ctx context.Context, dsn string, d time.Duration, clients, perCommit int) (result, error) {
	db, err := storage.Open(ctx, dsn)
	if err != nil {
		return result{}, err
	}
	defer db.Close()
	key := "INTEGER PRIMARY KEY AUTOINCREMENT"
	if storage.IsPostgres(dsn) {
		key = "BIGSERIAL PRIMARY KEY"
	}
	if err := db.ExecTx(ctx, "DROP TABLE IF EXISTS bench_ceiling"); err != nil {
		return result{}, err
	}
	if err := db.ExecTx(ctx, "CREATE TABLE bench_ceiling (id "+key+", owner_id BIGINT NOT NULL, company TEXT NOT NULL, "+
		"role TEXT NOT NULL, notes TEXT NOT NULL, created_at TIMESTAMP NOT NULL)"); err != nil {
		return result{}, err
	}
	defer db.ExecTx(context.WithoutCancel(ctx), "DROP TABLE bench_ceiling")
	var mu sync.Mutex
	var m vegeta.Metrics
	var wg sync.WaitGroup
	began := time.Now()
	for range clients {
		wg.Go(func() {
			for time.Since(began) < d {
				began := time.Now()
				err := db.OwnTx(ctx, func(ctx context.Context) error {
					for range perCommit {
						err := db.ExecTx(ctx, "INSERT INTO bench_ceiling (owner_id, company, role, notes, created_at) VALUES (?, ?, ?, ?, ?)",
							1, "Bench Co", "Engineer", "load test", time.Now().UTC())
						if err != nil {
							return err
						}
					}
					return nil
				})
				mu.Lock()
				for range perCommit {
					r := &vegeta.Result{Timestamp: began, Latency: time.Since(began), Code: 200}
					if err != nil {
						r.Code, r.Error = 0, err.Error()
					}
					m.Add(r)
				}
				mu.Unlock()
			}
		})
	}
	wg.Wait()
	m.Close()
	name := "storage ceiling (1 row per commit)"
	if perCommit > 1 {
		name = fmt.Sprintf("storage, %d rows per commit", perCommit)
	}
	return summarise(name, &m), nil
}

// measure starts the server on the seeded database and runs every
// endpoint of every class at its maximum, then the fixed-rate mix.
func measure(ctx context.Context, o *options, rep *report, dsn string, say func(string)) error {
	logFile, err := os.Create(filepath.Join(o.dir, "server.log"))
	if err != nil {
		return err
	}
	defer logFile.Close()
	srv, err := startChild("server", "/healthz", logFile, dbEnv+"="+serverDSN(dsn, o.pool))
	if err != nil {
		return err
	}
	defer srv.stop()
	rep.StartupMs = float64(srv.startup.Microseconds()) / 1000
	base := "http://" + srv.addr + "/api/v1"
	var all []*endpoint
	var run []class // the class of each of all
	var classOf []string
	for _, c := range classes(o.sz) {
		for _, e := range endpoints(o.sz, c, base) {
			if strings.Contains(e.Name, o.only) && (o.skip == "" || !strings.Contains(e.Name, o.skip)) {
				all, run, classOf = append(all, e), append(run, c), append(classOf, c.Name)
			}
		}
	}
	for _, e := range all {
		if e.keep != nil { // what the mix will take of the pool e uses up
			e.keep(mixRequests(o.rate, len(all), o.mixDuration))
		}
	}
	if len(all) > 0 { // the first run would otherwise meet a cold server
		say("warming the server up")
		attack("warm-up", targeter(all[0], false, runName("warm", 0)), vegeta.Rate{}, warmUp(o.duration), o.clients)
	}
	logged := &serverLog{path: logFile.Name()}
	for i, e := range all {
		if err := ctx.Err(); err != nil {
			return err
		}
		say(fmt.Sprintf("%s, user with %s, at its maximum", e.Name, classOf[i]))
		logged.skip()
		r, err := maxRun(srv, o, e, run[i], runName("max", i))
		if err != nil {
			return err
		}
		addServerSide(&r, logged.read()[runName("max", i)])
		rep.Results = append(rep.Results, r)
	}
	say(fmt.Sprintf("all at once at %.0f requests/s", o.rate))
	logged.skip()
	peak := srv.sampleRSS()
	mixed := mix(all, classOf, o.rate, o.mixDuration)
	rss := peak()
	sides := logged.read()
	for i := range mixed {
		mixed[i].RSSMB, mixed[i].Memory = rss.RSS, &rss
		addServerSide(&mixed[i], sides[runName("mix", i)])
	}
	rep.Results = append(rep.Results, mixed...)
	for _, r := range rep.Results {
		rep.PeakRSSMB = max(rep.PeakRSSMB, r.RSSMB)
	}
	return nil
}

// warmUp is how long the server is warmed up before the first run: its
// connections, caches and heap start cold.
func warmUp(d time.Duration) time.Duration { return min(d/2, time.Second) }

// maxRun drives e with a closed loop of o.clients clients for o.duration,
// with the server's CPU profile when asked for; its requests' ids start
// with name.
func maxRun(srv *child, o *options, e *endpoint, c class, name string) (result, error) {
	if o.cpuprofile != "" {
		name := strings.NewReplacer(" ", "_", "/", "_", "{", "", "}", "", "?", "", "=", "", "(", "", ")", "").Replace(e.Name + " " + c.Name)
		if err := srv.profile(filepath.Join(o.cpuprofile, name+".pprof")); err != nil {
			return result{}, err
		}
		defer srv.profile("")
	}
	before, err := srv.writerStats()
	if err != nil {
		return result{}, err
	}
	peak := srv.sampleRSS()
	began := time.Now()
	r := attack(e.Name, targeter(e, false, name), vegeta.Rate{}, o.duration, o.clients)
	took := time.Since(began)
	m := peak()
	r.RSSMB, r.Memory = m.RSS, &m
	r.Class, r.Mode = c.Name, "max"
	after, err := srv.writerStats()
	if err != nil {
		return result{}, err
	}
	r.Writer = newWriterRun(before, after, took)
	return r, nil
}

// writerRun is what SQLite's writer did during one maximum run of a
// write: how many transactions it committed, how many writes (calls of
// InTx) they held, so how many shared a commit (group commit, see
// internal/storage/group.go), and the share of the run some write held
// the writer.
type writerRun struct {
	Commits        int64   `json:"commits"`
	Calls          int64   `json:"calls"`
	CallsPerCommit float64 `json:"calls_per_commit"`
	Busy           float64 `json:"busy"`             // share of the run's time
	HeldPerCallUs  float64 `json:"held_per_call_us"` // the writer's time per write
}

// newWriterRun is the writer's run between the statistics before and
// after, took apart; nil when it committed nothing (a read, or
// PostgreSQL, which has no single writer).
func newWriterRun(before, after storage.WriterStats, took time.Duration) *writerRun {
	w := &writerRun{Commits: after.Commits - before.Commits, Calls: after.Calls - before.Calls}
	if w.Commits <= 0 || w.Calls <= 0 || took <= 0 {
		return nil
	}
	held := after.Held - before.Held
	w.CallsPerCommit = float64(w.Calls) / float64(w.Commits)
	w.Busy = held.Seconds() / took.Seconds()
	w.HeldPerCallUs = float64(held.Microseconds()) / float64(w.Calls)
	return w
}

// addRatios sets each maximum run's ratio: reads to the HTTP ceiling,
// writes to the storage ceiling, each the mean of its start and end.
func addRatios(rep *report) {
	writes := map[string]bool{}
	for _, e := range endpoints(sizes{Users: 1, Apps: len(pattern), Big: len(pattern)}, class{users: []int{0}, apps: len(pattern)}, "") {
		writes[e.Name] = e.Write
	}
	for i := range rep.Results {
		r := &rep.Results[i]
		if r.Mode != "max" {
			continue
		}
		ceiling, of := (rep.HTTPCeiling.Throughput+rep.HTTPCeilingEnd.Throughput)/2, "http"
		if writes[r.Endpoint] {
			ceiling, of = (rep.StorageCeiling.Throughput+rep.StorageCeilingEnd.Throughput)/2, "storage"
		}
		if ceiling > 0 {
			r.Ratio, r.Of = r.Throughput/ceiling, of
		}
	}
}

func printTable(w io.Writer, rep *report) {
	fmt.Fprintf(w, "%s, %d cores; %s; %d users x %d applications and one user with %d; %d closed-loop clients\n",
		rep.Machine, rep.Cores, rep.Database, rep.Sizes.Users, rep.Sizes.Apps, rep.Sizes.Big, rep.Clients)
	seeded := "seeded in"
	if rep.SeedReused {
		seeded = "kept seed copied in"
	}
	fmt.Fprintf(w, "%s %.1f s; server start-up %.0f ms; peak RSS %.0f MB\n\n", seeded, rep.SeedSeconds, rep.StartupMs, rep.PeakRSSMB)
	tw := tabwriter.NewWriter(w, 0, 0, 2, ' ', tabwriter.AlignRight)
	fmt.Fprintln(tw, "endpoint\tuser with\tmode\treq/s\tp50 ms\tp99 ms\tp99.9 ms\tserver p50\tserver p99\t503s\terrors\tRSS MB\tratio\t")
	row := func(r result) {
		ratio, server := "", "\t"
		if r.Of != "" {
			ratio = fmt.Sprintf("%.2f of %s", r.Ratio, r.Of)
		}
		if r.ServerLogged > 0 {
			server = fmt.Sprintf("%.2f\t%.2f", r.ServerP50ms, r.ServerP99ms)
		}
		fmt.Fprintf(tw, "%s\t%s\t%s\t%.0f\t%.2f\t%.2f\t%.2f\t%s\t%d\t%d\t%.0f\t%s\t\n",
			r.Endpoint, r.Class, r.Mode, r.Throughput, r.P50ms, r.P99ms, r.P999ms, server, r.Refused, r.Errors, r.RSSMB, ratio)
	}
	for _, r := range []result{rep.HTTPCeiling, rep.HTTPCeilingEnd, rep.StorageCeiling, rep.StorageCeilingEnd, rep.GroupCommit} {
		row(r)
	}
	for _, r := range rep.Results {
		row(r)
	}
	tw.Flush()
	fmt.Fprintln(w)
	printWriter(w, rep.Results)
	printMemory(w, rep.Results)
}

// printMemory prints what the server's resident memory was made of at
// each maximum run's peak and the mix's (see memory).
func printMemory(w io.Writer, results []result) {
	tw := tabwriter.NewWriter(w, 0, 0, 2, ' ', tabwriter.AlignRight)
	fmt.Fprintln(tw, "server memory at the peak, MB\tuser with\tmode\tRSS\tfile\tGo\tC in use\tC free\trest\t")
	for i, r := range results {
		if m := r.Memory; m != nil && (r.Mode == "max" || i == len(results)-1) {
			if r.Mode != "max" {
				r.Endpoint, r.Class = "the mix", ""
			}
			fmt.Fprintf(tw, "%s\t%s\t%s\t%.0f\t%.0f\t%.0f\t%.0f\t%.0f\t%.0f\t\n", r.Endpoint, r.Class, r.Mode,
				m.RSS, m.File, m.Go, m.CInUse, m.CFree, m.RSS-m.File-m.Go-m.CInUse-m.CFree)
		}
	}
	tw.Flush()
	fmt.Fprintln(w)
}

// printWriter prints what SQLite's writer did in each maximum run that
// wrote: the writes a commit held and how busy it was.
func printWriter(w io.Writer, results []result) {
	tw := tabwriter.NewWriter(w, 0, 0, 2, ' ', tabwriter.AlignRight)
	header := false
	for _, r := range results {
		if r.Mode != "max" || r.Writer == nil {
			continue
		}
		if !header {
			fmt.Fprintln(tw, "SQLite's writer at the maximum\tuser with\twrites\tcommits\twrites a commit\tbusy\theld a write us\t")
			header = true
		}
		fmt.Fprintf(tw, "%s\t%s\t%d\t%d\t%.1f\t%.0f %%\t%.0f\t\n", r.Endpoint, r.Class, r.Writer.Calls, r.Writer.Commits,
			r.Writer.CallsPerCommit, 100*r.Writer.Busy, r.Writer.HeldPerCallUs)
	}
	tw.Flush()
	if header {
		fmt.Fprintln(w)
	}
}
