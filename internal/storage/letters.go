package storage

import (
	"context"
	"fmt"
	"strings"

	"tracker/internal/applications"
)

// AddLetter inserts l and sets its id, in one statement that inserts it
// only if the application is the user's (ENOTFOUND otherwise): the check
// of the owner was a statement, and on PostgreSQL a round trip, of its
// own.
func (db *DB) AddLetter(ctx context.Context, l *applications.Letter) error {
	uid, err := owner(ctx)
	if err != nil {
		return err
	}
	r, err := toLetterRow(l)
	if err != nil {
		return err
	}
	id, inserted, err := db.insert(ctx, insertLetter, r.ApplicationID, r.Kind, r.Reason, r.ReasonDetail, r.Channel, r.Tone,
		r.SenderName, r.Subject, r.Body, r.Voicemail, r.Detail, r.Offer, r.Variant, r.Checks, r.SentAt, r.CreatedAt,
		r.ApplicationID, uid)
	if err != nil {
		return fmt.Errorf("add letter: %w", err)
	}
	if !inserted {
		return notFound(l.ApplicationID)
	}
	l.ID = id
	return nil
}

// insertLetter inserts a letter (every column of letterColumns but its id,
// in their order) if the application (the last two arguments: its id and
// the user's) is the user's.
var insertLetter = "INSERT INTO letters (" + strings.TrimPrefix(letterColumns, "id, ") + ") SELECT " +
	strings.Repeat("?, ", strings.Count(letterColumns, ",")-1) + "? WHERE EXISTS (SELECT 1 FROM applications WHERE id = ? AND owner_id = ?)"

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
	return lettersOf(rows, new(jsonRow))
}

// lettersOf returns rows as letters; row reads their checks.
func lettersOf(rows []letterRow, row *jsonRow) ([]applications.Letter, error) {
	out := make([]applications.Letter, len(rows))
	for i, r := range rows {
		l, err := r.domain(row)
		if err != nil {
			return nil, fmt.Errorf("letter %d: %w", r.ID, err)
		}
		out[i] = l
	}
	return out, nil
}
