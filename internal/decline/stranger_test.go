package decline

import (
	"regexp"
	"testing"
)

// keepInTouch matches an offer to keep in touch or hear from them again.
var keepInTouch = regexp.MustCompile(`(?i)\b(keep|keeping|stay|be) in (touch|contact)|get in touch|reach out|my details|contact me|paths cross|cross paths|hear from you (again|in|if|should|when|down)|stay connected|talk again|work together|another time|future|down the line|comes? up|arises?\b|keep me in mind|drop me a line|meet (again|another)|(hear|considered) (of|about|for) other|let me know|hear (of|about) (it|other)|connect|linkedin|hear from you now|return the favou?r|of help|be useful|bring us together|hiring for|team grow|glad to hear from you`)

// personalTouch matches an offer only a person can take up: to connect
// with them, meet or work together, be of help to them, hear how their
// team gets on.
var personalTouch = regexp.MustCompile(`(?i)linkedin|look you up|return the favou?r|work(ing)? together|bring us together|in touch with you|connect with|of help|be useful|how the team|team grow|meet (again|another|on another)|cross paths|paths cross|now and then|let's (keep|stay)`)

// inTouch matches keeping in touch as such, which nobody does with "Sir
// or Madam".
var inTouch = regexp.MustCompile(`(?i)\b(keep|keeping|stay|be) in (touch|contact)|stay connected`)

// TestNoKeepingInTouchWithStrangers: by default, a letter to a team or an
// inbox makes no offer only a person can take up ("I'll look you up on
// LinkedIn"), and one to nobody known or "Sir or Madam" does not keep in
// touch at all (a reader found "delighted to keep in touch" in a letter
// to "Dear Sir" odd: nobody keeps in touch with a stranger); what they
// may be offered is to be kept in mind for other roles, or a good word.
// A letter to a named person still offers to keep in touch where the
// situation's default does, and a user who chooses it gets it.
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
					text := l.Body + "\n" + l.Voicemail
					if personalTouch.MatchString(text) || audienceOf(r.Contact) == audienceNobody && inTouch.MatchString(text) {
						t.Errorf("%s/%s/%s to %+v: keeps in touch with a stranger as with a person:\n%s", sit, ch, tone, r.Contact, l.Body)
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

// TestStrangersAreOfferedSomething: "none" is not the default offer to
// every team and every reader nobody knows. Where a named person is
// offered something by default (an invitation, an interview held, an
// offer), a team or an unknown reader is too: to be kept in mind for
// other roles, or, for an offer turned down, a good word for the
// employer; and the letter makes it.
func TestStrangersAreOfferedSomething(t *testing.T) {
	for _, c := range []Contact{{Name: "Talent Team"}, {Name: "careers@northwind.example"}, {}, {Name: "Maria Anders", GreetingName: "Sir or Madam"}} {
		for _, sit := range Situations() {
			o := DefaultOfferTo(sit, c)
			if (DefaultOffer(sit) == OfferNone) != (o == OfferNone) {
				t.Errorf("%s to %+v: default offer %q, while a named person is offered %q", sit, c, o, DefaultOffer(sit))
			}
			if sit == SituationOffer && o != OfferReference {
				t.Errorf("an offer turned down, to %+v: default offer %q, want reference", c, o)
			}
			for _, tone := range Tones() {
				r := request(sit, ReasonTiming, ChannelEmail, tone, 5)
				r.Contact = c
				l := mustCompose(t, r)
				// The letter makes the offer its request was given: the
				// default, unless the application is one whose letter the
				// default leaves without one (see defaultOfferOf).
				if Normalize(r).Offer != OfferNone && !keepInTouch.MatchString(l.Body) && !containsFold(l.Body, "recommend") && !containsFold(l.Body, "good word") && !containsFold(l.Body, "speak") {
					t.Errorf("%s/%s to %+v: the default offer %q is not written:\n%s", sit, tone, c, o, l.Body)
				}
			}
		}
	}
}
