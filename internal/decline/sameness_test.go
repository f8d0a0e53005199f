package decline

import (
	"cmp"
	"maps"
	"slices"
	"strings"
	"testing"
	"unicode"
	"unicode/utf8"
)

// samenessApplications is how many applications in one situation the
// sameness test writes letters for.
const samenessApplications = 30

// letterSentences are the sentences of a letter a reader compares across
// letters: the subject, the body without the greeting, and the sign-off
// ("Kind regards,") without the name and details under it, which are the
// same in every letter of one user. A subject or sign-off shared by most
// letters gives a template away as surely as a shared sentence.
func letterSentences(l Letter, ch Channel) []string {
	body := withoutGreeting(l.Body)
	var out []string
	if l.Subject != "" {
		out = append(out, "Subject: "+l.Subject)
	}
	if ch == ChannelEmail {
		if i := strings.LastIndex(body, "\n\n"); i >= 0 {
			signoff, _, _ := strings.Cut(body[i+2:], "\n")
			out = append(out, signoff)
			body = body[:i]
		}
	} else if ch == ChannelMessage {
		if i := strings.LastIndex(body, "\n\n"); i >= 0 {
			body = body[:i] // the name alone
		}
	}
	return append(out, splitSentences(body)...)
}

// sameness measures how alike letters for different applications read:
// the share of pairs of letters that have a sentence in common, and the
// share of pairs of sentences (one from each letter of a pair) that are
// identical. Read side by side, a shared sentence is what gives a
// template away.
func sameness(letters [][]string) (letterPairs, sentencePairs float64) {
	var pairs, sharing, sPairs, sSame int
	for i := range letters {
		for j := i + 1; j < len(letters); j++ {
			pairs++
			shared := false
			for _, a := range letters[i] {
				for _, b := range letters[j] {
					sPairs++
					if a == b {
						sSame++
						shared = true
					}
				}
			}
			if shared {
				sharing++
			}
		}
	}
	return float64(sharing) / float64(pairs), float64(sSame) / float64(sPairs)
}

// samenessOf writes one letter for each of samenessApplications
// applications in one situation, tone and channel (the same company and
// role, so only the wording can differ) and measures their sameness. With
// mixed, the applications differ as real ones do: in reason, contact,
// offer and whether the user added a detail; otherwise all give the
// reason timing and nothing else.
func samenessOf(t *testing.T, sit Situation, ch Channel, tone Tone, mixed bool) (letterPairs, sentencePairs float64, letters [][]string) {
	t.Helper()
	reasons := ReasonsFor(sit)
	for i := range samenessApplications {
		r := request(sit, ReasonTiming, ch, tone, uint64(1000+37*i))
		if mixed {
			r.Reason = reasons[i%len(reasons)]
			r.ReasonDetail = "my partner has taken a job in Lyon"
			r.Contact = contacts[i%len(contacts)].c
			r.Offer = Offers()[(i/2)%len(offers)]
			if i%3 == 0 {
				r.Detail = []string{"meeting the platform team", "your helpful explanation of the role and its requirements", "the clear way you described the team's plans"}[i%9/3]
			}
		}
		letters = append(letters, letterSentences(mustCompose(t, r), ch))
	}
	letterPairs, sentencePairs = sameness(letters)
	return letterPairs, sentencePairs, letters
}

// samePart is the share of pairs of letters whose k-th sentence (for an
// e-mail, 0 is the subject and 1 the sign-off) is the same.
func samePart(letters [][]string, k int) float64 {
	var pairs, same int
	for i := range letters {
		for j := i + 1; j < len(letters); j++ {
			pairs++
			if letters[i][k] == letters[j][k] {
				same++
			}
		}
	}
	return float64(same) / float64(pairs)
}

// maxSharingPairs bounds, per channel, the share of pairs of letters for
// different applications in one situation that have a sentence in common,
// when they give the same reason (the hardest case); maxIdentical bounds
// the share of identical sentence pairs. A phone script is heard once, by
// someone who hears no other, and people ask "Is now a good time?" in
// every call, so only its sentence pairs are bounded. An e-mail's subject
// and sign-off count as sentences, each shared by about one pair in
// twenty, which raises its bound from the body's 0.32; maxSamePart bounds
// each of them alone, so neither can become the template's mark. A
// withdrawal or a cancelled interview makes no offer by default, and a
// formal call draws on its own shorter lists, so those letters have fewer
// sentences and each shared one weighs more: hence 0.40, 0.045, 0.045.
var (
	maxSharingPairs = map[Channel]float64{ChannelEmail: 0.40, ChannelMessage: 0.32, ChannelPhone: 1}
	maxIdentical    = map[Channel]float64{ChannelEmail: 0.015, ChannelMessage: 0.045, ChannelPhone: 0.045}
	maxSamePart     = 0.10
)

