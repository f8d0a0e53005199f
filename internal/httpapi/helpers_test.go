package httpapi_test

import (
	"bytes"
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

	_ "github.com/mattn/go-sqlite3" // the "sqlite3" driver the snapshot reads with

	"tracker/internal/applications"
	"tracker/internal/decline"
	"tracker/internal/httpapi"
	"tracker/internal/storage"
)

// start is the fixed "now" every test begins at.
var start = time.Date(2026, 3, 2, 9, 0, 0, 0, time.UTC)

// clock is a settable clock for the service.
type clock struct {
	mu sync.Mutex
	t  time.Time
}

func (c *clock) now() time.Time { c.mu.Lock(); defer c.mu.Unlock(); return c.t }

func (c *clock) advance(d time.Duration) { c.mu.Lock(); defer c.mu.Unlock(); c.t = c.t.Add(d) }

// syncBuffer is a log sink that concurrent requests may share.
type syncBuffer struct {
	mu sync.Mutex
	b  bytes.Buffer
}

func (s *syncBuffer) Write(p []byte) (int, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.b.Write(p)
}

func (s *syncBuffer) String() string { s.mu.Lock(); defer s.mu.Unlock(); return s.b.String() }

// server is the real router over a real SQLite file.
type server struct {
	t     *testing.T
	h     http.Handler
	db    *storage.DB
	path  string
	clock *clock
	logs  *syncBuffer
}

func newServer(t *testing.T) *server {
	t.Helper()
	path := filepath.Join(t.TempDir(), "tracker.db")
	db, err := storage.OpenSQLite(context.Background(), path)
	if err != nil {
		t.Fatalf("open sqlite: %v", err)
	}
	t.Cleanup(func() { db.Close() })
	c := &clock{t: start}
	logs := &syncBuffer{}
	svc := applications.NewService(db, decline.DefaultPolicy(), c.now)
	e := httpapi.New(httpapi.Config{Apps: svc, Logger: slog.New(slog.NewJSONHandler(logs, nil))})
	return &server{t: t, h: e, db: db, path: path, clock: c, logs: logs}
}

// do sends a request; a non-empty body goes as application/json.
func (s *server) do(method, url, body string) *httptest.ResponseRecorder {
	s.t.Helper()
	req := httptest.NewRequest(method, url, strings.NewReader(body))
	if body != "" {
		req.Header.Set("Content-Type", "application/json")
	}
	rec := httptest.NewRecorder()
	s.h.ServeHTTP(rec, req)
	return rec
}

// must sends a request and fails the test unless the status is want; it
// decodes the JSON answer into out when out is not nil.
func (s *server) must(method, url, body string, want int, out any) {
	s.t.Helper()
	rec := s.do(method, url, body)
	if rec.Code != want {
		s.t.Fatalf("%s %s = %d, want %d: %s", method, url, rec.Code, want, rec.Body)
	}
	if out != nil {
		if err := json.Unmarshal(rec.Body.Bytes(), out); err != nil {
			s.t.Fatalf("%s %s: decode %q: %v", method, url, rec.Body, err)
		}
	}
}

// snapshot dumps every row of every table of the database file, read
// through database/sql beside the service, so a test can tell that a
// refused request changed nothing.
func (s *server) snapshot() string {
	s.t.Helper()
	db, err := sql.Open("sqlite3", "file:"+s.path+"?mode=ro&_busy_timeout=5000")
	if err != nil {
		s.t.Fatalf("open snapshot: %v", err)
	}
	defer db.Close()
	tables, err := queryStrings(db, `SELECT name FROM sqlite_master WHERE type = 'table'
		AND name NOT LIKE 'sqlite_%' AND name <> 'goose_db_version' ORDER BY name`)
	if err != nil {
		s.t.Fatalf("list tables: %v", err)
	}
	if len(tables) == 0 {
		s.t.Fatal("the database has no tables")
	}
	var b strings.Builder
	for _, table := range tables {
		rows, err := queryStrings(db, `SELECT * FROM "`+table+`" ORDER BY 1`)
		if err != nil {
			s.t.Fatalf("dump %s: %v", table, err)
		}
		fmt.Fprintf(&b, "%s:\n%s\n", table, strings.Join(rows, "\n"))
	}
	return b.String()
}

// queryStrings returns each row of query as one line of its columns.
func queryStrings(db *sql.DB, query string) ([]string, error) {
	rows, err := db.Query(query)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	cols, err := rows.Columns()
	if err != nil {
		return nil, err
	}
	var out []string
	for rows.Next() {
		vals := make([]any, len(cols))
		ptrs := make([]any, len(cols))
		for i := range vals {
			ptrs[i] = &vals[i]
		}
		if err := rows.Scan(ptrs...); err != nil {
			return nil, err
		}
		parts := make([]string, len(vals))
		for i, v := range vals {
			if b, ok := v.([]byte); ok {
				v = string(b)
			}
			parts[i] = fmt.Sprint(v)
		}
		out = append(out, strings.Join(parts, "|"))
	}
	return out, rows.Err()
}

// errorBody is the error shape every failing response must have.
type errorBody struct {
	Error struct {
		Code      string            `json:"code"`
		Message   string            `json:"message"`
		Fields    map[string]string `json:"fields"`
		Allowed   []string          `json:"allowed"`
		RequestID string            `json:"request_id"`
	} `json:"error"`
}

// checkErrorShape fails the test unless rec is a JSON error with a code, a
// message and a request id matching the X-Request-ID header.
func checkErrorShape(t *testing.T, rec *httptest.ResponseRecorder) errorBody {
	t.Helper()
	var eb errorBody
	if ct := rec.Header().Get("Content-Type"); !strings.HasPrefix(ct, "application/json") {
		t.Fatalf("error Content-Type = %q, body %s", ct, rec.Body)
	}
	if err := json.Unmarshal(rec.Body.Bytes(), &eb); err != nil {
		t.Fatalf("error body %q is not JSON: %v", rec.Body, err)
	}
	if eb.Error.Code == "" || eb.Error.Message == "" || eb.Error.RequestID == "" {
		t.Fatalf("error body lacks code, message or request_id: %s", rec.Body)
	}
	if got := rec.Header().Get("X-Request-ID"); got != eb.Error.RequestID {
		t.Fatalf("request_id %q differs from the X-Request-ID header %q", eb.Error.RequestID, got)
	}
	return eb
}

// rfc3339 formats t as the API expects.
func rfc3339(t time.Time) string { return t.UTC().Format(time.RFC3339) }
