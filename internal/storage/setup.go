package storage

import (
	"context"
	"errors"
	"fmt"
	"time"

	"gorm.io/gorm"

	"tracker/internal/accounts"
	"tracker/internal/apperr"
)

type setupTokenRow struct {
	TokenHash string `gorm:"primaryKey"`
	ExpiresAt time.Time
	UsedAt    *time.Time
}

func (setupTokenRow) TableName() string { return "setup_tokens" }

// CreateSetupToken inserts t.
func (db *DB) CreateSetupToken(ctx context.Context, t *accounts.SetupToken) error {
	row := setupTokenRow{TokenHash: t.TokenHash, ExpiresAt: t.ExpiresAt.UTC(), UsedAt: utc(t.UsedAt)}
	if err := db.conn(ctx).Create(&row).Error; err != nil {
		return fmt.Errorf("create setup token: %w", err)
	}
	return nil
}

// SetupTokenByHash returns the setup token with the hash, or ENOTFOUND.
func (db *DB) SetupTokenByHash(ctx context.Context, tokenHash string) (*accounts.SetupToken, error) {
	var r setupTokenRow
	err := db.conn(ctx).Where("token_hash = ?", tokenHash).Take(&r).Error
	if errors.Is(err, gorm.ErrRecordNotFound) {
		return nil, apperr.Errorf(apperr.ENOTFOUND, "no such setup token")
	}
	if err != nil {
		return nil, fmt.Errorf("get setup token: %w", err)
	}
	return &accounts.SetupToken{TokenHash: r.TokenHash, ExpiresAt: r.ExpiresAt.UTC(), UsedAt: utc(r.UsedAt)}, nil
}

// UseSetupToken marks the token used if it is not yet. The unique index
// on used tokens makes a second set-up, even with another token, fail
// with ECONFLICT.
func (db *DB) UseSetupToken(ctx context.Context, tokenHash string, at time.Time) error {
	res := db.conn(ctx).Model(&setupTokenRow{}).Where("token_hash = ? AND used_at IS NULL", tokenHash).
		Update("used_at", at.UTC())
	if res.Error == nil && res.RowsAffected == 1 {
		return nil
	}
	if res.Error == nil || db.isDuplicate(res.Error) {
		return apperr.Errorf(apperr.ECONFLICT, "the tracker has already been set up")
	}
	return fmt.Errorf("use setup token: %w", res.Error)
}

// DeleteStaleSetupTokens removes used setup tokens and those expired at now.
func (db *DB) DeleteStaleSetupTokens(ctx context.Context, now time.Time) error {
	err := db.conn(ctx).Where("used_at IS NOT NULL OR expires_at < ?", now.UTC()).Delete(&setupTokenRow{}).Error
	if err != nil {
		return fmt.Errorf("delete stale setup tokens: %w", err)
	}
	return nil
}

type loginAttemptRow struct {
	ID  int64 `gorm:"primaryKey"`
	Key string
	At  time.Time
}

func (loginAttemptRow) TableName() string { return "login_attempts" }

// CountLoginAttempts returns how many attempts under key were made after
// since, and when the oldest was. On PostgreSQL it first takes a
// transaction-scoped advisory lock on key, so that a concurrent
// transaction counting the same key waits until this one has recorded its
// attempt; on SQLite the single writer already serialises them.
func (db *DB) CountLoginAttempts(ctx context.Context, key string, since time.Time) (int, time.Time, error) {
	conn := db.conn(ctx)
	if conn.Dialector.Name() == "postgres" {
		if err := conn.Exec("SELECT pg_advisory_xact_lock(hashtext(?))", key).Error; err != nil {
			return 0, time.Time{}, fmt.Errorf("lock login attempts: %w", err)
		}
	}
	var times []time.Time
	err := conn.Model(&loginAttemptRow{}).Where(`"key" = ? AND at > ?`, key, since.UTC()).Order("at").Pluck("at", &times).Error
	if err != nil {
		return 0, time.Time{}, fmt.Errorf("count login attempts: %w", err)
	}
	if len(times) == 0 {
		return 0, time.Time{}, nil
	}
	return len(times), times[0].UTC(), nil
}

// AddLoginAttempt records an attempt under key and returns its id.
func (db *DB) AddLoginAttempt(ctx context.Context, key string, at time.Time) (int64, error) {
	row := loginAttemptRow{Key: key, At: at.UTC()}
	if err := db.conn(ctx).Create(&row).Error; err != nil {
		return 0, fmt.Errorf("add login attempt: %w", err)
	}
	return row.ID, nil
}

// DeleteLoginAttempt removes one attempt.
func (db *DB) DeleteLoginAttempt(ctx context.Context, id int64) error {
	return db.deleteLoginAttempts(ctx, "id = ?", id)
}

// ClearLoginAttempts removes every attempt under key.
func (db *DB) ClearLoginAttempts(ctx context.Context, key string) error {
	return db.deleteLoginAttempts(ctx, `"key" = ?`, key)
}

// DeleteLoginAttemptsBefore removes the attempts made before the time.
func (db *DB) DeleteLoginAttemptsBefore(ctx context.Context, before time.Time) error {
	return db.deleteLoginAttempts(ctx, "at < ?", before.UTC())
}

func (db *DB) deleteLoginAttempts(ctx context.Context, where string, arg any) error {
	if err := db.conn(ctx).Where(where, arg).Delete(&loginAttemptRow{}).Error; err != nil {
		return fmt.Errorf("delete login attempts: %w", err)
	}
	return nil
}
