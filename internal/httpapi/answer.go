package httpapi

import (
	"github.com/labstack/echo/v4"

	"tracker/internal/apperr"
)

func (h *handler) registerAnswerRoutes(g *echo.Group) {
	g.GET("/applications/:id/invitations/:inv_id/answer.eml", h.handleAnswerEML)
}

// handleAnswerEML writes an e-mail that accepts (?answer=accept) or
// declines (?answer=decline) an imported calendar invite in the
// organizer's calendar; nothing is stored.
func (h *handler) handleAnswerEML(c echo.Context) error {
	id, invID, err := pathInvitation(c)
	if err != nil {
		return err
	}
	var accept bool
	switch c.QueryParam("answer") {
	case "accept":
		accept = true
	case "decline":
	default:
		return apperr.Invalid(map[string]string{"answer": "answer must be accept or decline"})
	}
	eml, err := h.svc.AnswerEML(c.Request().Context(), id, invID, accept)
	if err != nil {
		return err
	}
	return attachEML(c, eml)
}
