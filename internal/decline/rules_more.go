package decline

import (
	"fmt"
	"strings"
)

// rulePersonal: the contact (or the hiring team), the company and the role
// are named, and no unfilled placeholder is left.
func rulePersonal(t letterText) Check {
	contact := t.req.ContactName
	if contact == "" {
		contact = "hiring team"
	}
	var missing []string
	for _, n := range []struct{ label, value string }{{"the contact", contact}, {"the company", t.req.Company}, {"the role", t.req.Role}} {
		if n.value != "" && !mentions(t.letter.Body, t.words, n.value) {
			missing = append(missing, fmt.Sprintf("%s (%s)", n.label, n.value))
		}
	}
	if len(missing) > 0 {
		return fail(RulePersonal, SeverityError, "Name "+strings.Join(missing, ", ")+" in the letter.")
	}
	if p := placeholders.FindString(t.scrubbed); p != "" {
		return fail(RulePersonal, SeverityError, fmt.Sprintf("Fill in or remove the placeholder %q.", p))
	}
	return pass(RulePersonal, SeverityError, "The letter names the person, the company and the role.")
}

// ruleSigned: one of the last lines holds the sender's full name, or the
// first word of it.
func ruleSigned(t letterText) Check {
	name := t.req.Sender.Name
	if name == "" {
		return fail(RuleSigned, SeverityError, "Add your name (sender_name) so the letter can be signed.")
	}
	first := strings.Fields(name)[0]
	for _, line := range lastLines(t.letter.Body, signatureLines) {
		ws := words(line)
		if mentions(line, ws, name) || mentions(line, ws, first) {
			return pass(RuleSigned, SeverityError, "The letter is signed.")
		}
	}
	return fail(RuleSigned, SeverityError, fmt.Sprintf("End with a sign-off and your name, e.g. \"Kind regards,\" then %q.", name))
}

// signatureLines is how many non-empty lines at the end may hold the name:
// the sign-off, the name, and up to four lines of contact details.
const signatureLines = 6

func lastLines(s string, n int) []string {
	var lines []string
	for _, l := range strings.Split(s, "\n") {
		if strings.TrimSpace(l) != "" {
			lines = append(lines, l)
		}
	}
	return lines[max(0, len(lines)-n):]
}

// ruleLength: the body has a sensible number of words for its channel (an
// unknown channel is measured as an email).
func ruleLength(t letterText) Check {
	ch := t.req.Channel
	r, ok := lengths[ch]
	if !ok {
		ch, r = ChannelEmail, lengths[ChannelEmail]
	}
	n := len(t.words)
	switch {
	case n < r.min:
		return fail(RuleLength, SeverityWarning, fmt.Sprintf("At %d words the %s is too short; aim for %d to %d.", n, channelNouns[ch], r.min, r.max))
	case n > r.max:
		return fail(RuleLength, SeverityWarning, fmt.Sprintf("At %d words the %s is long; aim for %d to %d.", n, channelNouns[ch], r.min, r.max))
	}
	return pass(RuleLength, SeverityWarning, fmt.Sprintf("%d words suits %s %s.", n, article(channelNouns[ch]), channelNouns[ch]))
}

// channelNouns names what a letter is on each channel, for the hints.
var channelNouns = map[Channel]string{ChannelEmail: "e-mail", ChannelPhone: "phone script", ChannelMessage: "message"}

// article returns the indefinite article for noun.
func article(noun string) string {
	if noun != "" && strings.ContainsRune("aeiou", rune(noun[0])) {
		return "an"
	}
	return "a"
}
