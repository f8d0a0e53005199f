package main

import (
	"bufio"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"log/slog"
	"net"
	"net/http"
	"os"
	"os/exec"
	"os/signal"
	"runtime/pprof"
	"strings"
	"sync"
	"syscall"
	"time"

	"github.com/labstack/echo/v4"

	"tracker/internal/accounts"
	"tracker/internal/applications"
	"tracker/internal/buflog"
	"tracker/internal/feed"
	"tracker/internal/gctune"
	"tracker/internal/httpapi"
	"tracker/internal/storage"
)

// The benchmark runs each server under test in a child process of its own
// (this program again, told its role by childEnv), so that its start-up
// time and memory are its own and not the load generator's.
const (
	childEnv = "TRACKER_BENCH_CHILD" // "server" or "ceiling"
	dbEnv    = "TRACKER_BENCH_DB"
)

// runChild runs the role childEnv names until SIGTERM and returns the
// process's exit code.
func runChild(role string) int {
	ctx, stop := signal.NotifyContext(context.Background(), syscall.SIGTERM, os.Interrupt)
	defer stop()
	var err error
	switch role {
	case "server":
		err = serveTracker(ctx, os.Getenv(dbEnv))
	case "ceiling":
		err = serveCeiling(ctx)
	default:
		err = fmt.Errorf("unknown child role %q", role)
	}
	if err != nil {
		fmt.Fprintln(os.Stderr, "bench child:", err)
		return 1
	}
	return 0
}

// serveTracker serves the tracker the way 'tracker serve' does (the same
// router, middleware, services, connection limits and timeouts, logging
// each request to stderr), plus a control listener that starts and stops
// CPU profiles.
func serveTracker(ctx context.Context, dsn string) error {
	gctune.ServerDefaults(os.Getenv)
	db, err := storage.Open(ctx, dsn)
	if err != nil {
		return err
	}
	defer db.Close()
	log := buflog.New(os.Stderr, logFlushEvery)
	defer log.Close()
	h := trackerHandler(db, log)
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		return err
	}
	control, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		return err
	}
	go http.Serve(control, profileControl(db))
	go logPool(ctx, db, log)
	fmt.Printf("%s %s\n", ln.Addr(), control.Addr())
	return serveUntil(ctx, httpapi.LimitListener(ln, 1024, 128), h)
}

// logPool logs the database pools' statistics every poolLogEvery while
// they are used: the connections open and in use, and how many requests
// waited for one and how long, since the line before; the writer's and
// the readers' (on PostgreSQL both are its one pool, and the same).
func logPool(ctx context.Context, db *storage.DB, log io.Writer) {
	t := time.NewTicker(poolLogEvery)
	defer t.Stop()
	lastW, lastR := db.PoolStats()
	lastG := db.WriterStats()
	for {
		select {
		case <-ctx.Done():
			return
		case <-t.C:
		}
		w, r := db.PoolStats()
		if w.InUse+r.InUse > 0 || w.WaitCount > lastW.WaitCount || r.WaitCount > lastR.WaitCount {
			fmt.Fprintf(log, "time=%s level=INFO msg=pool writes_open=%d writes_in_use=%d writes_waits=%d writes_waited=%s reads_open=%d reads_in_use=%d reads_waits=%d reads_waited=%s\n",
				time.Now().UTC().Format(time.RFC3339Nano),
				w.OpenConnections, w.InUse, w.WaitCount-lastW.WaitCount, w.WaitDuration-lastW.WaitDuration,
				r.OpenConnections, r.InUse, r.WaitCount-lastR.WaitCount, r.WaitDuration-lastR.WaitDuration)
		}
		lastW, lastR = w, r
		if g := db.WriterStats(); g.Commits > lastG.Commits {
			fmt.Fprintf(log, "time=%s level=INFO msg=writer commits=%d calls=%d held=%s\n",
				time.Now().UTC().Format(time.RFC3339Nano), g.Commits-lastG.Commits, g.Calls-lastG.Calls, g.Held-lastG.Held)
			lastG = g
		}
	}
}

// poolLogEvery is how often logPool writes.
const poolLogEvery = 250 * time.Millisecond

// logFlushEvery is how long a log line may wait to be written, as in
// 'tracker serve'.
const logFlushEvery = 100 * time.Millisecond

// trackerHandler is the tracker's router on db as 'tracker serve' builds
// it, logging each request to log.
func trackerHandler(db *storage.DB, log io.Writer) http.Handler {
	acc := accounts.NewService(db, time.Now, accounts.Options{})
	go accounts.WarmUp() // as 'tracker serve' does
	return httpapi.New(httpapi.Config{
		Apps: applications.NewService(db, time.Now), Accounts: acc, Logger: slog.New(slog.NewTextHandler(log, nil)),
		Feeds: feed.NewService(db, time.Now), Backups: db, Writable: db.CheckWritable,
	})
}

// serveCeiling serves the HTTP ceiling: a bare echo handler that returns
// a small fixed JSON.
func serveCeiling(ctx context.Context) error {
	e := ceilingHandler()
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		return err
	}
	fmt.Printf("%s -\n", ln.Addr())
	return serveUntil(ctx, ln, e)
}

// ceilingHandler is the HTTP ceiling's handler.
func ceilingHandler() *echo.Echo {
	e := echo.New()
	e.HideBanner, e.HidePort = true, true
	e.GET("/ceiling", func(c echo.Context) error {
		return c.JSON(http.StatusOK, map[string]string{"status": "ok"})
	})
	return e
}

