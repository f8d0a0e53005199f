package decline

import (
	"strings"
	"testing"
)

// TestOfferFollowsReason composes every reason, situation, channel, tone
// and offer of help (and the default), in several wordings, with a
// person, a team and nobody as the reader, and the user's own reason both
// as reason other and as a detail of kind reason; no sentence of any
// letter offers what the reason contradicts (see offerClashes): no "role
// closer to my background" after a family reason, no "something similar"
// after the work, the team or the place ruled it out, no "different
// role" after the writer's own circumstances.
func TestOfferFollowsReason(t *testing.T) {
	readers := []Contact{{Name: "Maria Anders"}, {Name: "Talent Team"}, {}}
	bad, total := 0, 0
	for _, sit := range Situations() {
		for _, reason := range ReasonsFor(sit) {
			for _, ch := range Channels() {
				for _, tone := range Tones() {
					for _, offer := range []Offer{"", OfferReferral, OfferReference, OfferStayInTouch, OfferNone} {
						for w := range uint64(6) {
							r := request(sit, reason, ch, tone, 700+w)
							r.Offer, r.Contact = offer, readers[w%3]
							if reason == ReasonOther && w%2 == 1 {
								r.ReasonDetail = "an unexpected family emergency"
							}
							if reason == ReasonTiming && w == 4 {
								r.Detail, r.DetailKind = "caring for my father this winter", DetailReason
							}
							total++
							l, clash := mustCompose(t, r), false
							for _, s := range letterSentences(l, ch) {
								if strings.Contains(s, r.ReasonDetail) && r.ReasonDetail != "" || r.Detail != "" && strings.Contains(s, r.Detail) {
									continue // the user's own words
								}
								if offerClashes(r, s) {
									clash = true
									if bad < 20 {
										t.Errorf("%s/%s/%s/%s/offer %q: %q does not follow the reason:\n%s", sit, reason, ch, tone, offer, s, l.Body)
									}
								}
							}
							if clash {
								bad++
							}
						}
					}
				}
			}
		}
	}
	if bad > 0 {
		t.Errorf("%d of %d letters offer what their reason contradicts", bad, total)
	}
}

// offerClashes reports an offer s, any sentence of a letter, that r's
// reason contradicts or goes beyond: the rule offerFollows applies to the
// phrase tables' offers (offerReason, clashes), read here from each
// sentence a letter has, as no memo of the tables' phrasings would hold it.
func offerClashes(r Request, s string) bool {
	return matchOfferKind(s).clashes(offerReason(r))
}
