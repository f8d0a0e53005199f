package httpapi_test

import (
	"fmt"
	"io"
	"mime"
	"mime/quotedprintable"
	"net/http"
	"net/http/httptest"
	"net/mail"
	"net/url"
	"strings"
	"testing"
	"time"
)

// handoffLetter is the part of a letter's JSON the hand-off tests read.
type handoffLetter struct {
	ID      int64   `json:"id"`
	Kind    string  `json:"kind"`
	Subject string  `json:"subject"`
	Body    string  `json:"body"`
	Checks  []check `json:"checks"`
	EmlURL  string  `json:"eml_url"`
	Mailto  string  `json:"mailto"`
}

type handoffDetail struct {
	ID      int64           `json:"id"`
	Letters []handoffLetter `json:"letters"`
}

// seedForeign creates application 1, invited, with a contact whose name is
// not ASCII, and a profile to send from; it returns the contact.
func (s *server) seedForeign() *mail.Address {
	s.t.Helper()
	s.must("PATCH", profileURL, `{"name":"Sam Lee","email":"sam@example.com"}`, http.StatusOK, nil)
	s.must("POST", "/api/v1/applications", `{"company":"Acme Café & Co.","role":"Backend Engineer – Zürich",
		"contact_name":"Zoë Ångström","contact_email":"zoe@acme.example",
		"invitation":{"received_at":"`+rfc3339(start.Add(-2*time.Hour))+`"}}`, http.StatusCreated, nil)
	return &mail.Address{Name: "Zoë Ångström", Address: "zoe@acme.example"}
}

// TestLetterEML sends a decline and downloads it as an .eml draft, which
// must parse back to the stored letter, addressed to the contact.
func TestLetterEML(t *testing.T) {
	s := newServer(t)
	to := s.seedForeign()
	var d handoffDetail
	s.must("POST", "/api/v1/applications/1/decline", `{"reason":"another_offer"}`, http.StatusOK, &d)
	l := d.Letters[0]
	if l.EmlURL != fmt.Sprintf("/api/v1/applications/1/letters/%d.eml", l.ID) {
		t.Fatalf("eml_url = %q", l.EmlURL)
	}
	checkMailto(t, l.Mailto, to.Address, l.Subject, l.Body)

	rec := s.do("GET", l.EmlURL, "")
	if rec.Code != http.StatusOK || rec.Header().Get("Content-Type") != "message/rfc822" {
		t.Fatalf("GET %s = %d %q: %s", l.EmlURL, rec.Code, rec.Header().Get("Content-Type"), rec.Body)
	}
	checkDisposition(t, rec, fmt.Sprintf("Acme-Caf-Co-decline-%d.eml", l.ID))
	checkEML(t, rec.Body.String(), to, l.Subject, l.Body)

	var got handoffDetail
	s.must("GET", "/api/v1/applications/1", "", http.StatusOK, &got)
	if got.Letters[0].EmlURL != l.EmlURL || got.Letters[0].Mailto != l.Mailto {
		t.Fatalf("the detail's links %+v differ from the decline's %+v", got.Letters[0], l)
	}
}

// TestPreviewHandoff checks the preview's mailto link and its .eml draft.
func TestPreviewHandoff(t *testing.T) {
	s := newServer(t)
	to := s.seedForeign()
	before := s.snapshot()
	var p struct {
		Subject string `json:"subject"`
		Body    string `json:"body"`
		Mailto  string `json:"mailto"`
	}
	s.must("POST", "/api/v1/applications/1/decline/preview", `{"reason":"timing"}`, http.StatusOK, &p)
	checkMailto(t, p.Mailto, to.Address, p.Subject, p.Body)

	edited := "Dear Zoë,\n\nThank you — I must decline.\n\nSam Lee"
	rec := s.do("POST", "/api/v1/applications/1/decline/preview.eml", fmt.Sprintf(`{"reason":"timing","body":%q}`, edited))
	if rec.Code != http.StatusOK || rec.Header().Get("Content-Type") != "message/rfc822" {
		t.Fatalf("preview.eml = %d: %s", rec.Code, rec.Body)
	}
	checkDisposition(t, rec, "Acme-Caf-Co-decline-draft.eml")
	checkEML(t, rec.Body.String(), to, p.Subject, edited)
	if s.snapshot() != before {
		t.Fatal("a preview stored something")
	}
}

