package httpapi_test

import (
	"net/http"
	"strings"
	"testing"
)

// TestEditedLetterChecks sends an edited letter that breaks the etiquette:
// refused with 422 naming each failed check, then stored with override,
// its verdicts in the detail.
func TestEditedLetterChecks(t *testing.T) {
	s := newServer(t)
	s.seed()
	const url = "/api/v1/applications/1/decline"
	const rude = `{"reason":"timing","sender_name":"Sam Lee","body":"no."`

	var p struct {
		Checks []check `json:"checks"`
	}
	s.must("POST", url+"/preview", rude+`}`, http.StatusOK, &p)
	failed := map[string]string{}
	for _, c := range p.Checks {
		if !c.OK && c.Severity == "error" {
			failed[c.Rule] = c.Hint
		}
	}
	if len(failed) == 0 {
		t.Fatalf("the preview of %q passes every error check: %+v", "no.", p.Checks)
	}

	before := s.snapshot()
	rec := s.do("POST", url, rude+`}`)
	if rec.Code != http.StatusUnprocessableEntity {
		t.Fatalf("decline of a failing letter = %d: %s", rec.Code, rec.Body)
	}
	eb := checkErrorShape(t, rec)
	if eb.Error.Code != "invalid" || len(eb.Error.Fields) != len(failed) || !strings.Contains(eb.Error.Message, "override") {
		t.Fatalf("refusal = %s, want one field per failed check %v", rec.Body, failed)
	}
	for rule, hint := range failed {
		if eb.Error.Fields["checks."+rule] != hint || !strings.Contains(eb.Error.Message, rule) {
			t.Errorf("refusal lacks check %s with hint %q: %s", rule, hint, rec.Body)
		}
	}
	if s.snapshot() != before {
		t.Fatal("a refused decline changed the database")
	}

	var d handoffDetail
	s.must("POST", url, rude+`,"override":true}`, http.StatusOK, &d)
	s.must("GET", "/api/v1/applications/1", "", http.StatusOK, &d)
	if len(d.Letters) != 1 || d.Letters[0].Body != "no." || len(d.Letters[0].Checks) != len(p.Checks) {
		t.Fatalf("stored letters = %+v", d.Letters)
	}
	for i, c := range d.Letters[0].Checks {
		if c != p.Checks[i] {
			t.Errorf("stored check %+v, preview said %+v", c, p.Checks[i])
		}
	}
}
