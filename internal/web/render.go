package web

import (
	"bytes"
	"errors"
	"html/template"
	"io/fs"
	"maps"
	"net/http"
	"net/url"
	"path"
	"slices"
	"strings"

	"github.com/labstack/echo/v4"

	"tracker/internal/accounts"
	"tracker/internal/apperr"
)

// view is what every page template gets: the layout's fields and the
// page's own data. Templates escape it all; user data is never HTML.
type view struct {
	Title  string
	Nav    string // the nav entry of this page
	CSRF   string
	User   *accounts.User
	Error  string
	Notice string
	// Errors are the field errors of a refused form, by field name.
	Errors map[string]string
	// Form is what the user typed into a refused form, kept for them.
	Form url.Values
	// Loc formats times in the user's time zone.
	Loc  *clock
	Data any
}

// templates holds one parsed set per page, each with the layout and the
// shared partials.
type templates map[string]*template.Template

// loadTemplates parses layout.html and app/partials.html with each page
// of app/; a page named "today" is app/today.html.
func loadTemplates(fsys fs.FS) templates {
	names, err := fs.Glob(fsys, "app/*.html")
	if err != nil {
		panic(err) // a bad pattern; only a broken build gets here
	}
	t := templates{}
	for _, name := range names {
		page := strings.TrimSuffix(path.Base(name), ".html")
		if page == "partials" {
			continue
		}
		t[page] = template.Must(template.New(page).Funcs(funcs).ParseFS(fsys, "layout.html", "app/partials.html", name))
	}
	return t
}

// render writes page with v and status. Pages are never cached: they hold
// a CSRF token and the user's data.
func (p *Pages) render(c echo.Context, status int, page string, v view) error {
	v.CSRF = p.CSRF(c)
	if v.User == nil && p.User != nil {
		v.User = p.User(c)
	}
	if v.Loc == nil {
		v.Loc = p.clock(c)
	}
	var buf bytes.Buffer
	if err := p.tmpl[page].ExecuteTemplate(&buf, "layout", v); err != nil {
		return err
	}
	c.Response().Header().Set(echo.HeaderCacheControl, "no-store")
	return c.HTMLBlob(status, buf.Bytes())
}

// renderFragment writes one named template of page, for htmx swaps.
func (p *Pages) renderFragment(c echo.Context, status int, page, name string, v view) error {
	v.CSRF = p.CSRF(c)
	if v.Loc == nil {
		v.Loc = p.clock(c)
	}
	var buf bytes.Buffer
	if err := p.tmpl[page].ExecuteTemplate(&buf, name, v); err != nil {
		return err
	}
	c.Response().Header().Set(echo.HeaderCacheControl, "no-store")
	return c.HTMLBlob(status, buf.Bytes())
}

// refusal is a service error meant for the user: its status, message and
// field errors.
type refusal struct {
	status  int
	message string
	fields  map[string]string
	allowed []string
}

// statusOf maps the service's refusals to the statuses of a form page
// shown again; other codes are left to the server's error handler.
var statusOf = map[apperr.Code]int{
	apperr.EINVALID:      http.StatusUnprocessableEntity,
	apperr.ECONFLICT:     http.StatusConflict,
	apperr.EUNAUTHORIZED: http.StatusUnauthorized,
	apperr.ETOOMANY:      http.StatusTooManyRequests,
}

// asRefusal returns err as a refusal to show beside its form, or false
// when it is not one (not found and internal errors become error pages).
func asRefusal(err error) (refusal, bool) {
	var e *apperr.Error
	if !errors.As(err, &e) {
		return refusal{}, false
	}
	status, ok := statusOf[e.Code]
	if !ok {
		return refusal{}, false
	}
	r := refusal{status: status, message: e.Message}
	if len(e.Fields) > 0 {
		r.fields = map[string]string{}
		for k, m := range e.Fields {
			r.fields[k] = inFormWords(k, m)
		}
	}
	for _, s := range e.Allowed {
		r.allowed = append(r.allowed, string(s))
	}
	return r, true
}

// summary is the refusal in one message: its field errors when it has
// any (for pages whose fields have no place for them), else its message.
func (r refusal) summary() string {
	if len(r.fields) == 0 {
		return r.message
	}
	msgs := slices.Sorted(maps.Values(r.fields))
	return strings.Join(msgs, "; ")
}

// formError shows page again with err's message and field errors beside
// their fields, and what the user typed; not-a-refusal errors go on to
// the error handler.
func (p *Pages) formError(c echo.Context, page string, v view, err error) error {
	r, ok := asRefusal(err)
	if !ok {
		return err
	}
	v.Error, v.Errors = r.message, r.fields
	if v.Form == nil {
		v.Form = formValues(c)
	}
	return p.render(c, r.status, page, v)
}

// formValues returns the posted form without its CSRF token.
func formValues(c echo.Context) url.Values {
	f, err := c.FormParams()
	if err != nil {
		return url.Values{}
	}
	f.Del("_csrf")
	return f
}

// redirect answers a form with 303 See Other to the page to get.
func redirect(c echo.Context, to string) error {
	return c.Redirect(http.StatusSeeOther, to)
}
