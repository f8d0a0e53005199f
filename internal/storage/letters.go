package storage

import (
	"context"
	"fmt"

	"tracker/internal/applications"
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
