package api

import (
	"time"

	"tracker/internal/notify"
)

// ReminderSettings is where the user's reminders go: an e-mail address, a
// webhook (json or ntfy), and quiet hours such as "22:00-07:00" in their
// time zone ("" for none).
type ReminderSettings struct {
	Email         string     `json:"email"`
	WebhookURL    string     `json:"webhook_url"`
	WebhookFormat string     `json:"webhook_format"`
	QuietHours    string     `json:"quiet_hours"`
	UpdatedAt     *time.Time `json:"updated_at"`
}

// NewReminderSettings returns the API's view of st.
func NewReminderSettings(st *notify.Settings) ReminderSettings {
	v := ReminderSettings{Email: st.Email, WebhookURL: st.WebhookURL, WebhookFormat: st.WebhookFormat, QuietHours: st.Quiet.String()}
	if !st.UpdatedAt.IsZero() {
		v.UpdatedAt = utcPtr(&st.UpdatedAt)
	}
	return v
}

// Reminder is one notification and how its delivery went.
type Reminder struct {
	ID            int64      `json:"id"`
	ApplicationID int64      `json:"application_id,omitempty"`
	Kind          string     `json:"kind"`
	Severity      string     `json:"severity"`
	Channel       string     `json:"channel"`
	Target        string     `json:"target"`
	Subject       string     `json:"subject"`
	Status        string     `json:"status"`
	Attempts      int        `json:"attempts"`
	NextAttemptAt *time.Time `json:"next_attempt_at,omitempty"`
	LastError     string     `json:"last_error,omitempty"`
	CreatedAt     time.Time  `json:"created_at"`
	SentAt        *time.Time `json:"sent_at,omitempty"`
}

// Reminders is the list of the user's newest notifications.
type Reminders struct {
	Items []Reminder `json:"items"`
}

// NewReminders returns the API's view of ns.
func NewReminders(ns []notify.Notification) Reminders {
	v := Reminders{Items: make([]Reminder, 0, len(ns))}
	for _, n := range ns {
		r := Reminder{ID: n.ID, ApplicationID: n.ApplicationID, Kind: n.Kind, Severity: n.Severity, Channel: n.Channel,
			Target: n.Target, Subject: n.Subject, Status: n.Status, Attempts: n.Attempts, LastError: n.LastError,
			CreatedAt: n.CreatedAt.UTC(), SentAt: utcPtr(n.SentAt)}
		if n.Status == notify.StatusPending {
			r.NextAttemptAt = utcPtr(&n.NextAttemptAt)
		}
		v.Items = append(v.Items, r)
	}
	return v
}
