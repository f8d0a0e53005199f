package httpapi_test

import (
	"context"
	"encoding/json"
	"log/slog"
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"
	"time"

	"tracker/internal/accounts"
	"tracker/internal/applications"
	"tracker/internal/httpapi"
	"tracker/internal/storage"
	"tracker/internal/storage/storagetest"
)

// TestReadOnlyDatabase serves a database that takes no writes (a read-only
// file, a standby server): reads answer 200 even when the token's
// last-used time is due for an update, writes answer 503 with Retry-After
// and a message, and /healthz says the database is not writable.
func TestReadOnlyDatabase(t *testing.T) {
	t.Run("sqlite", func(t *testing.T) {
		db, path := storagetest.SQLite(t)
		checkReadOnly(t, db, path)
	})
	t.Run("postgres", func(t *testing.T) {
		db, dsn := storagetest.Postgres(t)
		checkReadOnly(t, db, dsn)
	})
}

func checkReadOnly(t *testing.T, db *storage.DB, dsn string) {
	ctx := context.Background()
	c := &clock{t: start}
	acc := accounts.NewService(db, c.now, accounts.Options{})
	u, err := acc.CreateUser(ctx, "ro@example.com", testPassword)
	if err != nil {
		t.Fatal(err)
	}
	token, _, err := acc.CreateToken(ctx, u.ID, "ro")
	if err != nil {
		t.Fatal(err)
	}
	if _, err := applications.NewService(db, c.now).Create(applications.WithOwner(ctx, u.ID),
		applications.NewApplication{Fields: applications.Fields{Company: "Acme", Role: "Dev"}}); err != nil {
		t.Fatal(err)
	}
	ro, err := storage.OpenReadOnly(ctx, dsn)
	if err != nil {
		t.Fatal(err)
	}
	defer ro.Close()
	c.advance(time.Hour) // the token's last-used time is due for a write
	h := httpapi.New(httpapi.Config{Apps: applications.NewService(ro, c.now), Accounts: accounts.NewService(ro, c.now, accounts.Options{}),
		Logger: slog.New(slog.DiscardHandler), Writable: ro.CheckWritable})
	send := func(method, url, body string) *httptest.ResponseRecorder {
		req := httptest.NewRequest(method, url, strings.NewReader(body))
		req.Header.Set("Authorization", "Bearer "+token)
		if body != "" {
			req.Header.Set("Content-Type", "application/json")
		}
		rec := httptest.NewRecorder()
		h.ServeHTTP(rec, req)
		return rec
	}
	for _, url := range []string{"/api/v1/applications", "/api/v1/applications/1", "/api/v1/me"} {
		if rec := send("GET", url, ""); rec.Code != http.StatusOK {
			t.Errorf("GET %s on a read-only database = %d: %s", url, rec.Code, rec.Body)
		}
	}
	rec := send("POST", "/api/v1/applications", `{"company":"Globex","role":"SRE"}`)
	var body struct {
		Error struct{ Code, Message string } `json:"error"`
	}
	json.Unmarshal(rec.Body.Bytes(), &body)
	if rec.Code != http.StatusServiceUnavailable || rec.Header().Get("Retry-After") == "" ||
		body.Error.Code != "unavailable" || !strings.Contains(body.Error.Message, "read-only") {
		t.Errorf("a write on a read-only database = %d, Retry-After %q: %s", rec.Code, rec.Header().Get("Retry-After"), rec.Body)
	}
	if rec := send("GET", "/healthz", ""); rec.Code != http.StatusServiceUnavailable || !strings.Contains(rec.Body.String(), "not writable") {
		t.Errorf("/healthz on a read-only database = %d: %s", rec.Code, rec.Body)
	}
}
