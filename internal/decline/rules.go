package decline

import (
	"fmt"
	"regexp"
	"strings"
)

// The rules of a good decline, and the words and phrases they look for.
// Every list is matched on whole, normalised words (see words and phrase):
// case does not matter, curly apostrophes and dashes count as straight ones,
// a hyphen separates words ("low-ball" is "low ball"), '|' lists
// alternatives and a trailing '*' matches any ending ("insult*" finds
// "insulting"). Because matching is by whole word, "assessment" never
// trips on "ass" and "Scunthorpe" never trips on anything.

// declinePhrases state a decline in plain words (rule clear).
var declinePhrases = phrases(
	"declin*", "withdr*", "turn*|turning down", "turn* it|this|the|your offer|invitation down",
	"pass on", "must|have|need to pass", "cancel*", "step*|stepping back|away|aside",
	"remove* myself", "take|taking myself out", "no longer interested|available|pursuing|considering",
	"say|saying no", "reject*", "opt*|opting out",
)

// negations followed within four words by one of refusalVerbs also state a
// decline: "I will not be able to accept", "I won't be moving forward".
var (
	negations    = alts("not|won't|can't|cannot|don't|unable|wouldn't|shan't|never")
	refusalVerbs = alts("accept*|attend*|proceed*|pursu*|continu*|join*|forward|ahead|take|taking|interview*|commit*")
)

// gratitudePhrases thank the reader (rule gratitude).
var gratitudePhrases = phrases("thank*", "grateful*", "gratitude", "appreciat*")

// reasonMarkers flag a sentence that explains the decline (rule
// brief_reason). They are the words people use to give a reason; a letter's
// thanks, offer of help and closing wish should not need them.
var reasonMarkers = phrases(
	"because", "as i|my|we", "since", "due to", "reason*", "accept*|accepted another|other|a|an offer|role|position|job",
	"another offer|position|role|job", "other offer*", "timing", "relocat*", "commut*", "location", "salar*",
	"compensation", "package", "pay", "paid", "culture", "fit", "circumstance*", "personal", "family", "health",
	"priorit*", "better suited", "right match", "align*", "career", "distance", "hours", "remote", "budget",
)

// maxReasonSentences and maxReasonWords bound rule brief_reason.
const (
	maxReasonSentences = 2
	maxReasonWords     = 40
)

// offerPhrases offer help or a way to stay in touch (rule offer).
var offerPhrases = phrases(
	"keep*|stay*|staying in touch|contact", "stay*|staying connected", "get in touch", "reach me", "contact me",
	"refer*", "recommend*", "future opportunit*", "paths cross", "cross paths", "happy|glad|pleased to help|answer|assist",
	"my details", "my contact details", "connect on|with", "linkedin", "let me know if", "your way",
)

// negativePhrases judge, blame or insult the company, its people, the role,
// the process or the pay (rule respectful).
var negativePhrases = phrases(
	// the process and the people
	"waste of time", "waste of my time", "wasted my|our time", "wasting my time", "disorgani*", "unorgani*",
	"chaos", "chaotic", "a mess", "messy", "shambles", "circus", "clown*", "nightmare*", "disaster*",
	"unprofessional*", "rude*", "arrogan*", "condescending", "patroni*", "disrespect*", "incompeten*", "clueless",
	"amateur*", "lazy", "sloppy", "careless", "useless", "idiot*", "moron*", "stupid*", "dumb", "ignorant",
	"ghosted me", "lied", "liar*", "dishonest*", "shady", "sketchy", "scam*", "fraud*", "bait and switch",
	"red flag*", "toxic*", "hostile", "unfair*", "unacceptable", "shame*", "ashamed", "embarrass*",
	"appalling", "outrageous", "disgust*", "pathetic", "ridiculous*", "absurd", "laughable", "joke*",
	"terrible", "awful*", "horrible", "horrendous", "dreadful", "worst", "bad experience", "disappointing",
	"disappointed by|with|in", "mediocre", "inferior", "boring", "dead end",
	// the pay
	"lowball*", "low ball*", "low pay|salary|offer|compensation|package|wage*", "too low", "so low",
	"underpa*", "cheap*", "stingy", "peanuts", "penny pinching", "greed*", "exploit*", "insult*",
	"below market", "not worth", "beneath me", "out of touch", "slave*",
	// plain abuse
	"garbage", "trash*", "rubbish", "crap*", "suck|sucks|sucked", "hate|hated|hates|hateful", "damn*",
	"bullshit", "shit*", "ass", "asshole*", "wtf", "fuck*", "cunt*", "bastard*", "bitch*", "pissed",
)