func serveUntil(ctx context.Context, ln net.Listener, h http.Handler) error {
	srv := &http.Server{Handler: h, ReadHeaderTimeout: 5 * time.Second, ReadTimeout: 30 * time.Second,
		WriteTimeout: 60 * time.Second, IdleTimeout: 2 * time.Minute, MaxHeaderBytes: 64 << 10}
	go func() {
		<-ctx.Done()
		sctx, cancel := context.WithTimeout(context.Background(), 10*time.Second)
		defer cancel()
		srv.Shutdown(sctx)
	}()
	if err := srv.Serve(ln); !errors.Is(err, http.ErrServerClosed) {
		return err
	}
	return nil
}

// profileControl answers POST /start?path=FILE (start a CPU profile into
// FILE), POST /stop (stop and write it), GET /writer (db's writer
// statistics, as JSON) and GET /memory (the process's serverMemory).
func profileControl(db *storage.DB) http.Handler {
	var mu sync.Mutex
	var f *os.File
	mux := http.NewServeMux()
	mux.HandleFunc("POST /start", func(w http.ResponseWriter, r *http.Request) {
		mu.Lock()
		defer mu.Unlock()
		var err error
		if f, err = os.Create(r.URL.Query().Get("path")); err == nil {
			err = pprof.StartCPUProfile(f)
		}
		if err != nil {
			http.Error(w, err.Error(), http.StatusInternalServerError)
		}
	})
	mux.HandleFunc("GET /writer", func(w http.ResponseWriter, r *http.Request) {
		json.NewEncoder(w).Encode(db.WriterStats())
	})
	mux.HandleFunc("GET /memory", handleMemory)
	mux.HandleFunc("POST /stop", func(w http.ResponseWriter, r *http.Request) {
		mu.Lock()
		defer mu.Unlock()
		pprof.StopCPUProfile()
		if f != nil {
			f.Close()
			f = nil
		}
	})
	return mux
}

// child is a running child process.
type child struct {
	cmd     *exec.Cmd
	addr    string // the server's host:port
	control string // the profile control's host:port, "-" for none
	startup time.Duration
	done    chan struct{}
}

// startChild starts this program in role with the extra environment and
// waits until it answers readyPath with a 200; startup is the time from
// the start of the process to that answer.
func startChild(role, readyPath string, stderr io.Writer, env ...string) (*child, error) {
	self, err := os.Executable()
	if err != nil {
		return nil, err
	}
	cmd := exec.Command(self)
	cmd.Env = append(append(os.Environ(), childEnv+"="+role), env...)
	cmd.Stderr = stderr
	out, err := cmd.StdoutPipe()
	if err != nil {
		return nil, err
	}
	began := time.Now()
	if err := cmd.Start(); err != nil {
		return nil, err
	}
	c := &child{cmd: cmd, done: make(chan struct{})}
	go func() { cmd.Wait(); close(c.done) }()
	line, err := bufio.NewReader(out).ReadString('\n')
	if err != nil {
		c.stop()
		return nil, fmt.Errorf("the %s process ended before it listened (see its log)", role)
	}
	c.addr, c.control, _ = strings.Cut(strings.TrimSpace(line), " ")
	for {
		resp, err := http.Get("http://" + c.addr + readyPath)
		if err == nil {
			resp.Body.Close()
			if resp.StatusCode == http.StatusOK {
				break
			}
		}
		if time.Since(began) > time.Minute {
			c.stop()
			return nil, fmt.Errorf("the %s process did not answer %s within a minute", role, readyPath)
		}
		time.Sleep(2 * time.Millisecond)
	}
	c.startup = time.Since(began)
	return c, nil
}

// stop ends the child with SIGTERM (SIGKILL after ten seconds).
func (c *child) stop() {
	c.cmd.Process.Signal(syscall.SIGTERM)
	select {
	case <-c.done:
	case <-time.After(10 * time.Second):
		c.cmd.Process.Kill()
		<-c.done
	}
}

// profile starts (path != "") or stops (path == "") the child's CPU profile.
func (c *child) profile(path string) error {
	if c.control == "-" {
		return nil
	}
	u := "http://" + c.control + "/stop"
	if path != "" {
		u = "http://" + c.control + "/start?path=" + path
	}
	resp, err := http.Post(u, "", nil)
	if err != nil {
		return err
	}
	resp.Body.Close()
	if resp.StatusCode != http.StatusOK {
		return fmt.Errorf("profile control: %s", resp.Status)
	}
	return nil
}

// writerStats returns the child's writer statistics (zero for the HTTP
// ceiling's child and on PostgreSQL).
func (c *child) writerStats() (storage.WriterStats, error) {
	var st storage.WriterStats
	if c.control == "-" {
		return st, nil
	}
	resp, err := http.Get("http://" + c.control + "/writer")
	if err != nil {
		return st, err
	}
	defer resp.Body.Close()
	if resp.StatusCode != http.StatusOK {
		return st, fmt.Errorf("writer statistics: %s", resp.Status)
	}
	return st, json.NewDecoder(resp.Body).Decode(&st)
}

// sampleRSS samples the child's resident memory every 50 ms until stop is
// called, which returns what it was made of at the highest seen.
func (c *child) sampleRSS() (stop func() memory) {
	var peak memory
	quit, finished := make(chan struct{}), make(chan struct{})
	go func() {
		defer close(finished)
		t := time.NewTicker(50 * time.Millisecond)
		defer t.Stop()
		for {
			if m := c.memory(); m.RSS > peak.RSS {
				peak = m
			}
			select {
			case <-quit:
				return
			case <-t.C:
			}
		}
	}()
	return func() memory {
		close(quit)
		<-finished
		return peak
	}
}
