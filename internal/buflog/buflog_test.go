package buflog

import (
	"bytes"
	"fmt"
	"strings"
	"sync"
	"testing"
	"time"
)

// lockedBuffer is a bytes.Buffer that the test reads while the Writer
// writes to it from its own goroutine.
type lockedBuffer struct {
	mu     sync.Mutex
	b      bytes.Buffer
	writes int
}

func (l *lockedBuffer) Write(p []byte) (int, error) {
	l.mu.Lock()
	defer l.mu.Unlock()
	l.writes++
	return l.b.Write(p)
}

func (l *lockedBuffer) String() string {
	l.mu.Lock()
	defer l.mu.Unlock()
	return l.b.String()
}

// TestCloseLosesNoLine checks that lines written from many goroutines are
// held back (one write for all of them, not one each) and that Close
// writes every one of them, whole; a line written after Close goes out at
// once.
func TestCloseLosesNoLine(t *testing.T) {
	var out lockedBuffer
	w := New(&out, time.Hour)
	var wg sync.WaitGroup
	for g := range 8 {
		wg.Go(func() {
			for i := range 100 {
				fmt.Fprintf(w, "line %d %d\n", g, i)
			}
		})
	}
	wg.Wait()
	if got := out.String(); got != "" {
		t.Fatalf("written before the interval or Close: %d bytes", len(got))
	}
	if err := w.Close(); err != nil {
		t.Fatal(err)
	}
	lines := strings.Split(strings.TrimSuffix(out.String(), "\n"), "\n")
	if len(lines) != 800 || out.writes != 1 {
		t.Fatalf("%d lines in %d writes after Close, want 800 in 1", len(lines), out.writes)
	}
	seen := map[string]bool{}
	for _, l := range lines {
		seen[l] = true
	}
	for g := range 8 {
		for i := range 100 {
			if l := fmt.Sprintf("line %d %d", g, i); !seen[l] {
				t.Fatalf("%q is missing", l)
			}
		}
	}
	fmt.Fprintln(w, "after close")
	if !strings.HasSuffix(out.String(), "after close\n") {
		t.Error("a line written after Close was held back")
	}
}

// TestWritesOutEveryInterval checks that a line reaches the writer under
// it without a Close, within a few intervals.
func TestWritesOutEveryInterval(t *testing.T) {
	var out lockedBuffer
	w := New(&out, 10*time.Millisecond)
	defer w.Close()
	fmt.Fprintln(w, "hello")
	deadline := time.Now().Add(10 * time.Second)
	for out.String() != "hello\n" {
		if time.Now().After(deadline) {
			t.Fatalf("not written out: %q", out.String())
		}
		time.Sleep(5 * time.Millisecond)
	}
}
