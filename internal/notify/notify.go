// Package notify sends reminders when an application gains a warning: an
// invitation nearing or past its answer deadline, a follow-up due, an
// interview passed, silence. Each warning (application, kind, severity, due
// time) is notified once per channel the user set up: e-mail over SMTP, or
// a webhook (JSON, or plain text that ntfy accepts). A scanner inside every
// server finds new warnings and queues them; a sender claims each queued
// notification with one conditional update before it sends, so several
// servers sharing one database deliver each exactly once. Failed deliveries
// are retried with backoff and shown to the user; quiet hours hold them
// back until morning in the user's time zone.
package notify

import (
	"context"
	"fmt"
	"net/mail"
	"net/url"
	"strings"
	"time"

	"tracker/internal/apperr"
)

// The channels a notification goes out on.
const (
	ChannelEmail   = "email"
	ChannelWebhook = "webhook"
	ChannelNtfy    = "ntfy"
)

// The webhook formats.
const (
	FormatJSON = "json"
	FormatNtfy = "ntfy"
)

// The states of a notification.
const (
	StatusPending   = "pending"   // queued, waiting for its next attempt
	StatusSending   = "sending"   // claimed by a server until claimed_until
	StatusSent      = "sent"      // delivered
	StatusFailed    = "failed"    // every attempt failed
	StatusCancelled = "cancelled" // the warning went away before it was sent
)

// KindTest is the kind of a notification the user asked for to try their
// channels; it belongs to no application.
const KindTest = "test"

// Settings are one user's reminder channels and quiet hours.
type Settings struct {
	// Email is where e-mail reminders go; empty for none.
	Email string
	// WebhookURL receives a POST per reminder; empty for none.
	WebhookURL string
	// WebhookFormat is FormatJSON or FormatNtfy (plain text with a Title
	// and a Priority header).
	WebhookFormat string
	// Quiet holds reminders back between its start and end in the user's
	// time zone; nil for none.
	Quiet *QuietHours
	// UpdatedAt is zero until the user first saves them.
	UpdatedAt time.Time
}

// Enabled reports whether any channel is set up.
func (st Settings) Enabled() bool { return st.Email != "" || st.WebhookURL != "" }

// targets returns the channel and target of each channel set up.
func (st Settings) targets() [][2]string {
	var ts [][2]string
	if st.Email != "" {
		ts = append(ts, [2]string{ChannelEmail, st.Email})
	}
	if st.WebhookURL != "" {
		ch := ChannelWebhook
		if st.WebhookFormat == FormatNtfy {
			ch = ChannelNtfy
		}
		ts = append(ts, [2]string{ch, st.WebhookURL})
	}
	return ts
}

// SettingsPatch is a partial update of the settings: nil leaves a field as
// it is. An empty string turns a channel off; Quiet set to "" or "none"
// turns quiet hours off.
type SettingsPatch struct {
	Email         *string
	WebhookURL    *string
	WebhookFormat *string
	// Quiet is "HH:MM-HH:MM" in the user's time zone, such as 22:00-07:00.
	Quiet *string
}

// apply sets the patch's fields on st, or returns an EINVALID error that
// names each bad field.
func (p SettingsPatch) apply(st *Settings) error {
	bad := map[string]string{}
	if p.Email != nil {
		st.Email = strings.TrimSpace(*p.Email)
		if a, err := mail.ParseAddress(st.Email); st.Email != "" && (err != nil || a.Address != st.Email || len(st.Email) > 254) {
			bad["email"] = "must be an e-mail address such as you@example.com, or empty for none"
		}
	}
	if p.WebhookURL != nil {
		st.WebhookURL = strings.TrimSpace(*p.WebhookURL)
		if u, err := url.Parse(st.WebhookURL); st.WebhookURL != "" &&
			(err != nil || (u.Scheme != "http" && u.Scheme != "https") || u.Host == "" || len(st.WebhookURL) > 2000) {
			bad["webhook_url"] = "must be an http:// or https:// URL, or empty for none"
		}
	}
	if p.WebhookFormat != nil {
		st.WebhookFormat = strings.ToLower(strings.TrimSpace(*p.WebhookFormat))
		if st.WebhookFormat != FormatJSON && st.WebhookFormat != FormatNtfy {
			bad["webhook_format"] = "must be json or ntfy"
		}
	}
	if p.Quiet != nil {
		q, err := ParseQuietHours(*p.Quiet)
		if err != nil {
			bad["quiet_hours"] = err.Error()
		}
		st.Quiet = q
	}
	if len(bad) > 0 {
		return &apperr.Error{Code: apperr.EINVALID, Message: "the reminder settings are not valid", Fields: bad}
	}
	return nil
}

