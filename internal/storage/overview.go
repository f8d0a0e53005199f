package storage

import (
	"context"
	"fmt"
	"strings"
	"time"

	"tracker/internal/applications"
	"tracker/internal/workflow"
)

// CountByStatus counts the applications of the user in ctx in each stage,
// in one grouped query.
func (db *DB) CountByStatus(ctx context.Context) (map[workflow.State]int, error) {
	q, err := db.ownedApps(ctx)
	if err != nil {
		return nil, err
	}
	var rows []struct {
		Status string
		N      int
	}
	if err := q.Select("status, COUNT(*) AS n").Group("status").Scan(&rows).Error; err != nil {
		return nil, fmt.Errorf("count applications by stage: %w", err)
	}
	out := make(map[workflow.State]int, len(rows))
	for _, r := range rows {
		out[workflow.State(r.Status)] = r.N
	}
	return out, nil
}

// CountReaching counts the applications of the user in ctx whose history
// ever entered one of states, wherever they stand now.
func (db *DB) CountReaching(ctx context.Context, states []workflow.State) (int, error) {
	uid, err := owner(ctx)
	if err != nil {
		return 0, err
	}
	names := make([]string, len(states))
	for i, s := range states {
		names[i] = string(s)
	}
	var n int64
	err = db.conn(ctx).Model(&historyRow{}).Joins("JOIN applications a ON a.id = history.application_id").
		Where("a.owner_id = ? AND history.to_status IN ?", uid, names).
		Distinct("history.application_id").Count(&n).Error
	if err != nil {
		return 0, fmt.Errorf("count applications reaching a stage: %w", err)
	}
	return int(n), nil
}

// AnsweredInvitations returns the invitations of the user in ctx received
// at or after since and answered (accepted or declined), oldest first.
func (db *DB) AnsweredInvitations(ctx context.Context, since time.Time) ([]applications.Invitation, error) {
	uid, err := owner(ctx)
	if err != nil {
		return nil, err
	}
	rows, err := queryRows[invitationRow](ctx, db, "SELECT i."+strings.ReplaceAll(invitationColumns, ", ", ", i.")+
		" FROM invitations i JOIN applications a ON a.id = i.application_id"+
		" WHERE a.owner_id = ? AND i.received_at >= ? AND i.response IN (?, ?) ORDER BY i.received_at, i.id",
		uid, since, applications.ResponseAccepted, applications.ResponseDeclined)
	if err != nil {
		return nil, fmt.Errorf("list answered invitations: %w", err)
	}
	out := make([]applications.Invitation, len(rows))
	for i, r := range rows {
		out[i] = r.domain()
	}
	return out, nil
}
