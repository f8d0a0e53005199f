package httpapi_test

import (
	"net/http"
	"testing"
)

// TestStaleDeclineOverHTTP previews a decline, moves the application, and
// sends the decline with the status the preview returned: 409, nothing
// stored; a status that is no status at all is a 422 naming the field.
func TestStaleDeclineOverHTTP(t *testing.T) {
	s := newServer(t)
	s.seed()
	var p struct {
		PreviewedStatus string `json:"previewed_status"`
	}
	s.must("POST", "/api/v1/applications/1/decline/preview", `{"reason":"timing","sender_name":"Sam"}`, http.StatusOK, &p)
	if p.PreviewedStatus != "invited" {
		t.Fatalf("previewed_status = %q, want invited", p.PreviewedStatus)
	}
	s.must("POST", "/api/v1/applications/1/transitions", `{"to":"scheduled"}`, http.StatusOK, nil)
	before := s.snapshot()
	rec := s.do("POST", "/api/v1/applications/1/decline", `{"reason":"timing","sender_name":"Sam","previewed_status":"invited"}`)
	if rec.Code != http.StatusConflict {
		t.Fatalf("stale decline = %d: %s", rec.Code, rec.Body)
	}
	checkErrorShape(t, rec)
	rec = s.do("POST", "/api/v1/applications/1/decline", `{"reason":"timing","sender_name":"Sam","previewed_status":"maybe"}`)
	if rec.Code != http.StatusUnprocessableEntity || checkErrorShape(t, rec).Error.Fields["previewed_status"] == "" {
		t.Fatalf("unknown previewed_status = %d: %s", rec.Code, rec.Body)
	}
	if s.snapshot() != before {
		t.Fatal("a refused decline stored something")
	}
	s.must("POST", "/api/v1/applications/1/decline", `{"reason":"timing","sender_name":"Sam","previewed_status":"scheduled"}`, http.StatusOK, nil)
}
