package main

import (
	"context"
	"fmt"
	"io"
	"log/slog"
	"sync"
	"text/tabwriter"
	"time"

	"tracker/internal/api"
	"tracker/internal/applications"
	"tracker/internal/notify"
	"tracker/internal/storage"
)

// newReminders returns the reminder service of the server: e-mail through
// the configured relay (none without --smtp-addr) and webhooks.
func newReminders(db *storage.DB, apps *applications.Service, now func() time.Time, cfg Config, logger *slog.Logger) *notify.Service {
	o := notify.Options{BaseURL: cfg.BaseURL, Logger: logger}
	if cfg.SMTP.Addr != "" {
		relay := cfg.SMTP
		o.Mailer = &relay
	}
	return notify.NewService(db, apps, now, o)
}

// startReminding runs the reminders every interval (never when it is 0)
// until the returned stop is called or ctx ends.
func startReminding(ctx context.Context, r *notify.Service, every time.Duration) (stop func()) {
	if every <= 0 {
		return func() {}
	}
	ctx, cancel := context.WithCancel(ctx)
	var wg sync.WaitGroup
	wg.Go(func() { r.Run(ctx, every) })
	return func() {
		cancel()
		wg.Wait()
	}
}

// cmdReminders prints where the account's reminders go and the newest
// ones with how their delivery went; flags change the settings first, and
// --test queues a test reminder that the server sends.
func cmdReminders(ctx context.Context, a *app, args []string) error {
	var cfg Config
	fs := newFlagSet("reminders")
	cfg.registerData(fs)
	var email, hook, format, quiet string
	fs.StringVar(&email, "email", "", "send reminders to this e-mail `address`; \"\" for none")
	fs.StringVar(&hook, "webhook-url", "", "POST reminders to this `URL` (such as an ntfy topic); \"\" for none")
	fs.StringVar(&format, "webhook-format", "", "what the webhook receives: json, or ntfy for plain text with a title (`format`)")
	fs.StringVar(&quiet, "quiet-hours", "", "hold reminders back between two `times` in your time zone, such as 22:00-07:00; none for none")
	test := fs.Bool("test", false, "queue a test reminder on each channel; the running server sends it")
	limit := fs.Int("limit", 10, "how many of the newest reminders to list (`n`, 1-200)")
	asJSON := fs.Bool("json", false, "print JSON (as GET /api/v1/reminders/settings and /reminders) instead of text")
	if err := a.parseFlagsOnly(fs, &cfg, args); err != nil {
		return err
	}
	var patch notify.SettingsPatch
	given := setGiven(fs, map[string]**string{"email": &patch.Email, "webhook-url": &patch.WebhookURL,
		"webhook-format": &patch.WebhookFormat, "quiet-hours": &patch.Quiet})
	return a.withStore(ctx, &cfg, 0, func(ctx context.Context, db *storage.DB, apps *applications.Service) error {
		r := notify.NewService(db, apps, a.now, notify.Options{})
		st, err := r.Settings(ctx)
		if given {
			st, err = r.UpdateSettings(ctx, patch)
		}
		if err != nil {
			return err
		}
		if *test {
			if _, err := r.SendTest(ctx); err != nil {
				return err
			}
		}
		recent, err := r.List(ctx, *limit)
		if err != nil {
			return err
		}
		if *asJSON {
			return writeJSON(a.stdout, struct {
				Settings api.ReminderSettings `json:"settings"`
				api.Reminders
			}{api.NewReminderSettings(st), api.NewReminders(recent)})
		}
		printReminders(a.stdout, st, recent, a.now(), a.zone())
		return nil
	})
}

// printReminders writes the settings, then one line per reminder.
func printReminders(w io.Writer, st *notify.Settings, recent []notify.Notification, now time.Time, loc *time.Location) {
	none := func(s string) string {
		if s == "" {
			return "none"
		}
		return s
	}
	hook := none(st.WebhookURL)
	if st.WebhookURL != "" {
		hook += " (" + st.WebhookFormat + ")"
	}
	fmt.Fprintf(w, "Reminders:\n  E-mail       %s\n  Webhook      %s\n  Quiet hours  %s\n", none(st.Email), hook, none(st.Quiet.String()))
	if !st.Enabled() {
		fmt.Fprintln(w, "  Off: set --email or --webhook-url to be reminded.")
	}
	if len(recent) == 0 {
		return
	}
	fmt.Fprintln(w, "\nNewest:")
	tw := tabwriter.NewWriter(w, 0, 0, 2, ' ', 0)
	for _, n := range recent {
		fmt.Fprintf(tw, "  %s\t%s\t%s\t%s\n", n.CreatedAt.In(loc).Format(timeLayout), n.Channel, n.Subject, deliveryText(n, now, loc))
	}
	tw.Flush()
}

// deliveryText says how a reminder's delivery went.
func deliveryText(n notify.Notification, now time.Time, loc *time.Location) string {
	switch n.Status {
	case notify.StatusSent:
		return "sent " + n.SentAt.In(loc).Format(timeLayout)
	case notify.StatusPending:
		if n.LastError != "" {
			return fmt.Sprintf("failed %d times (%s); tries again %s", n.Attempts, n.LastError, n.NextAttemptAt.In(loc).Format(timeLayout))
		}
		if n.Held(now) {
			return "held for quiet hours until " + n.NextAttemptAt.In(loc).Format(timeLayout)
		}
		return "queued: the server sends it within a minute"
	case notify.StatusFailed:
		return fmt.Sprintf("FAILED after %d tries: %s", n.Attempts, n.LastError)
	case notify.StatusCancelled:
		return "not sent: answered in time"
	}
	return n.Status
}
