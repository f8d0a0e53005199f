package httpapi_test

import (
	"encoding/json"
	"net/http"
	"strings"
	"testing"
)

// TestExportImport moves one user's applications to another through the
// JSON backup and the CSV sheet, and refuses a broken backup whole.
func TestExportImport(t *testing.T) {
	s := newServer(t)
	s.must("POST", "/api/v1/applications", `{"company":"Acme","role":"Dev","invitation":{"received_at":"`+rfc3339(start)+`"}}`, http.StatusCreated, nil)
	s.must("POST", "/api/v1/applications", `{"company":"Globex","role":"SRE","notes":"=1+1"}`, http.StatusCreated, nil)
	backup := s.do("GET", "/api/v1/export", "")
	csv := s.do("GET", "/api/v1/export?format=csv", "")
	if backup.Code != 200 || csv.Code != 200 || !strings.HasPrefix(csv.Header().Get("Content-Type"), "text/csv") ||
		!strings.Contains(csv.Body.String(), "'=1+1") || !strings.Contains(backup.Body.String(), `"format":"tracker-backup"`) {
		t.Fatalf("export: %d %s\n%d %s", backup.Code, backup.Body, csv.Code, csv.Body)
	}
	_, bob := s.newUser("bob@example.com")
	for _, body := range []string{backup.Body.String(), csv.Body.String()} {
		s.token = bob
		rec := s.postFile("/api/v1/import", "", []byte(body), nil)
		var got importAnswer
		if rec.Code != 200 || json.Unmarshal(rec.Body.Bytes(), &got) != nil || got.Imported != 2 || len(got.Errors) != 0 {
			t.Errorf("import: %d %s", rec.Code, rec.Body)
		}
	}
	var list struct {
		Items []struct{ Company, Status string }
	}
	s.must("GET", "/api/v1/applications", "", http.StatusOK, &list)
	if len(list.Items) != 4 || list.Items[1].Company != "Acme" || list.Items[1].Status != "invited" {
		t.Errorf("bob's applications %+v", list.Items)
	}
	before := s.snapshot()
	rec := s.postFile("/api/v1/import?format=json", "x.json", []byte(`{"format":"tracker-backup","version":1,"applications":[{"company":"A","role":"B","status":"applied"},{"company":"","role":"B","status":"applied"}]}`), nil)
	if rec.Code != 422 || s.snapshot() != before {
		t.Errorf("broken backup: %d %s", rec.Code, rec.Body)
	}
	rec = s.postFile("/api/v1/import", "", []byte("Company,Title,Status\nInitech,QA,Dreaming\n,QA,Applied\n"), nil)
	var got importAnswer
	if json.Unmarshal(rec.Body.Bytes(), &got) != nil || got.Imported != 1 || len(got.Errors) != 1 || got.Errors[0].Line != 3 || len(got.Notes) != 1 {
		t.Errorf("csv with a bad row: %d %s", rec.Code, rec.Body)
	}
}

type importAnswer struct {
	Imported int
	Errors   []struct {
		Line    int
		Message string
	}
	Notes []struct{ Line int }
}
