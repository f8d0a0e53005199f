// Package httpapi is the tracker's JSON API over HTTP: the echo router, its
// middleware, the one error handler, and thin handlers that decode a
// request, call the applications service and encode its answer. Business
// rules live in the service; this package maps them to HTTP.
package httpapi

import (
	"context"
	"errors"
	"io/fs"
	"log/slog"
	"net"
	"net/http"
	"time"

	"github.com/labstack/echo/v4"

	"tracker/internal/accounts"
	"tracker/internal/apperr"
	"tracker/internal/applications"
	"tracker/internal/exchange"
	"tracker/internal/feed"
	"tracker/internal/notify"
	webapp "tracker/internal/web"
	"tracker/web"
)

// The largest request body accepted, in bytes and in words, and the
// largest before the request is signed in.
const (
	bodyLimitBytes          = 1 << 20
	bodyLimit               = "1 MiB"
	anonymousBodyLimitBytes = 64 << 10
)

// apiPrefix is the path the API is served under.
const apiPrefix = "/api/v1"

// Config is what the HTTP server is built from; cmd/tracker fills it once
// from its flags.
type Config struct {
	Apps     *applications.Service
	Accounts *accounts.Service
	Logger   *slog.Logger
	// AllowSignup opens a sign-up page; without it only the first-run setup
	// link and the command line create accounts.
	AllowSignup bool
	// SecureCookies marks cookies Secure even when the request did not come
	// over TLS (behind a TLS-terminating reverse proxy).
	SecureCookies bool
	// TrustedProxies are the networks whose X-Forwarded-For the server
	// believes; empty means the client IP is the connection's.
	TrustedProxies []*net.IPNet
	// CORSOrigins are the origins allowed to call the API from a browser;
	// empty means none.
	CORSOrigins []string
	// Writable, when set, is asked by /healthz whether the database takes
	// writes (nil error) or not (read-only, full disk).
	Writable func(ctx context.Context) error
	// Feeds keeps the calendar feeds' tokens; without it there is no feed.
	Feeds *feed.Service
	// Backups is where a JSON backup is restored, as stored rows; without
	// it there is no import or export.
	Backups exchange.Restorer
	// Reminders keeps the reminder settings and deliveries; without it
	// there are no reminder routes.
	Reminders *notify.Service
	// MaxActive is how many reads run at once, and how many writes
	// (default DefaultMaxActive, 32 of each); more wait their turn in a
	// line of their kind, at most MaxWait (default a second), or
	// BehindWait (default 10 ms) once none of their kind has got its turn
	// that quickly for half a second, then are refused with 503 and
	// Retry-After. The health checks and the static files do not wait.
	MaxActive  int
	MaxWait    time.Duration
	BehindWait time.Duration
}

// handler carries what the handlers need.
type handler struct {
	svc         *applications.Service
	accts       *accounts.Service
	pages       pages
	proxies     proxies
	allowSignup bool
	feeds       *feed.Service
	backups     exchange.Restorer
	reminders   *notify.Service
	web         *webapp.Pages
	logger      *slog.Logger
}

