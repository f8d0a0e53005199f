package applications

import (
	"fmt"
	"slices"
	"time"

	"tracker/internal/decline"
	"tracker/internal/workflow"
)

// quietStates are the stages in which the next word is the employer's, so
// that a long silence is worth a nudge or a move to ghosted.
var quietStates = []workflow.State{workflow.Applied, workflow.Interviewed}

// The next steps the warnings suggest, in the words of every adapter.
const (
	nextAnswer    = "answer the invitation: accept it (move to scheduled) or decline it with a letter"
	nextFollowUp  = "send the follow-up that checks your decline arrived, then record it"
	nextInterview = "record how the interview went: move it to interviewed, or to rejected or ghosted"
)

// addStale adds the stale-stage warnings of one application to its detail.
func addStale(d *Detail, st Settings, now time.Time) {
	for i := len(d.Invitations) - 1; i >= 0; i-- {
		if d.Invitations[i].Response == ResponseAccepted {
			if w, ok := interviewWarning(&d.Application, d.Invitations[i], now); ok {
				d.Warnings = append(d.Warnings, w)
			}
			break
		}
	}
	if n := len(d.History); n > 0 {
		if w, ok := noReplyWarning(&d.Application, d.History[n-1].At, st.NoReplyDays, now); ok {
			d.Warnings = append(d.Warnings, w)
		}
	}
}

// interviewWarning is the warning for a scheduled application whose
// accepted interview time has passed.
func interviewWarning(a *Application, inv Invitation, now time.Time) (Warning, bool) {
	if a.Status != workflow.Scheduled || inv.InterviewAt == nil || !decline.InterviewPassed(*inv.InterviewAt, now) {
		return Warning{}, false
	}
	return Warning{ApplicationID: a.ID, InvitationID: inv.ID, Company: a.Company, Role: a.Role, Status: a.Status, AppliedAt: a.AppliedAt,
		Kind: WarningInterviewPassed, Severity: decline.Overdue, DueAt: *inv.InterviewAt, InterviewAt: inv.InterviewAt,
		NextStep: nextInterview}, true
}

// noReplyWarning is the warning for an application that waits on the
// employer and has not moved for the user's no-reply days.
func noReplyWarning(a *Application, last time.Time, days int, now time.Time) (Warning, bool) {
	if !slices.Contains(quietStates, a.Status) || !decline.NoReply(last, now, days) {
		return Warning{}, false
	}
	return Warning{ApplicationID: a.ID, Company: a.Company, Role: a.Role, Status: a.Status, AppliedAt: a.AppliedAt,
		Kind: WarningNoReply, Severity: decline.Overdue, DueAt: decline.NoReplyDue(last, days),
		NextStep: fmt.Sprintf("no reply for %d days or more: send a nudge, or move it to ghosted", days)}, true
}
