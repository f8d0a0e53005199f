package httpapi

import (
	"net"
	"net/http"

	"github.com/labstack/echo/v4"
	"github.com/labstack/echo/v4/middleware"
)

// contentSecurityPolicy allows only the tracker's own files: no inline
// script or style, no plugins, no framing, forms posting only here.
const contentSecurityPolicy = "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; " +
	"object-src 'none'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'"

// proxies knows which peers are the trusted reverse proxies, the only ones
// whose X-Forwarded-For and X-Forwarded-Proto the server believes.
type proxies struct {
	trusted       []*net.IPNet
	secureCookies bool
}

// ipExtractor returns how echo finds the client's IP for c.RealIP(): the
// connection's address, or with trusted proxies the first address in
// X-Forwarded-For, read from the right, that is not one of them. echo's
// default trust of loopback and private networks is turned off, so only
// the configured networks count.
func (p proxies) ipExtractor() echo.IPExtractor {
	if len(p.trusted) == 0 {
		return echo.ExtractIPDirect()
	}
	opts := []echo.TrustOption{echo.TrustLoopback(false), echo.TrustLinkLocal(false), echo.TrustPrivateNet(false)}
	for _, n := range p.trusted {
		opts = append(opts, echo.TrustIPRange(n))
	}
	return echo.ExtractIPFromXFFHeader(opts...)
}

// fromTrustedProxy reports whether the connection comes from a trusted
// proxy.
func (p proxies) fromTrustedProxy(r *http.Request) bool {
	host, _, err := net.SplitHostPort(r.RemoteAddr)
	if err != nil {
		host = r.RemoteAddr
	}
	ip := net.ParseIP(host)
	for _, n := range p.trusted {
		if ip != nil && n.Contains(ip) {
			return true
		}
	}
	return false
}

// overHTTPS reports whether the client reached the tracker over TLS: this
// server's own, or a trusted proxy's that says so in X-Forwarded-Proto.
// Unlike echo's c.Scheme() it ignores the header from anyone else.
func (p proxies) overHTTPS(c echo.Context) bool {
	r := c.Request()
	return c.IsTLS() || (len(p.trusted) > 0 && headerOf(r.Header, echo.HeaderXForwardedProto) == "https" && p.fromTrustedProxy(r))
}

// secureCookie reports whether cookies of this response get the Secure
// flag: over HTTPS, or always when configured so.
func (p proxies) secureCookie(c echo.Context) bool {
	return p.secureCookies || p.overHTTPS(c)
}

// withSecurityHeaders sets the security headers on every response, errors
// included, before the handler runs. HSTS goes out only over HTTPS: sent
// over plain HTTP it would be ignored at best.
func (p proxies) withSecurityHeaders(next echo.HandlerFunc) echo.HandlerFunc {
	return func(c echo.Context) error {
		h := c.Response().Header()
		for _, sh := range securityHeaders {
			h[sh.key] = sh.value
		}
		if p.overHTTPS(c) {
			h[echo.HeaderStrictTransportSecurity] = strictTransportSecurity
		}
		return next(c)
	}
}

// securityHeaders are the headers of every response, their keys in
// canonical form. Each value is one slice shared by every response, which
// is safe because a header's values are only ever replaced or appended to
// (a slice literal's capacity is its length, so an append copies it),
// never changed in place.
var securityHeaders = []struct {
	key   string
	value []string
}{
	{echo.HeaderContentSecurityPolicy, []string{contentSecurityPolicy}},
	{echo.HeaderXContentTypeOptions, []string{"nosniff"}},
	{echo.HeaderXFrameOptions, []string{"DENY"}},
	{echo.HeaderReferrerPolicy, []string{"same-origin"}},
}

// strictTransportSecurity is the HSTS header's value, over HTTPS only.
var strictTransportSecurity = []string{"max-age=63072000; includeSubDomains"}

// headerOf returns the first value of the header key, which is in
// canonical form (as echo's Header constants are): a plain map lookup,
// where http.Header.Get canonicalizes the key on every call.
func headerOf(h http.Header, key string) string {
	if v := h[key]; len(v) > 0 {
		return v[0]
	}
	return ""
}

// withCORS opens the API to scripts on exactly the configured origins,
// without credentials: such a script sends an API token, never the user's
// cookies. With no origins it is nil: browsers keep their same-origin rule.
func withCORS(origins []string) echo.MiddlewareFunc {
	if len(origins) == 0 {
		return nil
	}
	return middleware.CORSWithConfig(middleware.CORSConfig{
		AllowOrigins:     origins,
		AllowMethods:     []string{http.MethodGet, http.MethodPost, http.MethodPatch, http.MethodDelete},
		AllowHeaders:     []string{echo.HeaderAuthorization, echo.HeaderContentType, echo.HeaderXRequestID},
		ExposeHeaders:    []string{echo.HeaderXRequestID, echo.HeaderRetryAfter},
		AllowCredentials: false,
		MaxAge:           600,
	})
}
