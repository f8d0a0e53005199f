package decline

import (
	"regexp"
	"testing"
)

// hardSentence marks a sentence that says the decision was hard or long
// in the making, written independently of hardSayings.
var hardSentence = prefilter(regexp.MustCompile(`(?i)\b(not|n't|wasn't|isn't) (an? )?(easy|simple)\b|\b(hard|difficult|tough|close) (decision|call|choice|thing)\b|\b(hard|difficult|harder) to (write|decide)\b|harder (letter|than)|\blightly\b|come to this|weighed|closer choice|back and forth|slept on|(while|days|longer) to decide|took me|(some|of|careful|much) thought|careful consideration|thought (it over|about it)|thinking it over|turning over|given it some|to be sure`))

// maxHardShare bounds the share of letters in one situation and channel
// that say the decision was hard: people mostly do not.
const maxHardShare = 0.45

// TestHardDecisionRarely: over the generator matrix no letter says twice
// that the decision was hard, no message and no letter that declines
// before meeting anyone says it at all, and in every situation fewer than
// maxHardShare of the letters say it.
func TestHardDecisionRarely(t *testing.T) {
	var all, hard int
	for _, sit := range Situations() {
		for _, ch := range Channels() {
			n, said := 0, 0
			reasons := ReasonsFor(sit)
			for i := range closerApplications {
				r := request(sit, reasons[i%len(reasons)], ch, Tones()[i%2], uint64(5+31*i))
				r.Contact = contacts[(i/2)%len(contacts)].c
				if i%5 == 0 {
					r.Detail = appreciatedAt(sit)
				}
				l := mustCompose(t, r)
				k := 0
				for _, s := range letterSentences(l, ch) {
					if hardSentence.MatchString(s) {
						k++
					}
				}
				if k > 1 {
					t.Errorf("%s/%s: %d sentences say the decision was hard:\n%s", sit, ch, k, l.Body)
				}
				if k > 0 && (ch == ChannelMessage || !met(r)) {
					t.Errorf("%s/%s: a short letter says the decision was hard:\n%s", sit, ch, l.Body)
				}
				n++
				if k > 0 {
					said++
				}
			}
			share := float64(said) / float64(n)
			all, hard = all+n, hard+said
			t.Logf("%s/%s: %.0f %% of letters say the decision was hard", sit, ch, 100*share)
			if share > maxHardShare {
				t.Errorf("%s/%s: %.0f %% of letters say the decision was hard (at most %.0f %%)", sit, ch, 100*share, 100*maxHardShare)
			}
		}
	}
	t.Logf("all letters: %.1f %% say the decision was hard", 100*float64(hard)/float64(all))
}
