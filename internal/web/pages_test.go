package web_test

import (
	"context"
	"html"
	"io"
	"log/slog"
	"net/http"
	"net/http/cookiejar"
	"net/http/httptest"
	"net/url"
	"regexp"
	"strconv"
	"strings"
	"testing"
	"time"

	"tracker/internal/accounts"
	"tracker/internal/applications"
	"tracker/internal/httpapi"
	"tracker/internal/notify"
	"tracker/internal/storage"
	"tracker/internal/storage/storagetest"
)

// client is a browser without a browser: a cookie jar, the CSRF token of
// the last page, and no redirects followed, so tests see each answer.
type client struct {
	t    *testing.T
	base string
	http *http.Client
	csrf string
}

var csrfMeta = regexp.MustCompile(`name="csrf-token" content="([^"]+)"`)

// newClient starts a real server over a temporary SQLite database with
// one user, and signs in through the form.
func newClient(t *testing.T) *client {
	t.Helper()
	db, _ := storagetest.SQLite(t)
	c, _ := newClientOn(t, db, "sam@example.com")
	return c
}

// newClientOn is newClient over db, signed in as a new user with the
// e-mail; it also returns a context that acts for them, to seed their data.
func newClientOn(t *testing.T, db *storage.DB, email string) (*client, context.Context) {
	t.Helper()
	accts := accounts.NewService(db, time.Now, accounts.Options{})
	apps := applications.NewService(db, time.Now)
	srv := httptest.NewServer(httpapi.New(httpapi.Config{Apps: apps, Accounts: accts,
		Logger: slog.New(slog.NewTextHandler(io.Discard, nil)), Reminders: notify.NewService(db, apps, time.Now, notify.Options{})}))
	t.Cleanup(srv.Close)
	u, err := accts.CreateUser(context.Background(), email, testPassword)
	if err != nil {
		t.Fatal(err)
	}
	jar, _ := cookiejar.New(nil)
	c := &client{t: t, base: srv.URL, http: &http.Client{Jar: jar,
		CheckRedirect: func(*http.Request, []*http.Request) error { return http.ErrUseLastResponse }}}
	c.get("/login")
	if code, _ := c.post("/login", url.Values{"email": {email}, "password": {testPassword}}); code != http.StatusSeeOther {
		t.Fatalf("sign-in = %d", code)
	}
	c.get("/")
	return c, applications.WithOwner(context.Background(), u.ID)
}

// TestSignInFirst: a page opened without a session leads to the sign-in
// page, which says why.
func TestSignInFirst(t *testing.T) {
	c := newClient(t)
	c.http.Jar, _ = cookiejar.New(nil)
	code, _ := c.get("/board")
	if code != http.StatusSeeOther {
		t.Fatalf("GET /board signed out = %d, want a redirect", code)
	}
	if _, body := c.get("/login?first=1"); !strings.Contains(body, "Sign in first") {
		t.Fatalf("the sign-in page does not say to sign in first:\n%s", body)
	}
}

func (c *client) do(req *http.Request) (int, string) {
	c.t.Helper()
	req.Header.Set("Accept", "text/html")
	res, err := c.http.Do(req)
	if err != nil {
		c.t.Fatal(err)
	}
	defer res.Body.Close()
	b, _ := io.ReadAll(res.Body)
	if m := csrfMeta.FindSubmatch(b); m != nil {
		c.csrf = string(m[1])
	}
	return res.StatusCode, string(b)
}

func (c *client) get(path string) (int, string) {
	req, _ := http.NewRequest(http.MethodGet, c.base+path, nil)
	return c.do(req)
}

func (c *client) post(path string, form url.Values) (int, string) {
	if form.Get("_csrf") == "" && c.csrf != "" {
		form.Set("_csrf", c.csrf)
	}
	req, _ := http.NewRequest(http.MethodPost, c.base+path, strings.NewReader(form.Encode()))
	req.Header.Set("Content-Type", "application/x-www-form-urlencoded")
	return c.do(req)
}

