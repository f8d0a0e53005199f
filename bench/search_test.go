package main

import (
	"context"
	"net/http"
	"os"
	"path/filepath"
	"strconv"
	"testing"

	"tracker/internal/storage"
)

// BenchmarkSearch runs the load's two searches and, to compare them with,
// its list page through the tracker's router in this process, one request
// at a time, for a user with 1,000 applications and one with more
// (TRACKER_BENCH_BIG, 20,000 unless set), on SQLite, or on PostgreSQL in
// a schema of its own when TRACKER_BENCH_POSTGRES names a database. For
// profiling and comparing two builds by instructions (-benchtime=Nx under
// callgrind or perf) or CPU per request.
func BenchmarkSearch(b *testing.B) {
	ctx := context.Background()
	big := 20000
	if s := os.Getenv("TRACKER_BENCH_BIG"); s != "" {
		n, err := strconv.Atoi(s)
		if err != nil {
			b.Fatalf("TRACKER_BENCH_BIG: %v", err)
		}
		big = n
	}
	sz := sizes{Users: 2, Apps: 1000, Big: big}
	dsn := searchDatabase(ctx, b, sz)
	db, err := storage.Open(ctx, dsn)
	if err != nil {
		b.Fatal(err)
	}
	defer db.Close()
	h := trackerHandler(db, nopWriter{})
	for _, c := range classes(sz) {
		for _, e := range []struct{ name, path string }{
			{"list50", "/api/v1/applications?limit=50"},
			{"q", "/api/v1/applications?limit=50&q=acme"},
			{"q-updated", "/api/v1/applications?limit=50&q=acme&sort=updated"},
			{"q-company", "/api/v1/applications?limit=50&q=acme&sort=company"},
		} {
			b.Run(strconv.Itoa(c.apps)+"/"+e.name, func(b *testing.B) {
				u := c.users[0]
				if w := serveOne(h, benchRequest(u, "GET", e.path, "")); w.Code != http.StatusOK {
					b.Fatalf("%s: %d %s", e.path, w.Code, w.Body)
				}
				b.ReportAllocs()
				b.ResetTimer()
				for range b.N {
					if w := serveOne(h, benchRequest(u, "GET", e.path, "")); w.Code != http.StatusOK {
						b.Fatalf("%s: %d %s", e.path, w.Code, w.Body)
					}
				}
			})
		}
	}
}

// searchDatabase seeds a database of sz and returns its DSN: PostgreSQL
// in a schema of its own when TRACKER_BENCH_POSTGRES names a database,
// else SQLite in a temporary folder, or in TRACKER_BENCH_DIR, where a
// database seeded before is used again (so that a run under a profiler
// measures the searches, not the seeding).
func searchDatabase(ctx context.Context, b *testing.B, sz sizes) string {
	dir := os.Getenv("TRACKER_BENCH_DIR")
	if dir == "" {
		dir = b.TempDir()
	}
	dsn := filepath.Join(dir, "search-"+strconv.Itoa(sz.Big)+".db")
	driver, seedDSN := "sqlite3", "file:"+dsn+"?_journal_mode=WAL&_synchronous=OFF"
	if pg := os.Getenv("TRACKER_BENCH_POSTGRES"); pg != "" {
		var err error
		if dsn, err = freshSchema(ctx, pg); err != nil {
			b.Fatal(err)
		}
		driver, seedDSN = "pgx", dsn
	} else if _, err := os.Stat(dsn); err == nil {
		return dsn
	}
	err := migrate(ctx, dsn)
	if err == nil {
		err = seed(ctx, driver, seedDSN, sz, func(string) {})
	}
	if err == nil {
		err = deriveDue(ctx, dsn, sz)
	}
	if err != nil {
		os.Remove(dsn)
		b.Fatal(err)
	}
	return dsn
}

// nopWriter drops the request log.
type nopWriter struct{}

func (nopWriter) Write(p []byte) (int, error) { return len(p), nil }
