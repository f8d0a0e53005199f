package decline

import (
	"regexp"
	"testing"
)

// offerFamilies are the wordings of an offer of help that a reader
// recognises across letters whatever the sentence around them: a blind
// reader saw "I hope our paths cross again", "get in touch about future
// openings" and "I would be glad to hear from you" in letter after
// letter.
var offerFamilies = map[string]*regexp.Regexp{
	"paths cross":     regexp.MustCompile(`(?i)paths cross|cross paths`),
	"get in touch":    regexp.MustCompile(`(?i)get in touch`),
	"hear from you":   regexp.MustCompile(`(?i)hear from you`),
	"stay in touch":   regexp.MustCompile(`(?i)(stay|keep) in touch`),
	"stay in contact": regexp.MustCompile(`(?i)(stay|keep) in contact`),
	"future openings": regexp.MustCompile(`(?i)future (openings|roles|opportunities)`),
	"work together":   regexp.MustCompile(`(?i)work together`),
	"your way":        regexp.MustCompile(`(?i)your way`),
	"good word":       regexp.MustCompile(`(?i)good word|speak (well|highly)`),
	"reach out":       regexp.MustCompile(`(?i)reach out`),
	"stay connected":  regexp.MustCompile(`(?i)stay connected`),
	// The idiom itself, in any of its forms: a second blind reader found
	// it closing fifteen letters of twenty.
	"keep in touch, any form": regexp.MustCompile(`(?i)(stay|keep) in (touch|contact)|stay connected`),
}

// maxOfferFamilyShare bounds the share of one situation's letters that
// make an offer (e-mails and messages, as one user writes them) in
// which one wording of offerFamilies appears; the stock phrases a reader
// notices first are bounded lower, staying in touch (the offer itself)
// higher, though in all its forms in at most one letter in five: the
// offer can as well be to connect on LinkedIn, to be kept in mind, to
// help, or to hear how the team gets on.
var maxOfferFamilyShare = map[string]float64{"paths cross": 0.05, "get in touch": 0.05, "hear from you": 0.08, "good word": 0.12,
	"future openings": 0.08, "reach out": 0.05, "work together": 0.05, "your way": 0.10, "stay in contact": 0.15, "stay in touch": 0.25,
	"stay connected": 0.05, "keep in touch, any form": 0.20}

// TestOfferWordingsSpread: across the generator matrix no wording of an
// offer of help is in more than maxOfferFamilyShare of a situation's
// letters that make one.
func TestOfferWordingsSpread(t *testing.T) {
	for _, sit := range Situations() {
		n := 0
		counts := map[string]int{}
		for _, ch := range []Channel{ChannelEmail, ChannelMessage} {
			reasons := ReasonsFor(sit)
			for i := range closerApplications {
				r := request(sit, reasons[i%len(reasons)], ch, Tones()[i%2], uint64(3+23*i))
				r.Contact = []Contact{{Name: "Sarah Johnson"}, {Name: "Sarah"}, {Name: "Paula Lima", Title: "Dr."}}[i%3]
				r.Offer = []Offer{OfferStayInTouch, OfferStayInTouch, OfferReferral, OfferReference}[i%4]
				if i%5 == 0 {
					r.Detail = appreciatedAt(sit)
				}
				body := withoutGreeting(mustCompose(t, r).Body)
				n++
				for f, re := range offerFamilies {
					if re.MatchString(body) {
						counts[f]++
					}
				}
			}
		}
		for f, k := range counts {
			share := float64(k) / float64(n)
			if share > 0.05 {
				t.Logf("%s: %.0f %% of letters say %q", sit, 100*share, f)
			}
			if share > maxOfferFamilyShare[f] {
				t.Errorf("%s: %.0f %% of letters that offer help say %q (at most %.0f %%)", sit, 100*share, f, 100*maxOfferFamilyShare[f])
			}
		}
	}
}
