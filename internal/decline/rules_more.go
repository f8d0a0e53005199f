package decline

import (
	"fmt"
	"regexp"
	"slices"
	"strings"
	"unicode"
	"unicode/utf8"
)

// placeholders are the marks of a template never filled in, in every
// common shape: [Company], {{name}}, {name}, ${x}, <your name>, (DATE),
// XXX, TODO, TBD, %s, and capitalised field names such as COMPANY NAME.
var (
	placeholders = regexp.MustCompile(`(?i)\[[^\[\]\n]{0,40}\]|\{\{|\}\}|\$\{|\{[a-z_ ]{1,30}\}|<[a-z][a-z _-]{0,30}>|\bx{3,}\b|\btodo\b|\btbd\b|%[sdvq]\b|\((?:date|time|day|name|company|role|position|title|job|your [a-z ]{1,20}|first name|last name|x+|insert [a-z ]{1,20})\)`)
	capsFields   = regexp.MustCompile(`\b(?:YOUR|COMPANY|CONTACT|HIRING MANAGER|RECRUITER|JOB|ROLE|POSITION|FIRST|LAST|FULL|INTERVIEWER|DATE|INSERT)(?: (?:NAME|TITLE|DATE|HERE))?\b`)
)

// mayHavePlaceholder reports whether low, a lower-cased letter, holds
// something every pattern of placeholders needs: a bracket, brace, '<',
// '%' or '(', or the words xxx, todo or tbd. Most letters hold none, and
// the pattern is the slowest step of the checker, so it runs only when
// this holds.
func mayHavePlaceholder(low string) bool {
	return strings.ContainsAny(low, "[]{}<%(") || strings.Contains(low, "xxx") || strings.Contains(low, "todo") || strings.Contains(low, "tbd")
}

// placeholder returns the first placeholder in s, or ""; low is s
// lower-cased. No match of placeholders holds a line break, and a line
// break reads as the start of the text does (not a word), so the pattern
// runs over each line that may hold a match, in order: the first match
// of the text, without reading the lines that cannot hold one (in most
// letters every line but the subject's "(name)").
func placeholder(s, low string) string {
	if !mayHavePlaceholder(low) {
		return ""
	}
	for len(s) > 0 {
		line, rest, _ := strings.Cut(s, "\n")
		if strings.ContainsAny(line, "[]{}<%(") || containsFold(line, "xxx") || containsFold(line, "todo") || containsFold(line, "tbd") {
			if p := placeholders.FindString(line); p != "" {
				return p
			}
		}
		s = rest
	}
	return ""
}

// capsField returns the first capitalised field name in s, or "".
func capsField(s string) string {
	if !hasCapsWord(s) {
		return ""
	}
	return capsFields.FindString(s)
}

// capsWords are the words one of which every match of capsFields starts
// with.
var capsWords = []string{"YOUR", "COMPANY", "CONTACT", "HIRING", "RECRUITER", "JOB", "ROLE", "POSITION",
	"FIRST", "LAST", "FULL", "INTERVIEWER", "DATE", "INSERT"}

// hasCapsWord reports whether s holds one of capsWords, which the pattern
// needs: most letters hold none, and the pattern is slow.
func hasCapsWord(s string) bool {
	for _, w := range capsWords {
		if strings.Contains(s, w) {
			return true
		}
	}
	return false
}

// rulePersonal: the contact (by first name, title and surname, or full
// name; a team as a team), the company and the role are named, and no
// placeholder is left.
func rulePersonal(t letterText) Check {
	text, ws := t.text, t.textWs
	var missing []string
	if !namesContact(text, ws, t.req.Contact, t.req.Channel, t.letter.Body) {
		missing = append(missing, fmt.Sprintf("the contact (%s)", t.req.Contact.GreetingIn(t.req.Tone, t.req.English)))
	}
	// A reply to the recruiter may leave out the company or the role, not both.
	if t.req.Company != "" && t.req.Role != "" && !mentions(text, ws, t.req.Company) && !mentions(text, ws, t.req.Role) {
		missing = append(missing, fmt.Sprintf("the company (%s) or the role (%s)", t.req.Company, t.req.Role))
	}
	if len(missing) > 0 {
		return fail(RulePersonal, SeverityError, "Name "+strings.Join(missing, ", ")+" in the letter.")
	}
	if p := placeholder(t.neutral, t.lowNeut); p != "" {
		return fail(RulePersonal, SeverityError, fmt.Sprintf("Fill in or remove the placeholder %q.", p))
	}
	if p := capsField(t.neutral); p != "" && !mostlyCaps(t.neutral) {
		return fail(RulePersonal, SeverityError, fmt.Sprintf("Fill in or remove the placeholder %q.", p))
	}
	return pass(RulePersonal, SeverityError, "The letter names the person, the company and the role.")
}

