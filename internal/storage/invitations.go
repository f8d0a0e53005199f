package storage

import (
	"context"
	"fmt"
	"strings"
	"time"

	"tracker/internal/apperr"
	"tracker/internal/applications"
)

// AddInvitation inserts inv and sets its id. A second invitation in the
// same round, or a second one pending, is a conflict (the schema holds
// both rules, so writers racing each other cannot break them).
//
// It is one statement, which inserts it only if the application is the
// user's (ENOTFOUND otherwise): the check of the owner was a statement,
// and on PostgreSQL a round trip, of its own.
func (db *DB) AddInvitation(ctx context.Context, inv *applications.Invitation) error {
	uid, err := owner(ctx)
	if err != nil {
		return err
	}
	r := toInvitationRow(inv)
	id, inserted, err := db.insert(ctx, insertInvitation, r.ApplicationID, r.ReceivedAt, r.RespondBy, r.InterviewAt, r.Format,
		r.Round, r.Message, r.Response, r.RespondedAt, r.OriginUID, r.OriginSequence, r.OriginSummary, r.OriginOrganizer,
		r.OriginAttendees, r.OriginMessageID, r.OriginSubject, r.ApplicationID, uid)
	if db.isDuplicate(err) {
		return apperr.Errorf(apperr.ECONFLICT, "application %d got another invitation (round %d or one still waiting for an answer) "+
			"at the same time; reload it and try again", inv.ApplicationID, inv.Round)
	}
	if err != nil {
		return fmt.Errorf("add invitation: %w", err)
	}
	if !inserted {
		return notFound(inv.ApplicationID)
	}
	inv.ID = id
	return nil
}

// insertInvitation inserts an invitation (every column of
// invitationColumns but its id, in their order, and the owner, which the
// calendar feed's index holds) if the application (the last two
// arguments: its id and the user's) is the user's.
var insertInvitation = "INSERT INTO invitations (" + strings.TrimPrefix(invitationColumns, "id, ") + ", owner_id) SELECT " +
	strings.Repeat("?, ", strings.Count(invitationColumns, ",")) + "owner_id FROM applications WHERE id = ? AND owner_id = ?"

// ListInvitations returns an application's invitations, oldest first.
func (db *DB) ListInvitations(ctx context.Context, appID int64) ([]applications.Invitation, error) {
	uid, err := owner(ctx)
	if err != nil {
		return nil, err
	}
	rows, err := queryRows[invitationRow](ctx, db, "SELECT "+invitationColumns+" FROM invitations"+ofOwnedAppSQL+" ORDER BY id", appID, uid)
	if err != nil {
		return nil, fmt.Errorf("list invitations: %w", err)
	}
	out := make([]applications.Invitation, len(rows))
	for i, r := range rows {
		out[i] = r.domain()
	}
	return out, nil
}

// UpdateInvitation writes an invitation's dates, format and message.
func (db *DB) UpdateInvitation(ctx context.Context, inv *applications.Invitation) error {
	q, err := db.ofOwnedApp(ctx, &invitationRow{}, inv.ApplicationID)
	if err != nil {
		return err
	}
	row := toInvitationRow(inv)
	res := q.Where("id = ?", inv.ID).Updates(map[string]any{"received_at": db.timeArg(row.ReceivedAt),
		"respond_by": db.timeArgOrNull(row.RespondBy), "interview_at": db.timeArgOrNull(row.InterviewAt), "format": row.Format, "message": row.Message})
	if res.Error != nil {
		return fmt.Errorf("update invitation %d: %w", inv.ID, res.Error)
	}
	if res.RowsAffected == 0 {
		return apperr.Errorf(apperr.ENOTFOUND, "application %d has no invitation %d", inv.ApplicationID, inv.ID)
	}
	return nil
}

// AnswerPending sets the response of every pending invitation of appID.
func (db *DB) AnswerPending(ctx context.Context, appID int64, response string, at time.Time) error {
	uid, err := owner(ctx)
	if err != nil {
		return err
	}
	_, err = db.exec(ctx, "UPDATE invitations SET response = ?, responded_at = ?"+ofOwnedAppSQL+" AND response = ?",
		response, at.UTC(), appID, uid, applications.ResponsePending)
	if err != nil {
		return fmt.Errorf("answer invitations: %w", err)
	}
	return nil
}

// withApplications pairs invitation rows with their applications, loaded
// in one query.
func withApplications(ctx context.Context, db *DB, invs []invitationRow) ([]applications.AppInvitation, error) {
	apps, err := applicationsFor(ctx, db, invs, func(r invitationRow) int64 { return r.ApplicationID })
	if err != nil {
		return nil, err
	}
	out := make([]applications.AppInvitation, len(invs))
	for i, r := range invs {
		out[i] = applications.AppInvitation{Application: apps[r.ApplicationID], Invitation: r.domain()}
	}
	return out, nil
}

// applicationsFor loads, in one query, the applications that rows refer to.
func applicationsFor[R any](ctx context.Context, db *DB, rows []R, appID func(R) int64) (map[int64]applications.Application, error) {
	out := make(map[int64]applications.Application, len(rows))
	if len(rows) == 0 {
		return out, nil
	}
	uid, err := owner(ctx)
	if err != nil {
		return nil, err
	}
	args := make([]any, 0, len(rows)+1)
	args = append(args, uid)
	for _, r := range rows {
		args = append(args, appID(r))
	}
	apps, err := queryRows[applicationRow](ctx, db, "SELECT "+applicationColumns+" FROM applications WHERE owner_id = ? AND id IN ("+
		strings.Repeat("?, ", len(rows)-1)+"?)", args...)
	if err != nil {
		return nil, fmt.Errorf("load applications: %w", err)
	}
	for _, a := range apps {
		out[a.ID] = a.domain()
	}
	return out, nil
}
