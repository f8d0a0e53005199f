package httpapi_test

import (
	"fmt"
	"net/http"
	"strings"
	"testing"
)

// TestAPITokens creates, lists and revokes tokens over the API: the
// plain text comes once, a revoked token is a 401.
func TestAPITokens(t *testing.T) {
	s := newServer(t)
	var created struct {
		Token  string `json:"token"`
		ID     int64  `json:"id"`
		Name   string `json:"name"`
		Prefix string `json:"prefix"`
	}
	s.must("POST", "/api/v1/tokens", `{"name":"laptop"}`, http.StatusCreated, &created)
	if !strings.HasPrefix(created.Token, "trk_") || !strings.HasPrefix(created.Token, created.Prefix) || created.Name != "laptop" {
		t.Fatalf("created = %+v", created)
	}
	if rec := s.do("GET", "/api/v1/tokens", ""); strings.Contains(rec.Body.String(), created.Token) ||
		!strings.Contains(rec.Body.String(), `"name":"laptop"`) || !strings.Contains(rec.Body.String(), `"revoked_at":null`) {
		t.Fatalf("list = %s", rec.Body)
	}
	if rec := s.doAs(created.Token, "GET", "/api/v1/me", ""); rec.Code != http.StatusOK || !strings.Contains(rec.Body.String(), `"email":"sam@example.com"`) {
		t.Fatalf("GET /me with the new token = %d: %s", rec.Code, rec.Body)
	}
	s.must("DELETE", fmt.Sprintf("/api/v1/tokens/%d", created.ID), "", http.StatusNoContent, nil)
	if rec := s.doAs(created.Token, "GET", "/api/v1/applications", ""); rec.Code != http.StatusUnauthorized {
		t.Fatalf("a revoked token = %d: %s", rec.Code, rec.Body)
	}
	s.run(t, scenario{"empty name", "POST", "/api/v1/tokens", `{"name":" "}`, "", 422, []string{`"name":`}})
	s.run(t, scenario{"unknown token id", "DELETE", "/api/v1/tokens/999", "", "", 404, []string{`"code":"not_found"`}})
	s.run(t, scenario{"non-numeric token id", "DELETE", "/api/v1/tokens/abc", "", "", 404, nil})
}

// TestUnauthenticated answers 401 without credentials or with bad ones,
// never 500, and leaves the health check open.
func TestUnauthenticated(t *testing.T) {
	s := newServer(t)
	before := s.snapshot()
	for _, tc := range []struct{ name, auth, method, url string }{
		{"no credentials", "", "GET", "/api/v1/applications"},
		{"no credentials on POST", "", "POST", "/api/v1/applications"},
		{"no credentials on an unknown route", "", "GET", "/api/v1/nope"},
		{"malformed token", "Bearer nonsense", "GET", "/api/v1/applications"},
		{"empty token", "Bearer ", "GET", "/api/v1/me"},
		{"unknown token", "Bearer trk_" + strings.Repeat("A", 43), "GET", "/api/v1/warnings"},
		{"token with NUL", "Bearer trk_\x00" + strings.Repeat("A", 42), "GET", "/api/v1/me"},
		{"basic auth", "Basic c2FtOnB3", "GET", "/api/v1/me"},
		{"session id as token", "Bearer " + strings.Repeat("A", 43), "GET", "/api/v1/me"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			req := s.browser(t).request(tc.method, tc.url, `{"company":"A","role":"B"}`, "application/json")
			if tc.auth != "" {
				req.Header.Set("Authorization", tc.auth)
			}
			rec := s.send(t, req)
			if eb := checkErrorShape(t, rec); rec.Code != http.StatusUnauthorized || eb.Error.Code != "unauthorized" {
				t.Fatalf("status = %d: %s", rec.Code, rec.Body)
			}
		})
	}
	rec := s.doAs("", "GET", "/api/v1/me", "")
	if !strings.Contains(rec.Body.String(), "sign in, or send an API token as Authorization: Bearer ...") {
		t.Fatalf("401 body = %s", rec.Body)
	}
	cookie := s.browser(t)
	cookie.cookies["tracker_session"] = &http.Cookie{Name: "tracker_session", Value: "forged"}
	if rec := cookie.fetch("GET", "/api/v1/me", "", ""); rec.Code != http.StatusUnauthorized {
		t.Fatalf("forged session = %d", rec.Code)
	}
	if rec := s.doAs("", "GET", "/api/v1/healthz", ""); rec.Code != http.StatusOK {
		t.Fatalf("health check without credentials = %d", rec.Code)
	}
	if s.snapshot() != before {
		t.Fatal("unauthenticated requests changed the database")
	}
}

// TestMe reads the caller and changes the password over the API.
func TestMe(t *testing.T) {
	s := newServer(t)
	rec := s.do("GET", "/api/v1/me", "")
	if want := fmt.Sprintf(`{"id":%d,"email":"sam@example.com","created_at":"%s"}`, s.user.ID, rfc3339(start)); strings.TrimSpace(rec.Body.String()) != want {
		t.Fatalf("GET /me = %s, want %s", rec.Body, want)
	}
	// A wrong current password counts as a failed sign-in, so it is stored.
	if rec := s.do("POST", "/api/v1/me/password", `{"current_password":"nope","new_password":"a new long passphrase"}`); rec.Code != 422 ||
		!strings.Contains(rec.Body.String(), `"current_password":`) {
		t.Fatalf("wrong current password = %d: %s", rec.Code, rec.Body)
	}
	s.run(t, scenario{"short new password", "POST", "/api/v1/me/password",
		`{"current_password":"` + testPassword + `","new_password":"short"}`, "", 422, []string{`"new_password":`}})
	s.must("POST", "/api/v1/me/password", `{"current_password":"`+testPassword+`","new_password":"a new long passphrase"}`, http.StatusNoContent, nil)
	s.browser(t).login("sam@example.com", "a new long passphrase")
}
