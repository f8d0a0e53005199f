package httpapi_test

import (
	"net/http"
	"strings"
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

// TestTokenLifetimeAndRevocationOverHTTP creates a token with
// expires_in_days, sees expires_at in the list, and changes the password
// with revoke_tokens: the API token stops working.
func TestTokenLifetimeAndRevocationOverHTTP(t *testing.T) {
	s := newServer(t)
	var tok struct {
		Token string `json:"token"`
	}
	s.must("POST", "/api/v1/tokens", `{"name":"week","expires_in_days":7}`, http.StatusCreated, &tok)
	rec := s.do("GET", "/api/v1/tokens", "")
	if !strings.Contains(rec.Body.String(), `"expires_at":"`) {
		t.Fatalf("the list lacks expires_at: %s", rec.Body)
	}
	if rec := s.do("POST", "/api/v1/tokens", `{"name":"bad","expires_in_days":0}`); rec.Code != http.StatusUnprocessableEntity {
		t.Fatalf("expires_in_days 0 = %d: %s", rec.Code, rec.Body)
	}
	body := `{"current_password":"` + testPassword + `","new_password":"a brand new password","revoke_tokens":true}`
	s.must("POST", "/api/v1/me/password", body, http.StatusNoContent, nil)
	for _, token := range []string{s.token, tok.Token} {
		if rec := s.doAs(token, "GET", "/api/v1/me", ""); rec.Code != http.StatusUnauthorized {
			t.Fatalf("a token after the password change with revoke_tokens = %d", rec.Code)
		}
	}
}
