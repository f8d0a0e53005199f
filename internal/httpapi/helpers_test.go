package httpapi_test

import (
	"bytes"
	"context"
	"database/sql"
	"encoding/json"
	"fmt"
	"io"
	"log/slog"
	"net/http"
	"net/http/httptest"
	"regexp"
	"strings"
	"sync"
	"testing"
	"time"

	_ "github.com/mattn/go-sqlite3" // the "sqlite3" driver the snapshot reads with

	"tracker/internal/accounts"
	"tracker/internal/applications"
	"tracker/internal/feed"
	"tracker/internal/httpapi"
	"tracker/internal/notify"
	"tracker/internal/storage"
	"tracker/internal/storage/storagetest"
)

// testPassword is the password of every test user.
const testPassword = "correct horse battery staple"

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

// server is the real router over a real SQLite file, with one user whose
// API token do and run send.
type server struct {
	t     testing.TB
	h     http.Handler
	db    *storage.DB
	accts *accounts.Service
	path  string
	clock *clock
	logs  *syncBuffer
	user  *accounts.User
	token string
}

// newServer returns a server with the default configuration and one user,
// sam@example.com, signed in by an API token.
func newServer(t testing.TB) *server {
	t.Helper()
	db, path := storagetest.SQLite(t)
	return newServerOn(t, db, path)
}

// newServerOn is newServer over db, whose SQLite file is at path ("" on
// PostgreSQL, where snapshot cannot be used).
func newServerOn(t testing.TB, db *storage.DB, path string) *server {
	t.Helper()
	s := newServerOver(t, db, path, httpapi.Config{}, accounts.Options{})
	s.user, s.token = s.newUser("sam@example.com")
	s.must("GET", "/api/v1/me", "", http.StatusOK, nil) // the token's first use, recorded now rather than in a test's snapshot
	return s
}

// newServerWith returns a server without users, built from cfg (its
// services are filled in, and its logger unless cfg has one) and the
// accounts options.
func newServerWith(t testing.TB, cfg httpapi.Config, opts accounts.Options) *server {
	t.Helper()
	db, path := storagetest.SQLite(t)
	return newServerOver(t, db, path, cfg, opts)
}

// newServerOver is newServerWith over db, whose SQLite file is at path.
func newServerOver(t testing.TB, db *storage.DB, path string, cfg httpapi.Config, opts accounts.Options) *server {
	t.Helper()
	c := &clock{t: start}
	logs := &syncBuffer{}
	cfg.Apps = applications.NewService(db, c.now)
	cfg.Accounts = accounts.NewService(db, c.now, opts)
	cfg.Feeds = feed.NewService(db, c.now)
	cfg.Backups = db
	cfg.Reminders = notify.NewService(db, cfg.Apps, c.now, notify.Options{})
	if cfg.Logger == nil {
		cfg.Logger = slog.New(slog.NewJSONHandler(logs, nil))
	}
	return &server{t: t, h: httpapi.New(cfg), db: db, accts: cfg.Accounts, path: path, clock: c, logs: logs}
}

// newUser creates a user with testPassword and an API token, and returns
// both.
func (s *server) newUser(email string) (*accounts.User, string) {
	s.t.Helper()
	ctx := context.Background()
	u, err := s.accts.CreateUser(ctx, email, testPassword)
	if err != nil {
		s.t.Fatalf("create user %s: %v", email, err)
	}
	token, _, err := s.accts.CreateToken(ctx, u.ID, "tests")
	if err != nil {
		s.t.Fatalf("create token: %v", err)
	}
	return u, token
}

// do sends a request with the server's API token; a non-empty body goes as
// application/json.
func (s *server) do(method, url, body string) *httptest.ResponseRecorder {
	s.t.Helper()
	return s.doAs(s.token, method, url, body)
}

// doAs sends a request with token ("" for none).
func (s *server) doAs(token, method, url, body string) *httptest.ResponseRecorder {
	s.t.Helper()
	req := httptest.NewRequest(method, url, strings.NewReader(body))
	if body != "" {
		req.Header.Set("Content-Type", "application/json")
	}
	if token != "" {
		req.Header.Set("Authorization", "Bearer "+token)
	}
	return s.send(s.t, req)
}

// send serves req and fails t if the answer leaks internals: one of leaks
// that the request did not send itself.
func (s *server) send(t testing.TB, req *http.Request) *httptest.ResponseRecorder {
	t.Helper()
	sent, _ := io.ReadAll(req.Body)
	req.Body = io.NopCloser(bytes.NewReader(sent))
	rec := httptest.NewRecorder()
	s.h.ServeHTTP(rec, req)
	req.Body = io.NopCloser(bytes.NewReader(sent))
	checkOpenAPI(t, req, rec)
	if leak := leakIn(rec.Body.String(), string(sent)+req.URL.String()); leak != "" {
		t.Errorf("%s %s: the answer leaks %q: %.300s", req.Method, req.URL, leak, rec.Body)
	}
	return rec
}

// leaks are words only a stack trace, a query or a server path would put
// into an answer.
var leaks = []string{"sql", "gorm", "goroutine", ".go:", "/root/", "SELECT"}

// randomSecret matches the random tokens an answer may hold (CSRF and API
// tokens), which may spell a leak word by chance.
var randomSecret = regexp.MustCompile(`[A-Za-z0-9_-]{32,}`)

// leakIn returns the first of leaks in body but not in sent, or "".
func leakIn(body, sent string) string {
	body = randomSecret.ReplaceAllString(body, "")
	for _, l := range leaks {
		if strings.Contains(body, l) && !strings.Contains(sent, l) {
			return l
		}
	}
	return ""
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
