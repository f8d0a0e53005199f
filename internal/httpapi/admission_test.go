package httpapi_test

import (
	"context"
	"database/sql"
	"encoding/json"
	"fmt"
	"log/slog"
	"net/http"
	"net/http/httptest"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"time"

	_ "github.com/jackc/pgx/v5/stdlib" // the "pgx" driver the row lock is taken with

	"tracker/internal/accounts"
	"tracker/internal/applications"
	"tracker/internal/httpapi"
	"tracker/internal/storage"
	"tracker/internal/storage/storagetest"
)

// gated is the real router over db with cfg's admission bounds, and one
// user's token.
type gated struct {
	t     *testing.T
	h     http.Handler
	token string
}

func newGated(t *testing.T, db *storage.DB, cfg httpapi.Config) *gated {
	t.Helper()
	acc := accounts.NewService(db, time.Now, accounts.Options{})
	cfg.Apps, cfg.Accounts, cfg.Logger = applications.NewService(db, time.Now), acc, slog.New(slog.DiscardHandler)
	u, err := acc.CreateUser(context.Background(), "sam@example.com", testPassword)
	if err != nil {
		t.Fatal(err)
	}
	token, _, err := acc.CreateToken(context.Background(), u.ID, "tests")
	if err != nil {
		t.Fatal(err)
	}
	g := &gated{t: t, h: httpapi.New(cfg), token: token}
	g.call(context.Background(), "GET", "/api/v1/me", "") // the token's first use, written now
	return g
}

// call serves one request with the user's token on ctx.
func (g *gated) call(ctx context.Context, method, path, body string) *httptest.ResponseRecorder {
	req := httptest.NewRequestWithContext(ctx, method, path, strings.NewReader(body))
	req.Header.Set("Authorization", "Bearer "+g.token)
	if body != "" {
		req.Header.Set("Content-Type", "application/json")
	}
	rec := httptest.NewRecorder()
	g.h.ServeHTTP(rec, req)
	return rec
}

// create makes an application and returns its id.
func (g *gated) create(company string) int64 {
	g.t.Helper()
	rec := g.call(context.Background(), "POST", "/api/v1/applications", `{"company":"`+company+`","role":"Engineer"}`)
	var out struct{ ID int64 }
	if rec.Code != http.StatusCreated || json.Unmarshal(rec.Body.Bytes(), &out) != nil {
		g.t.Fatalf("create: %d %s", rec.Code, rec.Body)
	}
	return out.ID
}

// count is how many applications the user has.
func (g *gated) count() int {
	g.t.Helper()
	rec := g.call(context.Background(), "GET", "/api/v1/applications?limit=200", "")
	var out struct{ Items []json.RawMessage }
	if rec.Code != http.StatusOK || json.Unmarshal(rec.Body.Bytes(), &out) != nil {
		g.t.Fatalf("list: %d %s", rec.Code, rec.Body)
	}
	return len(out.Items)
}

// holdWrites blocks the database's writes to application id until the
// returned function is called: on PostgreSQL a transaction locks its row,
// on SQLite one holds the file's write lock.
func holdWrites(t *testing.T, dsn string, id int64) func() {
	t.Helper()
	driver, source := "sqlite3", "file:"+dsn+"?_busy_timeout=10000"
	if storage.IsPostgres(dsn) {
		driver, source = "pgx", dsn
	}
	raw, err := sql.Open(driver, source)
	if err != nil {
		t.Fatal(err)
	}
	tx, err := raw.Begin()
	if err == nil {
		if storage.IsPostgres(dsn) {
			_, err = tx.Exec("SELECT id FROM applications WHERE id = $1 FOR UPDATE", id)
		} else {
			_, err = tx.Exec("UPDATE applications SET notes = notes WHERE id = ?", id)
		}
	}
	if err != nil {
		raw.Close()
		t.Fatal(err)
	}
	return func() {
		tx.Rollback()
		raw.Close()
	}
}

