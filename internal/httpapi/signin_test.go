package httpapi_test

import (
	"crypto/tls"
	"net/http"
	"net/url"
	"strconv"
	"strings"
	"testing"

	"tracker/internal/accounts"
	"tracker/internal/httpapi"
)

// TestLogin signs in through the form: a wrong password and an unknown
// e-mail get the same 401, the sixth failure 429 with Retry-After, and
// the right password a session that the API accepts.
func TestLogin(t *testing.T) {
	s := newServer(t)
	b := s.browser(t)
	if rec := b.get("/"); rec.Code != http.StatusSeeOther || rec.Header().Get("Location") != "/login" {
		t.Fatalf("GET / signed out = %d %q", rec.Code, rec.Header().Get("Location"))
	}
	var first string
	for i, email := range []string{"sam@example.com", "nobody@example.com"} {
		rec := b.post("/login", url.Values{"email": {email}, "password": {"wrong password!"}}, true)
		body := rec.Body.String()
		if rec.Code != http.StatusUnauthorized || !strings.Contains(body, "wrong e-mail or password") || b.session() != "" {
			t.Fatalf("wrong sign-in of %s = %d: %s", email, rec.Code, body)
		}
		if i == 0 {
			first = body[strings.Index(body, `<p class="error"`):]
		} else if !strings.HasPrefix(body[strings.Index(body, `<p class="error"`):], first[:60]) {
			t.Fatalf("an unknown e-mail gets another answer than a wrong password:\n%s\n%s", first, body)
		}
	}
	for range 4 {
		b.post("/login", url.Values{"email": {"sam@example.com"}, "password": {"wrong password!"}}, true)
	}
	rec := b.post("/login", url.Values{"email": {"sam@example.com"}, "password": {testPassword}}, true)
	if secs, err := strconv.Atoi(rec.Header().Get("Retry-After")); rec.Code != http.StatusTooManyRequests || err != nil || secs <= 0 {
		t.Fatalf("sixth sign-in = %d, Retry-After %q: %s", rec.Code, rec.Header().Get("Retry-After"), rec.Body)
	}

	b = s.browser(t)
	_, _ = s.newUser("kim@example.com")
	b.login("kim@example.com", testPassword)
	rec = b.fetch("GET", "/api/v1/me", "", "")
	if rec.Code != http.StatusOK || !strings.Contains(rec.Body.String(), `"email":"kim@example.com"`) {
		t.Fatalf("GET /me with the session = %d: %s", rec.Code, rec.Body)
	}
	if rec := b.get("/"); rec.Code != http.StatusOK || !strings.Contains(rec.Body.String(), "kim@example.com") {
		t.Fatalf("GET / signed in = %d: %s", rec.Code, rec.Body)
	}
}

// TestSessionCookieFlags checks the session cookie's flags over plain
// HTTP, over TLS, and with SecureCookies.
func TestSessionCookieFlags(t *testing.T) {
	for _, tc := range []struct {
		name       string
		secure     bool // httpapi.Config.SecureCookies
		tls        bool
		wantSecure bool
	}{
		{"plain HTTP", false, false, false},
		{"TLS", false, true, true},
		{"SecureCookies", true, false, true},
	} {
		t.Run(tc.name, func(t *testing.T) {
			s := newServerWith(t, httpapi.Config{SecureCookies: tc.secure}, accounts.Options{})
			s.newUser("sam@example.com")
			b := s.browser(t)
			token := b.csrf()
			req := b.request("POST", "/login", url.Values{"email": {"sam@example.com"}, "password": {testPassword}, "_csrf": {token}}.Encode(),
				"application/x-www-form-urlencoded")
			if tc.tls {
				req.TLS = &tls.ConnectionState{}
			}
			rec := b.send(req)
			c := b.cookies["tracker_session"]
			if rec.Code != http.StatusSeeOther || c == nil {
				t.Fatalf("sign-in = %d: %s", rec.Code, rec.Body)
			}
			if !c.HttpOnly || c.SameSite != http.SameSiteLaxMode || c.Path != "/" || c.Secure != tc.wantSecure || c.MaxAge != 30*24*3600 {
				t.Fatalf("session cookie %+v, want HttpOnly, SameSite=Lax, Path=/, Max-Age 30 days, Secure=%v", c, tc.wantSecure)
			}
			if csrf := b.cookies["tracker_csrf"]; csrf != nil {
				t.Fatalf("the CSRF cookie of before the sign-in survives it: %+v", csrf)
			}
		})
	}
}

// TestLogout ends the session: the old cookie no longer signs in.
func TestLogout(t *testing.T) {
	s := newServer(t)
	b := s.browser(t)
	b.login("sam@example.com", testPassword)
	old := b.session()
	if rec := b.post("/logout", url.Values{}, false); rec.Code != http.StatusForbidden {
		t.Fatalf("sign-out without the CSRF token = %d", rec.Code)
	}
	if rec := b.post("/logout", url.Values{}, true); rec.Code != http.StatusSeeOther || b.session() != "" {
		t.Fatalf("sign-out = %d, cookie %q", rec.Code, b.session())
	}
	b.cookies["tracker_session"] = &http.Cookie{Name: "tracker_session", Value: old}
	if rec := b.fetch("GET", "/api/v1/me", "", ""); rec.Code != http.StatusUnauthorized {
		t.Fatalf("GET /me with the signed-out cookie = %d", rec.Code)
	}
	if rec := b.get("/"); rec.Code != http.StatusSeeOther {
		t.Fatalf("GET / with the signed-out cookie = %d", rec.Code)
	}
}

