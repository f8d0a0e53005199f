package httpapi_test

import (
	"bufio"
	"fmt"
	"net"
	"net/http"
	"net/http/httptest"
	"net/url"
	"strings"
	"testing"
	"time"
)

// TestAnonymousBodiesStaySmall: a sign-in form over 64 KiB is a 413 before
// it is read, while a signed-in API request may send up to 1 MiB.
func TestAnonymousBodiesStaySmall(t *testing.T) {
	s := newServer(t)
	form := url.Values{"email": {"sam@example.com"}, "password": {strings.Repeat("x", 100<<10)}}.Encode()
	req := httptest.NewRequest("POST", "/login", strings.NewReader(form))
	req.Header.Set("Content-Type", "application/x-www-form-urlencoded")
	if rec := s.send(t, req); rec.Code != http.StatusRequestEntityTooLarge {
		t.Fatalf("a 100 KiB sign-in form = %d: %.200s", rec.Code, rec.Body)
	}
	padded := `{"company":"Acme","role":"Dev"` + strings.Repeat(" ", 200<<10) + `}`
	if rec := s.do("POST", "/api/v1/applications", padded); rec.Code != http.StatusCreated {
		t.Fatalf("a signed-in 200 KiB body = %d: %.200s", rec.Code, rec.Body)
	}
}

// TestTooLargeSeenByEagerClient sends a body far over the limit in full
// before reading the answer, as simple clients do, over a real connection:
// the whole body must go out without a reset and the client must then read
// the 413. 24 MiB is more than the two ends' socket buffers hold, so a
// server that closed on the unread rest would reset the sender mid-body.
// Three ways in: a sign-in form declared too large, a signed-in body
// declared too large, and a signed-in chunked body refused once read past
// the limit.
func TestTooLargeSeenByEagerClient(t *testing.T) {
	s := newServer(t)
	srv := httptest.NewServer(s.h)
	defer srv.Close()
	const size = 24 << 20
	chunk := strings.Repeat("x", 1<<20)
	for _, tc := range []struct{ name, head string }{
		{"anonymous form", "POST /login HTTP/1.1\r\nHost: x\r\nContent-Type: application/x-www-form-urlencoded\r\n" +
			fmt.Sprintf("Content-Length: %d\r\n\r\n", size)},
		{"declared", "POST /api/v1/applications HTTP/1.1\r\nHost: x\r\nAuthorization: Bearer " + s.token +
			fmt.Sprintf("\r\nContent-Type: application/json\r\nContent-Length: %d\r\n\r\n", size)},
		{"chunked", "POST /api/v1/applications HTTP/1.1\r\nHost: x\r\nAuthorization: Bearer " + s.token +
			"\r\nContent-Type: application/json\r\nTransfer-Encoding: chunked\r\n\r\n"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			c, err := net.Dial("tcp", srv.Listener.Addr().String())
			if err != nil {
				t.Fatal(err)
			}
			defer c.Close()
			c.SetDeadline(time.Now().Add(30 * time.Second))
			w := bufio.NewWriter(c)
			w.WriteString(tc.head)
			chunked := strings.Contains(tc.head, "chunked")
			for range size / len(chunk) {
				if chunked {
					fmt.Fprintf(w, "%x\r\n%s\r\n", len(chunk), chunk)
				} else {
					w.WriteString(chunk)
				}
			}
			if chunked {
				w.WriteString("0\r\n\r\n")
			}
			if err := w.Flush(); err != nil {
				t.Fatalf("sending the body: %v (the server reset the connection instead of reading on)", err)
			}
			resp, err := http.ReadResponse(bufio.NewReader(c), nil)
			if err != nil {
				t.Fatalf("the client saw %v instead of the 413", err)
			}
			if resp.StatusCode != http.StatusRequestEntityTooLarge {
				t.Fatalf("status %d", resp.StatusCode)
			}
		})
	}
}
