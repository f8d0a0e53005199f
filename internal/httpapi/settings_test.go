package httpapi_test

import (
	"net/http"
	"testing"
	"time"
)

// settings is the JSON of GET /api/v1/settings.
type settings struct {
	ResponseWindow string     `json:"response_window"`
	FollowUpAfter  string     `json:"follow_up_after"`
	NoReplyDays    int        `json:"no_reply_days"`
	TimeZone       string     `json:"time_zone"`
	DefaultTone    string     `json:"default_tone"`
	DefaultChannel string     `json:"default_channel"`
	UpdatedAt      *time.Time `json:"updated_at"`
}

const settingsURL = "/api/v1/settings"

// TestSettingsSetTheDeadline reads the defaults, stores a longer response
// window, and sees the invitation's deadline move with it.
func TestSettingsSetTheDeadline(t *testing.T) {
	s := newServer(t)
	var st settings
	s.must("GET", settingsURL, "", http.StatusOK, &st)
	want := settings{ResponseWindow: "24h", FollowUpAfter: "72h", NoReplyDays: 21, TimeZone: "UTC", DefaultTone: "formal", DefaultChannel: "email"}
	if st != want {
		t.Fatalf("defaults = %+v, want %+v", st, want)
	}
	var d struct {
		Invitations []struct {
			DeadlineAt time.Time `json:"deadline_at"`
		} `json:"invitations"`
	}
	s.must("POST", "/api/v1/applications", `{"company":"Acme","role":"Dev","invitation":{"received_at":"`+rfc3339(start)+`"}}`, http.StatusCreated, &d)
	if got := d.Invitations[0].DeadlineAt; !got.Equal(start.Add(24 * time.Hour)) {
		t.Fatalf("deadline under the default window = %v", got)
	}
	s.must("PATCH", settingsURL, `{"response_window":"72h","time_zone":"Europe/Berlin","no_reply_days":14}`, http.StatusOK, &st)
	if st.ResponseWindow != "72h" || st.TimeZone != "Europe/Berlin" || st.NoReplyDays != 14 || st.FollowUpAfter != "72h" || st.UpdatedAt == nil {
		t.Fatalf("patched settings = %+v", st)
	}
	s.must("GET", "/api/v1/applications/1", "", http.StatusOK, &d)
	if got := d.Invitations[0].DeadlineAt; !got.Equal(start.Add(72 * time.Hour)) {
		t.Fatalf("deadline under the stored 72h window = %v", got)
	}
}

func TestSettingsRefused(t *testing.T) {
	s := newServer(t)
	for _, sc := range []scenario{
		{"not a duration", "PATCH", settingsURL, `{"response_window":"soon","follow_up_after":"2d"}`, "", 422,
			[]string{`"response_window":"response_window must be a duration such as 24h`, `"follow_up_after":`}},
		{"out of bounds", "PATCH", settingsURL, `{"response_window":"10m","follow_up_after":"2000h","no_reply_days":0}`, "", 422,
			[]string{`"response_window":"response_window must be a duration in whole minutes from 1h to 720h`, `"follow_up_after":`, `"no_reply_days":"no_reply_days must be a whole number of days from 1 to 365"`}},
		{"unknown zone", "PATCH", settingsURL, `{"time_zone":"Mars/Olympus"}`, "", 422, []string{`"time_zone":"time_zone \"Mars/Olympus\" is not a known time zone`}},
		{"server's zone", "PATCH", settingsURL, `{"time_zone":"Local"}`, "", 422, []string{`"time_zone":`}},
		{"bad tone and channel", "PATCH", settingsURL, `{"default_tone":"loud","default_channel":"fax"}`, "", 422,
			[]string{`"default_tone":"default_tone must be one of formal, warm"`, `"default_channel":"default_channel must be one of email, phone, message"`}},
		{"wrong type", "PATCH", settingsURL, `{"no_reply_days":"ten"}`, "", 400, []string{`"no_reply_days":`}},
		{"unknown field", "PATCH", settingsURL, `{"window":"24h"}`, "", 400, []string{`"window":`}},
		{"refusals saved nothing", "GET", settingsURL, "", "", 200, []string{`"response_window":"24h"`, `"updated_at":null`}},
	} {
		t.Run(sc.name, func(t *testing.T) { s.run(t, sc) })
	}
}
