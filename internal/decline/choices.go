package decline

import (
	"slices"
	"strings"

	"tracker/internal/workflow"
)

// Reason is why the candidate declines.
type Reason string

// Channel is how the letter reaches the employer.
type Channel string

// Tone is the register of the letter.
type Tone string

// Situation is the point in the process at which the candidate declines.
type Situation string

// Offer is the help a letter offers the employer at its end.
type Offer string

// The reasons a candidate can give for declining.
const (
	ReasonAnotherOffer          Reason = "another_offer"
	ReasonPersonalCircumstances Reason = "personal_circumstances"
	ReasonCultureFit            Reason = "culture_fit"
	ReasonRoleFit               Reason = "role_fit"
	ReasonTiming                Reason = "timing"
	ReasonLocation              Reason = "location"
	ReasonCompensation          Reason = "compensation" // only once an offer exists
	ReasonNone                  Reason = "none"         // the letter gives no reason
	ReasonOther                 Reason = "other"        // the letter uses Request.ReasonDetail
)

// The channels a letter can be written for.
const (
	ChannelEmail   Channel = "email"   // a subject and a full letter
	ChannelPhone   Channel = "phone"   // a spoken script and a voicemail; no subject
	ChannelMessage Channel = "message" // one to three sentences for chat or LinkedIn
)

// The tones a letter can be written in.
const (
	ToneFormal Tone = "formal"
	ToneWarm   Tone = "warm"
)

// The situations a candidate can decline in.
const (
	SituationWithdrawal      Situation = "withdrawal"       // withdrawing an application before any invitation (withdrawn)
	SituationInvitation      Situation = "invitation"       // declining an interview invitation (invited)
	SituationBeforeInterview Situation = "before_interview" // cancelling an accepted interview (scheduled)
	SituationAfterInterview  Situation = "after_interview"  // withdrawing after an interview (interviewed)
	SituationOffer           Situation = "offer"            // declining an offer (offered)
)

// The offers of help a letter can end with.
const (
	OfferReferral    Offer = "referral"      // refer someone suitable for the role
	OfferReference   Offer = "reference"     // speak well of the employer to people looking
	OfferStayInTouch Offer = "stay_in_touch" // keep in touch
	OfferNone        Offer = "none"          // no offer
)

// Defaults are the choices a request gets when it leaves them empty. They
// live here, once, for every adapter.
const (
	DefaultChannel   = ChannelEmail
	DefaultTone      = ToneFormal
	DefaultSituation = SituationInvitation
)

var (
	reasons    = []Reason{ReasonAnotherOffer, ReasonPersonalCircumstances, ReasonCultureFit, ReasonRoleFit, ReasonTiming, ReasonLocation, ReasonCompensation, ReasonNone, ReasonOther}
	channels   = []Channel{ChannelEmail, ChannelPhone, ChannelMessage}
	tones      = []Tone{ToneFormal, ToneWarm}
	situations = []Situation{SituationWithdrawal, SituationInvitation, SituationBeforeInterview, SituationAfterInterview, SituationOffer}
	offers     = []Offer{OfferReferral, OfferReference, OfferStayInTouch, OfferNone}
)

// defaultOffer is the offer a careful candidate makes in each situation,
// to a named person. Withdrawing an application early, or cancelling an
// interview the employer has just arranged, is best done briefly: thanks
// and an apology say enough, and an offer to keep in touch from someone
// stepping away reads as a formula. Once the candidate has been invited
// or has met the people, keeping in touch is natural. A referral is only
// ever the user's choice: no published example offers to recruit for the
// employer unasked.
var defaultOffer = map[Situation]Offer{
	SituationWithdrawal:      OfferNone,
	SituationInvitation:      OfferStayInTouch,
	SituationBeforeInterview: OfferNone,
	SituationAfterInterview:  OfferStayInTouch,
	SituationOffer:           OfferStayInTouch,
}

// Audience is who reads a letter, as far as its offer of help goes.
type audience int