// namesContact reports whether the letter names the contact in any form a
// careful writer would: for a person a name form; for a team, nobody, or
// a person the user greets as nobody in particular ("Sir or Madam"), any
// greeting or the team.
func namesContact(text string, ws []string, c Contact, ch Channel, body string) bool {
	if c.Kind != ContactPerson || ch == ChannelPhone || impersonal(c.Greeting(ToneFormal)) || containsPhrase(words(strings.Join(firstLines(body, 1), " ")), teamGreetings) {
		return true
	}
	for _, f := range c.nameForms() {
		if mentions(text, ws, f) {
			return true
		}
	}
	return false
}

// teamGreetings address the team instead of the person, which is personal
// enough.
var teamGreetings = phrases("team", "hiring manager", "everyone", "all")

// ruleWrongName: the letter names no company or contact of the user's
// other applications (pasted from another letter by mistake).
func ruleWrongName(t letterText) Check {
	ws := t.neutralWs
	// Most users have a few other applications: their first words are
	// looked up in the letter's words directly; for many, in a set.
	// The first word of a plain name is lower-cased into buf, which the
	// lookups read without copying.
	var buf []byte
	inLetter := func(w string) bool { return slices.Contains(ws, w) }
	inLetterBuf := func() bool {
		for _, w := range ws {
			if w == string(buf) {
				return true
			}
		}
		return false
	}
	if len(t.req.Others) > 8 {
		set := make(map[string]bool, len(ws))
		for _, w := range ws {
			set[w] = true
		}
		inLetter = func(w string) bool { return set[w] }
		inLetterBuf = func() bool { return set[string(buf)] }
	}
	for _, o := range t.req.Others {
		// A name is found word by word, so a plain one with a word the
		// letter lacks is not in it: the common case, told without
		// splitting the name. (A thousand names "Company 1", "Company
		// 2", ... in a letter that says "company" are told apart by
		// their second words.)
		if missing, ok := eachASCIIWordAsTyped(o, func(w string) bool {
			buf = append(buf[:0], w...)
			for i, c := range buf {
				if 'A' <= c && c <= 'Z' {
					buf[i] = c + 'a' - 'A'
				}
			}
			return inLetterBuf()
		}); ok && missing {
			continue
		}
		o = clean(o)
		vw := words(o)
		if len(vw) > 0 && !inLetter(vw[0]) {
			continue // a name with words is found word by word, and its first is not in the letter
		}
		if o != "" && mentionsWords(t.neutral, ws, o, vw) {
			return fail(RuleWrongName, SeverityError, fmt.Sprintf("%q belongs to another of your applications; is this letter meant for %s?", o, t.req.Company))
		}
	}
	return pass(RuleWrongName, SeverityError, "No name from another application.")
}

// firstASCIIWord returns words(clean(s))[0] for a name of plain ASCII
// that clean leaves as it is; ok is false for any other name, and for one
// without words.
func firstASCIIWord(s string) (w string, ok bool) {
	w, ok = firstASCIIWordAsTyped(s)
	return strings.ToLower(w), ok
}

// eachASCIIWordAsTyped calls has with each of words(clean(s)) before
// lower-casing, for a name of plain ASCII that clean leaves as it is,
// until has returns false; missing reports that it did. ok is false for
// any other name, and for one without words (has is then not called).
func eachASCIIWordAsTyped(s string, has func(w string) bool) (missing, ok bool) {
	if !plainASCII(s) || !alreadyClean(s) {
		return false, false
	}
	start := -1
	for i := 0; i <= len(s); i++ {
		if i < len(s) {
			if c := s[i]; 'a' <= c && c <= 'z' || 'A' <= c && c <= 'Z' || '0' <= c && c <= '9' || c == '\'' {
				if start < 0 {
					start = i
				}
				continue
			}
		}
		if start >= 0 {
			if w := strings.Trim(s[start:i], "'"); w != "" {
				if ok = true; !has(w) {
					return true, true
				}
			}
			start = -1
		}
	}
	return false, ok
}

// firstASCIIWordAsTyped is firstASCIIWord before lower-casing.
func firstASCIIWordAsTyped(s string) (w string, ok bool) {
	_, ok = eachASCIIWordAsTyped(s, func(first string) bool { w = first; return false })
	return w, ok
}

// ruleShouting: the letter is not written mostly in capitals, and no more
// than two words are shouted for emphasis.
func ruleShouting(t letterText) Check {
	if mostlyCaps(t.neutral) || shoutedWords(t.neutral) > 2 {
		return fail(RuleShouting, SeverityError, "Write in normal case: capitals read as shouting.")
	}
	return pass(RuleShouting, SeverityError, "Written in normal case.")
}

