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

type sessionRow struct {
	IDHash     string `gorm:"primaryKey"`
	UserID     int64
	CreatedAt  time.Time `gorm:"autoCreateTime:false"`
	LastSeenAt time.Time
	ExpiresAt  time.Time
}

func (sessionRow) TableName() string { return "sessions" }

// CreateSession inserts s.
func (db *DB) CreateSession(ctx context.Context, s *accounts.Session) error {
	row := sessionRow{IDHash: s.IDHash, UserID: s.UserID, CreatedAt: s.CreatedAt.UTC(),
		LastSeenAt: s.LastSeenAt.UTC(), ExpiresAt: s.ExpiresAt.UTC()}
	if err := db.conn(ctx).Create(&row).Error; err != nil {
		return fmt.Errorf("create session: %w", err)
	}
	return nil
}

// SessionByHash returns the session whose id hashes to idHash, or ENOTFOUND.
func (db *DB) SessionByHash(ctx context.Context, idHash string) (*accounts.Session, error) {
	var r sessionRow
	err := db.conn(ctx).Where("id_hash = ?", idHash).Take(&r).Error
	if errors.Is(err, gorm.ErrRecordNotFound) {
		return nil, apperr.Errorf(apperr.ENOTFOUND, "no such session")
	}
	if err != nil {
		return nil, fmt.Errorf("get session: %w", err)
	}
	return &accounts.Session{IDHash: r.IDHash, UserID: r.UserID, CreatedAt: r.CreatedAt.UTC(),
		LastSeenAt: r.LastSeenAt.UTC(), ExpiresAt: r.ExpiresAt.UTC()}, nil
}

// TouchSession sets the session's last_seen_at.
func (db *DB) TouchSession(ctx context.Context, idHash string, at time.Time) error {
	err := db.conn(ctx).Model(&sessionRow{}).Where("id_hash = ?", idHash).Update("last_seen_at", at.UTC()).Error
	if err != nil {
		return fmt.Errorf("touch session: %w", err)
	}
	return nil
}

// DeleteSession removes the session, if it exists.
func (db *DB) DeleteSession(ctx context.Context, idHash string) error {
	if err := db.conn(ctx).Where("id_hash = ?", idHash).Delete(&sessionRow{}).Error; err != nil {
		return fmt.Errorf("delete session: %w", err)
	}
	return nil
}

// DeleteUserSessions removes every session of the user but keepHash's.
func (db *DB) DeleteUserSessions(ctx context.Context, userID int64, keepHash string) error {
	err := db.conn(ctx).Where("user_id = ? AND id_hash <> ?", userID, keepHash).Delete(&sessionRow{}).Error
	if err != nil {
		return fmt.Errorf("delete sessions of user %d: %w", userID, err)
	}
	return nil
}

// DeleteExpiredSessions removes sessions idle since before idleBefore or
// past their end at now.
func (db *DB) DeleteExpiredSessions(ctx context.Context, idleBefore, now time.Time) error {
	err := db.conn(ctx).Where("last_seen_at < ? OR expires_at < ?", idleBefore.UTC(), now.UTC()).Delete(&sessionRow{}).Error
	if err != nil {
		return fmt.Errorf("delete expired sessions: %w", err)
	}
	return nil
}
