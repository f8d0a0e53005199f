package decline

import (
	"regexp"
	"strings"
	"testing"
)

// The tests of this file each fail on a tell a blind reader named when
// asked how they knew which of two letters the tracker wrote.

// TestNoSemicolonsInChat: a chat message, a spoken script and a warm
// e-mail join their clauses as people do, with "but", "and" or a full
// stop; "thank you for the invitation; I will not be ..." in a message
// gave the tracker away.
func TestNoSemicolonsInChat(t *testing.T) {
	for r := range drawnRequests() {
		if r.Channel == ChannelEmail && r.Tone == ToneFormal {
			continue
		}
		l := mustCompose(t, r)
		if strings.Contains(l.Body+l.Voicemail, ";") {
			t.Errorf("%s/%s/%s: a semicolon:\n%s", r.Situation, r.Channel, r.Tone, l.Body)
		}
	}
}

// speaksOfTheReaders matches a line that speaks of the people met as
// others, which reads oddly when they are the readers.
var speaksOfTheReaders = regexp.MustCompile(`(?i)pass on my thanks|say thanks to|everyone I met`)

// TestTeamReaderNotThirdPerson: a letter to a team, an inbox or nobody
// known does not ask its reader to "pass on my thanks to everyone I met":
// the team it was sent to is the people met.
func TestTeamReaderNotThirdPerson(t *testing.T) {
	for _, ct := range []Contact{{Name: "Talent Team"}, {Name: "careers@northwind.example"}, {}} {
		for _, sit := range Situations() {
			for _, tone := range Tones() {
				for _, offer := range Offers() {
					for w := range uint64(30) {
						r := request(sit, ReasonTiming, ChannelEmail, tone, 9)
						r.Contact, r.Wording, r.Offer = ct, w, offer
						l := mustCompose(t, r)
						// The thanks of an opening may name the reader's
						// colleagues beside the reader ("you and your
						// colleagues"); what is checked is the close.
						paras := strings.Split(l.Body, "\n\n")
						closing := lastSentences(strings.Join(paras[:len(paras)-1], "\n\n"), 2)
						if speaksOfTheReaders.MatchString(closing) {
							t.Errorf("%s/%s/%s to %+v: %q", sit, tone, offer, ct, closing)
						}
					}
				}
			}
		}
	}
}
