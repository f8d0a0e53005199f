package storage

import (
	"context"
	"fmt"
	"time"

	"gorm.io/gorm/clause"

	"tracker/internal/apperr"
	"tracker/internal/notify"
)

type notifySettingsRow struct {
	OwnerID       int64 `gorm:"primaryKey;autoIncrement:false"`
	Email         string
	WebhookURL    string `gorm:"column:webhook_url"`
	WebhookFormat string
	QuietStart    *int
	QuietEnd      *int
	UpdatedAt     time.Time `gorm:"autoUpdateTime:false"`
}

func (notifySettingsRow) TableName() string { return "notify_settings" }

// GetNotifySettings returns the reminder settings of the user in ctx, or
// ENOTFOUND when they have none.
func (db *DB) GetNotifySettings(ctx context.Context) (*notify.Settings, error) {
	uid, err := owner(ctx)
	if err != nil {
		return nil, err
	}
	var rows []notifySettingsRow
	if err := db.conn(ctx).Where("owner_id = ?", uid).Limit(1).Find(&rows).Error; err != nil {
		return nil, fmt.Errorf("get reminder settings: %w", err)
	}
	if len(rows) == 0 {
		return nil, apperr.Errorf(apperr.ENOTFOUND, "no reminder settings")
	}
	r := rows[0]
	st := &notify.Settings{Email: r.Email, WebhookURL: r.WebhookURL, WebhookFormat: r.WebhookFormat, UpdatedAt: r.UpdatedAt}
	if r.QuietStart != nil && r.QuietEnd != nil {
		st.Quiet = &notify.QuietHours{Start: *r.QuietStart, End: *r.QuietEnd}
	}
	return st, nil
}

// SaveNotifySettings stores the reminder settings of the user in ctx.
func (db *DB) SaveNotifySettings(ctx context.Context, st *notify.Settings) error {
	uid, err := owner(ctx)
	if err != nil {
		return err
	}
	r := notifySettingsRow{OwnerID: uid, Email: st.Email, WebhookURL: st.WebhookURL, WebhookFormat: st.WebhookFormat,
		UpdatedAt: st.UpdatedAt.UTC()}
	if st.Quiet != nil {
		r.QuietStart, r.QuietEnd = &st.Quiet.Start, &st.Quiet.End
	}
	err = db.conn(ctx).Clauses(clause.OnConflict{Columns: []clause.Column{{Name: "owner_id"}}, UpdateAll: true}).Create(&r).Error
	if err != nil {
		return fmt.Errorf("save reminder settings: %w", err)
	}
	return nil
}

// NotifyOwners lists the users with an e-mail address or a webhook set.
func (db *DB) NotifyOwners(ctx context.Context) ([]int64, error) {
	var ids []int64
	err := db.read.WithContext(ctx).Model(&notifySettingsRow{}).
		Where("email <> '' OR webhook_url <> ''").Order("owner_id").Pluck("owner_id", &ids).Error
	if err != nil {
		return nil, fmt.Errorf("list users with reminders: %w", err)
	}
	return ids, nil
}

type notificationRow struct {
	ID            int64
	OwnerID       int64
	ApplicationID *int64
	Kind          string
	Severity      string
	DueAt         time.Time
	Channel       string
	Target        string
	Subject       string
	Body          string
	Status        string
	Attempts      int
	NextAttemptAt time.Time
	ClaimedUntil  *time.Time
	LastError     string
	CreatedAt     time.Time `gorm:"autoCreateTime:false"`
	SentAt        *time.Time
}

func (notificationRow) TableName() string { return "notifications" }

func toNotificationRow(n *notify.Notification) notificationRow {
	r := notificationRow{ID: n.ID, OwnerID: n.OwnerID, Kind: n.Kind, Severity: n.Severity, DueAt: n.DueAt.UTC(),
		Channel: n.Channel, Target: n.Target, Subject: n.Subject, Body: n.Body, Status: n.Status, Attempts: n.Attempts,
		NextAttemptAt: n.NextAttemptAt.UTC(), LastError: n.LastError, CreatedAt: n.CreatedAt.UTC(), SentAt: utcPtr(n.SentAt)}
	if n.ApplicationID != 0 {
		r.ApplicationID = &n.ApplicationID
	}
	return r
}