// mostlyCaps reports whether more than half of the letters of s are capitals.
// shoutedWords counts the shouted words (see shoutedWord) among the runs
// of letters of s.
func shoutedWords(s string) int {
	n, start := 0, -1 // start: of the current run of letters, -1 outside one
	for i, r := range s {
		if r < utf8.RuneSelf && ('a' <= r && r <= 'z' || 'A' <= r && r <= 'Z') || r >= utf8.RuneSelf && unicode.IsLetter(r) {
			if start < 0 {
				start = i
			}
			continue
		}
		if start >= 0 && shoutedWord(s[start:i]) {
			n++
		}
		start = -1
	}
	if start >= 0 && shoutedWord(s[start:]) {
		n++
	}
	return n
}

func mostlyCaps(s string) bool {
	var up, all int
	for i := 0; i < len(s); {
		if c := s[i]; c < 0x80 {
			switch {
			case 'a' <= c && c <= 'z':
				all++
			case 'A' <= c && c <= 'Z':
				all++
				up++
			}
			i++
			continue
		}
		r, n := utf8.DecodeRuneInString(s[i:])
		i += n
		if unicode.IsLetter(r) {
			all++
			if unicode.IsUpper(r) {
				up++
			}
		}
	}
	return all >= 20 && up*2 > all
}

// ruleEmoji: no emoji, which read as casual in a letter to an employer.
func ruleEmoji(t letterText) Check {
	for i := 0; i < len(t.text); {
		if t.text[i] < 0x80 {
			i++ // no emoji is ASCII
			continue
		}
		r, n := utf8.DecodeRuneInString(t.text[i:])
		if isEmoji(r) {
			return fail(RuleEmoji, SeverityWarning, fmt.Sprintf("Remove the emoji %q: a decline reads better without.", string(r)))
		}
		i += n
	}
	return pass(RuleEmoji, SeverityWarning, "No emoji.")
}

func isEmoji(r rune) bool {
	return r >= 0x1F000 && r <= 0x1FAFF || r >= 0x2600 && r <= 0x27BF || r == 0x2B50 || r == 0x2764
}

// ruleSigned: the sender's name (or its first word) is on one of the last
// lines; a phone script may instead say it in its first sentences.
func ruleSigned(t letterText) Check {
	name := t.req.Sender.Name
	if name == "" {
		return fail(RuleSigned, SeverityError, "Add your name (sender_name) so the letter can be signed.")
	}
	lines := lastLines(t.letter.Body, signatureLines)
	if t.req.Channel == ChannelPhone {
		lines = append(lines, firstLines(t.letter.Body, 2)...)
	}
	first := strings.Fields(name)[0]
	nameWs, firstWs := words(name), words(first)
	// A line names the sender word by word only if it holds the first
	// word of the name or of its first word, in any case (see
	// containsFold): the lines that hold neither are not split. A word
	// with an apostrophe may be typed with a curly one, and is not
	// looked for so.
	quick := len(nameWs) > 0 && len(firstWs) > 0 && !strings.Contains(nameWs[0], "'") && !strings.Contains(firstWs[0], "'")
	for _, line := range lines {
		if quick && !containsFold(line, nameWs[0]) && !containsFold(line, firstWs[0]) {
			continue
		}
		ws := words(line)
		if mentionsWords(line, ws, name, nameWs) || mentionsWords(line, ws, first, firstWs) {
			return pass(RuleSigned, SeverityError, "The letter is signed.")
		}
	}
	return fail(RuleSigned, SeverityError, fmt.Sprintf("End with a sign-off and your name, e.g. \"Kind regards,\" then %q.", name))
}

// signatureLines is how many non-empty lines at the end may hold the name:
// the sign-off, the name, and up to four lines of contact details.
const signatureLines = 6

// lastLines are the last n lines of s that are not blank, in order, read
// from its end.
func lastLines(s string, n int) []string {
	out := make([]string, 0, n)
	for len(out) < n {
		i := strings.LastIndexByte(s, '\n')
		if line := s[i+1:]; strings.TrimSpace(line) != "" {
			out = append(out, line)
		}
		if i < 0 {
			break
		}
		s = s[:i]
	}
	slices.Reverse(out)
	return out
}

// firstLines are the first n lines of s that are not blank.
func firstLines(s string, n int) []string {
	out := make([]string, 0, n)
	for len(out) < n {
		line, rest, more := strings.Cut(s, "\n")
		if strings.TrimSpace(line) != "" {
			out = append(out, line)
		}
		if !more {
			break
		}
		s = rest
	}
	return out
}
