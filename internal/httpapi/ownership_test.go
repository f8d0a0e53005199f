package httpapi_test

import (
	"fmt"
	"net/http"
	"strings"
	"testing"
	"time"
)

// TestOwnershipSweep gives user A an application with an invitation, a
// declined one with its letter, a profile and tokens, then calls every
// route with an id as user B: each is a 404 that shows nothing of A's, the
// database is byte for byte as it was, and B's lists are empty.
func TestOwnershipSweep(t *testing.T) {
	s := newServer(t)
	s.must("PATCH", profileURL, `{"name":"Sam Lee","email":"sam@example.com"}`, http.StatusOK, nil)
	var declined, invited handoffDetail
	s.must("POST", "/api/v1/applications", `{"company":"SecretCorp","role":"Dev","contact_email":"hr@secret.example",
		"invitation":{"received_at":"`+rfc3339(start.Add(-time.Hour))+`"}}`, http.StatusCreated, &declined)
	s.must("POST", fmt.Sprintf("/api/v1/applications/%d/decline", declined.ID), `{"reason":"timing"}`, http.StatusOK, &declined)
	s.must("POST", "/api/v1/applications", `{"company":"SecretCorp Two","role":"SRE",
		"invitation":{"received_at":"`+rfc3339(start.Add(-time.Hour))+`"}}`, http.StatusCreated, &invited)
	var tokens struct {
		Items []struct {
			ID int64 `json:"id"`
		} `json:"items"`
	}
	s.must("GET", "/api/v1/tokens", "", http.StatusOK, &tokens)

	_, tokenB := s.newUser("bob@example.com")
	if rec := s.doAs(tokenB, "GET", "/api/v1/me", ""); rec.Code != http.StatusOK { // B's token's first use
		t.Fatalf("GET /me as B = %d", rec.Code)
	}
	before := s.snapshot()
	letter := declined.Letters[0].ID
	decline := `{"reason":"timing","sender_name":"Bob"}`
	for _, id := range []int64{declined.ID, invited.ID} {
		app := fmt.Sprintf("/api/v1/applications/%d", id)
		for _, r := range []struct{ method, url, body string }{
			{"GET", app, ""},
			{"PATCH", app, `{"company":"Mine now"}`},
			{"DELETE", app, ""},
			{"POST", app + "/invitations", `{"received_at":"` + rfc3339(start.Add(-time.Minute)) + `"}`},
			{"POST", app + "/transitions", `{"to":"rejected"}`},
			{"POST", app + "/decline/preview", decline},
			{"POST", app + "/decline/preview.eml", decline},
			{"POST", app + "/decline", decline},
			{"POST", app + "/follow-up", ""},
			{"GET", fmt.Sprintf("%s/letters/%d.eml", app, letter), ""},
		} {
			rec := s.doAs(tokenB, r.method, r.url, r.body)
			if rec.Code != http.StatusNotFound || strings.Contains(rec.Body.String(), "SecretCorp") {
				t.Errorf("%s %s as B = %d: %s", r.method, r.url, rec.Code, rec.Body)
			}
		}
	}
	for _, tok := range tokens.Items {
		if rec := s.doAs(tokenB, "DELETE", fmt.Sprintf("/api/v1/tokens/%d", tok.ID), ""); rec.Code != http.StatusNotFound {
			t.Errorf("DELETE A's token %d as B = %d: %s", tok.ID, rec.Code, rec.Body)
		}
	}
	if after := s.snapshot(); after != before {
		t.Fatalf("B's requests changed the database:\nbefore:\n%s\nafter:\n%s", before, after)
	}

	for url, want := range map[string]string{
		"/api/v1/applications":     `{"items":[],"next_cursor":null}`,
		"/api/v1/warnings":         `{"items":[],"next_cursor":null}`,
		"/api/v1/applications?q=s": `{"items":[],"next_cursor":null}`,
	} {
		if rec := s.doAs(tokenB, "GET", url, ""); rec.Code != http.StatusOK || strings.TrimSpace(rec.Body.String()) != want {
			t.Errorf("GET %s as B = %d: %s", url, rec.Code, rec.Body)
		}
	}
	if rec := s.doAs(tokenB, "GET", profileURL, ""); strings.Contains(rec.Body.String(), "Sam Lee") {
		t.Errorf("B sees A's profile: %s", rec.Body)
	}
	if rec := s.doAs(tokenB, "GET", "/api/v1/tokens", ""); strings.Count(rec.Body.String(), `"id":`) != 1 {
		t.Errorf("B's tokens = %s", rec.Body)
	}
}
