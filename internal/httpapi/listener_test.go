package httpapi_test

import (
	"io"
	"net"
	"net/http"
	"testing"
	"time"

	"tracker/internal/httpapi"
)

// TestIdleConnectionsDoNotShutOthersOut opens as many idle connections from
// one address as it may hold: its next one is closed at once, while a
// client at another address is served.
func TestIdleConnectionsDoNotShutOthersOut(t *testing.T) {
	raw, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	ln := httpapi.LimitListener(raw, 8, 4)
	srv := &http.Server{Handler: http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) { io.WriteString(w, "ok") }),
		ReadHeaderTimeout: time.Minute}
	go srv.Serve(ln)
	defer srv.Close()
	addr := raw.Addr().String()
	dialFrom := func(ip string) net.Conn {
		d := net.Dialer{LocalAddr: &net.TCPAddr{IP: net.ParseIP(ip)}}
		c, err := d.Dial("tcp", addr)
		if err != nil {
			t.Fatal(err)
		}
		return c
	}
	for range 4 {
		c := dialFrom("127.0.0.1")
		defer c.Close()
	}
	greedy := dialFrom("127.0.0.1")
	defer greedy.Close()
	greedy.SetReadDeadline(time.Now().Add(10 * time.Second))
	if _, err := greedy.Read(make([]byte, 1)); err == nil {
		t.Fatal("a fifth idle connection from one address was kept open")
	}
	other := &http.Client{Transport: &http.Transport{DialContext: (&net.Dialer{LocalAddr: &net.TCPAddr{IP: net.ParseIP("127.0.0.2")}}).DialContext}}
	resp, err := other.Get("http://" + addr + "/")
	if err != nil {
		t.Fatalf("a client at another address: %v", err)
	}
	resp.Body.Close()
	if resp.StatusCode != http.StatusOK {
		t.Fatalf("a client at another address got %d", resp.StatusCode)
	}
}