// TestPasswordChangeEndsOtherSessions changes the password in one browser:
// it stays signed in, the other is signed out, the new password works.
func TestPasswordChangeEndsOtherSessions(t *testing.T) {
	s := newServer(t)
	one, two := s.browser(t), s.browser(t)
	one.login("sam@example.com", testPassword)
	two.login("sam@example.com", testPassword)
	const newPassword = "a much better passphrase"
	rec := one.post("/settings/password", url.Values{"current_password": {"wrong password!"}, "new_password": {newPassword}}, true)
	if rec.Code != http.StatusUnprocessableEntity || !strings.Contains(rec.Body.String(), "current_password is wrong") {
		t.Fatalf("change with a wrong current password = %d: %s", rec.Code, rec.Body)
	}
	rec = one.post("/settings/password", url.Values{"current_password": {testPassword}, "new_password": {newPassword}}, true)
	if rec.Code != http.StatusSeeOther {
		t.Fatalf("change = %d: %s", rec.Code, rec.Body)
	}
	if rec = one.get(strings.Split(rec.Header().Get("Location"), "#")[0]); !strings.Contains(rec.Body.String(), "password is changed") {
		t.Fatalf("change = %d: %s", rec.Code, rec.Body)
	}
	if rec := one.fetch("GET", "/api/v1/me", "", ""); rec.Code != http.StatusOK {
		t.Fatalf("the changing browser is signed out: %d", rec.Code)
	}
	if rec := two.fetch("GET", "/api/v1/me", "", ""); rec.Code != http.StatusUnauthorized {
		t.Fatalf("the other browser is still signed in: %d", rec.Code)
	}
	s.browser(t).login("sam@example.com", newPassword)
}

// TestSetup creates the first account from a setup link, once.
func TestSetup(t *testing.T) {
	s, token := newUnsetServer(t)
	b := s.browser(t)
	if rec := b.get("/setup?token=bad"); rec.Code != http.StatusUnauthorized || !strings.Contains(rec.Body.String(), "not valid") ||
		strings.Contains(rec.Body.String(), `name="password"`) {
		t.Fatalf("GET /setup?token=bad = %d: %s", rec.Code, rec.Body)
	}
	forged := strings.Repeat("A", len(token)) // well formed, but no link the server made
	if rec := b.get("/setup?token=" + forged); rec.Code != http.StatusUnauthorized || strings.Contains(rec.Body.String(), `name="password"`) {
		t.Fatalf("GET /setup with an unknown token = %d: %s", rec.Code, rec.Body)
	}
	b.get("/setup?token=" + token) // looking at the form does not spend the link
	rec := b.get("/setup?token=" + token)
	if rec.Code != http.StatusOK || !strings.Contains(rec.Body.String(), `name="token" value="`+token+`"`) {
		t.Fatalf("GET /setup = %d: %s", rec.Code, rec.Body)
	}
	form := url.Values{"token": {token}, "email": {"first@example.com"}, "password": {testPassword}, "password_again": {testPassword + "!"}}
	if rec := b.post("/setup", form, true); rec.Code != http.StatusUnprocessableEntity || !strings.Contains(rec.Body.String(), "differ") {
		t.Fatalf("setup with two passwords = %d: %s", rec.Code, rec.Body)
	}
	form.Set("password_again", testPassword)
	if rec := b.post("/setup", form, true); rec.Code != http.StatusSeeOther || b.session() == "" {
		t.Fatalf("setup = %d: %s", rec.Code, rec.Body)
	}
	if rec := b.get("/"); rec.Code != http.StatusOK || !strings.Contains(rec.Body.String(), "first@example.com") {
		t.Fatalf("GET / after setup = %d: %s", rec.Code, rec.Body)
	}

	other := s.browser(t)
	if rec := other.get("/setup?token=" + token); rec.Code != http.StatusConflict || strings.Contains(rec.Body.String(), `name="password"`) {
		t.Fatalf("GET /setup once set up = %d: %s", rec.Code, rec.Body)
	}
	form.Set("email", "second@example.com")
	if rec := other.post("/setup", form, true); rec.Code != http.StatusConflict || other.session() != "" {
		t.Fatalf("a reused setup token = %d: %s", rec.Code, rec.Body)
	}
	if users, _ := s.accts.ListUsers(t.Context()); len(users) != 1 {
		t.Fatalf("users = %+v", users)
	}
}

// TestSignup is closed by default and creates a signed-in account when
// open.
func TestSignup(t *testing.T) {
	s := newServer(t)
	closed := s.browser(t)
	if rec := closed.get("/signup"); rec.Code != http.StatusNotFound {
		t.Fatalf("GET /signup without AllowSignup = %d", rec.Code)
	}
	if rec := closed.post("/signup", url.Values{"email": {"x@example.com"}}, true); rec.Code != http.StatusNotFound {
		t.Fatalf("POST /signup without AllowSignup = %d", rec.Code)
	}
	s = newServerWith(t, httpapi.Config{AllowSignup: true}, accounts.Options{})
	b := s.browser(t)
	if rec := b.get("/login"); !strings.Contains(rec.Body.String(), `href="/signup"`) {
		t.Fatalf("the sign-in page does not offer sign-up: %s", rec.Body)
	}
	form := url.Values{"email": {"new@example.com"}, "password": {testPassword}, "password_again": {testPassword}}
	if rec := b.post("/signup", form, true); rec.Code != http.StatusSeeOther || b.session() == "" {
		t.Fatalf("sign-up = %d: %s", rec.Code, rec.Body)
	}
	if rec := s.browser(t).post("/signup", form, true); rec.Code != http.StatusConflict {
		t.Fatalf("sign-up with a taken e-mail = %d: %s", rec.Code, rec.Body)
	}
}
