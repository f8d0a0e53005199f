package storage

import (
	"cmp"
	"context"
	"fmt"
	"maps"
	"slices"

	"tracker/internal/applications"
	"tracker/internal/workflow"
)

// AcceptedInterviews returns, for every scheduled application of the user
// in ctx, its newest accepted invitation.
func (db *DB) AcceptedInterviews(ctx context.Context) ([]applications.AppInvitation, error) {
	uid, err := owner(ctx)
	if err != nil {
		return nil, err
	}
	newest := db.conn(ctx).Model(&invitationRow{}).Select("MAX(id)").
		Where("response = ?", applications.ResponseAccepted).Group("application_id")
	var invs []invitationRow
	err = db.conn(ctx).Joins("JOIN applications a ON a.id = invitations.application_id").
		Where("a.owner_id = ? AND invitations.id IN (?) AND a.status = ?", uid, newest, string(workflow.Scheduled)).
		Order("invitations.id").Find(&invs).Error
	if err != nil {
		return nil, fmt.Errorf("list accepted interviews: %w", err)
	}
	return withApplications(ctx, db, invs)
}

// LastMoves returns every application of the user in ctx that is in one of
// states, with the time of the last entry of its history. The times are
// read as rows rather than as MAX(at), which SQLite would return as text.
func (db *DB) LastMoves(ctx context.Context, states []workflow.State) ([]applications.AppMoment, error) {
	q, err := db.ownedApps(ctx)
	if err != nil {
		return nil, err
	}
	names := make([]string, len(states))
	for i, s := range states {
		names[i] = string(s)
	}
	var rows []historyRow
	err = db.conn(ctx).Select("application_id", "at").
		Where("application_id IN (?)", q.Select("id").Where("status IN ?", names)).
		Order("application_id, at, id").Find(&rows).Error
	if err != nil {
		return nil, fmt.Errorf("list last moves: %w", err)
	}
	last := map[int64]historyRow{}
	for _, r := range rows {
		last[r.ApplicationID] = r
	}
	kept := slices.SortedFunc(maps.Values(last), func(a, b historyRow) int { return cmp.Compare(a.ApplicationID, b.ApplicationID) })
	apps, err := applicationsFor(ctx, db, kept, func(r historyRow) int64 { return r.ApplicationID })
	if err != nil {
		return nil, err
	}
	out := make([]applications.AppMoment, len(kept))
	for i, r := range kept {
		out[i] = applications.AppMoment{Application: apps[r.ApplicationID], At: r.At.UTC()}
	}
	return out, nil
}
