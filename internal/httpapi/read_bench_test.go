package httpapi_test

import (
	"fmt"
	"io"
	"log/slog"
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"
	"time"

	"tracker/internal/accounts"
	"tracker/internal/httpapi"
)

// BenchmarkRead serves the two reads every client makes most, through the
// real router and its middleware over a real SQLite file, logging as the
// server does (text, here to nowhere): GET /applications/{id} of an
// application with what a detail of a finished process holds (two rounds
// of invitations, the history of its moves, a decline and its follow-up
// with their checks), a page of 50 of the list, and the decline's preview
// of an invited application. One request at a
// time: with -benchmem it counts a request's allocations, and under
// callgrind (the difference between two -benchtime counts) its
// instructions, which a busy machine does not move.
func BenchmarkRead(b *testing.B) {
	s := newServerWith(b, httpapi.Config{Logger: slog.New(slog.NewTextHandler(io.Discard, nil))}, accounts.Options{})
	s.user, s.token = s.newUser("sam@example.com")
	id := seedReadDetail(s)
	for i := range 49 {
		s.must("POST", "/api/v1/applications", fmt.Sprintf(`{"company":"Company %d","role":"Engineer"}`, i), http.StatusCreated, nil)
	}
	var invited struct{ ID int64 }
	s.must("POST", "/api/v1/applications", `{"company":"Initech","role":"Site Reliability Engineer","contact_name":"Bill Lumbergh",
		"invitation":{"received_at":"`+rfc3339(start.Add(-time.Hour))+`","message":"Could we talk?"}}`, http.StatusCreated, &invited)
	for _, r := range []struct{ name, method, url, body string }{
		{"get", "GET", fmt.Sprintf("/api/v1/applications/%d", id), ""},
		{"list50", "GET", "/api/v1/applications?limit=50", ""},
		// The decline's preview of an invited application, as the
		// benchmark's load asks for it.
		{"preview", "POST", fmt.Sprintf("/api/v1/applications/%d/decline/preview", invited.ID), `{"reason":"another_offer"}`},
	} {
		b.Run(r.name, func(b *testing.B) {
			req := httptest.NewRequest(r.method, r.url, nil)
			req.Header.Set("Authorization", "Bearer "+s.token)
			if r.body != "" {
				req.Header.Set("Content-Type", "application/json")
			}
			if r.name == "preview" {
				// The setup's creates filed names after the decline built
				// the user's name filter: the first preview finds it out
				// of date, and it is built again only once it is a second
				// old (storage.nameFilterRebuild); until then every
				// preview looks up all of its keys. Counted is the steady
				// state, a filter at the user's version.
				s.must(r.method, r.url, r.body, http.StatusOK, nil)
				time.Sleep(1100 * time.Millisecond)
				s.must(r.method, r.url, r.body, http.StatusOK, nil)
			}
			b.ReportAllocs()
			for b.Loop() {
				if r.body != "" { // the server reads the body to its end
					req = req.Clone(req.Context())
					req.Body, req.ContentLength = io.NopCloser(strings.NewReader(r.body)), int64(len(r.body))
				}
				w := httptest.NewRecorder()
				s.h.ServeHTTP(w, req)
				if w.Code != http.StatusOK {
					b.Fatalf("%s %s = %d: %s", r.method, r.url, w.Code, w.Body)
				}
			}
		})
	}
}

// seedReadDetail adds an application that went through two rounds of
// interviews and was declined and followed up, and returns its id.
func seedReadDetail(s *server) int64 {
	s.t.Helper()
	at := func(d time.Duration) string { return rfc3339(start.Add(-d)) }
	var d struct{ ID int64 }
	s.must("PATCH", profileURL, `{"name":"Sam Lee","email":"sam@example.com"}`, http.StatusOK, nil)
	s.must("POST", "/api/v1/applications", `{"company":"Acme & Sons","role":"Backend Engineer","location":"Berlin",
		"contact_name":"Dana Smith","contact_email":"dana@acme.example","notes":"Found through a friend; ask about on-call.",
		"invitation":{"received_at":"`+at(20*24*time.Hour)+`","format":"video","message":"Could we talk on Tuesday?"}}`,
		http.StatusCreated, &d)
	url := fmt.Sprintf("/api/v1/applications/%d", d.ID)
	s.must("POST", url+"/transitions", `{"to":"scheduled","at":"`+at(19*24*time.Hour)+`"}`, http.StatusOK, nil)
	s.must("POST", url+"/transitions", `{"to":"interviewed","at":"`+at(15*24*time.Hour)+`"}`, http.StatusOK, nil)
	s.must("POST", url+"/invitations", `{"received_at":"`+at(10*24*time.Hour)+`","format":"onsite","round":2,
		"message":"We would like to invite you to meet the team <on site>."}`, http.StatusCreated, nil)
	s.must("POST", url+"/decline", `{"reason":"another_offer","sender_name":"Sam Lee"}`, http.StatusOK, nil)
	s.clock.advance(8 * 24 * time.Hour)
	s.must("POST", url+"/follow-up", ``, http.StatusOK, nil)
	return d.ID
}
