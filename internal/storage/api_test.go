package storage_test

import (
	"context"
	"log/slog"
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"
	"time"

	"tracker/internal/accounts"
	"tracker/internal/applications"
	"tracker/internal/feed"
	"tracker/internal/httpapi"
	"tracker/internal/storage"
)

// apiClient sends requests to the tracker's API on a database through
// the real router, signed in as one user by an API token, for the tests
// that count what requests cost the database.
type apiClient struct {
	t      testing.TB
	h      http.Handler
	token  string
	UserID int64
}

// newAPIClient serves the API and the calendar feeds of db, and signs up
// a user with the e-mail and an API token of theirs. The accounts run on
// clock, which times the cache of the token's lookup.
func newAPIClient(t testing.TB, db *storage.DB, email string, clock func() time.Time) *apiClient {
	t.Helper()
	acc := accounts.NewService(db, clock, accounts.Options{})
	h := httpapi.New(httpapi.Config{Apps: applications.NewService(db, time.Now), Accounts: acc,
		Feeds: feed.NewService(db, time.Now), Logger: slog.New(slog.DiscardHandler)})
	u, err := acc.CreateUser(context.Background(), email, "correct horse battery staple")
	if err != nil {
		t.Fatal(err)
	}
	token, _, err := acc.CreateToken(context.Background(), u.ID, "tests")
	if err != nil {
		t.Fatal(err)
	}
	return &apiClient{t: t, h: h, token: token, UserID: u.ID}
}

// call sends a request to path below /api/v1, with the body as JSON
// unless it is empty, and returns the response's body; the test fails
// unless its status is want.
func (c *apiClient) call(method, path, body string, want int) []byte {
	c.t.Helper()
	return c.send(method, "/api/v1"+path, body, want, true)
}

// get fetches path outside the API, without the token (a calendar feed,
// whose URL is its key).
func (c *apiClient) get(path string, want int) []byte {
	c.t.Helper()
	return c.send("GET", path, "", want, false)
}

func (c *apiClient) send(method, path, body string, want int, token bool) []byte {
	c.t.Helper()
	req := httptest.NewRequest(method, path, strings.NewReader(body))
	if token {
		req.Header.Set("Authorization", "Bearer "+c.token)
	}
	if body != "" {
		req.Header.Set("Content-Type", "application/json")
	}
	rec := httptest.NewRecorder()
	c.h.ServeHTTP(rec, req)
	if rec.Code != want {
		c.t.Fatalf("%s %s: %d %s", method, path, rec.Code, rec.Body)
	}
	return rec.Body.Bytes()
}
