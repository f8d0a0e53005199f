package httpapi

import (
	"net"
	"sync"

	"golang.org/x/net/netutil"
)

// LimitListener caps the connections ln hands out: at most total open at
// once (further ones wait in the kernel's queue until one closes), and at
// most perIP from one client address (further ones are closed at once).
// One client holding thousands of idle connections then neither uses up
// the process's file descriptors nor keeps everybody else out; the server's
// read-header and idle timeouts close the idle ones it does hold. Behind a
// reverse proxy every connection comes from the proxy, so perIP must
// allow for it.
func LimitListener(ln net.Listener, total, perIP int) net.Listener {
	return &perIPListener{Listener: netutil.LimitListener(ln, total), max: perIP, open: map[string]int{}}
}

// perIPListener closes the connections of a client address over its cap.
type perIPListener struct {
	net.Listener
	max  int
	mu   sync.Mutex
	open map[string]int
}

// Accept returns the next connection whose address is under its cap.
func (l *perIPListener) Accept() (net.Conn, error) {
	for {
		c, err := l.Listener.Accept()
		if err != nil {
			return nil, err
		}
		ip := hostOf(c.RemoteAddr())
		l.mu.Lock()
		full := l.open[ip] >= l.max
		if !full {
			l.open[ip]++
		}
		l.mu.Unlock()
		if full {
			c.Close()
			continue
		}
		return &countedConn{Conn: c, release: sync.OnceFunc(func() { l.release(ip) })}, nil
	}
}

func (l *perIPListener) release(ip string) {
	l.mu.Lock()
	defer l.mu.Unlock()
	if l.open[ip]--; l.open[ip] <= 0 {
		delete(l.open, ip)
	}
}

func hostOf(a net.Addr) string {
	host, _, err := net.SplitHostPort(a.String())
	if err != nil {
		return a.String()
	}
	return host
}

// countedConn gives its place back when it closes.
type countedConn struct {
	net.Conn
	release func()
}

// Close closes the connection and frees its place.
func (c *countedConn) Close() error {
	err := c.Conn.Close()
	c.release()
	return err
}
