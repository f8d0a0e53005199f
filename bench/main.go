// Command bench measures the tracker under load in one run: it seeds a
// database fast (batched inserts, not HTTP), measures the two ceilings the
// server cannot beat (a bare echo handler for HTTP, one committed row per
// insert through the same driver and settings for storage), starts the
// real server on loopback and drives every endpoint at its maximum
// (a closed loop of clients) and at a fixed mixed rate with vegeta, then
// prints a table and JSON: throughput, latency percentiles, errors, memory,
// start-up time and the ratios to the ceilings.
//
//	go run ./bench                 # 1,000 users x 1,000 applications and one user with 1,000,000
//	go run ./bench -size small     # a quick look
//	go run ./bench -postgres DSN   # PostgreSQL (in a schema tracker_bench it drops and recreates)
//	go run ./bench -cpuprofile DIR # a CPU profile of the server for every phase
//	go run ./bench -dir D -keep    # keep the seeded database in D ...
//	go run ./bench -dir D -reuse   # ... and start the next runs from it instead of seeding
//	go run ./bench -postgres DSN -keep   # keep a copy of the seeded database (DSN's name + _seed) ...
//	go run ./bench -postgres DSN -reuse  # ... and replace DSN's database with a copy of it
package main

import (
	"context"
	"encoding/json"
	"flag"
	"fmt"
	"io"
	"net/url"
	"os"
	"os/signal"
	"path/filepath"
	"runtime"
	"strings"
	"time"
)

func main() {
	if role := os.Getenv(childEnv); role != "" {
		os.Exit(runChild(role))
	}
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt)
	defer stop()
	if err := run(ctx, os.Args[1:], os.Stdout, os.Stderr); err != nil {
		fmt.Fprintln(os.Stderr, "bench:", err)
		os.Exit(2)
	}
}

// options are the command's flags.
type options struct {
	sz          sizes
	postgres    string
	dir         string
	keep        bool
	reuse       bool
	duration    time.Duration
	mixDuration time.Duration
	rate        float64
	clients     int
	pool        int
	cpuprofile  string
	jsonOut     string
	only        string
	skip        string
}

// presets are the sizes and durations -size names.
var presets = map[string]struct {
	sz       sizes
	duration time.Duration
	mix      time.Duration
}{
	"default": {sizes{Users: 1000, Apps: 1000, Big: 1_000_000}, 5 * time.Second, 10 * time.Second},
	"small":   {sizes{Users: 100, Apps: 100, Big: 10_000}, 2 * time.Second, 5 * time.Second},
	"tiny":    {sizes{Users: 4, Apps: 40, Big: 400}, 300 * time.Millisecond, time.Second},
}

