package storage

import (
	"context"
	"fmt"

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
