package httpapi

import (
	"net/http"
	"strconv"

	"github.com/labstack/echo/v4"

	"tracker/internal/api"
	"tracker/internal/apperr"
	"tracker/internal/notify"
)

// reminderSettingsRequest is the body of PATCH /reminders/settings: a
// field that is absent or null stays as it is; "" turns it off.
type reminderSettingsRequest struct {
	Email         *string `json:"email"`
	WebhookURL    *string `json:"webhook_url"`
	WebhookFormat *string `json:"webhook_format"`
	QuietHours    *string `json:"quiet_hours"`
}

func (h *handler) registerReminderRoutes(g *echo.Group) {
	if h.reminders == nil {
		return
	}
	g.GET("/reminders", h.handleRemindersList)
	g.GET("/reminders/settings", h.handleReminderSettingsGet)
	g.PATCH("/reminders/settings", h.handleReminderSettingsPatch)
	g.POST("/reminders/test", h.handleReminderTest)
}

func (h *handler) handleRemindersList(c echo.Context) error {
	limit := 50
	if s := c.QueryParam("limit"); s != "" {
		n, err := strconv.Atoi(s)
		if err != nil {
			return apperr.Invalid(map[string]string{"limit": "limit must be a whole number between 1 and 200"})
		}
		limit = n
	}
	ns, err := h.reminders.List(c.Request().Context(), limit)
	if err != nil {
		return err
	}
	return c.JSON(http.StatusOK, api.NewReminders(ns))
}

func (h *handler) handleReminderSettingsGet(c echo.Context) error {
	st, err := h.reminders.Settings(c.Request().Context())
	if err != nil {
		return err
	}
	return c.JSON(http.StatusOK, api.NewReminderSettings(st))
}

func (h *handler) handleReminderSettingsPatch(c echo.Context) error {
	var req reminderSettingsRequest
	if err := decodeBody(c, &req, false); err != nil {
		return err
	}
	st, err := h.reminders.UpdateSettings(c.Request().Context(), notify.SettingsPatch{Email: req.Email,
		WebhookURL: req.WebhookURL, WebhookFormat: req.WebhookFormat, Quiet: req.QuietHours})
	if err != nil {
		return err
	}
	return c.JSON(http.StatusOK, api.NewReminderSettings(st))
}

// handleReminderTest queues a test reminder on each channel; the server's
// next delivery round sends it, and GET /reminders shows how it went.
func (h *handler) handleReminderTest(c echo.Context) error {
	ns, err := h.reminders.SendTest(c.Request().Context())
	if err != nil {
		return err
	}
	return c.JSON(http.StatusAccepted, api.NewReminders(ns))
}
