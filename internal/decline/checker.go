package decline

import (
	"cmp"
	"slices"
	"strings"
)

// The rules CheckLetter applies, in the order it reports them.
const (
	RuleClear       = "clear"        // the decline is unmistakable at the start
	RuleGratitude   = "gratitude"    // the letter thanks the reader
	RuleBriefReason = "brief_reason" // at most a short sentence or two of reason
	RuleRespectful  = "respectful"   // no judging, blaming, sarcasm or passive aggression
	RuleOffer       = "offer"        // an offer of help or to stay in touch
	RulePersonal    = "personal"     // names the contact, company and role; no placeholders
	RuleWrongName   = "wrong_name"   // no company or contact of another application
	RuleShouting    = "shouting"     // not written in capitals
	RuleEmoji       = "emoji"        // no emoji in a letter to an employer
	RuleSigned      = "signed"       // signed with the sender's name
	RuleLength      = "length"       // a sensible length for the channel
)

// The severities of a Check: an error blocks sending; a warning is advice.
const (
	SeverityError   = "error"
	SeverityWarning = "warning"
)

// rules are applied in this order; the severity of each is fixed in its
// function.
var rules = []func(letterText) Check{
	ruleClear, ruleGratitude, ruleBriefReason, ruleRespectful, ruleOffer, rulePersonal,
	ruleWrongName, ruleShouting, ruleEmoji, ruleSigned, ruleLength,
}

// Rules returns the names of the rules in the order CheckLetter reports them.
func Rules() []string {
	return []string{RuleClear, RuleGratitude, RuleBriefReason, RuleRespectful, RuleOffer, RulePersonal,
		RuleWrongName, RuleShouting, RuleEmoji, RuleSigned, RuleLength}
}

// letterText is a letter prepared once for every rule. The request's own
// names are blanked out of neutral, so a company called "Bluebird Health"
// or "Killer Apps Ltd" never trips a rule by itself.
type letterText struct {
	letter    Letter
	req       Request  // cleaned, with the defaults applied
	followUp  bool     // a follow-up: nothing to decline
	text      string   // the subject and the body, a line apart
	textWs    []string // the words of text
	words     []string // the body's words (the tail of textWs)
	neutral   string   // subject and body with the request's names replaced
	lowNeut   string   // neutral, lower-cased
	neutralWs []string // the words of neutral
	// sentenceStart holds, for each word of neutralWs, the index of the
	// first word of its sentence, so a negation is read in its sentence;
	// neutralSentWs are the words of each sentence of neutral.
	sentenceStart []int
	neutralSentWs [][]string
	paras         [][]string
	sentences     []string   // the neutral body's sentences after the greeting line
	sentWs        [][]string // the words of each of sentences
}

// CheckLetter applies the etiquette rules to l, written or edited for r,
// and returns one Check per rule in the order of Rules. It never fails: an
// odd letter gets failing checks.
func CheckLetter(l Letter, r Request) []Check {
	return check(l, normalizeRequest(r), false)
}

// CheckFollowUp applies the rules to a follow-up; the decline was stated in
// the letter it follows, so rule clear and brief_reason always pass.
func CheckFollowUp(l Letter, r FollowUpRequest) []Check {
	r = normalizeFollowUp(r)
	return check(l, r.asRequest(), true)
}

// CheckLetterNames is CheckLetter(l, r) for r with Others the names
// others returns for the letter's NameKeys: the letter is read once for
// the keys and the rules. It returns r with those Others.
func CheckLetterNames(l Letter, r Request, others func(keys []string) ([]string, error)) (Request, []Check, error) {
	return checkNames(l, normalizeRequest(r), others)
}

