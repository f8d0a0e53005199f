package decline

import (
	"regexp"
	"strings"
	"testing"
)

// The marks of how a call checks the listener's time and how it ends.
var (
	timeQuestion = regexp.MustCompile(`(?i)good time|convenient time|bad time|bad moment|a moment|minute|quick word`)
	shortPromise = regexp.MustCompile(`(?i)keep you long|keep (this|it) short|be brief|be quick|won't take long`)
	bareBye      = regexp.MustCompile(`^(Good)?[Bb]ye( now)?[.!]$`)
	namedBye     = regexp.MustCompile(`(?:^|[.!?] )(Thanks again|Thank you again|Take care|Bye|Goodbye|All the best|Good luck with it all), (?:(?:Dr|Ms|Mr|Mrs|Mx|Prof)\. )?[A-Z]`)
	letGo        = regexp.MustCompile(`let you (go|get on)`)
)

// callOpeningShape is how a call's first paragraph checks the listener's
// time: a question after what the call is about, one before it, a
// promise to be short, both, or neither.
func callOpeningShape(script string) string {
	first, _, _ := strings.Cut(script, "\n\n")
	ss := splitSentences(first)
	q, p := -1, -1
	for i, s := range ss {
		switch {
		case strings.HasSuffix(s, "?") && timeQuestion.MatchString(s):
			q = i
		case shortPromise.MatchString(s):
			p = i
		}
	}
	switch {
	case q >= 0 && p >= 0:
		return "question and promise"
	case q == len(ss)-1:
		return "question after what it is about"
	case q >= 0:
		return "question before what it is about"
	case p >= 0:
		return "promise to be short"
	}
	return "no check"
}

// callClosingShape is how a call ends: a wish, thanks or "I'll let you
// go" and then a goodbye of its own ("Take care. Bye."), the goodbye in
// the same sentence ("Take care, bye!"), or with the listener's name
// ("Thanks again, Sarah. Bye.").
func callClosingShape(script string) string {
	paras := strings.Split(strings.TrimSpace(script), "\n\n")
	ss := splitSentences(paras[len(paras)-1])
	last, before := ss[len(ss)-1], ""
	if len(ss) > 1 {
		before = ss[len(ss)-2]
	}
	switch {
	case namedBye.MatchString(paras[len(paras)-1]):
		return "with the name"
	case !bareBye.MatchString(last):
		return "goodbye in the same sentence"
	case wish.MatchString(before):
		return "a wish, then goodbye"
	case thanks(before) || strings.HasPrefix(before, "Thanks"):
		return "thanks, then goodbye"
	case letGo.MatchString(before):
		return "let you go, then goodbye"
	}
	return "goodbye after the offer"
}

// maxCallShape bounds the share of a situation's calls, in one tone,
// that check the listener's time in one way, or end in one way.
const maxCallShape = 0.40

// TestCallOpeningsAndClosesVary: calls check the listener's time in
// several ways (see callOpeningShape) and end in several (see
// callClosingShape), none in more than maxCallShape of a situation's
// calls in one tone (see TestSomeCallsGoStraightToIt for those that do
// not check at all). A blind reader heard "Do you have
// a minute?" open, and "All the best to you. Bye now." end, every call.
func TestCallOpeningsAndClosesVary(t *testing.T) {
	type key struct {
		sit  Situation
		tone Tone
	}
	opens, closes, total := map[key]map[string]int{}, map[key]map[string]int{}, map[key]int{}
	for r := range voiceRequests() {
		if r.Channel != ChannelPhone {
			continue
		}
		l := mustCompose(t, r)
		k := key{r.Situation, r.Tone}
		if opens[k] == nil {
			opens[k], closes[k] = map[string]int{}, map[string]int{}
		}
		total[k]++
		o := callOpeningShape(l.Body)
		opens[k][o]++
		closes[k][callClosingShape(l.Body)]++
	}
	worst := map[string]float64{}
	for k, n := range total {
		for what, counts := range map[string]map[string]int{"open": opens[k], "end": closes[k]} {
			s, share := topShare(counts, n)
			worst[what] = max(worst[what], share)
			if share > maxCallShape {
				t.Errorf("%s/%s: %.0f %% of %d calls %s in the way %q (at most %.0f %%): %s", k.sit, k.tone, 100*share, n, what, s, 100*maxCallShape, shares(counts, n))
			}
		}
		t.Logf("%s/%s (%d calls): open %s; end %s", k.sit, k.tone, n, shares(opens[k], n), shares(closes[k], n))
	}
	t.Logf("the most shared way to open: %.0f %% of calls; to end: %.0f %%", 100*worst["open"], 100*worst["end"])
}

// TestSomeCallsGoStraightToIt: some calls ask no time at all, as people
// do on a call that is expected, but not most; such a call says who is
// calling and why in its first sentence ("Hi Maria, it's Sam Lee, about
// the ... role at ..."). A blind reader recognised "[Name] here ... Is
// now OK?" in every call.
func TestSomeCallsGoStraightToIt(t *testing.T) {
	n, straight := 0, 0
	for r := range voiceRequests() {
		if r.Channel != ChannelPhone {
			continue
		}
		l := mustCompose(t, r)
		n++
		if callOpeningShape(l.Body) != "no check" {
			continue
		}
		straight++
		first := splitSentences(l.Body)[0]
		if !strings.Contains(first, "Sam") || !strings.Contains(first, r.Role) {
			t.Errorf("%s/%s: a call that asks no time does not say who calls and why at once: %q", r.Situation, r.Tone, first)
		}
	}
	share := float64(straight) / float64(n)
	t.Logf("%.0f %% of %d calls go straight to it", 100*share, n)
	if share < 0.05 || share > 0.30 {
		t.Errorf("%.0f %% of calls ask no time (want 5-30 %%)", 100*share)
	}
}
