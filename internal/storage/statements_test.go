package storage_test

import (
	"encoding/json"
	"fmt"
	"net/http"
	"strings"
	"testing"
	"time"

	"tracker/internal/storage"
	"tracker/internal/storage/storagetest"
)

// TestStatementsPerRequest counts the statements (BEGIN and COMMIT left
// out, and the API token's lookup, which is cached) that the warnings, a
// decline's preview, a decline and the calendar feed run through the real
// router, on both databases: on SQLite each is a step of the one
// connection, with no network, so this is SQLite's figure to keep down,
// as the round trips are PostgreSQL's (TestPostgresRoundTrips). It fails
// when a request runs more than it does now.
//
// Before (SQLite / PostgreSQL): the warnings 4 / 4 (the settings, then a
// class at a time until the page is full), a preview 6 / 5 (the
// application, the profile and the settings, one statement only on
// PostgreSQL, the invitations, the history, the names), a decline 13 / 9,
// the feed 4 / 4 here (its token, the settings, and a statement for each
// 256 applications of the user, whatever it showed of them); then a
// preview 2 / 2 and a decline 9 / 6, the names looked up even for a
// letter none of whose words is a key of the user's names.
func TestStatementsPerRequest(t *testing.T) {
	storagetest.Each(t, func(t *testing.T, db *storage.DB) {
		storage.RebuildNameFiltersAtOnce(t)
		storage.ExactNameFilters(db)
		api := newAPIClient(t, db, "stmts@example.com", time.Now)
		call := api.call
		createInvited := func() int64 {
			var out struct{ ID int64 }
			if err := json.Unmarshal(call("POST", "/applications", `{"company":"Initech","role":"Engineer","invitation":{"received_at":"`+
				time.Now().UTC().Add(-time.Hour).Format(time.RFC3339)+`","interview_at":"`+time.Now().UTC().Add(48*time.Hour).Format(time.RFC3339)+
				`","message":"a call?"}}`, http.StatusCreated), &out); err != nil {
				t.Fatal(err)
			}
			return out.ID
		}
		call("PATCH", "/settings/profile", `{"name":"Sam Lee"}`, http.StatusOK)
		for range 300 { // more than an export's batch of 256
			call("POST", "/applications", `{"company":"Acme","role":"Engineer","status":"applied"}`, http.StatusCreated)
		}
		var declining []int64
		for range 4 {
			declining = append(declining, createInvited())
		}
		var fd struct{ URL string }
		if err := json.Unmarshal(call("POST", "/calendar/feed", "", http.StatusCreated), &fd); err != nil {
			t.Fatal(err)
		}
		feedPath := fd.URL[strings.Index(fd.URL, "/calendar.ics"):]
		// A decline's move, due time and letter are more statements on
		// SQLite, where a statement costs no round trip.
		declineMost := 8
		if db.Postgres() {
			declineMost = 5
		}
		requests := []struct {
			name string
			most int
			run  func(i int)
		}{
			{"GET /warnings", 1, func(int) { call("GET", "/warnings", "", http.StatusOK) }},
			// The names' version comes with the application: a letter
			// whose words pass none of the user's name keys is checked
			// without a statement of its own.
			{"POST decline/preview", 1, func(i int) {
				call("POST", fmt.Sprintf("/applications/%d/decline/preview", declining[i]), `{"reason":"another_offer"}`, http.StatusOK)
			}},
			{"POST decline", declineMost, func(i int) {
				call("POST", fmt.Sprintf("/applications/%d/decline", declining[i]), `{"reason":"another_offer","override":true}`, http.StatusOK)
			}},
			{"GET /calendar.ics", 2, func(int) { api.get(feedPath, http.StatusOK) }},
		}
		for _, r := range requests {
			for i := range 4 { // the first two fill what the others reuse
				var stmts []string
				for _, q := range db.CaptureSQL(func() { r.run(i) }) {
					// The API token's lookup is cached for a moment, and
					// comes back when the cache has expired.
					if !strings.Contains(q, "api_tokens") {
						stmts = append(stmts, q)
					}
				}
				if i < 2 {
					continue
				}
				t.Logf("%s: %d statements", r.name, len(stmts))
				if len(stmts) > r.most {
					t.Errorf("%s ran %d statements, more than %d:\n%s", r.name, len(stmts), r.most, strings.Join(stmts, "\n"))
				}
			}
		}
	})
}
