package decline

import (
	"regexp"
	"slices"
	"strings"
	"testing"
)

// meetingSentence marks a sentence that speaks of meeting the people, as
// a reader hears it: the meetings, the conversations, getting to know
// them, the people met. Not "meet" alone ("meet my needs").
var meetingSentence = regexp.MustCompile(`(?i)\b(met|meeting|meetings|meet (you|the|everyone)|conversations?|chats?|talking|talked|talk with|interviews|get to know|getting to know|got to know|the people|people I|everyone I)\b`)

// warmSentence marks one of our closing or reflecting lines that says
// what the process or the people were like, or what the writer would
// have liked: a warm line.
var warmSentence = regexp.MustCompile(`(?i)\b(pleasure|enjoy\w*|glad to have|impress\w*|respect|admire|liked|loved|valued|great to deal|every step|whole process|impression|kind of you|part of the team|join the team|working with you|work with you|easy decision|hard decision|difficult|lightly|tough call|harder|easy one|easy call)\b`)

// offerLetters are offer e-mails over every reason, tone, kind of
// contact and many wordings, without a detail and with one that does
// not speak of the meetings. (A detail that does, beside a reason that
// can only be given through the meetings, is the user's own sentence.)
func offerLetters(t *testing.T) []string {
	t.Helper()
	var out []string
	reasons := ReasonsFor(SituationOffer)
	for _, tone := range Tones() {
		for i := range 240 {
			r := request(SituationOffer, reasons[i%len(reasons)], ChannelEmail, tone, uint64(5+29*i))
			r.Contact = contacts[i%len(contacts)].c
			r.Offer = []Offer{"", OfferStayInTouch, OfferReferral, OfferNone}[i/len(reasons)%4]
			if i%3 == 0 {
				r.Detail = docDetails[SituationOffer]
			}
			out = append(out, mustCompose(t, r).Body)
		}
	}
	return out
}

// TestOfferMeetingsOnce: no offer e-mail says two sentences in a row
// about the meetings. A reviewer read "It was not an easy decision after
// meeting the team. I was impressed by the people I met.": the warm line
// and a courtesy, one after the other, on the same meetings.
func TestOfferMeetingsOnce(t *testing.T) {
	bad, letters := 0, offerLetters(t)
	for _, body := range letters {
		ss := splitSentences(withoutGreeting(body))
		for k := 1; k < len(ss); k++ {
			if meetingSentence.MatchString(ss[k-1]) && meetingSentence.MatchString(ss[k]) {
				bad++
				t.Errorf("two sentences in a row on the meetings: %q, %q\n%s", ss[k-1], ss[k], body)
				break
			}
		}
	}
	t.Logf("%d of %d offer e-mails speak of the meetings twice in a row", bad, len(letters))
}

// TestOfferOneWarmLine: an offer e-mail carries at most one warm line of
// our tables (what the decision cost, what the meetings were like, what
// the writer would have liked) beyond its thanks, decision, reason, offer
// of help and close: a courtesy, a wish or thanks once more that say it
// again, or a courtesy of its own beside it, are a stack of
// pleasantries.
func TestOfferOneWarmLine(t *testing.T) {
	var warm []string
	for _, byTone := range []toned{reflections[SituationOffer], acknowledgments[SituationOffer], meetingLines,
		courtesies[SituationOffer], wishes[SituationOffer], thanksAgain[SituationOffer]} {
		for _, list := range byTone {
			for _, p := range list {
				for _, s := range phrasingsOf(p) {
					if warmSentence.MatchString(s) {
						warm = append(warm, strings.TrimSuffix(s, "."))
					}
				}
			}
		}
	}
	courtesy := map[string]bool{}
	for _, list := range courtesies[SituationOffer] {
		for _, p := range list {
			for _, s := range phrasingsOf(p) {
				courtesy[s] = true
			}
		}
	}
	stacked, letters := 0, offerLetters(t)
	for _, body := range letters {
		var said []string
		for _, s := range warm {
			if strings.Contains(body, s) || strings.Contains(body, lowerFirst(s)) {
				said = append(said, s)
			}
		}
		// Nor, beside the warm line, a courtesy standing as a sentence
		// of its own ("I really hope this doesn't cause too much
		// trouble.") between it and the close; as the close it is one.
		ss := splitSentences(body)
		for k, s := range ss[:len(ss)-1] {
			if courtesy[s] && !strings.HasSuffix(ss[k+1], ",") && !slices.Contains(said, strings.TrimSuffix(s, ".")) && len(said) > 0 {
				said = append(said, s)
			}
		}
		if len(said) > 1 {
			stacked++
			t.Errorf("%d warm lines or courtesies %q:\n%s", len(said), said, body)
		}
	}
	t.Logf("%d of %d offer e-mails say more than one warm line or courtesy", stacked, len(letters))
}