// New returns the whole HTTP server: the API under /api/v1 for a user
// signed in by an API token or a session cookie, the sign-in, setup and
// account pages, health checks and the embedded static files. Every
// response carries the security headers; every error, including echo's own
// 404 and 405, is answered as {"error": {...}} by one error handler.
//
// The middleware, outermost first: request id, request log (method, path
// without query, status: never a header, a query or a body), panic
// recovery, security headers, CORS (only with cfg.CORSOrigins), the
// admission gate (a bound on the requests that run at once, see gate), the
// refusal of cross-site browser requests, the 1 MiB body limit, and the
// CSRF token check, and for /api/v1 the authentication (401 without a
// valid token or session). Pages check the session per route, and send
// those without one to /login.
func New(cfg Config) *echo.Echo {
	logger := cfg.Logger
	h := &handler{logger: cfg.Logger, svc: cfg.Apps, accts: cfg.Accounts, pages: loadPages(web.Templates()),
		proxies: proxies{trusted: cfg.TrustedProxies, secureCookies: cfg.SecureCookies}, allowSignup: cfg.AllowSignup, feeds: cfg.Feeds, backups: cfg.Backups,
		reminders: cfg.Reminders}
	e := echo.New()
	e.HideBanner, e.HidePort = true, true
	e.HTTPErrorHandler = errorHandler(logger, h.pageError)
	e.IPExtractor = h.proxies.ipExtractor()

	mw := []echo.MiddlewareFunc{withRequestID, withRequestLog(logger), withRecover, h.proxies.withSecurityHeaders}
	if cors := withCORS(cfg.CORSOrigins); cors != nil {
		mw = append(mw, cors)
	}
	static := map[string]bool{}
	mw = append(mw, newGate(cfg.MaxActive, cfg.MaxWait, cfg.BehindWait).middleware(func(c echo.Context) bool {
		p := c.Path()
		return p == "/healthz" || p == apiPrefix+"/healthz" || static[p]
	}))
	mw = append(mw, withSameOrigin(cfg.CORSOrigins, logger), withBodyLimit(anonymousBodyLimitBytes, bodyLimitBytes), h.withCSRF(), h.withAPIAuth)
	e.Use(chainedOnce(mw...))

	api := e.Group(apiPrefix)
	h.registerApplicationRoutes(api)
	h.registerInvitationRoutes(api)
	h.registerTransitionRoutes(api)
	h.registerDeclineRoutes(api)
	h.registerFollowUpRoutes(api)
	h.registerWithdrawRoutes(api)
	h.registerHandoffRoutes(api)
	h.registerProfileRoutes(api)
	h.registerSettingsRoutes(api)
	h.registerReminderRoutes(api)
	h.registerWarningRoutes(api)
	h.registerMeRoutes(api)
	h.registerTokenRoutes(api)
	h.registerImportRoutes(api)
	h.registerAnswerRoutes(api)
	h.registerCalendarRoutes(api, e)
	h.registerOpenAPIRoutes(api)
	if h.backups != nil {
		h.registerExportRoutes(api)
	}
	registerWorkflowRoutes(api)
	e.GET(apiPrefix+"/healthz", handleHealth(cfg.Writable))
	e.GET("/healthz", handleHealth(cfg.Writable))
	h.registerSignInRoutes(e)
	h.mountWebApp(e)
	registerStaticRoutes(e, web.Static(), static)
	return e
}

// routeHandlerKey holds, in the echo context, the handler of the route a
// request found, which the chain of chainedOnce calls last.
const routeHandlerKey = "tracker.route"

// chainedOnce returns the middleware mw, outermost first, as one whose
// chain is built once: echo builds the chain of its middleware again for
// every request, one closure a middleware (eleven a request). The chain
// ends in the request's route handler, which the one middleware keeps in
// the context; what each middleware does, and in which order, is as with
// echo's Use of each.
func chainedOnce(mw ...echo.MiddlewareFunc) echo.MiddlewareFunc {
	var chain echo.HandlerFunc = func(c echo.Context) error {
		return c.Get(routeHandlerKey).(echo.HandlerFunc)(c)
	}
	for i := len(mw) - 1; i >= 0; i-- {
		chain = mw[i](chain)
	}
	return func(next echo.HandlerFunc) echo.HandlerFunc {
		return func(c echo.Context) error {
			c.Set(routeHandlerKey, next)
			return chain(c)
		}
	}
}

// handleHealth answers that the process serves requests and, when writable
// is set, that the database takes writes: 503 with what is wrong when it
// does not, so that monitoring sees a read-only database or a full disk
// that reads alone would hide.
func handleHealth(writable func(ctx context.Context) error) echo.HandlerFunc {
	return func(c echo.Context) error {
		if writable != nil {
			if err := writable(c.Request().Context()); err != nil {
				msg := "the database takes no writes"
				if de := (*apperr.Error)(nil); errors.As(err, &de) {
					msg = de.Message
				}
				return c.JSON(http.StatusServiceUnavailable, map[string]string{"status": "database not writable", "message": msg})
			}
		}
		return c.JSON(http.StatusOK, map[string]string{"status": "ok"})
	}
}

// registerStaticRoutes serves each embedded file at its own path. One route per file rather than a catch-all "/*"
// keeps the router's answers exact: an unknown path is a 404 whatever the
// method, and a known path with the wrong method is a 405.
// Their paths go into paths.
func registerStaticRoutes(e *echo.Echo, files fs.FS, paths map[string]bool) {
	err := fs.WalkDir(files, ".", func(name string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		e.FileFS("/"+name, name, files)
		paths["/"+name] = true
		return nil
	})
	if err != nil {
		panic(err) // the files are embedded; only a broken build gets here
	}
}