// ComposeChecked is what a preview asks: Compose(r), then edit (which may
// be nil) applied to the letter, then CheckLetterNames on the result, with
// r cleaned and parsed once for both instead of once for each. It returns
// r normalised (see Normalize) with the Others looked up (others nil: r's
// own Others stand); on an error from Compose, r as it was given.
func ComposeChecked(r Request, edit func(*Letter), others func(keys []string) ([]string, error)) (Request, Letter, []Check, error) {
	n := normalizeRequest(r)
	l, err := compose(n)
	if err != nil {
		return r, l, nil, err
	}
	if edit != nil {
		edit(&l)
	}
	n, checks, err := checkNames(l, n, others)
	return n, l, checks, err
}

// checkNames is CheckLetterNames for r already normalised; with others
// nil, r's own Others stand.
func checkNames(l Letter, r Request, others func(keys []string) ([]string, error)) (Request, []Check, error) {
	t := readLetter(l, r, false)
	if others == nil {
		return r, applyRules(t), nil
	}
	var err error
	// The words of every sentence of neutral, in order, are its words.
	if r.Others, err = others(nameKeys(t.neutralWs)); err != nil {
		return r, nil, err
	}
	t.req.Others = r.Others
	return r, applyRules(t), nil
}

func check(l Letter, r Request, followUp bool) []Check {
	return applyRules(readLetter(l, r, followUp))
}

// applyRules applies every rule to t, in order.
func applyRules(t letterText) []Check {
	checks := make([]Check, len(rules))
	for i, rule := range rules {
		checks[i] = rule(t)
	}
	return checks
}

// readLetter prepares l, written for r, for the rules: its text, words
// and sentences are read once for all of them.
func readLetter(l Letter, r Request, followUp bool) letterText {
	neutral, lowNeut := neutralize(l.Subject+"\n\n"+l.Body, r)
	_, body, _ := strings.Cut(neutral, "\n\n")
	t := letterText{letter: l, req: r, followUp: followUp, text: l.Subject + "\n" + l.Body, neutral: neutral, lowNeut: lowNeut}
	// The line break ends every word of the subject, so the body's words
	// are the tail of the text's. The words of neutral are read from a
	// copy with its ASCII capitals lower-cased, the same words (the
	// scanner lower-cases them), each a piece of that one copy instead
	// of a copy of its own; in plain ASCII that copy is lowNeut.
	t.textWs = words(t.text)
	t.words = t.textWs[countWords(l.Subject):]
	low := lowNeut
	if !plainASCII(neutral) {
		low = lowerASCII(neutral)
	}
	t.neutralWs, t.sentenceStart, t.neutralSentWs = sentenceWords(low)
	for _, p := range strings.Split(withoutGreeting(body), "\n\n") {
		if s := splitSentences(p); len(s) > 0 {
			t.paras = append(t.paras, s)
			t.sentences = append(t.sentences, s...)
		}
	}
	// The body after its greeting starts a line of neutral, so its
	// sentences are the last of neutral's, whose words are read.
	if n, m := len(t.sentences), len(t.neutralSentWs); n <= m {
		t.sentWs = t.neutralSentWs[m-n:]
	} else {
		t.sentWs = make([][]string, n)
		for i, s := range t.sentences {
			t.sentWs[i] = words(s)
		}
	}
	return t
}

// sentenceWords are the words of s, as words splits them, for each the
// index of the first word of its sentence (see splitSentences), and the
// words of each sentence.
func sentenceWords(s string) (ws []string, start []int, sents [][]string) {
	n := len(s)/5 + 8 // about the number of words
	ws, start = make([]string, 0, n), make([]int, 0, n)
	for sent := range sentenceSeq(s) {
		first := len(ws)
		for w := range wordSeq(sent) {
			ws = append(ws, w)
			start = append(start, first)
		}
		sents = append(sents, ws[first:len(ws):len(ws)])
	}
	return ws, start, sents
}

// FailedErrors returns the checks that failed with severity error: the ones
// that stop a letter from being sent.
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

