package storage

import (
	"context"
	"fmt"
	"strings"
	"time"

	"gorm.io/gorm/clause"

	"tracker/internal/apperr"
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

func (r profileRow) domain() applications.Profile {
	return applications.Profile{Name: r.Name, Email: r.Email, Phone: r.Phone, Link: r.Link, UpdatedAt: r.UpdatedAt.UTC()}
}

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
	p := row.domain()
	return &p, nil
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

// GetSender returns the sender profile and the settings of the user in
// ctx (settings nil when none are stored). On PostgreSQL they are one
// statement, a round trip fewer for every letter; on SQLite, with no
// network between, they stay the two reads each has.
func (db *DB) GetSender(ctx context.Context) (*applications.Profile, *applications.Settings, error) {
	if !db.postgres {
		p, err := db.GetProfile(ctx)
		if err != nil {
			return nil, nil, err
		}
		st, err := db.GetSettings(ctx)
		if apperr.ErrorCode(err) == apperr.ENOTFOUND {
			return p, nil, nil
		}
		return p, st, err
	}
	uid, err := owner(ctx)
	if err != nil {
		return nil, nil, err
	}
	r, _, err := queryOne[senderRow](ctx, db, senderPostgres, uid)
	if err != nil {
		return nil, nil, fmt.Errorf("get profile and settings: %w", err)
	}
	p := &applications.Profile{}
	if r.Profile.OwnerID != nil {
		p = &applications.Profile{Name: *r.Profile.Name, Email: *r.Profile.Email, Phone: *r.Profile.Phone,
			Link: *r.Profile.Link, UpdatedAt: r.Profile.UpdatedAt.UTC()}
	}
	if r.Settings.OwnerID == nil {
		return p, nil, nil
	}
	st := settingsRow{OwnerID: *r.Settings.OwnerID, ResponseWindowMinutes: *r.Settings.ResponseWindowMinutes,
		FollowUpAfterMinutes: *r.Settings.FollowUpAfterMinutes, NoReplyDays: *r.Settings.NoReplyDays,
		TimeZone: *r.Settings.TimeZone, DefaultTone: *r.Settings.DefaultTone, DefaultChannel: *r.Settings.DefaultChannel,
		UpdatedAt: *r.Settings.UpdatedAt}
	return p, st.domain(), nil
}

// senderPostgres is GetSender's statement on PostgreSQL: the user's
// profile and settings rows, each all NULL when there is none.
var senderPostgres = "SELECT p." + strings.ReplaceAll(profileColumns, ", ", ", p.") + ", s." + strings.ReplaceAll(settingsColumns, ", ", ", s.") +
	" FROM (SELECT CAST(? AS bigint) AS owner_id) u LEFT JOIN profiles p ON p.owner_id = u.owner_id LEFT JOIN settings s ON s.owner_id = u.owner_id"

// senderRow is a profile row and a settings row, either of which may be
// missing (all NULL).
type senderRow struct {
	Profile struct {
		OwnerID                  *int64
		Name, Email, Phone, Link *string
		UpdatedAt                *time.Time
	}
	Settings struct {
		OwnerID                                     *int64
		ResponseWindowMinutes, FollowUpAfterMinutes *int64
		NoReplyDays                                 *int
		TimeZone, DefaultTone, DefaultChannel       *string
		UpdatedAt                                   *time.Time
	}
}

func (r *senderRow) fields() []any {
	p, s := &r.Profile, &r.Settings
	return []any{&p.OwnerID, &p.Name, &p.Email, &p.Phone, &p.Link, &p.UpdatedAt,
		&s.OwnerID, &s.ResponseWindowMinutes, &s.FollowUpAfterMinutes, &s.NoReplyDays, &s.TimeZone,
		&s.DefaultTone, &s.DefaultChannel, &s.UpdatedAt}
}
