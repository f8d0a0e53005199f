package decline

import (
	"regexp"
	"slices"
	"strings"
)

// DetailKind is the part the user's one true detail plays in the letter.
type DetailKind string

// The kinds of detail. Appreciated is woven in beside the thanks; offer and
// reason stand in place of the letter's own reason sentence, so the letter
// never gives two reasons in two wordings.
const (
	DetailAppreciated DetailKind = "appreciated" // something the user valued: "meeting the platform team"
	DetailOffer       DetailKind = "offer"       // the offer they took instead: "a role at Silverline"
	DetailReason      DetailKind = "reason"      // their real reason: "an unexpected family emergency"
)

var detailKinds = []DetailKind{DetailAppreciated, DetailOffer, DetailReason}

// DetailKinds lists the kinds of detail.
func DetailKinds() []DetailKind { return slices.Clone(detailKinds) }

// Valid reports whether k is a known kind (empty: read from the words).
func (k DetailKind) Valid() bool { return k == "" || slices.Contains(detailKinds, k) }

// ParseDetailKind normalises a detail kind.
func ParseDetailKind(s string) (DetailKind, bool) { return parse(s, detailKinds) }

// detailKindOf is the part r's detail plays: the user's choice, or, when
// they left it empty, what its words make safe to assume; "" when they
// do not (validate then asks for detail_kind).
func detailKindOf(r Request) DetailKind {
	if r.Detail == "" || r.DetailKind != "" {
		return r.DetailKind
	}
	d := r.Detail
	l := strings.ToLower(d)
	switch shape, _, _ := shapeOf(d); {
	case framing(d):
		return DetailReason // it frames the decision; see framing
	case r.Reason == ReasonAnotherOffer && strings.HasPrefix(l, "another "):
		return DetailOffer
	case slices.ContainsFunc(appreciationWords, func(w string) bool { return strings.Contains(l, w) }) && (shape != detailClause || !hasMarker(l, reasonWords)):
		return DetailAppreciated
	case shape == detailGerund || shape == detailAdjective || strings.HasPrefix(l, "how "):
		return DetailAppreciated
	case shape == detailClause:
		if r.Reason == ReasonAnotherOffer {
			return DetailOffer
		}
		return DetailReason // a fact of the user's own
	case slices.Contains(interactionHeads, headNoun(d)):
		// Before the offer's words: "the care in your job description"
		// praises the employer; it is not the job taken elsewhere.
		return DetailAppreciated
	case r.Reason == ReasonAnotherOffer && hasMarker(l, offerWords):
		return DetailOffer
	case hasMarker(l, reasonWords):
		return DetailReason
	case strings.HasPrefix(l, "your "):
		return DetailAppreciated
	}
	return ""
}

// interactionHeads are the nouns of things the employer did or shared with
// the candidate, which a detail names to say what they appreciated.
var interactionHeads = []string{"conversation", "conversations", "discussion", "discussions", "meeting", "interview", "interviews",
	"tour", "chat", "call", "talk", "visit", "welcome", "time", "insight", "insights", "explanation", "advice", "feedback",
	"answers", "introduction", "hospitality", "lunch", "demo", "presentation", "overview", "care", "patience", "openness",
	"honesty", "kindness", "help", "support", "interest", "way", "clarity", "enthusiasm", "questions"}

// reasonWords mark a noun phrase that explains a decline rather than
// praises the employer ("an unexpected family emergency").
var reasonWords = []string{"family", "emergenc", "health", "illness", "ill ", "partner", "child", "caring", "carer", "relocat",
	"commute", "distance", "salary", "pay ", "package", "hours", "on-call", "shift", "visa", "study", "degree", "school",
	"situation", "circumstance", "change", "requirement", "responsibilit", "role", "offer", "contract", "position", "job",
	"internship", "move", "moving", "location", "travel", "budget", "personal"}

