package decline

import (
	"math/rand/v2"
	"regexp"
	"slices"
	"strings"
	"testing"
)

// The last blind read quoted single lines as ones it had seen before in
// the set: "I apologize for the change of plan.", "Thank you for
// everything you've done along the way.", "I have now had time to
// consider your offer ...", closing offers that end "... down the line".
// TestSetRepeats counts whole sentences; a reader who has seen "down the
// line" end one offer of help notices it end another worded apart. These
// tests count a line family, a pattern any sentence of it matches, in the
// sets of TestSetRepeats.

// lineFamily is a family of lines: a pattern any sentence of it matches,
// on the normalised sentences of setSentences (lower case, no
// punctuation), and the situation whose letters a reader compared when
// they quoted it.
type lineFamily struct {
	name string
	sit  Situation
	re   *regexp.Regexp
}

var lineFamilies = []lineFamily{
	{"change of plan", SituationBeforeInterview, regexp.MustCompile(`\bchange (of|in) plans?\b|\bchanging (our|the) plans?\b`)},
	{"along the way", SituationOffer, regexp.MustCompile(`\balong the way\b`)},
	{"had time to consider", SituationOffer, regexp.MustCompile(`\bhad (the |some |a )?(time|chance) to (consider|think)\b`)},
	{"down the line", SituationOffer, regexp.MustCompile(`\bdown the (line|road)\b`)},
	{"down the line", SituationAfterInterview, regexp.MustCompile(`\bdown the (line|road)\b`)},
}

// familySets is how many sets of twenty e-mails of one situation
// familyRate draws.
const familySets = 400

// maxFamilyRate bounds the share of sets of twenty e-mails of one
// situation in which two or more hold a sentence of one family. Before
// the lines were worded apart: "change of plan" in 31.8 % of sets of
// cancellations, "along the way" 70.0 %, "had time to consider" 13.5 %
// and "down the line" 69.8 % of sets of offers (41.8 % after an
// interview); 0 once they were.
const maxFamilyRate = 0.015

// familyRate is the share of familySets sets of twenty e-mails in sit,
// each to another company, role and contact, in which two or more hold a
// sentence that re matches.
func familyRate(t *testing.T, sit Situation, re *regexp.Regexp) float64 {
	t.Helper()
	n := 0
	for set := range familySets {
		rng := rand.New(rand.NewPCG(9, uint64(set)))
		cs, rs, ct := rng.Perm(len(setCompanies)), rng.Perm(len(setRoles)), rng.Perm(len(setContacts))
		owns, next := rng.Perm(len(setOwnReasons)), 0
		own := func() string { next++; return setOwnReasons[owns[next-1]] }
		k := 0
		for i := range 20 {
			r := setRequest(rng, setSlot{sit, ChannelEmail}, setCompanies[cs[i]], setRoles[rs[i]], setContacts[ct[i]], own)
			if rng.IntN(2) == 0 {
				r.English = EnglishUS
			}
			if slices.ContainsFunc(setSentences(mustCompose(t, r), r), re.MatchString) {
				k++
			}
		}
		if k >= 2 {
			n++
		}
	}
	return float64(n) / familySets
}

// TestLineFamilies: no family of lines a blind reader quoted turns up in
// two e-mails of a set of twenty of its situation in more than 1.5 % of
// sets.
func TestLineFamilies(t *testing.T) {
	for _, f := range lineFamilies {
		rate := familyRate(t, f.sit, f.re)
		t.Logf("%-22s %-17s in two or more of twenty e-mails in %.1f %% of sets", f.name, f.sit, 100*rate)
		if rate > maxFamilyRate {
			t.Errorf("%q is in two or more of twenty %s e-mails in %.1f %% of sets (at most %.1f %%)", f.name, f.sit, 100*rate, 100*maxFamilyRate)
		}
	}
}

// cancelShape is the shape of the first sentence of a letter that cancels
// an interview: "both" when it cancels and withdraws in one coordinated
// sentence ("I need to cancel our interview ... and withdraw my
// application ..."), the shape a blind reader saw in every cancellation.
func cancelShape(first string) string {
	s := strings.ToLower(first)
	cancel := regexp.MustCompile(`\b(cancel\w*|call(ing)? off|attend|make (it|our|the)|be there|coming in|free up|missing|won't be at|not be at|be coming)\b`).MatchString(s)
	withdraw := regexp.MustCompile(`\b(withdraw\w*|pull\w* out|no longer|not (to )?go ahead|step\w* back)\b`).MatchString(s)
	if cancel && withdraw {
		return "both"
	}
	return "other"
}

// cancelShapes counts the letters of the sets that cancel an interview,
// and those of them whose first sentence to cancel or withdraw does both.
func cancelShapes(t *testing.T) (both, all int) {
	t.Helper()
	for _, letters := range drawSets(t) {
		for k, sentences := range letters {
			if setMix[k].sit != SituationBeforeInterview {
				continue
			}
			all++
			for _, s := range sentences {
				if shape := cancelShape(s); shape == "both" {
					both++
					break
				} else if cancelOrWithdraw.MatchString(s) {
					break
				}
			}
		}
	}
	return both, all
}

var cancelOrWithdraw = regexp.MustCompile(`\b(cancel\w*|call(ing)? off|withdraw\w*|pull\w* out|attend|make (it|our|the))\b`)

// maxJoinedCancels bounds the share of cancellations whose first
// sentence to cancel or withdraw does both, joined ("I need to cancel
// our interview on ... and withdraw my application ..."): a blind reader
// saw that one shape in every cancellation. It was 77 % (3848 of 5000 in
// the sets of TestSetRepeats); once cancellations also opened "Ahead of
// our interview on ..., I am sorry to let you know that I am
// withdrawing ...", cancelled alone or withdrew alone, 52 %.
const maxJoinedCancels = 0.55

// TestCancelShapes: cancellations do not all cancel and withdraw in one
// joined sentence.
func TestCancelShapes(t *testing.T) {
	both, all := cancelShapes(t)
	share := float64(both) / float64(all)
	t.Logf("%d of %d cancellations (%.0f %%) cancel and withdraw in one sentence", both, all, 100*share)
	if share > maxJoinedCancels {
		t.Errorf("%.0f %% of cancellations cancel and withdraw in one sentence (at most %.0f %%)", 100*share, 100*maxJoinedCancels)
	}
}
