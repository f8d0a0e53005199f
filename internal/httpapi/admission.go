package httpapi

import (
	"net/http"
	"strings"
	"sync/atomic"
	"time"

	"github.com/labstack/echo/v4"

	"tracker/internal/apperr"
)

// The defaults of the admission gate (see gate).
const (
	// DefaultMaxActive is how many reads run at once, and how many writes:
	// twice the 16 connections a server keeps to PostgreSQL, and more
	// than SQLite's readers and the writer's group need. A request past
	// it waits its turn.
	DefaultMaxActive = 32
	// defaultMaxWait is the longest a request waits for its turn while
	// the server keeps up: a burst is served late rather than refused.
	defaultMaxWait = time.Second
	// defaultBehindWait is the longest it waits once no request has got
	// its turn within that long for behindAfter: the server is then
	// behind, every request that waits only adds to the wait of those
	// after it, and a quick 503 is worth more to the client than an
	// answer seconds late.
	defaultBehindWait = 10 * time.Millisecond
	// behindAfter is longer than the writer's longest stalls (its own
	// WAL checkpoint held SQLite's writer 4 to 189 ms, docs/scaling.md
	// "The write tail"): a stall is a burst to ride out, not an overload.
	// At 100 ms, with one line for all requests, a held write lock of
	// 150 ms under a burst of writes and a stream of reads turned away 26
	// to 34 of the test's 160 requests (TestGateRidesOutAWriterStall).
	behindAfter = 500 * time.Millisecond
	// busyRetry is the Retry-After of a refused request.
	busyRetry = time.Second
)

// gate bounds the requests that run at once, and so what waits for the
// database: past the bound a request waits in line (first come, first
// served) for a bounded time, then is refused with 503 and Retry-After.
// Without it every request ran at once and waited for a database
// connection for as long as its client did: past the server's capacity
// the wait grew without bound, clients timed out, and the server spent
// its time on requests nobody waited for any more (on PostgreSQL each
// one cancelled mid-statement costs the pool its connection as well).
//
// Reads and writes have a line each. A write stalls while the database's
// writer does (SQLite's one writer in its WAL checkpoint; a row lock on
// PostgreSQL), and reads need not wait for it: SQLite's readers read
// beside the writer in WAL mode, PostgreSQL's beside a lock. With one
// line, the writes a stall held up filled every place and the reads
// queued behind them.
type gate struct {
	reads, writes *lane
}

// lane is one line of the gate. Its bound on the wait adapts as CoDel
// does: while requests get their turn promptly, one may wait up to
// maxWait, so that a burst is only late; once none has got it within
// behindWait for behindAfter, the lane is behind and waits are cut to
// behindWait until one gets its turn that quickly again. A request whose
// client leaves while it waits is dropped without running.
type lane struct {
	slots      chan struct{}
	maxWait    time.Duration
	behindWait time.Duration
	// prompt is when a request last got its turn within behindWait, in
	// nanoseconds since start.
	prompt atomic.Int64
	start  time.Time
}

func newGate(maxActive int, maxWait, behindWait time.Duration) *gate {
	if maxActive <= 0 {
		maxActive = DefaultMaxActive
	}
	if maxWait <= 0 {
		maxWait = defaultMaxWait
	}
	if behindWait <= 0 {
		behindWait = defaultBehindWait
	}
	behindWait = min(behindWait, maxWait)
	return &gate{reads: newLane(maxActive, maxWait, behindWait), writes: newLane(maxActive, maxWait, behindWait)}
}

func newLane(maxActive int, maxWait, behindWait time.Duration) *lane {
	return &lane{slots: make(chan struct{}, maxActive), maxWait: maxWait, behindWait: behindWait, start: time.Now()}
}

// errBusy is the answer to a request refused at the gate.
var errBusy = &apperr.Error{Code: apperr.EUNAVAILABLE, RetryAfter: busyRetry,
	Message: "the server is busy; nothing was done; try again in a second"}

// middleware runs each request but those skip names once it gets its
// turn in its lane.
func (g *gate) middleware(skip func(c echo.Context) bool) echo.MiddlewareFunc {
	return func(next echo.HandlerFunc) echo.HandlerFunc {
		return func(c echo.Context) error {
			if skip(c) {
				return next(c)
			}
			l := g.writes
			if readsOnly(c) {
				l = g.reads
			}
			if err := l.enter(c.Request()); err != nil {
				return err
			}
			defer func() { <-l.slots }()
			return next(c)
		}
	}
}

// readsOnly reports whether c's route only reads: GET, HEAD and OPTIONS,
// and the previews, which are POSTs for their bodies. A read may still
// write now and then (a token's last use, once a minute), and then waits
// for the writer in the reads' line.
func readsOnly(c echo.Context) bool {
	switch c.Request().Method {
	case http.MethodGet, http.MethodHead, http.MethodOptions:
		return true
	}
	p := c.Path()
	return strings.HasSuffix(p, "/preview") || strings.HasSuffix(p, "/preview.eml")
}

// enter waits for a turn: nil once it has one, errBusy when the wait ran
// out or the client left.
func (l *lane) enter(req *http.Request) error {
	select {
	case l.slots <- struct{}{}:
		l.prompt.Store(int64(time.Since(l.start)))
		return nil
	default:
	}
	began := time.Since(l.start)
	wait := l.maxWait
	if began-time.Duration(l.prompt.Load()) > behindAfter {
		wait = l.behindWait
	}
	t := time.NewTimer(wait)
	defer t.Stop()
	select {
	case l.slots <- struct{}{}:
		if now := time.Since(l.start); now-began <= l.behindWait {
			l.prompt.Store(int64(now))
		}
		return nil
	case <-t.C:
		return errBusy
	case <-req.Context().Done():
		return errBusy // nobody reads it; the request log shows it
	}
}
