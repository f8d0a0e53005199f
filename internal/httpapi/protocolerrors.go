package httpapi

import (
	"encoding/json"
	"fmt"
	"net"
	"net/http"
	"regexp"
	"strconv"
)

// ProtocolErrorsAsJSON wraps ln so that the answers the standard library's
// server writes by itself, before any handler runs, to a request it cannot
// read (a malformed request line or header, a missing Host, headers over
// the limit, an unknown Transfer-Encoding, an unsupported HTTP version),
// come in the API's JSON error shape rather than as plain text.
func ProtocolErrorsAsJSON(ln net.Listener) net.Listener {
	return &protocolErrorListener{ln}
}

type protocolErrorListener struct{ net.Listener }

func (l *protocolErrorListener) Accept() (net.Conn, error) {
	c, err := l.Listener.Accept()
	if err != nil {
		return nil, err
	}
	return &protocolErrorConn{c}, nil
}

// protocolErrorConn rewrites one write: the server's own plain-text error.
type protocolErrorConn struct{ net.Conn }

// plainProtocolError matches the server's own error answer, written in one
// piece straight to the connection: a status line (with the reason, for a
// 400, after a colon), then Content-Type before Connection. A handler's
// answer never looks like it: its headers go out sorted, Connection first.
var plainProtocolError = regexp.MustCompile(
	`^HTTP/1\.1 (\d{3}) [^\r\n:]*(?:: ([^\r\n]*))?\r\nContent-Type: text/plain; charset=utf-8\r\nConnection: close\r\n\r\n`)

func (c *protocolErrorConn) Write(p []byte) (int, error) {
	m := plainProtocolError.FindSubmatch(p)
	if m == nil {
		return c.Conn.Write(p)
	}
	status, _ := strconv.Atoi(string(m[1]))
	body, _ := json.Marshal(errorResponse{Error: protocolError(status, string(m[2]))})
	body = append(body, '\n')
	head := fmt.Sprintf("HTTP/1.1 %d %s\r\nContent-Type: application/json\r\nConnection: close\r\nContent-Length: %d\r\n\r\n",
		status, http.StatusText(status), len(body))
	if _, err := c.Conn.Write(append([]byte(head), body...)); err != nil {
		return 0, err
	}
	return len(p), nil
}

// protocolError words the server's refusal of an unreadable request.
func protocolError(status int, reason string) *apiError {
	ae := &apiError{status: status, Code: codeBadRequest}
	switch status {
	case http.StatusRequestHeaderFieldsTooLarge:
		ae.Code, ae.Message = "headers_too_large", "the request's headers are too large"
	case http.StatusNotImplemented:
		ae.Code, ae.Message = "not_implemented", "the request's Transfer-Encoding is not supported: send the body with Content-Length or chunked"
	case http.StatusHTTPVersionNotSupported:
		ae.Code, ae.Message = "http_version_not_supported", "the request's HTTP version is not supported: use HTTP/1.1"
	default:
		ae.Message = "the request could not be read as HTTP/1.1: check its request line, headers and Content-Length"
		if reason != "" {
			ae.Message = "the request could not be read as HTTP/1.1: " + reason
		}
	}
	return ae
}
