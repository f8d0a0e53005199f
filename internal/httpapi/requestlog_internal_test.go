package httpapi

import (
	"bytes"
	"log/slog"
	"net/http"
	"net/http/httptest"
	"testing"

	"github.com/labstack/echo/v4"
)

// TestRequestLogAsLogAttrs checks that the request log writes the line
// that slog's LogAttrs writes with the same attributes (the time and the
// latency aside), in both of the server's formats.
func TestRequestLogAsLogAttrs(t *testing.T) {
	drop := func(_ []string, a slog.Attr) slog.Attr {
		if a.Key == slog.TimeKey || a.Key == "latency" {
			return slog.Attr{}
		}
		return a
	}
	opts := &slog.HandlerOptions{ReplaceAttr: drop}
	for name, newHandler := range map[string]func(*bytes.Buffer) slog.Handler{
		"text": func(b *bytes.Buffer) slog.Handler { return slog.NewTextHandler(b, opts) },
		"json": func(b *bytes.Buffer) slog.Handler { return slog.NewJSONHandler(b, opts) },
	} {
		var got, want bytes.Buffer
		e := echo.New()
		req := httptest.NewRequest(http.MethodGet, "/api/v1/applications?limit=5", nil)
		rec := httptest.NewRecorder()
		c := e.NewContext(req, rec)
		c.Response().Header()[echo.HeaderXRequestID] = []string{"req-1"}
		h := withRequestLog(slog.New(newHandler(&got)))(func(c echo.Context) error { return c.String(http.StatusTeapot, "tea") })
		if err := h(c); err != nil {
			t.Fatal(err)
		}
		slog.New(newHandler(&want)).LogAttrs(req.Context(), slog.LevelInfo, "request",
			slog.String("method", "GET"), slog.String("path", "/api/v1/applications"), slog.Int("status", http.StatusTeapot),
			slog.Int64("bytes", 3), slog.Duration("latency", 0), slog.String("request_id", "req-1"))
		if got.String() != want.String() {
			t.Errorf("%s: the request log wrote\n%s\nLogAttrs writes\n%s", name, got.String(), want.String())
		}
	}
	var none bytes.Buffer
	e := echo.New()
	c := e.NewContext(httptest.NewRequest(http.MethodGet, "/", nil), httptest.NewRecorder())
	quiet := slog.New(slog.NewTextHandler(&none, &slog.HandlerOptions{Level: slog.LevelWarn}))
	if err := withRequestLog(quiet)(func(c echo.Context) error { return c.NoContent(http.StatusOK) })(c); err != nil || none.Len() != 0 {
		t.Errorf("a logger above info wrote %q (%v)", none.String(), err)
	}
}
