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

// TestTooLargeSeenByEagerClient sends a 4 MiB body in full before reading
// the answer, as simple clients do, over a real connection: the client
// must read the 413, not a connection reset.
func TestTooLargeSeenByEagerClient(t *testing.T) {
	s := newServer(t)
	srv := httptest.NewServer(s.h)
	defer srv.Close()
	body := strings.Repeat("x", 4<<20)
	for i := range 5 {
		c, err := net.Dial("tcp", srv.Listener.Addr().String())
		if err != nil {
			t.Fatal(err)
		}
		c.SetDeadline(time.Now().Add(20 * time.Second))
		w := bufio.NewWriter(c)
		fmt.Fprintf(w, "POST /api/v1/applications HTTP/1.1\r\nHost: x\r\nAuthorization: Bearer %s\r\nContent-Type: application/json\r\nContent-Length: %d\r\n\r\n", s.token, len(body))
		w.WriteString(body)
		_ = w.Flush() // the server may stop reading; the answer is what counts
		resp, err := http.ReadResponse(bufio.NewReader(c), nil)
		if err != nil {
			t.Fatalf("try %d: the client saw %v instead of the 413", i, err)
		}
		if resp.StatusCode != http.StatusRequestEntityTooLarge {
			t.Fatalf("try %d: status %d", i, resp.StatusCode)
		}
		c.Close()
	}
}
