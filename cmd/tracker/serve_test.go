package main

import (
	"bufio"
	"context"
	"encoding/json"
	"io"
	"net/http"
	"path/filepath"
	"strings"
	"testing"
	"time"
)

// TestServe starts the real server on port 0, finds its address in the
// log, asks /healthz, and checks that cancelling shuts it down cleanly.
func TestServe(t *testing.T) {
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	logR, logW := io.Pipe()
	db := filepath.Join(t.TempDir(), "tracker.db")
	getenv := func(k string) string { return map[string]string{"TRACKER_LOG_FORMAT": "json"}[k] }
	exit := make(chan int, 1)
	go func() {
		code := run(ctx, []string{"serve", "--addr", "127.0.0.1:0", "--db", db}, strings.NewReader(""), io.Discard, logW, getenv)
		logW.Close()
		exit <- code
	}()

	addr := listeningAddr(t, logR)
	go io.Copy(io.Discard, logR) // keep the logger from blocking
	client := &http.Client{Timeout: 5 * time.Second}
	if status, _ := get(t, client, "http://"+addr+"/healthz"); status != http.StatusOK {
		t.Errorf("GET /healthz: status %d, want 200", status)
	}

	// The command line works on the same database while the server runs.
	var out, errOut strings.Builder
	args := []string{"add", "--company", "Acme", "--role", "Dev", "--db", db}
	if code := run(ctx, args, strings.NewReader(""), &out, &errOut, getenv); code != 0 {
		t.Fatalf("add while serving: exit %d: %s", code, errOut.String())
	}
	status, body := get(t, client, "http://"+addr+"/api/v1/applications/1")
	if status != http.StatusOK || !strings.Contains(body, "Acme") {
		t.Errorf("GET the application the CLI added: %d %s", status, body)
	}

	cancel()
	select {
	case code := <-exit:
		if code != 0 {
			t.Errorf("serve exited %d after cancel, want 0", code)
		}
	case <-time.After(15 * time.Second):
		t.Fatal("serve did not stop after cancel")
	}
}

// get fetches url and returns the status and body.
func get(t *testing.T, client *http.Client, url string) (int, string) {
	t.Helper()
	resp, err := client.Get(url)
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
