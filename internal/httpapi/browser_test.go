package httpapi_test

import (
	"net/http"
	"net/http/httptest"
	"net/url"
	"regexp"
	"strings"
	"testing"

	"tracker/internal/accounts"
	"tracker/internal/httpapi"
)

// browser is a client with a cookie jar that sends what a browser sends
// with a same-origin form or fetch.
type browser struct {
	s       *server
	t       testing.TB
	cookies map[string]*http.Cookie
	// header is added to every request (X-Forwarded-For, Origin, ...).
	header map[string]string
}

func (s *server) browser(t testing.TB) *browser {
	return &browser{s: s, t: t, cookies: map[string]*http.Cookie{}, header: map[string]string{}}
}

// request builds a request carrying the browser's cookies and headers.
func (b *browser) request(method, target string, body string, contentType string) *http.Request {
	req := httptest.NewRequest(method, target, strings.NewReader(body))
	if contentType != "" {
		req.Header.Set("Content-Type", contentType)
	}
	if method != http.MethodGet {
		req.Header.Set("Sec-Fetch-Site", "same-origin")
		req.Header.Set("Origin", "http://example.com")
	}
	for _, c := range b.cookies {
		req.AddCookie(&http.Cookie{Name: c.Name, Value: c.Value})
	}
	for k, v := range b.header {
		req.Header.Set(k, v)
	}
	return req
}

// send serves req and keeps the cookies the answer sets or deletes.
func (b *browser) send(req *http.Request) *httptest.ResponseRecorder {
	b.t.Helper()
	rec := b.s.send(b.t, req)
	for _, c := range rec.Result().Cookies() {
		if c.MaxAge < 0 || c.Value == "" {
			delete(b.cookies, c.Name)
		} else {
			b.cookies[c.Name] = c
		}
	}
	return rec
}

func (b *browser) get(target string) *httptest.ResponseRecorder {
	b.t.Helper()
	return b.send(b.request(http.MethodGet, target, "", ""))
}

// post sends a form; withToken adds the CSRF token of the last page as
// _csrf.
func (b *browser) post(target string, form url.Values, withToken bool) *httptest.ResponseRecorder {
	b.t.Helper()
	if withToken {
		form.Set("_csrf", b.csrf())
	}
	return b.send(b.request(http.MethodPost, target, form.Encode(), "application/x-www-form-urlencoded"))
}

// fetch sends a JSON request as a script would, with X-CSRF-Token when
// token is not empty.
func (b *browser) fetch(method, target, body, token string) *httptest.ResponseRecorder {
	b.t.Helper()
	req := b.request(method, target, body, "application/json")
	if token != "" {
		req.Header.Set("X-CSRF-Token", token)
	}
	return b.send(req)
}

var metaCSRF = regexp.MustCompile(`<meta name="csrf-token" content="([^"]+)">`)

// csrf loads the sign-in or index page and returns its CSRF token.
func (b *browser) csrf() string {
	b.t.Helper()
	page := "/login"
	if _, ok := b.cookies["tracker_session"]; ok {
		page = "/"
	}
	rec := b.get(page)
	m := metaCSRF.FindStringSubmatch(rec.Body.String())
	if m == nil {
		b.t.Fatalf("GET %s = %d has no CSRF token: %s", page, rec.Code, rec.Body)
	}
	return m[1]
}

// login signs in and fails the test unless it succeeds.
func (b *browser) login(email, password string) {
	b.t.Helper()
	rec := b.post("/login", url.Values{"email": {email}, "password": {password}}, true)
	if rec.Code != http.StatusSeeOther || rec.Header().Get("Location") != "/" {
		b.t.Fatalf("sign-in = %d %q: %s", rec.Code, rec.Header().Get("Location"), rec.Body)
	}
	if b.session() == "" {
		b.t.Fatal("the sign-in set no session cookie")
	}
}

// session returns the session cookie's value, or "".
func (b *browser) session() string {
	if c, ok := b.cookies["tracker_session"]; ok {
		return c.Value
	}
	return ""
}

// newUnsetServer returns a server without accounts and a setup token.
func newUnsetServer(t *testing.T) (*server, string) {
	t.Helper()
	s := newServerWith(t, httpapi.Config{}, accounts.Options{})
	token, _, err := s.accts.CreateSetupToken(t.Context())
	if err != nil {
		t.Fatal(err)
	}
	return s, token
}
