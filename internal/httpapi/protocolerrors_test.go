package httpapi_test

import (
	"bufio"
	"encoding/json"
	"io"
	"net"
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"
	"time"

	"tracker/internal/httpapi"
)

// TestProtocolErrorsAreJSON sends requests the standard library's server
// refuses before any handler runs; each answer keeps its status but comes
// in the API's JSON error shape, with a message that says what was wrong.
func TestProtocolErrorsAreJSON(t *testing.T) {
	s := newServer(t)
	srv := httptest.NewUnstartedServer(s.h)
	srv.Listener = httpapi.ProtocolErrorsAsJSON(srv.Listener)
	srv.Config.MaxHeaderBytes = 64 << 10
	srv.Start()
	defer srv.Close()
	for _, tc := range []struct {
		name, req string
		status    int
		says      string
	}{
		{"no host", "GET /api/v1/applications HTTP/1.1\r\n\r\n", 400, "Host"},
		{"bad header line", "GET /api/v1/applications HTTP/1.1\r\nHost: x\r\nno colon here\r\n\r\n", 400, "headers"},
		{"bad content length", "POST /api/v1/applications HTTP/1.1\r\nHost: x\r\nContent-Length: ten\r\n\r\n", 400, "Content-Length"},
		{"bad request line", "GET\r\n\r\n", 400, "request"},
		{"headers too large", "GET /api/v1/applications HTTP/1.1\r\nHost: x\r\nX-Big: " + strings.Repeat("a", 200<<10) + "\r\n\r\n", 431, "headers"},
		{"unknown transfer encoding", "POST /api/v1/applications HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: gzip\r\n\r\n", 501, "Transfer-Encoding"},
		{"unsupported version", "GET /api/v1/applications HTTP/2.5\r\nHost: x\r\n\r\n", 505, "HTTP version"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			c, err := net.Dial("tcp", srv.Listener.Addr().String())
			if err != nil {
				t.Fatal(err)
			}
			defer c.Close()
			c.SetDeadline(time.Now().Add(10 * time.Second))
			go io.WriteString(c, tc.req) // the server may answer before it has read it all
			resp, err := http.ReadResponse(bufio.NewReader(c), nil)
			if err != nil {
				t.Fatal(err)
			}
			defer resp.Body.Close()
			if resp.StatusCode != tc.status {
				t.Errorf("status %d, want %d", resp.StatusCode, tc.status)
			}
			if ct := resp.Header.Get("Content-Type"); ct != "application/json" {
				t.Errorf("Content-Type %q", ct)
			}
			var body struct {
				Error struct{ Code, Message string }
			}
			if err := json.NewDecoder(resp.Body).Decode(&body); err != nil {
				t.Fatalf("the body is not the JSON error: %v", err)
			}
			if body.Error.Code == "" || !strings.Contains(body.Error.Message, tc.says) {
				t.Errorf("error %+v does not say %q", body.Error, tc.says)
			}
		})
	}
}
