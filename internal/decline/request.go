package decline

import (
	"time"

	"tracker/internal/civil"
)

// Sender is who signs the letter.
type Sender struct {
	Name, Email, Phone, Link string
}

// Request is everything Compose needs to write a decline letter.
type Request struct {
	Company, Role string
	// Contact is who the letter is addressed to.
	Contact      Contact
	Situation    Situation
	Reason       Reason
	ReasonDetail string // the user's own reason, for ReasonOther
	// Detail is one true detail in the user's words: what they valued
	// ("meeting the platform team"), the offer they took ("a role at
	// Silverline"), their real reason ("an unexpected family emergency"),
	// or a sentence of their own. DetailKind says which (empty: read from
	// the words where that is safe; see DetailKind).
	Detail     string
	DetailKind DetailKind
	Offer      Offer // empty: defaultOfferOf(the request): DefaultOfferTo, or none where an offer would contradict the reason
	Channel    Channel
	Tone       Tone
	Sender     Sender
	// InterviewAt is the scheduled interview a before_interview letter
	// cancels, named in Location (UTC when nil) so the employer can free
	// the slot.
	InterviewAt *time.Time
	Location    *time.Location
	// DeclinedOn is when the letter is written (zero: not known); with
	// InterviewAt it says whether a cancellation is at short notice.
	DeclinedOn time.Time
	// MetAt is when the interview an after_interview letter follows was
	// held (nil: not known); the letter may name its day, as people do
	// ("thank you for meeting me on Tuesday").
	MetAt *time.Time
	// OfferMadeOn is the day the employer made the offer an offer letter
	// declines (zero: not known); the letter's thanks name it as people
	// do ("your offer of 16 November", "the offer you sent over on
	// Monday"), counted back from DeclinedOn in Location.
	OfferMadeOn civil.Date
	// Interviewed says an interview already took place (a later round is
	// declined): the letter thanks for the conversation held, not only
	// for the invitation.
	Interviewed bool
	// English is the variety the letter is written in; empty: British
	// spelling, the interview time written as where Location is.
	English English
	// Variant picks the phrasing (the application id, so a preview is
	// stable); Wording is the user's "another wording" counter.
	Variant, Wording uint64
	// Others are the companies and contacts of the user's other
	// applications: a letter that names one was pasted from elsewhere.
	Others []string
	// Recent are the bodies of the user's latest letters about other
	// applications, newest first (see RecentLetters): the letter avoids
	// their sentences wherever it has another phrasing, as one person
	// does not write the same stock sentence to employer after employer.
	Recent []string
	// ThreadSubject is the subject of the e-mail the letter answers (an
	// invitation that came by e-mail); an e-mail letter replies in its
	// thread, "Re: " and this subject. Empty: a subject of our own.
	ThreadSubject string
}

// FollowUpKind is what a follow-up does.
type FollowUpKind string

// The kinds of follow-up.
const (
	FollowUpConfirm FollowUpKind = "confirm" // no answer yet: make sure the decline arrived
	FollowUpThanks  FollowUpKind = "thanks"  // the employer replied: a short thank-you that closes
)

// FollowUpRequest is everything ComposeFollowUp needs.
type FollowUpRequest struct {
	Company, Role string
	Contact       Contact
	Kind          FollowUpKind // empty: confirm
	Situation     Situation    // what was declined
	// DeclineChannel is how the decline went; after a phone call the
	// follow-up is an e-mail confirming the call.
	DeclineChannel Channel
	Tone           Tone
	Sender         Sender
	DeclinedOn     time.Time
	// DeclineSubject is the subject the decline was sent with, which a
	// follow-up e-mail replies to; empty: the usual subject of Situation.
	DeclineSubject string
	// English is the variety the follow-up is written in, as the
	// decline's (see Request.English).
	English English
	Variant uint64
	Wording uint64
}

// Letter is a generated or edited letter. Voicemail is the short message
// to leave when a phone call is not answered; only phone letters have one.
type Letter struct {
	Subject   string `json:"subject"`
	Body      string `json:"body"`
	Voicemail string `json:"voicemail,omitempty"`
}

// Check is the verdict of one etiquette rule on a letter. Stored check
// results use the JSON names; rows stored earlier with the Go field names
// still read, because encoding/json matches names without regard to case.
type Check struct {
	Rule     string `json:"rule"`
	OK       bool   `json:"ok"`
	Severity string `json:"severity"` // "error" or "warning"
	Hint     string `json:"hint"`
}