// neutralize replaces the request's own names and details in text, longest
// first and whatever their case, with a neutral word, so user data is never
// mistaken for a placeholder, an insult, a reason or shouting. It returns
// the result lower-cased too.
func neutralize(text string, r Request) (string, string) {
	vals := []string{r.Company, r.Role, r.Contact.Name, r.Contact.GreetingName, r.Contact.Title + " " + r.Contact.Name,
		r.Sender.Name, r.Sender.Email, r.Sender.Phone, r.Sender.Link}
	slices.SortFunc(vals, func(a, b string) int { return cmp.Compare(len(b), len(a)) })
	out := mapTypography(text)
	low := strings.ToLower(out)
	for _, v := range vals {
		if v = strings.TrimSpace(mapTypography(v)); len(v) > 1 {
			out, low = replaceFold(out, low, v, "Zed")
		}
	}
	return out, low
}

// replaceFold replaces every occurrence of old in s, whatever its case, by
// repl; low is strings.ToLower(s), and the lower-cased result comes back
// with the result. When lower-casing would change byte offsets it falls
// back to an exact replacement.
func replaceFold(s, low, old, repl string) (string, string) {
	lo := strings.ToLower(old)
	aligned := len(low) == len(s) && len(lo) == len(old)
	i := -1
	if aligned {
		if i = strings.Index(low, lo); i < 0 {
			return s, low // nothing to replace, whichever way
		}
	}
	lrepl := strings.ToLower(repl)
	if !aligned || len(lrepl) != len(repl) {
		s = strings.ReplaceAll(s, old, repl)
		return s, strings.ToLower(s)
	}
	// The places of lo, the first found above; then the text and its
	// lower case are written into one string and cut apart, one
	// allocation for both.
	var places [16]int
	at := places[:0]
	for off := 0; i >= 0; {
		at = append(at, off+i)
		off += i + len(lo)
		i = strings.Index(low[off:], lo)
	}
	n := len(s) + len(at)*(len(repl)-len(old))
	var b strings.Builder
	b.Grow(2 * n)
	for k, text := range [2]string{s, low} {
		r, from := repl, 0
		if k == 1 {
			r = lrepl
		}
		for _, p := range at {
			b.WriteString(text[from:p])
			b.WriteString(r)
			from = p + len(old)
		}
		b.WriteString(text[from:])
	}
	both := b.String()
	return both[:n], both[n:]
}

// NameKey is what a name of another application is looked up by before
// the wrong_name check: its first two words, as the checker splits them
// (its one word; "" for a name without words). The check can fail on the
// name only if its key is one of the letter's NameKeys.
func NameKey(name string) string {
	ws := words(clean(name))
	return strings.Join(ws[:min(2, len(ws))], " ")
}

// NameKeys returns the keys (see NameKey) of the names that rule
// wrong_name could find in l, written or edited for r: every word of the
// letter as the rule reads it, every two words in a row, and "" for the
// names without words, which the rule looks for as plain text. They come
// in the letter's order, and a key the letter holds twice comes twice: a
// lookup by them finds each name once all the same, and sorting them
// cost the preview more than the lookup saved.
func NameKeys(l Letter, r Request) []string {
	neutral, _ := neutralize(l.Subject+"\n\n"+l.Body, normalizeRequest(r))
	return nameKeys(words(neutral))
}

// nameKeys are the keys NameKeys returns for a letter's words ws, as
// words reads its neutralized text.
func nameKeys(ws []string) []string {
	keys := make([]string, 0, 2*len(ws)+1)
	keys = append(keys, "")
	// The pairs are written into one string and cut from it, one
	// allocation for them all.
	n := 0
	for i := 0; i+1 < len(ws); i++ {
		n += len(ws[i]) + 1 + len(ws[i+1])
	}
	var b strings.Builder
	b.Grow(n)
	for i := 0; i+1 < len(ws); i++ {
		b.WriteString(ws[i])
		b.WriteByte(' ')
		b.WriteString(ws[i+1])
	}
	pairs := b.String()
	for i, w := range ws {
		keys = append(keys, w)
		if i+1 < len(ws) {
			k := len(w) + 1 + len(ws[i+1])
			keys = append(keys, pairs[:k])
			pairs = pairs[k:]
		}
	}
	return keys
}
