package main

import (
	"bufio"
	"bytes"
	"context"
	"encoding/json"
	"io"
	"net/http"
	"regexp"
	"strings"
	"sync"
	"testing"
	"time"
)

// syncBuffer is a bytes.Buffer that the server's goroutine may write while
// the test reads it.
type syncBuffer struct {
	mu  sync.Mutex
	buf bytes.Buffer
}

func (b *syncBuffer) Write(p []byte) (int, error) {
	b.mu.Lock()
	defer b.mu.Unlock()
	return b.buf.Write(p)
}

func (b *syncBuffer) String() string {
	b.mu.Lock()
	defer b.mu.Unlock()
	return b.buf.String()
}

// server is a running tracker serve.
type server struct {
	addr        string
	stdout, log *syncBuffer
	stop        func() // cancels serve and checks that it exits 0
}

// startServe runs tracker serve on port 0 on the test's database with a
// JSON log, and returns once it listens.
func (c *cli) startServe(t *testing.T, args ...string) *server {
	t.Helper()
	ctx, cancel := context.WithCancel(context.Background())
	logR, logW := io.Pipe()
	c.env["TRACKER_LOG_FORMAT"] = "json"
	getenv := func(k string) string { return c.env[k] }
	s := &server{stdout: &syncBuffer{}, log: &syncBuffer{}}
	exit := make(chan int, 1)
	go func() {
		args := append([]string{"serve", "--addr", "127.0.0.1:0", "--db", c.db}, args...)
		code := run(ctx, args, strings.NewReader(""), s.stdout, logW, getenv)
		logW.Close()
		exit <- code
	}()
	logged := io.TeeReader(logR, s.log)
	s.addr = listeningAddr(t, logged)
	logDone := make(chan struct{})
	go func() { // keep the logger from blocking, and keep the log
		io.Copy(io.Discard, logged)
		close(logDone)
	}()
	s.stop = func() {
		t.Helper()
		cancel()
		select {
		case code := <-exit:
			<-logDone
			if code != 0 {
				t.Errorf("serve exited %d after cancel, want 0\nlog:\n%s", code, s.log.String())
			}
		case <-time.After(15 * time.Second):
			t.Fatal("serve did not stop after cancel")
		}
	}
	t.Cleanup(cancel)
	return s
}

// TestServe starts the real server on port 0 on a database with an
// account, asks /healthz and the API with a token, and checks that
// cancelling shuts it down cleanly.
func TestServe(t *testing.T) {
	c := newCLI(t)
	token := strings.TrimSpace(c.do("token", "create", "--name", "test").stdout)
	srv := c.startServe(t)
	client := &http.Client{Timeout: 5 * time.Second}
	if status, _ := get(t, client, "http://"+srv.addr+"/healthz", ""); status != http.StatusOK {
		t.Errorf("GET /healthz: status %d, want 200", status)
	}

	// The command line works on the same database while the server runs.
	check(t, c.do("add", "--company", "Acme", "--role", "Dev"), 0)
	status, body := get(t, client, "http://"+srv.addr+"/api/v1/applications/1", token)
	if status != http.StatusOK || !strings.Contains(body, "Acme") {
		t.Errorf("GET the application the CLI added: %d %s", status, body)
	}
	srv.stop()
	if out := srv.stdout.String(); strings.Contains(out, "setup") {
		t.Errorf("serve offered a setup link although an account exists:\n%s", out)
	}
}

// setupLinkRE finds the setup link serve prints.
var setupLinkRE = regexp.MustCompile(`http://127\.0\.0\.1:(\d+)/setup\?token=([A-Za-z0-9_-]{43})`)

// TestServeSetupLink starts the server on an empty database: it prints a
// working setup link on standard output and keeps its token out of the log.
func TestServeSetupLink(t *testing.T) {
	c := newEmptyCLI(t)
	srv := c.startServe(t)
	out := srv.stdout.String()
	m := setupLinkRE.FindStringSubmatch(out)
	if !strings.Contains(out, "No account yet. Open this link within 1 hour to create the first one:\n  http://") || m == nil {
		t.Fatalf("standard output lacks the setup link:\n%s", out)
	}
	if !strings.HasSuffix(srv.addr, ":"+m[1]) {
		t.Errorf("the link's port is %s, the server listens on %s", m[1], srv.addr)
	}
	client := &http.Client{Timeout: 5 * time.Second}
	if status, _ := get(t, client, m[0], ""); status != http.StatusOK {
		t.Errorf("GET the setup link: status %d, want 200", status)
	}
	srv.stop()
	if log := srv.log.String(); strings.Contains(log, m[2]) || !strings.Contains(log, `"msg":"stopped"`) {
		t.Errorf("the log holds the setup token, or is cut short:\n%s", log)
	}
}

func TestSetupLinkHost(t *testing.T) {
	tests := []struct{ configured, listening, want string }{
		{"127.0.0.1:0", "127.0.0.1:41234", "http://127.0.0.1:41234/setup?token=T"},
		{"0.0.0.0:8080", "[::]:8080", "http://127.0.0.1:8080/setup?token=T"},
		{":8080", "[::]:8080", "http://127.0.0.1:8080/setup?token=T"},
		{"[::]:8080", "[::]:8080", "http://localhost:8080/setup?token=T"},
		{"[::1]:8080", "[::1]:8080", "http://[::1]:8080/setup?token=T"},
		{"tracker.lan:8080", "192.0.2.7:8080", "http://tracker.lan:8080/setup?token=T"},
	}
	for _, tt := range tests {
		if got := setupLink(tt.configured, fakeAddr(tt.listening), "T"); got != tt.want {
			t.Errorf("setupLink(%q, %q) = %q, want %q", tt.configured, tt.listening, got, tt.want)
		}
	}
}

// fakeAddr is a listening address for setupLink.
type fakeAddr string

func (a fakeAddr) Network() string { return "tcp" }
func (a fakeAddr) String() string  { return string(a) }

// get fetches url, with the API token when one is given, and returns the
// status and body.
func get(t *testing.T, client *http.Client, url, token string) (int, string) {
	t.Helper()
	req, err := http.NewRequest(http.MethodGet, url, nil)
	if err != nil {
		t.Fatal(err)
	}
	if token != "" {
		req.Header.Set("Authorization", "Bearer "+token)
	}
	resp, err := client.Do(req)
	if err != nil {
		t.Fatalf("GET %s: %v", url, err)
	}
	defer resp.Body.Close()
	body, err := io.ReadAll(resp.Body)
	if err != nil {
		t.Fatalf("GET %s: %v", url, err)
	}
	return resp.StatusCode, string(body)
}

// listeningAddr reads JSON log lines until the "listening" one and returns
// its address.
func listeningAddr(t *testing.T, r io.Reader) string {
	t.Helper()
	found := make(chan string, 1)
	go func() {
		sc := bufio.NewScanner(r)
		for sc.Scan() {
			var line struct{ Msg, Addr string }
			if json.Unmarshal(sc.Bytes(), &line) == nil && line.Msg == "listening" {
				found <- line.Addr
				return
			}
		}
		close(found)
	}()
	select {
	case addr, ok := <-found:
		if !ok {
			t.Fatal(`serve stopped without logging "listening"`)
		}
		return addr
	case <-time.After(10 * time.Second):
		t.Fatal(`serve did not log "listening" in time`)
	}
	return ""
}