func (r notificationRow) toNotification() notify.Notification {
	n := notify.Notification{ID: r.ID, OwnerID: r.OwnerID, Kind: r.Kind, Severity: r.Severity, DueAt: r.DueAt.UTC(),
		Channel: r.Channel, Target: r.Target, Subject: r.Subject, Body: r.Body, Status: r.Status, Attempts: r.Attempts,
		NextAttemptAt: r.NextAttemptAt.UTC(), LastError: r.LastError, CreatedAt: r.CreatedAt.UTC(), SentAt: utcPtr(r.SentAt)}
	if r.ApplicationID != nil {
		n.ApplicationID = *r.ApplicationID
	}
	return n
}

func utcPtr(t *time.Time) *time.Time {
	if t == nil {
		return nil
	}
	u := t.UTC()
	return &u
}

// QueueNotifications inserts ns, skipping those already queued for the
// same warning and channel (the unique key notifications_once).
func (db *DB) QueueNotifications(ctx context.Context, ns []notify.Notification) (int, error) {
	if len(ns) == 0 {
		return 0, nil
	}
	rows := make([]notificationRow, len(ns))
	for i := range ns {
		rows[i] = toNotificationRow(&ns[i])
		rows[i].ID = 0
	}
	res := db.conn(ctx).Clauses(clause.OnConflict{DoNothing: true}).CreateInBatches(rows, 200)
	if res.Error != nil {
		return 0, fmt.Errorf("queue notifications: %w", res.Error)
	}
	return int(res.RowsAffected), nil
}

// ClaimNotification claims the notification due first, in one UPDATE
// whose WHERE only one server can satisfy: on PostgreSQL the row is locked
// and skipped by the others (FOR UPDATE SKIP LOCKED); on SQLite the one
// writer runs the statement whole.
func (db *DB) ClaimNotification(ctx context.Context, now, leaseUntil time.Time) (*notify.Notification, error) {
	lock := ""
	if db.postgres {
		lock = " FOR UPDATE SKIP LOCKED"
	}
	now = now.UTC()
	var rows []notificationRow
	err := db.conn(ctx).Raw(`UPDATE notifications SET status = 'sending', claimed_until = ?, attempts = attempts + 1
		WHERE id = (SELECT id FROM notifications
		            WHERE next_attempt_at <= ? AND (status = 'pending' OR (status = 'sending' AND claimed_until < ?))
		            ORDER BY next_attempt_at, id LIMIT 1`+lock+`)
		RETURNING *`, leaseUntil.UTC(), now, now).Scan(&rows).Error
	if err != nil {
		return nil, fmt.Errorf("claim a notification: %w", unavailable(err))
	}
	if len(rows) == 0 {
		return nil, nil
	}
	n := rows[0].toNotification()
	return &n, nil
}

// FinishNotification records the outcome of a claimed attempt, if the
// claim is still the sender's (status sending, attempts unchanged).
func (db *DB) FinishNotification(ctx context.Context, n *notify.Notification) error {
	r := toNotificationRow(n)
	res := db.conn(ctx).Model(&notificationRow{}).Where("id = ? AND status = 'sending' AND attempts = ?", n.ID, n.Attempts).
		Updates(map[string]any{"status": r.Status, "next_attempt_at": r.NextAttemptAt, "last_error": r.LastError,
			"sent_at": r.SentAt, "claimed_until": nil})
	if res.Error != nil {
		return fmt.Errorf("finish notification %d: %w", n.ID, unavailable(res.Error))
	}
	return nil
}

// ListNotifications returns the newest notifications of the user in ctx.
func (db *DB) ListNotifications(ctx context.Context, limit int) ([]notify.Notification, error) {
	uid, err := owner(ctx)
	if err != nil {
		return nil, err
	}
	var rows []notificationRow
	if err := db.conn(ctx).Where("owner_id = ?", uid).Order("id DESC").Limit(limit).Find(&rows).Error; err != nil {
		return nil, fmt.Errorf("list notifications: %w", err)
	}
	ns := make([]notify.Notification, len(rows))
	for i, r := range rows {
		ns[i] = r.toNotification()
	}
	return ns, nil
}
