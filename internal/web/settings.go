package web

import (
	"maps"
	"net/http"
	"net/url"
	"strconv"
	"time"

	"github.com/labstack/echo/v4"

	"tracker/internal/accounts"
	"tracker/internal/apperr"
	"tracker/internal/applications"
	"tracker/internal/decline"
)

// flashCookie carries the key of a new token to show once.
const flashCookie = "tracker_flash"

// settingsData is the settings page.
type settingsData struct {
	Profile  *applications.Profile
	Settings *applications.Settings
	Tokens   []accounts.Token
	NewToken string
	Tones    []decline.Tone
	Channels []decline.Channel
	// Windows in the units the form uses.
	ResponseHours, FollowUpDays int
	// Reminders is nil on a server without reminders.
	Reminders *remindersData
}

func (p *Pages) handleSettings(c echo.Context) error {
	v := view{}
	if ck, err := c.Cookie(flashCookie); err == nil {
		v.Data = p.flashs.take(p.User(c).ID, ck.Value)
		c.SetCookie(&http.Cookie{Name: flashCookie, Path: "/settings", MaxAge: -1, HttpOnly: true, SameSite: http.SameSiteLaxMode})
	}
	switch c.QueryParam("saved") {
	case "profile", "preferences":
		v.Notice = "Saved."
	case "password":
		v.Notice = "Your password is changed, and every other browser is signed out."
	case "revoked":
		v.Notice = "The token is revoked."
	case "reminders":
		v.Notice = "Saved. Reminders go where you set them."
	case "test":
		v.Notice = "A test reminder is on its way; it shows below within a minute."
	}
	return p.showSettings(c, http.StatusOK, v)
}

// showSettings renders the settings page; v.Data may hold a new token.
func (p *Pages) showSettings(c echo.Context, status int, v view) error {
	ctx := c.Request().Context()
	d := settingsData{Tones: decline.Tones(), Channels: decline.Channels()}
	d.NewToken, _ = v.Data.(string)
	var err error
	if d.Profile, err = p.Apps.Profile(ctx); err != nil {
		return err
	}
	if d.Settings, err = p.Apps.Settings(ctx); err != nil {
		return err
	}
	if d.Tokens, err = p.Accounts.ListTokens(ctx, p.User(c).ID); err != nil {
		return err
	}
	if d.Reminders, err = p.loadReminders(c); err != nil {
		return err
	}
	d.ResponseHours = int(d.Settings.ResponseWindow / time.Hour)
	d.FollowUpDays = int(d.Settings.FollowUpAfter / (24 * time.Hour))
	// Every form shows what is stored, but a refused one what was typed.
	form := url.Values{"name": {d.Profile.Name}, "email": {d.Profile.Email}, "phone": {d.Profile.Phone},
		"link": {d.Profile.Link}, "time_zone": {d.Settings.TimeZone}, "response_hours": {strconv.Itoa(d.ResponseHours)},
		"follow_up_days": {strconv.Itoa(d.FollowUpDays)}, "no_reply_days": {strconv.Itoa(d.Settings.NoReplyDays)},
		"default_tone": {d.Settings.DefaultTone}, "default_channel": {d.Settings.DefaultChannel}}
	if d.Reminders != nil {
		maps.Copy(form, reminderForm(d.Reminders.Settings))
	}
	maps.Copy(form, v.Form)
	v.Form = form
	v.Title, v.Nav, v.Data = "Settings", "settings", d
	return p.render(c, status, "settings", v)
}

// settingsRefused shows the settings again with a refusal beside its form.
func (p *Pages) settingsRefused(c echo.Context, err error) error {
	r, ok := asRefusal(err)
	if !ok {
		return err
	}
	if msg, ok := r.fields["email"]; ok && c.Path() != "/settings/profile" {
		// The reminders' address; the profile's e-mail field is another.
		delete(r.fields, "email")
		r.fields["reminder_email"] = msg
	}
	return p.showSettings(c, r.status, view{Error: r.message, Errors: r.fields, Form: formValues(c)})
}

