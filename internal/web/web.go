// Package web is the tracker's web app: server-rendered pages beside the
// JSON API, calling the same applications.Service. Each page has its own
// handler file that reads as load -> render, or decode form -> call the
// service -> redirect (post, redirect, get), so a reload never repeats an
// action. Templates live in web/templates/app with the one layout; the
// vendored htmx and SortableJS in web/static only enhance forms that work
// without them.
package web

import (
	"io/fs"

	"github.com/labstack/echo/v4"

	"tracker/internal/accounts"
	"tracker/internal/applications"
	"tracker/internal/notify"
)

// Deps is what the pages need from the server that mounts them: the
// services, the templates, and the server's own sign-in helpers.
type Deps struct {
	Apps      *applications.Service
	Accounts  *accounts.Service
	Templates fs.FS
	// RequireUser lets a signed-in browser through (with its user on the
	// context and its owner in the request's context) and sends everyone
	// else to the sign-in page.
	RequireUser echo.MiddlewareFunc
	// User returns the user RequireUser found.
	User func(echo.Context) *accounts.User
	// SessionID returns the browser's session id.
	SessionID func(echo.Context) string
	// CSRF returns the request's CSRF token for forms and scripts.
	CSRF func(echo.Context) string
	// Reminders, when set, adds the reminders section to the settings.
	Reminders *notify.Service
}

// Pages serves the web app's pages.
type Pages struct {
	Deps
	tmpl   templates
	flashs *flashes
}

// Mount registers every page of the web app on e and returns the pages, so
// the server can render its error pages with them.
func Mount(e *echo.Echo, d Deps) *Pages {
	p := &Pages{Deps: d, tmpl: loadTemplates(d.Templates), flashs: newFlashes()}
	auth := d.RequireUser
	e.GET("/", p.handleToday, auth)
	e.GET("/board", p.handleBoard, auth)
	p.registerApplicationRoutes(e, auth)
	p.registerStudioRoutes(e, auth)
	p.registerSettingsRoutes(e, auth)
	return p
}

func (p *Pages) registerApplicationRoutes(e *echo.Echo, auth echo.MiddlewareFunc) {
	e.GET("/applications", p.handleList, auth)
	e.GET("/applications/new", p.handleNewForm, auth)
	e.POST("/applications", p.handleCreate, auth)
	e.POST("/applications/new/file", p.handleInvitationFile, auth)
	e.GET("/applications/:id", p.handleApplication, auth)
	e.POST("/applications/:id", p.handleUpdate, auth)
	e.POST("/applications/:id/move", p.handleMove, auth)
	e.POST("/applications/:id/delete", p.handleDelete, auth)
	e.POST("/applications/:id/invitations", p.handleInvitationAdd, auth)
	e.POST("/applications/:id/invitations/:inv", p.handleInvitationEdit, auth)
}

func (p *Pages) registerStudioRoutes(e *echo.Echo, auth echo.MiddlewareFunc) {
	e.GET("/applications/:id/decline", p.handleStudio, auth)
	e.POST("/applications/:id/decline/preview", p.handleStudioPreview, auth)
	e.POST("/applications/:id/decline/eml", p.handleStudioEML, auth)
	e.POST("/applications/:id/decline/wording", p.handleStudioWording, auth)
	e.POST("/applications/:id/decline", p.handleStudioSend, auth)
	e.POST("/applications/:id/follow-up", p.handleFollowUp, auth)
}

func (p *Pages) registerSettingsRoutes(e *echo.Echo, auth echo.MiddlewareFunc) {
	e.GET("/settings", p.handleSettings, auth)
	e.POST("/settings/profile", p.handleProfileSave, auth)
	e.POST("/settings/preferences", p.handlePreferencesSave, auth)
	e.POST("/settings/tokens", p.handleTokenCreate, auth)
	e.POST("/settings/tokens/:id/revoke", p.handleTokenRevoke, auth)
	e.POST("/settings/password", p.handlePassword, auth)
	if p.Reminders != nil {
		e.POST("/settings/reminders", p.handleRemindersSave, auth)
		e.POST("/settings/reminders/test", p.handleRemindersTest, auth)
	}
}
