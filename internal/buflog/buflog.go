// Package buflog batches a log's writes: lines are gathered in memory and
// written out every interval, when the buffer fills, and on Close. A
// server that logs a line per request then makes one write a batch
// instead of one a request; a line waits at most one interval, and a
// clean stop (Close) loses none.
package buflog

import (
	"bufio"
	"io"
	"sync"
	"time"
)

// bufferBytes is how much the buffer holds before it is written out
// without waiting for the interval.
const bufferBytes = 64 << 10

// Writer is an io.Writer, safe for concurrent use, that batches the writes
// to the writer under it.
type Writer struct {
	mu     sync.Mutex
	w      *bufio.Writer
	closed bool
	stop   chan struct{}
	done   chan struct{}
}

// New returns a Writer on w that writes out what it holds every interval
// until it is closed.
func New(w io.Writer, every time.Duration) *Writer {
	b := &Writer{w: bufio.NewWriterSize(w, bufferBytes), stop: make(chan struct{}), done: make(chan struct{})}
	go b.flushEvery(every)
	return b
}

func (b *Writer) flushEvery(every time.Duration) {
	defer close(b.done)
	t := time.NewTicker(every)
	defer t.Stop()
	for {
		select {
		case <-b.stop:
			return
		case <-t.C:
			_ = b.Flush() // a failed write shows in the next Write's error
		}
	}
}

// Write adds p to the batch; after Close it writes p out at once.
func (b *Writer) Write(p []byte) (int, error) {
	b.mu.Lock()
	defer b.mu.Unlock()
	n, err := b.w.Write(p)
	if err == nil && b.closed {
		err = b.w.Flush()
	}
	return n, err
}

// Flush writes out what the batch holds.
func (b *Writer) Flush() error {
	b.mu.Lock()
	defer b.mu.Unlock()
	if b.w.Buffered() == 0 {
		return nil
	}
	return b.w.Flush()
}

// Close stops the periodic writes and writes out what the batch holds;
// later writes go out at once. It does not close the writer under it.
func (b *Writer) Close() error {
	b.mu.Lock()
	if b.closed {
		b.mu.Unlock()
		return nil
	}
	b.closed = true
	b.mu.Unlock()
	close(b.stop)
	<-b.done
	return b.Flush()
}
