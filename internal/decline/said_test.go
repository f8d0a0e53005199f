package decline

import (
	"regexp"
	"strings"
	"testing"
)

// stiffLeads match reason leads no one writes in a short letter: "I've
// made this decision because ...", "In the meantime, I have accepted ...".
var stiffLeads = regexp.MustCompile(`(?i)made (this|my|the) decision (because|for|due)|in the meantime, I`)

// TestSaidOnce: no e-mail of the matrix names the team in two sentences
// side by side ("I am grateful that you wanted me on the team. It has
// been a pleasure to get to know the team."), regrets the answer twice
// ("I wish I had a different answer for you. ... I'm sorry to let you
// down."), or leads its reason in with a stiff frame; no letter of any
// channel does the last two.
func TestSaidOnce(t *testing.T) {
	team, regret, stiff, n := 0, 0, 0, 0
	check := func(r Request, body string) {
		n++
		ss := splitSentences(withoutGreeting(body))
		if r.Channel == ChannelEmail {
			for i := 1; i < len(ss); i++ {
				if teamWord.MatchString(ss[i-1]) && teamWord.MatchString(ss[i]) {
					team++
					if team <= 5 {
						t.Errorf("%s/%s: the team in two sentences side by side: %q %q\n%s", r.Situation, r.Tone, ss[i-1], ss[i], body)
					}
					break
				}
			}
		}
		k := 0
		var said []string
		for _, s := range ss {
			if actsOf(s)&actRegret != 0 {
				k++
				said = append(said, s)
			}
		}
		if k > 1 {
			regret++
			if regret <= 5 {
				t.Errorf("%s/%s/%s: regrets %d times: %s", r.Situation, r.Channel, r.Tone, k, strings.Join(said, " | "))
			}
		}
		if m := stiffLeads.FindString(body); m != "" {
			stiff++
			if stiff <= 5 {
				t.Errorf("%s/%s/%s: stiff lead %q:\n%s", r.Situation, r.Channel, r.Tone, m, body)
			}
		}
	}
	for r := range tactRequests() {
		l := mustCompose(t, r)
		check(r, l.Body)
	}
	fm := flowMatrix(t, 3)
	for _, sit := range Situations() {
		for _, l := range fm[sit] {
			check(l.r, l.body)
		}
	}
	t.Logf("%d letters: %d e-mails name the team in adjacent sentences, %d regret twice, %d have a stiff lead", n, team, regret, stiff)
}
