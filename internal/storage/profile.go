package storage

import (
	"context"
	"fmt"
	"time"

	"gorm.io/gorm/clause"

	"tracker/internal/applications"
)

type profileRow struct {
	OwnerID   int64 `gorm:"primaryKey"`
	Name      string
	Email     string
	Phone     string
	Link      string
	UpdatedAt time.Time `gorm:"autoUpdateTime:false"`
}

func (profileRow) TableName() string { return "profiles" }

// GetProfile returns the sender profile; an unset profile is the zero
// profile.
func (db *DB) GetProfile(ctx context.Context) (*applications.Profile, error) {
	uid, err := owner(ctx)
	if err != nil {
		return nil, err
	}
	row, found, err := queryOne[profileRow](ctx, db, "SELECT "+profileColumns+" FROM profiles WHERE owner_id = ?", uid)
	if err != nil {
		return nil, fmt.Errorf("get profile: %w", err)
	}
	if !found {
		return &applications.Profile{}, nil
	}
	return &applications.Profile{Name: row.Name, Email: row.Email, Phone: row.Phone, Link: row.Link,
		UpdatedAt: row.UpdatedAt.UTC()}, nil
}

// SaveProfile writes the sender profile.
func (db *DB) SaveProfile(ctx context.Context, p *applications.Profile) error {
	uid, err := owner(ctx)
	if err != nil {
		return err
	}
	row := profileRow{OwnerID: uid, Name: p.Name, Email: p.Email, Phone: p.Phone, Link: p.Link,
		UpdatedAt: p.UpdatedAt.UTC()}
	err = db.conn(ctx).Clauses(clause.OnConflict{Columns: []clause.Column{{Name: "owner_id"}}, UpdateAll: true}).Create(&row).Error
	if err != nil {
		return fmt.Errorf("save profile: %w", err)
	}
	return nil
}
