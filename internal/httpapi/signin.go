package httpapi

import (
	"net/http"

	"github.com/labstack/echo/v4"

	"tracker/internal/apperr"
)

// passwordsDiffer refuses a form whose two passwords differ.
func passwordsDiffer() error {
	return &apperr.Error{Code: apperr.EINVALID, Message: "the two passwords differ",
		Fields: map[string]string{"password_again": "password_again must repeat password"}}
}

func (h *handler) registerSignInRoutes(e *echo.Echo) {
	e.GET("/login", h.handleLoginPage)
	e.POST("/login", h.handleLogin)
	e.POST("/logout", h.handleLogout)
	e.GET("/setup", h.handleSetupPage)
	e.POST("/setup", h.handleSetup)
	if h.allowSignup {
		e.GET("/signup", h.handleSignupPage)
		e.POST("/signup", h.handleSignup)
	}
}

// handleLoginPage shows the sign-in form, or the index to a signed-in user.
func (h *handler) handleLoginPage(c echo.Context) error {
	u, err := h.pageUser(c)
	if err != nil {
		return err
	}
	if u != nil {
		return c.Redirect(http.StatusSeeOther, "/")
	}
	data := pageData{Title: "Sign in"}
	if c.QueryParam("first") == "1" {
		data.Notice = "Sign in first to open that page."
	}
	if data.NoAccount, err = h.accts.NeedsSetup(c.Request().Context()); err != nil {
		return err
	}
	return h.render(c, http.StatusOK, "login", data)
}

// handleLogin signs in. The client's IP, for the per-IP limit, is the
// connection's or, behind trusted proxies only, the forwarded one.
func (h *handler) handleLogin(c echo.Context) error {
	email := c.FormValue("email")
	_, sid, err := h.accts.Login(c.Request().Context(), email, c.FormValue("password"), c.RealIP())
	if err != nil {
		return h.renderFormError(c, "login", pageData{Title: "Sign in", Email: email}, err)
	}
	h.setSessionCookie(c, sid)
	return c.Redirect(http.StatusSeeOther, "/")
}

// handleLogout ends the session and removes its cookie.
func (h *handler) handleLogout(c echo.Context) error {
	if err := h.accts.Logout(c.Request().Context(), sessionID(c)); err != nil {
		return err
	}
	h.clearSessionCookie(c)
	return c.Redirect(http.StatusSeeOther, "/login")
}

func (h *handler) handleSignupPage(c echo.Context) error {
	return h.render(c, http.StatusOK, "signup", pageData{Title: "Sign up"})
}

// handleSignup creates an account and signs it in.
func (h *handler) handleSignup(c echo.Context) error {
	email, password := c.FormValue("email"), c.FormValue("password")
	data := pageData{Title: "Sign up", Email: email}
	if password != c.FormValue("password_again") {
		return h.renderFormError(c, "signup", data, passwordsDiffer())
	}
	ctx := c.Request().Context()
	if _, err := h.accts.CreateUser(ctx, email, password); err != nil {
		return h.renderFormError(c, "signup", data, err)
	}
	_, sid, err := h.accts.Login(ctx, email, password, c.RealIP())
	if err != nil {
		return h.renderFormError(c, "signup", data, err)
	}
	h.setSessionCookie(c, sid)
	return c.Redirect(http.StatusSeeOther, "/")
}
