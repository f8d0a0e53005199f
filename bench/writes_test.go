package main

import (
	"context"
	"flag"
	"fmt"
	"net/http"
	"sync/atomic"
	"testing"
	"time"

	"tracker/internal/applications"
	"tracker/internal/workflow"
)

// writersPerCore is BenchmarkWrites' parallelism: -writers=1 with
// -test.cpu=1 runs one write at a time, each its own transaction, which
// is what an instruction count per statement (callgrind) reads best.
var writersPerCore = flag.Int("writers", 16, "BenchmarkWrites: concurrent writers per core")

// BenchmarkWrites runs the load's two write endpoints through the
// tracker's router in this process, next to the storage ceiling (one
// committed row per insert through the same store), from 16 goroutines
// per core so that group commit sees writers queue as it does under load:
// the server's own cost of a write, for profiling and comparing builds.
// Each move moves a seeded applied application to rejected, as the load
// does; the seed holds enough of them for -benchtime=10000x.
func BenchmarkWrites(b *testing.B) {
	ctx := context.Background()
	sz := sizes{Users: 10, Apps: 2000, Big: 100}
	db, h := seededServer(b, sz)
	users := classes(sz)[0].users

	run := func(name string, op func(k uint64) error) {
		var n atomic.Uint64 // across the runs of one benchmark: a move consumes its application
		b.Run(name, func(b *testing.B) {
			b.ReportAllocs()
			b.SetParallelism(*writersPerCore)
			cpu := cpuTime()
			b.ResetTimer()
			b.RunParallel(func(pb *testing.PB) {
				for pb.Next() {
					if err := op(n.Add(1) - 1); err != nil {
						b.Error(err)
					}
				}
			})
			b.ReportMetric(float64((cpuTime()-cpu).Microseconds())/float64(b.N), "cpu-us/op")
		})
	}
	if err := db.ExecTx(ctx, "CREATE TABLE bench_ceiling (id INTEGER PRIMARY KEY AUTOINCREMENT, owner_id BIGINT NOT NULL, "+
		"company TEXT NOT NULL, role TEXT NOT NULL, notes TEXT NOT NULL, created_at TIMESTAMP NOT NULL)"); err != nil {
		b.Fatal(err)
	}
	run("storage", func(uint64) error {
		return db.ExecTx(ctx, "INSERT INTO bench_ceiling (owner_id, company, role, notes, created_at) VALUES (?, ?, ?, ?, ?)",
			1, "Bench Co", "Engineer", "load test", time.Now().UTC())
	})
	serve := func(r *http.Request, want int) error {
		if w := serveOne(h, r); w.Code != want {
			return fmt.Errorf("%s %s: %d %s", r.Method, r.URL, w.Code, w.Body)
		}
		return nil
	}
	// The same create without HTTP: through the service (validation, the
	// rows, the answer's detail), and the store's transaction alone (the
	// application, its history entry, its due time, its names and search
	// words): what a create costs the storage, beside the ceiling's row.
	svc := applications.NewService(db, time.Now)
	in := applications.NewApplication{Fields: applications.Fields{Company: "Bench Co", Role: "Engineer", Notes: "load test"}}
	ownerCtx := func(k uint64) context.Context {
		return applications.WithOwner(ctx, int64(users[k%uint64(len(users))]+1))
	}
	run("create-service", func(k uint64) error {
		_, err := svc.Create(ownerCtx(k), in)
		return err
	})
	run("create-store", func(k uint64) error {
		now := time.Now()
		a := &applications.Application{Fields: in.Fields, Status: workflow.Applied, CreatedAt: now, UpdatedAt: now}
		a.AppliedAt = &now
		return db.CreateStarted(ownerCtx(k), a, []applications.HistoryEntry{{To: workflow.Applied, At: now, Note: "created"}})
	})
	run("create", func(k uint64) error {
		u := users[k%uint64(len(users))]
		return serve(benchRequest(u, "POST", "/api/v1/applications", `{"company":"Bench Co","role":"Engineer","notes":"load test"}`), http.StatusCreated)
	})
	run("move", func(k uint64) error {
		u := users[k%uint64(len(users))]
		i := appliedIndex(int(k / uint64(len(users))))
		if i >= sz.Apps {
			return fmt.Errorf("no applied application left to move: use -benchtime=%dx or less", len(users)*sz.Apps*appliedSlots/len(pattern))
		}
		return serve(benchRequest(u, "POST", fmt.Sprintf("/api/v1/applications/%d/transitions", sz.appID(u, i)), `{"to":"rejected"}`), http.StatusOK)
	})
}
