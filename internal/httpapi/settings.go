package httpapi

import (
	"net/http"
	"time"

	"github.com/labstack/echo/v4"

	"tracker/internal/api"
	"tracker/internal/apperr"
	"tracker/internal/applications"
)

// settingsPatchRequest is the body of PATCH /settings: a field that is
// absent or null stays as it is.
type settingsPatchRequest struct {
	ResponseWindow *string `json:"response_window"`
	FollowUpAfter  *string `json:"follow_up_after"`
	NoReplyDays    *int    `json:"no_reply_days"`
	TimeZone       *string `json:"time_zone"`
	DefaultTone    *string `json:"default_tone"`
	DefaultChannel *string `json:"default_channel"`
}

// patch turns the request into the service's patch; a duration that does
// not parse is a 422 naming the field.
func (r settingsPatchRequest) patch() (applications.SettingsPatch, error) {
	p := applications.SettingsPatch{NoReplyDays: r.NoReplyDays, TimeZone: r.TimeZone,
		DefaultTone: r.DefaultTone, DefaultChannel: r.DefaultChannel}
	fields := map[string]string{}
	p.ResponseWindow = parseDuration(fields, "response_window", r.ResponseWindow)
	p.FollowUpAfter = parseDuration(fields, "follow_up_after", r.FollowUpAfter)
	if len(fields) > 0 {
		return p, apperr.Invalid(fields)
	}
	return p, nil
}

func parseDuration(fields map[string]string, name string, s *string) *time.Duration {
	if s == nil {
		return nil
	}
	d, err := time.ParseDuration(*s)
	if err != nil {
		fields[name] = name + " must be a duration such as 24h, 90m or 1h30m"
		return nil
	}
	return &d
}

func (h *handler) registerSettingsRoutes(g *echo.Group) {
	g.GET("/settings", h.handleSettingsGet)
	g.PATCH("/settings", h.handleSettingsPatch)
}

func (h *handler) handleSettingsGet(c echo.Context) error {
	st, err := h.svc.Settings(c.Request().Context())
	if err != nil {
		return err
	}
	return c.JSON(http.StatusOK, api.NewSettings(st))
}

func (h *handler) handleSettingsPatch(c echo.Context) error {
	var req settingsPatchRequest
	if err := decodeBody(c, &req, false); err != nil {
		return err
	}
	patch, err := req.patch()
	if err != nil {
		return err
	}
	st, err := h.svc.UpdateSettings(c.Request().Context(), patch)
	if err != nil {
		return err
	}
	return c.JSON(http.StatusOK, api.NewSettings(st))
}
