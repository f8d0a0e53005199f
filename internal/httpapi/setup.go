package httpapi

import (
	"encoding/base64"
	"net/http"

	"github.com/labstack/echo/v4"

	"tracker/internal/applications"
)

// setupTokenLength is the length of a setup token: 32 random bytes in
// unpadded base64url, as the accounts service makes them.
var setupTokenLength = base64.RawURLEncoding.EncodedLen(32)

// plausibleSetupToken reports whether token could be a setup token at all;
// whether it is one the service decides, when the form is sent.
func plausibleSetupToken(token string) bool {
	b, err := base64.RawURLEncoding.DecodeString(token)
	return err == nil && len(token) == setupTokenLength && len(b) == 32
}

// handleSetupPage shows the form that creates the first account, for a
// setup link (GET /setup?token=...) while the tracker has no account. The
// token moves into the form, so it is posted in the body.
func (h *handler) handleSetupPage(c echo.Context) error {
	data := pageData{Title: "Set up"}
	need, err := h.accts.NeedsSetup(c.Request().Context())
	switch {
	case err != nil:
		return err
	case !need:
		return h.renderFormError(c, "setup", data,
			applications.Errorf(applications.ECONFLICT, "the tracker is already set up; sign in instead"))
	case !plausibleSetupToken(c.QueryParam("token")):
		return h.renderFormError(c, "setup", data,
			applications.Errorf(applications.EUNAUTHORIZED, "this setup link is not valid"))
	}
	data.SetupToken = c.QueryParam("token")
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
		if applications.ErrorCode(err) != applications.EINVALID {
			data.SetupToken = "" // a spent, expired or unknown link: no form
		}
		return h.renderFormError(c, "setup", data, err)
	}
	h.setSessionCookie(c, sid)
	return c.Redirect(http.StatusSeeOther, "/")
}
