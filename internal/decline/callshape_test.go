package decline

import (
	"regexp"
	"slices"
	"strings"
	"testing"
)

// The marks of how a call checks the listener's time and how it ends.
var (
	timeQuestion = regexp.MustCompile(`(?i)good time|convenient time|bad time|good moment|bad moment|a moment|minute|quick (word|chat)|\btalk\b|\bsec\b|is now (OK|all right)`)
	shortPromise = regexp.MustCompile(`(?i)keep you long|keep (this|it) short|be brief|be quick|won.t take long|only take a|quick call`)
	bareBye      = regexp.MustCompile(`^(Good)?[Bb]ye( now)?[.!]$`)
	namedBye     = regexp.MustCompile(`(?:^|[.!?] )(Thanks again|Thank you again|Take care|Bye|Goodbye|All the best|Good luck with it all), (?:(?:Dr|Ms|Mr|Mrs|Mx|Prof)\. )?[A-Z]`)
	byeFirst     = regexp.MustCompile(`^(Good)?[Bb]ye, and `)
	letGo        = regexp.MustCompile(`let you (go|get on|get back)|leave you to it|won't keep you\.| any longer`)
	allSaid      = regexp.MustCompile(`(?i)that's (all|everything|it)\b|that was all|leave it there`)
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

// callClosingShape is how a call ends, by what is said before the
// goodbye, whether in a sentence of its own ("Take care. Bye.") or the
// same one ("Take care, bye!"), which sound alike: a wish, thanks, "I'll
// let you go", "that's all", the listener's name ("Thanks again, Sarah.
// Bye."), the goodbye first ("Goodbye, and all the best."), or the
// goodbye alone after the offer.
func callClosingShape(script string) string {
	paras := strings.Split(strings.TrimSpace(script), "\n\n")
	last := paras[len(paras)-1]
	ss := splitSentences(last)
	said := ss[len(ss)-1] // what is said with the goodbye
	if bareBye.MatchString(said) {
		said = ""
		if len(ss) > 1 {
			said = ss[len(ss)-2]
		}
	}
	switch {
	case namedBye.MatchString(last):
		return "with the name"
	case byeFirst.MatchString(said):
		return "goodbye, then a wish"
	case letGo.MatchString(said):
		return "let you go"
	case allSaid.MatchString(said):
		return "that's all"
	case wish.MatchString(said):
		return "a wish"
	case thanks(said) || strings.HasPrefix(said, "Thanks") || strings.HasPrefix(said, "Cheers"):
		return "thanks"
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

// callLineKey is a line of a call as a listener remembers it: its words
// in US English, without the listener's name, the goodbye word, a
// leading "right", "OK" or "and", or a tail the same question takes or not ("Is now a good
// time to talk?" is "Is now a good time?").
func callLineKey(s string, r Request) string {
	c := normalizeContact(r.Contact)
	for _, n := range append(strings.Fields(c.Name), c.Greeting(ToneWarm), c.Greeting(ToneFormal), c.GreetingIn(ToneFormal, EnglishUS)) {
		if n != "" {
			s = strings.ReplaceAll(s, n, "")
		}
	}
	ws := slices.DeleteFunc(words(usWords.Replace(farewell.ReplaceAllString(s, ""))), func(w string) bool { return w == "dr" || w == "ms" })
	for len(ws) > 0 && slices.Contains([]string{"right", "ok", "anyway", "and"}, ws[0]) {
		ws = ws[1:]
	}
	if len(ws) > 0 && ws[len(ws)-1] == "and" {
		ws = ws[:len(ws)-1] // "Thank you again, and goodbye."
	}
	key := strings.Join(ws, " ")
	for _, tail := range []string{" to talk", " for you"} {
		key = strings.TrimSuffix(key, tail)
	}
	return key
}

// callLines are the lines of a call a listener remembers from one call
// to the next: how it checks the time (the question and the promise to
// be short) and what it says with the goodbye.
func callLines(script string, r Request) (ask, promise, goodbye string) {
	first, _, _ := strings.Cut(script, "\n\n")
	for _, s := range splitSentences(first) {
		switch {
		case strings.HasSuffix(s, "?") && timeQuestion.MatchString(s):
			ask = callLineKey(s, r)
		case shortPromise.MatchString(s):
			promise = callLineKey(s, r)
		}
	}
	paras := strings.Split(strings.TrimSpace(script), "\n\n")
	ss := splitSentences(paras[len(paras)-1])
	goodbye = ss[len(ss)-1]
	if bareBye.MatchString(goodbye) && len(ss) > 1 {
		goodbye = ss[len(ss)-2] + " " + goodbye
	}
	return ask, promise, callLineKey(goodbye, r)
}

// maxSharedCallLine bounds the chance that two calls, of any situation
// and tone, check the time with the same question, promise to be short
// in the same words, or say the same line with the goodbye: a blind read
// shows two calls among twenty letters, and readers remember a line seen
// twice ("Is now a good time?" and "I'll let you go." in both).
const maxSharedCallLine = 0.045

// maxSharedVoicemailLine is maxSharedCallLine for the lines of a
// voicemail after its decline: the promise of an e-mail with the number
// to call back, and the goodbye, which has few words to choose from in
// thirty seconds that have thanked once. "I'll confirm this by e-mail,
// and you can reach me on ..." was in a third of the voicemails, "you can
// reach me on" in all.
const maxSharedVoicemailLine = 0.12

// TestTwoCallsRarelyShareALine draws the calls of the generator matrix
// and reckons, for the time question, the promise and the goodbye, and
// the voicemail's call back and goodbye, the chance that two calls drawn
// at random say the same line (the sum of the squares of each line's
// share).
func TestTwoCallsRarelyShareALine(t *testing.T) {
	lines := map[string]map[string]int{}
	n := 0
	for r := range voiceRequests() {
		if r.Channel != ChannelPhone {
			continue
		}
		n++
		l := mustCompose(t, r)
		ask, promise, bye := callLines(l.Body, r)
		vm := splitSentences(l.Voicemail)
		vmBye, back := vm[len(vm)-1], ""
		if bareBye.MatchString(vmBye) && len(vm) > 1 {
			vmBye = vm[len(vm)-2] + " " + vmBye
		}
		for _, s := range vm {
			if strings.Contains(s, "e-mail") || strings.Contains(s, r.Sender.Phone) {
				back += s
			}
		}
		for what, line := range map[string]string{"time question": ask, "promise to be short": promise, "goodbye": bye,
			"voicemail call back": callLineKey(back, r), "voicemail goodbye": callLineKey(vmBye, r)} {
			if lines[what] == nil {
				lines[what] = map[string]int{}
			}
			if line != "" {
				lines[what][line]++
			}
		}
	}
	for what, counts := range lines {
		same := 0.0
		for _, k := range counts {
			same += float64(k) * float64(k) / float64(n) / float64(n)
		}
		top, share := topShare(counts, n)
		t.Logf("%s: two calls share it %.1f %% of the time; the most said, %q, in %.0f %% of %d calls", what, 100*same, top, 100*share, n)
		bound := maxSharedCallLine
		if strings.HasPrefix(what, "voicemail") {
			bound = maxSharedVoicemailLine
		}
		if same > bound {
			t.Errorf("two calls say the same %s %.1f %% of the time (at most %.1f %%): %s", what, 100*same, 100*bound, shares(counts, n))
		}
	}
}
