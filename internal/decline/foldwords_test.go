package decline

import (
	"slices"
	"testing"
)

// TestContainsAnyFold: looking for several strings at once finds what
// looking for each with containsFold finds, in any case, at either end,
// in text that is not ASCII and in text too short for them.
func TestContainsAnyFold(t *testing.T) {
	sets := [][]string{{"thank", "grateful", "appreciat"}, hardSayings, append([]string{"sorry", "apolog"}, troubleWords...)}
	texts := []string{"", "t", "Thanks", "THANK YOU", "with thanks.", "I'm GRATEFUL", "tHaNk", "than", "thanksgiving", "Many Thanks",
		"It was not an EASY decision", "I did not decide this lightly", "slightly", "Lightly", "sorry", "So sorr", "APOLOGIES", "no trouble at all",
		"Zoë is grateful", "Zoë said thanks", "Zoë", "naïve hassle", "I weighed it up", "back and forth", "back and fort", "\xff thank"}
	for _, set := range sets {
		f := newFoldWords(set...)
		for _, s := range texts {
			want := slices.ContainsFunc(set, func(w string) bool { return containsFold(s, w) })
			if got := containsAnyFold(s, f); got != want {
				t.Errorf("containsAnyFold(%q, %q) = %v, containsFold finds %v", s, set, got, want)
			}
		}
	}
}
