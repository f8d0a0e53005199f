package decline

import (
	"slices"
	"strings"
)

// chooser picks phrasings deterministically from a letter's Variant and the
// user's Wording.
type chooser uint64

func newChooser(variant, wording uint64) chooser {
	return chooser(variant ^ wording*0xD1B54A32D192ED69)
}

// The parts of a letter, mixed into the choice so that each part varies
// independently of the others.
const (
	partGreeting = iota + 1
	partOpening
	partReason
	partDetail
	partOffer
	partClosing
	partSignoff
	partIntro
	partAsk
	partThanks
	partLayout
)

// pick returns the phrasing of part chosen by c: the splitmix64 finaliser
// spreads neighbouring values over all phrasings.
func (c chooser) pick(part int, list []string) string {
	if len(list) == 0 {
		return ""
	}
	x := uint64(c) + uint64(part)*0x9E3779B97F4A7C15
	x = (x ^ (x >> 30)) * 0xBF58476D1CE4E5B9
	x = (x ^ (x >> 27)) * 0x94D049BB133111EB
	x ^= x >> 31
	return list[x%uint64(len(list))]
}

// pickFresh is pick, skipping to the next phrasing while the chosen one
// repeats a content word of the last two sentences of after, the text it
// follows or is set into: people do not write "I hope we can keep in
// touch. I hope you find ...". When every phrasing repeats one, the first
// choice stands.
func (c chooser) pickFresh(part int, list []string, after string) string {
	first := c.pick(part, list)
	if after == "" {
		return first
	}
	prev := contentStems(lastSentences(after, 2))
	start := slices.Index(list, first)
	for i := range list {
		cand := list[(start+i)%len(list)]
		if !sharesStem(prev, contentStems(cand)) {
			return cand
		}
	}
	return first
}

// lastSentences are the last n sentences of s.
func lastSentences(s string, n int) string {
	ss := splitSentences(s)
	return strings.Join(ss[max(0, len(ss)-n):], " ")
}

// commonWords are too common to count as a repeated word.
var commonWords = map[string]bool{"that": true, "this": true, "with": true, "your": true, "have": true, "would": true,
	"will": true, "from": true, "about": true, "been": true, "them": true, "they": true, "their": true, "there": true,
	"what": true, "which": true, "were": true, "very": true, "into": true, "again": true, "also": true, "just": true,
	"more": true, "some": true, "such": true, "than": true, "then": true, "when": true, "where": true, "after": true,
	"it's": true, "i've": true, "i'm": true, "i'll": true, "i'd": true, "you're": true, "you've": true,
	"role": true, "position": true, "team": true}

// contentStems are the stems of the words of s that count for repetition:
// four letters or more and not a common word.
func contentStems(s string) map[string]bool {
	out := map[string]bool{}
	for _, w := range words(s) {
		if len(w) >= 4 && !commonWords[w] {
			out[stemOf(w)] = true
		}
	}
	return out
}

// stemOf cuts common English endings so "inviting" and "invitation" meet.
func stemOf(w string) string {
	for _, suf := range []string{"ations", "ation", "ings", "ing", "ions", "ion", "edly", "ed", "es", "s", "ly"} {
		if strings.HasSuffix(w, suf) && len(w)-len(suf) >= 4 {
			w = strings.TrimSuffix(w, suf)
			break
		}
	}
	return strings.TrimSuffix(w, "e")
}

func sharesStem(a, b map[string]bool) bool {
	for s := range b {
		if a[s] {
			return true
		}
	}
	return false
}
