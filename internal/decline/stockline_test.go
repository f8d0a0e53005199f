package decline

import (
	"cmp"
	"maps"
	"math/rand/v2"
	"slices"
	"strings"
	"testing"
)

// An e-mail is the decline, its reason, thanks and the close the user
// chose; beside them the writer may add lines of stock that no part of
// the decision needs: a courtesy on why they wrote now, a wish, thanks
// once more, a line on what the process meant or what the meetings were
// like, or what the writer knows of the reader's side. People's letters
// carry one or two; a letter that carries three or four reads padded and
// runs past the length of people's (60-110 words, an offer's decline a
// little more).

// stockKinds are the tables of optional lines, by the name a measure
// prints.
var stockKinds = map[string][]map[Tone][]string{
	"courtesy":       situatedLists(courtesies),
	"wish":           situatedLists(wishes),
	"reflection":     situatedLists(reflections),
	"acknowledgment": situatedLists(acknowledgments),
	"thanks again":   situatedLists(thanksAgain),
	"meeting":        {meetingLines},
	"apology":        {apologies},
}

func situatedLists(s situated) []map[Tone][]string {
	var out []map[Tone][]string
	for _, sit := range slices.Sorted(maps.Keys(s)) {
		out = append(out, s[sit])
	}
	return out
}

// stockLines maps each optional line, in every phrasing, to its kind.
var stockLines = func() map[string]string {
	out := map[string]string{}
	for kind, lists := range stockKinds {
		for _, toned := range lists {
			for _, list := range toned {
				for _, s := range list {
					for _, p := range phrasingsOf(s) {
						out[strings.TrimSuffix(p, ".")] = kind
					}
				}
			}
		}
	}
	return out
}()

// stockOf is the kind of optional line s is, and the line, or "": s
// whole, or a part of it after ", and " or before it ("I hope the search
// goes well, and thanks again for ...").
func stockOf(s string) (kind, line string) {
	s = strings.TrimSuffix(strings.TrimSpace(s), ".")
	parts := []string{s}
	if head, tail, ok := strings.Cut(s, ", and "); ok {
		parts = append(parts, head, capitalizeSafe(tail))
	}
	for _, p := range parts {
		if k, ok := stockLines[p]; ok {
			return k, p
		}
	}
	return "", ""
}

// stockEmail is one e-mail of the measure: its optional lines and its
// words, greeting and sign-off with the name included.
type stockEmail struct {
	sit   Situation
	lines []string
	kinds []string
	words int
}

// stockEmails writes n e-mails of every situation, reason, tone, reader
// and detail, drawn as the sets of setrepeat_test.go draw them.
func stockEmails(t *testing.T, n int) []stockEmail {
	t.Helper()
	rng := rand.New(rand.NewPCG(20261128, 7))
	var out []stockEmail
	for i := range n {
		sit := Situations()[i%len(Situations())]
		own := func() string { return setOwnReasons[rng.IntN(len(setOwnReasons))] }
		company, role, ct := setCompanies[rng.IntN(len(setCompanies))], setRoles[rng.IntN(len(setRoles))], setContacts[rng.IntN(len(setContacts))]
		var r Request
		if len(setDetails[sit]) > 0 {
			r = setRequest(rng, setSlot{sit, ChannelEmail}, company, role, ct, own)
		} else {
			// A withdrawal, which the sets do not hold: no detail.
			reasons := slices.DeleteFunc(ReasonsFor(sit), func(r Reason) bool { return r == ReasonOther })
			r = request(sit, reasons[rng.IntN(len(reasons))], ChannelEmail, Tones()[rng.IntN(2)], rng.Uint64())
			r.Company, r.Role, r.Contact, r.Sender = company, role, ct, setSenders[rng.IntN(len(setSenders))]
			if rng.IntN(4) == 0 {
				r.Reason, r.ReasonDetail = ReasonOther, own()
			}
		}
		l := mustCompose(t, r)
		body := strings.TrimSpace(l.Body)
		if r.Sender.Email != "" || r.Sender.Phone != "" || r.Sender.Link != "" {
			// The signature's contact lines are no part of the letter.
			lines := strings.Split(body, "\n")
			for len(lines) > 0 {
				last := strings.TrimSpace(lines[len(lines)-1])
				if last != r.Sender.Email && last != r.Sender.Phone && last != r.Sender.Link {
					break
				}
				lines = lines[:len(lines)-1]
			}
			body = strings.Join(lines, "\n")
		}
		e := stockEmail{sit: sit, words: len(strings.Fields(body))}
		for _, s := range letterSentences(l, ChannelEmail) {
			if k, line := stockOf(s); k != "" {
				e.kinds = append(e.kinds, k)
				e.lines = append(e.lines, line)
			}
		}
		out = append(out, e)
	}
	return out
}