// TestGateRefusesPastItsWait runs the server with room for one write and
// one read at a time, on both databases, and holds the write in the
// database: the next write waits its bounded turn and is refused with
// 503, Retry-After and the API's error shape, while reads are answered
// (they do not wait behind a held writer); the health check and the
// static files still answer; a request whose client has left is dropped
// without running. Once the first write finishes, writes run again.
func TestGateRefusesPastItsWait(t *testing.T) {
	storagetest.EachDSN(t, func(t *testing.T, dsn string) {
		db, err := storage.Open(context.Background(), dsn)
		if err != nil {
			t.Fatal(err)
		}
		defer db.Close()
		g := newGated(t, db, httpapi.Config{MaxActive: 1, MaxWait: 20 * time.Millisecond})
		id := g.create("Acme")
		release := holdWrites(t, dsn, id)
		moved := make(chan *httptest.ResponseRecorder, 1)
		move := func() {
			moved <- g.call(context.Background(), "POST", fmt.Sprintf("/api/v1/applications/%d/transitions", id), `{"to":"rejected"}`)
		}
		go move()
		var refused *httptest.ResponseRecorder
		// Until the move holds the writes' one place: bounded by a wait,
		// not a count, as a busy machine may start the move late.
		for wait := time.Now().Add(time.Minute); refused == nil && time.Now().Before(wait); {
			select {
			case rec := <-moved:
				if rec.Code == http.StatusServiceUnavailable {
					// A create below held the one place past the
					// move's wait (a busy machine ran it first): the
					// move was refused as it should be, and goes again.
					go move()
					continue
				}
				release()
				t.Fatalf("the move finished while the writes were held: %d %s", rec.Code, rec.Body)
			default:
			}
			// A create without a company is refused before it reaches the
			// database, which on SQLite waits for the held lock.
			rec := g.call(context.Background(), "POST", "/api/v1/applications", `{"role":"Engineer"}`)
			if rec.Code == http.StatusServiceUnavailable {
				refused = rec
				break
			}
			if rec.Code != http.StatusUnprocessableEntity {
				t.Fatalf("create while the move starts: %d %s", rec.Code, rec.Body)
			}
		}
		if refused == nil {
			release()
			t.Fatal("no write was refused while the one place was held")
		}
		var body struct {
			Error struct{ Code, Message string } `json:"error"`
		}
		if err := json.Unmarshal(refused.Body.Bytes(), &body); err != nil || body.Error.Code != "unavailable" ||
			!strings.Contains(body.Error.Message, "busy") || refused.Header().Get("Retry-After") != "1" {
			t.Errorf("refusal: %s, Retry-After %q", refused.Body, refused.Header().Get("Retry-After"))
		}
		for _, path := range []string{"/healthz", "/api/v1/healthz", "/app.css", fmt.Sprintf("/api/v1/applications/%d", id)} {
			if rec := g.call(context.Background(), "GET", path, ""); rec.Code != http.StatusOK {
				t.Errorf("GET %s while the write's place is held: %d", path, rec.Code)
			}
		}
		gone, cancel := context.WithCancel(context.Background())
		cancel()
		if rec := g.call(gone, "POST", "/api/v1/applications", `{"company":"Left","role":"Engineer"}`); rec.Code != http.StatusServiceUnavailable {
			t.Errorf("a create whose client left: %d %s", rec.Code, rec.Body)
		}
		release()
		if rec := <-moved; rec.Code != http.StatusOK {
			t.Errorf("the held move: %d %s", rec.Code, rec.Body)
		}
		if n := g.count(); n != 1 {
			t.Errorf("%d applications, want 1: the create whose client left ran", n)
		}
		if rec := g.call(context.Background(), "GET", fmt.Sprintf("/api/v1/applications/%d", id), ""); rec.Code != http.StatusOK ||
			!strings.Contains(rec.Body.String(), `"rejected"`) {
			t.Errorf("get after the move: %d %s", rec.Code, rec.Body)
		}
	})
}

// TestGateQueuesBelowItsWait sends many more requests at once than the
// server runs at once, on both databases, with waits long enough for all
// of them (a closed loop keeps the server behind): every one is served,
// none refused, and every write counted.
func TestGateQueuesBelowItsWait(t *testing.T) {
	storagetest.Each(t, func(t *testing.T, db *storage.DB) {
		g := newGated(t, db, httpapi.Config{MaxActive: 2, MaxWait: time.Minute, BehindWait: time.Minute})
		id := g.create("Acme")
		const clients, each = 16, 6
		var wg sync.WaitGroup
		codes := make(chan int, clients*each)
		for c := range clients {
			wg.Go(func() {
				for i := range each {
					switch i % 3 {
					case 0:
						codes <- g.call(context.Background(), "GET", fmt.Sprintf("/api/v1/applications/%d", id), "").Code
					case 1:
						codes <- g.call(context.Background(), "GET", "/api/v1/applications?limit=50", "").Code
					default:
						codes <- g.call(context.Background(), "POST", "/api/v1/applications",
							fmt.Sprintf(`{"company":"Co %d-%d","role":"Engineer"}`, c, i)).Code
					}
				}
			})
		}
		wg.Wait()
		close(codes)
		for code := range codes {
			if code != http.StatusOK && code != http.StatusCreated {
				t.Errorf("a request below the wait answered %d", code)
			}
		}
		if n, want := g.count(), 1+clients*each/3; n != want {
			t.Errorf("%d applications, want %d", n, want)
		}
	})
}

