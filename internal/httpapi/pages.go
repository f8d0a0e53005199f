package httpapi

import (
	"bytes"
	"html/template"
	"io/fs"
	"net/http"
	"strings"
	"time"

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
	Tokens      []tokenRow
	NewToken    string // shown once, on the page that created it
}

// tokenRow is an API token as the index page lists it.
type tokenRow struct {
	ID                               int64
	Name, Prefix                     string
	CreatedAt, LastUsedAt, RevokedAt string
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

func (h *handler) registerPageRoutes(e *echo.Echo) {
	e.GET("/", h.handleIndex, h.requirePageUser)
	e.POST("/tokens", h.handleTokenCreatePage, h.requirePageUser)
	e.POST("/tokens/:id/revoke", h.handleTokenRevokePage, h.requirePageUser)
	e.POST("/password", h.handlePasswordPage, h.requirePageUser)
}

func (h *handler) handleIndex(c echo.Context) error {
	return h.renderIndex(c, http.StatusOK, pageData{})
}

// renderIndex shows the signed-in user's page with their tokens.
func (h *handler) renderIndex(c echo.Context, status int, data pageData) error {
	tokens, err := h.accts.ListTokens(c.Request().Context(), currentUser(c).ID)
	if err != nil {
		return err
	}
	data.Tokens = mapAll(tokens, newTokenRow)
	return h.render(c, status, "index", data)
}

// renderIndexAfter shows the index after a form: with data when err is
// nil, else with the refusal's message.
func (h *handler) renderIndexAfter(c echo.Context, err error, data pageData) error {
	if err == nil {
		return h.renderIndex(c, http.StatusOK, data)
	}
	return showRefusal(c, err, func(status int, msg string) error {
		return h.renderIndex(c, status, pageData{Error: msg})
	})
}

func (h *handler) handleTokenCreatePage(c echo.Context) error {
	plaintext, _, err := h.accts.CreateToken(c.Request().Context(), currentUser(c).ID, c.FormValue("name"))
	return h.renderIndexAfter(c, err, pageData{NewToken: plaintext})
}

func (h *handler) handleTokenRevokePage(c echo.Context) error {
	id, err := pathInt(c, "id", tokenNotFound)
	if err == nil {
		err = h.accts.RevokeToken(c.Request().Context(), currentUser(c).ID, id)
	}
	if err != nil {
		return err
	}
	return c.Redirect(http.StatusSeeOther, "/#tokens")
}

// handlePasswordPage changes the password; this browser stays signed in,
// every other session ends.
func (h *handler) handlePasswordPage(c echo.Context) error {
	err := h.accts.ChangePassword(c.Request().Context(), currentUser(c).ID,
		c.FormValue("current_password"), c.FormValue("new_password"), currentSessionID(c))
	return h.renderIndexAfter(c, err, pageData{Notice: "Your password is changed, and every other browser is signed out."})
}

// pageTime formats a time for a page.
func pageTime(t *time.Time, zero string) string {
	if t == nil {
		return zero
	}
	return t.UTC().Format("2006-01-02 15:04 UTC")
}

func newTokenRow(t accounts.Token) tokenRow {
	return tokenRow{ID: t.ID, Name: t.Name, Prefix: t.Prefix, CreatedAt: pageTime(&t.CreatedAt, ""),
		LastUsedAt: pageTime(t.LastUsedAt, "never"), RevokedAt: pageTime(t.RevokedAt, "")}
}