const (
	audiencePerson audience = iota // a named person: any offer
	audienceTeam                   // a team or a shared inbox: nothing personal (see personalOffer)
	audienceNobody                 // nobody known, or "Sir or Madam": only to be kept in mind for other roles
)

// audienceOf is who c is, for the offer of help.
func audienceOf(c Contact) audience {
	c = normalizeContact(c)
	switch {
	case !stranger(c):
		return audiencePerson
	case c.Kind == ContactTeam:
		return audienceTeam
	}
	return audienceNobody
}

// defaultOfferToStranger is the offer a letter makes by default to a
// team or to nobody known, where it differs from defaultOffer. A careers
// team that invited the writer or arranged the interviews is told to
// keep them in mind for other roles (in the words of offerFits: nothing
// personal, and to nobody known nothing but other roles); an offer turned
// down is answered with what a team can use from someone it will not
// hire, a good word for it among people who are looking.
var defaultOfferToStranger = map[Situation]Offer{
	SituationOffer: OfferReference,
}

// situationOf maps the workflow states a candidate can leave from with a
// letter to the situation the letter is written for.
var situationOf = map[workflow.State]Situation{
	workflow.Wishlist:    SituationWithdrawal,
	workflow.Applied:     SituationWithdrawal,
	workflow.Invited:     SituationInvitation,
	workflow.Scheduled:   SituationBeforeInterview,
	workflow.Interviewed: SituationAfterInterview,
	workflow.Offered:     SituationOffer,
}

// Reasons returns every reason, in the order a form lists them.
func Reasons() []Reason { return slices.Clone(reasons) }

// ReasonsFor returns the reasons that can honestly be given in s: pay only
// once an offer exists.
func ReasonsFor(s Situation) []Reason {
	return slices.DeleteFunc(Reasons(), func(r Reason) bool { return !r.FitsSituation(s) })
}

// FitsSituation reports whether r can honestly be given in s.
func (r Reason) FitsSituation(s Situation) bool {
	return r != ReasonCompensation || s == SituationOffer
}

// Channels returns every channel, email first.
func Channels() []Channel { return slices.Clone(channels) }

// Tones returns every tone, formal first.
func Tones() []Tone { return slices.Clone(tones) }

// Situations returns every situation, in the order of the process.
func Situations() []Situation { return slices.Clone(situations) }

// Offers returns every offer of help.
func Offers() []Offer { return slices.Clone(offers) }

// DefaultOffer returns the offer of help a letter in s to a named person
// makes unless the user chooses another.
func DefaultOffer(s Situation) Offer { return defaultOffer[s] }

// DefaultOfferTo returns the offer of help a letter in s to c makes unless
// the user chooses another: DefaultOffer(s) to a named person; to a team,
// an inbox, nobody known or a greeting such as "Sir or Madam" the offer
// that suits a reader nobody keeps in touch with personally (see
// defaultOfferToStranger), still none where the situation is brief.
func DefaultOfferTo(s Situation, c Contact) Offer {
	if audienceOf(c) == audiencePerson {
		return defaultOffer[s]
	}
	if o, ok := defaultOfferToStranger[s]; ok {
		return o
	}
	return defaultOffer[s]
}

// offerlessReasons are the reasons after which, in a declined invitation
// or a withdrawal after an interview, an offer to be kept in mind for
// other roles says the opposite of the reason: a writer looking for a different kind of team, or for whom the
// place does not work, is not waiting for the next opening there.
var offerlessReasons = []Reason{ReasonCultureFit, ReasonLocation}

// offerlessShare is one in how many applications whose letter declining
// an invitation or withdrawing after an interview makes no offer of help
// by default: many people's short letters end on thanks or a wish, and an
// offer to be kept in mind in every letter, read side by side, was a
// blind reader's tell. It is chosen by the application (Variant), so
// "another wording" keeps it. An offer turned down after several rounds
// keeps its offer: its reader is a person the writer has come to know,
// and the words the offer takes are what makes such a letter longer.
const offerlessShare = 3

