package httpapi_test

import (
	"encoding/json"
	"net/http/httptest"
	"strings"
	"testing"
	"time"
)

// fuzzPost posts body to url with the server's token and fails t unless
// the answer is a JSON document with a status below 500.
func (s *server) fuzzPost(t *testing.T, url string, body []byte) {
	req := httptest.NewRequest("POST", url, strings.NewReader(string(body)))
	req.Header.Set("Content-Type", "application/json")
	req.Header.Set("Authorization", "Bearer "+s.token)
	rec := s.send(t, req)
	if rec.Code >= 500 {
		t.Fatalf("POST %s %q = %d: %s", url, body, rec.Code, rec.Body)
	}
	if ct := rec.Header().Get("Content-Type"); !strings.HasPrefix(ct, "application/json") || !json.Valid(rec.Body.Bytes()) {
		t.Fatalf("POST %s %q = %d %q, not JSON: %s", url, body, rec.Code, ct, rec.Body)
	}
}

// hostileSeeds are bodies every fuzz target starts from.
var hostileSeeds = []string{
	``, `null`, `[]`, `{}`, `{"company":`, "{\"company\":\"\xff\xfe\",\"role\":\"B\"}",
	`{"company":"A\u0000","role":"B"}`, `{"company":"'; DROP TABLE applications; --","role":"{{.Secret}}"}`,
	`{"company":"<script>alert(1)</script>","role":"B","notes":"${7*7}"}`,
	`{"company":"A","role":"B","invitation":{"received_at":"99999-01-01T00:00:00Z"}}`,
	`{"company":"A","role":"B","invitation":{"received_at":"0001-01-01T00:00:00Z","round":-1}}`,
	`{"company":1e999,"role":true}`, `{"reason":"timing","override":"yes","sent_at":"2026-02-30T00:00:00Z"}`,
}

func FuzzCreateApplication(f *testing.F) {
	s := newServer(f)
	f.Add(`{"company":"Acme","role":"Dev","invitation":{"received_at":"` + rfc3339(start.Add(-time.Hour)) + `","format":"video"}}`)
	for _, seed := range hostileSeeds {
		f.Add(seed)
	}
	f.Fuzz(func(t *testing.T, body string) {
		s.fuzzPost(t, "/api/v1/applications", []byte(body))
	})
}

func FuzzDecline(f *testing.F) {
	s := newServer(f)
	s.seed()
	f.Add(`{"reason":"another_offer","tone":"warm","channel":"email","sender_name":"Sam Lee"}`)
	f.Add(`{"reason":"timing","sender_name":"Sam","body":"Dear Dana,\n\nThank you.\n\nSam","override":true}`)
	for _, seed := range hostileSeeds {
		f.Add(seed)
	}
	f.Fuzz(func(t *testing.T, body string) {
		s.fuzzPost(t, "/api/v1/applications/1/decline/preview", []byte(body))
		s.fuzzPost(t, "/api/v1/applications/1/decline", []byte(body))
	})
}