func TestLetterEMLNotFound(t *testing.T) {
	s := newServer(t)
	s.seed()
	s.must("POST", "/api/v1/applications/1/decline", `{"reason":"timing","sender_name":"Sam"}`, http.StatusOK, nil)
	const apps = "/api/v1/applications"
	for _, sc := range []scenario{
		{"unknown application", "GET", apps + "/999/letters/1.eml", "", "", 404, []string{`"code":"not_found"`}},
		{"non-numeric application", "GET", apps + "/abc/letters/1.eml", "", "", 404, nil},
		{"unknown letter", "GET", apps + "/1/letters/99.eml", "", "", 404, []string{"has no letter"}},
		{"another application's letter", "GET", apps + "/2/letters/1.eml", "", "", 404, []string{"has no letter"}},
		{"non-numeric letter", "GET", apps + "/1/letters/abc.eml", "", "", 404, nil},
		{"zero letter", "GET", apps + "/1/letters/0.eml", "", "", 404, nil},
		{"no suffix", "GET", apps + "/1/letters/1", "", "", 404, nil},
		{"other suffix", "GET", apps + "/1/letters/1.txt", "", "", 404, nil},
		{"bare suffix", "GET", apps + "/1/letters/.eml", "", "", 404, nil},
		{"preview.eml of an unknown application", "POST", apps + "/999/decline/preview.eml", `{"reason":"timing"}`, "", 404, nil},
		{"preview.eml without a reason", "POST", apps + "/2/decline/preview.eml", `{}`, "", 422, []string{`"reason":`}},
	} {
		t.Run(sc.name, func(t *testing.T) { s.run(t, sc) })
	}
}

// checkDisposition fails unless rec is an attachment named filename.
func checkDisposition(t *testing.T, rec *httptest.ResponseRecorder, filename string) {
	t.Helper()
	disp, params, err := mime.ParseMediaType(rec.Header().Get("Content-Disposition"))
	if err != nil || disp != "attachment" || params["filename"] != filename {
		t.Fatalf("Content-Disposition %q (%v), want an attachment named %q", rec.Header().Get("Content-Disposition"), err, filename)
	}
}

// checkEML parses eml as an e-mail and compares its recipient, subject and
// quoted-printable body with what was sent.
func checkEML(t *testing.T, eml string, to *mail.Address, subject, body string) {
	t.Helper()
	msg, err := mail.ReadMessage(strings.NewReader(eml))
	if err != nil {
		t.Fatalf("the .eml does not parse: %v\n%s", err, eml)
	}
	dec := new(mime.WordDecoder)
	raw := msg.Header.Get("To")
	if got, err := dec.DecodeHeader(raw); err != nil || got != to.Name+" <"+to.Address+">" || raw == got {
		t.Errorf("To %q decodes to %q (%v), want %s RFC 2047 encoded", raw, got, err, to)
	}
	if got, err := dec.DecodeHeader(msg.Header.Get("Subject")); err != nil || got != subject {
		t.Errorf("Subject decodes to %q (%v), want %q", got, err, subject)
	}
	if from, err := msg.Header.AddressList("From"); err != nil || from[0].Address != "sam@example.com" {
		t.Errorf("From = %v (%v)", from, err)
	}
	if msg.Header.Get("Content-Transfer-Encoding") != "quoted-printable" {
		t.Fatalf("Content-Transfer-Encoding = %q", msg.Header.Get("Content-Transfer-Encoding"))
	}
	b, err := io.ReadAll(quotedprintable.NewReader(msg.Body))
	if err != nil {
		t.Fatalf("the body is not quoted-printable: %v", err)
	}
	if got := strings.TrimRight(lf(string(b)), "\n"); got != strings.TrimRight(lf(body), "\n") {
		t.Errorf("body decodes to\n%q\nwant\n%q", got, body)
	}
}

// checkMailto parses link and compares its address, subject and body.
func checkMailto(t *testing.T, link, to, subject, body string) {
	t.Helper()
	u, err := url.Parse(link)
	if err != nil || u.Scheme != "mailto" || u.Opaque != to {
		t.Fatalf("mailto %q (%v), want one to %s", link, err, to)
	}
	if strings.Contains(link, "+") {
		t.Errorf("mailto %q has a '+', which mail programs may read as a plus sign", link)
	}
	q := u.Query()
	if q.Get("subject") != subject || lf(q.Get("body")) != lf(body) {
		t.Errorf("mailto decodes to subject %q body %q, want %q %q", q.Get("subject"), q.Get("body"), subject, body)
	}
}

// lf turns CRLF line ends into LF.
func lf(s string) string { return strings.ReplaceAll(s, "\r\n", "\n") }
