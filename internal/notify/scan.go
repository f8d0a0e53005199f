package notify

import (
	"context"
	"errors"
	"fmt"
	"log/slog"
	"strings"
	"time"

	"tracker/internal/applications"
	"tracker/internal/decline"
)

// Run scans and delivers every interval until ctx ends. Every server runs
// it; the queue's unique key and the claim keep them from doubling up.
func (s *Service) Run(ctx context.Context, every time.Duration) {
	t := time.NewTicker(every)
	defer t.Stop()
	for {
		if err := s.Scan(ctx); err != nil && ctx.Err() == nil {
			s.logger.Error("reminders: scanning for warnings", slog.Any("error", err))
		}
		if _, err := s.Deliver(ctx); err != nil && ctx.Err() == nil {
			s.logger.Error("reminders: delivering", slog.Any("error", err))
		}
		select {
		case <-ctx.Done():
			return
		case <-t.C:
		}
	}
}

// Scan queues a notification for each warning of each user with a channel
// set up, once per warning, severity and channel. One user's failure does
// not keep the others from their reminders.
func (s *Service) Scan(ctx context.Context) error {
	owners, err := s.store.NotifyOwners(ctx)
	if err != nil {
		return err
	}
	var errs []error
	for _, uid := range owners {
		if err := s.scanUser(applications.WithOwner(ctx, uid), uid); err != nil {
			errs = append(errs, fmt.Errorf("user %d: %w", uid, err))
		}
	}
	return errors.Join(errs...)
}

func (s *Service) scanUser(ctx context.Context, uid int64) error {
	st, err := s.settings(ctx)
	if err != nil || !st.Enabled() {
		return err
	}
	as, err := s.apps.Settings(ctx)
	if err != nil {
		return err
	}
	// The pages are read as of the time of the first, so a warning that
	// changes its severity meanwhile is neither skipped nor read twice.
	f, now := applications.WarningFilter{Limit: scanBatch}, s.now()
	for {
		p, err := s.apps.WarningsPage(ctx, f)
		if err != nil {
			return err
		}
		if err := s.queue(ctx, uid, st, now, as.Location(), p.Items); err != nil {
			return err
		}
		if p.NextCursor == "" {
			return nil
		}
		f.Cursor = p.NextCursor
	}
}

// scanBatch is how many warnings a scan reads and queues at a time.
const scanBatch = applications.MaxPageSize

// queue queues the reminders of ws on each of the user's channels.
func (s *Service) queue(ctx context.Context, uid int64, st Settings, now time.Time, loc *time.Location, ws []applications.Warning) error {
	if len(ws) == 0 {
		return nil
	}
	next := st.Quiet.Next(now, loc)
	var ns []Notification
	for _, w := range ws {
		subject, body := s.compose(w, now, loc)
		for _, t := range st.targets() {
			ns = append(ns, Notification{OwnerID: uid, ApplicationID: w.ApplicationID, Kind: w.Kind,
				Severity: string(w.Severity), DueAt: w.DueAt, Channel: t[0], Target: t[1], Subject: subject, Body: body,
				Status: StatusPending, NextAttemptAt: next, CreatedAt: now})
		}
	}
	_, err := s.store.QueueNotifications(ctx, ns)
	return err
}

// Deliver claims and sends due notifications until none is left, and
// returns how many were sent.
func (s *Service) Deliver(ctx context.Context) (int, error) {
	sent := 0
	for ctx.Err() == nil {
		now := s.now()
		n, err := s.store.ClaimNotification(ctx, now, now.Add(lease))
		if err != nil || n == nil {
			return sent, err
		}
		if err := s.attempt(ctx, n); err != nil {
			return sent, err
		}
		if n.Status == StatusSent {
			sent++
		}
	}
	return sent, ctx.Err()
}

// attempt sends one claimed notification, unless its warning went away
// meanwhile, and records the outcome.
func (s *Service) attempt(ctx context.Context, n *Notification) error {
	octx := applications.WithOwner(ctx, n.OwnerID)
	still, err := s.stillWarned(octx, n)
	if err != nil {
		return err
	}
	switch {
	case !still:
		n.Status = StatusCancelled
	default:
		err := s.senders[n.Channel].Send(ctx, n)
		now := s.now()
		if err == nil {
			n.Status, n.SentAt, n.LastError = StatusSent, &now, ""
			break
		}
		n.LastError = deliveryError(n.Channel, err)
		s.logger.Warn("reminders: delivery failed", slog.Int64("notification", n.ID),
			slog.Int("attempt", n.Attempts), slog.String("error", n.LastError))
		if n.Attempts >= maxAttempts {
			n.Status = StatusFailed
			break
		}
		n.Status, n.NextAttemptAt = StatusPending, now.Add(retryAfter(n.Attempts))
		if err := s.holdForQuiet(octx, n); err != nil {
			return err
		}
	}
	return s.store.FinishNotification(ctx, n)
}

// stillWarned reports whether n's warning still stands at its severity: a
// reminder about an invitation answered meanwhile is not sent.
func (s *Service) stillWarned(ctx context.Context, n *Notification) (bool, error) {
	if n.Kind == KindTest {
		return true, nil
	}
	ws, err := s.apps.ApplicationWarnings(ctx, n.ApplicationID)
	if err != nil {
		return false, err
	}
	for _, w := range ws {
		if w.ApplicationID == n.ApplicationID && w.Kind == n.Kind && string(w.Severity) == n.Severity && w.DueAt.Equal(n.DueAt) {
			return true, nil
		}
	}
	return false, nil
}

// holdForQuiet moves a retry that would fall in the user's quiet hours to
// their end.
func (s *Service) holdForQuiet(ctx context.Context, n *Notification) error {
	st, err := s.settings(ctx)
	if err != nil {
		return err
	}
	as, err := s.apps.Settings(ctx)
	if err != nil {
		return err
	}
	n.NextAttemptAt = st.Quiet.Next(n.NextAttemptAt, as.Location())
	return nil
}

// compose words the reminder of w, with times in the user's zone.
func (s *Service) compose(w applications.Warning, now time.Time, loc *time.Location) (subject, body string) {
	urgency := map[decline.Severity]string{decline.DueSoon: "Due soon", decline.Overdue: "Overdue", decline.Critical: "Urgent"}[w.Severity]
	if urgency == "" {
		urgency = "Reminder"
	}
	what := map[string]string{
		applications.WarningResponse:        "the interview invitation needs your answer",
		applications.WarningFollowUp:        "the follow-up to your decline",
		applications.WarningInterviewPassed: "the interview has passed: record how it went",
		applications.WarningNoReply:         "no word since your last step",
	}[w.Kind]
	if what == "" {
		what = strings.ReplaceAll(w.Kind, "_", " ")
	}
	subject = fmt.Sprintf("%s: %s, %s", urgency, w.Company, w.Role)
	due := "due"
	if !w.DueAt.After(now) {
		due = "was due"
	}
	var b strings.Builder
	fmt.Fprintf(&b, "%s, %s: %s.\n", w.Company, w.Role, what)
	fmt.Fprintf(&b, "It %s %s.\n", due, w.DueAt.In(loc).Format("Mon 2 Jan 2006, 15:04 MST"))
	if w.NextStep != "" {
		fmt.Fprintf(&b, "\n%s\n", w.NextStep)
	}
	if s.baseURL != "" {
		fmt.Fprintf(&b, "\n%s/applications/%d\n", strings.TrimRight(s.baseURL, "/"), w.ApplicationID)
	}
	b.WriteString("\nYou get this because reminders are on in your tracker settings.\n")
	return subject, b.String()
}
