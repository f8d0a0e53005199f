package decline

import (
	"fmt"
	"slices"
	"sort"
	"strings"
	"testing"
)

// closerApplications is how many applications per situation
// TestClosingsSpread writes e-mails and messages for.
const closerApplications = 240

// maxCloserShare bounds the share of one situation's letters that close on
// one sentence, or decline in one sentence: a blind reader who saw "I hope
// you find the right person before long" or "I am sorry to say that I must
// decline it" in two letters of twenty knew the program by it.
const maxCloserShare = 0.06

// wishMarks mark a closing wish; offerMarks an offer of help.
var (
	wishMarks  = []string{"hope you find", "hope the", "wish", "luck", "success", "fingers crossed", "hope you", "here's to", "hope everything", "goes well", "go well"}
	offerMarks = []string{"touch", "hear from you", "paths cross", "cross paths", "refer", "recommend", "send them", "point them", "good word", "speak highly", "pass it on", "pass the role", "contact", "connected", "work together", "hear about it", "talk again"}
)

func hasAny(s string, marks []string) bool {
	return slices.ContainsFunc(marks, func(m string) bool { return containsFold(s, m) })
}

// closerMatrix writes, per situation and channel, the body sentences of
// the letters of closerApplications applications, as one user's differ.
func closerMatrix(t *testing.T, sit Situation, ch Channel) [][]string {
	t.Helper()
	var out [][]string
	reasons := ReasonsFor(sit)
	for i := range closerApplications {
		r := request(sit, reasons[i%len(reasons)], ch, Tones()[i%2], uint64(7+13*i))
		r.Contact = contacts[(i/2)%len(contacts)].c
		// Most letters make the default offer of their situation and
		// contact, as most users leave it; the rest each of the others.
		if i%3 == 0 {
			r.Offer = Offers()[(i/3)%len(Offers())]
		}
		if i%5 == 0 {
			r.Detail = appreciatedAt(sit)
		}
		var ss []string
		for _, s := range letterSentences(mustCompose(t, r), ch) {
			if strings.HasPrefix(s, "Subject:") || strings.HasSuffix(s, ",") || s == "Sam" || s == "Sam Lee" {
				continue
			}
			ss = append(ss, s)
		}
		out = append(out, ss)
	}
	return out
}

// closingOf is the closing of a letter's sentences: its last two
// sentences that wish, offer or thank, from the end.
func closingOf(ss []string) []string {
	var out []string
	for i := len(ss) - 1; i >= 0 && i >= len(ss)-2; i-- {
		s := ss[i]
		if hasAny(s, wishMarks) || hasAny(s, offerMarks) || thanks(s) {
			out = append(out, s)
		} else {
			break
		}
	}
	return out
}

// declineOf is the sentence that declines.
func declineOf(ss []string) string {
	for _, s := range ss {
		if declines(words(s)) {
			return s
		}
	}
	return ""
}

func topShare(counts map[string]int, n int) (string, float64) {
	keys := make([]string, 0, len(counts))
	for k := range counts {
		keys = append(keys, k)
	}
	sort.Slice(keys, func(i, j int) bool {
		return counts[keys[i]] > counts[keys[j]] || counts[keys[i]] == counts[keys[j]] && keys[i] < keys[j]
	})
	if len(keys) == 0 {
		return "", 0
	}
	return keys[0], float64(counts[keys[0]]) / float64(n)
}

// TestClosingsSpread: across the generator matrix no closing sentence and
// no decline sentence is in more than maxCloserShare of a situation's
// letters, and the closing takes several shapes: not always a wish and an
// offer, some closing on the offer alone or the thanks alone.
func TestClosingsSpread(t *testing.T) {
	for _, sit := range Situations() {
		for _, ch := range []Channel{ChannelEmail, ChannelMessage} {
			letters := closerMatrix(t, sit, ch)
			closing, decl := map[string]int{}, map[string]int{}
			shapes := map[string]int{}
			for _, ss := range letters {
				cl := closingOf(ss)
				seen := map[string]bool{}
				for _, s := range cl {
					seen[s] = true
				}
				for s := range seen {
					closing[s]++
				}
				if d := declineOf(ss); d != "" {
					decl[d]++
				}
				text := strings.Join(cl, " ")
				w, o, th := hasAny(text, wishMarks), hasAny(text, offerMarks), thanks(text)
				shapes[fmt.Sprintf("wish=%v offer=%v thanks=%v", w, o, th)]++
			}
			n := len(letters)
			if ch == ChannelEmail {
				checkClosingShapes(t, sit)
			}
			cs, cshare := topShare(closing, n)
			ds, dshare := topShare(decl, n)
			t.Logf("%s/%s: closing %.1f %% %q; decline %.1f %% %q; shapes %v", sit, ch, 100*cshare, cs, 100*dshare, ds, shapes)
			if cshare > maxCloserShare {
				t.Errorf("%s/%s: %.1f %% of letters close on %q (at most %.0f %%)", sit, ch, 100*cshare, cs, 100*maxCloserShare)
			}
			if dshare > maxCloserShare {
				t.Errorf("%s/%s: %.1f %% of letters decline in %q (at most %.0f %%)", sit, ch, 100*dshare, ds, 100*maxCloserShare)
			}
		}
	}
}