// offerWords mark a noun phrase that names an offer taken elsewhere.
var offerWords = []string{"offer", "position", "role", "job", "internship", "contract", "place", "programme", "program", "post", "residency"}

func hasMarker(l string, markers []string) bool {
	l += " "
	return slices.ContainsFunc(markers, func(m string) bool { return strings.Contains(l, m) })
}

// determiners open a noun phrase.
var determiners = []string{"a", "an", "the", "my", "our", "your", "his", "her", "their", "its", "this", "that", "these", "those",
	"some", "certain", "any", "no", "another", "other", "several", "two", "three"}

// headNoun is the first word of a noun phrase after its determiner.
func headNoun(np string) string {
	ws := words(np)
	if len(ws) > 1 && slices.Contains(determiners, ws[0]) {
		return ws[1]
	}
	if len(ws) > 0 {
		return ws[0]
	}
	return ""
}

// framing reports a detail that frames the decision rather than stating a
// fact: "as I explained when we spoke this morning". It sets before the
// sentence that gives the reason, which it refers to.
func framing(d string) bool { return framingLead.MatchString(d) }

var framingLead = regexp.MustCompile(`(?i)^as (i|we|you|mentioned|discussed|promised|agreed|said)\b`)

// finiteVerbs are the verbs that make a detail a sentence of its own when
// they come before any relative clause: "urgent family concerns keep me
// here", "Silverline's training program lets me ...".
var finiteVerbs = []string{"is", "are", "was", "were", "has", "have", "had", "will", "would", "can", "could", "cannot", "must",
	"should", "may", "might", "isn't", "aren't", "wasn't", "weren't", "doesn't", "don't", "didn't", "won't", "can't", "hasn't",
	"haven't", "lets", "let", "means", "mean", "keep", "keeps", "need", "needs", "took", "takes", "gives", "gave", "allows",
	"offers", "fits", "suits", "requires", "require", "starts", "pays", "got", "came", "comes", "makes", "made", "wants", "did", "does",
	"involves", "involve", "includes", "entails", "seems", "depends", "remains", "make", "prevent", "prevents", "force", "forces"}

// notBeforeVerb are the words after which a word in -ed is an adjective
// or a participle ("an unexpected emergency", "as described"), not a verb.
var notBeforeVerb = []string{"as", "been", "be", "being", "very", "more", "most", "less", "well", "in", "of", "by", "with", "for",
	"on", "at", "from", "to", "and", "or", "not"}

// relatives open a clause inside a noun phrase, after which a verb does not
// make the detail a sentence: "another internship that focuses on ...".
var relatives = []string{"that", "which", "who", "where", "whose", "when", "as", "because", "since", "while", "so", "if"}

// subjectPronouns are the pronouns that, inside a noun phrase, open a clause of
// its own.
var subjectPronouns = []string{"i", "you", "we", "they", "he", "she"}

// afterParticiple are the words after which a word in -ed is a past
// participle that describes the noun before it ("the questions asked
// during the interview"), not the verb of a sentence.
var afterParticiple = []string{"by", "during", "throughout"}

// reportVerbs take an object and so, followed by a preposition instead,
// are a participle: "the time requirements described in the interview".
var reportVerbs = []string{"described", "mentioned", "discussed", "outlined", "offered", "proposed", "advertised", "stated", "explained",
	"presented", "indicated", "listed", "expected", "required", "agreed"}

// prepositions that follow a participle of a reporting verb.
var afterReport = []string{"in", "at", "on", "during", "for", "to", "by", "over", "when"}

