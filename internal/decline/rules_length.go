package decline

import (
	"fmt"
	"strings"
)

// lengthRange is the sensible number of words for a letter on a channel.
type lengthRange struct{ min, max int }

// An e-mail's least is a short note's: greeting, thanks, the decision
// with its reason, a closing line and the name run to 30-35 words (it was
// 35 while the sender's e-mail address, three words, was signed too).
var lengths = map[Channel]lengthRange{
	ChannelEmail:   {30, 250},
	ChannelPhone:   {25, 220},
	ChannelMessage: {8, 80},
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
	if t.followUp {
		r.min = min(r.min, 20) // a thank-you that closes is short
	}
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
