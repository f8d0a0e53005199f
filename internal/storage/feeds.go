package storage

import (
	"context"
	"errors"
	"fmt"
	"time"

	"gorm.io/gorm"
	"gorm.io/gorm/clause"

	"tracker/internal/apperr"
)

type calendarFeedRow struct {
	OwnerID   int64 `gorm:"primaryKey;autoIncrement:false"`
	TokenHash string
	CreatedAt time.Time `gorm:"autoCreateTime:false"`
}

func (calendarFeedRow) TableName() string { return "calendar_feeds" }

// SetFeedToken gives the user's calendar feed a new token hash, replacing
// the old one, which stops working.
func (db *DB) SetFeedToken(ctx context.Context, ownerID int64, tokenHash string, at time.Time) error {
	row := calendarFeedRow{OwnerID: ownerID, TokenHash: tokenHash, CreatedAt: at.UTC()}
	err := db.conn(ctx).Clauses(clause.OnConflict{Columns: []clause.Column{{Name: "owner_id"}},
		DoUpdates: clause.AssignmentColumns([]string{"token_hash", "created_at"})}).Create(&row).Error
	if err != nil {
		return fmt.Errorf("set calendar feed token: %w", err)
	}
	return nil
}

// DeleteFeedToken revokes the user's calendar feed; ENOTFOUND without one.
func (db *DB) DeleteFeedToken(ctx context.Context, ownerID int64) error {
	res := db.conn(ctx).Where("owner_id = ?", ownerID).Delete(&calendarFeedRow{})
	if res.Error != nil {
		return fmt.Errorf("delete calendar feed token: %w", res.Error)
	}
	if res.RowsAffected == 0 {
		return apperr.Errorf(apperr.ENOTFOUND, "no calendar feed to revoke")
	}
	return nil
}

// FeedOwner returns the user whose feed has the token hash; ENOTFOUND for
// an unknown or revoked token.
func (db *DB) FeedOwner(ctx context.Context, tokenHash string) (int64, error) {
	var row calendarFeedRow
	err := db.read.WithContext(ctx).Where("token_hash = ?", tokenHash).Take(&row).Error
	if errors.Is(err, gorm.ErrRecordNotFound) {
		return 0, apperr.Errorf(apperr.ENOTFOUND, "calendar feed not found")
	}
	if err != nil {
		return 0, fmt.Errorf("find calendar feed: %w", err)
	}
	return row.OwnerID, nil
}
