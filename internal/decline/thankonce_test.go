package decline

import (
	"strings"
	"testing"
)

// TestShortLettersThankOnce: an e-mail of four sentences or fewer that
// thanks in its first sentence does not thank again, neither in a later
// sentence nor in its sign-off ("With thanks,"): a reader found "Many
// thanks for getting in touch ... Thank you once more for thinking of me"
// in a four-sentence letter gushing. Its close is an offer or a wish. A
// cancellation in US English, which names the interview "at 2 p.m.", is
// no longer for the full stops of the time (warm ones to nobody were
// signed "Thanks so much," after thanks in their first sentence).
func TestShortLettersThankOnce(t *testing.T) {
	n, short := 0, 0
	for _, sit := range Situations() {
		for _, tone := range Tones() {
			for i := range 90 {
				reasons := ReasonsFor(sit)
				r := request(sit, reasons[i%len(reasons)], ChannelEmail, tone, uint64(1+i))
				r.Contact = contacts[i%len(contacts)].c
				if i%4 == 1 {
					r.Offer = Offers()[i/4%len(offers)]
				}
				if i%3 == 2 {
					r.English = EnglishUS // "at 2 p.m." ends no sentence
				}
				l := mustCompose(t, r)
				n++
				body := withoutGreeting(l.Body)
				i := strings.LastIndex(body, "\n\n")
				signoff, _, _ := strings.Cut(body[i+2:], "\n")
				ss := splitSentences(clockDots.Replace(body[:i]))
				if len(ss) > 4 || !thanks(ss[0]) {
					continue
				}
				short++
				for _, s := range append(ss[1:], signoff) {
					if thanks(s) {
						t.Errorf("%s/%s: a short letter thanks twice (%q):\n%s", sit, tone, s, l.Body)
						break
					}
				}
			}
		}
	}
	t.Logf("%d of %d e-mails are short and open with thanks", short, n)
	if short == 0 {
		t.Fatal("no short letter opens with thanks: the test tests nothing")
	}
}

// TestNoLinePointsBackAtThanks: no e-mail of the matrix has a closing
// line whose "that" points back ("Hopefully that helps with your
// planning.") straight after a sentence that thanks: "Thank you for
// thinking of me. Hopefully that helps things along." reads as if the
// thanks were what helps.
func TestNoLinePointsBackAtThanks(t *testing.T) {
	n, bad := 0, 0
	for r := range tactRequests() {
		if r.Channel != ChannelEmail {
			continue
		}
		n++
		ss := splitSentences(clockDots.Replace(mustCompose(t, r).Body))
		for i := 1; i < len(ss); i++ {
			if pointsBack.MatchString(ss[i]) && thanks(ss[i-1]) {
				bad++
				if bad <= 5 {
					t.Errorf("%s/%s/%s: %q follows %q", r.Situation, r.Reason, r.Tone, ss[i], ss[i-1])
				}
			}
		}
	}
	t.Logf("%d of %d e-mails point back at thanks", bad, n)
}
