package httpapi

import (
	"net/http"

	"github.com/labstack/echo/v4"

	"tracker/internal/api"
	"tracker/internal/applications"
)

func (h *handler) registerWarningRoutes(g *echo.Group) {
	g.GET("/warnings", h.handleWarningList)
}

// warningQuery are the query parameters of GET /warnings.
var warningQuery = []queryParam{
	{name: "limit", description: "how many a page holds, 1 to 200 (50 by default)"},
	{name: "cursor", description: "the next_cursor of the page before"},
	{name: "kind", description: "only warnings of this kind (all by default)", enum: applications.WarningKinds()},
}

func (h *handler) handleWarningList(c echo.Context) error {
	limit, err := limitParam(c)
	if err != nil {
		return err
	}
	page, err := h.svc.WarningsPage(c.Request().Context(), applications.WarningFilter{Limit: limit, Cursor: c.QueryParam("cursor"),
		Kind: c.QueryParam("kind")})
	if err != nil {
		return err
	}
	return c.JSON(http.StatusOK, api.NewWarnings(page))
}
