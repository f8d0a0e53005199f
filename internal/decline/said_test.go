package decline

import (
	"fmt"
	"regexp"
	"strings"
	"testing"
)

// stiffLeads match reason leads no one writes in a short letter: "I've
// made this decision because ...", "In the meantime, I have accepted ...".
var stiffLeads = regexp.MustCompile(`(?i)made (this|my|the) decision (because|for|due)|in the meantime, I`)

// TestSaidOnce: no letter of any channel (phone calls' voicemails too)
// names the team in two sentences side by side ("I am grateful that you
// wanted me on the team. It has been a pleasure to get to know the
// team."), thanks more than maxThanks times, regrets the answer twice ("I
// wish I had a different answer for you. ... I'm sorry to let you
// down."), wishes the reader well twice ("I hope the recruitment goes
// well." signed "Best wishes,"), or leads its reason in with a stiff
// frame.
func TestSaidOnce(t *testing.T) {
	type count struct{ n, team, thanks, regret, wish, stiff int }
	counts := map[string]*count{}
	bad := 0
	check := func(r Request, channel, body string) {
		k := counts[channel]
		if k == nil {
			k = &count{}
			counts[channel] = k
		}
		k.n++
		fail := func(n *int, format string, args ...any) {
			*n++
			if bad++; bad <= 8 {
				t.Errorf("%s/%s/%s: "+format+"\n%s", append(append([]any{r.Situation, channel, r.Tone}, args...), body)...)
			}
		}
		ss := splitSentences(withoutGreeting(body))
		for i := 1; i < len(ss); i++ {
			if teamWord.MatchString(ss[i-1]) && teamWord.MatchString(ss[i]) {
				fail(&k.team, "the team in two sentences side by side: %q %q", ss[i-1], ss[i])
				break
			}
		}
		var thanked, regrets, wished []string
		for _, s := range ss {
			a := actsOf(s)
			if a&actRegret != 0 {
				regrets = append(regrets, s)
			}
			if a&actThanks != 0 {
				thanked = append(thanked, s)
			}
			if a&actWish != 0 {
				wished = append(wished, s)
			}
		}
		if len(thanked) > maxThanks {
			fail(&k.thanks, "thanks %d times: %s", len(thanked), strings.Join(thanked, " | "))
		}
		if len(regrets) > 1 {
			fail(&k.regret, "regrets %d times: %s", len(regrets), strings.Join(regrets, " | "))
		}
		if len(wished) > 1 {
			fail(&k.wish, "wishes %d times: %s", len(wished), strings.Join(wished, " | "))
		}
		if m := stiffLeads.FindString(body); m != "" {
			fail(&k.stiff, "stiff lead %q", m)
		}
	}
	for r := range tactRequests() {
		l := mustCompose(t, r)
		check(r, string(r.Channel), l.Body)
		if l.Voicemail != "" {
			check(r, "voicemail", l.Voicemail)
		}
	}
	fm := flowMatrix(t, 3)
	for _, sit := range Situations() {
		for _, l := range fm[sit] {
			check(l.r, string(l.r.Channel), l.body)
		}
	}
	for _, ch := range []string{string(ChannelEmail), string(ChannelMessage), string(ChannelPhone), "voicemail"} {
		if k := counts[ch]; k != nil {
			t.Logf("%s: %d letters: %d name the team in adjacent sentences, %d thank more than %d times, %d regret twice, %d wish twice, %d have a stiff lead",
				ch, k.n, k.team, k.thanks, maxThanks, k.regret, k.wish, k.stiff)
		}
	}
}

// TestKnownActsBounded: actsOf keeps what it has read, so a cached answer
// must be the one readActs gives, and sentences holding the user's words
// (without end) must not grow the cache past maxKnownActs.
func TestKnownActsBounded(t *testing.T) {
	for _, s := range []string{"Thank you for your time.", "I am sorry to cancel.", "Good luck with the search.", "I enjoyed meeting the team."} {
		for range 2 {
			if got, want := actsOf(s), readActs(s); got != want {
				t.Errorf("actsOf(%q) = %v, readActs %v", s, got, want)
			}
		}
	}
	for i := range maxKnownActs + 100 {
		actsOf(fmt.Sprintf("My own words, number %d, thank you.", i))
	}
	n := 0
	knownActs.Range(func(any, any) bool { n++; return true })
	if n > maxKnownActs {
		t.Errorf("actsOf keeps %d sentences, more than %d", n, maxKnownActs)
	}
	if got := actsOf(fmt.Sprintf("My own words, number %d, thank you.", maxKnownActs+50)); got&actThanks == 0 {
		t.Error("a sentence past the cache's bound lost its thanks")
	}
}
