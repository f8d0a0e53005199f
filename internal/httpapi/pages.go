package httpapi

import (
	"bytes"
	"html/template"
	"io/fs"
	"net/http"
	"strings"

	"github.com/labstack/echo/v4"

	"tracker/internal/accounts"
)

// pageData is what every page template may show. Templates escape it all.
type pageData struct {
	Title       string
	CSRF        string
	User        *accounts.User
	Error       string
	Notice      string
	Email       string
	SetupToken  string
	AllowSignup bool
	Nav         string // the layout's current nav entry; none on these pages
	// NoAccount is set on the sign-in page while no account exists.
	NoAccount bool
}

// pages holds one parsed template set per page, each with the layout.
type pages map[string]*template.Template

// loadPages parses layout.html with each other file of fsys; a page named
// "login" is login.html.
func loadPages(fsys fs.FS) pages {
	names, err := fs.Glob(fsys, "*.html")
	if err != nil {
		panic(err) // a bad pattern; only a broken build gets here
	}
	p := pages{}
	for _, name := range names {
		if name != "layout.html" {
			p[strings.TrimSuffix(name, ".html")] = template.Must(template.ParseFS(fsys, "layout.html", name))
		}
	}
	return p
}

// render writes page with data and status. Pages are never cached: they
// hold a CSRF token, and one holds a new API token.
func (h *handler) render(c echo.Context, status int, page string, data pageData) error {
	data.CSRF = csrfToken(c)
	data.AllowSignup = h.allowSignup
	if data.User == nil {
		data.User = currentUser(c)
	}
	var buf bytes.Buffer
	if err := h.pages[page].ExecuteTemplate(&buf, "layout", data); err != nil {
		return err
	}
	c.Response().Header().Set(echo.HeaderCacheControl, "no-store")
	return c.HTMLBlob(status, buf.Bytes())
}

// renderFormError answers a refused form with its page again and the
// error's message; internal errors go to the error handler instead.
func (h *handler) renderFormError(c echo.Context, page string, data pageData, err error) error {
	return showRefusal(c, err, func(status int, msg string) error {
		data.Error = msg
		return h.render(c, status, page, data)
	})
}

// showRefusal calls show with the status and message of err, a refusal
// meant for the user, and its Retry-After if any; an internal error is
// returned for the error handler.
func showRefusal(c echo.Context, err error, show func(status int, msg string) error) error {
	ae := toAPIError(err)
	if ae.status >= http.StatusInternalServerError {
		return err
	}
	if ae.retryAfter > 0 {
		c.Response().Header().Set(echo.HeaderRetryAfter, retryAfterSeconds(ae.retryAfter))
	}
	return show(ae.status, ae.Message)
}
