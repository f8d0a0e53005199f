package decline

import "time"

// DefaultPolicy returns the promptness rules the product ships with: answer
// an invitation within 24 hours, warn 6 hours before the deadline, escalate
// when the interview is less than 24 hours away, and follow up 72 hours after
// a decline was sent.
func DefaultPolicy() Policy {
	return Policy{
		ResponseWindow: 24 * time.Hour,
		DueSoonWithin:  6 * time.Hour,
		CriticalWithin: 24 * time.Hour,
		FollowUpAfter:  72 * time.Hour,
	}
}

// PolicyWith returns the default policy with the user's response window
// and follow-up delay; the warning thresholds stay the product's.
func PolicyWith(responseWindow, followUpAfter time.Duration) Policy {
	p := DefaultPolicy()
	p.ResponseWindow, p.FollowUpAfter = responseWindow, followUpAfter
	return p
}

// Deadline returns when the invitation must be answered: its respond_by when
// the employer set one, otherwise ReceivedAt plus the response window.
func (p Policy) Deadline(inv Invitation) time.Time {
	if inv.RespondBy != nil {
		return *inv.RespondBy
	}
	return inv.ReceivedAt.Add(p.ResponseWindow)
}

// ResponseSeverity says how urgent answering a pending invitation is at now.
// The boundaries are:
//   - due_soon when deadline-DueSoonWithin <= now <= deadline (the deadline
//     instant itself is still due_soon);
//   - overdue when now is after the deadline;
//   - critical when overdue and the interview is less than CriticalWithin
//     after now, or has already started while the invitation is unanswered.
//
// It reports false for invitations that are not pending and before the
// due-soon window opens.
func (p Policy) ResponseSeverity(inv Invitation, now time.Time) (Severity, bool) {
	if !inv.Pending {
		return "", false
	}
	deadline := p.Deadline(inv)
	switch {
	case now.After(deadline):
		if inv.InterviewAt != nil && inv.InterviewAt.Sub(now) < p.CriticalWithin {
			return Critical, true
		}
		return Overdue, true
	case !now.Before(deadline.Add(-p.DueSoonWithin)):
		return DueSoon, true
	}
	return "", false
}

// FollowUpDue returns when the follow-up to a decline sent at sentAt is due.
func (p Policy) FollowUpDue(sentAt time.Time) time.Time {
	return sentAt.Add(p.FollowUpAfter)
}

// FollowUpSeverity says how urgent the follow-up to a decline sent at sentAt
// is at now, with the same boundaries as ResponseSeverity: due_soon when
// due-DueSoonWithin <= now <= due, overdue after due, and critical once it is
// overdue by more than CriticalWithin (a follow-up has no interview time to
// measure against, so lateness itself escalates). It reports false before the
// due-soon window.
func (p Policy) FollowUpSeverity(sentAt, now time.Time) (Severity, bool) {
	due := p.FollowUpDue(sentAt)
	switch {
	case now.Sub(due) > p.CriticalWithin:
		return Critical, true
	case now.After(due):
		return Overdue, true
	case !now.Before(due.Add(-p.DueSoonWithin)):
		return DueSoon, true
	}
	return "", false
}

// InterviewPassed reports whether an accepted interview at interviewAt is
// over at now, so that the user should record how it went. The interview
// instant itself is not yet over.
func InterviewPassed(interviewAt, now time.Time) bool {
	return now.After(interviewAt)
}

// NoReplyDue returns when silence since the last movement at last becomes
// worth a nudge or a move to ghosted: days whole days later.
func NoReplyDue(last time.Time, days int) time.Time {
	return last.Add(time.Duration(days) * 24 * time.Hour)
}

// NoReply reports whether an application that last moved at last has been
// silent for days days at now; the due instant itself counts.
func NoReply(last, now time.Time, days int) bool {
	return days > 0 && !now.Before(NoReplyDue(last, days))
}

// Rank orders severities for sorting, most urgent highest: critical 3,
// overdue 2, due_soon 1, and 0 for anything else.
func (s Severity) Rank() int {
	switch s {
	case Critical:
		return 3
	case Overdue:
		return 2
	case DueSoon:
		return 1
	}
	return 0
}
