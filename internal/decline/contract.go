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

// Reason is why the candidate declines.
type Reason string

// Channel is how the letter reaches the employer.
type Channel string

// Tone is the register of the letter.
type Tone string

// Situation is the point in the process at which the candidate declines.
type Situation string

// Sender is who signs the letter.
type Sender struct {
	Name, Email, Phone, Link string
}

// Request is everything Compose needs to write a decline letter.
type Request struct {
	Company, Role, ContactName string
	Situation                  Situation
	Reason                     Reason
	ReasonDetail               string
	Channel                    Channel
	Tone                       Tone
	Sender                     Sender
	Variant                    uint64 // picks the phrasing; the application id, so a preview is stable
}

// FollowUpRequest is everything ComposeFollowUp needs.
type FollowUpRequest struct {
	Company, Role, ContactName string
	Channel                    Channel
	Tone                       Tone
	Sender                     Sender
	DeclinedOn                 time.Time
	Variant                    uint64
}

// Letter is a generated or edited letter.
type Letter struct {
	Subject, Body string
}

// Check is the verdict of one etiquette rule on a letter.
type Check struct {
	Rule     string
	OK       bool
	Severity string // "error" or "warning"
	Hint     string
}
