package decline

import (
	"regexp"
	"testing"
)

// declineFrames are the ways a letter states its decision, as a reader
// notices them across letters: "I have decided to ...", "I am writing
// to ...", "I would like to ...", "I must ...". A frame is counted once per
// letter, wherever in the letter it stands.
var declineFrames = map[string]*regexp.Regexp{
	"decided":    regexp.MustCompile(`(?i)\b(have|I've|had)( now| since)? decided\b`),
	"writing":    regexp.MustCompile(`(?i)\b(I am|I'm) (writing|getting in touch)\b`),
	"would like": regexp.MustCompile(`(?i)\b(I would|I'd) like to (withdraw|decline|cancel|let)\b`),
	"must":       regexp.MustCompile(`(?i)\bI must\b`),
}

// maxFrameShare bounds the share of letters in one situation and channel
// that state the decision in one frame: a frame in most letters is the
// template's mark (a reader found "I have decided to" in 15 of 20).
const maxFrameShare = 0.30

// TestDecisionFramesVary writes letters for many applications in each
// situation (both tones, every reason) and fails when one frame of stating
// the decision is in more than maxFrameShare of them. It prints the
// shares with -v.
func TestDecisionFramesVary(t *testing.T) {
	for _, ch := range []Channel{ChannelEmail, ChannelMessage} {
		for _, sit := range Situations() {
			reasons := ReasonsFor(sit)
			counts, n := map[string]int{}, 0
			for _, tone := range Tones() {
				for v := range uint64(120) {
					r := request(sit, reasons[v%uint64(len(reasons))], ch, tone, 5000+v*7)
					body := withoutGreeting(mustCompose(t, r).Body)
					n++
					for name, re := range declineFrames {
						if re.MatchString(body) {
							counts[name]++
						}
					}
				}
			}
			for name, k := range counts {
				share := float64(k) / float64(n)
				t.Logf("%s/%s: %q in %.0f %% of letters", sit, ch, name, 100*share)
				if share > maxFrameShare {
					t.Errorf("%s/%s: %.0f %% of letters state the decision as %q (at most %.0f %%)", sit, ch, 100*share, name, 100*maxFrameShare)
				}
			}
		}
	}
}
