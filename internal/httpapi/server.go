// Package httpapi is the tracker's JSON API over HTTP: the echo router, its
// middleware, the one error handler, and thin handlers that decode a
// request, call the applications service and encode its answer. Business
// rules live in the service; this package maps them to HTTP.
package httpapi

import (
	"io/fs"
	"log/slog"
	"net"
	"net/http"
	"path"
	"strings"

	"github.com/labstack/echo/v4"

	"tracker/internal/accounts"
	"tracker/internal/applications"
	"tracker/web"
)

// The largest request body accepted, in bytes and in words.
const (
	bodyLimitBytes = 1 << 20
	bodyLimit      = "1 MiB"
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
}

// handler carries what the API handlers need.
type handler struct {
	svc *applications.Service
}

// New returns the whole HTTP server: the API under /api/v1, a health check
// and the embedded static files at /, behind request ids, a request log,
// panic recovery, a refusal of cross-site browser requests and a 1 MiB
// body limit. Every error, including echo's own
// 404 and 405, is answered as {"error": {...}} by one error handler.
func New(cfg Config) *echo.Echo {
	svc, logger := cfg.Apps, cfg.Logger
	e := echo.New()
	e.HideBanner, e.HidePort = true, true
	e.HTTPErrorHandler = errorHandler(logger)

	e.Use(withRequestID, withRequestLog(logger), withRecover, withSameOrigin, withBodyLimit(bodyLimitBytes))

	h := &handler{svc: svc}
	api := e.Group(apiPrefix)
	h.registerApplicationRoutes(api)
	h.registerInvitationRoutes(api)
	h.registerTransitionRoutes(api)
	h.registerDeclineRoutes(api)
	h.registerFollowUpRoutes(api)
	h.registerHandoffRoutes(api)
	h.registerProfileRoutes(api)
	h.registerWarningRoutes(api)
	registerWorkflowRoutes(api)
	api.GET("/healthz", handleHealth)
	e.GET("/healthz", handleHealth)
	registerStaticRoutes(e, web.Static())
	return e
}

// handleHealth answers that the process serves requests.
func handleHealth(c echo.Context) error {
	return c.JSON(http.StatusOK, map[string]string{"status": "ok"})
}

// registerStaticRoutes serves each embedded file at its own path, and
// index.html at "/" too. One route per file rather than a catch-all "/*"
// keeps the router's answers exact: an unknown path is a 404 whatever the
// method, and a known path with the wrong method is a 405.
func registerStaticRoutes(e *echo.Echo, files fs.FS) {
	err := fs.WalkDir(files, ".", func(name string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		e.FileFS("/"+name, name, files)
		if path.Base(name) == "index.html" {
			e.FileFS("/"+strings.TrimSuffix(name, "index.html"), name, files)
		}
		return nil
	})
	if err != nil {
		panic(err) // the files are embedded; only a broken build gets here
	}
}
