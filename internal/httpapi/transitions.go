package httpapi

import (
	"net/http"

	"github.com/labstack/echo/v4"

	"tracker/internal/applications"
	"tracker/internal/civil"
	"tracker/internal/workflow"
)

// transitionRequest is the body of POST /applications/{id}/transitions.
// At, when given, is when the move happened (not in the future, not before
// the history's last entry); OfferMadeOn, on a move to offered, is the
// day the offer was made.
type transitionRequest struct {
	To          string     `json:"to"`
	Note        string     `json:"note"`
	At          *timestamp `json:"at"`
	OfferMadeOn civil.Date `json:"offer_made_on"`
}

func (h *handler) registerTransitionRoutes(g *echo.Group) {
	g.POST("/applications/:id/transitions", h.handleTransitionCreate)
}

// handleTransitionCreate makes a plain move; a move the machine forbids is
// a 409 whose error lists the allowed states.
func (h *handler) handleTransitionCreate(c echo.Context) error {
	id, err := pathID(c)
	if err != nil {
		return err
	}
	var req transitionRequest
	if err := decodeBody(c, &req, false); err != nil {
		return err
	}
	d, err := h.svc.Move(c.Request().Context(), id, applications.MoveInput{To: workflow.State(req.To), Note: req.Note, At: req.At.timePtr(),
		OfferMadeOn: req.OfferMadeOn})
	if err != nil {
		return err
	}
	return writeDetail(c, http.StatusOK, d)
}
