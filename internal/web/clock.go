package web

import (
	"fmt"
	"math"
	"net/url"
	"time"

	"tracker/internal/applications"
	"tracker/internal/civil"

	"github.com/labstack/echo/v4"
)

// clock shows times in the user's time zone, and relative to now where a
// person reads them as such ("in 3 h", "2 days ago").
type clock struct {
	loc *time.Location
	now time.Time
	// Zone is the name of the user's time zone; Chosen is false while
	// the user never saved settings (the page then offers the browser's).
	Zone   string
	Chosen bool
}

// clock returns the clock of the signed-in user, UTC when their settings
// cannot be read (the page still renders).
func (p *Pages) clock(c echo.Context) *clock {
	ck := &clock{loc: time.UTC, now: time.Now(), Zone: "UTC"}
	if p.User == nil || p.User(c) == nil {
		return ck
	}
	st, err := p.Apps.Settings(c.Request().Context())
	if err != nil {
		return ck
	}
	ck.loc, ck.Zone, ck.Chosen = st.Location(), st.TimeZone, !st.UpdatedAt.IsZero()
	return ck
}

// at returns t as a time, or false for nil.
func at(t any) (time.Time, bool) {
	switch v := t.(type) {
	case time.Time:
		return v, !v.IsZero()
	case *time.Time:
		if v == nil {
			return time.Time{}, false
		}
		return *v, true
	}
	return time.Time{}, false
}

// Time formats t in the user's zone, such as "Tue 3 Mar 2026, 14:05".
func (k *clock) Time(t any) string {
	v, ok := at(t)
	if !ok {
		return ""
	}
	return v.In(k.loc).Format("Mon 2 Jan 2006, 15:04")
}

// Date formats the day of t in the user's zone.
func (k *clock) Date(t any) string {
	v, ok := at(t)
	if !ok {
		return ""
	}
	return v.In(k.loc).Format("2 Jan 2006")
}

// ISO is t for a <time datetime> attribute.
func (k *clock) ISO(t any) string {
	v, ok := at(t)
	if !ok {
		return ""
	}
	return v.UTC().Format(time.RFC3339)
}

// Input is t for a datetime-local input, in the user's zone.
func (k *clock) Input(t any) string {
	v, ok := at(t)
	if !ok {
		return ""
	}
	return v.In(k.loc).Format("2006-01-02T15:04")
}

// Rel says how far t is from now: "in 3 h", "2 days ago", "just now".
func (k *clock) Rel(t any) string {
	v, ok := at(t)
	if !ok {
		return ""
	}
	d := v.Sub(k.now)
	if d >= 0 {
		return "in " + span(d)
	}
	return span(-d) + " ago"
}

// Due says when an answer or follow-up is due, in words: "due in 3 h" or
// "overdue by 2 days".
func (k *clock) Due(t any) string {
	v, ok := at(t)
	if !ok {
		return ""
	}
	if d := v.Sub(k.now); d >= 0 {
		return "due in " + span(d)
	}
	return "overdue by " + span(k.now.Sub(v))
}

// Past reports whether t is before now.
func (k *clock) Past(t any) bool {
	v, ok := at(t)
	return ok && v.Before(k.now)
}

// span is a duration as a person says it, rounded to its largest unit.
func span(d time.Duration) string {
	switch {
	case d < time.Minute:
		return "less than a minute"
	case d < time.Hour:
		return plural(int(d.Minutes()), "min", "min")
	case d < 48*time.Hour:
		return plural(int(math.Round(d.Hours())), "h", "h")
	}
	return plural(int(math.Round(d.Hours()/24)), "day", "days")
}

func plural(n int, one, many string) string {
	if n == 1 {
		return "1 " + one
	}
	return fmt.Sprintf("%d %s", n, many)
}

// today is the user's day.
func (k *clock) today() civil.Date { return civil.Of(k.now.In(k.loc)) }

// Today is the user's day, YYYY-MM-DD, as a date input takes it.
func (k *clock) Today() string { return k.today().String() }

// parseInput reads a datetime-local value typed in the user's zone.
func (k *clock) parseInput(s string) (*time.Time, error) {
	if s == "" {
		return nil, nil
	}
	for _, layout := range []string{"2006-01-02T15:04", "2006-01-02T15:04:05", "2006-01-02"} {
		if t, err := time.ParseInLocation(layout, s, k.loc); err == nil {
			return &t, nil
		}
	}
	return nil, fmt.Errorf("not a date and time")
}

// InvForm fills an invitation's edit form from the stored invitation.
func (k *clock) InvForm(inv applications.Invitation) url.Values {
	return url.Values{"received_at": {k.Input(inv.ReceivedAt)}, "respond_by": {k.Input(inv.RespondBy)},
		"interview_at": {k.Input(inv.InterviewAt)}, "format": {inv.Format}, "message": {inv.Message}}
}
