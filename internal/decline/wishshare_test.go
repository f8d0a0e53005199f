package decline

import (
	"fmt"
	"regexp"
	"sort"
	"strings"
	"testing"
)

// closingThoughts are the thoughts a letter's closing lines carry, each
// however it is worded: a blind reader saw "I hope the right person turns
// up soon", "I hope you find the right person" and "Good luck finding the
// right person" in most letters and knew them for one line in three
// wordings. The sign-off ("Best wishes,") is not a closing line.
var closingThoughts = []struct {
	name string
	re   *regexp.Regexp
}{
	{"find the right person", regexp.MustCompile(`(?i)\b(find|finding|found)( just)? (the right|an excellent|a strong|a great|a very good|someone|the person)|right (person|candidate|fit)|\bfill(ed|ing)? the (role|position)|role('s| is) filled|great fit|well suited to the team|strong candidate`)},
	{"the search or hiring goes well", regexp.MustCompile(`(?i)hope (the|your) [a-z ]*(search|hiring|interviews|recruitment|process|shortlist)[a-z ]* (goes|go|comes together|ends)|(search|hiring|recruitment|process|interviews) (goes|go) (well|smoothly|quickly)`)},
	{"good luck", regexp.MustCompile(`(?i)\bluck\b|fingers crossed`)},
	{"every success, all the best", regexp.MustCompile(`(?i)\bsuccess\b|all the best|best wishes (to|for)|my best wishes|wish you|wishing|\bwish (the|you)|hope (things|all|everything) go`)},
	{"a good week", regexp.MustCompile(`(?i)rest of (your|the) week|have a good`)},
	{"stay in touch", regexp.MustCompile(`(?i)(stay|keep|staying|keeping) in (touch|contact)`)},
	{"the shortlist", regexp.MustCompile(`(?i)shortlist|place on the|room for another|room for someone|spot on the`)},
	{"your planning", regexp.MustCompile(`(?i)your planning|helps you plan|plan the|your plans|planning the`)},
	{"the slot can go to someone else", regexp.MustCompile(`(?i)(slot|hour|time)( can| can still| is| proves)? (go|easy|not hard)|fill the slot|someone else can (use|have|take)|offer the (slot|time|interview) to`)},
	{"I hope you understand", regexp.MustCompile(`(?i)hope you understand`)},
	{"a surprise", regexp.MustCompile(`(?i)surprise`)},
}

// wishThoughts are the closingThoughts that wish the reader well.
var wishThoughts = map[string]bool{"find the right person": true, "the search or hiring goes well": true, "good luck": true, "every success, all the best": true, "a good week": true}

// maxThoughtShare bounds the share of one situation's letters on a
// channel that carry one closing thought, however worded.
const maxThoughtShare = 0.25

// maxWishShare bounds the share of one situation's letters that close
// with a wish of any kind: many people end with an offer of help or
// thanks alone.
const maxWishShare = 0.40

// thoughtLetters writes, per situation and channel, the letters of every
// tone, reason and contact for a few applications (one in two in American
// English, one in five with a detail, one in three with an offer other
// than the default), without greeting and sign-off.
func thoughtLetters(t *testing.T, sit Situation, ch Channel) []string {
	t.Helper()
	var out []string
	for _, tone := range Tones() {
		for _, reason := range ReasonsFor(sit) {
			for ci, c := range contacts {
				for i := range 3 {
					r := request(sit, reason, ch, tone, uint64(9001+71*i+29*ci))
					r.Contact = c.c
					if i%2 == 1 {
						r.English = EnglishUS
					}
					if (i+ci)%5 == 0 {
						r.Detail = "meeting the platform team"
					}
					if (i+ci)%3 == 0 {
						r.Offer = Offers()[(i+ci+len(out))%len(Offers())]
					}
					var ss []string
					for _, s := range letterSentences(mustCompose(t, r), ch) {
						if strings.HasPrefix(s, "Subject:") || strings.HasSuffix(s, ",") {
							continue
						}
						ss = append(ss, s)
					}
					out = append(out, strings.Join(ss, " "))
				}
			}
		}
	}
	return out
}

// thoughtShares are the share of letters carrying each closing thought,
// and of those carrying any wish.
func thoughtShares(letters []string) (map[string]float64, float64) {
	shares := map[string]float64{}
	wished := 0
	for _, l := range letters {
		wish := false
		for _, th := range closingThoughts {
			if th.re.MatchString(l) {
				shares[th.name]++
				wish = wish || wishThoughts[th.name]
			}
		}
		if wish {
			wished++
		}
	}
	for k := range shares {
		shares[k] /= float64(len(letters))
	}
	return shares, float64(wished) / float64(len(letters))
}

// TestClosingThoughtsRare: in no situation does one closing thought
// (wishing the employer the right person, good luck, staying in touch),
// however worded, close more than maxThoughtShare of the e-mails or
// messages, nor any wish at all more than maxWishShare; and no letter
// hopes that its news is not "too much of a surprise", which presumes
// the reader expected otherwise.
func TestClosingThoughtsRare(t *testing.T) {
	for _, sit := range Situations() {
		for _, ch := range []Channel{ChannelEmail, ChannelMessage} {
			letters := thoughtLetters(t, sit, ch)
			shares, wish := thoughtShares(letters)
			names := make([]string, 0, len(shares))
			for k := range shares {
				names = append(names, k)
			}
			sort.Strings(names)
			var b strings.Builder
			for _, k := range names {
				fmt.Fprintf(&b, " %s %.0f %%;", k, 100*shares[k])
			}
			t.Logf("%s/%s (%d letters): any wish %.0f %%;%s", sit, ch, len(letters), 100*wish, b.String())
			for _, k := range names {
				if k == "a surprise" && shares[k] > 0 || shares[k] > maxThoughtShare {
					t.Errorf("%s/%s: %.1f %% of letters say %q (at most %.0f %%)", sit, ch, 100*shares[k], k, 100*maxThoughtShare)
				}
			}
			if wish > maxWishShare {
				t.Errorf("%s/%s: %.1f %% of letters close with a wish (at most %.0f %%)", sit, ch, 100*wish, 100*maxWishShare)
			}
		}
	}
}
