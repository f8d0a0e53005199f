package httpapi

import (
	"net/http"

	"github.com/labstack/echo/v4"

	"tracker/internal/api"
)

func (h *handler) registerWarningRoutes(g *echo.Group) {
	g.GET("/warnings", h.handleWarningList)
}

func (h *handler) handleWarningList(c echo.Context) error {
	ws, err := h.svc.Warnings(c.Request().Context())
	if err != nil {
		return err
	}
	return c.JSON(http.StatusOK, api.NewWarnings(ws))
}
