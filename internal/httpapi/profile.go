package httpapi

import (
	"net/http"

	"github.com/labstack/echo/v4"

	"tracker/internal/api"
	"tracker/internal/applications"
)

// profilePatchRequest is the body of PATCH /settings/profile: a field that
// is absent or null stays as it is; "" clears it.
type profilePatchRequest struct {
	Name  *string `json:"name"`
	Email *string `json:"email"`
	Phone *string `json:"phone"`
	Link  *string `json:"link"`
}

func (r profilePatchRequest) patch() applications.ProfilePatch {
	return applications.ProfilePatch{Name: r.Name, Email: r.Email, Phone: r.Phone, Link: r.Link}
}

func (h *handler) registerProfileRoutes(g *echo.Group) {
	g.GET("/settings/profile", h.handleProfileGet)
	g.PATCH("/settings/profile", h.handleProfilePatch)
}

func (h *handler) handleProfileGet(c echo.Context) error {
	p, err := h.svc.Profile(c.Request().Context())
	if err != nil {
		return err
	}
	return c.JSON(http.StatusOK, api.NewProfile(p))
}

func (h *handler) handleProfilePatch(c echo.Context) error {
	var req profilePatchRequest
	if err := decodeBody(c, &req, false); err != nil {
		return err
	}
	p, err := h.svc.UpdateProfile(c.Request().Context(), req.patch())
	if err != nil {
		return err
	}
	return c.JSON(http.StatusOK, api.NewProfile(p))
}
