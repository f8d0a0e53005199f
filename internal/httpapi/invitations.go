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

// invitationPatchRequest is the body of PATCH
// /applications/{id}/invitations/{inv_id}: a field that is absent or null
// stays as it is. At dates the history entry of a new interview time.
type invitationPatchRequest struct {
	ReceivedAt  *timestamp `json:"received_at"`
	RespondBy   *timestamp `json:"respond_by"`
	InterviewAt *timestamp `json:"interview_at"`
	Format      *string    `json:"format"`
	Message     *string    `json:"message"`
	At          *timestamp `json:"at"`
}

func (r invitationPatchRequest) patch() applications.InvitationPatch {
	return applications.InvitationPatch{ReceivedAt: r.ReceivedAt.timePtr(), RespondBy: r.RespondBy.timePtr(),
		InterviewAt: r.InterviewAt.timePtr(), Format: r.Format, Message: r.Message, At: r.At.timePtr()}
}

func (h *handler) registerInvitationRoutes(g *echo.Group) {
	g.POST("/applications/:id/invitations", h.handleInvitationCreate)
	g.PATCH("/applications/:id/invitations/:inv_id", h.handleInvitationPatch)
}

// handleInvitationPatch edits or reschedules an invitation.
func (h *handler) handleInvitationPatch(c echo.Context) error {
	id, invID, err := pathInvitation(c)
	if err != nil {
		return err
	}
	var req invitationPatchRequest
	if err := decodeBody(c, &req, false); err != nil {
		return err
	}
	d, err := h.svc.UpdateInvitation(c.Request().Context(), id, invID, req.patch())
	if err != nil {
		return err
	}
	return writeDetail(c, http.StatusOK, d)
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
	return writeDetail(c, http.StatusCreated, d)
}
