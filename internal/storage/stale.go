package storage

import (
	"context"
	"fmt"
	"strings"

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
	invs, err := queryRows[invitationRow](ctx, db, "SELECT i."+strings.ReplaceAll(invitationColumns, ", ", ", i.")+
		" FROM invitations i JOIN applications a ON a.id = i.application_id"+
		" WHERE a.owner_id = ? AND i.id IN (SELECT MAX(id) FROM invitations WHERE response = ? GROUP BY application_id)"+
		" AND a.status = ? ORDER BY i.id", uid, applications.ResponseAccepted, string(workflow.Scheduled))
	if err != nil {
		return nil, fmt.Errorf("list accepted interviews: %w", err)
	}
	return withApplications(ctx, db, invs)
}
