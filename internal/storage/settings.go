package storage

import (
	"context"
	"fmt"
	"time"

	"gorm.io/gorm/clause"

	"tracker/internal/apperr"
	"tracker/internal/applications"
)

// settingsRow stores durations in whole minutes, which both databases
// keep exactly and a person reading the table understands.
type settingsRow struct {
	OwnerID               int64 `gorm:"primaryKey"`
	ResponseWindowMinutes int64
	FollowUpAfterMinutes  int64
	NoReplyDays           int
	TimeZone              string
	DefaultTone           string
	DefaultChannel        string
	UpdatedAt             time.Time `gorm:"autoUpdateTime:false"`
}

func (settingsRow) TableName() string { return "settings" }

// settingsStmt reads the settings of the user whose id is bound.
var settingsStmt = endsInBoundEq("SELECT " + settingsColumns + " FROM settings WHERE owner_id = ")

// GetSettings returns the stored settings of the user in ctx, or
// ENOTFOUND when they have none.
func (db *DB) GetSettings(ctx context.Context) (*applications.Settings, error) {
	uid, err := owner(ctx)
	if err != nil {
		return nil, err
	}
	// On the readers outside a transaction: one statement needs none, and
	// on SQLite it must not wait for the writer.
	rows, err := db.readQuery(ctx, settingsStmt.on(db), uid)
	var rs []settingsRow
	if err == nil {
		rs, err = scanRows[settingsRow](rows)
	}
	if err != nil {
		return nil, fmt.Errorf("get settings: %w", err)
	}
	if len(rs) == 0 {
		return nil, apperr.Errorf(apperr.ENOTFOUND, "no settings saved")
	}
	return rs[0].domain(), nil
}

func (r settingsRow) domain() *applications.Settings {
	return &applications.Settings{
		ResponseWindow: time.Duration(r.ResponseWindowMinutes) * time.Minute,
		FollowUpAfter:  time.Duration(r.FollowUpAfterMinutes) * time.Minute,
		NoReplyDays:    r.NoReplyDays, TimeZone: r.TimeZone,
		DefaultTone: r.DefaultTone, DefaultChannel: r.DefaultChannel, UpdatedAt: r.UpdatedAt.UTC(),
	}
}

// SaveSettings writes the settings of the user in ctx.
func (db *DB) SaveSettings(ctx context.Context, st *applications.Settings) error {
	uid, err := owner(ctx)
	if err != nil {
		return err
	}
	r := settingsRow{OwnerID: uid,
		ResponseWindowMinutes: int64(st.ResponseWindow / time.Minute), FollowUpAfterMinutes: int64(st.FollowUpAfter / time.Minute),
		NoReplyDays: st.NoReplyDays, TimeZone: st.TimeZone,
		DefaultTone: st.DefaultTone, DefaultChannel: st.DefaultChannel, UpdatedAt: st.UpdatedAt.UTC()}
	err = db.conn(ctx).Clauses(clause.OnConflict{Columns: []clause.Column{{Name: "owner_id"}}, UpdateAll: true}).Create(&r).Error
	if err != nil {
		return fmt.Errorf("save settings: %w", err)
	}
	return nil
}
