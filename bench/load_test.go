package main

import (
	"fmt"
	"os"
	"path/filepath"
	"testing"
	"time"

	vegeta "github.com/tsenart/vegeta/v12/lib"
)

// TestMovesKeptForTheMix checks that the maximum run of the moves leaves
// the mix the applications it was told the mix needs, however many moves
// it asks for, and that every move is of a seeded applied application,
// each moved once.
func TestMovesKeptForTheMix(t *testing.T) {
	sz := sizes{Users: 3, Apps: 45, Big: 100}
	c := classes(sz)[0]
	var e *endpoint
	for _, ep := range endpoints(sz, c, "") {
		if ep.Name == "POST transitions" {
			e = ep
		}
	}
	applied := map[string]bool{}
	for _, u := range c.users {
		for i := range c.apps {
			if pattern[i%len(pattern)] == "applied" {
				applied[fmt.Sprintf("/applications/%d/transitions", sz.appID(u, i))] = true
			}
		}
	}
	const kept = 7
	e.keep(kept)
	moved := map[string]bool{}
	take := func(next func(uint64, *vegeta.Target) bool) (n int) {
		var tg vegeta.Target
		for k := uint64(0); next(k, &tg); k++ {
			if !applied[tg.URL] || moved[tg.URL] {
				t.Fatalf("move %s: not an applied application, or moved before", tg.URL)
			}
			moved[tg.URL] = true
			n++
		}
		return n
	}
	if n := take(e.next); n != len(applied)-kept {
		t.Errorf("the maximum run moved %d applications, want all %d but the %d kept", n, len(applied), kept)
	}
	if n := take(e.mixed); n != kept {
		t.Errorf("the mix moved %d applications, want the %d kept", n, kept)
	}
}

// TestServerLogByRun reads request lines as the server writes them and
// finds each run's requests by their id, past what an earlier read saw.
func TestServerLogByRun(t *testing.T) {
	path := filepath.Join(t.TempDir(), "server.log")
	line := func(id, latency string) string {
		return `time=2026-11-27T16:56:51.003Z level=INFO msg=request method=GET path=/api/v1/applications status=200 bytes=153 latency=` +
			latency + ` request_id=` + id + "\n"
	}
	first := line("max0.0", "9ms") + "time=2026-11-27T16:56:51.004Z level=INFO msg=\"database open\" db=x.db\n"
	if err := os.WriteFile(path, []byte(first), 0o644); err != nil {
		t.Fatal(err)
	}
	l := &serverLog{path: path}
	l.skip()
	f, err := os.OpenFile(path, os.O_APPEND|os.O_WRONLY, 0)
	if err != nil {
		t.Fatal(err)
	}
	f.WriteString(line(requestID("mix3", 0), "1.5ms") + line(requestID("mix3", 1), "250µs") + line("f3479a281256dc717ea050bf9d59d927", "2ms") +
		line(requestID("mix12", 0), "1.2s") + `time=x msg=request latency=3ms request_id=mix3.2`) // the last line not yet whole
	f.Close()
	got := l.read()
	if len(got) != 2 || len(got["mix3"].latencies) != 2 || len(got["mix12"].latencies) != 1 {
		t.Fatalf("runs read: %v", got)
	}
	if p50, p99 := quantile(got["mix3"].latencies, 0.5), quantile(got["mix3"].latencies, 0.99); p50 != 1.5 || p99 != 1.5 {
		t.Errorf("mix3: p50 %v ms, p99 %v ms", p50, p99)
	}
	if got := quantile(got["mix12"].latencies, 0.5); got != 1200 {
		t.Errorf("mix12: %v ms", got)
	}
}

// TestSummaryCounts checks that a run's answers are counted exactly:
// successes, 503s and other failures.
func TestSummaryCounts(t *testing.T) {
	var m vegeta.Metrics
	for i := range 22 {
		r := &vegeta.Result{Code: 200, Latency: time.Millisecond, Timestamp: time.Unix(int64(i), 0)}
		switch {
		case i < 4:
			r.Code, r.Error = 503, "503 Service Unavailable"
		case i < 7:
			r.Code, r.Error = 0, "context deadline exceeded"
		}
		m.Add(r)
	}
	m.Close()
	r := summarise("x", &m)
	if r.Requests != 22 || r.Refused != 4 || r.Errors != 3 || r.FirstError != "context deadline exceeded" {
		t.Errorf("22 requests, 15 answered, 4 refused, 3 failed: got %+v", r)
	}
}
