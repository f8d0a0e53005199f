package httpapi

import (
	"net/http"

	"github.com/labstack/echo/v4"

	"tracker/internal/api"
)

// warningsResponse lists every answer and follow-up that is due or late.
type warningsResponse struct {
	Items []api.Warning `json:"items"`
}

func (h *handler) registerWarningRoutes(g *echo.Group) {
	g.GET("/warnings", h.handleWarningList)
}

func (h *handler) handleWarningList(c echo.Context) error {
	ws, err := h.svc.Warnings(c.Request().Context())
	if err != nil {
		return err
	}
	return c.JSON(http.StatusOK, warningsResponse{Items: mapAll(ws, api.NewWarning)})
}
