package httpapi_test

import (
	"encoding/json"
	"net/http"
	"net/url"
	"strings"
	"testing"
)

// TestNoSecretsInLogs runs a setup, a sign-in, a token's creation and use,
// a password change and failures of each with the log captured: no
// password, token, session id or setup token may be in it.
func TestNoSecretsInLogs(t *testing.T) {
	s, setup := newUnsetServer(t)
	b := s.browser(t)
	b.get("/setup?token=" + setup)
	b.post("/setup", url.Values{"token": {setup}, "email": {"sam@example.com"}, "password": {testPassword}, "password_again": {testPassword}}, true)
	firstSession := b.session()
	b.post("/login", url.Values{"email": {"sam@example.com"}, "password": {"a wrong password"}}, true)
	b = s.browser(t)
	b.login("sam@example.com", testPassword)

	var tok struct {
		CSRFToken string `json:"csrf_token"`
	}
	_ = json.Unmarshal(b.fetch("GET", "/api/v1/csrf", "", "").Body.Bytes(), &tok)
	var created struct {
		Token string `json:"token"`
	}
	rec := b.fetch("POST", "/api/v1/tokens", `{"name":"ci"}`, tok.CSRFToken)
	if err := json.Unmarshal(rec.Body.Bytes(), &created); err != nil || created.Token == "" {
		t.Fatalf("token creation = %d: %s", rec.Code, rec.Body)
	}
	s.doAs(created.Token, "GET", "/api/v1/applications?q=x", "")
	s.doAs(created.Token, "POST", "/api/v1/applications", `{"company":"A","role":"B"}`)
	s.doAs(created.Token[:len(created.Token)-1]+"x", "GET", "/api/v1/me", "")
	const newPassword = "another long passphrase"
	b.fetch("POST", "/api/v1/me/password", `{"current_password":"`+testPassword+`","new_password":"`+newPassword+`"}`, tok.CSRFToken)

	logs := s.logs.String()
	if !strings.Contains(logs, `"path":"/setup"`) || !strings.Contains(logs, `"path":"/login"`) {
		t.Fatalf("the log lacks the requests:\n%s", logs)
	}
	for name, secret := range map[string]string{
		"password": testPassword, "wrong password": "a wrong password", "new password": newPassword,
		"API token": created.Token, "API token's secret part": strings.TrimPrefix(created.Token, "trk_"),
		"session id": b.session(), "setup session id": firstSession, "setup token": setup, "CSRF token": tok.CSRFToken,
	} {
		if secret == "" {
			t.Fatalf("the test lost the %s", name)
		}
		if strings.Contains(logs, secret) {
			t.Errorf("the log holds the %s:\n%s", name, logs)
		}
	}
	if rec := s.doAs(created.Token, "GET", "/api/v1/me", ""); rec.Code != http.StatusOK {
		t.Fatalf("the token does not work: %d", rec.Code)
	}
}