// defaultOfferOf is the offer r makes when the user leaves it empty:
// DefaultOfferTo, except after a reason that an offer would contradict
// (see offerlessReasons), and, before an offer, in one application of
// offerlessShare, where a careful writer would simply close.
func defaultOfferOf(r Request) Offer {
	o := DefaultOfferTo(r.Situation, r.Contact)
	switch {
	case o == OfferNone:
		return o
	case (r.Situation == SituationInvitation || r.Situation == SituationAfterInterview) && slices.Contains(offerlessReasons, r.Reason):
		return OfferNone
	case r.Situation != SituationOffer && newChooser(r.Variant, 0).index(partOffer+7*partLead, offerlessShare) == 0:
		return OfferNone
	}
	return o
}

// genericGreetingWords are the words of a greeting that names nobody:
// "Sir or Madam", "Hiring Manager", "To whom it may concern".
var genericGreetingWords = []string{"sir", "madam", "or", "and", "hiring", "manager", "recruiter", "recruiting", "team",
	"to", "whom", "it", "may", "concern", "colleague", "colleagues", "all"}

// stranger reports a contact the writer has no one to keep in touch with:
// not a person, or a person greeted by a generic name.
func stranger(c Contact) bool {
	c = normalizeContact(c)
	if c.Kind != ContactPerson {
		return true
	}
	ws := words(c.GreetingName)
	return len(ws) > 0 && !slices.ContainsFunc(ws, func(w string) bool { return !slices.Contains(genericGreetingWords, w) })
}

// impersonal reports a greeting name that addresses nobody in particular
// and only a formal letter can open with: "Sir or Madam", "To whom it may
// concern". A call or a chat message greets such a reader with a plain
// "Hello".
func impersonal(greet string) bool {
	ws := words(greet)
	if len(ws) >= 2 && ws[0] == "to" && ws[1] == "whom" {
		return true
	}
	return len(ws) > 0 && !slices.ContainsFunc(ws, func(w string) bool { return w != "sir" && w != "madam" && w != "or" })
}

// Valid reports whether r is a known reason.
func (r Reason) Valid() bool { return slices.Contains(reasons, r) }

// Valid reports whether c is a known channel.
func (c Channel) Valid() bool { return slices.Contains(channels, c) }

// Valid reports whether t is a known tone.
func (t Tone) Valid() bool { return slices.Contains(tones, t) }

// Valid reports whether s is a known situation.
func (s Situation) Valid() bool { return slices.Contains(situations, s) }

// Valid reports whether o is a known offer.
func (o Offer) Valid() bool { return slices.Contains(offers, o) }

// ParseReason normalises what a user typed ("  Another offer ") to a
// Reason; ok is false when it names none. "" stays "".
func ParseReason(s string) (Reason, bool) { return parse(s, reasons) }

// ParseChannel normalises s to a Channel; "" stays "" (the default applies later).
func ParseChannel(s string) (Channel, bool) { return parse(s, channels) }

// ParseTone normalises s to a Tone; "" stays "".
func ParseTone(s string) (Tone, bool) { return parse(s, tones) }

// ParseOffer normalises s to an Offer; "" stays "".
func ParseOffer(s string) (Offer, bool) { return parse(s, offers) }

// parse trims and lower-cases s, maps spaces and dashes to underscores and
// looks it up in list. The empty string is valid and means "the default".
func parse[T ~string](s string, list []T) (T, bool) {
	if v := T(s); slices.Contains(list, v) {
		return v, true // already a value, as in a normalised request
	}
	k := strings.ToLower(strings.Join(strings.FieldsFunc(clean(s), func(r rune) bool {
		return r == ' ' || r == '-' || r == '_'
	}), "_"))
	if k == "" {
		return "", true
	}
	v := T(k)
	return v, slices.Contains(list, v)
}

// SituationFor returns the situation a letter leaving state s is written
// for, and false for states an application cannot be left from by letter.
// From wishlist and applied the letter withdraws the application.
func SituationFor(s workflow.State) (Situation, bool) {
	sit, ok := situationOf[s]
	return sit, ok
}
