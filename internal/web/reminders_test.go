package web_test

import (
	"net/http"
	"net/url"
	"strings"
	"testing"
)

// TestRemindersSection: the settings page sets where reminders go; a bad
// address is named beside its own field (not the profile's e-mail) with
// what was typed kept and the rest of the page as stored; a test reminder
// shows in the list of recent ones.
func TestRemindersSection(t *testing.T) {
	c := newClient(t)
	if code, _ := c.post("/settings/profile", url.Values{"name": {"Sam Lee"}, "email": {"sam@example.com"}}); code != http.StatusSeeOther {
		t.Fatalf("profile = %d", code)
	}
	code, body := c.post("/settings/reminders", url.Values{"reminder_email": {"sam at home"}, "webhook_url": {""},
		"webhook_format": {"json"}, "quiet_hours": {"22:00-07:00"}})
	if code != http.StatusUnprocessableEntity {
		t.Fatalf("a bad address = %d", code)
	}
	for _, want := range []string{`id="reminder_email-error"`, `value="sam at home"`, `value="Sam Lee"`, `value="22:00-07:00"`} {
		if !strings.Contains(body, want) {
			t.Fatalf("the refused page lacks %s", want)
		}
	}
	if strings.Contains(body, `id="email-error"`) {
		t.Fatal("the refusal shows beside the profile's e-mail")
	}
	if code, _ := c.post("/settings/reminders", url.Values{"reminder_email": {"sam@example.com"}, "webhook_url": {"https://ntfy.sh/sam-jobs"},
		"webhook_format": {"ntfy"}, "quiet_hours": {"22:00-07:00"}}); code != http.StatusSeeOther {
		t.Fatalf("saving = %d", code)
	}
	if code, _ := c.post("/settings/reminders/test", url.Values{}); code != http.StatusSeeOther {
		t.Fatalf("test = %d", code)
	}
	_, body = c.get("/settings?saved=test")
	for _, want := range []string{"A test reminder is on its way", "Recent reminders", "Test reminder from the tracker",
		"https://ntfy.sh/sam-jobs", `value="sam@example.com"`, "Send a test reminder"} {
		if !strings.Contains(body, want) {
			t.Fatalf("the settings page lacks %q", want)
		}
	}
}

// TestNewFormContact: the "Log an invitation" form sets how letters
// address the contact, and a bad kind is named beside its field with the
// section left open.
func TestNewFormContact(t *testing.T) {
	c := newClient(t)
	c.get("/applications/new")
	code, body := c.post("/applications", url.Values{"start": {"applied"}, "company": {"Acme"}, "role": {"Dev"},
		"contact_name": {"Paula Lima"}, "contact_kind": {"robot"}})
	if code != http.StatusUnprocessableEntity || !strings.Contains(body, `id="contact_kind-error"`) || !strings.Contains(body, "<details class=\"wide\" open>") {
		t.Fatalf("a bad kind = %d", code)
	}
	code, _ = c.post("/applications", url.Values{"start": {"applied"}, "company": {"Acme"}, "role": {"Dev"},
		"contact_name": {"Paula Lima"}, "contact_kind": {"person"}, "contact_title": {"Dr."}, "greeting_name": {"Dr. Lima"}})
	if code != http.StatusSeeOther {
		t.Fatalf("create = %d", code)
	}
	_, body = c.get("/applications/1")
	for _, want := range []string{`value="Dr."`, `value="Dr. Lima"`, `<option value="person" selected>`} {
		if !strings.Contains(body, want) {
			t.Fatalf("the application page lacks %s", want)
		}
	}
}
