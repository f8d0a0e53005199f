package httpapi

import (
	"net/http"
	"sync/atomic"
	"time"

	"github.com/labstack/echo/v4"

	"tracker/internal/apperr"
)

// The defaults of the admission gate (see gate).
const (
	// defaultMaxActive is how many requests run at once: twice the 16
	// connections a server keeps to PostgreSQL, and more than SQLite's
	// readers and the writer's group need. A request past it waits its
	// turn.
	defaultMaxActive = 32
	// defaultMaxWait is the longest a request waits for its turn while
	// the server keeps up: a burst is served late rather than refused.
	defaultMaxWait = time.Second
	// defaultBehindWait is the longest it waits once no request has got
	// its turn within that long for behindAfter: the server is then
	// behind, every request that waits only adds to the wait of those
	// after it, and a quick 503 is worth more to the client than an
	// answer seconds late.
	defaultBehindWait = 10 * time.Millisecond
	behindAfter       = 100 * time.Millisecond
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
// The bound on the wait adapts as CoDel does: while requests get their
// turn promptly, one may wait up to maxWait, so that a burst is only
// late; once none has got it within behindWait for behindAfter, the
// server is behind and waits are cut to behindWait until one gets its
// turn that quickly again. A request whose client leaves while it waits
// is dropped without running.
type gate struct {
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
		maxActive = defaultMaxActive
	}
	if maxWait <= 0 {
		maxWait = defaultMaxWait
	}
	if behindWait <= 0 {
		behindWait = defaultBehindWait
	}
	return &gate{slots: make(chan struct{}, maxActive), maxWait: maxWait, behindWait: min(behindWait, maxWait), start: time.Now()}
}

// errBusy is the answer to a request refused at the gate.
var errBusy = &apperr.Error{Code: apperr.EUNAVAILABLE, RetryAfter: busyRetry,
	Message: "the server is busy; nothing was done; try again in a second"}

// middleware runs each request but those skip names once it gets its
// turn.
func (g *gate) middleware(skip func(c echo.Context) bool) echo.MiddlewareFunc {
	return func(next echo.HandlerFunc) echo.HandlerFunc {
		return func(c echo.Context) error {
			if skip(c) {
				return next(c)
			}
			if err := g.enter(c.Request()); err != nil {
				return err
			}
			defer func() { <-g.slots }()
			return next(c)
		}
	}
}

// enter waits for a turn: nil once it has one, errBusy when the wait ran
// out or the client left.
func (g *gate) enter(req *http.Request) error {
	select {
	case g.slots <- struct{}{}:
		g.prompt.Store(int64(time.Since(g.start)))
		return nil
	default:
	}
	began := time.Since(g.start)
	wait := g.maxWait
	if began-time.Duration(g.prompt.Load()) > behindAfter {
		wait = g.behindWait
	}
	t := time.NewTimer(wait)
	defer t.Stop()
	select {
	case g.slots <- struct{}{}:
		if now := time.Since(g.start); now-began <= g.behindWait {
			g.prompt.Store(int64(now))
		}
		return nil
	case <-t.C:
		return errBusy
	case <-req.Context().Done():
		return errBusy // nobody reads it; the request log shows it
	}
}
