package httpapi

import (
	"net/http"

	"github.com/labstack/echo/v4"

	"tracker/internal/applications"
)

// invitationRequest is one round of interview invitation, as the body of
// POST /applications/{id}/invitations or inside a new application.
type invitationRequest struct {
	ReceivedAt  timestamp  `json:"received_at"`
	RespondBy   *timestamp `json:"respond_by"`
	InterviewAt *timestamp `json:"interview_at"`
	Format      string     `json:"format"`
	Round       int        `json:"round"`
	Message     string     `json:"message"`
}

func (r invitationRequest) input() applications.NewInvitation {
	return applications.NewInvitation{
		ReceivedAt: r.ReceivedAt.Time, RespondBy: r.RespondBy.timePtr(), InterviewAt: r.InterviewAt.timePtr(),
		Format: r.Format, Round: r.Round, Message: r.Message,
	}
}

func (h *handler) registerInvitationRoutes(g *echo.Group) {
	g.POST("/applications/:id/invitations", h.handleInvitationCreate)
}

func (h *handler) handleInvitationCreate(c echo.Context) error {
	id, err := pathID(c)
	if err != nil {
		return err
	}
	var req invitationRequest
	if err := decodeBody(c, &req, false); err != nil {
		return err
	}
	d, err := h.svc.AddInvitation(c.Request().Context(), id, req.input())
	if err != nil {
		return err
	}
	return c.JSON(http.StatusCreated, newDetailView(d))
}
