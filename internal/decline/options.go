package decline

import (
	"slices"

	"tracker/internal/workflow"
)

// The reasons a candidate can give for declining.
const (
	ReasonAnotherOffer          Reason = "another_offer"
	ReasonPersonalCircumstances Reason = "personal_circumstances"
	ReasonCultureFit            Reason = "culture_fit"
	ReasonRoleFit               Reason = "role_fit"
	ReasonTiming                Reason = "timing"
	ReasonLocation              Reason = "location"
	ReasonCompensation          Reason = "compensation"
	ReasonNone                  Reason = "none"  // the letter gives no reason
	ReasonOther                 Reason = "other" // the letter uses Request.ReasonDetail
)

// The channels a letter can be written for.
const (
	ChannelEmail   Channel = "email"   // a subject and a full letter
	ChannelPhone   Channel = "phone"   // a short script to read aloud; no subject
	ChannelMessage Channel = "message" // a short note for chat or LinkedIn; no subject
)

// The tones a letter can be written in.
const (
	ToneFormal Tone = "formal"
	ToneWarm   Tone = "warm"
)

// The situations a candidate can decline in, one per workflow state.
const (
	SituationInvitation      Situation = "invitation"       // declining an interview invitation (invited)
	SituationBeforeInterview Situation = "before_interview" // withdrawing after accepting (scheduled)
	SituationAfterInterview  Situation = "after_interview"  // withdrawing after an interview (interviewed)
	SituationOffer           Situation = "offer"            // declining an offer (offered)
)

var (
	reasons    = []Reason{ReasonAnotherOffer, ReasonPersonalCircumstances, ReasonCultureFit, ReasonRoleFit, ReasonTiming, ReasonLocation, ReasonCompensation, ReasonNone, ReasonOther}
	channels   = []Channel{ChannelEmail, ChannelPhone, ChannelMessage}
	tones      = []Tone{ToneFormal, ToneWarm}
	situations = []Situation{SituationInvitation, SituationBeforeInterview, SituationAfterInterview, SituationOffer}
)

// situationOf maps the workflow states a candidate can decline from to the
// situation the letter is written for.
var situationOf = map[workflow.State]Situation{
	workflow.Invited:     SituationInvitation,
	workflow.Scheduled:   SituationBeforeInterview,
	workflow.Interviewed: SituationAfterInterview,
	workflow.Offered:     SituationOffer,
}

// Reasons returns every reason, in the order a form lists them.
func Reasons() []Reason { return slices.Clone(reasons) }

// Channels returns every channel, email first.
func Channels() []Channel { return slices.Clone(channels) }

// Tones returns every tone, formal first.
func Tones() []Tone { return slices.Clone(tones) }

// Situations returns every situation, in the order of the process.
func Situations() []Situation { return slices.Clone(situations) }

// Valid reports whether r is a known reason.
func (r Reason) Valid() bool { return slices.Contains(reasons, r) }

// Valid reports whether c is a known channel.
func (c Channel) Valid() bool { return slices.Contains(channels, c) }

// Valid reports whether t is a known tone.
func (t Tone) Valid() bool { return slices.Contains(tones, t) }

// Valid reports whether s is a known situation.
func (s Situation) Valid() bool { return slices.Contains(situations, s) }

// SituationFor returns the situation a decline from state s is written for,
// and false for states an application cannot be declined from.
func SituationFor(s workflow.State) (Situation, bool) {
	sit, ok := situationOf[s]
	return sit, ok
}