func (p *Pages) handleProfileSave(c echo.Context) error {
	name, email, phone, link := c.FormValue("name"), c.FormValue("email"), c.FormValue("phone"), c.FormValue("link")
	_, err := p.Apps.UpdateProfile(c.Request().Context(), applications.ProfilePatch{Name: &name, Email: &email, Phone: &phone, Link: &link})
	if err != nil {
		return p.settingsRefused(c, err)
	}
	return redirect(c, "/settings?saved=profile#profile")
}

func (p *Pages) handlePreferencesSave(c echo.Context) error {
	if c.FormValue("keep") == "1" {
		return p.saveTimeZoneOnly(c)
	}
	bad := map[string]string{}
	number := func(field string, unit time.Duration) *time.Duration {
		n, err := strconv.Atoi(c.FormValue(field))
		if err != nil {
			bad[field] = "enter a whole number"
			return nil
		}
		d := time.Duration(n) * unit
		return &d
	}
	patch := applications.SettingsPatch{ResponseWindow: number("response_hours", time.Hour),
		FollowUpAfter: number("follow_up_days", 24*time.Hour)}
	if n, err := strconv.Atoi(c.FormValue("no_reply_days")); err == nil {
		patch.NoReplyDays = &n
	} else {
		bad["no_reply_days"] = "enter a whole number"
	}
	tz, tone, channel := c.FormValue("time_zone"), c.FormValue("default_tone"), c.FormValue("default_channel")
	patch.TimeZone, patch.DefaultTone, patch.DefaultChannel = &tz, &tone, &channel
	var err error = apperr.Invalid(bad)
	if len(bad) == 0 {
		_, err = p.Apps.UpdateSettings(c.Request().Context(), patch)
	}
	if err != nil {
		return p.settingsRefused(c, err)
	}
	return redirect(c, "/settings?saved=preferences#preferences")
}

// handleTokenCreate makes a token and redirects, so a reload makes none;
// the page after the redirect shows the token once.
func (p *Pages) handleTokenCreate(c echo.Context) error {
	u := p.User(c)
	plaintext, _, err := p.Accounts.CreateToken(c.Request().Context(), u.ID, c.FormValue("token_name"))
	if err != nil {
		return p.settingsRefused(c, err)
	}
	c.SetCookie(&http.Cookie{Name: flashCookie, Value: p.flashs.put(u.ID, plaintext), Path: "/settings",
		MaxAge: int(flashTTL.Seconds()), HttpOnly: true, SameSite: http.SameSiteLaxMode})
	return redirect(c, "/settings#tokens")
}

func (p *Pages) handleTokenRevoke(c echo.Context) error {
	id, err := strconv.ParseInt(c.Param("id"), 10, 64)
	if err != nil {
		return apperr.Errorf(apperr.ENOTFOUND, "token not found")
	}
	if err := p.Accounts.RevokeToken(c.Request().Context(), p.User(c).ID, id); err != nil {
		return err
	}
	return redirect(c, "/settings?saved=revoked#tokens")
}

// handlePassword changes the password; this browser stays signed in.
func (p *Pages) handlePassword(c echo.Context) error {
	err := p.Accounts.ChangePassword(c.Request().Context(), p.User(c).ID,
		c.FormValue("current_password"), c.FormValue("new_password"), p.SessionID(c))
	if err != nil {
		return p.settingsRefused(c, err)
	}
	return redirect(c, "/settings?saved=password#password")
}

// saveTimeZoneOnly takes the browser's time zone that Today offers.
func (p *Pages) saveTimeZoneOnly(c echo.Context) error {
	tz := c.FormValue("time_zone")
	if _, err := p.Apps.UpdateSettings(c.Request().Context(), applications.SettingsPatch{TimeZone: &tz}); err != nil {
		return p.settingsRefused(c, err)
	}
	return redirect(c, "/")
}
