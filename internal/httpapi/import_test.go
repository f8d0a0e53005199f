package httpapi_test

import (
	"bytes"
	"encoding/json"
	"mime/multipart"
	"net/http"
	"net/http/httptest"
	"path/filepath"
	"testing"
	"time"

	"tracker/internal/fixtures"
)

// postFile sends data to url as the raw body, or as the multipart field
// "file" when multipartName is set.
func (s *server) postFile(url, multipartName string, data []byte, form map[string]string) *httptest.ResponseRecorder {
	s.t.Helper()
	body, ctype := bytes.NewBuffer(data), "application/octet-stream"
	if multipartName != "" {
		body = &bytes.Buffer{}
		w := multipart.NewWriter(body)
		for k, v := range form {
			_ = w.WriteField(k, v)
		}
		fw, _ := w.CreateFormFile("file", multipartName)
		_, _ = fw.Write(data)
		_ = w.Close()
		ctype = w.FormDataContentType()
	}
	req := httptest.NewRequest(http.MethodPost, url, body)
	req.Header.Set("Content-Type", ctype)
	req.Header.Set("Authorization", "Bearer "+s.token)
	return s.send(s.t, req)
}

type draftAnswer struct {
	Draft struct {
		Company      string     `json:"company"`
		ContactEmail string     `json:"contact_email"`
		InterviewAt  *time.Time `json:"interview_at"`
		TimeZone     string     `json:"time_zone"`
		Notes        []string   `json:"notes"`
	} `json:"draft"`
}

// TestImportInvitationDraft sends real invites as raw bodies and as
// uploads: the answer is the draft, and nothing is written.
func TestImportInvitationDraft(t *testing.T) {
	s := newServer(t)
	tests := []struct{ file, multipart, at string }{
		{"ics/nylas-exchange2010-request-romance-tz.ics", "", "2015-04-01T14:00:00Z"},
		{"ics/nodeical-exchange-owa-tzid-no-vtimezone.ics", "invite.ics", "2020-10-28T02:30:00Z"},
		{"eml/thunderbird-outlook365-teams-invite.eml", "", "2020-12-02T17:00:00Z"},
		{"eml/nylas-icloud-invite-base64-ics.eml", "mail.eml", "2015-03-16T05:00:00Z"},
	}
	before := s.snapshot()
	for _, tt := range tests {
		t.Run(filepath.Base(tt.file), func(t *testing.T) {
			rec := s.postFile("/api/v1/import/invitation", tt.multipart, fixtures.Read(t, tt.file), nil)
			if rec.Code != http.StatusOK {
				t.Fatalf("status %d: %s", rec.Code, rec.Body)
			}
			var got draftAnswer
			if err := json.Unmarshal(rec.Body.Bytes(), &got); err != nil {
				t.Fatal(err)
			}
			if got.Draft.InterviewAt == nil || got.Draft.InterviewAt.UTC().Format(time.RFC3339) != tt.at {
				t.Errorf("interview_at %v, want %s", got.Draft.InterviewAt, tt.at)
			}
		})
	}
	if s.snapshot() != before {
		t.Error("a draft import wrote to the database")
	}
}

// TestImportInvitationCreate logs an invite as a new application in one
// step, with the company and role given beside the file.
func TestImportInvitationCreate(t *testing.T) {
	s := newServer(t)
	data := fixtures.Read(t, "eml/phpmimemailparser-exchange2013-meeting-request.eml")
	rec := s.postFile("/api/v1/import/invitation?create=true", "m0020.eml", data, map[string]string{"role": "Data Engineer"})
	if rec.Code != http.StatusCreated {
		t.Fatalf("status %d: %s", rec.Code, rec.Body)
	}
	var d struct {
		Company, Role, Status string
		ContactEmail          string `json:"contact_email"`
		Invitations           []struct {
			InterviewAt time.Time `json:"interview_at"`
			ReceivedAt  time.Time `json:"received_at"`
		}
	}
	if err := json.Unmarshal(rec.Body.Bytes(), &d); err != nil {
		t.Fatal(err)
	}
	if d.Company != "Finntack" || d.Role != "Data Engineer" || d.Status != "invited" || d.ContactEmail != "newsletter@finntack.com" {
		t.Errorf("application %+v", d)
	}
	if len(d.Invitations) != 1 || rfc3339(d.Invitations[0].InterviewAt) != "2014-03-28T09:03:00Z" ||
		rfc3339(d.Invitations[0].ReceivedAt) != "2014-03-27T22:28:12Z" {
		t.Errorf("invitations %+v", d.Invitations)
	}
}

// TestImportInvitationRefused checks that bad files and incomplete drafts
// get a 422 naming the problem, with nothing written.
func TestImportInvitationRefused(t *testing.T) {
	s := newServer(t)
	tests := []struct{ name, file, url, field string }{
		{"missing END", "ics/bad-icalendar-missing-end-vcalendar.ics", "?create=true", "file"},
		{"invalid DTSTART", "ics/bad-icalendar-invalid-dtstart-dtend.ics", "?create=true", "file"},
		{"cancellation", "ics/nylas-google-cancel.ics", "?create=true", "file"},
		{"cancellation e-mail", "eml/thunderbird-cancel-mixed-qp.eml", "?create=true", "file"},
		{"no role", "ics/nylas-google-invite-allday-weekly-rrule.ics", "?create=true", "role"},
		{"no company", "ics/icalrs-o365-teams-meeting-request.ics", "?create=true&role=Engineer", "company"},
	}
	before := s.snapshot()
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			rec := s.postFile("/api/v1/import/invitation"+tt.url, "", fixtures.Read(t, tt.file), nil)
			if rec.Code != http.StatusUnprocessableEntity {
				t.Fatalf("status %d, want 422: %s", rec.Code, rec.Body)
			}
			if e := checkErrorShape(t, rec); e.Error.Fields[tt.field] == "" {
				t.Errorf("error %+v does not name %q", e.Error, tt.field)
			}
		})
	}
	rec := s.postFile("/api/v1/import/invitation", "x.ics", nil, nil)
	rec2 := s.postFile("/api/v1/import/invitation?create=maybe", "", []byte("x"), nil)
	if rec.Code != http.StatusUnprocessableEntity || rec2.Code != http.StatusBadRequest {
		t.Errorf("empty upload %d, bad create %d", rec.Code, rec2.Code)
	}
	if s.snapshot() != before {
		t.Error("a refused import wrote to the database")
	}
}