// placeholders are the marks of a template that was never filled in.
var placeholders = regexp.MustCompile(
	`\[[^\[\]\n]{0,40}\]|\{\{|\}\}|\$\{|\{[a-z_ ]{1,30}\}|<[a-z][a-z _-]{0,30}>|\bx{3,}\b|\btodo\b|\btbd\b|%[sdvq]`)

// lengthRange is the sensible number of words for a letter on a channel.
type lengthRange struct{ min, max int }

var lengths = map[Channel]lengthRange{
	ChannelEmail:   {60, 250},
	ChannelPhone:   {25, 160},
	ChannelMessage: {15, 120},
}

// ruleClear: the decline is stated in plain words in the first two
// sentences after the greeting.
func ruleClear(t letterText) Check {
	for i, s := range t.sentences {
		if i == 2 {
			break
		}
		ws := words(s)
		if containsPhrase(ws, declinePhrases) || negatedRefusal(ws) {
			return pass(RuleClear, SeverityError, "The decline is stated plainly at the start.")
		}
	}
	return fail(RuleClear, SeverityError, `Say in the first two sentences what you are declining, in plain words: "I am writing to decline your invitation to interview for ..." or "I have decided to withdraw my application".`)
}

// negatedRefusal reports a negation followed within four words by a refusal
// verb.
func negatedRefusal(ws []string) bool {
	for i, w := range ws {
		if !negations.matches(w) {
			continue
		}
		for j := i + 1; j < len(ws) && j <= i+4; j++ {
			if refusalVerbs.matches(ws[j]) {
				return true
			}
		}
	}
	return false
}

// ruleGratitude: the letter thanks the reader.
func ruleGratitude(t letterText) Check {
	if containsPhrase(t.words, gratitudePhrases) {
		return pass(RuleGratitude, SeverityError, "The letter thanks them.")
	}
	return fail(RuleGratitude, SeverityError, "Thank them for the invitation and their time, e.g. \"Thank you for your time and for considering me.\"")
}

// ruleBriefReason: the sentences that contain a reason marker number at most
// two and hold at most forty words together. No reason at all is fine.
func ruleBriefReason(t letterText) Check {
	var n, total int
	var first string
	for _, s := range t.sentences {
		ws := words(s)
		if containsPhrase(ws, reasonMarkers) {
			if n == 0 {
				first = s
			}
			n++
			total += len(ws)
		}
	}
	if n <= maxReasonSentences && total <= maxReasonWords {
		return pass(RuleBriefReason, SeverityWarning, "The reason, if any, is brief.")
	}
	return fail(RuleBriefReason, SeverityWarning, fmt.Sprintf(
		"Keep the reason to one short sentence: %d sentences (%d words) explain it now, starting with %q.", n, total, truncate(first, 60)))
}

// ruleRespectful: no word of negativePhrases appears outside the request's
// own names (a company may be called "Garbage Pail Ltd").
func ruleRespectful(t letterText) Check {
	found := findPhrases(words(t.scrubbed), negativePhrases)
	if len(found) == 0 {
		return pass(RuleRespectful, SeverityError, "The wording is respectful.")
	}
	quoted := make([]string, 0, 3)
	for _, f := range found[:min(3, len(found))] {
		quoted = append(quoted, fmt.Sprintf("%q", f))
	}
	return fail(RuleRespectful, SeverityError, "Remove or rephrase "+strings.Join(quoted, ", ")+
		": say what you are choosing, not what is wrong with them.")
}

// ruleOffer: the letter offers help or a way to stay in touch.
func ruleOffer(t letterText) Check {
	if containsPhrase(t.words, offerPhrases) {
		return pass(RuleOffer, SeverityWarning, "The letter offers to stay in touch or help.")
	}
	return fail(RuleOffer, SeverityWarning, "Offer something: to stay in touch, to refer someone suitable, or how to reach you.")
}
