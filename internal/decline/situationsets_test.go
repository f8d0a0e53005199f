package decline

import (
	"fmt"
	"slices"
	"strings"
	"testing"
)

// A blind reader's twenty letters are seldom an even mix: one read held
// four formal American e-mails cancelling a scheduled interview, and two
// of them opened "I am writing to ask you to cancel my interview ..."
// and closed "I was pleased to have been asked to interview for the
// position." TestSetRepeats mixes every situation and tone; the test of
// this file draws sets of five e-mails of one situation, one tone and one
// variety of English, the letters of different applications.

// situationSetSize and situationSets are the size and number of the sets.
const (
	situationSetSize = 5
	situationSets    = 400
)

// situationSetRepeats is, for sets of five e-mails of sit in tone and
// variety e, the share of sets in which any sentence turns up in two
// letters, and the sentences doing it most, with their shares.
func situationSetRepeats(t *testing.T, sit Situation, tone Tone, e English) (float64, []string) {
	t.Helper()
	hit, lines := 0, map[string]int{}
	for set := range situationSets {
		d := newSetDraw(set)
		inSet := map[string]int{}
		for k := range situationSetSize {
			r := d.request(k, setSlot{sit, ChannelEmail})
			r.Tone, r.English = tone, e
			seen := map[string]bool{}
			for _, s := range setSentences(mustCompose(t, r), r) {
				if !seen[s] {
					seen[s] = true
					inSet[s]++
				}
			}
		}
		repeated := false
		for s, n := range inSet {
			if n >= 2 {
				repeated = true
				lines[s]++
			}
		}
		if repeated {
			hit++
		}
	}
	top := slices.SortedFunc(func(yield func(string) bool) {
		for s := range lines {
			if !yield(s) {
				return
			}
		}
	}, func(a, b string) int {
		if lines[a] != lines[b] {
			return lines[b] - lines[a]
		}
		return strings.Compare(a, b)
	})
	var out []string
	for _, s := range top[:min(len(top), 4)] {
		out = append(out, fmt.Sprintf("%.1f %% %s", 100*float64(lines[s])/situationSets, s))
	}
	return float64(hit) / situationSets, out
}

// maxSituationSetRate bounds, for every situation, tone and variety, the
// share of sets of five e-mails in which some sentence turns up twice.
// When it was written it was 47 to 70 % (formal cancellations the worst;
// a try at wider pools of thanks and wishes took that to 67 %). The rate is a
// birthday problem over a letter's optional sentences (thanks, a wish, a
// courtesy, an offer, each from a pool of ten to twenty): each pool adds
// about ten in its size per cent, so what would bring it down is fewer
// stock sentences a letter, not longer lists.
const maxSituationSetRate = 0.72

// TestSituationSets: five e-mails of one situation, tone and variety
// seldom share a sentence.
func TestSituationSets(t *testing.T) {
	for _, sit := range situations {
		for _, tone := range tones {
			for _, e := range englishes {
				rate, top := situationSetRepeats(t, sit, tone, e)
				t.Logf("%-17s %-6s %-5s %4.1f %% of sets; %s", sit, tone, e, 100*rate, strings.Join(top, " | "))
				if rate > maxSituationSetRate {
					t.Errorf("%s %s %s: %.1f %% of sets of %d e-mails share a sentence (at most %.1f %%)", sit, tone, e, 100*rate, situationSetSize, 100*maxSituationSetRate)
				}
			}
		}
	}
}
