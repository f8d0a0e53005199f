package storage

import (
	"context"
	"fmt"
	"time"

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

// sessionUserRow is a session with its user, as SessionByHash reads them.
type sessionUserRow struct {
	session sessionRow
	user    userRow
}

func (r *sessionUserRow) fields() []any {
	s, u := &r.session, &r.user
	return []any{&s.IDHash, &s.UserID, &s.CreatedAt, &s.LastSeenAt, &s.ExpiresAt,
		&u.ID, &u.Email, &u.CreatedAt, &u.PasswordChangedAt}
}

// sessionUserStmt reads a session by its id's hash (the value bound to
// boundEq) with the user it belongs to.
var sessionUserStmt = endsInBoundEq("SELECT s.id_hash, s.user_id, s.created_at, s.last_seen_at, s.expires_at, " +
	"u.id, u.email, u.created_at, u.password_changed_at " +
	"FROM sessions s JOIN users u ON u.id = s.user_id WHERE s.id_hash = ")

// SessionByHash returns the session whose id hashes to idHash and the user
// it belongs to, or ENOTFOUND; one statement, a short read (see
// shortRead).
func (db *DB) SessionByHash(ctx context.Context, idHash string) (*accounts.Session, *accounts.User, error) {
	ctx, err := db.shortRead(ctx)
	if err != nil {
		return nil, nil, fmt.Errorf("get session: %w", err)
	}
	rows, err := db.readQuery(ctx, sessionUserStmt.on(db), idHash)
	if err != nil {
		return nil, nil, fmt.Errorf("get session: %w", err)
	}
	var r sessionUserRow
	found := false
	if err := eachRow(rows, func(row *sessionUserRow) { r, found = *row, true }); err != nil {
		return nil, nil, fmt.Errorf("get session: %w", err)
	}
	if !found {
		return nil, nil, apperr.Errorf(apperr.ENOTFOUND, "no such session")
	}
	s := r.session
	u := r.user.domain()
	return &accounts.Session{IDHash: s.IDHash, UserID: s.UserID, CreatedAt: s.CreatedAt.UTC(),
		LastSeenAt: s.LastSeenAt.UTC(), ExpiresAt: s.ExpiresAt.UTC()}, &u, nil
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
