package decline

import (
	"testing"
)

// topSentenceLetters is how many applications per situation and reason
// the top-sentence test writes an e-mail for, in each tone.
const topSentenceLetters = 60

// maxTopSentence bounds the share of e-mails, in one situation and for one
// reason (both tones), that hold the most common body sentence. A reader
// who sees a sentence twice in a pile of letters knows the template; one
// in six letters is about as often as careful people repeat themselves.
const maxTopSentence = 0.15

// topSentence writes e-mails for many applications in sit giving reason
// (both tones, contacts of every kind) and returns the most common body
// sentence, the share of letters that hold it, and how many were written.
// With reason "", the applications give every reason but "other" in turn
// (whose sentence is the user's own). Applications are numbered from 1, as
// one user's are.
func topSentence(t *testing.T, sit Situation, reason Reason) (string, float64) {
	t.Helper()
	var reasons []Reason
	for _, r := range ReasonsFor(sit) {
		if r != ReasonOther {
			reasons = append(reasons, r)
		}
	}
	counts, n := map[string]int{}, 0
	for _, tone := range Tones() {
		for i := range topSentenceLetters {
			why := reason
			if why == "" {
				why = reasons[i%len(reasons)]
			}
			r := request(sit, why, ChannelEmail, tone, uint64(1+i))
			r.Contact = contacts[i%len(contacts)].c
			l := mustCompose(t, r)
			seen := map[string]bool{}
			for _, s := range letterSentences(l, ChannelEmail)[2:] {
				if !seen[s] {
					seen[s] = true
					counts[s]++
				}
			}
			n++
		}
	}
	top, k := "", 0
	for s, c := range counts {
		if c > k || c == k && s < top {
			top, k = s, c
		}
	}
	return top, float64(k) / float64(n)
}

// TestNoSentenceInManyLetters: within one situation and reason, no exact
// sentence (the decision, the reason, an apology, the closing line) is in
// more than maxTopSentence of the e-mails to different applications. It
// prints the most common sentence of each with -v.
func TestNoSentenceInManyLetters(t *testing.T) {
	for _, sit := range Situations() {
		for _, reason := range append([]Reason{""}, ReasonsFor(sit)...) {
			if reason == ReasonOther {
				continue // the user's own sentence
			}
			top, share := topSentence(t, sit, reason)
			t.Logf("%s/%s: %.0f %% %q", sit, reason, 100*share, top)
			if share > maxTopSentence {
				t.Errorf("%s/%s: %.0f %% of e-mails say %q (at most %.0f %%)", sit, reason, 100*share, top, 100*maxTopSentence)
			}
		}
	}
}
