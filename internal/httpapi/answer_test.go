package httpapi_test

import (
	"bytes"
	"encoding/base64"
	"io"
	"mime"
	"mime/multipart"
	"net/http"
	"net/mail"
	"strings"
	"testing"

	ics "github.com/arran4/golang-ical"

	"tracker/internal/fixtures"
)

// emlParts reads a letter's .eml: its header and, by content type, the
// decoded text of each part.
func emlParts(t *testing.T, data []byte) (mail.Header, map[string]string) {
	t.Helper()
	msg, err := mail.ReadMessage(bytes.NewReader(data))
	if err != nil {
		t.Fatalf("the .eml does not parse: %v", err)
	}
	parts := map[string]string{}
	mt, params, _ := mime.ParseMediaType(msg.Header.Get("Content-Type"))
	if !strings.HasPrefix(mt, "multipart/") {
		b, _ := io.ReadAll(msg.Body)
		return msg.Header, map[string]string{mt: string(b)}
	}
	mr := multipart.NewReader(msg.Body, params["boundary"])
	for {
		p, err := mr.NextPart() // decodes quoted-printable, not base64
		if err != nil {
			break
		}
		b, _ := io.ReadAll(p)
		ct := p.Header.Get("Content-Type")
		if p.Header.Get("Content-Transfer-Encoding") == "base64" {
			b, _ = io.ReadAll(base64Reader(b))
		}
		parts[ct] = string(b)
	}
	return msg.Header, parts
}

// replyIn parses the iTIP part of a letter and returns its attendee's
// answer, its UID and its SEQUENCE.
func replyIn(t *testing.T, cal string) (method, partstat, uid, seq string) {
	t.Helper()
	c, err := ics.ParseCalendar(strings.NewReader(cal))
	if err != nil {
		t.Fatalf("the calendar part does not parse: %v\n%s", err, cal)
	}
	for _, p := range c.CalendarProperties {
		if p.IANAToken == "METHOD" {
			method = p.Value
		}
	}
	ev := c.Events()[0]
	return method, string(ev.Attendees()[0].ParticipationStatus()), ev.Id(), ev.GetProperty(ics.ComponentPropertySequence).Value
}

// TestDeclineAnswersTheOrganizer imports an Exchange meeting request that
// came by e-mail, declines it, and checks that the letter's .eml threads
// onto the e-mail and carries an iTIP reply that declines in the
// organizer's calendar; the answer endpoint accepts the same way.
func TestDeclineAnswersTheOrganizer(t *testing.T) {
	s := newServer(t)
	data := fixtures.Read(t, "eml/phpmimemailparser-exchange2013-meeting-request.eml")
	rec := s.postFile("/api/v1/import/invitation?create=true&role=Analyst", "", data, nil)
	if rec.Code != http.StatusCreated {
		t.Fatalf("import: %d %s", rec.Code, rec.Body)
	}
	// The preview the user reads and edits already replies in the
	// invitation's thread, as people answer a recruiter.
	var p struct {
		Subject string `json:"subject"`
	}
	s.must("POST", "/api/v1/applications/1/decline/preview", `{"reason":"another_offer","sender_name":"Clement Wong"}`, http.StatusOK, &p)
	if p.Subject != "Re: 1" {
		t.Errorf("the preview's subject is %q, want the invitation's thread, %q", p.Subject, "Re: 1")
	}
	var d handoffDetail
	s.must("POST", "/api/v1/applications/1/decline", `{"reason":"another_offer","sender_name":"Clement Wong","override":true}`, http.StatusOK, &d)
	rec = s.do("GET", d.Letters[0].EmlURL, "")
	hdr, parts := emlParts(t, rec.Body.Bytes())
	const mid = "<742f7c086bc34282b8eb4ffc135652ef@MBX01C-ORD1.mex06.mlsrvr.com>"
	if hdr.Get("In-Reply-To") != mid || hdr.Get("References") != mid || hdr.Get("Subject") != "Re: 1" {
		t.Errorf("threading headers: %v", hdr)
	}
	cal := parts["text/calendar; charset=utf-8; method=REPLY"]
	if m, ps, uid, seq := replyIn(t, cal); m != "REPLY" || ps != "DECLINED" || !strings.HasPrefix(uid, "040000008200E00074C5B7101A82E008") || seq != "5" {
		t.Errorf("reply %s %s %s %s", m, ps, uid, seq)
	}
	if !strings.Contains(cal, "mailto:clement.wong@finntack.com") || !strings.Contains(parts["text/plain; charset=utf-8"], "Clement Wong") {
		t.Errorf("parts %v", parts)
	}
	rec = s.do("GET", "/api/v1/applications/1/invitations/1/answer.eml?answer=accept", "")
	_, parts = emlParts(t, rec.Body.Bytes())
	if _, ps, _, _ := replyIn(t, parts["text/calendar; charset=utf-8; method=REPLY"]); ps != "ACCEPTED" {
		t.Errorf("accept: %s %s", ps, rec.Body)
	}
}

// TestAnswerRefused: an invitation logged by hand has no calendar to
// answer in, and the answer must be accept or decline.
func TestAnswerRefused(t *testing.T) {
	s := newServer(t)
	s.must("POST", "/api/v1/applications", `{"company":"Acme","role":"Dev","invitation":{"received_at":"`+rfc3339(start)+`"}}`, http.StatusCreated, nil)
	for url, want := range map[string]int{"?answer=accept": 422, "?answer=maybe": 422} {
		if rec := s.do("GET", "/api/v1/applications/1/invitations/1/answer.eml"+url, ""); rec.Code != want {
			t.Errorf("%s: %d %s", url, rec.Code, rec.Body)
		}
	}
	if rec := s.do("GET", "/api/v1/applications/1/invitations/9/answer.eml?answer=accept", ""); rec.Code != 404 {
		t.Errorf("unknown invitation: %d", rec.Code)
	}
}

func base64Reader(b []byte) io.Reader {
	return base64.NewDecoder(base64.StdEncoding, bytes.NewReader(b))
}
