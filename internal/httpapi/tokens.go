package httpapi

import (
	"net/http"
	"time"

	"github.com/labstack/echo/v4"

	"tracker/internal/accounts"
	"tracker/internal/apperr"
)

// tokenCreateRequest is the body of POST /tokens.
type tokenCreateRequest struct {
	Name string `json:"name"`
	// ExpiresInDays gives the token a lifetime; absent, it lasts until
	// revoked.
	ExpiresInDays *int `json:"expires_in_days"`
}

// tokenView is an API token in a list: never the token itself.
type tokenView struct {
	ID         int64      `json:"id"`
	Name       string     `json:"name"`
	Prefix     string     `json:"prefix"`
	CreatedAt  time.Time  `json:"created_at"`
	LastUsedAt *time.Time `json:"last_used_at"`
	RevokedAt  *time.Time `json:"revoked_at"`
	ExpiresAt  *time.Time `json:"expires_at"`
}

// newTokenView is the answer of POST /tokens, the only one that holds the
// token in plain text.
type newTokenView struct {
	Token     string    `json:"token"`
	ID        int64     `json:"id"`
	Name      string    `json:"name"`
	Prefix    string    `json:"prefix"`
	CreatedAt time.Time `json:"created_at"`
}

// tokenListResponse is the caller's tokens, newest first.
type tokenListResponse struct {
	Items []tokenView `json:"items"`
}

func newTokenListView(t accounts.Token) tokenView {
	return tokenView{ID: t.ID, Name: t.Name, Prefix: t.Prefix, CreatedAt: t.CreatedAt.UTC(),
		LastUsedAt: utcPtr(t.LastUsedAt), RevokedAt: utcPtr(t.RevokedAt), ExpiresAt: utcPtr(t.ExpiresAt)}
}

func (h *handler) registerTokenRoutes(g *echo.Group) {
	g.GET("/tokens", h.handleTokenList)
	g.POST("/tokens", h.handleTokenCreate)
	g.DELETE("/tokens/:id", h.handleTokenRevoke)
}

func (h *handler) handleTokenList(c echo.Context) error {
	tokens, err := h.accts.ListTokens(c.Request().Context(), currentUser(c).ID)
	if err != nil {
		return err
	}
	return c.JSON(http.StatusOK, tokenListResponse{Items: mapAll(tokens, newTokenListView)})
}

func (h *handler) handleTokenCreate(c echo.Context) error {
	var req tokenCreateRequest
	if err := decodeBody(c, &req, false); err != nil {
		return err
	}
	var lifetime time.Duration
	if req.ExpiresInDays != nil {
		lifetime = time.Duration(*req.ExpiresInDays) * 24 * time.Hour
		if *req.ExpiresInDays < 1 || *req.ExpiresInDays > 3650 {
			lifetime = -1 // refused by the service, naming the field
		}
	}
	plaintext, t, err := h.accts.CreateExpiringToken(c.Request().Context(), currentUser(c).ID, req.Name, lifetime)
	if err != nil {
		return err
	}
	return c.JSON(http.StatusCreated, newTokenView{Token: plaintext, ID: t.ID, Name: t.Name, Prefix: t.Prefix, CreatedAt: t.CreatedAt.UTC()})
}

// handleTokenRevoke revokes one of the caller's tokens; another user's id
// is a 404 like an unknown one.
func (h *handler) handleTokenRevoke(c echo.Context) error {
	id, err := pathInt(c, "id", tokenNotFound)
	if err != nil {
		return err
	}
	if err := h.accts.RevokeToken(c.Request().Context(), currentUser(c).ID, id); err != nil {
		return err
	}
	return c.NoContent(http.StatusNoContent)
}

// tokenNotFound is the 404 of a token id that cannot exist.
func tokenNotFound() error {
	return apperr.Errorf(apperr.ENOTFOUND, "token not found")
}
