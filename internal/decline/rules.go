package decline

import (
	"fmt"
	"strings"
)

// The rules of a good decline, and the words and phrases they look for.
// Every list is matched on whole, normalised words (see words and phrase):
// case does not matter, curly apostrophes and dashes count as straight ones,
// a hyphen separates words ("low-ball" is "low ball"), '|' lists
// alternatives and a trailing '*' matches any ending ("insult*" finds
// "insulting"). Because matching is by whole word, "assessment" never
// trips on "ass".

// declinePhrases state a decline in plain words (rule clear).
var declinePhrases = phrases(
	"declin*", "withdr*", "turn*|turning down", "turn* it|this|them down", "turn* the|your offer|invitation|interview down",
	"pass on", "must|have|need to pass", "cancel*", "step*|stepping back|away|aside|down",
	"remove* myself", "take|taking myself out", "answer is no", "answer has to be no", "answer will have to be no", "answer is going to be no", "answer must|will|would be no", "no longer interested|available|pursuing|considering",
	"say|saying no", "opt*|opting out", "bow* out", "pull* out", "back* out", "not the right move for me",
)

// reschedulePhrases ask to move an interview, which declines nothing.
var reschedulePhrases = phrases("reschedul*", "postpon*", "another time|day|date", "different time|day|date",
	"move|push the|our interview|call|meeting", "later date", "new time|date")

// plainDeclines state a decline even beside words that reschedule.
var plainDeclines = phrases("declin*", "withdr*", "turn* down")

// negations followed within four words by one of refusalVerbs also state a
// decline: "I will not be able to accept", "I won't be moving forward";
// hedges ("not sure", "cannot wait") do not.
var (
	negations    = alts("not|won't|can't|cannot|don't|unable|wouldn't|shan't|never")
	hedges       = alts("sure|certain|wait|yet|only|just")
	refusalVerbs = alts("accept*|attend*|proceed*|pursu*|continu*|join*|forward|ahead|take|taking|interview*|commit*")
)

// gratitudeWords thank the reader (rule gratitude); "Thanksgiving" and
// "thankless" are not thanks, nor is a negated "no thanks".
var (
	gratitudeWords = alts("thank|thanks|thanked|thanking|thankful|grateful|gratefully|gratitude|appreciat*")
	gratitudeNeg   = alts("no|not|don't|never|hardly|nothing|without")
)

// reasonMarkers flag a sentence that explains the decline (rule
// brief_reason).
var reasonMarkers = phrases(
	"because", "as i|my|we", "since", "due to", "reason*", "accept*|accepted another|other|a|an offer|role|position|job",
	"another offer|position|role|job", "other offer*", "timing", "relocat*", "commut*", "location", "salar*",
	"compensation", "package", "pay", "paid", "culture", "circumstance*", "personal", "family", "health",
	"priorit*", "better suited", "right match", "career", "distance", "budget", "partner", "burnout",
)

// maxReasonSentences and maxReasonWords bound rule brief_reason.
const (
	maxReasonSentences = 2
	maxReasonWords     = 40
	maxReasonMarkers   = 4 // more than this many reasons is a list of grievances
)

// offerPhrases offer help or a way to stay in touch (rule offer); a
// negation just before one ("do not contact me") cancels it.
var offerPhrases = phrases(
	"keep*|stay*|staying in touch|contact", "stay*|staying connected", "get in touch", "reach me|out", "contact me",
	"refer*", "recommend*", "future opportunit*", "paths cross", "cross paths", "happy|glad|pleased to help|answer|assist",
	"my details", "my contact details", "point them|him|her to you", "connect on|with", "linkedin", "let me know if", "your way", "good word",
	"speak well|highly", "pass it|this on", "pass the role|position|job on", "hear from you", "in the future", "down the line|road", "another time",
	"keep|bear me in mind", "drop me a line", "considered for other|future", "hear of|about other|future|it", "pass the advert on",
)

// The indexes of the lists scanned at every word, and the "no" that
// cancels an offer.
var (
	reasonIndex, offerIndex = indexPhrases(reasonMarkers), indexPhrases(offerPhrases)
	declineIndex            = indexPhrases(declinePhrases)
	rescheduleIndex         = indexPhrases(reschedulePhrases)
	justNo                  = alts("no")
)

// ruleClear: the decline is unmistakable in the first paragraph after the
// greeting (thanks may come first), or in the first three sentences; on the
// phone, in the first six. A request to reschedule declines nothing.
func ruleClear(t letterText) Check {
	if t.followUp {
		return pass(RuleClear, SeverityError, "A follow-up refers to the decline already made.")
	}
	limit := 3
	if t.req.Channel == ChannelPhone {
		limit = 6
	}
	scope := t.sentences[:min(limit, len(t.sentences))]
	if len(t.paras) > 0 && len(t.paras[0]) > len(scope) {
		scope = t.paras[0]
	}
	for i := range scope {
		if declines(t.sentWs[i]) {
			return pass(RuleClear, SeverityError, "The decline is stated plainly at the start.")
		}
	}
	return fail(RuleClear, SeverityError, `Say at the start what you are declining, in plain words: "I have decided to decline the interview" or "I am withdrawing my application". Asking to reschedule is not a decline.`)
}

