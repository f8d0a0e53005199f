package httpapi_test

import (
	"io"
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"

	"github.com/labstack/echo/v4"
)

// TestInternalErrorHidesDetails closes the database under the service: the
// client sees "internal error" and a request id, the log has the rest.
func TestInternalErrorHidesDetails(t *testing.T) {
	s := newServer(t)
	s.seed()
	if err := s.db.Close(); err != nil {
		t.Fatal(err)
	}
	for _, url := range []string{"/api/v1/applications/1", "/api/v1/applications", "/api/v1/warnings"} {
		rec := s.do("GET", url, "")
		if rec.Code != http.StatusInternalServerError {
			t.Fatalf("GET %s on a closed database = %d: %s", url, rec.Code, rec.Body)
		}
		eb := checkErrorShape(t, rec)
		if eb.Error.Code != "internal" || eb.Error.Message != "internal error" || eb.Error.Fields != nil {
			t.Fatalf("GET %s = %s", url, rec.Body)
		}
		for _, leak := range []string{"sql", "database", "closed", "gorm", ".go", "/tmp"} {
			if strings.Contains(strings.ToLower(rec.Body.String()), leak) {
				t.Fatalf("the 500 body leaks %q: %s", leak, rec.Body)
			}
		}
		if logs := s.logs.String(); !strings.Contains(logs, eb.Error.RequestID) || !strings.Contains(logs, "closed") {
			t.Fatalf("the log lacks the request id %s or the cause:\n%s", eb.Error.RequestID, logs)
		}
	}
}

// TestPanicIsInternalError adds a handler that panics to the real router.
func TestPanicIsInternalError(t *testing.T) {
	s := newServer(t)
	s.h.(*echo.Echo).GET("/api/v1/panic", func(echo.Context) error { panic("boom at /srv/secret/path.go") })
	rec := s.do("GET", "/api/v1/panic", "")
	if rec.Code != http.StatusInternalServerError {
		t.Fatalf("panic = %d: %s", rec.Code, rec.Body)
	}
	eb := checkErrorShape(t, rec)
	if eb.Error.Message != "internal error" || strings.Contains(rec.Body.String(), "boom") {
		t.Fatalf("panic body = %s", rec.Body)
	}
	logs := s.logs.String()
	if !strings.Contains(logs, "boom at /srv/secret/path.go") || !strings.Contains(logs, eb.Error.RequestID) ||
		!strings.Contains(logs, "goroutine") {
		t.Fatalf("the log lacks the panic, its stack or the request id:\n%s", logs)
	}
	if rec := s.do("GET", "/healthz", ""); rec.Code != http.StatusOK {
		t.Fatalf("the server does not answer after a panic: %d", rec.Code)
	}
}

// TestBodyTooLargeWithoutLength sends an oversized body without a
// Content-Length, so the limit trips while the handler reads.
func TestBodyTooLargeWithoutLength(t *testing.T) {
	s := newServer(t)
	before := s.snapshot()
	body := `{"company":"A","role":"B","notes":"` + strings.Repeat("n", 2<<20) + `"}`
	req := httptest.NewRequest("POST", "/api/v1/applications", io.MultiReader(strings.NewReader(body)))
	req.ContentLength = -1
	req.Header.Set("Content-Type", "application/json")
	req.Header.Set("Authorization", "Bearer "+s.token)
	rec := s.send(t, req)
	if rec.Code != http.StatusRequestEntityTooLarge {
		t.Fatalf("status = %d: %.200s", rec.Code, rec.Body)
	}
	if eb := checkErrorShape(t, rec); eb.Error.Code != "too_large" {
		t.Fatalf("code = %s", eb.Error.Code)
	}
	if s.snapshot() != before {
		t.Fatal("an oversized body changed the database")
	}
}

// TestRequestID keeps a client's well-formed request id and replaces one
// that could forge log lines.
func TestRequestID(t *testing.T) {
	s := newServer(t)
	for _, tc := range []struct{ sent, want string }{
		{"abc-123", "abc-123"},
		{"bad\nid", ""},
		{strings.Repeat("x", 65), ""},
		{"", ""},
	} {
		req := httptest.NewRequest("GET", "/api/v1/applications/999", nil)
		req.Header.Set("X-Request-ID", tc.sent)
		req.Header.Set("Authorization", "Bearer "+s.token)
		rec := s.send(t, req)
		eb := checkErrorShape(t, rec)
		switch {
		case tc.want != "" && eb.Error.RequestID != tc.want:
			t.Errorf("sent %q, got request id %q", tc.sent, eb.Error.RequestID)
		case tc.want == "" && (eb.Error.RequestID == tc.sent || len(eb.Error.RequestID) != 32):
			t.Errorf("sent %q, got request id %q, want a fresh one", tc.sent, eb.Error.RequestID)
		}
	}
	if !strings.Contains(s.logs.String(), `"request_id":"abc-123"`) {
		t.Fatalf("the request log lacks the request id:\n%s", s.logs)
	}
}

// TestCrossSiteRequestsRefused keeps other web sites from changing the
// tracker through the user's browser; same-origin and non-browser
// requests pass.
func TestCrossSiteRequestsRefused(t *testing.T) {
	s := newServer(t)
	s.seed()
	for _, tc := range []struct {
		name   string
		header map[string]string
		want   int
	}{
		{"cross-site fetch", map[string]string{"Sec-Fetch-Site": "cross-site"}, http.StatusForbidden},
		{"foreign origin", map[string]string{"Origin": "https://evil.example"}, http.StatusForbidden},
		{"same origin", map[string]string{"Sec-Fetch-Site": "same-origin", "Origin": "http://example.com"}, http.StatusOK},
		{"no browser headers", nil, http.StatusOK},
	} {
		t.Run(tc.name, func(t *testing.T) {
			before := s.snapshot()
			req := httptest.NewRequest("PATCH", "/api/v1/applications/2", strings.NewReader(`{"notes":"`+tc.name+`"}`))
			for k, v := range tc.header {
				req.Header.Set(k, v)
			}
			req.Header.Set("Authorization", "Bearer "+s.token)
			req.Header.Set("Content-Type", "application/json")
			rec := s.send(t, req)
			if rec.Code != tc.want {
				t.Fatalf("status = %d, want %d: %s", rec.Code, tc.want, rec.Body)
			}
			if tc.want == http.StatusForbidden {
				if eb := checkErrorShape(t, rec); eb.Error.Code != "forbidden" || s.snapshot() != before {
					t.Fatalf("refused with %s, or the database changed", rec.Body)
				}
			}
		})
	}
	if rec := s.do("GET", "/api/v1/applications/2", ""); rec.Code != http.StatusOK {
		t.Fatalf("GET = %d", rec.Code)
	}
}
