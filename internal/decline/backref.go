package decline

import (
	"regexp"
	"strings"
)

// Thanks for arranging the interview may point back at it with "it"
// ("Thank you for your help in arranging it."), which reads right only
// straight after the sentence that names the interview: after the reason
// or an apology, "it" points at them ("This is due to a family emergency.
// I am grateful to you for organising it."). Where the composer sets such
// a line is decided by the shape of the letter, and an apology may be set
// in after it is chosen (see emailWriter.apologise), so the rule is kept
// on the finished text: everywhere else the line names the interview.

// itArranged matches the "it" of thanks that points back at the
// interview, with the "up" of "setting it up".
var itArranged = regexp.MustCompile(`\b(arranging|organising|organizing|setting|sorting) it( up)?\b`)

// namesInterview matches a sentence that names the interview.
var namesInterview = regexp.MustCompile(`(?i)\b(interview|meeting)\b`)

// interviewNouns name the interview in place of "it", the first that
// repeats no word of the sentence after the line.
var interviewNouns = []string{"the interview", "our meeting", "the appointment"}

// thanksIt reports thanks whose "it" points back at the interview.
func thanksIt(s string) bool {
	return itArranged.MatchString(s) && thanks(s)
}

// itDangles reports thanks of thanksIt whose "it" points at something
// else: neither the sentence before it (prev) nor its own words before
// the "it" ("... and won't make our interview on ..., but thanks for
// setting it up.") name the interview.
func itDangles(prev, s string) bool {
	if !strings.Contains(s, "ing it") {
		return false // every verb of itArranged ends in "ing": most sentences are done here
	}
	loc := itArranged.FindStringIndex(s)
	return loc != nil && thanks(s) && !namesInterview.MatchString(s[:loc[0]]) && !namesInterview.MatchString(prev)
}

// anchorIt is text with every thanks of thanksIt whose "it" dangles (see
// itDangles) made to name the interview.
func anchorIt(text string) string {
	if !strings.Contains(text, " it") {
		return text // most letters: nothing to anchor
	}
	ss := splitSentences(text)
	out, from := text, 0
	for i, s := range ss {
		at := strings.Index(out[from:], s)
		if at < 0 {
			continue
		}
		at += from
		prev, next := "", ""
		if i > 0 {
			prev = ss[i-1]
		}
		if i+1 < len(ss) {
			next = ss[i+1]
		}
		named := anchored(prev, s, next)
		if named != s { // most sentences stand as they are: no copy of the text for them
			out = out[:at] + named + out[at+len(s):]
		}
		from = at + len(named)
	}
	return out
}

// anchored is s, set between prev and next, made to name the interview
// when its "it" dangles ("Thank you for your help in arranging the
// interview.", "Thanks for setting up our meeting.").
func anchored(prev, s, next string) string {
	if !itDangles(prev, s) {
		return s
	}
	return itArranged.ReplaceAllString(s, "$1$2 "+interviewNoun(next))
}

// interviewNoun is the first of interviewNouns that repeats no word of
// next.
func interviewNoun(next string) string {
	stems := contentStems(next)
	for _, n := range interviewNouns {
		if !repeatsStem(stems, n) {
			return n
		}
	}
	return interviewNouns[0]
}
