package decline

import (
	"slices"
	"strings"
)

// maxCurtWords is the most words of a sentence that reads as curt beside
// another short one: a short decline followed by a short bare reason ("I
// am declining it. I have accepted another role.") reads as two facts
// chopped apart.
const maxCurtWords = 10

// standalone is the reasons of list that can stand as a sentence of their
// own after decl: after a short decline, those of more than maxCurtWords
// words or with a clause of their own; all of list after a longer one,
// or when none is so long. The "^" of a phrasing (it may be joined) is
// kept: it does not count as a word.
func standalone(list []string, decl string) []string {
	if !endsShortDecline(decl) {
		return list
	}
	out := slices.DeleteFunc(slices.Clone(list), func(s string) bool { return curt(strings.TrimPrefix(s, "^")) })
	if len(out) == 0 {
		return list
	}
	return out
}

// curt reports one of our sentences short enough to read as chopped off
// the short decline before it.
func curt(s string) bool { return countWords(s) <= maxCurtWords && !strings.Contains(s, ",") }
