package storage

import (
	"context"
	"fmt"

	"tracker/internal/applications"
	"tracker/internal/workflow"
)

// AddLetter inserts l and sets its id.
func (db *DB) AddLetter(ctx context.Context, l *applications.Letter) error {
	if err := db.checkOwned(ctx, l.ApplicationID); err != nil {
		return err
	}
	row, err := toLetterRow(l)
	if err != nil {
		return err
	}
	if err := db.conn(ctx).Create(&row).Error; err != nil {
		return fmt.Errorf("add letter: %w", err)
	}
	l.ID = row.ID
	return nil
}

// ListLetters returns an application's letters, oldest first.
func (db *DB) ListLetters(ctx context.Context, appID int64) ([]applications.Letter, error) {
	uid, err := owner(ctx)
	if err != nil {
		return nil, err
	}
	rows, err := queryRows[letterRow](ctx, db, "SELECT "+letterColumns+" FROM letters"+ofOwnedAppSQL+" ORDER BY id", appID, uid)
	if err != nil {
		return nil, fmt.Errorf("list letters: %w", err)
	}
	return lettersOf(rows)
}

// AwaitingFollowUp returns every declined application with its newest
// decline letter.
func (db *DB) AwaitingFollowUp(ctx context.Context) ([]applications.AppLetter, error) {
	uid, err := owner(ctx)
	if err != nil {
		return nil, err
	}
	var rows []letterRow
	newest := db.conn(ctx).Model(&letterRow{}).Select("MAX(id)").Where("kind = ?", applications.LetterDecline).Group("application_id")
	err = db.conn(ctx).Joins("JOIN applications a ON a.id = letters.application_id").
		Where("a.owner_id = ? AND letters.id IN (?) AND a.status = ?", uid, newest, string(workflow.Declined)).
		Order("letters.id").Find(&rows).Error
	if err != nil {
		return nil, fmt.Errorf("list declines awaiting follow-up: %w", err)
	}
	letters, err := lettersOf(rows)
	if err != nil {
		return nil, err
	}
	apps, err := applicationsFor(ctx, db, rows, func(r letterRow) int64 { return r.ApplicationID })
	if err != nil {
		return nil, err
	}
	out := make([]applications.AppLetter, len(rows))
	for i, l := range letters {
		out[i] = applications.AppLetter{Application: apps[l.ApplicationID], Letter: l}
	}
	return out, nil
}

func lettersOf(rows []letterRow) ([]applications.Letter, error) {
	out := make([]applications.Letter, len(rows))
	for i, r := range rows {
		l, err := r.domain()
		if err != nil {
			return nil, fmt.Errorf("letter %d: %w", r.ID, err)
		}
		out[i] = l
	}
	return out, nil
}
