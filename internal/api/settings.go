package api

import (
	"time"

	"tracker/internal/applications"
)

// Settings is the user's settings; durations are written as people
// type them (24h, 90m) and updated_at is null until they are first saved.
type Settings struct {
	ResponseWindow string     `json:"response_window"`
	FollowUpAfter  string     `json:"follow_up_after"`
	NoReplyDays    int        `json:"no_reply_days"`
	TimeZone       string     `json:"time_zone"`
	DefaultTone    string     `json:"default_tone"`
	DefaultChannel string     `json:"default_channel"`
	UpdatedAt      *time.Time `json:"updated_at"`
}

// NewSettings returns the API's view of st.
func NewSettings(st *applications.Settings) Settings {
	v := Settings{ResponseWindow: applications.FormatDuration(st.ResponseWindow),
		FollowUpAfter: applications.FormatDuration(st.FollowUpAfter), NoReplyDays: st.NoReplyDays,
		TimeZone: st.TimeZone, DefaultTone: st.DefaultTone, DefaultChannel: st.DefaultChannel}
	if !st.UpdatedAt.IsZero() {
		v.UpdatedAt = utcPtr(&st.UpdatedAt)
	}
	return v
}

// Profile is the sender profile; updated_at is null until it is first
// saved.
type Profile struct {
	Name      string     `json:"name"`
	Email     string     `json:"email"`
	Phone     string     `json:"phone"`
	Link      string     `json:"link"`
	UpdatedAt *time.Time `json:"updated_at"`
}

// NewProfile returns the API's view of p.
func NewProfile(p *applications.Profile) Profile {
	v := Profile{Name: p.Name, Email: p.Email, Phone: p.Phone, Link: p.Link}
	if !p.UpdatedAt.IsZero() {
		v.UpdatedAt = utcPtr(&p.UpdatedAt)
	}
	return v
}
