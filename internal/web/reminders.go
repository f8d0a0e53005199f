package web

import (
	"time"

	"github.com/labstack/echo/v4"

	"tracker/internal/notify"
)

// remindersData is the reminders section of the settings page.
type remindersData struct {
	Settings *notify.Settings
	Recent   []notify.Notification
	Now      time.Time
}

// loadReminders reads the section's data, nil on a server without
// reminders.
func (p *Pages) loadReminders(c echo.Context) (*remindersData, error) {
	if p.Reminders == nil {
		return nil, nil
	}
	ctx := c.Request().Context()
	st, err := p.Reminders.Settings(ctx)
	if err != nil {
		return nil, err
	}
	recent, err := p.Reminders.List(ctx, 10)
	if err != nil {
		return nil, err
	}
	return &remindersData{Settings: st, Recent: recent, Now: p.clock(c).now}, nil
}

// reminderForm is the section's form filled from the stored settings.
func reminderForm(st *notify.Settings) map[string][]string {
	return map[string][]string{"reminder_email": {st.Email}, "webhook_url": {st.WebhookURL},
		"webhook_format": {st.WebhookFormat}, "quiet_hours": {st.Quiet.String()}}
}

func (p *Pages) handleRemindersSave(c echo.Context) error {
	email, hook, format, quiet := c.FormValue("reminder_email"), c.FormValue("webhook_url"), c.FormValue("webhook_format"), c.FormValue("quiet_hours")
	_, err := p.Reminders.UpdateSettings(c.Request().Context(), notify.SettingsPatch{Email: &email, WebhookURL: &hook,
		WebhookFormat: &format, Quiet: &quiet})
	if err != nil {
		return p.settingsRefused(c, err)
	}
	return redirect(c, "/settings?saved=reminders#reminders")
}

func (p *Pages) handleRemindersTest(c echo.Context) error {
	if _, err := p.Reminders.SendTest(c.Request().Context()); err != nil {
		return p.settingsRefused(c, err)
	}
	return redirect(c, "/settings?saved=test#reminders")
}
