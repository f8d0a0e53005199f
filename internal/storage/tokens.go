package storage

import (
	"context"
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

// tokenUserRow is a token with its user, as TokenByHash reads them.
type tokenUserRow struct {
	token apiTokenRow
	user  userRow
}

func (r *tokenUserRow) fields() []any {
	t, u := &r.token, &r.user
	return []any{&t.ID, &t.UserID, &t.Name, &t.Prefix, &t.TokenHash, &t.CreatedAt, &t.LastUsedAt, &t.RevokedAt, &t.ExpiresAt,
		&u.ID, &u.Email, &u.CreatedAt, &u.PasswordChangedAt}
}

// tokenUserStmt reads a token by its hash (the value bound to boundEq)
// with the user it belongs to.
var tokenUserStmt = endsInBoundEq("SELECT t.id, t.user_id, t.name, t.prefix, t.token_hash, t.created_at, t.last_used_at, t.revoked_at, " +
	"t.expires_at, u.id, u.email, u.created_at, u.password_changed_at " +
	"FROM api_tokens t JOIN users u ON u.id = t.user_id WHERE t.token_hash = ")

// TokenByHash returns the token with the hash, the user it belongs to and
// the hash as stored, or ENOTFOUND; one statement, a short read (see
// shortRead).
func (db *DB) TokenByHash(ctx context.Context, tokenHash string) (*accounts.Token, *accounts.User, string, error) {
	ctx, err := db.shortRead(ctx)
	if err != nil {
		return nil, nil, "", fmt.Errorf("get API token: %w", err)
	}
	rows, err := db.readQuery(ctx, tokenUserStmt.on(db), tokenHash)
	if err != nil {
		return nil, nil, "", fmt.Errorf("get API token: %w", err)
	}
	var r tokenUserRow
	found := false
	if err := eachRow(rows, func(row *tokenUserRow) { r, found = *row, true }); err != nil {
		return nil, nil, "", fmt.Errorf("get API token: %w", err)
	}
	if !found {
		return nil, nil, "", apperr.Errorf(apperr.ENOTFOUND, "no such API token")
	}
	t, u := r.token.domain(), r.user.domain()
	return &t, &u, r.token.TokenHash, nil
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