// TestPages runs the pages' answers through the real router: error pages
// are pages, refused forms keep what was typed with the error beside its
// field, and every form redirects.
func TestPages(t *testing.T) {
	c := newClient(t)
	tests := []struct {
		name       string
		method     string
		path       string
		form       url.Values
		wantStatus int
		want       []string
	}{
		{"unknown page", "GET", "/no-such-page", nil, http.StatusNotFound, []string{"Page not found", "Back to Today"}},
		{"unknown application", "GET", "/applications/999", nil, http.StatusNotFound, []string{"no application with id 999", "Back to Today"}},
		{"form without CSRF token", "POST", "/applications", url.Values{"_csrf": {"wrong"}}, http.StatusForbidden, []string{"This form has expired"}},
		{"refused form keeps input", "POST", "/applications", url.Values{"start": {"invited"}, "role": {"Typed role"}, "received_at": {"2026-01-02T10:00"}},
			http.StatusUnprocessableEntity, []string{`value="Typed role"`, `id="company-error"`, "Company is required"}},
		{"created", "POST", "/applications", url.Values{"start": {"applied"}, "company": {"Acme"}, "role": {"Engineer"}}, http.StatusSeeOther, nil},
		{"application page", "GET", "/applications/1", nil, http.StatusOK, []string{"Acme", "Move to Invited", "Yes, delete Acme · Engineer"}},
		{"forbidden move", "POST", "/applications/1/move", url.Values{"to": {"hired"}}, http.StatusConflict, []string{"cannot move from applied to hired", "Allowed from here"}},
		{"invitation on an existing application", "POST", "/applications", url.Values{"existing": {"1"}, "received_at": {time.Now().UTC().Add(time.Minute).Format("2006-01-02T15:04")}},
			http.StatusSeeOther, nil},
		{"it is invited now", "GET", "/applications/1", nil, http.StatusOK, []string{"Stage: <strong>Invited</strong>", "Round 1"}},
		{"list", "GET", "/applications?q=acm", nil, http.StatusOK, []string{"Acme"}},
		{"board", "GET", "/board", nil, http.StatusOK, []string{"Move Acme to…", "Wishlist", "Ghosted"}},
		{"today", "GET", "/", nil, http.StatusOK, []string{"Needs an answer", "Applied"}},
		{"settings", "GET", "/settings", nil, http.StatusOK, []string{"API tokens", "Time zone"}},
		{"bad time zone", "POST", "/settings/preferences", url.Values{"time_zone": {"Mars/Olympus"}, "response_hours": {"24"}, "follow_up_days": {"7"}, "no_reply_days": {"21"}},
			http.StatusUnprocessableEntity, []string{"time_zone", `value="Mars/Olympus"`}},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			var code int
			var body string
			if tc.method == "GET" {
				code, body = c.get(tc.path)
			} else {
				code, body = c.post(tc.path, tc.form)
			}
			if code != tc.wantStatus {
				t.Fatalf("%s %s = %d, want %d:\n%s", tc.method, tc.path, code, tc.wantStatus, body)
			}
			for _, w := range tc.want {
				if !strings.Contains(body, w) {
					t.Errorf("%s %s does not hold %q:\n%s", tc.method, tc.path, w, body)
				}
			}
		})
	}
}

// TestListSort: the list offers its orders, shows the one chosen, and its
// next page keeps it.
func TestListSort(t *testing.T) {
	c := newClient(t)
	c.get("/applications/new")
	for _, company := range []string{"Zeta", "Alpha", "Mu"} {
		for i := range 13 {
			form := url.Values{"start": {"applied"}, "company": {company}, "role": {"Role " + strconv.Itoa(i)}}
			if code, body := c.post("/applications", form); code != http.StatusSeeOther {
				t.Fatalf("create = %d:\n%s", code, body)
			}
		}
	}
	_, body := c.get("/applications?sort=company")
	if !strings.Contains(body, `<option value="company" selected>Company, A to Z</option>`) {
		t.Fatalf("the chosen order is not shown:\n%s", body)
	}
	if a, m := strings.Index(body, ">Alpha<"), strings.Index(body, ">Mu<"); a < 0 || m < 0 || a > m || strings.Contains(body, ">Zeta<") {
		t.Fatalf("the first page by company is not Alpha, then Mu:\n%s", body)
	}
	next := regexp.MustCompile(`href="(/applications\?[^"]*cursor=[^"]*)"`).FindStringSubmatch(body)
	if next == nil || !strings.Contains(next[1], "sort=company") {
		t.Fatalf("the next page link does not keep the order: %v", next)
	}
	if _, body := c.get(html.UnescapeString(next[1])); !strings.Contains(body, ">Zeta<") || strings.Contains(body, ">Alpha<") {
		t.Fatalf("the second page by company does not go on with Mu and Zeta:\n%s", body)
	}
	if _, body := c.get("/applications?sort=salary"); !strings.Contains(body, "sort must be one of") {
		t.Fatalf("an unknown order is not explained:\n%s", body)
	}
}