func parseFlags(args []string, stderr io.Writer) (*options, error) {
	var o options
	fs := flag.NewFlagSet("bench", flag.ContinueOnError)
	fs.SetOutput(stderr)
	size := fs.String("size", "default", "the preset `size`: default (1,000 users x 1,000 applications, one user with 1,000,000), small or tiny")
	small := fs.Bool("small", false, "the same as -size small")
	users := fs.Int("users", 0, "typical users, overriding the preset")
	apps := fs.Int("apps", 0, "applications of each typical user, overriding the preset")
	big := fs.Int("big", 0, "applications of the big user, overriding the preset")
	fs.StringVar(&o.postgres, "postgres", "", "a PostgreSQL `URL` to run against instead of SQLite; the run drops and recreates its schema\n(the URL's search_path, default tracker_bench)")
	fs.StringVar(&o.dir, "dir", "", "the `folder` for the SQLite files and the server's log (default a new temporary one)")
	fs.BoolVar(&o.keep, "keep", false, "keep the folder, and in it a copy of the freshly seeded SQLite database for -reuse\n(PostgreSQL: a copy of the URL's database, named after it with _seed)")
	fs.BoolVar(&o.reuse, "reuse", false, "start from the seed an earlier run kept with -keep instead of seeding (same sizes; SQLite: in -dir;\nPostgreSQL: replaces the URL's database, which must hold nothing but the run's schema)")
	fs.DurationVar(&o.duration, "duration", 0, "how long each endpoint runs at its maximum (default by size)")
	fs.DurationVar(&o.mixDuration, "mix-duration", 0, "how long the fixed-rate mix runs (default by size)")
	fs.Float64Var(&o.rate, "rate", 1000, "requests a second of the fixed-rate mix, shared by every endpoint")
	fs.IntVar(&o.clients, "clients", 32, "closed-loop clients of the maximum runs")
	fs.IntVar(&o.pool, "pool", 0, "PostgreSQL: the `connections` the server keeps (its URL's pool_max_conns; default the server's own)")
	fs.StringVar(&o.cpuprofile, "cpuprofile", "", "a `folder` to write the server's CPU profile of every maximum run into")
	fs.StringVar(&o.jsonOut, "json", "", "write the JSON report to this `file` instead of after the table")
	fs.StringVar(&o.only, "only", "", "run only the endpoints whose name contains this `text`")
	fs.StringVar(&o.skip, "skip", "", "leave out the endpoints whose name contains this `text`")
	if err := fs.Parse(args); err != nil {
		return nil, err
	}
	if *small {
		*size = "small"
	}
	p, ok := presets[*size]
	if !ok {
		return nil, fmt.Errorf("-size must be default, small or tiny, not %q", *size)
	}
	o.sz = p.sz
	for _, f := range []struct {
		v    int
		dst  *int
		name string
	}{{*users, &o.sz.Users, "-users"}, {*apps, &o.sz.Apps, "-apps"}, {*big, &o.sz.Big, "-big"}} {
		if f.v < 0 {
			return nil, fmt.Errorf("%s must not be negative", f.name)
		}
		if f.v > 0 {
			*f.dst = f.v
		}
	}
	if o.sz.Users < 1 || o.sz.Apps < len(pattern) || o.sz.Big < len(pattern) {
		return nil, fmt.Errorf("-users must be at least 1, -apps and -big at least %d", len(pattern))
	}
	o.duration = cmp(o.duration, p.duration)
	o.mixDuration = cmp(o.mixDuration, p.mix)
	if o.rate <= 0 || o.clients < 1 || o.pool < 0 {
		return nil, fmt.Errorf("-rate and -clients must be positive, -pool not negative")
	}
	if o.postgres != "" && !strings.HasPrefix(o.postgres, "postgres://") && !strings.HasPrefix(o.postgres, "postgresql://") {
		return nil, fmt.Errorf("-postgres must be a postgres:// URL")
	}
	if o.reuse && o.dir == "" && o.postgres == "" {
		return nil, fmt.Errorf("-reuse needs -dir: the folder an earlier run kept its seed in with -keep")
	}
	return &o, nil
}

func cmp(d, def time.Duration) time.Duration {
	if d > 0 {
		return d
	}
	return def
}

// report is the JSON the run prints.
type report struct {
	Machine     string  `json:"machine"`
	Cores       int     `json:"cores"`
	Database    string  `json:"database"`
	Sizes       sizes   `json:"sizes"`
	Clients     int     `json:"clients"`
	SeedSeconds float64 `json:"seed_seconds"`
	// SeedReused is set when the run started from a kept seed (-reuse):
	// SeedSeconds is then the time to copy it.
	SeedReused bool    `json:"seed_reused,omitempty"`
	StartupMs  float64 `json:"startup_ms"`
	// The ceilings, measured before the endpoints and after them; ratios
	// are to the mean of the two.
	HTTPCeiling       result   `json:"http_ceiling"`
	HTTPCeilingEnd    result   `json:"http_ceiling_end"`
	StorageCeiling    result   `json:"storage_ceiling"`
	StorageCeilingEnd result   `json:"storage_ceiling_end"`
	GroupCommit       result   `json:"group_commit"` // rows a second with many rows per commit
	Results           []result `json:"results"`
	PeakRSSMB         float64  `json:"peak_rss_mb"`
}

func run(ctx context.Context, args []string, stdout, stderr io.Writer) error {
	o, err := parseFlags(args, stderr)
	if err != nil {
		return err
	}
	if o.dir == "" {
		if o.dir, err = os.MkdirTemp("", "tracker-bench-"); err != nil {
			return err
		}
		if !o.keep {
			defer os.RemoveAll(o.dir)
		}
	} else if err := os.MkdirAll(o.dir, 0o755); err != nil {
		return err // -dir seed on a fresh machine names a folder not yet made
	}
	if o.cpuprofile != "" {
		if err := os.MkdirAll(o.cpuprofile, 0o755); err != nil {
			return err
		}
	}
	say := func(s string) { fmt.Fprintln(stderr, "bench:", s) }
	rep := &report{Machine: cpuModel(), Cores: runtime.NumCPU(), Sizes: o.sz, Clients: o.clients, Database: "sqlite"}
	dsn, ceilingDSN, err := prepare(ctx, o, rep, say)
	if err != nil {
		return err
	}
	say("measuring the ceilings")
	if rep.HTTPCeiling, rep.StorageCeiling, err = ceilings(ctx, o, "start", ceilingDSN, stderr); err != nil {
		return err
	}
	if rep.GroupCommit, err = storageCeiling(ctx, ceilingDSN, o.duration, o.clients, o.clients); err != nil {
		return err
	}
	rep.GroupCommit.Mode = "max"
	if err := measure(ctx, o, rep, dsn, say); err != nil {
		return err
	}
	say("measuring the ceilings again")
	if rep.HTTPCeilingEnd, rep.StorageCeilingEnd, err = ceilings(ctx, o, "end", ceilingDSN, stderr); err != nil {
		return err
	}
	addRatios(rep)
	printTable(stdout, rep)
	return writeJSON(stdout, o.jsonOut, rep)
}

