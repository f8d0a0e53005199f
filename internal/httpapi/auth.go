package httpapi

import (
	"net/http"
	"strings"
	"time"

	"github.com/labstack/echo/v4"

	"tracker/internal/accounts"
	"tracker/internal/apperr"
	"tracker/internal/applications"
)

// sessionCookie holds the browser's session id.
const sessionCookie = "tracker_session"

// sessionCookieMaxAge is the session cookie's lifetime: the accounts
// service's default absolute session lifetime. The server is what ends a
// session (idle or too old, or on a password change); a cookie outliving
// its session only earns a 401 or a trip to the sign-in page. A persistent
// cookie rather than a browser-session one, so closing the browser does
// not sign the user out.
const sessionCookieMaxAge = 30 * 24 * time.Hour

// unauthorizedMessage answers an API request without credentials.
const unauthorizedMessage = "sign in, or send an API token as Authorization: Bearer ..."

// The keys under which the authentication middleware leaves the caller on
// the echo context.
const (
	userKey      = "tracker.user"
	sessionIDKey = "tracker.session_id"
)

// isAPIPath reports whether path is under /api/v1.
func isAPIPath(path string) bool {
	return path == apiPrefix || strings.HasPrefix(path, apiPrefix+"/")
}

// bearerToken returns the token of an "Authorization: Bearer ..." header,
// and whether the request has one at all (even an empty or broken one).
func bearerToken(r *http.Request) (string, bool) {
	scheme, token, _ := strings.Cut(headerOf(r.Header, echo.HeaderAuthorization), " ")
	if !strings.EqualFold(scheme, "Bearer") {
		return "", false
	}
	return strings.TrimSpace(token), true
}

// sessionID returns the session id of the request's cookie, or "".
func sessionID(c echo.Context) string {
	ck, err := c.Cookie(sessionCookie)
	if err != nil {
		return ""
	}
	return ck.Value
}

// withAPIAuth authenticates every request under /api/v1 except the health
// check, unknown routes included, so that the API's shape is no secret.
// It is global middleware rather than the group's: a group's middleware
// makes echo add a catch-all route that turns 405s into 404s.
func (h *handler) withAPIAuth(next echo.HandlerFunc) echo.HandlerFunc {
	authed := h.requireAPIUser(next)
	return func(c echo.Context) error {
		if p := c.Request().URL.Path; isAPIPath(p) && p != apiPrefix+"/healthz" {
			return authed(c)
		}
		return next(c)
	}
}

// requireAPIUser authenticates an API request: by its Bearer token if it
// sends one (and then by nothing else), else by the session cookie. The
// user's id goes into the request's context, which is what scopes every
// query of the applications service to them.
func (h *handler) requireAPIUser(next echo.HandlerFunc) echo.HandlerFunc {
	return func(c echo.Context) error {
		ctx := c.Request().Context()
		if token, ok := bearerToken(c.Request()); ok {
			u, err := h.accts.TokenUser(ctx, token)
			if err != nil {
				return err
			}
			return next(signedIn(c, u, ""))
		}
		sid := sessionID(c)
		if sid == "" {
			return &apiError{status: http.StatusUnauthorized, Code: codeUnauthorized, Message: unauthorizedMessage}
		}
		u, err := h.accts.SessionUser(ctx, sid)
		if err != nil {
			return err
		}
		return next(signedIn(c, u, sid))
	}
}

// pageUser returns the user of the session cookie, or nil when there is no
// valid session; only internal errors are errors.
func (h *handler) pageUser(c echo.Context) (*accounts.User, error) {
	sid := sessionID(c)
	if sid == "" {
		return nil, nil
	}
	u, err := h.accts.SessionUser(c.Request().Context(), sid)
	if apperr.ErrorCode(err) == apperr.EUNAUTHORIZED {
		return nil, nil
	}
	if u != nil {
		liftBodyLimit(c)
	}
	return u, err
}

// requirePageUser lets a page through for a signed-in user and sends
// everyone else to the sign-in page.
func (h *handler) requirePageUser(next echo.HandlerFunc) echo.HandlerFunc {
	return func(c echo.Context) error {
		u, err := h.pageUser(c)
		if err != nil {
			return err
		}
		if u == nil {
			to := "/login"
			if c.Request().URL.Path != "/" {
				to += "?first=1" // the sign-in page says why the visitor landed there
			}
			return c.Redirect(http.StatusSeeOther, to)
		}
		return next(signedIn(c, u, sessionID(c)))
	}
}

// signedIn records u (and the session id, "" for a token) on c and scopes
// the request's context to u.
func signedIn(c echo.Context, u *accounts.User, sid string) echo.Context {
	c.Set(userKey, u)
	c.Set(sessionIDKey, sid)
	liftBodyLimit(c)
	r := c.Request()
	c.SetRequest(r.WithContext(applications.WithOwner(r.Context(), u.ID)))
	return c
}

// currentUser returns the user the authentication middleware found.
func currentUser(c echo.Context) *accounts.User {
	u, _ := c.Get(userKey).(*accounts.User)
	return u
}

// currentSessionID returns the session id of a cookie-authenticated
// request, "" for a token-authenticated one.
func currentSessionID(c echo.Context) string {
	sid, _ := c.Get(sessionIDKey).(string)
	return sid
}

// setSessionCookie signs the browser in with session id sid: HttpOnly so
// scripts cannot read it, SameSite=Lax so other sites' forms do not carry
// it, Secure over HTTPS. The CSRF cookie is dropped, so that the signed-in
// browser gets a fresh token rather than one known before sign-in.
func (h *handler) setSessionCookie(c echo.Context, sid string) {
	c.SetCookie(h.cookie(c, sessionCookie, sid, int(sessionCookieMaxAge.Seconds())))
	c.SetCookie(h.cookie(c, csrfCookie, "", -1))
}

// clearSessionCookie removes the session cookie.
func (h *handler) clearSessionCookie(c echo.Context) {
	c.SetCookie(h.cookie(c, sessionCookie, "", -1))
}

// cookie returns a cookie with the tracker's flags; maxAge < 0 deletes it.
func (h *handler) cookie(c echo.Context, name, value string, maxAge int) *http.Cookie {
	return &http.Cookie{Name: name, Value: value, Path: "/", MaxAge: maxAge,
		HttpOnly: true, SameSite: http.SameSiteLaxMode, Secure: h.proxies.secureCookie(c)}
}
