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
		return apperr.Errorf(apperr.ECONFLICT, "an account with this e-mail already exists")
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
		return nil, &apperr.Error{Code: apperr.ENOTFOUND, Message: missing}
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
		return "", apperr.Errorf(apperr.ENOTFOUND, "no account with id %d", userID)
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
		return apperr.Errorf(apperr.ENOTFOUND, "no account with id %d", userID)
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
