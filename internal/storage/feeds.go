package storage

import (
	"context"
	"errors"
	"fmt"
	"time"

	"gorm.io/gorm"
	"gorm.io/gorm/clause"

	"tracker/internal/apperr"
	"tracker/internal/applications"
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

// calendarStatements are ListCalendar's statements on SQLite and on
// PostgreSQL: the interviews from the invitations' partial index over
// (owner_id, interview_at), the answers and follow-ups due from the due
// times' partial index of those kinds (migration 00075), each row with
// its application found by key. The user's other applications and rows
// are not read.
var calendarStatements = [2]string{calendarSQL(false), calendarSQL(true)}

// On PostgreSQL each row's application is a LATERAL subquery that the
// planner may not fold into a join (OFFSET 0): with most of a user's rows
// in the feed, as in a small database, it hash-joined all of the user's
// applications, and the due times' arm all of everyone's, instead of
// finding the few by key.
func calendarSQL(postgres bool) string {
	eq := boundEqOn(postgres)
	app := func(row string) string {
		if postgres {
			return " CROSS JOIN LATERAL (SELECT company, role, updated_at FROM applications WHERE id = " + row + ".application_id AND owner_id = " + row + ".owner_id OFFSET 0) a"
		}
		return " JOIN applications a ON a.id = " + row + ".application_id AND a.owner_id = " + row + ".owner_id"
	}
	return "SELECT '" + applications.CalendarInterview + "', i.id, i.application_id, a.company, a.role, a.updated_at, i.interview_at, NULL, i.round, i.message, i.response" +
		" FROM invitations i" + app("i") +
		" WHERE i.owner_id = " + eq + " AND i.interview_at IS NOT NULL AND i.response IN ('pending', 'accepted')" +
		" UNION ALL SELECT CASE w.kind WHEN 'response' THEN '" + applications.CalendarRespond + "' ELSE '" + applications.CalendarFollowUp + "' END," +
		" CASE w.kind WHEN 'response' THEN w.invitation_id ELSE w.application_id END, w.application_id, a.company, a.role, a.updated_at, NULL, w.due_at, 0, '', ''" +
		" FROM warning_due w" + app("w") +
		" WHERE w.owner_id = " + eq + " AND w.kind IN ('response', 'follow_up')"
}

// calendarRow is a row of ListCalendar's statement: an interview's time,
// or a due time in Unix seconds.
type calendarRow struct {
	applications.CalendarItem
	InterviewAt *time.Time
	DueAt       *int64
}

func (r *calendarRow) fields() []any {
	return []any{&r.Kind, &r.ID, &r.ApplicationID, &r.Company, &r.Role, &r.UpdatedAt, &r.InterviewAt, &r.DueAt,
		&r.Round, &r.Message, &r.Response}
}

// ListCalendar calls fn with each item of the calendar feed of the user in
// ctx, from one statement (see applications.Store).
func (db *DB) ListCalendar(ctx context.Context, fn func(*applications.CalendarItem) error) error {
	uid, err := owner(ctx)
	if err != nil {
		return err
	}
	statement := calendarStatements[0]
	if db.postgres {
		statement = calendarStatements[1]
	}
	rows, err := db.readQuery(ctx, statement, uid, uid)
	if err != nil {
		return fmt.Errorf("read the calendar: %w", err)
	}
	defer rows.Close()
	var r calendarRow
	fields := scanColumns(r.fields())
	for rows.Next() {
		r = calendarRow{}
		if err := rows.Scan(fields...); err != nil {
			return fmt.Errorf("read the calendar: %w", err)
		}
		it := &r.CalendarItem
		it.UpdatedAt = it.UpdatedAt.UTC()
		if r.InterviewAt != nil {
			it.At = r.InterviewAt.UTC()
		} else if r.DueAt != nil {
			it.At = time.Unix(*r.DueAt, 0).UTC()
		}
		if err := fn(it); err != nil {
			return err // the client went, say: the rest is not read
		}
	}
	if err := errors.Join(rows.Err(), rows.Close()); err != nil {
		return fmt.Errorf("read the calendar: %w", err)
	}
	return nil
}
