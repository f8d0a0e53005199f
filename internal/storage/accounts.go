package storage

import (
	"context"
	"errors"
	"fmt"
	"time"

	"gorm.io/gorm"

	"tracker/internal/accounts"
	"tracker/internal/applications"
)

var _ accounts.Store = (*DB)(nil)

type userRow struct {
	ID                int64 `gorm:"primaryKey"`
	Email             string
	PasswordHash      string
	CreatedAt         time.Time `gorm:"autoCreateTime:false"`
	PasswordChangedAt time.Time
}

func (userRow) TableName() string { return "users" }

func (r userRow) domain() accounts.User {
	return accounts.User{ID: r.ID, Email: r.Email, CreatedAt: r.CreatedAt.UTC(), PasswordChangedAt: r.PasswordChangedAt.UTC()}
}

// isDuplicate reports whether err is the violation of a UNIQUE constraint.
func (db *DB) isDuplicate(err error) bool {
	t, ok := db.write.Dialector.(gorm.ErrorTranslator)
	return ok && errors.Is(t.Translate(err), gorm.ErrDuplicatedKey)
}

// CreateUser inserts u with the password hash and sets its id; ECONFLICT
// when the e-mail is taken.
func (db *DB) CreateUser(ctx context.Context, u *accounts.User, passwordHash string) error {
	row := userRow{Email: u.Email, PasswordHash: passwordHash, CreatedAt: u.CreatedAt.UTC(), PasswordChangedAt: u.PasswordChangedAt.UTC()}
	err := db.conn(ctx).Create(&row).Error
	if db.isDuplicate(err) {
		return applications.Errorf(applications.ECONFLICT, "an account with this e-mail already exists")
	}
	if err != nil {
		return fmt.Errorf("create user: %w", err)
	}
	u.ID = row.ID
	return nil
}

// UserByID returns the user with id, or ENOTFOUND.
func (db *DB) UserByID(ctx context.Context, id int64) (*accounts.User, error) {
	return db.findUser(ctx, "id = ?", id, fmt.Sprintf("no account with id %d", id))
}

// UserByEmail returns the user with the (lower-case) e-mail, or ENOTFOUND.
func (db *DB) UserByEmail(ctx context.Context, email string) (*accounts.User, error) {
	return db.findUser(ctx, "email = ?", email, "no account with this e-mail")
}

func (db *DB) findUser(ctx context.Context, where string, arg any, missing string) (*accounts.User, error) {
	var row userRow
	err := db.conn(ctx).Where(where, arg).Take(&row).Error
	if errors.Is(err, gorm.ErrRecordNotFound) {
		return nil, &applications.Error{Code: applications.ENOTFOUND, Message: missing}
	}
	if err != nil {
		return nil, fmt.Errorf("get user: %w", err)
	}
	u := row.domain()
	return &u, nil
}

// PasswordHash returns the user's password hash, or ENOTFOUND.
func (db *DB) PasswordHash(ctx context.Context, userID int64) (string, error) {
	var hashes []string
	if err := db.conn(ctx).Model(&userRow{}).Where("id = ?", userID).Pluck("password_hash", &hashes).Error; err != nil {
		return "", fmt.Errorf("get password hash of user %d: %w", userID, err)
	}
	if len(hashes) == 0 {
		return "", applications.Errorf(applications.ENOTFOUND, "no account with id %d", userID)
	}
	return hashes[0], nil
}

// SetPasswordHash replaces the user's password hash; ENOTFOUND when the
// user is missing.
func (db *DB) SetPasswordHash(ctx context.Context, userID int64, passwordHash string, at time.Time) error {
	res := db.conn(ctx).Model(&userRow{}).Where("id = ?", userID).
		Updates(map[string]any{"password_hash": passwordHash, "password_changed_at": at.UTC()})
	if res.Error != nil {
		return fmt.Errorf("set password of user %d: %w", userID, res.Error)
	}
	if res.RowsAffected == 0 {
		return applications.Errorf(applications.ENOTFOUND, "no account with id %d", userID)
	}
	return nil
}

// ListUsers returns every user, oldest first.
func (db *DB) ListUsers(ctx context.Context) ([]accounts.User, error) {
	var rows []userRow
	if err := db.conn(ctx).Order("id").Find(&rows).Error; err != nil {
		return nil, fmt.Errorf("list users: %w", err)
	}
	out := make([]accounts.User, len(rows))
	for i, r := range rows {
		out[i] = r.domain()
	}
	return out, nil
}

