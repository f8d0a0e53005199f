package httpapi

import (
	"net/http"

	"github.com/labstack/echo/v4"

	"tracker/internal/api"
	"tracker/internal/applications"
)

// followUpRequest is the optional body of POST .../follow-up.
type followUpRequest struct {
	Note   string     `json:"note"`
	SentAt *timestamp `json:"sent_at"`
}

func (h *handler) registerFollowUpRoutes(g *echo.Group) {
	g.POST("/applications/:id/follow-up", h.handleFollowUp)
}

func (h *handler) handleFollowUp(c echo.Context) error {
	id, err := pathID(c)
	if err != nil {
		return err
	}
	var req followUpRequest
	if err := decodeBody(c, &req, true); err != nil {
		return err
	}
	in := applications.FollowUpInput{Note: req.Note, SentAt: req.SentAt.timePtr()}
	d, err := h.svc.FollowUp(c.Request().Context(), id, in)
	if err != nil {
		return err
	}
	return c.JSON(http.StatusOK, api.NewDetail(d))
}
