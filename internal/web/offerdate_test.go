package web_test

import (
	"net/http"
	"net/url"
	"strings"
	"testing"
	"time"
)

// TestOfferDatePage: the move to offered asks the day of the offer beside
// its button, today by default; the day is then an edited field of the
// application, refused in the future or when it is no date, with the
// error beside the field and what the user typed kept.
func TestOfferDatePage(t *testing.T) {
	c := newClient(t)
	today := time.Now().UTC().Format("2006-01-02") // the user's zone is UTC until chosen
	tomorrow := time.Now().UTC().AddDate(0, 0, 1).Format("2006-01-02")
	if code, body := c.post("/applications", url.Values{"start": {"applied"}, "company": {"Acme"}, "role": {"Analyst"}}); code != http.StatusSeeOther {
		t.Fatalf("create = %d:\n%s", code, body)
	}
	for _, to := range []string{"invited", "scheduled", "interviewed"} {
		if code, body := c.post("/applications/1/move", url.Values{"to": {to}}); code != http.StatusSeeOther {
			t.Fatalf("move to %s = %d:\n%s", to, code, body)
		}
	}
	steps := []struct {
		name       string
		path       string
		form       url.Values
		wantStatus int
		want       []string
	}{
		{"the move asks the day", "", nil, http.StatusOK, []string{"Offer made on (optional)", `name="offer_made_on" value="` + today + `" max="` + today + `"`}},
		{"offered", "/applications/1/move", url.Values{"to": {"offered"}, "offer_made_on": {today}}, http.StatusSeeOther, nil},
		{"the field", "", nil, http.StatusOK, []string{"Offer made on (the letter thanks for it)", `id="f-offer_made_on" name="offer_made_on" type="date" value="` + today + `"`}},
		{"in the future", "/applications/1", url.Values{"offer_made_on": {tomorrow}}, http.StatusUnprocessableEntity,
			[]string{`id="offer_made_on-error"`, "Offer made on must not be after today", `value="` + tomorrow + `"`}},
		{"no date", "/applications/1", url.Values{"offer_made_on": {"16/11"}}, http.StatusUnprocessableEntity,
			[]string{"Offer made on is not a date", `value="16/11"`}},
		{"cleared", "/applications/1", url.Values{"offer_made_on": {""}}, http.StatusSeeOther, nil},
		{"empty now", "", nil, http.StatusOK, []string{`id="f-offer_made_on" name="offer_made_on" type="date" value=""`}},
	}
	for _, s := range steps {
		var code int
		var body string
		if s.path == "" {
			code, body = c.get("/applications/1")
		} else {
			code, body = c.post(s.path, s.form)
		}
		if code != s.wantStatus {
			t.Fatalf("%s = %d, want %d:\n%s", s.name, code, s.wantStatus, body)
		}
		for _, w := range s.want {
			if !strings.Contains(body, w) {
				t.Errorf("%s: the page lacks %q", s.name, w)
			}
		}
	}
}