// TestGateRidesOutAWriterStall holds SQLite's write lock for 150 ms, as
// the writer's own WAL checkpoint holds the writer (4 to 189 ms measured,
// docs/scaling.md "The write tail"), while more writes arrive at once
// than the server runs at once and reads keep arriving: every request is
// answered, none refused. Reads on SQLite do not wait for the writer, so
// they must not wait behind the writes the stall holds up either.
func TestGateRidesOutAWriterStall(t *testing.T) {
	path := filepath.Join(t.TempDir(), "tracker.db")
	db, err := storage.Open(context.Background(), path)
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	g := newGated(t, db, httpapi.Config{}) // the server's own bounds
	id := g.create("Acme")
	get := fmt.Sprintf("/api/v1/applications/%d", id)
	release := holdWrites(t, path, id)
	stalled := time.Now()
	var wg sync.WaitGroup
	codes := make(chan int, 1000)
	const writes = 40 // more than the default 32 that run at once
	for i := range writes {
		wg.Go(func() {
			codes <- g.call(context.Background(), "POST", "/api/v1/applications", fmt.Sprintf(`{"company":"Co %d","role":"Engineer"}`, i)).Code
		})
	}
	released := false
	const stream = 160 // about one every 2 ms, through the stall and after it: three reads to a write
	for i := range stream {
		if !released && time.Since(stalled) >= 150*time.Millisecond {
			release()
			released = true
		}
		if i%4 == 3 {
			wg.Go(func() {
				codes <- g.call(context.Background(), "POST", "/api/v1/applications", fmt.Sprintf(`{"company":"Late %d","role":"Engineer"}`, i)).Code
			})
		} else {
			wg.Go(func() { codes <- g.call(context.Background(), "GET", get, "").Code })
		}
		time.Sleep(2 * time.Millisecond)
	}
	if !released {
		release()
	}
	wg.Wait()
	close(codes)
	got := map[int]int{}
	for code := range codes {
		got[code]++
	}
	if want := writes + stream/4; got[http.StatusCreated] != want || got[http.StatusOK] != stream-stream/4 {
		t.Errorf("answers by status %v, want %d created and %d read: a stall of 150 ms turned requests away", got, want, stream-stream/4)
	}
}

// TestGateShedsASustainedOverload holds SQLite's write lock for two
// seconds, far longer than a write may wait, while writes keep coming:
// the writes past the server's bound are refused with 503, Retry-After
// and the API's error shape instead of waiting for as long as their
// clients do, the reads are answered all along, and once the lock goes
// the writes are served again.
func TestGateShedsASustainedOverload(t *testing.T) {
	path := filepath.Join(t.TempDir(), "tracker.db")
	db, err := storage.Open(context.Background(), path)
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	g := newGated(t, db, httpapi.Config{}) // the server's own bounds
	id := g.create("Acme")
	get := fmt.Sprintf("/api/v1/applications/%d", id)
	release := holdWrites(t, path, id)
	held := time.Now()
	var wg sync.WaitGroup
	var mu sync.Mutex
	var refused *httptest.ResponseRecorder
	reads := map[int]int{}
	for i := 0; time.Since(held) < 2*time.Second; i++ {
		wg.Go(func() {
			rec := g.call(context.Background(), "POST", "/api/v1/applications", fmt.Sprintf(`{"company":"Co %d","role":"Engineer"}`, i))
			mu.Lock()
			defer mu.Unlock()
			if rec.Code == http.StatusServiceUnavailable && refused == nil {
				refused = rec
			}
		})
		if i%10 == 0 {
			rec := g.call(context.Background(), "GET", get, "")
			mu.Lock()
			reads[rec.Code]++
			mu.Unlock()
		}
		time.Sleep(5 * time.Millisecond)
	}
	release()
	wg.Wait()
	if refused == nil {
		t.Fatal("no write was refused while the writer was held for two seconds")
	}
	var body struct {
		Error struct{ Code, Message string } `json:"error"`
	}
	if err := json.Unmarshal(refused.Body.Bytes(), &body); err != nil || body.Error.Code != "unavailable" ||
		!strings.Contains(body.Error.Message, "busy") || refused.Header().Get("Retry-After") != "1" {
		t.Errorf("refusal: %s, Retry-After %q", refused.Body, refused.Header().Get("Retry-After"))
	}
	if len(reads) != 1 || reads[http.StatusOK] == 0 {
		t.Errorf("reads while the writer was held, by status: %v, want all 200", reads)
	}
	if rec := g.call(context.Background(), "POST", "/api/v1/applications", `{"company":"After","role":"Engineer"}`); rec.Code != http.StatusCreated {
		t.Errorf("a create after the overload: %d %s", rec.Code, rec.Body)
	}
}
