package httpapi

import (
	"io"
	"net/http"

	"github.com/labstack/echo/v4"

	"tracker/internal/applications"
	"tracker/internal/feed"
)

// feedResponse is the answer of POST /calendar/feed: the feed's secret
// URL, shown once.
type feedResponse struct {
	URL string `json:"url"`
}

func (h *handler) registerCalendarRoutes(g *echo.Group, e *echo.Echo) {
	if h.feeds == nil {
		return
	}
	g.POST("/calendar/feed", h.handleFeedCreate)
	g.DELETE("/calendar/feed", h.handleFeedRevoke)
	e.GET("/calendar.ics", h.handleCalendarFeed)
}

// handleFeedCreate gives the user a new secret feed URL; the old one
// stops working.
func (h *handler) handleFeedCreate(c echo.Context) error {
	token, err := h.feeds.Create(c.Request().Context(), currentUser(c).ID)
	if err != nil {
		return err
	}
	url := c.Scheme() + "://" + c.Request().Host + "/calendar.ics?token=" + token
	return c.JSON(http.StatusCreated, feedResponse{URL: url})
}

// handleFeedRevoke stops the user's feed.
func (h *handler) handleFeedRevoke(c echo.Context) error {
	if err := h.feeds.Revoke(c.Request().Context(), currentUser(c).ID); err != nil {
		return err
	}
	return c.NoContent(http.StatusNoContent)
}

// handleCalendarFeed serves the calendar of the user whose token is in
// the URL; calendar programs subscribe to it without signing in.
func (h *handler) handleCalendarFeed(c echo.Context) error {
	ctx := c.Request().Context()
	owner, err := h.feeds.Owner(ctx, c.QueryParam("token"))
	if err != nil {
		return err
	}
	c.Response().Header().Set(echo.HeaderCacheControl, "private, no-store")
	c.Response().Header().Set(echo.HeaderContentDisposition, `inline; filename="tracker.ics"`)
	c.Response().Header().Set(echo.HeaderContentType, "text/calendar; charset=utf-8")
	return h.stream(c, func(w io.Writer) error {
		fw, err := feed.NewWriter(w)
		if err != nil {
			return err
		}
		if err := h.svc.Calendar(applications.WithOwner(ctx, owner), fw.AddItem); err != nil {
			return err
		}
		return fw.Close()
	})
}
