package decline

import (
	"fmt"
	"regexp"
	"sort"
	"strings"
	"testing"
)

// partMatcher matches a sentence written from one of a part's phrasings,
// whatever lead opens it and whatever values fill it.
func partMatcher(lists ...[]string) *regexp.Regexp {
	var alts []string
	for _, list := range lists {
		for _, p := range list {
			for _, s := range phrasingsOf(strings.TrimPrefix(p, "^")) {
				s = strings.TrimSuffix(s, ".")
				q := regexp.QuoteMeta(s)
				q = regexp.MustCompile(`\\\{[a-z]+\\\}`).ReplaceAllString(q, `.*?`)
				alts = append(alts, q)
			}
		}
	}
	return regexp.MustCompile(`(?i)(` + strings.Join(alts, "|") + `)`)
}

// allTones is the phrasings of a part in both tones.
func allTones(t toned) []string {
	return append(append([]string(nil), t[ToneFormal]...), t[ToneWarm]...)
}

// maxPartShare bounds the share of e-mails in one situation (and for the
// reason, one reason) that hold the most common exact sentence written
// from one part: the decline, the reason, the apology, the closing line.
// A reader who saw "I am withdrawing from the process, so I will not be
// attending." in three of twenty letters knew the program at once.
const maxPartShare = 0.13

// TestPartsVaryAcrossLetters writes e-mails for 60 applications per
// situation in each tone (numbered from 1, as one user's are, with every
// kind of contact and every reason but the user's own) and measures, per
// part, the share of letters that hold the part's most common exact
// sentence. It prints the figures with -v.
func TestPartsVaryAcrossLetters(t *testing.T) {
	for _, sit := range Situations() {
		var reasons []Reason
		for _, r := range ReasonsFor(sit) {
			if r != ReasonOther {
				reasons = append(reasons, r)
			}
		}
		var closing []string
		for _, o := range offerSentences {
			closing = append(closing, allTones(o)...)
		}
		for _, o := range offersBySituation[sit] {
			closing = append(closing, allTones(o)...)
		}
		closing = append(append(closing, allTones(wishes[sit])...), allTones(thanksAgain[sit])...)
		parts := map[string]*regexp.Regexp{
			"decline": partMatcher(allTones(declinesNamed[sit]), allTones(declinesBare[sit])),
			"closing": partMatcher(closing),
		}
		if sit == SituationBeforeInterview {
			parts["apology"] = partMatcher(allTones(apologies))
		}
		for _, reason := range reasons {
			if reason == ReasonNone {
				continue
			}
			list := allTones(reasonSentences[reason])
			if after, ok := reasonsAfterMeeting[reason]; ok && (sit == SituationAfterInterview || sit == SituationOffer) {
				list = allTones(after)
			}
			parts["reason "+string(reason)] = partMatcher(list)
		}
		counts := map[string]map[string]int{}
		letters := map[string]int{}
		// The decline, apology and closing over letters giving every
		// reason; each reason over letters that all give it.
		var runs [][]Reason
		runs = append(runs, reasons)
		for _, r := range reasons {
			if r != ReasonNone {
				runs = append(runs, []Reason{r})
			}
		}
		for ri, run := range runs {
			for _, tone := range Tones() {
				for i := range 60 {
					why := run[i%len(run)]
					r := request(sit, why, ChannelEmail, tone, uint64(1+i))
					r.Contact = contacts[i%len(contacts)].c
					ss := letterSentences(mustCompose(t, r), ChannelEmail)[2:]
					for name, re := range parts {
						if strings.HasPrefix(name, "reason ") != (ri > 0) || ri > 0 && name != "reason "+string(why) {
							continue
						}
						letters[name]++
						if counts[name] == nil {
							counts[name] = map[string]int{}
						}
						for _, s := range ss {
							if re.MatchString(s) {
								counts[name][s]++
								break
							}
						}
					}
				}
			}
		}
		names := make([]string, 0, len(parts))
		for name := range parts {
			names = append(names, name)
		}
		sort.Strings(names)
		for _, name := range names {
			top, k := "", 0
			for s, c := range counts[name] {
				if c > k || c == k && s < top {
					top, k = s, c
				}
			}
			share := float64(k) / float64(letters[name])
			msg := fmt.Sprintf("%s/%s: %.0f %% of %d e-mails say %q", sit, name, 100*share, letters[name], top)
			t.Log(msg)
			if share > maxPartShare {
				t.Errorf("%s (at most %.0f %%)", msg, 100*maxPartShare)
			}
		}
	}
}
