package httpapi_test

import (
	"net/http"
	"strings"
	"testing"
)

// TestReminderRoutes: the reminder settings through the API, refused
// fields named with nothing saved, a test reminder queued on each channel,
// and the list of reminders, which is the user's own.
func TestReminderRoutes(t *testing.T) {
	s := newServer(t)
	var st struct {
		Email, WebhookURL, WebhookFormat, QuietHours string
		UpdatedAt                                    *string `json:"updated_at"`
	}
	s.must("GET", "/api/v1/reminders/settings", "", http.StatusOK, &st)
	if st.Email != "" || st.UpdatedAt != nil {
		t.Fatalf("defaults: %+v", st)
	}
	before := s.snapshot()
	rec := s.do("PATCH", "/api/v1/reminders/settings", `{"email":"nope","webhook_url":"javascript:alert(1)","quiet_hours":"25:00-07:00"}`)
	if rec.Code != http.StatusUnprocessableEntity {
		t.Fatalf("bad settings = %d: %s", rec.Code, rec.Body)
	}
	for _, field := range []string{`"email"`, `"webhook_url"`, `"quiet_hours"`} {
		if !strings.Contains(rec.Body.String(), field) {
			t.Fatalf("the refusal does not name %s: %s", field, rec.Body)
		}
	}
	if s.snapshot() != before {
		t.Fatal("a refused PATCH wrote something")
	}
	s.must("POST", "/api/v1/reminders/test", "", http.StatusUnprocessableEntity, nil)
	s.must("PATCH", "/api/v1/reminders/settings", `{"email":"sam@example.com","webhook_url":"https://ntfy.sh/sam-jobs","webhook_format":"ntfy","quiet_hours":"22:00-07:00"}`,
		http.StatusOK, nil)
	var list struct {
		Items []struct{ Kind, Channel, Status, Target string }
	}
	s.must("POST", "/api/v1/reminders/test", "", http.StatusAccepted, &list)
	if len(list.Items) != 2 {
		t.Fatalf("test reminders: %+v", list)
	}
	s.must("GET", "/api/v1/reminders?limit=5", "", http.StatusOK, &list)
	if len(list.Items) != 2 || list.Items[0].Kind != "test" || list.Items[0].Status != "pending" {
		t.Fatalf("list: %+v", list)
	}
	s.must("GET", "/api/v1/reminders?limit=many", "", http.StatusUnprocessableEntity, nil)
	s.must("GET", "/api/v1/reminders?limit=0", "", http.StatusUnprocessableEntity, nil)

	_, other := s.newUser("kim@example.com")
	rec = s.doAs(other, "GET", "/api/v1/reminders", "")
	if rec.Code != http.StatusOK || !strings.Contains(rec.Body.String(), `"items":[]`) {
		t.Fatalf("another user's reminders: %d %s", rec.Code, rec.Body)
	}
}