// prepare makes and seeds the database and returns its DSN and the one
// the storage ceiling writes to.
func prepare(ctx context.Context, o *options, rep *report, say func(string)) (dsn, ceilingDSN string, err error) {
	began := time.Now()
	if o.postgres != "" {
		rep.Database = "postgres"
		info := seedInfo{Database: "postgres", Sizes: o.sz}
		if o.reuse {
			say("starting from the seed kept beside the URL's database")
			if dsn, err = reusePostgres(ctx, o.postgres, info); err == nil {
				err = migrate(ctx, dsn)
			}
			rep.SeedSeconds, rep.SeedReused = time.Since(began).Seconds(), true
			return dsn, dsn, err
		}
		say("seeding " + describe(o.sz))
		if dsn, err = freshSchema(ctx, o.postgres); err == nil {
			err = migrate(ctx, dsn)
		}
		if err == nil {
			err = seed(ctx, "pgx", dsn, o.sz, say)
		}
		if err == nil {
			err = deriveDue(ctx, dsn, o.sz)
		}
		if err == nil {
			err = vacuum(ctx, dsn)
		}
		rep.SeedSeconds = time.Since(began).Seconds()
		if err == nil && o.keep {
			info.SeededAt = began.UTC()
			var kept string
			if kept, err = keepPostgres(ctx, o.postgres, info); err == nil {
				say("kept the seed in database " + kept + " for -reuse")
			}
		}
		return dsn, dsn, err
	}
	dsn, ceilingDSN = filepath.Join(o.dir, "tracker.db"), filepath.Join(o.dir, "ceiling.db")
	info := seedInfo{Database: "sqlite", Sizes: o.sz}
	if o.reuse {
		say("starting from the seed kept in " + o.dir)
		if err = reuseSeed(o.dir, dsn, info); err == nil {
			err = migrate(ctx, dsn) // a seed kept by an older build gets the newer migrations
		}
		rep.SeedSeconds, rep.SeedReused = time.Since(began).Seconds(), true
		return dsn, ceilingDSN, err
	}
	say("seeding " + describe(o.sz))
	for _, suffix := range []string{"", "-wal", "-shm"} {
		os.Remove(dsn + suffix)
	}
	if err = migrate(ctx, dsn); err == nil {
		err = seed(ctx, "sqlite3", "file:"+(&url.URL{Path: dsn}).EscapedPath()+"?_journal_mode=WAL&_synchronous=OFF", o.sz, say)
	}
	if err == nil {
		err = deriveDue(ctx, dsn, o.sz)
	}
	rep.SeedSeconds = time.Since(began).Seconds()
	if err == nil && o.keep {
		info.SeededAt = began.UTC()
		if err = keepSeed(o.dir, dsn, info); err == nil {
			say("kept the seed in " + o.dir + " for -reuse")
		}
	}
	return dsn, ceilingDSN, err
}

func writeJSON(stdout io.Writer, path string, rep *report) error {
	b, err := json.MarshalIndent(rep, "", "  ")
	if err != nil {
		return err
	}
	b = append(b, '\n')
	if path == "" {
		_, err = stdout.Write(b)
		return err
	}
	return os.WriteFile(path, b, 0o644)
}

// cpuModel names the processor, from /proc/cpuinfo where there is one.
func cpuModel() string {
	b, _ := os.ReadFile("/proc/cpuinfo")
	for line := range strings.Lines(string(b)) {
		if k, v, ok := strings.Cut(line, ":"); ok && strings.TrimSpace(k) == "model name" {
			return strings.TrimSpace(v)
		}
	}
	return runtime.GOARCH
}
