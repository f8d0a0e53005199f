package httpapi_test

import (
	"bytes"
	"encoding/json"
	"net/http"
	"strings"
	"testing"
)

// TestPrettyIndentsTheSameAnswer checks that ?pretty indents the detail
// and a page of the list, and that the answer is otherwise the same; and
// that another query, or none, leaves them compact.
func TestPrettyIndentsTheSameAnswer(t *testing.T) {
	s := newServer(t)
	s.must("POST", "/api/v1/applications", `{"company":"Acme","role":"Dev"}`, http.StatusCreated, nil)
	for _, path := range []string{"/api/v1/applications/1", "/api/v1/applications"} {
		plain := s.do("GET", path, "")
		sep := "?"
		if strings.Contains(path, "?") {
			sep = "&"
		}
		pretty := s.do("GET", path+sep+"pretty", "")
		other := s.do("GET", path+sep+"limit=5", "")
		if plain.Code != http.StatusOK || pretty.Code != http.StatusOK || other.Code != http.StatusOK {
			t.Fatalf("%s: %d, %d with ?pretty, %d with another query", path, plain.Code, pretty.Code, other.Code)
		}
		if !strings.Contains(pretty.Body.String(), "\n  \"") {
			t.Errorf("%s?pretty is not indented: %s", path, pretty.Body)
		}
		for _, rec := range []*bytes.Buffer{plain.Body, other.Body} {
			if strings.Count(rec.String(), "\n") != 1 {
				t.Errorf("%s without ?pretty is indented: %s", path, rec)
			}
		}
		var compact bytes.Buffer
		if err := json.Compact(&compact, pretty.Body.Bytes()); err != nil {
			t.Fatal(err)
		}
		if got, want := compact.String(), strings.TrimSpace(plain.Body.String()); got != want {
			t.Errorf("%s?pretty holds\n%s\nwithout it\n%s", path, got, want)
		}
	}
}