// DefaultSettings are the settings of a user who never set reminders up:
// no channel, no quiet hours.
func DefaultSettings() Settings { return Settings{WebhookFormat: FormatJSON} }

// Notification is one reminder on one channel.
type Notification struct {
	ID      int64
	OwnerID int64
	// ApplicationID is zero for a test notification.
	ApplicationID int64
	Kind          string
	Severity      string
	DueAt         time.Time
	Channel       string
	// Target is the address or URL it goes to, as set when it was queued.
	Target        string
	Subject, Body string
	Status        string
	Attempts      int
	NextAttemptAt time.Time
	LastError     string
	CreatedAt     time.Time
	SentAt        *time.Time
}

// Store keeps the settings and the queue. Methods that act for one user
// take them from ctx (applications.WithOwner).
type Store interface {
	InTx(ctx context.Context, fn func(ctx context.Context) error) error
	// GetNotifySettings returns the user's settings, ENOTFOUND if none.
	GetNotifySettings(ctx context.Context) (*Settings, error)
	SaveNotifySettings(ctx context.Context, st *Settings) error
	// NotifyOwners lists the users with any channel set up.
	NotifyOwners(ctx context.Context) ([]int64, error)
	// QueueNotifications inserts ns, skipping any already queued for the
	// same application, kind, severity, due time and channel; it returns
	// how many were new.
	QueueNotifications(ctx context.Context, ns []Notification) (int, error)
	// ClaimNotification marks one notification whose attempt is due at
	// now (pending, or sending with a lease run out) as sending until
	// leaseUntil and counts the attempt, in one conditional update that
	// no other server can also win; nil when there is none.
	ClaimNotification(ctx context.Context, now, leaseUntil time.Time) (*Notification, error)
	// FinishNotification records the outcome of the claimed attempt: the
	// new status, when to try next (pending), the error, the time sent.
	FinishNotification(ctx context.Context, n *Notification) error
	// ListNotifications returns the user's newest notifications, at most
	// limit.
	ListNotifications(ctx context.Context, limit int) ([]Notification, error)
}

// Retries: the wait before attempt n+1 doubles from a minute up to an hour;
// after maxAttempts failures a notification is failed.
const (
	firstRetry  = time.Minute
	lastRetry   = time.Hour
	maxAttempts = 6
	// lease is how long a claim holds: a sender that dies mid-send leaves
	// the notification to be tried again after it.
	lease = 2 * time.Minute
)

// retryAfter is the wait after the attempts-th failed attempt.
func retryAfter(attempts int) time.Duration {
	d := firstRetry
	for i := 1; i < attempts && d < lastRetry; i++ {
		d *= 2
	}
	return min(d, lastRetry)
}

// deliveryError is a failed attempt, worded for the user.
func deliveryError(channel string, err error) string {
	msg := []rune(strings.ToValidUTF8(err.Error(), "?"))
	if len(msg) > 300 {
		msg = append(msg[:300], []rune("...")...)
	}
	return fmt.Sprintf("%s: %s", channel, string(msg))
}

// Held reports whether a pending notification waits for a later time (a
// retry, or the end of quiet hours) rather than for the next round.
func (n Notification) Held(now time.Time) bool {
	return n.Status == StatusPending && n.NextAttemptAt.After(now)
}
