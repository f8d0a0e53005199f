package httpapi_test

import (
	"crypto/tls"
	"net"
	"net/http"
	"net/url"
	"strings"
	"testing"

	"tracker/internal/accounts"
	"tracker/internal/httpapi"
)

// TestSecurityHeaders checks the headers of pages, API answers and errors,
// and that HSTS goes out only over HTTPS.
func TestSecurityHeaders(t *testing.T) {
	_, proxy, _ := net.ParseCIDR("192.0.2.0/24") // httptest's RemoteAddr is 192.0.2.1
	s := newServerWith(t, httpapi.Config{}, accounts.Options{})
	s.user, s.token = s.newUser("sam@example.com")
	behindProxy := newServerWith(t, httpapi.Config{TrustedProxies: []*net.IPNet{proxy}}, accounts.Options{})
	for _, tc := range []struct {
		name     string
		s        *server
		url      string
		tls      bool
		xfp      string
		wantHSTS bool
	}{
		{"page", s, "/login", false, "", false},
		{"API", s, "/api/v1/me", false, "", false},
		{"API error", s, "/api/v1/applications/999", false, "", false},
		{"static file", s, "/app.css", false, "", false},
		{"page over TLS", s, "/login", true, "", true},
		{"forwarded https from anyone", s, "/login", false, "https", false},
		{"forwarded https from a trusted proxy", behindProxy, "/login", false, "https", true},
	} {
		t.Run(tc.name, func(t *testing.T) {
			req := tc.s.browser(t).request("GET", tc.url, "", "")
			req.Header.Set("Authorization", "Bearer "+s.token)
			if tc.tls {
				req.TLS = &tls.ConnectionState{}
			}
			if tc.xfp != "" {
				req.Header.Set("X-Forwarded-Proto", tc.xfp)
			}
			h := tc.s.send(t, req).Header()
			csp := h.Get("Content-Security-Policy")
			if !strings.Contains(csp, "default-src 'self'") || !strings.Contains(csp, "frame-ancestors 'none'") ||
				!strings.Contains(csp, "object-src 'none'") || strings.Contains(csp, "unsafe-inline") {
				t.Errorf("Content-Security-Policy = %q", csp)
			}
			if h.Get("X-Content-Type-Options") != "nosniff" || h.Get("X-Frame-Options") != "DENY" || h.Get("Referrer-Policy") != "same-origin" {
				t.Errorf("headers = %v", h)
			}
			if got := h.Get("Strict-Transport-Security"); (got != "") != tc.wantHSTS || (got != "" && got != "max-age=63072000; includeSubDomains") {
				t.Errorf("Strict-Transport-Security = %q, want it %v", got, tc.wantHSTS)
			}
		})
	}
}

// TestPagesHaveNoInlineCode keeps the pages within the CSP: no inline
// script or style, so nothing breaks and nothing needs unsafe-inline.
func TestPagesHaveNoInlineCode(t *testing.T) {
	s := newServer(t)
	b := s.browser(t)
	b.login("sam@example.com", testPassword)
	for _, page := range []string{"/", "/login", "/board", "/applications", "/applications/new", "/settings"} {
		body := strings.ToLower(b.get(page).Body.String())
		if strings.Count(body, "<script") != strings.Count(body, "<script src=") {
			t.Errorf("%s holds an inline script", page)
		}
		for _, bad := range []string{"<style", " style=", " onclick=", "javascript:"} {
			if strings.Contains(body, bad) {
				t.Errorf("%s holds %q", page, bad)
			}
		}
	}
}

// TestCORS is closed by default and open to exactly the configured
// origins, without credentials.
func TestCORS(t *testing.T) {
	closed := newServer(t)
	open := newServerWith(t, httpapi.Config{CORSOrigins: []string{"https://app.example"}}, accounts.Options{})
	_, token := open.newUser("sam@example.com")
	for _, tc := range []struct {
		name, origin, method string
		s                    *server
		token                string
		wantAllowed          bool
		wantStatus           int
	}{
		{"unconfigured", "https://app.example", "GET", closed, closed.token, false, 200},
		{"configured origin", "https://app.example", "GET", open, token, true, 200},
		{"configured origin posts", "https://app.example", "POST", open, token, true, 201},
		{"preflight", "https://app.example", "OPTIONS", open, "", true, 204},
		{"other origin", "https://evil.example", "GET", open, token, false, 200},
		{"other origin posts", "https://evil.example", "POST", open, token, false, 403},
	} {
		t.Run(tc.name, func(t *testing.T) {
			req := tc.s.browser(t).request(tc.method, "/api/v1/applications", `{"company":"A","role":"B"}`, "application/json")
			req.Header.Set("Origin", tc.origin)
			req.Header.Set("Sec-Fetch-Site", "cross-site")
			if tc.token != "" {
				req.Header.Set("Authorization", "Bearer "+tc.token)
			}
			if tc.method == "OPTIONS" {
				req.Header.Set("Access-Control-Request-Method", "POST")
				req.Header.Set("Access-Control-Request-Headers", "authorization,content-type")
			}
			rec := tc.s.send(t, req)
			got := rec.Header().Get("Access-Control-Allow-Origin")
			if rec.Code != tc.wantStatus || (got == tc.origin) != tc.wantAllowed || (got != "" && got != tc.origin) {
				t.Fatalf("status %d, Access-Control-Allow-Origin %q: %s", rec.Code, got, rec.Body)
			}
			if rec.Header().Get("Access-Control-Allow-Credentials") != "" {
				t.Fatal("CORS allows credentials")
			}
		})
	}
}

// TestClientIP keys the per-IP sign-in limit on the connection's address,
// whatever X-Forwarded-For says, unless the connection is a trusted proxy.
func TestClientIP(t *testing.T) {
	_, proxy, _ := net.ParseCIDR("192.0.2.0/24")
	opts := accounts.Options{MaxFailuresPerIP: 2}
	for _, tc := range []struct {
		name    string
		proxies []*net.IPNet
		wantKey string
		want429 bool
	}{
		{"no trusted proxies", nil, "ip:192.0.2.1", true},
		{"behind a trusted proxy", []*net.IPNet{proxy}, "ip:203.0.113.7", false},
	} {
		t.Run(tc.name, func(t *testing.T) {
			s := newServerWith(t, httpapi.Config{TrustedProxies: tc.proxies}, opts)
			var codes []int
			for i, ip := range []string{"203.0.113.7", "203.0.113.8", "203.0.113.9"} {
				b := s.browser(t)
				b.header["X-Forwarded-For"] = "198.51.100.1, " + ip
				email := string(rune('a'+i)) + "@example.com"
				codes = append(codes, b.post("/login", url.Values{"email": {email}, "password": {"wrong password!"}}, true).Code)
			}
			if got429 := codes[2] == http.StatusTooManyRequests; got429 != tc.want429 || codes[0] != http.StatusUnauthorized {
				t.Fatalf("codes = %v, want the third 429: %v", codes, tc.want429)
			}
			if !strings.Contains(s.snapshot(), tc.wantKey+"|") {
				t.Fatalf("no sign-in attempt under %s:\n%s", tc.wantKey, s.snapshot())
			}
		})
	}
}
