package decline

import (
	"regexp"
	"testing"
	"time"
)

// redecides matches a follow-up that announces the decision again in the
// words a decline states it ("I have decided to withdraw ..."): a blind
// reader took that for a template's, as a person's follow-up only makes
// sure the first message arrived, or puts a call in writing.
var redecides = regexp.MustCompile(`(?i)\b(have|I've|had) decided\b|\bdecided to\b|\b(writing|like|want) to (decline|withdraw)\b`)

// TestFollowUpsDoNotRedecide writes every follow-up in many wordings and
// fails when one states the decision again as the decline did; the
// follow-ups of one situation do not all read alike.
func TestFollowUpsDoNotRedecide(t *testing.T) {
	for _, sit := range Situations() {
		for _, ch := range Channels() {
			for _, tone := range Tones() {
				seen := map[string]bool{}
				for v := range uint64(12) {
					r := FollowUpRequest{Company: "Northwind Traders", Role: "Senior Go Engineer", Contact: contacts[v%uint64(len(contacts))].c,
						Situation: sit, DeclineChannel: ch, Tone: tone, Sender: Sender{Name: "Sam Lee"}, Variant: v,
						DeclinedOn: time.Date(2026, 3, 2, 0, 0, 0, 0, time.UTC)}
					l, err := ComposeFollowUp(r)
					if err != nil {
						t.Fatal(err)
					}
					body := withoutGreeting(l.Body)
					if redecides.MatchString(body) {
						t.Errorf("%s/%s/%s: the follow-up announces the decision again:\n%s", sit, ch, tone, l.Body)
					}
					seen[splitSentences(body)[0]] = true
				}
				if len(seen) < 2 {
					t.Errorf("%s/%s/%s: every follow-up opens the same way", sit, ch, tone)
				}
			}
		}
	}
}