// checkClosingShapes: the e-mails of sit to a person, with the default
// offer, do not mostly close on a wish and an offer together (a blind
// reader saw that shape in 18 letters of 20); some close on the offer
// alone, some on thanks with no wish.
func checkClosingShapes(t *testing.T, sit Situation) {
	t.Helper()
	checkNoOfferClosings(t, sit)
	if DefaultOffer(sit) == OfferNone {
		return
	}
	var n, both, offerOnly, thanksOnly int
	reasons := ReasonsFor(sit)
	for i := range closerApplications {
		r := request(sit, reasons[i%len(reasons)], ChannelEmail, Tones()[i%2], uint64(11+17*i))
		r.Contact = []Contact{{Name: "Sarah Johnson"}, {Name: "Sarah"}, {Name: "Paula Lima", Title: "Dr."}}[i%3]
		if i%4 == 0 {
			r.Detail = appreciatedAt(sit)
		}
		if Normalize(r).Offer == OfferNone {
			continue // the default leaves the offer out of some letters (see defaultOfferOf)
		}
		var ss []string
		for _, s := range letterSentences(mustCompose(t, r), ChannelEmail) {
			if !strings.HasPrefix(s, "Subject:") && !strings.HasSuffix(s, ",") && s != "Sam Lee" {
				ss = append(ss, s)
			}
		}
		text := strings.Join(closingOf(ss), " ")
		w, o, th := hasAny(text, wishMarks), hasAny(text, offerMarks), thanks(text)
		n++
		switch {
		case w && o:
			both++
		case o && !w:
			offerOnly++
		case th && !w:
			thanksOnly++
		}
	}
	share := func(k int) float64 { return float64(k) / float64(n) }
	t.Logf("%s: closings to a person: wish and offer %.0f %%, offer without a wish %.0f %%, thanks without a wish or offer %.0f %%", sit, 100*share(both), 100*share(offerOnly), 100*share(thanksOnly))
	if share(both) > 0.4 {
		t.Errorf("%s: %.0f %% of closings are a wish and an offer (at most 40 %%)", sit, 100*share(both))
	}
	if share(offerOnly) < 0.2 {
		t.Errorf("%s: %.0f %% of closings are the offer without a wish (at least 20 %%)", sit, 100*share(offerOnly))
	}
}

// checkNoOfferClosings: the e-mails of sit that make no offer (to a team,
// by default) do not all close on a wish: some close on thanks alone, or
// on why the writer wrote now.
func checkNoOfferClosings(t *testing.T, sit Situation) {
	t.Helper()
	var n, wish, other int
	reasons := ReasonsFor(sit)
	for i := range closerApplications {
		r := request(sit, reasons[i%len(reasons)], ChannelEmail, Tones()[i%2], uint64(29+19*i))
		r.Contact = []Contact{{Name: "Talent Team"}, {Name: "careers@northwind.example"}, {}}[i%3]
		var ss []string
		for _, s := range letterSentences(mustCompose(t, r), ChannelEmail) {
			if !strings.HasPrefix(s, "Subject:") && !strings.HasSuffix(s, ",") && s != "Sam Lee" {
				ss = append(ss, s)
			}
		}
		cl := closingOf(ss)
		text := strings.Join(cl, " ")
		n++
		if hasAny(text, wishMarks) {
			wish++
		} else {
			other++
		}
	}
	share := func(k int) float64 { return float64(k) / float64(n) }
	t.Logf("%s: closings with no offer: a wish %.0f %%, without a wish %.0f %%", sit, 100*share(wish), 100*share(other))
	if share(other) < 0.2 {
		t.Errorf("%s: %.0f %% of closings with no offer are without a wish (at least 20 %%)", sit, 100*share(other))
	}
}

// maxBareDeclineThenReason bounds the share of e-mails in a situation
// that state a short decline and then the reason in a sentence of its
// own ("I have decided to decline. I have recently accepted another
// role.", "Unfortunately, I have decided to withdraw my application. I
// have accepted a position elsewhere."): one fact a sentence, with no
// linking word, was a blind reader's tell.
const maxBareDeclineThenReason = 0.07

// TestDeclineLinkedToReason writes e-mails over the matrix and counts
// those whose decline of twelve words or fewer (after a lead such as
// "Unfortunately,") stands alone before a sentence that gives the reason.
func TestDeclineLinkedToReason(t *testing.T) {
	for _, sit := range Situations() {
		var n, bare int
		for _, ss := range closerMatrix(t, sit, ChannelEmail) {
			n++
			for i := 0; i+1 < len(ss); i++ {
				d := ss[i]
				if _, rest, ok := strings.Cut(d, ", "); ok && countWords(d)-countWords(rest) <= 2 {
					d = rest // "Unfortunately, I have decided to decline." is as bare
				}
				if declines(words(d)) && countWords(d) <= 12 && !strings.Contains(d, ",") && reasonIndex.find(words(ss[i+1])) > 0 && !declines(words(ss[i+1])) {
					bare++
					break
				}
			}
		}
		share := float64(bare) / float64(n)
		t.Logf("%s: %.1f %% of e-mails decline in a short sentence and give the reason in the next", sit, 100*share)
		if share > maxBareDeclineThenReason {
			t.Errorf("%s: %.1f %% of e-mails decline in a short sentence and give the reason in the next (at most %.0f %%)", sit, 100*share, 100*maxBareDeclineThenReason)
		}
	}
}
