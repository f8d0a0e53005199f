package applications

import (
	"context"
	"slices"
	"time"

	"tracker/internal/decline"
	"tracker/internal/workflow"
)

// responseWarning is the warning for a pending invitation, if any is due.
func responseWarning(pol decline.Policy, a *Application, inv Invitation, now time.Time) (Warning, bool) {
	if a.Status != workflow.Invited {
		return Warning{}, false
	}
	pi := policyInvitation(inv)
	sev, ok := pol.ResponseSeverity(pi, now)
	if !ok {
		return Warning{}, false
	}
	return Warning{ApplicationID: a.ID, InvitationID: inv.ID, Company: a.Company, Role: a.Role, Status: a.Status, AppliedAt: a.AppliedAt,
		Kind: WarningResponse, Severity: sev, DueAt: pol.Deadline(pi), InterviewAt: inv.InterviewAt, NextStep: nextAnswer}, true
}

// followUpWarning is the warning for a decline that waits for its follow-up.
func followUpWarning(pol decline.Policy, a *Application, l Letter, now time.Time) (Warning, bool) {
	if a.Status != workflow.Declined {
		return Warning{}, false
	}
	sev, ok := pol.FollowUpSeverity(l.SentAt, now)
	if !ok {
		return Warning{}, false
	}
	return Warning{ApplicationID: a.ID, Company: a.Company, Role: a.Role, Status: a.Status, AppliedAt: a.AppliedAt,
		Kind: WarningFollowUp, Severity: sev, DueAt: pol.FollowUpDue(l.SentAt), NextStep: nextFollowUp}, true
}

func policyInvitation(inv Invitation) decline.Invitation {
	return decline.Invitation{ReceivedAt: inv.ReceivedAt, RespondBy: inv.RespondBy, InterviewAt: inv.InterviewAt,
		Pending: inv.Response == ResponsePending}
}

// SortWarnings orders warnings most urgent first: by severity, then by the
// earliest due time.
func SortWarnings(ws []Warning) {
	slices.SortStableFunc(ws, func(a, b Warning) int {
		if d := b.Severity.Rank() - a.Severity.Rank(); d != 0 {
			return d
		}
		if c := a.DueAt.Compare(b.DueAt); c != 0 {
			return c
		}
		return int(a.ApplicationID - b.ApplicationID)
	})
}

// detail loads an application with everything that hangs off it, as of now.
func (s *Service) detail(ctx context.Context, id int64, now time.Time) (*Detail, error) {
	r, err := s.store.ReadDetail(ctx, id)
	if err != nil {
		return nil, err
	}
	return detailOf(r, now), nil
}

// detailOf is the detail of an application's stored records as of now.
func detailOf(r *DetailRecords, now time.Time) *Detail {
	st := DefaultSettings()
	if r.Settings != nil {
		st = *r.Settings
	}
	pol := st.Policy()
	a := &r.Application
	d := &Detail{Application: *a, AllowedTransitions: workflow.Next(a.Status),
		Invitations: r.Invitations, History: r.History, Letters: r.Letters}
	for i, inv := range d.Invitations {
		d.Invitations[i].DeadlineAt = pol.Deadline(policyInvitation(inv))
		if w, ok := responseWarning(pol, a, inv, now); ok {
			d.Warnings = append(d.Warnings, w)
		}
	}
	addFollowUp(pol, d, now)
	addStale(d, st, now)
	SortWarnings(d.Warnings)
	return d
}

// addFollowUp sets the follow-up due time and warning of a declined
// application from its newest decline letter.
func addFollowUp(pol decline.Policy, d *Detail, now time.Time) {
	if d.Status != workflow.Declined {
		return
	}
	for i := len(d.Letters) - 1; i >= 0; i-- {
		if l := d.Letters[i]; l.Kind == LetterDecline {
			due := pol.FollowUpDue(l.SentAt)
			d.FollowUpDueAt = &due
			if w, ok := followUpWarning(pol, &d.Application, l, now); ok {
				d.Warnings = append(d.Warnings, w)
			}
			return
		}
	}
}
