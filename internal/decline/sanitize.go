package decline

import (
	"regexp"
	"slices"
	"strings"
	"unicode"
	"unicode/utf8"
)

// clean makes user text safe to place in a letter as plain data: invalid
// UTF-8 becomes U+FFFD, control characters and bidirectional overrides are
// dropped (so a value can neither break a line nor reorder the text around
// it), and runs of white space collapse to one space.
func clean(s string) string {
	if alreadyClean(s) {
		return s
	}
	s = strings.ToValidUTF8(s, "\uFFFD")
	var b strings.Builder
	pendingSpace := false
	for _, r := range s {
		switch {
		case unicode.IsSpace(r):
			pendingSpace = true
		case unicode.IsControl(r) || isBidiControl(r):
			// dropped
		default:
			if pendingSpace && b.Len() > 0 {
				b.WriteByte(' ')
			}
			pendingSpace = false
			b.WriteRune(r)
		}
	}
	return b.String()
}

// alreadyClean reports whether clean would return s as it is: printable
// ASCII with single spaces between words, as most names are.
func alreadyClean(s string) bool {
	for i := 0; i < len(s); i++ {
		switch c := s[i]; {
		case c == ' ':
			if i == 0 || i == len(s)-1 || s[i+1] == ' ' {
				return false
			}
		case c < 0x21 || c > 0x7e:
			return false
		}
	}
	return true
}

// isBidiControl reports the invisible marks that change the direction of the
// text around them (the "Trojan Source" characters). Right-to-left letters
// themselves are kept.
func isBidiControl(r rune) bool {
	return r == '\u061C' || r == '\u200E' || r == '\u200F' ||
		(r >= '\u202A' && r <= '\u202E') || (r >= '\u2066' && r <= '\u2069')
}

// cleanDetail prepares the user's own words to sit inside one sentence of
// ours: cleaned, a leading "because", "as" or "since" dropped (the letter
// gives the reason as a sentence of its own), the lone pronoun "i" made "I",
// and the closing punctuation removed so the letter adds its own.
func cleanDetail(s string) string {
	s = strings.Trim(clean(s), ".!?;:,- ")
	for _, lead := range []string{"because ", "as ", "since ", "due to the fact that "} {
		if len(s) > len(lead) && strings.EqualFold(s[:len(lead)], lead) {
			// Not "as" that opens a phrase of its own: "as a new
			// parent I ..." keeps it.
			if next := strings.ToLower(firstWord(s[len(lead):])); lead == "as " && !isClause(next) && !slices.Contains([]string{"my", "our", "the", "we"}, next) {
				break
			}
			s = s[len(lead):]
			break
		}
	}
	return strings.Trim(lonelyI.ReplaceAllString(s, "I$1"), ".!?;:,- ")
}

// cleanOwnDetail is cleanDetail for the one true detail, which keeps a
// lead that frames the decision ("as I explained on the phone") and is
// woven in as it is.
func cleanOwnDetail(s string) string {
	if t := strings.Trim(clean(s), ".!?;:,- "); framing(t) {
		return strings.Trim(lonelyI.ReplaceAllString(t, "I$1"), ".!?;:,- ")
	}
	return cleanDetail(s)
}

// lonelyI is the pronoun "i" written in lower case, alone or contracted.
var lonelyI = regexp.MustCompile(`\bi('m|'ve|'d|'ll|’m|’ve|’d|’ll)?\b`)

// capitalizeSafe upper-cases the first letter of s unless its first word
// already mixes cases on purpose (iOS, eBay, iPhone) or starts with a digit.
func capitalizeSafe(s string) string {
	first, _, _ := strings.Cut(s, " ")
	if strings.ContainsFunc(first, unicode.IsUpper) {
		return s
	}
	r, n := utf8.DecodeRuneInString(s)
	if n == 0 || !unicode.IsLower(r) {
		return s
	}
	return string(unicode.ToUpper(r)) + s[n:]
}

// truncate shortens s to at most n runes, marking a cut with an ellipsis.
func truncate(s string, n int) string {
	if utf8.RuneCountInString(s) <= n {
		return s
	}
	runes := []rune(s)
	return strings.TrimSpace(string(runes[:n-1])) + "…"
}