// declines reports whether a sentence states a decline.
func declines(ws []string) bool {
	if rescheduleIndex.contains(ws) && !containsPhrase(ws, plainDeclines) {
		return false
	}
	return declineIndex.contains(ws) || negatedRefusal(ws)
}

// negatedRefusal reports a negation followed within four words by a refusal
// verb, unless the negation is a hedge ("not sure I can attend").
func negatedRefusal(ws []string) bool {
	for i, w := range ws {
		if !negations.matches(w) || i+1 < len(ws) && hedges.matches(ws[i+1]) {
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

// ruleGratitude: the letter thanks the reader, and means it. A negation
// counts only in the sentence of the thanks: "The answer is no. Thank you
// for ..." thanks.
func ruleGratitude(t letterText) Check {
	ws := t.neutralWs
	for i, w := range ws {
		if gratitudeWords.matches(w) && !negatedAt(ws[t.sentenceStart[i]:i+1], i-t.sentenceStart[i], gratitudeNeg, 2) &&
			!(i+1 < len(ws) && ws[i+1] == "for" && i+2 < len(ws) && ws[i+2] == "nothing") {
			return pass(RuleGratitude, SeverityError, "The letter thanks them.")
		}
	}
	return fail(RuleGratitude, SeverityError, "Thank them for the invitation and their time, e.g. \"Thank you for your time and for considering me.\"")
}

// negatedAt reports a word of neg within n words before ws[i].
func negatedAt(ws []string, i int, neg alternatives, n int) bool {
	for j := max(0, i-n); j < i; j++ {
		if neg.matches(ws[j]) {
			return true
		}
	}
	return false
}

// ruleBriefReason: the sentences that give a reason number at most two and
// hold at most maxReasonWords words together. No reason at all is fine.
func ruleBriefReason(t letterText) Check {
	var n, total, markers int
	var first string
	for i, s := range t.sentences {
		ws := t.sentWs[i]
		if found := reasonIndex.find(ws); found > 0 {
			if n == 0 {
				first = s
			}
			n++
			total += len(ws)
			markers += found
		}
	}
	if t.followUp || n <= maxReasonSentences && total <= maxReasonWords && markers <= maxReasonMarkers {
		return pass(RuleBriefReason, SeverityWarning, "The reason, if any, is brief.")
	}
	return fail(RuleBriefReason, SeverityWarning, fmt.Sprintf(
		"Keep the reason to one short sentence: %d sentences (%d words) explain it now, starting with %q.", n, total, truncate(first, 60)))
}

// hintNoOfferByChoice is the offer rule's hint when the letter makes no
// offer because the user chose none.
const hintNoOfferByChoice = "You chose to offer nothing."

// NoOfferByChoice reports whether c is the offer rule passing only because
// the user chose to make no offer, so a checklist can say so instead of
// "An offer of help". Stored checks carry the same hint.
func NoOfferByChoice(c Check) bool {
	return c.Rule == RuleOffer && c.OK && c.Hint == hintNoOfferByChoice
}

// ruleOffer: the letter offers help or a way to stay in touch, unless the
// user chose to offer none. A negation counts only in the sentence of the
// offer ("The answer is no. Let's keep in touch." offers; "Please do not
// contact me" does not), and "don't hesitate to" is no negation.
func ruleOffer(t letterText) Check {
	ws := t.neutralWs
	for i := range ws {
		for _, p := range offerIndex.at(ws[i]) {
			if p.matchAt(ws, i) && !offerNegated(ws[t.sentenceStart[i]:i+1], i-t.sentenceStart[i]) {
				return pass(RuleOffer, SeverityWarning, "The letter offers to stay in touch or help.")
			}
		}
	}
	if t.req.Offer == OfferNone {
		return pass(RuleOffer, SeverityWarning, hintNoOfferByChoice)
	}
	return fail(RuleOffer, SeverityWarning, "Offer something: to stay in touch, to refer someone suitable, or how to reach you.")
}

// offerNegated reports a negation within three words before the offer
// at ws[i], other than one of "don't hesitate to".
func offerNegated(ws []string, i int) bool {
	for j := max(0, i-3); j < i; j++ {
		if (negations.matches(ws[j]) || justNo.matches(ws[j])) && ws[j+1] != "hesitate" {
			return true
		}
	}
	return false
}

// shoutedWord reports a word of four or more letters written in capitals.
func shoutedWord(w string) bool {
	if len(w) < 4 {
		return false
	}
	if !plainASCII(w) {
		return strings.ToUpper(w) == w && strings.ToLower(w) != w
	}
	// In ASCII: no small letter and a capital.
	upper := false
	for i := 0; i < len(w); i++ {
		switch c := w[i]; {
		case 'a' <= c && c <= 'z':
			return false
		case 'A' <= c && c <= 'Z':
			upper = true
		}
	}
	return upper
}
