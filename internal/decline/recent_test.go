package decline

import (
	"slices"
	"strings"
	"testing"
)

// TestRecentLettersAvoided: a set of twenty letters written one after
// another, each given the bodies of the user's letters before it
// (Request.Recent, newest first), repeats far fewer sentences across the
// set than the same letters written without them; and a letter's own
// sentences, given as a recent letter of another application, mostly do
// not come back.
func TestRecentLettersAvoided(t *testing.T) {
	const sets = 120
	var before, after int
	for set := range sets {
		d := newSetDraw(set)
		var bodies []string
		plain, avoiding := make([][]string, len(setMix)), make([][]string, len(setMix))
		for k, slot := range setMix {
			r := d.request(k, slot)
			p := mustCompose(t, r)
			plain[k] = setSentences(p, r)
			r.Recent = bodies[:min(len(bodies), RecentLetters)]
			l := mustCompose(t, r)
			// The other phrasings pass every check the letter's own do.
			passed := map[string]bool{}
			for _, c := range CheckLetter(p, r) {
				passed[c.Rule] = c.OK
			}
			for _, c := range CheckLetter(l, r) {
				if !c.OK && passed[c.Rule] {
					t.Errorf("%s failed: %s\n%s", c.Rule, c.Hint, l.Body)
				}
			}
			avoiding[k] = setSentences(l, r)
			bodies = slices.Insert(bodies, 0, l.Body+"\n"+l.Voicemail)
		}
		before += repeatedIn(plain)
		after += repeatedIn(avoiding)
	}
	t.Logf("sentences repeated per set of %d: %.2f without the recent letters, %.2f with them", len(setMix), float64(before)/sets, float64(after)/sets)
	if after*2 > before {
		t.Errorf("with the recent letters a set repeats %.2f sentences, without them %.2f: not half", float64(after)/sets, float64(before)/sets)
	}

	// One letter, then the same request (so the same choices) for
	// another company, with and without that letter as the recent one:
	// with it most of its sentences give way to another phrasing; the
	// sign-offs, which people keep, and the lines with none stay.
	var with, without int
	for v := range uint64(200) {
		r := request(Situations()[v%5], ReasonsFor(Situations()[v%5])[v%3], Channels()[v%2*2], Tones()[v/2%2], v)
		first := mustCompose(t, r)
		r.Company, r.Role = "Contoso", "Data Engineer"
		shapes := recentShapes([]string{first.Body})
		without += backFrom(shapes, mustCompose(t, r))
		r.Recent = []string{first.Body}
		with += backFrom(shapes, mustCompose(t, r))
	}
	t.Logf("%d sentences come back from the recent letter, %d without it given", with, without)
	if with*4 > without {
		t.Errorf("%d sentences come back from the recent letter, %d without it given: more than one in four", with, without)
	}
}

// backFrom is how many sentences of l are, or begin, a sentence of
// shapes (see recentHas).
func backFrom(shapes map[string]bool, l Letter) int {
	n, c := 0, chooser{recent: shapes}
	for s := range sentenceSeq(l.Body) {
		if c.recentHas(s) {
			n++
		}
	}
	return n
}

// repeatedIn is how many sentences two or more of letters hold.
func repeatedIn(letters [][]string) int {
	in := map[string]int{}
	for _, sentences := range letters {
		seen := map[string]bool{}
		for _, s := range sentences {
			if !seen[s] {
				seen[s] = true
				in[s]++
			}
		}
	}
	n := 0
	for _, k := range in {
		if k > 1 {
			n++
		}
	}
	return n
}

// TestSentenceShape: a sentence's shape leaves out what each letter
// names, so the same stock sentence is one shape in every letter.
func TestSentenceShape(t *testing.T) {
	for _, c := range []struct{ a, b string }{
		{"Thank you for your offer of the Analyst position at Acme.", "Thank you for your offer of the Senior Go Engineer position at Northwind Traders."},
		{"I'm sorry I can't make our interview on 3 December at 14:00.", "I'm sorry I can't make our interview on Friday, December 4 at 2 p.m."},
	} {
		if sentenceShape(c.a) != sentenceShape(c.b) {
			t.Errorf("%q and %q: %q and %q", c.a, c.b, sentenceShape(c.a), sentenceShape(c.b))
		}
	}
	if sentenceShape("I hope the search goes well.") == sentenceShape("I hope the search goes smoothly.") {
		t.Error("two wordings have one shape")
	}
}

// TestNoFrameFilledTwice: few letters (the matrix, and letters whose
// detail is set in a frame) end two sentences in
// the same three words ("The time you took to schedule the interview was
// much appreciated. ... Your help in finding a time was much
// appreciated."): one frame filled twice.
func TestNoFrameFilledTwice(t *testing.T) {
	n, twice := 0, 0
	requests := tactRequests()
	// The user's appreciation written in a frame ("... was much
	// appreciated.") beside thanks of the same frame.
	detailed := func(yield func(Request) bool) {
		for v := range uint64(400) {
			for _, sit := range Situations() {
				r := request(sit, ReasonsFor(sit)[int(v)%len(ReasonsFor(sit))], ChannelEmail, Tones()[v%2], v)
				r.Detail, r.DetailKind = "the time you took to schedule the interview", DetailAppreciated
				if !yield(r) {
					return
				}
			}
		}
	}
	for r := range func(yield func(Request) bool) {
		for r := range requests {
			if !yield(r) {
				return
			}
		}
		detailed(yield)
	} {
		n++
		seen := map[string]string{}
		for s := range sentenceSeq(withoutGreeting(mustCompose(t, r).Body)) {
			end := strings.ToLower(tailWords(s, 3))
			if first, ok := seen[end]; ok && end != "" {
				if twice++; twice <= 5 {
					t.Logf("%q and %q", first, s)
				}
			}
			seen[end] = s
		}
	}
	t.Logf("%d of %d letters end two sentences alike", twice, n)
	// One call of the matrix ends "... and for your time." and then
	// "Thanks again for your time."; without endsAsBefore a letter with
	// the detail above wrote "much appreciated" twice as well.
	if twice*10000 > n {
		t.Errorf("%d of %d letters end two sentences alike (at most 1 in 10,000)", twice, n)
	}
}