// TestCrossLetterSameness: letters for different applications in the same
// situation rarely share a sentence, so a reader who sees several of them
// side by side does not find the template. It prints the figures with -v.
func TestCrossLetterSameness(t *testing.T) {
	for _, ch := range Channels() {
		var worst, sumSame, sumPairs, sumMixed, sumSubject, sumSignoff float64
		n := 0
		for _, sit := range Situations() {
			for _, tone := range Tones() {
				same, sp, letters := samenessOf(t, sit, ch, tone, false)
				mixed, _, _ := samenessOf(t, sit, ch, tone, true)
				if ch == ChannelEmail {
					subject, signoff := samePart(letters, 0), samePart(letters, 1)
					sumSubject, sumSignoff = sumSubject+subject, sumSignoff+signoff
					if subject > maxSamePart || signoff > maxSamePart {
						t.Errorf("%s/%s: %.0f %% of pairs of e-mails have the same subject, %.0f %% the same sign-off (at most %.0f %%)",
							sit, tone, 100*subject, 100*signoff, 100*maxSamePart)
					}
				}
				worst = max(worst, same)
				sumSame, sumPairs, sumMixed = sumSame+same, sumPairs+sp, sumMixed+mixed
				n++
				if same > maxSharingPairs[ch] {
					t.Errorf("%s/%s/%s: %.0f %% of pairs of letters share a sentence (at most %.0f %%)", sit, ch, tone, 100*same, 100*maxSharingPairs[ch])
				}
				if sp > maxIdentical[ch] {
					t.Errorf("%s/%s/%s: %.1f %% of sentence pairs are identical (at most %.1f %%)", sit, ch, tone, 100*sp, 100*maxIdentical[ch])
				}
			}
		}
		t.Logf("%s: letter pairs sharing a sentence: same reason %.1f %% (worst situation %.1f %%), mixed applications %.1f %%; identical sentence pairs %.2f %%; the same subject %.1f %%, the same sign-off %.1f %%",
			ch, 100*sumSame/float64(n), 100*worst, 100*sumMixed/float64(n), 100*sumPairs/float64(n), 100*sumSubject/float64(n), 100*sumSignoff/float64(n))
	}
}

// TestEveryOfferPhrasingOffers: every sentence every offer phrasing can
// write reads as an offer to the checker, whichever alternatives the
// wording picks.
func TestEveryOfferPhrasingOffers(t *testing.T) {
	lists := map[Offer][]string{}
	for o, byTone := range offerSentences {
		for _, l := range byTone {
			lists[o] = append(lists[o], l...)
		}
		for _, l := range shortOffers[o] {
			lists[o] = append(lists[o], l...)
		}
	}
	for _, byOffer := range offersBySituation {
		for o, byTone := range byOffer {
			for _, l := range byTone {
				lists[o] = append(lists[o], l...)
			}
		}
	}
	for o, list := range lists {
		for _, p := range list {
			for _, s := range phrasingsOf(p) {
				r := request(SituationInvitation, ReasonNone, ChannelEmail, ToneFormal, 1)
				r.Offer = o
				l := Letter{Subject: "Senior Go Engineer", Body: "Dear Maria,\n\nI have decided to decline the interview. Thank you for thinking of me.\n\n" + s + "\n\nSam Lee"}
				for _, c := range CheckLetter(l, r) {
					if c.Rule == RuleOffer && (!c.OK || NoOfferByChoice(c)) {
						t.Errorf("%s: %q does not read as an offer", o, s)
					}
				}
			}
		}
	}
}

// shareApplications is how many applications each combination of the
// stock-sentence matrix is written for (see TestNoStockSentence).
const shareApplications = 6

// placeheld is s with the request's own values replaced by placeholders,
// so two letters to different people compare by their wording alone.
func placeheld(s string, r Request) string {
	for _, kv := range [][2]string{{r.Company, "{company}"}, {r.Role, "{role}"}, {r.Sender.Name, "{sender}"}, {r.Contact.Name, "{contact}"}} {
		if kv[0] != "" {
			s = strings.ReplaceAll(s, kv[0], kv[1])
		}
	}
	return s
}

// sentenceShares writes a letter on ch for every tone, reason, contact
// and shareApplications applications in sit (one in two in American
// English, one in five with a detail), and returns the share of them that
// holds each of our sentences (placeheld), and how many letters. The
// subject and sign-off are left out (TestCrossLetterSameness bounds
// them), and so is the user's own reason, which is not ours.
func sentenceShares(t *testing.T, sit Situation, ch Channel) (map[string]float64, int) {
	t.Helper()
	count := map[string]int{}
	n := 0
	for _, tone := range Tones() {
		for _, reason := range ReasonsFor(sit) {
			for ci, c := range contacts {
				for i := range shareApplications {
					r := request(sit, reason, ch, tone, uint64(7001+131*i+17*ci))
					r.Contact = c.c
					if i%2 == 1 {
						r.English = EnglishUS
					}
					if (i+ci)%5 == 0 {
						r.Detail = appreciatedAt(sit)
					}
					seen := map[string]bool{}
					for _, s := range letterSentences(mustCompose(t, r), ch) {
						// A sentence that starts in lower case is the tail of
						// one cut after "p.m.", not a sentence of its own.
						if first, _ := utf8.DecodeRuneInString(s); unicode.IsLower(first) ||
							strings.HasPrefix(s, "Subject:") || strings.HasSuffix(s, ",") || s == "Sam" || s == "Sam Lee" || strings.Contains(s, "Lyon") {
							continue
						}
						seen[placeheld(s, r)] = true
					}
					for s := range seen {
						count[s]++
					}
					n++
				}
			}
		}
	}
	shares := map[string]float64{}
	for s, k := range count {
		shares[s] = float64(k) / float64(n)
	}
	return shares, n
}

// mostShared are the sentences of shares, most shared first.
func mostShared(shares map[string]float64) []string {
	keys := slices.Collect(maps.Keys(shares))
	slices.SortFunc(keys, func(a, b string) int {
		return cmp.Or(cmp.Compare(shares[b], shares[a]), strings.Compare(a, b))
	})
	return keys
}
