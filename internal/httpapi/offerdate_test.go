package httpapi_test

import (
	"fmt"
	"net/http"
	"strings"
	"testing"

	"tracker/internal/storage"
	"tracker/internal/storage/storagetest"
)

// TestOfferDateOverHTTP round-trips the day of the offer through the real
// router on both databases: set by the move to offered, read back as
// "YYYY-MM-DD", changed and cleared ("") by PATCH, null when not known;
// a time, a made-up day, a day in the future or one on another move is
// refused naming offer_made_on and changes nothing; and the decline
// preview names the day in its thanks ("on Wednesday" within the week,
// the date before it).
func TestOfferDateOverHTTP(t *testing.T) {
	storagetest.Each(t, func(t *testing.T, db *storage.DB) {
		s := newServerOn(t, db, "") // now: Monday 2 March 2026, 09:00 UTC
		type app struct {
			ID          int64   `json:"id"`
			Status      string  `json:"status"`
			OfferMadeOn *string `json:"offer_made_on"`
		}
		var a app
		s.must("POST", "/api/v1/applications", `{"company":"Acme","role":"Analyst","contact_name":"Dana Smith","applied_at":"`+rfc3339(start.AddDate(0, 0, -30))+`"}`, http.StatusCreated, &a)
		if a.OfferMadeOn != nil {
			t.Fatalf("a new application has the day of an offer: %q", *a.OfferMadeOn)
		}
		url := fmt.Sprintf("/api/v1/applications/%d", a.ID)
		for _, to := range []string{"invited", "scheduled", "interviewed"} {
			s.must("POST", url+"/transitions", `{"to":"`+to+`"}`, http.StatusOK, nil)
		}
		for _, sc := range []struct{ name, method, path, body string }{
			{"a time", "POST", "/transitions", `{"to":"offered","offer_made_on":"2026-02-25T10:00:00Z"}`},
			{"no such day", "POST", "/transitions", `{"to":"offered","offer_made_on":"2026-02-30"}`},
			{"in the future", "POST", "/transitions", `{"to":"offered","offer_made_on":"2026-03-03"}`},
			{"another move", "POST", "/transitions", `{"to":"rejected","offer_made_on":"2026-02-25"}`},
			{"before an offer", "PATCH", "", `{"offer_made_on":"2026-02-25"}`},
		} {
			rec := s.do(sc.method, url+sc.path, sc.body)
			if rec.Code != http.StatusBadRequest && rec.Code != http.StatusUnprocessableEntity || !strings.Contains(rec.Body.String(), `"offer_made_on":"offer_made_on `) {
				t.Errorf("%s: %d %s, want a refusal naming offer_made_on", sc.name, rec.Code, rec.Body)
			}
			s.must("GET", url, "", http.StatusOK, &a)
			if a.Status != "interviewed" || a.OfferMadeOn != nil {
				t.Fatalf("%s: the refusal wrote: %+v", sc.name, a)
			}
		}
		s.must("POST", url+"/transitions", `{"to":"offered","offer_made_on":"2026-02-25"}`, http.StatusOK, &a)
		s.must("GET", url, "", http.StatusOK, &a)
		if a.Status != "offered" || a.OfferMadeOn == nil || *a.OfferMadeOn != "2026-02-25" {
			t.Fatalf("after the move: %+v", a)
		}
		preview := func() string {
			var p struct {
				Body string `json:"body"`
			}
			s.must("POST", url+"/decline/preview", `{"reason":"timing","sender_name":"Alex Doe","channel":"email"}`, http.StatusOK, &p)
			return p.Body
		}
		if body := preview(); !strings.Contains(body, "on Wednesday") {
			t.Errorf("the preview does not name the offer of Wednesday 25 February:\n%s", body)
		}
		s.must("PATCH", url, `{"offer_made_on":"2026-02-16"}`, http.StatusOK, &a)
		if body := preview(); !strings.Contains(body, "16 February") {
			t.Errorf("the preview does not name the offer of 16 February:\n%s", body)
		}
		s.must("PATCH", url, `{"notes":"kept"}`, http.StatusOK, &a)
		if a.OfferMadeOn == nil || *a.OfferMadeOn != "2026-02-16" {
			t.Fatalf("a PATCH without the field changed it: %+v", a)
		}
		s.must("PATCH", url, `{"offer_made_on":""}`, http.StatusOK, &a)
		if a.OfferMadeOn != nil {
			t.Fatalf("cleared, the day reads %q", *a.OfferMadeOn)
		}
		if body := preview(); strings.Contains(body, "February") || strings.Contains(body, "Wednesday") {
			t.Errorf("the preview names a day without one:\n%s", body)
		}
	})
}
