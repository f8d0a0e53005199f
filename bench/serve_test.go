package main

import (
	"bytes"
	"context"
	"encoding/base64"
	"fmt"
	"io"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"runtime/metrics"
	"strconv"
	"sync/atomic"
	"syscall"
	"testing"
	"time"

	"tracker/internal/buflog"
	"tracker/internal/storage"
)

// BenchmarkServe runs the read endpoints of the load through the tracker's
// router in this process, without the network, from parallel goroutines,
// next to the HTTP ceiling's handler: the server's own cost of a request
// and its allocations, steadier than the load on a busy machine. The run
// of the command remains the measure; this is for profiling
// (-cpuprofile, -memprofile) and comparing two builds.
func BenchmarkServe(b *testing.B) {
	sz := sizes{Users: 10, Apps: 100, Big: 2000}
	_, h := seededServer(b, sz)

	c := classes(sz)[0]
	deep := base64.RawURLEncoding.EncodeToString(fmt.Appendf(nil, `{"s":"newest","i":%d}`, sz.appID(c.users[0], c.apps/2)))
	pick := func(k uint64) (int, int) {
		return c.users[k%uint64(len(c.users))], int((k * 7919) % uint64(c.apps))
	}
	run := func(name string, h http.Handler, req func(k uint64) *http.Request) {
		b.Run(name, func(b *testing.B) {
			if w := serveOne(h, req(0)); w.Code != http.StatusOK {
				b.Fatalf("%s: %d %s", name, w.Code, w.Body)
			}
			var n atomic.Uint64
			b.ReportAllocs()
			cpu, started := cpuTime(), goroutinesCreated()
			b.ResetTimer()
			b.RunParallel(func(pb *testing.PB) {
				for pb.Next() {
					if w := serveOne(h, req(n.Add(1))); w.Code != http.StatusOK {
						b.Errorf("%s: %d %s", name, w.Code, w.Body)
					}
				}
			})
			b.ReportMetric(float64((cpuTime()-cpu).Microseconds())/float64(b.N), "cpu-us/op")
			b.ReportMetric(float64(goroutinesCreated()-started)/float64(b.N), "goroutines/op")
		})
	}
	run("ceiling", ceilingHandler(), func(uint64) *http.Request { return httptest.NewRequest("GET", "/ceiling", nil) })
	run("get", h, func(k uint64) *http.Request {
		u, i := pick(k)
		return benchRequest(u, "GET", "/api/v1/applications/"+strconv.FormatInt(sz.appID(u, i), 10), "")
	})
	run("list50", h, func(k uint64) *http.Request {
		u, _ := pick(k)
		return benchRequest(u, "GET", "/api/v1/applications?limit=50", "")
	})
	run("deep", h, func(uint64) *http.Request {
		return benchRequest(c.users[0], "GET", "/api/v1/applications?limit=50&cursor="+deep, "")
	})
	run("warnings", h, func(k uint64) *http.Request {
		u, _ := pick(k)
		return benchRequest(u, "GET", "/api/v1/warnings", "")
	})
	run("preview", h, func(k uint64) *http.Request {
		u, i := pick(k)
		i = i/len(pattern)*len(pattern) + invitedSlot
		return benchRequest(u, "POST", fmt.Sprintf("/api/v1/applications/%d/decline/preview", sz.appID(u, i)), `{"reason":"another_offer"}`)
	})
}

// seededServer seeds a database of sz in a temporary folder, as the
// command does, and returns its store and the tracker's router on it,
// logging as the server does; both are closed when b ends.
func seededServer(b *testing.B, sz sizes) (*storage.DB, http.Handler) {
	ctx := context.Background()
	dir := b.TempDir()
	dsn := filepath.Join(dir, "tracker.db")
	if err := migrate(ctx, dsn); err != nil {
		b.Fatal(err)
	}
	if err := seed(ctx, "sqlite3", "file:"+dsn+"?_journal_mode=WAL&_synchronous=OFF", sz, func(string) {}); err != nil {
		b.Fatal(err)
	}
	if err := deriveDue(ctx, dsn, sz); err != nil {
		b.Fatal(err)
	}
	db, err := storage.Open(ctx, dsn)
	if err != nil {
		b.Fatal(err)
	}
	b.Cleanup(func() { db.Close() })
	logFile, err := os.Create(filepath.Join(dir, "server.log"))
	if err != nil {
		b.Fatal(err)
	}
	b.Cleanup(func() { logFile.Close() })
	log := buflog.New(logFile, logFlushEvery)
	b.Cleanup(func() { log.Close() }) // runs before the file's close
	return db, trackerHandler(db, log)
}

// benchRequest is the request the load sends as user index u.
func benchRequest(u int, method, path, body string) *http.Request {
	t := target(u, method, "http://bench"+path, body)
	var b io.Reader // none for a request without a body, as the server reads one
	if len(t.Body) > 0 {
		b = bytes.NewReader(t.Body)
	}
	r := httptest.NewRequest(method, t.URL, b)
	r.Header = t.Header
	return r
}

// cpuTime is the CPU time the process has used, on every core: on a busy
// machine a steadier measure of a request's cost than the time it took.
func cpuTime() time.Duration {
	var ru syscall.Rusage
	if err := syscall.Getrusage(syscall.RUSAGE_SELF, &ru); err != nil {
		return 0
	}
	return time.Duration(ru.Utime.Nano() + ru.Stime.Nano())
}

// serveOne serves r as the server does: in a context that can be
// cancelled, and is once the handler returns (httptest's cannot, which
// would hide what such a context costs a read).
// goroutinesCreated is the count of goroutines the process has started:
// each one a request starts (to watch a cancellable context, say) costs
// it their start and wake-ups, which under load cost more than their
// instructions.
func goroutinesCreated() uint64 {
	s := []metrics.Sample{{Name: "/sched/goroutines-created:goroutines"}}
	metrics.Read(s)
	if s[0].Value.Kind() != metrics.KindUint64 {
		return 0
	}
	return s[0].Value.Uint64()
}

func serveOne(h http.Handler, r *http.Request) *httptest.ResponseRecorder {
	ctx, cancel := context.WithCancel(r.Context())
	defer cancel()
	w := httptest.NewRecorder()
	h.ServeHTTP(w, r.WithContext(ctx))
	return w
}
