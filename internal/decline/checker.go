package decline

import (
	"cmp"
	"slices"
	"strings"
)

// The rules CheckLetter applies, in the order it reports them.
const (
	RuleClear       = "clear"        // the decline is stated plainly in the first two sentences
	RuleGratitude   = "gratitude"    // the letter thanks the reader
	RuleBriefReason = "brief_reason" // at most a short sentence or two of reason
	RuleRespectful  = "respectful"   // no judging or blaming words
	RuleOffer       = "offer"        // an offer of help or to stay in touch
	RulePersonal    = "personal"     // names the contact, company and role; no placeholders
	RuleSigned      = "signed"       // signed with the sender's name
	RuleLength      = "length"       // a sensible length for the channel
)

// The severities of a Check: an error should be fixed before the letter is
// sent; a warning is advice.
const (
	SeverityError   = "error"
	SeverityWarning = "warning"
)

// rules are applied in this order; the severity of each is fixed in its
// function: clear, gratitude, respectful, personal and signed are errors,
// brief_reason, offer and length warnings.
var rules = []func(letterText) Check{
	ruleClear, ruleGratitude, ruleBriefReason, ruleRespectful, ruleOffer, rulePersonal, ruleSigned, ruleLength,
}

// letterText is a letter prepared once for every rule.
type letterText struct {
	letter    Letter
	req       Request  // cleaned, with the defaults applied
	words     []string // the body's words
	sentences []string // the body's sentences after the greeting line
	scrubbed  string   // subject and body, normalised, without the request's own names
}

// CheckLetter applies the etiquette rules to l, which was written (or edited
// by hand) for r, and returns one Check per rule in the order RuleClear,
// RuleGratitude, RuleBriefReason, RuleRespectful, RuleOffer, RulePersonal,
// RuleSigned, RuleLength. It never fails: an odd letter gets failing checks.
func CheckLetter(l Letter, r Request) []Check {
	r = normalizeRequest(r)
	t := letterText{
		letter:    l,
		req:       r,
		words:     words(l.Body),
		sentences: splitSentences(withoutGreeting(l.Body)),
		scrubbed:  scrub(l.Subject+"\n"+l.Body, r),
	}
	checks := make([]Check, len(rules))
	for i, rule := range rules {
		checks[i] = rule(t)
	}
	return checks
}

// FailedErrors returns the checks that failed with severity error: the ones
// that should stop a letter from being sent.
func FailedErrors(checks []Check) []Check {
	var out []Check
	for _, c := range checks {
		if !c.OK && c.Severity == SeverityError {
			out = append(out, c)
		}
	}
	return out
}

func pass(rule, severity, hint string) Check {
	return Check{Rule: rule, OK: true, Severity: severity, Hint: hint}
}

func fail(rule, severity, hint string) Check {
	return Check{Rule: rule, OK: false, Severity: severity, Hint: hint}
}

// greetingWords open a salutation line.
var greetingWords = phrases("dear", "hi", "hello", "hey", "good morning|afternoon|evening|day", "greetings", "to")

// withoutGreeting drops the first line of s when it is a salutation such as
// "Dear Dr. Smith,": a short line ending in a comma or colon, or one that
// starts with a greeting word.
func withoutGreeting(s string) string {
	s = strings.TrimLeft(s, " \t\r\n")
	first, rest, _ := strings.Cut(s, "\n")
	line := strings.TrimSpace(first)
	if !strings.HasSuffix(line, ",") && !strings.HasSuffix(line, ":") {
		return s
	}
	ws := words(line)
	if len(ws) <= 6 || (len(ws) > 0 && containsPhrase(ws[:min(2, len(ws))], greetingWords)) {
		return rest
	}
	return s
}

// scrub normalises text and blanks out the request's own names and contact
// details, longest first, so that user data is not mistaken for a
// placeholder or an insult.
func scrub(text string, r Request) string {
	vals := []string{r.Company, r.Role, r.ContactName, r.Sender.Name, r.Sender.Email, r.Sender.Phone, r.Sender.Link}
	slices.SortFunc(vals, func(a, b string) int { return cmp.Compare(len(b), len(a)) })
	out := normalize(text)
	for _, v := range vals {
		if nv := normalize(v); nv != "" {
			out = strings.ReplaceAll(out, nv, " ")
		}
	}
	return out
}
