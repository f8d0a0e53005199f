package httpapi_test

import (
	"encoding/json"
	"maps"
	"net/http"
	"slices"
	"strings"
	"testing"
)

// TestListCarriesWhatTheListShows checks that an item of GET /applications
// holds what a list shows (what names the application, its stage and its
// times), first page and search alike, and nothing of what only the
// detail shows: not the contact, the link or the notes, however long.
func TestListCarriesWhatTheListShows(t *testing.T) {
	s := newServer(t)
	notes := strings.Repeat("A long note about the team. ", 300)
	s.must("POST", "/api/v1/applications", `{"company":"Acme","role":"Dev","location":"Berlin","job_url":"https://acme.example/jobs/1",
		"contact_name":"Sam Lee","contact_email":"sam@acme.example","notes":"`+notes+`","applied_at":"2026-01-05T09:00:00Z"}`, http.StatusCreated, nil)
	want := []string{"applied_at", "company", "created_at", "id", "role", "status", "updated_at"}
	for _, url := range []string{"/api/v1/applications", "/api/v1/applications?q=acme", "/api/v1/applications?q=acme&sort=updated"} {
		var page struct{ Items []map[string]any }
		s.must("GET", url, "", http.StatusOK, &page)
		if len(page.Items) != 1 {
			t.Fatalf("%s: %d items, want 1", url, len(page.Items))
		}
		item := page.Items[0]
		if got := slices.Sorted(maps.Keys(item)); !slices.Equal(got, want) {
			t.Errorf("%s: an item holds %v, want %v", url, got, want)
		}
		if item["company"] != "Acme" || item["role"] != "Dev" || item["status"] != "applied" || item["applied_at"] != "2026-01-05T09:00:00Z" {
			t.Errorf("%s: item = %v", url, item)
		}
	}
	var d map[string]any
	s.must("GET", "/api/v1/applications/1", "", http.StatusOK, &d)
	if d["notes"] != notes || d["contact_email"] != "sam@acme.example" {
		b, _ := json.Marshal(d)
		t.Errorf("the detail lost what the list leaves out: %s", b)
	}
}
