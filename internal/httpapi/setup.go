package httpapi

import (
	"net/http"

	"github.com/labstack/echo/v4"

	"tracker/internal/apperr"
)

// handleSetupPage shows the form that creates the first account, for a
// setup link (GET /setup?token=...) while the tracker has no account. The
// token moves into the form, so it is posted in the body.
func (h *handler) handleSetupPage(c echo.Context) error {
	data := pageData{Title: "Set up"}
	token := c.QueryParam("token")
	if err := h.accts.CheckSetupToken(c.Request().Context(), token); err != nil {
		return h.renderFormError(c, "setup", data, err)
	}
	data.SetupToken = token
	return h.render(c, http.StatusOK, "setup", data)
}

// handleSetup spends the setup token on the first account and signs it in.
func (h *handler) handleSetup(c echo.Context) error {
	token, email, password := c.FormValue("token"), c.FormValue("email"), c.FormValue("password")
	data := pageData{Title: "Set up", Email: email, SetupToken: token}
	if password != c.FormValue("password_again") {
		return h.renderFormError(c, "setup", data, passwordsDiffer())
	}
	_, sid, err := h.accts.CompleteSetup(c.Request().Context(), token, email, password)
	if err != nil {
		if apperr.ErrorCode(err) != apperr.EINVALID {
			data.SetupToken = "" // a spent, expired or unknown link: no form
		}
		return h.renderFormError(c, "setup", data, err)
	}
	h.setSessionCookie(c, sid)
	return c.Redirect(http.StatusSeeOther, "/")
}
