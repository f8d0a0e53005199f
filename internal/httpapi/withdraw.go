package httpapi

import (
	"net/http"

	"github.com/labstack/echo/v4"

	"tracker/internal/api"
	"tracker/internal/applications"
)

// withdrawRequest is the optional body of POST .../withdrawal.
type withdrawRequest struct {
	Note string     `json:"note"`
	At   *timestamp `json:"at"`
}

func (h *handler) registerWithdrawRoutes(g *echo.Group) {
	g.POST("/applications/:id/withdrawal", h.handleWithdraw)
}

// handleWithdraw records that the user withdrew the application; from any
// state but wishlist and applied it is a 409 listing the allowed states.
func (h *handler) handleWithdraw(c echo.Context) error {
	id, err := pathID(c)
	if err != nil {
		return err
	}
	var req withdrawRequest
	if err := decodeBody(c, &req, true); err != nil {
		return err
	}
	d, err := h.svc.Withdraw(c.Request().Context(), id, applications.WithdrawInput{Note: req.Note, At: req.At.timePtr()})
	if err != nil {
		return err
	}
	return c.JSON(http.StatusOK, api.NewDetail(d))
}
