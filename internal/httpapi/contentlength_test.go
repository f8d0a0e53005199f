package httpapi_test

import (
	"fmt"
	"io"
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"
)

// TestJSONAnswersCarryTheirLength: a list page, a detail and a decline
// preview, each longer than the 2 KiB net/http buffers before it would
// send chunks, come over a real connection with a Content-Length equal
// to their body and not chunked, and that body is the one the router
// answers in process (httptest's recorder, which sees no transfer
// encoding).
func TestJSONAnswersCarryTheirLength(t *testing.T) {
	s := newServer(t)
	notes := strings.Repeat("Notes about the team, long enough to pass 2 KiB. ", 60)
	for i := range 40 {
		s.must("POST", "/api/v1/applications", fmt.Sprintf(`{"company":"Company number %d of the Northern Hemisphere","role":"Senior engineer of the platform and reliability team","notes":%q}`, i, notes),
			http.StatusCreated, nil)
	}
	s.must("POST", "/api/v1/applications/1/transitions", `{"to":"invited"}`, http.StatusOK, nil)
	srv := httptest.NewServer(s.h)
	defer srv.Close()
	for _, tc := range []struct{ method, url, body string }{
		{"GET", "/api/v1/applications?limit=40", ""},
		{"GET", "/api/v1/applications/1", ""},
		{"POST", "/api/v1/applications/1/decline/preview", `{"reason":"another_offer","sender_name":"Clement Wong"}`},
	} {
		want := s.do(tc.method, tc.url, tc.body)
		if want.Code != http.StatusOK || want.Body.Len() <= 2048 {
			t.Fatalf("%s %s: %d, %d bytes in process; the test needs a 200 of more than 2 KiB", tc.method, tc.url, want.Code, want.Body.Len())
		}
		req, err := http.NewRequest(tc.method, srv.URL+tc.url, strings.NewReader(tc.body))
		if err != nil {
			t.Fatal(err)
		}
		req.Header.Set("Authorization", "Bearer "+s.token)
		if tc.body != "" {
			req.Header.Set("Content-Type", "application/json")
		}
		resp, err := srv.Client().Do(req)
		if err != nil {
			t.Fatal(err)
		}
		body, err := io.ReadAll(resp.Body)
		resp.Body.Close()
		if err != nil {
			t.Fatal(err)
		}
		if resp.StatusCode != http.StatusOK || len(resp.TransferEncoding) != 0 || resp.ContentLength != int64(len(body)) {
			t.Errorf("%s %s: %d, transfer encoding %v, Content-Length %d, body %d bytes; want 200, none, the body's length",
				tc.method, tc.url, resp.StatusCode, resp.TransferEncoding, resp.ContentLength, len(body))
		}
		if string(body) != want.Body.String() {
			t.Errorf("%s %s: over the connection\n%s\nin process\n%s", tc.method, tc.url, body, want.Body)
		}
	}
}
