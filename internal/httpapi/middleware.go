package httpapi

import (
	"crypto/rand"
	"encoding/hex"
	"fmt"
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
		id := c.Request().Header.Get(echo.HeaderXRequestID)
		if !safeRequestID.MatchString(id) {
			id = newRequestID()
		}
		c.Response().Header().Set(echo.HeaderXRequestID, id)
		return next(c)
	}
}

func newRequestID() string {
	b := make([]byte, 16)
	_, _ = rand.Read(b) // crypto/rand.Read never fails on supported platforms
	return hex.EncodeToString(b)
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
			logger.LogAttrs(c.Request().Context(), slog.LevelInfo, "request",
				slog.String("method", c.Request().Method),
				slog.String("path", c.Request().URL.Path),
				slog.Int("status", c.Response().Status),
				slog.Int64("bytes", c.Response().Size),
				slog.Duration("latency", time.Since(start)),
				slog.String("request_id", requestID(c)))
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

// withBodyLimit refuses a body over limit bytes with 413: at once when
// Content-Length says so, else when the handler reads past the limit.
func withBodyLimit(limit int64) echo.MiddlewareFunc {
	return func(next echo.HandlerFunc) echo.HandlerFunc {
		return func(c echo.Context) error {
			req := c.Request()
			if req.ContentLength > limit {
				return echo.ErrStatusRequestEntityTooLarge
			}
			req.Body = http.MaxBytesReader(c.Response(), req.Body, limit)
			return next(c)
		}
	}
}

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
