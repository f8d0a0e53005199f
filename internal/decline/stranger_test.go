package decline

import (
	"regexp"
	"testing"
)

// keepInTouch matches an offer to keep in touch or hear from them again.
var keepInTouch = regexp.MustCompile(`(?i)\b(keep|keeping|stay|be) in (touch|contact)|get in touch|reach out|my details|contact me|paths cross|cross paths|hear from you (again|in|if|should|when|down)|stay connected|talk again|work together|another time|future|down the line|comes? up|arises?\b|keep me in mind|drop me a line|meet (again|another)|(hear|considered) (of|about|for) other|let me know|hear (of|about) (it|other)|connect|linkedin|hear from you now|return the favou?r|of help|be useful|bring us together|hiring for|team grow|glad to hear from you`)

// TestNoKeepingInTouchWithStrangers: by default, a letter to a team, an
// inbox, nobody known or "Sir or Madam" ends on a wish or thanks, not an
// offer to keep in touch (a reader found "delighted to keep in touch" in a
// letter to "Dear Sir" odd: nobody keeps in touch with a stranger); a
// letter to a named person still offers it where the situation's default
// does, and a user who chooses it gets it.
func TestNoKeepingInTouchWithStrangers(t *testing.T) {
	strangers := []Contact{{Name: "Talent Team"}, {Name: "careers@northwind.example"}, {},
		{Name: "Maria Anders", GreetingName: "Sir or Madam"}, {Name: "J. Smith", GreetingName: "Hiring Manager"}}
	for _, sit := range Situations() {
		for _, ch := range Channels() {
			for _, tone := range Tones() {
				for i := range 40 {
					r := request(sit, ReasonTiming, ch, tone, uint64(1+i))
					r.Contact = strangers[i%len(strangers)]
					l := mustCompose(t, r)
					if keepInTouch.MatchString(l.Body) {
						t.Errorf("%s/%s/%s to %+v: keeps in touch with a stranger:\n%s", sit, ch, tone, r.Contact, l.Body)
					}
					r.Offer = OfferStayInTouch
					if l := mustCompose(t, r); ch == ChannelEmail && !keepInTouch.MatchString(l.Body) {
						t.Errorf("%s/%s to %+v: the chosen offer to keep in touch is not written:\n%s", sit, tone, r.Contact, l.Body)
					}
				}
			}
		}
		person := Normalize(request(sit, ReasonTiming, ChannelEmail, ToneFormal, 1))
		if person.Offer != DefaultOffer(sit) {
			t.Errorf("%s: a letter to a named person makes offer %q, want the default %q", sit, person.Offer, DefaultOffer(sit))
		}
	}
}