// TestStockLines measures 1,000 e-mails: how many optional lines each
// carries on average (see stockKinds) and how long they are, and, with
// -v, how often each kind and each line appears. It fails when the mean
// passes maxStockLines, when one e-mail carries more than maxStockStack
// or one line is in more than maxLineShare of them, or when more than
// maxLongShare of the e-mails of a situation run past the words of
// people's (maxWordsOf).
func TestStockLines(t *testing.T) {
	es := stockEmails(t, 1000)
	kinds, lines := map[string]int{}, map[string]int{}
	total, words := 0, 0
	long, per := map[Situation]int{}, map[Situation]int{}
	wordsOf, linesOf := map[Situation]int{}, map[Situation]int{}
	for _, e := range es {
		total += len(e.lines)
		words += e.words
		per[e.sit]++
		wordsOf[e.sit] += e.words
		linesOf[e.sit] += len(e.lines)
		if e.words > maxWordsOf[e.sit] {
			long[e.sit]++
		}
		for i, l := range e.lines {
			kinds[e.kinds[i]]++
			lines[l]++
		}
	}
	mean := float64(total) / float64(len(es))
	t.Logf("%d e-mails: %.2f optional lines each, %.1f words each", len(es), mean, float64(words)/float64(len(es)))
	for _, sit := range Situations() {
		t.Logf("  %s: %.2f optional lines, %.1f words, %d of %d past %d", sit, float64(linesOf[sit])/float64(per[sit]),
			float64(wordsOf[sit])/float64(per[sit]), long[sit], per[sit], maxWordsOf[sit])
	}
	hist := map[int]int{}
	for _, e := range es {
		hist[len(e.lines)]++
	}
	t.Logf("  e-mails by optional lines: %v", hist)
	for _, k := range slices.SortedFunc(maps.Keys(kinds), func(a, b string) int { return cmp.Compare(kinds[b], kinds[a]) }) {
		t.Logf("  %-15s %4d (%.2f per e-mail)", k, kinds[k], float64(kinds[k])/float64(len(es)))
	}
	top := slices.SortedFunc(maps.Keys(lines), func(a, b string) int { return cmp.Or(cmp.Compare(lines[b], lines[a]), strings.Compare(a, b)) })
	for _, l := range top[:min(25, len(top))] {
		t.Logf("  %4d  %s", lines[l], l)
	}
	if mean > maxStockLines {
		t.Errorf("an e-mail carries %.2f optional lines on average (at most %.2f)", mean, maxStockLines)
	}
	for n, k := range hist {
		if n > maxStockStack {
			t.Errorf("%d e-mails carry %d optional lines (at most %d)", k, n, maxStockStack)
		}
	}
	for _, l := range top {
		if float64(lines[l]) > maxLineShare*float64(len(es)) {
			t.Errorf("%q is in %d of %d e-mails (at most %.0f %%)", l, lines[l], len(es), 100*maxLineShare)
		}
	}
	for _, sit := range Situations() {
		if float64(long[sit]) > maxLongShare*float64(per[sit]) {
			t.Errorf("%s: %d of %d e-mails run past %d words (at most %.0f %%)", sit, long[sit], per[sit], maxWordsOf[sit], 100*maxLongShare)
		}
	}
}

// maxWordsOf is the most words of people's decline e-mails, greeting and
// sign-off included: 110, an offer's decline a little more.
var maxWordsOf = map[Situation]int{SituationWithdrawal: 110, SituationInvitation: 110, SituationBeforeInterview: 110,
	SituationAfterInterview: 110, SituationOffer: 130}

// maxStockLines bounds the mean optional lines of an e-mail: 0.95 when
// this was written, 0.94 once no letter after an interview said both
// what the meetings were like and that the decision was hard. Our
// e-mails were then 47-67 words on average by situation, greeting and
// sign-off included, none past people's longest: at the short end of
// people's, so the lines were not cut further. maxStockStack is the
// most one e-mail carries (five in a thousand carried three);
// maxLongShare the share of a situation's e-mails that may run past
// maxWordsOf; maxLineShare the share of e-mails any one line may be in
// (the most common, "I hope the rest of your week goes well.", was in
// 2.1 %).
const (
	maxStockLines = 1.0
	maxStockStack = 2
	maxLongShare  = 0.02
	maxLineShare  = 0.03
)
