package httpapi_test

import (
	"encoding/json"
	"net/http"
	"net/url"
	"strings"
	"testing"
)

// TestCSRF checks both layers against cross-site request forgery for a
// browser signed in by cookie: other sites are refused by their headers,
// and every unsafe request needs the token; Bearer requests need none.
func TestCSRF(t *testing.T) {
	s := newServer(t)
	b := s.browser(t)
	b.login("sam@example.com", testPassword)
	const app = `{"company":"Acme","role":"Dev"}`
	before := s.snapshot()

	evil := b.request("POST", "/settings/tokens", url.Values{"token_name": {"stolen"}}.Encode(), "application/x-www-form-urlencoded")
	evil.Header.Set("Origin", "https://evil.example")
	evil.Header.Set("Sec-Fetch-Site", "cross-site")
	if rec := b.send(evil); rec.Code != http.StatusForbidden {
		t.Fatalf("cross-site form post = %d: %s", rec.Code, rec.Body)
	}
	oldBrowser := b.request("POST", "/api/v1/applications", app, "application/json")
	oldBrowser.Header.Del("Sec-Fetch-Site")
	oldBrowser.Header.Set("Origin", "https://evil.example")
	if rec := b.send(oldBrowser); rec.Code != http.StatusForbidden {
		t.Fatalf("foreign Origin without Sec-Fetch-Site = %d: %s", rec.Code, rec.Body)
	}
	for _, tc := range []struct{ name, method, url, body, token string }{
		{"fetch without the token", "POST", "/api/v1/applications", app, ""},
		{"fetch with a wrong token", "POST", "/api/v1/applications", app, "forged"},
		{"token creation without the token", "POST", "/api/v1/tokens", `{"name":"x"}`, ""},
		{"password change without the token", "POST", "/api/v1/me/password", `{"current_password":"` + testPassword + `","new_password":"whatever whatever"}`, ""},
	} {
		rec := b.fetch(tc.method, tc.url, tc.body, tc.token)
		if eb := checkErrorShape(t, rec); rec.Code != http.StatusForbidden || !strings.Contains(eb.Error.Message, "CSRF") {
			t.Fatalf("%s = %d: %s", tc.name, rec.Code, rec.Body)
		}
	}
	if rec := b.post("/settings/tokens", url.Values{"token_name": {"x"}}, false); rec.Code != http.StatusForbidden {
		t.Fatalf("form post without the token = %d", rec.Code)
	}
	if rec := s.browser(t).post("/login", url.Values{"email": {"sam@example.com"}, "password": {testPassword}}, false); rec.Code != http.StatusForbidden {
		t.Fatalf("sign-in without the token (login CSRF) = %d", rec.Code)
	}
	if s.snapshot() != before {
		t.Fatal("a refused request changed the database")
	}

	var tok struct {
		CSRFToken string `json:"csrf_token"`
	}
	rec := b.fetch("GET", "/api/v1/csrf", "", "")
	if err := json.Unmarshal(rec.Body.Bytes(), &tok); err != nil || tok.CSRFToken == "" {
		t.Fatalf("GET /csrf = %d: %s", rec.Code, rec.Body)
	}
	if rec := b.fetch("POST", "/api/v1/applications", app, tok.CSRFToken); rec.Code != http.StatusCreated {
		t.Fatalf("fetch with the token = %d: %s", rec.Code, rec.Body)
	}
	if rec := b.post("/settings/tokens", url.Values{"token_name": {"laptop"}}, true); rec.Code != http.StatusSeeOther {
		t.Fatalf("form post with the token = %d: %s", rec.Code, rec.Body)
	}
	if rec := b.get("/settings"); !strings.Contains(rec.Body.String(), "trk_") {
		t.Fatalf("the settings page after the post shows no new token: %s", rec.Body)
	}
	bearer := b.request("POST", "/api/v1/applications", app, "application/json")
	bearer.Header.Set("Authorization", "Bearer "+s.token)
	if rec := b.send(bearer); rec.Code != http.StatusCreated {
		t.Fatalf("Bearer with the cookie but no CSRF token = %d: %s", rec.Code, rec.Body)
	}
	if rec := s.do("POST", "/api/v1/applications", app); rec.Code != http.StatusCreated {
		t.Fatalf("Bearer without CSRF token = %d: %s", rec.Code, rec.Body)
	}
}
