package decline

import (
	"slices"
	"strings"
	"testing"
)

// coreWords is how many words an e-mail has between its greeting and its
// sign-off: what a reader takes in as the letter, without the signature.
func coreWords(body string) (words, paras int) {
	ps := strings.Split(strings.TrimSpace(withoutGreeting(body)), "\n\n")
	core := ps[:len(ps)-1]
	return countWords(strings.Join(core, "\n\n")), len(core)
}

// lengthSpread is the word counts of a situation's e-mails, sorted.
type lengthSpread []int

func (s lengthSpread) at(q float64) int { return s[int(q*float64(len(s)-1))] }

// emailLengths writes e-mails in sit and tone over every reason, kind of
// contact and many applications, a third with the user's detail, and
// returns their lengths and how many have three paragraphs or more.
func emailLengths(t *testing.T, sit Situation, tone Tone) (lengthSpread, int) {
	t.Helper()
	var out lengthSpread
	three := 0
	reasons := ReasonsFor(sit)
	for i := range 120 {
		r := request(sit, reasons[i%len(reasons)], ChannelEmail, tone, uint64(1000+37*i))
		r.Contact = contacts[i%len(contacts)].c
		if i%3 == 0 {
			r.Detail, r.DetailKind = docDetails[sit], docDetailKinds[sit]
		}
		if sit == SituationBeforeInterview {
			r.DeclinedOn = r.InterviewAt.AddDate(0, 0, -1-i%4)
		}
		n, p := coreWords(mustCompose(t, r).Body)
		out = append(out, n)
		if p >= 3 {
			three++
		}
	}
	slices.Sort(out)
	return out, three
}

// TestLengthFollowsSituation: human letters run from about 40 words to
// about 150 with the situation, and ours did not (every e-mail was a
// decision, a reason, one thanks and a close in 50-90 words). Between
// greeting and sign-off: a note withdrawing an application or declining
// a first invitation may be three sentences; every situation's lengths
// spread; and no e-mail runs past the range (about 50-110 words
// with the greeting, sign-off and name).
//
// An offer turned down is on average no shorter than a first-round
// decline (withdrawal or invitation), and now and then in three
// paragraphs; that is all its length guard asks. Published human offer
// declines run about 70-140 words with greeting and signature (some 55-125
// between them), and their length comes from what they say: the
// detail, the reason in the writer's terms, now and then a sentence on
// the decision being hard. A guard that asked offers for a tenth over 82
// words and a median six above an interview's forced three or four stock
// pleasantries into every letter without a detail ("It was a pleasure to
// meet the team ...", "I am sorry to be turning it down.", "I would
// welcome the chance to talk again ..."), which blind readers
// remembered across a set of letters. So an offer without a detail is
// as short as what it has to say (thanks, the decision and its reason,
// one line on the process, the offer of help, a close), and one with a
// detail is longer by the detail.
func TestLengthFollowsSituation(t *testing.T) {
	median := map[Situation]map[Tone]int{}
	for _, sit := range Situations() {
		median[sit] = map[Tone]int{}
		for _, tone := range Tones() {
			s, three := emailLengths(t, sit, tone)
			median[sit][tone] = s.at(0.5)
			t.Logf("%s/%s: %d-%d words, p10 %d, median %d, p90 %d; three paragraphs or more in %d of %d",
				sit, tone, s[0], s[len(s)-1], s.at(0.1), s.at(0.5), s.at(0.9), three, len(s))
			if s[0] < 20 || s[len(s)-1] > maxCoreWords[sit] {
				t.Errorf("%s/%s: e-mails of %d to %d words between greeting and sign-off (want 20-%d)", sit, tone, s[0], s[len(s)-1], maxCoreWords[sit])
			}
			if spread := s.at(0.9) - s.at(0.1); spread < 14 {
				t.Errorf("%s/%s: the middle 80 %% of e-mails are within %d words of each other: one length for every letter", sit, tone, spread)
			}
			if (sit == SituationWithdrawal || sit == SituationInvitation) && s.at(0.1) > 42 {
				t.Errorf("%s/%s: a tenth of the e-mails are 42 words or fewer at most %d: no short notes", sit, tone, s.at(0.1))
			}
			if sit == SituationOffer && three == 0 {
				t.Errorf("%s/%s: no letter of three paragraphs", sit, tone)
			}
		}
	}
	for _, tone := range Tones() {
		o, a := median[SituationOffer][tone], median[SituationAfterInterview][tone]
		first := max(median[SituationInvitation][tone], median[SituationWithdrawal][tone])
		if o < first || a < first {
			t.Errorf("%s: medians offer %d, after an interview %d, invitation %d, withdrawal %d: a letter after meeting the people is shorter than a first note",
				tone, o, a, median[SituationInvitation][tone], median[SituationWithdrawal][tone])
		}
	}
}

// maxCoreWords is the most words between greeting and sign-off: the
// issue's 110 less the greeting, sign-off and name, and a few more after
// meeting the people, where the user's detail may take a long sentence.
var maxCoreWords = map[Situation]int{
	SituationWithdrawal: 100, SituationInvitation: 100, SituationBeforeInterview: 100,
	SituationAfterInterview: 104, SituationOffer: 104,
}

// TestOfferLengthFromSubstance: an offer letter is long because of what
// it says, not because of pleasantries: with the user's detail its
// median is at least minDetailWords above one without (the detail is a
// sentence of its own or a clause of a few words), and no stack of stock
// lines makes a letter without a detail as long.
func TestOfferLengthFromSubstance(t *testing.T) {
	const minDetailWords = 4
	for _, tone := range Tones() {
		var with, without lengthSpread
		reasons := ReasonsFor(SituationOffer)
		for i := range 120 {
			r := request(SituationOffer, reasons[i%len(reasons)], ChannelEmail, tone, uint64(1000+37*i))
			r.Contact = contacts[i%len(contacts)].c
			n, _ := coreWords(mustCompose(t, r).Body)
			without = append(without, n)
			r.Detail = docDetails[SituationOffer]
			n, _ = coreWords(mustCompose(t, r).Body)
			with = append(with, n)
		}
		slices.Sort(with)
		slices.Sort(without)
		t.Logf("%s: median %d words with the detail, %d without", tone, with.at(0.5), without.at(0.5))
		if with.at(0.5) < without.at(0.5)+minDetailWords {
			t.Errorf("%s: median %d words with the user's detail, %d without: the length does not come from what the letter says", tone, with.at(0.5), without.at(0.5))
		}
	}
}
