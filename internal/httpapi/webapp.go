package httpapi

import (
	"net/http"
	"strings"

	"github.com/labstack/echo/v4"

	webapp "tracker/internal/web"
	"tracker/web"
)

// mountWebApp mounts the web app's pages (package internal/web) with this
// server's sign-in helpers, and keeps them for the error pages.
func (h *handler) mountWebApp(e *echo.Echo) {
	h.web = webapp.Mount(e, webapp.Deps{Apps: h.svc, Accounts: h.accts, Templates: web.Templates(),
		RequireUser: h.requirePageUser, User: currentUser, SessionID: currentSessionID, CSRF: csrfToken,
		Reminders: h.reminders})
}

// wantsPage reports whether an error should be answered as an HTML page:
// a browser asking for a page, not the API, a script or a file.
func wantsPage(c echo.Context) bool {
	r := c.Request()
	return r.Method != http.MethodHead && !isAPIPath(r.URL.Path) &&
		strings.Contains(r.Header.Get(echo.HeaderAccept), echo.MIMETextHTML)
}

// pageError renders the error page of a page route; false when the web
// app is not mounted or the request is not for a page.
func (h *handler) pageError(c echo.Context, ae *apiError) (error, bool) {
	if h.web == nil || !wantsPage(c) {
		return nil, false
	}
	return h.web.RenderError(c, ae.status, ae.Message, ae.RequestID), true
}
