package notify

import (
	"context"
	"errors"
	"log/slog"
	"time"

	"tracker/internal/apperr"
	"tracker/internal/applications"
)

// Apps is what the reminders read of the applications: the user's
// warnings and settings (the time zone), the same the API and pages show.
type Apps interface {
	WarningsPage(ctx context.Context, f applications.WarningFilter) (*applications.WarningPage, error)
	ApplicationWarnings(ctx context.Context, id int64) ([]applications.Warning, error)
	Settings(ctx context.Context) (*applications.Settings, error)
}

// Sender delivers a notification on its channel.
type Sender interface {
	Send(ctx context.Context, n *Notification) error
}

// Options configure the senders. A nil Mailer leaves e-mail reminders
// failing with a message that says the server has no SMTP relay.
type Options struct {
	Mailer  Sender
	Webhook Sender
	// BaseURL, when set, links each reminder to its application.
	BaseURL string
	Logger  *slog.Logger
}

// Service queues and delivers reminders.
type Service struct {
	store   Store
	apps    Apps
	now     func() time.Time
	senders map[string]Sender
	baseURL string
	logger  *slog.Logger
}

// NewService returns the reminder service.
func NewService(store Store, apps Apps, now func() time.Time, o Options) *Service {
	if o.Logger == nil {
		o.Logger = slog.New(slog.DiscardHandler)
	}
	if o.Mailer == nil {
		o.Mailer = noMailer{}
	}
	if o.Webhook == nil {
		o.Webhook = NewWebhook(nil)
	}
	return &Service{store: store, apps: apps, now: now, baseURL: o.BaseURL, logger: o.Logger,
		senders: map[string]Sender{ChannelEmail: o.Mailer, ChannelWebhook: o.Webhook, ChannelNtfy: o.Webhook}}
}

// noMailer stands for the SMTP relay of a server started without one.
type noMailer struct{}

func (noMailer) Send(context.Context, *Notification) error {
	return errors.New("this server has no SMTP relay set up (tracker serve --smtp-addr)")
}

// Settings returns the reminder settings of the user in ctx.
func (s *Service) Settings(ctx context.Context) (*Settings, error) {
	st, err := s.settings(ctx)
	return &st, err
}

func (s *Service) settings(ctx context.Context) (Settings, error) {
	st, err := s.store.GetNotifySettings(ctx)
	if apperr.ErrorCode(err) == apperr.ENOTFOUND {
		return DefaultSettings(), nil
	}
	if err != nil {
		return Settings{}, err
	}
	return *st, nil
}

// UpdateSettings applies patch to the user's settings; nothing is saved
// when a field is invalid.
func (s *Service) UpdateSettings(ctx context.Context, patch SettingsPatch) (*Settings, error) {
	var st Settings
	err := s.store.InTx(ctx, func(ctx context.Context) error {
		var err error
		if st, err = s.settings(ctx); err != nil {
			return err
		}
		if err := patch.apply(&st); err != nil {
			return err
		}
		st.UpdatedAt = s.now()
		return s.store.SaveNotifySettings(ctx, &st)
	})
	return &st, err
}

// List returns the user's newest notifications, at most limit (1-200).
func (s *Service) List(ctx context.Context, limit int) ([]Notification, error) {
	if limit < 1 || limit > 200 {
		return nil, apperr.Errorf(apperr.EINVALID, "limit must be between 1 and 200")
	}
	return s.store.ListNotifications(ctx, limit)
}

// SendTest queues a test notification on each channel the user set up,
// to be sent at once (quiet hours do not hold it back); the next delivery
// round sends it and List shows how it went.
func (s *Service) SendTest(ctx context.Context) ([]Notification, error) {
	st, err := s.settings(ctx)
	if err != nil {
		return nil, err
	}
	if !st.Enabled() {
		return nil, &apperr.Error{Code: apperr.EINVALID, Message: "set up an e-mail address or a webhook first",
			Fields: map[string]string{"email": "set an address or a webhook URL to test"}}
	}
	uid, _ := applications.OwnerFrom(ctx)
	now := s.now()
	var ns []Notification
	for _, t := range st.targets() {
		ns = append(ns, Notification{OwnerID: uid, Kind: KindTest, Severity: "test", DueAt: now, Channel: t[0], Target: t[1],
			Subject: "Test reminder from the tracker",
			Body:    "This is a test. Reminders about invitations and follow-ups will reach you here.\n",
			Status:  StatusPending, NextAttemptAt: now, CreatedAt: now})
	}
	if _, err := s.store.QueueNotifications(ctx, ns); err != nil {
		return nil, err
	}
	return ns, nil
}