// hasFiniteVerb reports a verb in the main part of d, before any relative.
func hasFiniteVerb(d string) bool {
	ws := words(d)
	for i, w := range ws {
		if slices.Contains(relatives, w) {
			return false
		}
		if i > 0 && slices.Contains(subjectPronouns, w) && ws[i-1] != "and" {
			return false // "the way you described the role": a clause inside the noun phrase
		}
		if slices.Contains(finiteVerbs, w) {
			return i > 0
		}
		if i > 0 && len(w) > 4 && strings.HasSuffix(w, "ed") {
			prev := ws[i-1]
			if i+1 < len(ws) && (slices.Contains(afterParticiple, ws[i+1]) || slices.Contains(reportVerbs, w) && slices.Contains(afterReport, ws[i+1])) {
				continue // "the knowledge demonstrated by your team": a participle, not the verb
			}
			if !slices.Contains(determiners, prev) && !slices.Contains(notBeforeVerb, prev) && !strings.HasSuffix(prev, "ly") {
				return true
			}
		}
	}
	return false
}

// detailInReason reports a detail that stands in the place of the letter's
// own reason: the rival offer or the real reason, when the user chose a
// reason of the list (their own words, reason other, come first, and the
// detail follows them).
func detailInReason(r Request) bool {
	k := detailKindOf(r)
	return r.Detail != "" && !framing(r.Detail) && (k == DetailOffer || k == DetailReason) && r.Reason != ReasonOther
}

// detailAfterReason reports a fact detail that follows the user's own
// reason (reason other), which it explains further.
func detailAfterReason(r Request) bool {
	k := detailKindOf(r)
	return r.Detail != "" && !framing(r.Detail) && (k == DetailOffer || k == DetailReason) && r.Reason == ReasonOther
}

// detailAppreciated reports a detail woven in beside the thanks.
func detailAppreciated(r Request) bool {
	return r.Detail != "" && !framing(r.Detail) && detailKindOf(r) == DetailAppreciated
}

// acceptWords mark a clause that already says the offer was taken.
var acceptWords = []string{"accept", "took", "taken", "taking", "take", "join", "signed", "chose", "chosen", "decided", "start", "going to", "said yes", "agreed", "committed"}

// ownReason is a reason in the user's own words, as a sentence: the rival
// offer (kind offer) names the offer taken ("I have accepted another
// internship that ..."), and a clause about it that does not say it was
// taken follows our sentence that does ("I have accepted another offer,
// as Silverline's programme lets me ..."); a real reason is framed as the
// reason (see framedOwn), unless frame is false: it then follows the
// reason it explains further, and a clause stands as written.
func ownReason(r Request, v values, c chooser, own string, kind DetailKind, after string, frame bool) string {
	if kind != DetailOffer {
		tone := r.Tone
		if r.Channel == ChannelPhone {
			tone = ToneWarm // "I'm moving to Lisbon" aloud, in any tone
		}
		return framedOwn(r, v, c, readOwn(own, tone), after, frame)
	}
	v.detail = own
	switch {
	case isSentence(own):
		if !isClause(own) && !hasMarker(strings.ToLower(own), acceptWords) {
			lead := c.sentence(partReason+partLead, acceptedLeads[r.Tone], nil, v, after)
			return strings.TrimSuffix(lead, ".") + ", as " + ownLower(own) + "."
		}
		return capitalizeSafe(own) + "."
	case isGerund(own):
		v.detail = lowerOwn(own)
		return c.sentence(partReason, gerundReasons[r.Tone], nil, v, after)
	}
	return c.sentence(partReason, offerReasons[r.Tone], nil, v, after)
}

// isSentence reports a detail that reads as a sentence of its own: it
// starts with a subject ("I", "it") or has a verb before any relative
// clause.
func isSentence(d string) bool { return isClause(d) || hasFiniteVerb(d) }

// isGerund reports a detail that opens with a verb in -ing.
func isGerund(d string) bool {
	fs := strings.Fields(d)
	if len(fs) == 0 {
		return false
	}
	w := strings.ToLower(fs[0])
	return len(w) > 4 && strings.HasSuffix(w, "ing") && !slices.Contains(ingNouns, w)
}

