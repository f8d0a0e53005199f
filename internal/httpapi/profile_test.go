package httpapi_test

import (
	"net/http"
	"strings"
	"testing"
	"time"
)

// profile is the JSON of the sender profile.
type profile struct {
	Name      string     `json:"name"`
	Email     string     `json:"email"`
	Phone     string     `json:"phone"`
	Link      string     `json:"link"`
	UpdatedAt *time.Time `json:"updated_at"`
}

const profileURL = "/api/v1/settings/profile"

// TestProfile reads the unset profile, patches it in two steps, and checks
// that a patch changes only the fields it names.
func TestProfile(t *testing.T) {
	s := newServer(t)
	var p profile
	s.must("GET", profileURL, "", http.StatusOK, &p)
	if p != (profile{}) {
		t.Fatalf("unset profile = %+v", p)
	}
	if rec := s.do("GET", profileURL, ""); !strings.Contains(rec.Body.String(), `"updated_at":null`) {
		t.Fatalf("unset profile JSON = %s", rec.Body)
	}

	s.must("PATCH", profileURL, `{"name":" Sam Lee ","email":"sam@example.com"}`, http.StatusOK, &p)
	if p.Name != "Sam Lee" || p.Email != "sam@example.com" ||
		p.UpdatedAt == nil || !p.UpdatedAt.Equal(start) {
		t.Fatalf("patched profile = %+v", p)
	}
	s.clock.advance(time.Hour)
	s.must("PATCH", profileURL, `{"phone":"+1 555 0100","link":"https://sam.example","name":null}`, http.StatusOK, &p)
	want := profile{Name: "Sam Lee", Email: "sam@example.com", Phone: "+1 555 0100", Link: "https://sam.example"}
	if got := p; got.UpdatedAt == nil || !got.UpdatedAt.Equal(start.Add(time.Hour)) {
		t.Fatalf("updated_at = %v", got.UpdatedAt)
	}
	p.UpdatedAt = nil
	if p != want {
		t.Fatalf("second patch = %+v, want %+v", p, want)
	}
	s.must("PATCH", profileURL, `{"phone":""}`, http.StatusOK, &p)
	if p.Phone != "" || p.Name != "Sam Lee" {
		t.Fatalf(`"phone":"" did not clear only the phone: %+v`, p)
	}
}

func TestProfileRefused(t *testing.T) {
	s := newServer(t)
	s.must("PATCH", profileURL, `{"name":"Sam Lee"}`, http.StatusOK, nil)
	for _, sc := range []scenario{
		{"tone is a setting", "PATCH", profileURL, `{"default_tone":"warm"}`, "", 400, []string{`"default_tone":`}},
		{"bad e-mail", "PATCH", profileURL, `{"email":"x"}`, "", 422, []string{`"email":"email must be an e-mail address`}},
		{"every bad field at once", "PATCH", profileURL, `{"email":"x","link":"ftp://x.example","phone":"1\n2"}`, "", 422,
			[]string{`"email":`, `"link":`, `"phone":`}},
		{"name too long", "PATCH", profileURL, `{"name":"` + strings.Repeat("n", 201) + `"}`, "", 422, []string{`"name":`}},
		{"unknown field", "PATCH", profileURL, `{"signature":"Sam"}`, "", 400, []string{`"signature":`}},
		{"wrong type", "PATCH", profileURL, `{"name":7}`, "", 400, []string{`"name":"name must be a string"`}},
		{"empty body", "PATCH", profileURL, "", "", 400, []string{"body is required"}},
		{"two values", "PATCH", profileURL, `{} {}`, "", 400, []string{"exactly one JSON value"}},
		{"wrong method", "POST", profileURL, `{}`, "", 405, []string{`"code":"method_not_allowed"`}},
	} {
		t.Run(sc.name, func(t *testing.T) { s.run(t, sc) })
	}
}

// TestDeclineSignedFromProfile previews and sends a decline without
// sender_name: refused with a hint while the profile has no name, signed
// with the profile's name, tone and channel once it has.
func TestDeclineSignedFromProfile(t *testing.T) {
	s := newServer(t)
	s.seed()
	const url = "/api/v1/applications/1/decline"
	s.run(t, scenario{"preview without any name", "POST", url + "/preview", `{"reason":"timing"}`, "", 422,
		[]string{`"sender_name":"sender_name is required`, "/api/v1/settings/profile"}})
	s.run(t, scenario{"decline without any name", "POST", url, `{"reason":"timing"}`, "", 422,
		[]string{`"sender_name":`, "settings/profile"}})

	s.must("PATCH", profileURL, `{"name":"Grace Hopper"}`, http.StatusOK, nil)
	s.must("PATCH", "/api/v1/settings", `{"default_channel":"message","default_tone":"warm"}`, http.StatusOK, nil)
	var p struct {
		Body   string  `json:"body"`
		Checks []check `json:"checks"`
	}
	s.must("POST", url+"/preview", `{"reason":"timing"}`, http.StatusOK, &p)
	if !strings.HasSuffix(p.Body, "\nGrace") { // a warm message is signed with the first name
		t.Fatalf("the preview is not signed from the profile:\n%s", p.Body)
	}
	s.must("POST", url+"/preview", `{"reason":"timing","sender_name":"Ada"}`, http.StatusOK, &p)
	if !strings.Contains(p.Body, "Ada") || strings.Contains(p.Body, "Grace Hopper") {
		t.Fatalf("sender_name does not win over the profile:\n%s", p.Body)
	}
	var d struct {
		Letters []struct {
			Channel    string `json:"channel"`
			Tone       string `json:"tone"`
			SenderName string `json:"sender_name"`
		} `json:"letters"`
	}
	s.must("POST", url, `{"reason":"timing"}`, http.StatusOK, &d)
	if l := d.Letters[0]; l.Channel != "message" || l.Tone != "warm" || l.SenderName != "Grace Hopper" {
		t.Fatalf("stored letter = %+v, want the profile's channel, tone and name", l)
	}
}
