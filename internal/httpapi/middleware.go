package httpapi

import (
	"crypto/rand"
	"encoding/hex"
	"fmt"
	"io"
	"log/slog"
	"net/http"
	"regexp"
	"runtime/debug"
	"time"

	"github.com/labstack/echo/v4"
)

// The request id, log, recovery and body limit are written here on the
// standard library: they are short, and they keep the API's own error shape
// and log fields. CSRF and CORS come from echo/v4/middleware.

// safeRequestID is what a client's request id may look like; it is echoed
// in responses and logs, so anything else is replaced by a fresh one.
var safeRequestID = regexp.MustCompile(`^[A-Za-z0-9._:-]{1,64}$`)

// withRequestID gives every request an id, in the X-Request-ID response
// header: the client's own when it is a short token, else a random one.
func withRequestID(next echo.HandlerFunc) echo.HandlerFunc {
	return func(c echo.Context) error {
		id := headerOf(c.Request().Header, echo.HeaderXRequestID)
		if !safeRequestID.MatchString(id) {
			id = newRequestID()
		}
		c.Response().Header()[echo.HeaderXRequestID] = []string{id}
		return next(c)
	}
}

func newRequestID() string {
	var b [16]byte
	_, _ = rand.Read(b[:]) // crypto/rand.Read never fails on supported platforms
	var id [2 * len(b)]byte
	hex.Encode(id[:], b[:])
	return string(id[:]) // one allocation, where hex.EncodeToString makes two
}

// withRequestLog hands any error to the error handler, so the status is
// final, then logs one line per request.
func withRequestLog(logger *slog.Logger) echo.MiddlewareFunc {
	return func(next echo.HandlerFunc) echo.HandlerFunc {
		return func(c echo.Context) error {
			start := time.Now()
			if err := next(c); err != nil {
				c.Error(err)
			}
			ctx := c.Request().Context()
			if !logger.Enabled(ctx, slog.LevelInfo) {
				return nil
			}
			// The record as LogAttrs makes it, but without the caller's
			// program counter, which it finds by walking the stack (a
			// fiftieth of a GET by id): the line names no source, which the
			// server's handlers do not write.
			r := slog.NewRecord(time.Now(), slog.LevelInfo, "request", 0)
			r.AddAttrs(
				slog.String("method", c.Request().Method),
				slog.String("path", c.Request().URL.Path),
				slog.Int("status", c.Response().Status),
				slog.Int64("bytes", c.Response().Size),
				slog.Duration("latency", time.Since(start)),
				slog.String("request_id", requestID(c)))
			_ = logger.Handler().Handle(ctx, r)
			return nil
		}
	}
}

// withRecover turns a panic in a handler into an error that the error
// handler logs, stack included, and answers with 500 "internal error".
func withRecover(next echo.HandlerFunc) echo.HandlerFunc {
	return func(c echo.Context) (err error) {
		defer func() {
			if r := recover(); r != nil {
				if r == http.ErrAbortHandler {
					panic(r) // the server's own signal to drop the connection
				}
				err = fmt.Errorf("panic: %v\n%s", r, debug.Stack())
			}
		}()
		return next(c)
	}
}

// withBodyLimit refuses a body over large bytes with 413, and one over
// small bytes until the request is signed in (liftBodyLimit): a stranger's
// request, a sign-in form say, costs little memory while in flight. The
// refusal comes at once when Content-Length says so (and a request without
// credentials cannot be signed in), else when the handler reads past the
// limit.
func withBodyLimit(small, large int64) echo.MiddlewareFunc {
	return func(next echo.HandlerFunc) echo.HandlerFunc {
		return func(c echo.Context) error {
			req := c.Request()
			if req.ContentLength == 0 && (req.Body == nil || req.Body == http.NoBody) {
				return next(c) // no body, nothing to limit: most GETs
			}
			orig := req.Body
			_, bearer := bearerToken(req)
			anonymous := !bearer && sessionID(c) == ""
			if req.ContentLength > large || (anonymous && req.ContentLength > small) {
				return refuseTooLarge(c, orig, echo.ErrStatusRequestEntityTooLarge)
			}
			body := &liftableBody{rc: http.MaxBytesReader(c.Response(), req.Body, large), limit: small}
			req.Body = body
			c.Set(bodyKey, body)
			err := next(c)
			if err != nil && toAPIError(err).status == http.StatusRequestEntityTooLarge {
				return refuseTooLarge(c, orig, err)
			}
			return err
		}
	}
}

// A refused body is read and thrown away, up to drainBytes and for at most
// drainTime, after the 413 is sent: a client that sends its whole body
// before it reads (as many simple ones do) then finishes sending and reads
// the answer, where a connection closed on unread data would reset it
// mid-send. A body declared larger than that is not read at all.
const (
	drainBytes = 32 << 20
	drainTime  = 10 * time.Second
)

// refuseTooLarge answers err (a 413, with Connection: close) at once, then
// drains the rest of body within the bounds above.
func refuseTooLarge(c echo.Context, body io.Reader, err error) error {
	c.Error(err)
	req := c.Request()
	if req.ContentLength > drainBytes {
		return nil
	}
	rc := http.NewResponseController(c.Response().Writer)
	_ = rc.Flush()
	_ = rc.SetReadDeadline(time.Now().Add(drainTime))
	_, _ = io.CopyN(io.Discard, body, drainBytes)
	return nil
}

// bodyKey holds the request's liftableBody in the echo context.
const bodyKey = "tracker.body"

// liftBodyLimit raises the body limit of a signed-in request to the large
// one.
func liftBodyLimit(c echo.Context) {
	if b, ok := c.Get(bodyKey).(*liftableBody); ok {
		b.limit = bodyLimitBytes
	}
}

// liftableBody is a request body refused past limit bytes, a limit that
// liftBodyLimit raises once the request is signed in.
type liftableBody struct {
	rc    io.ReadCloser
	read  int64
	limit int64
}

// Read reads on while at most limit bytes have been read.
func (b *liftableBody) Read(p []byte) (int, error) {
	if b.read > b.limit {
		return 0, &http.MaxBytesError{Limit: b.limit}
	}
	if rest := b.limit - b.read + 1; int64(len(p)) > rest {
		p = p[:rest]
	}
	n, err := b.rc.Read(p)
	b.read += int64(n)
	if b.read > b.limit {
		return n, &http.MaxBytesError{Limit: b.limit}
	}
	return n, err
}

// Close closes the body.
func (b *liftableBody) Close() error { return b.rc.Close() }

// withSameOrigin refuses state-changing requests that a browser sends from
// another site (by Sec-Fetch-Site, else Origin), except from the origins
// CORS allows. It is the first of two layers against cross-site request
// forgery; the CSRF token is the second. Requests from curl and other
// non-browser clients carry neither header and pass.
func withSameOrigin(trusted []string, logger *slog.Logger) echo.MiddlewareFunc {
	cop := http.NewCrossOriginProtection()
	for _, origin := range trusted {
		if err := cop.AddTrustedOrigin(origin); err != nil {
			logger.Warn("ignoring a CORS origin that is not an origin", slog.String("origin", origin), slog.Any("error", err))
		}
	}
	return func(next echo.HandlerFunc) echo.HandlerFunc {
		return func(c echo.Context) error {
			if err := cop.Check(c.Request()); err != nil {
				return echo.ErrForbidden
			}
			return next(c)
		}
	}
}