// ingNouns end in -ing but are no verb: "ongoing health treatment" is a
// noun phrase.
var ingNouns = []string{"ongoing", "upcoming", "outgoing", "incoming", "during", "nothing", "something", "anything", "everything",
	"morning", "evening", "spring", "string", "thing", "things", "wedding", "building", "funding", "housing", "clothing", "ceiling",
	"earnings", "feeling", "feelings", "long-standing", "amazing", "interesting", "exciting", "according", "pending"}

// The sentences that give a reason in the user's words, by its shape.
var (
	gerundReasons = toned{
		ToneFormal: {"I am {detail}."},
		ToneWarm:   {"I'm {detail}."},
	}
	offerReasons = toned{
		ToneFormal: {"I have accepted {detail}.", "I have decided to accept {detail}."},
		ToneWarm:   {"I've accepted {detail}.", "I've said yes to {detail}."},
	}
	acceptedLeads = toned{
		ToneFormal: {"I have accepted another offer.", "I have accepted a position elsewhere."},
		ToneWarm:   {"I've accepted another offer.", "I've accepted a job elsewhere."},
	}
)

// traineeWords name a role that is a training place, not a job.
var traineeWords = []string{"intern", "internship", "residency", "resident", "apprentice", "apprenticeship", "placement", "trainee", "fellowship"}

// jobFor is the word our reasons use for the kind of place r declines:
// "internship" or "place" for a training role, so a letter never calls an
// internship a job.
func jobFor(role string) (a, noun string) {
	ws := words(role)
	switch {
	case slices.Contains(ws, "intern") || slices.Contains(ws, "internship"):
		return "an", "internship"
	case slices.ContainsFunc(ws, func(w string) bool { return slices.Contains(traineeWords, w) }):
		return "a", "place"
	}
	return "", ""
}

var aJob = regexp.MustCompile(`\b(a|another|new) job\b`)

// forRole rewrites "a job" in one of our reasons for a training role.
func forRole(r Request, s string) string {
	a, noun := jobFor(r.Role)
	if noun == "" || !strings.Contains(s, "job") {
		return s
	}
	return aJob.ReplaceAllStringFunc(s, func(m string) string {
		if strings.HasPrefix(m, "a ") {
			return a + " " + noun
		}
		return strings.TrimSuffix(m, "job") + noun
	})
}

// ownLower lower-cases the first letter of the user's words to follow a
// clause of ours, only when their first word is a common one: a name
// ("Silverline's programme") keeps its capital.
func ownLower(s string) string {
	first, _, _ := strings.Cut(s, " ")
	if l := strings.ToLower(first); first != l && (slices.Contains(determiners, l) || slices.Contains(subjectPronouns[1:], l)) {
		return l + s[len(first):]
	}
	return s
}

// eventHeads are the nouns of something that happened between the user and
// the employer ("our meeting on Tuesday", "the conversation about ..."),
// which a letter says it enjoyed rather than appreciated or valued.
var eventHeads = []string{"conversation", "conversations", "discussion", "discussions", "meeting", "interview", "interviews",
	"tour", "chat", "talk", "visit", "lunch", "presentation", "demo"}

// eventSentences weave in an event the user appreciated (see eventHeads);
// the "first" ones open the letter, before the decline.
var eventSentences = map[bool]toned{
	false: {
		ToneFormal: {"I very much enjoyed {detail}.", "I greatly enjoyed {detail}.", "{Detail} was a particular pleasure.",
			"I particularly enjoyed {detail}.", "{Detail} was very useful to me."},
		ToneWarm: {"I really enjoyed {detail}.", "{Detail} was a real highlight.", "I especially liked {detail}.",
			"{Detail} was great.", "I got a lot out of {detail}."},
	},
	true: {
		ToneFormal: {"I very much enjoyed {detail}, which makes this a harder letter to write."},
		ToneWarm:   {"I really enjoyed {detail}, so this isn't easy to write."},
	},
}
