package decline

import (
	"regexp"
	"sort"
	"strings"
	"testing"
)

// sorryLead matches a sentence that opens with an apology.
var sorryLead = regexp.MustCompile(`^(I am |I'm |I'm really |I am really |I'm so |So |Really )?(sorry|apologi[sz]e|my apologies|apologies)\b`)

// openingShape is what the first sentence of a letter body does: thanks,
// apologises, says what the letter is about, gives the reason that leads
// to the decision, states the decision, or gives the user's detail. A
// message's greeting run into it ("Hi Sarah, thanks ...") is left aside.
func openingShape(body string) string {
	ss := splitSentences(clockDots.Replace(body))
	if len(ss) == 0 {
		return ""
	}
	s := ss[0]
	if strings.HasPrefix(s, "Hi ") || strings.HasPrefix(s, "Hello ") {
		if _, rest, ok := strings.Cut(s, ", "); ok {
			s = capitalizeSafe(rest)
		}
	}
	ws := words(s)
	switch {
	case sorryLead.MatchString(strings.ToLower(s[:1])+s[1:]) || sorryLead.MatchString(s):
		return "apology"
	case thanks(s):
		return "thanks"
	case declines(ws) && strings.Contains(s, ", so "):
		return "reason"
	case declines(ws):
		return "decision"
	case strings.Contains(s, "interview") || strings.Contains(s, "application") || strings.Contains(s, "offer"):
		return "context"
	}
	return "detail"
}

// maxOpeningShare bounds the share of a situation's cancellation e-mails
// whose first sentence has one shape (see openingShape).
const maxOpeningShare = 0.35

// TestCancellationOpeningsVary: the e-mails that cancel a scheduled
// interview do not all open one way: a blind reader saw "Thank you for
// taking the time to arrange our interview on ..." open every one. No
// shape of first sentence (thanks, the decision, the apology, the reason
// that leads to it, what the letter is about) opens more than
// maxOpeningShare of them, and at least four shapes open some; each names
// the interview's date and time in its first paragraph.
func TestCancellationOpeningsVary(t *testing.T) {
	letters := flowMatrix(t, 3)[SituationBeforeInterview]
	shares, n := map[string]int{}, 0
	for _, l := range letters {
		if l.r.Channel != ChannelEmail {
			continue
		}
		n++
		shares[openingShape(l.body)]++
		first, _, _ := strings.Cut(l.body, "\n\n")
		if !strings.Contains(first, "14:00") && !strings.Contains(first, "2 p.m.") {
			t.Errorf("the first paragraph does not name the interview's time:\n%s", l.body)
		}
	}
	names := make([]string, 0, len(shares))
	for k := range shares {
		names = append(names, k)
	}
	sort.Strings(names)
	for _, k := range names {
		share := float64(shares[k]) / float64(n)
		t.Logf("%-9s %5.1f %% of %d", k, 100*share, n)
		if share > maxOpeningShare {
			t.Errorf("%.1f %% of cancellation e-mails open with %s (at most %.0f %%)", 100*share, k, 100*maxOpeningShare)
		}
	}
	if len(shares) < 4 {
		t.Errorf("cancellation e-mails open in %d shapes: %v", len(shares), shares)
	}
}
