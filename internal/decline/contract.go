// Package decline turns interview etiquette into code: the promptness policy
// (response deadlines, warnings, follow-ups), the decline and follow-up letter
// generator, and the letter checker. It is pure: no storage, no clock, no I/O;
// callers pass "now" in.
package decline

import (
	"time"
)

// Policy holds the durations of the promptness rules.
type Policy struct {
	ResponseWindow time.Duration // deadline when an invitation has no respond_by; default 24h
	DueSoonWithin  time.Duration // a pending answer is due_soon this long before its deadline; default 6h
	CriticalWithin time.Duration // overdue and the interview is closer than this: critical; default 24h
	FollowUpAfter  time.Duration // a follow-up is due this long after the decline was sent; default 72h
}

// Severity says how urgent a warning is.
type Severity string

// The severities, least urgent first.
const (
	DueSoon  Severity = "due_soon"
	Overdue  Severity = "overdue"
	Critical Severity = "critical"
)

// Invitation is what the policy needs to know of an interview invitation.
type Invitation struct {
	ReceivedAt  time.Time
	RespondBy   *time.Time
	InterviewAt *time.Time
	Pending     bool
}
