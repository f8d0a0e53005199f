package httpapi

import (
	"net/http"

	"github.com/labstack/echo/v4"
	"github.com/labstack/echo/v4/middleware"
)

// The CSRF token: a double-submit cookie checked by echo's CSRF middleware.
// Forms send it as the _csrf field (pages put it there), scripts as the
// X-CSRF-Token header (from GET /api/v1/csrf or the page's csrf-token meta
// tag; the cookie itself is HttpOnly).
const (
	csrfCookie     = "tracker_csrf"
	csrfContextKey = "csrf"
	csrfForm       = "_csrf"
)

// withCSRF requires the CSRF token on every unsafe request that a browser
// may send with the session cookie: pages (sign-in and setup included, so
// no one can sign a victim into the attacker's account) and API calls that
// carry the cookie. API calls with a Bearer token, or with no session
// cookie at all, are skipped: they carry no ambient credential to abuse.
//
// echo's middleware (v4.15+) lets any request whose Sec-Fetch-Site is
// same-origin or none through without a token, and then hands pages a
// dummy token and no cookie. The header is removed before it runs: cross-
// site requests are already refused by withSameOrigin, and with the header
// gone every cookie-authenticated unsafe request needs the real token, in
// every browser. Two instances differ only in the cookie's Secure flag,
// which depends on the request.
func (h *handler) withCSRF() echo.MiddlewareFunc {
	cfg := middleware.CSRFConfig{
		Skipper:        skipCSRF,
		TokenLookup:    "header:" + echo.HeaderXCSRFToken + ",form:" + csrfForm,
		ContextKey:     csrfContextKey,
		CookieName:     csrfCookie,
		CookiePath:     "/",
		CookieMaxAge:   int(sessionCookieMaxAge.Seconds()),
		CookieHTTPOnly: true,
		CookieSameSite: http.SameSiteLaxMode,
		ErrorHandler:   func(error, echo.Context) error { return csrfRefused() },
	}
	plain := middleware.CSRFWithConfig(cfg)
	cfg.CookieSecure = true
	secure := middleware.CSRFWithConfig(cfg)
	return func(next echo.HandlerFunc) echo.HandlerFunc {
		plainNext, secureNext := plain(next), secure(next)
		return func(c echo.Context) error {
			delete(c.Request().Header, echo.HeaderSecFetchSite)
			if h.proxies.secureCookie(c) {
				return secureNext(c)
			}
			return plainNext(c)
		}
	}
}

// skipCSRF reports whether a request needs no CSRF token: an API request
// authenticated by a Bearer token or not by a cookie.
func skipCSRF(c echo.Context) bool {
	if !isAPIPath(c.Request().URL.Path) {
		return false
	}
	_, bearer := bearerToken(c.Request())
	return bearer || sessionID(c) == ""
}

// csrfRefused is the 403 of a missing or wrong CSRF token.
func csrfRefused() error {
	return &apiError{status: http.StatusForbidden, Code: codeForbidden,
		Message: "the CSRF token is missing or wrong: send the token of GET " + apiPrefix + "/csrf as X-CSRF-Token, or reload the page"}
}

// csrfToken returns the CSRF token of this request, for a page or script.
func csrfToken(c echo.Context) string {
	t, _ := c.Get(csrfContextKey).(string)
	return t
}
