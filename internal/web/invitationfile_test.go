package web_test

import (
	"bytes"
	"html"
	"mime/multipart"
	"net/http"
	"net/url"
	"regexp"
	"strings"
	"testing"

	"tracker/internal/fixtures"
)

// postFile posts data as the file field of a multipart form, with the
// CSRF token of the last page, as the browser does.
func (c *client) postFile(path, name string, data []byte) (int, string) {
	c.t.Helper()
	var body bytes.Buffer
	w := multipart.NewWriter(&body)
	if err := w.WriteField("_csrf", c.csrf); err != nil {
		c.t.Fatal(err)
	}
	part, err := w.CreateFormFile("file", name)
	if err != nil {
		c.t.Fatal(err)
	}
	part.Write(data)
	w.Close()
	req, _ := http.NewRequest(http.MethodPost, c.base+path, &body)
	req.Header.Set("Content-Type", w.FormDataContentType())
	return c.do(req)
}

// TestInvitationFile: a real invite picked on the "Log an invitation"
// form fills the form in with its draft and saves nothing; a file that is
// not an invitation shows why beside the file field.
func TestInvitationFile(t *testing.T) {
	tests := []struct {
		name       string
		file       string
		data       []byte
		wantStatus int
		want       []string
	}{
		{"blackberry all-day invite", "icalendar-blackberry-allday-request.ics", fixtures.Read(t, "ics/icalendar-blackberry-allday-request.ics"), http.StatusOK, []string{
			`name="company" type="text" value="Daxlab"`, `name="contact_email" type="email" value="rembrand@daxlab.com"`,
			`name="received_at" value="2012-08-13T15:14"`, `name="interview_at" value="2012-08-14T00:00"`,
			`<textarea id="message" name="message" rows="3">Test meeting from BB</textarea>`,
			"Read from icalendar-blackberry-allday-request.ics: check the fields and save.", "company guessed from the organizer&#39;s address"}},
		{"exchange invite in a Windows zone", "invite.ics", fixtures.Read(t, "ics/nylas-exchange2010-request-romance-tz.ics"), http.StatusOK, []string{
			`name="contact_name" type="text" value="Inbox Apptest2"`, `name="contact_email" type="email" value="test2@example.com"`,
			`name="received_at" value="2015-03-31T12:43"`, `name="interview_at" value="2015-04-01T14:00"`}},
		{"google meet invite", "meet.ics", fixtures.Read(t, "ics/golangical-google-meet-attendees-unfolded.ics"), http.StatusOK, []string{
			`<option value="video" selected>`, `name="interview_at" value="2022-03-01T17:00"`, "Teilnehmen: https://meet.google.com/xxx-xxxx-xxx"}},
		{"broken invite", "bad.ics", fixtures.Read(t, "ics/bad-icalendar-invalid-dtstart-dtend.ics"), http.StatusUnprocessableEntity, []string{
			"The file was not read, and nothing was saved.", `id="file-error"`, `(DTSTART) &#34;INVALID-DATE&#34; is not a date and time`}},
		{"not an invitation", "notes.txt", []byte("buy milk"), http.StatusUnprocessableEntity, []string{`<span class="field-error" id="file-error">`}},
		{"no file", "empty.ics", nil, http.StatusUnprocessableEntity, []string{`id="file-error">the file is empty</span>`}},
	}
	c := newClient(t)
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			c.get("/applications/new")
			code, body := c.postFile("/applications/new/file", tc.file, tc.data)
			if code != tc.wantStatus {
				t.Fatalf("POST = %d, want %d:\n%s", code, tc.wantStatus, body)
			}
			for _, w := range tc.want {
				if !strings.Contains(body, w) {
					t.Errorf("the form does not show %s:\n%s", w, body)
				}
			}
		})
	}
	if _, body := c.get("/applications"); strings.Contains(body, "Daxlab") {
		t.Errorf("reading a file saved an application:\n%s", html.UnescapeString(body))
	}
}

var originInput = regexp.MustCompile(`name="origin" value="([^"]+)"`)

// TestInvitationFileKeepsOrigin: an invitation read from a calendar invite
// and saved from the form keeps the invite's identity, so the organizer's
// calendar can take the answer, as when it is imported through the API.
func TestInvitationFileKeepsOrigin(t *testing.T) {
	c := newClient(t)
	c.get("/applications/new")
	_, body := c.postFile("/applications/new/file", "invite.ics", fixtures.Read(t, "ics/nylas-exchange2010-request-romance-tz.ics"))
	m := originInput.FindStringSubmatch(body)
	if m == nil {
		t.Fatalf("the filled-in form carries no origin:\n%s", body)
	}
	form := url.Values{"start": {"invited"}, "company": {"Inbox"}, "role": {"Engineer"},
		"received_at": {"2015-03-31T12:43"}, "interview_at": {"2015-04-01T14:00"}, "format": {"video"},
		"origin": {html.UnescapeString(m[1])}}
	if code, body := c.post("/applications", form); code != http.StatusSeeOther {
		t.Fatalf("saving the form = %d:\n%s", code, body)
	}
	req, _ := http.NewRequest(http.MethodPatch, c.base+"/api/v1/settings/profile", strings.NewReader(`{"name": "Sam Lee", "email": "sam@example.com"}`))
	req.Header.Set("Content-Type", "application/json")
	req.Header.Set("X-CSRF-Token", c.csrf)
	if code, body := c.do(req); code != http.StatusOK {
		t.Fatalf("profile = %d: %s", code, body)
	}
	code, eml := c.get("/api/v1/applications/1/invitations/1/answer.eml?answer=decline")
	if code != http.StatusOK || !strings.Contains(eml, "text/calendar; charset=utf-8; method=REPLY") {
		t.Fatalf("answer.eml = %d, want an iTIP reply:\n%s", code, eml)
	}
}

// TestDamagedOriginRefused: a damaged origin field is refused beside
// the file field and nothing is saved.
func TestDamagedOriginRefused(t *testing.T) {
	c := newClient(t)
	c.get("/applications/new")
	form := url.Values{"start": {"invited"}, "company": {"Acme"}, "role": {"Engineer"},
		"received_at": {"2015-03-31T12:43"}, "origin": {"{not json"}}
	code, body := c.post("/applications", form)
	if code != http.StatusUnprocessableEntity || !strings.Contains(body, "read the file again") {
		t.Fatalf("a damaged origin = %d:\n%s", code, body)
	}
	if _, list := c.get("/applications"); strings.Contains(list, "Acme") {
		t.Errorf("a refused form saved an application")
	}
}
