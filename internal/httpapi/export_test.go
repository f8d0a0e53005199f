package httpapi_test

import (
	"encoding/json"
	"fmt"
	"net/http"
	"strings"
	"testing"

	"tracker/internal/storage"
	"tracker/internal/storage/storagetest"
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

// TestCSVRoundTripOverHTTP exports a declined application (after its
// offer) and a followed-up one as CSV through the real router, on both
// databases, and imports the sheet into another account: both come back
// in their stages with the offer's day, and the answer's notes say, line
// by line, that the letters stayed behind.
func TestCSVRoundTripOverHTTP(t *testing.T) {
	storagetest.Each(t, func(t *testing.T, db *storage.DB) {
		s := newServerOn(t, db, "")
		applied := rfc3339(start.AddDate(0, 0, -30))
		s.must("POST", "/api/v1/applications", `{"company":"Acme","role":"Dev","applied_at":"`+applied+`"}`, http.StatusCreated, nil)
		s.must("POST", "/api/v1/applications", `{"company":"Globex","role":"SRE","applied_at":"`+applied+`"}`, http.StatusCreated, nil)
		for _, to := range []string{"invited", "scheduled", "interviewed"} {
			s.must("POST", "/api/v1/applications/1/transitions", `{"to":"`+to+`"}`, http.StatusOK, nil)
		}
		s.must("POST", "/api/v1/applications/1/transitions", `{"to":"offered","offer_made_on":"2026-02-27"}`, http.StatusOK, nil)
		s.must("POST", "/api/v1/applications/2/transitions", `{"to":"invited"}`, http.StatusOK, nil)
		for _, id := range []string{"1", "2"} {
			s.must("POST", "/api/v1/applications/"+id+"/decline", `{"reason":"timing","sender_name":"Sam","override":true}`, http.StatusOK, nil)
		}
		s.must("POST", "/api/v1/applications/2/follow-up", `{}`, http.StatusOK, nil)
		sheet := s.do("GET", "/api/v1/export?format=csv", "")
		_, bob := s.newUser("bob@example.com")
		s.token = bob
		rec := s.postFile("/api/v1/import?format=csv", "", sheet.Body.Bytes(), nil)
		var got struct {
			Imported int
			Errors   []struct{ Message string }
			Notes    []struct {
				Line    int
				Message string
			}
		}
		if rec.Code != 200 || json.Unmarshal(rec.Body.Bytes(), &got) != nil || got.Imported != 2 || len(got.Errors) != 0 || len(got.Notes) != 2 ||
			!strings.Contains(got.Notes[0].Message, "imported as declined without its decline letter") ||
			!strings.Contains(got.Notes[1].Message, "imported as followed_up without its decline and follow-up letters") {
			t.Fatalf("import: %d %s", rec.Code, rec.Body)
		}
		var list struct{ Items []struct{ ID int64 } }
		s.must("GET", "/api/v1/applications?sort=oldest", "", http.StatusOK, &list)
		if len(list.Items) != 2 {
			t.Fatalf("bob's applications %+v", list.Items)
		}
		for i, want := range []struct{ company, status, offer string }{{"Acme", "declined", "2026-02-27"}, {"Globex", "followed_up", ""}} {
			var a struct {
				Company, Status string
				OfferMadeOn     *string `json:"offer_made_on"`
			}
			s.must("GET", fmt.Sprintf("/api/v1/applications/%d", list.Items[i].ID), "", http.StatusOK, &a)
			if a.Company != want.company || a.Status != want.status || (a.OfferMadeOn == nil) != (want.offer == "") || a.OfferMadeOn != nil && *a.OfferMadeOn != want.offer {
				t.Errorf("%s: %s, offer made on %v; want %+v", a.Company, a.Status, a.OfferMadeOn, want)
			}
		}
	})
}