// CountUsers returns how many users there are.
func (db *DB) CountUsers(ctx context.Context) (int, error) {
	var n int64
	if err := db.conn(ctx).Model(&userRow{}).Count(&n).Error; err != nil {
		return 0, fmt.Errorf("count users: %w", err)
	}
	return int(n), nil
}

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
		return nil, applications.Errorf(applications.ENOTFOUND, "no such session")
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

type apiTokenRow struct {
	ID         int64 `gorm:"primaryKey"`
	UserID     int64
	Name       string
	Prefix     string
	TokenHash  string
	CreatedAt  time.Time `gorm:"autoCreateTime:false"`
	LastUsedAt *time.Time
	RevokedAt  *time.Time
}

func (apiTokenRow) TableName() string { return "api_tokens" }

func (r apiTokenRow) domain() accounts.Token {
	return accounts.Token{ID: r.ID, UserID: r.UserID, Name: r.Name, Prefix: r.Prefix, CreatedAt: r.CreatedAt.UTC(),
		LastUsedAt: utc(r.LastUsedAt), RevokedAt: utc(r.RevokedAt)}
}

// CreateToken inserts t with the token's hash and sets its id.
func (db *DB) CreateToken(ctx context.Context, t *accounts.Token, tokenHash string) error {
	row := apiTokenRow{UserID: t.UserID, Name: t.Name, Prefix: t.Prefix, TokenHash: tokenHash, CreatedAt: t.CreatedAt.UTC()}
	if err := db.conn(ctx).Create(&row).Error; err != nil {
		return fmt.Errorf("create API token: %w", err)
	}
	t.ID = row.ID
	return nil
}

// ListTokens returns the user's tokens, newest first.
func (db *DB) ListTokens(ctx context.Context, userID int64) ([]accounts.Token, error) {
	var rows []apiTokenRow
	if err := db.conn(ctx).Where("user_id = ?", userID).Order("id DESC").Find(&rows).Error; err != nil {
		return nil, fmt.Errorf("list API tokens: %w", err)
	}
	out := make([]accounts.Token, len(rows))
	for i, r := range rows {
		out[i] = r.domain()
	}
	return out, nil
}

// TokenByHash returns the token with the hash and the hash as stored, or
// ENOTFOUND.
func (db *DB) TokenByHash(ctx context.Context, tokenHash string) (*accounts.Token, string, error) {
	var r apiTokenRow
	err := db.conn(ctx).Where("token_hash = ?", tokenHash).Take(&r).Error
	if errors.Is(err, gorm.ErrRecordNotFound) {
		return nil, "", applications.Errorf(applications.ENOTFOUND, "no such API token")
	}
	if err != nil {
		return nil, "", fmt.Errorf("get API token: %w", err)
	}
	t := r.domain()
	return &t, r.TokenHash, nil
}

// RevokeToken sets the revocation time of the user's token, unless already
// set; ENOTFOUND when the user has no token with that id.
func (db *DB) RevokeToken(ctx context.Context, userID, tokenID int64, at time.Time) error {
	res := db.conn(ctx).Model(&apiTokenRow{}).Where("id = ? AND user_id = ?", tokenID, userID).
		Update("revoked_at", gorm.Expr("COALESCE(revoked_at, ?)", at.UTC()))
	if res.Error != nil {
		return fmt.Errorf("revoke API token %d: %w", tokenID, res.Error)
	}
	if res.RowsAffected == 0 {
		return applications.Errorf(applications.ENOTFOUND, "no API token with id %d", tokenID)
	}
	return nil
}

// TouchToken sets the token's last_used_at.
func (db *DB) TouchToken(ctx context.Context, tokenID int64, at time.Time) error {
	err := db.conn(ctx).Model(&apiTokenRow{}).Where("id = ?", tokenID).Update("last_used_at", at.UTC()).Error
	if err != nil {
		return fmt.Errorf("touch API token %d: %w", tokenID, err)
	}
	return nil
}

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
		return nil, applications.Errorf(applications.ENOTFOUND, "no such setup token")
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
		return applications.Errorf(applications.ECONFLICT, "the tracker has already been set up")
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
