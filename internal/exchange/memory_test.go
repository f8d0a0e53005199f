package exchange_test

import (
	"context"
	"encoding/json"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"
	"syscall"
	"testing"
	"time"

	"tracker/internal/applications"
	"tracker/internal/exchange"
	"tracker/internal/storage"
	"tracker/internal/storage/storagetest"
)

// The export's memory, measured rather than asserted: with
// TRACKER_EXPORT_BENCH=N, TestExportMemory seeds a user with N
// applications (each with an invitation, a history entry and a letter of
// about a kilobyte) on SQLite and, when configured, PostgreSQL, then
// exports them in a fresh process per way of exporting, as the server
// would (GOMEMLIMIT=48MiB, the serve default), and prints each one's peak
// RSS and time: the time of the export alone (opening the database aside), the JSON backup and the CSV sheet, read whole first as the
// exports did before (every application listed, then read one by one),
// and streamed. Nothing here is timed inside go test's assertions.
//
//	TRACKER_EXPORT_BENCH=100000 go test -tags sqlite_fts5 ./internal/exchange -run TestExportMemory -v -timeout 30m

const (
	benchEnv = "TRACKER_EXPORT_BENCH"
	childEnv = "TRACKER_EXPORT_CHILD" // mode,dsn,owner of a child's export
)

func TestExportMemory(t *testing.T) {
	n, _ := strconv.Atoi(os.Getenv(benchEnv))
	if n <= 0 {
		t.Skipf("%s is not set", benchEnv)
	}
	fmt.Printf("%-10s %-12s %10s %10s %12s\n", "database", "export", "peak RSS", "time", "bytes")
	storagetest.EachDSN(t, func(t *testing.T, dsn string) {
		db, err := storage.Open(context.Background(), dsn)
		if err != nil {
			t.Fatal(err)
		}
		ctx := storagetest.Owner(t, db, "big@example.com")
		uid, _ := applications.OwnerFrom(ctx)
		began := time.Now()
		storagetest.SeedInvited(t, db, ctx, n, now)
		body := strings.Repeat("Thank you for the time you gave me. ", 28) // about a kilobyte, as a letter is
		if err := db.ExecTx(ctx, `INSERT INTO letters (application_id, kind, channel, tone, subject, body, checks, sent_at, created_at)
			SELECT id, 'decline', 'email', 'warm', 'Your offer', ?, '[]', ?, ? FROM applications WHERE owner_id = ?`, body, now, now, uid); err != nil {
			t.Fatal(err)
		}
		db.Close()
		t.Logf("seeded %d applications in %v", n, time.Since(began).Round(time.Millisecond))
		name := filepath.Base(t.Name())
		for _, mode := range []string{"whole-json", "stream-json", "whole-csv", "stream-csv"} {
			cmd := exec.Command(os.Args[0], "-test.run=^TestExportMemoryChild$")
			cmd.Env = append(os.Environ(), "GOMEMLIMIT=48MiB", childEnv+"="+mode+","+strconv.FormatInt(uid, 10)+","+dsn)
			out, err := cmd.CombinedOutput()
			if err != nil {
				t.Fatalf("%s: %v\n%s", mode, err, out)
			}
			var bytes int64
			var took time.Duration
			for _, line := range strings.Split(string(out), "\n") {
				if v, ok := strings.CutPrefix(line, "exported "); ok {
					bytes, _ = strconv.ParseInt(v, 10, 64)
				}
				if v, ok := strings.CutPrefix(line, "took "); ok {
					ns, _ := strconv.ParseInt(v, 10, 64)
					took = time.Duration(ns)
				}
			}
			rss := cmd.ProcessState.SysUsage().(*syscall.Rusage).Maxrss // KiB on Linux
			fmt.Printf("%-10s %-12s %7.1f MB %9.2fs %12d\n", name, mode, float64(rss)/1024, took.Seconds(), bytes)
		}
	})
}

// TestExportMemoryChild is one export of TestExportMemory, in a process
// of its own.
func TestExportMemoryChild(t *testing.T) {
	spec := os.Getenv(childEnv)
	if spec == "" {
		t.Skip("run by TestExportMemory")
	}
	parts := strings.SplitN(spec, ",", 3)
	mode, dsn := parts[0], parts[2]
	uid, _ := strconv.ParseInt(parts[1], 10, 64)
	db, err := storage.Open(context.Background(), dsn)
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	ctx := applications.WithOwner(context.Background(), uid)
	svc := applications.NewService(db, time.Now)
	w := &counter{}
	began := time.Now()
	switch mode {
	case "whole-json", "whole-csv":
		details, err := wholeDetails(ctx, svc)
		if err != nil {
			t.Fatal(err)
		}
		if mode == "whole-json" {
			err = json.NewEncoder(w).Encode(exchange.NewBackup(details, now))
		} else {
			err = exchange.WriteCSV(ctx, w, sliceExporter(details))
		}
		if err != nil {
			t.Fatal(err)
		}
	case "stream-json":
		err = exchange.WriteBackup(ctx, w, svc, now, false)
	case "stream-csv":
		err = exchange.WriteCSV(ctx, w, svc)
	}
	if err != nil {
		t.Fatal(err)
	}
	fmt.Printf("took %d\nexported %d\n", time.Since(began), w.n)
}

// wholeDetails reads every application as the exports did before they
// streamed: every page of the list, then each application's detail, all
// held in memory.
func wholeDetails(ctx context.Context, svc *applications.Service) ([]*applications.Detail, error) {
	var out []*applications.Detail
	f := applications.ListFilter{Limit: 200}
	for {
		page, err := svc.List(ctx, f)
		if err != nil {
			return nil, err
		}
		for _, a := range page.Items {
			d, err := svc.Get(ctx, a.ID)
			if err != nil {
				return nil, err
			}
			out = append(out, d)
		}
		if page.NextCursor == "" {
			return out, nil
		}
		f.Cursor = page.NextCursor
	}
}

// sliceExporter hands out details already read.
type sliceExporter []*applications.Detail

func (s sliceExporter) Export(_ context.Context, fn func(*applications.Detail) error) error {
	for _, d := range s {
		if err := fn(d); err != nil {
			return err
		}
	}
	return nil
}

// counter counts what is written to it.
type counter struct{ n int64 }

func (c *counter) Write(p []byte) (int, error) {
	c.n += int64(len(p))
	return len(p), nil
}
