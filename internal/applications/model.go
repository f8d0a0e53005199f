// Package applications owns the tracker's domain: applications, their
// interview invitations, letters and history, and the Service that moves
// them through the stage machine. Storage sits behind the Store interface;
// adapters (HTTP, CLI) call the Service and never the Store.
package applications

import (
	"strconv"
	"strings"
	"time"

	"tracker/internal/decline"
	"tracker/internal/workflow"
)

// Application is one job the user applied for.
type Application struct {
	ID int64
	// Fields are what the user edits; create, update, the stored row and
	// the API views all carry this one struct.
	Fields
	Status    workflow.State
	CreatedAt time.Time
	UpdatedAt time.Time
}

// The answers an invitation can have.
const (
	ResponsePending   = "pending"
	ResponseAccepted  = "accepted"
	ResponseDeclined  = "declined"
	ResponseCancelled = "cancelled"
)

// Invitation is one round of interview invitation.
type Invitation struct {
	ID            int64
	ApplicationID int64
	ReceivedAt    time.Time
	RespondBy     *time.Time
	InterviewAt   *time.Time
	Format        string // phone, video, onsite or other
	Round         int
	Message       string
	Response      string // pending, accepted, declined or cancelled
	RespondedAt   *time.Time
	// DeadlineAt is when the answer is due under the service's policy; it is
	// computed, not stored.
	DeadlineAt time.Time
	// Origin is where an imported invitation came from; empty otherwise.
	Origin Origin
}

// Origin is where an imported invitation came from: the calendar invite's
// identity, so that an answer reaches the organizer's calendar (an iTIP
// reply), and the e-mail's, so that a letter threads onto it.
type Origin struct {
	UID       string // the invite's UID; empty when it did not come as an invite
	Sequence  int
	Summary   string
	Organizer string   // the organizer's address
	Attendees []string // the attendees' addresses
	MessageID string   // the e-mail's Message-ID, without angle brackets
	Subject   string   // the e-mail's subject
}

// The kinds of letter.
const (
	LetterDecline    = "decline"
	LetterFollowUp   = "follow_up"
	LetterWithdrawal = "withdraw" // withdraws an application before any invitation
)

// Letter is a decline or follow-up letter the user sent.
type Letter struct {
	ID            int64
	ApplicationID int64
	Kind          string // decline, follow_up or withdraw
	Reason        string
	ReasonDetail  string
	Channel       string
	Tone          string
	SenderName    string
	Subject       string
	Body          string
	// Voicemail is a phone letter's message for an unanswered call.
	Voicemail string
	// Detail, Offer and Variant are what the user chose for the letter:
	// the one true detail in their words, the offer of help it made
	// (empty for follow-ups and letters stored before it was kept) and
	// the wording, 0 the first. A sent letter reopens with them.
	Detail  string
	Offer   string
	Variant int
	SentAt  time.Time
	// Checks holds the etiquette verdicts the letter was stored with.
	Checks    []decline.Check
	CreatedAt time.Time
}

// Choices says what the user chose for the letter, so reopening it shows
// why it reads as it does: "offer: stay in touch; detail: “meeting the
// team”; wording 2". Letters stored before the choices were kept, and
// follow-ups, say less or nothing.
func (l Letter) Choices() string {
	var parts []string
	if l.Offer == string(decline.OfferNone) {
		parts = append(parts, "no offer of help")
	} else if l.Offer != "" {
		parts = append(parts, "offer: "+strings.ReplaceAll(l.Offer, "_", " "))
	}
	if l.Detail != "" {
		parts = append(parts, "detail: “"+l.Detail+"”")
	}
	if l.Variant > 0 {
		parts = append(parts, "wording "+strconv.Itoa(l.Variant+1))
	}
	return strings.Join(parts, "; ")
}

// Answer is the answer a move gives the application's pending invitation,
// if it has one: its response and when it was given.
type Answer struct {
	Response string
	At       time.Time
}

// HistoryEntry records one move of an application. From is empty for the
// entry that records its creation.
type HistoryEntry struct {
	ID            int64
	ApplicationID int64
	From          workflow.State
	To            workflow.State
	At            time.Time
	Note          string
}

// The kinds of warning: an answer due, a follow-up due, an interview whose
// time has passed without a record of how it went, and an application
// silent for the user's no-reply days.
const (
	WarningResponse        = "response"
	WarningFollowUp        = "follow_up"
	WarningInterviewPassed = "interview_passed"
	WarningNoReply         = "no_reply"
)

// Warning tells the user that something needs them: an answer or a
// follow-up due or late, or a stage gone stale.
type Warning struct {
	ApplicationID int64
	InvitationID  int64 // zero for follow-up warnings
	Company       string
	Role          string
	Status        workflow.State
	Kind          string // one of the Warning* kinds
	Severity      decline.Severity
	DueAt         time.Time
	InterviewAt   *time.Time
	// AppliedAt is the application's, for a list of warnings that shows
	// its rows as the list of applications does.
	AppliedAt *time.Time
	// NextStep says in a sentence what the user can do about it.
	NextStep string
}

// Detail is an application with everything that hangs off it.
type Detail struct {
	Application
	Invitations        []Invitation
	History            []HistoryEntry
	Letters            []Letter
	AllowedTransitions []workflow.State
	Warnings           []Warning
	// FollowUpDueAt is set while a sent decline waits for its follow-up.
	FollowUpDueAt *time.Time
}
