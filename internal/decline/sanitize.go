package decline

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// clean makes user text safe to place in a letter as plain data: invalid
// UTF-8 becomes U+FFFD, control characters and bidirectional overrides are
// dropped (so a value can neither break a line nor reorder the text around
// it), and runs of white space collapse to one space.
func clean(s string) string {
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

// isBidiControl reports the invisible marks that change the direction of the
// text around them (the "Trojan Source" characters). Right-to-left letters
// themselves are kept.
func isBidiControl(r rune) bool {
	return r == '\u061C' || r == '\u200E' || r == '\u200F' ||
		(r >= '\u202A' && r <= '\u202E') || (r >= '\u2066' && r <= '\u2069')
}

// cleanDetail prepares a reason_detail to sit inside one sentence of ours:
// cleaned, with its closing punctuation removed so the letter adds its own.
func cleanDetail(s string) string {
	return strings.TrimRight(clean(s), ".!?;:, ")
}

// capitalize upper-cases the first letter of s.
func capitalize(s string) string {
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
