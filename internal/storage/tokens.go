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

type apiTokenRow struct {
	ID         int64 `gorm:"primaryKey"`
	UserID     int64
	Name       string
	Prefix     string
	TokenHash  string
	CreatedAt  time.Time `gorm:"autoCreateTime:false"`
	LastUsedAt *time.Time
	RevokedAt  *time.Time
	ExpiresAt  *time.Time
}

func (apiTokenRow) TableName() string { return "api_tokens" }

func (r apiTokenRow) domain() accounts.Token {
	return accounts.Token{ID: r.ID, UserID: r.UserID, Name: r.Name, Prefix: r.Prefix, CreatedAt: r.CreatedAt.UTC(),
		LastUsedAt: utc(r.LastUsedAt), RevokedAt: utc(r.RevokedAt), ExpiresAt: utc(r.ExpiresAt)}
}

// CreateToken inserts t with the token's hash and sets its id.
func (db *DB) CreateToken(ctx context.Context, t *accounts.Token, tokenHash string) error {
	row := apiTokenRow{UserID: t.UserID, Name: t.Name, Prefix: t.Prefix, TokenHash: tokenHash, CreatedAt: t.CreatedAt.UTC(),
		ExpiresAt: utc(t.ExpiresAt)}
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
		return nil, "", apperr.Errorf(apperr.ENOTFOUND, "no such API token")
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
		return apperr.Errorf(apperr.ENOTFOUND, "no API token with id %d", tokenID)
	}
	return nil
}

// RevokeUserTokens revokes every token of the user not yet revoked.
func (db *DB) RevokeUserTokens(ctx context.Context, userID int64, at time.Time) error {
	err := db.conn(ctx).Model(&apiTokenRow{}).Where("user_id = ? AND revoked_at IS NULL", userID).
		Update("revoked_at", at.UTC()).Error
	if err != nil {
		return fmt.Errorf("revoke the API tokens of user %d: %w", userID, err)
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
