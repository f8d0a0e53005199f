package httpapi

import (
	"net/http"
	"time"

	"github.com/labstack/echo/v4"

	"tracker/internal/accounts"
)

// meView is the signed-in user.
type meView struct {
	ID        int64     `json:"id"`
	Email     string    `json:"email"`
	CreatedAt time.Time `json:"created_at"`
}

// passwordChangeRequest is the body of POST /me/password.
type passwordChangeRequest struct {
	CurrentPassword string `json:"current_password"`
	NewPassword     string `json:"new_password"`
	// RevokeTokens also revokes every API token of the account.
	RevokeTokens bool `json:"revoke_tokens"`
}

// csrfView is the answer of GET /csrf.
type csrfView struct {
	CSRFToken string `json:"csrf_token"`
}

func newMeView(u *accounts.User) meView {
	return meView{ID: u.ID, Email: u.Email, CreatedAt: u.CreatedAt.UTC()}
}

func (h *handler) registerMeRoutes(g *echo.Group) {
	g.GET("/me", h.handleMe)
	g.POST("/me/password", h.handlePasswordChange)
	g.GET("/csrf", handleCSRFToken)
}

func (h *handler) handleMe(c echo.Context) error {
	return c.JSON(http.StatusOK, newMeView(currentUser(c)))
}

// handlePasswordChange changes the caller's password and ends their other
// sessions; a browser changing it stays signed in.
func (h *handler) handlePasswordChange(c echo.Context) error {
	var req passwordChangeRequest
	if err := decodeBody(c, &req, false); err != nil {
		return err
	}
	err := h.accts.ChangePassword(c.Request().Context(), currentUser(c).ID, req.CurrentPassword, req.NewPassword, currentSessionID(c))
	if err != nil {
		return err
	}
	if req.RevokeTokens {
		if err := h.accts.RevokeAllTokens(c.Request().Context(), currentUser(c).ID); err != nil {
			return err
		}
	}
	return c.NoContent(http.StatusNoContent)
}

// handleCSRFToken returns the CSRF token a script in a signed-in browser
// sends as X-CSRF-Token; it is empty for a request with an API token,
// which needs none.
func handleCSRFToken(c echo.Context) error {
	return c.JSON(http.StatusOK, csrfView{CSRFToken: csrfToken(c)})
}
