package decline

import (
	"strings"
	"testing"
)

// templateLines are the lines that gave the old letters away: the first
// blind reads named the first line, the later ones the regret and
// reflection frames that opened a decline and the stiff phrases after.
// Each may appear in no letter.
var templateLines = []string{"in brief, my reason is this", "my reason, briefly", "good day", "hi to the hiring team",
	"thank you to the hiring team", "once again, my name is", "that i'm excited about", "all the best,",
	"after careful thought", "after some reflection", "after much thought", "reflected", "on reflection", "having mulled",
	"after weighing", "taking it further", "with immediate effect", "it is with real regret", "i do so with",
	"i must ask you to", "please accept this note", "staying in contact", "will not hesitate",
	// A "too" tacked onto a second thanks, and "promptly", which the
	// third blind read named.
	", too, for", "thanks, too", ", too.", "promptly",
	// The door-open lines a reader saw in letter after letter.
	"hope our paths cross again", "get in touch about future openings"}

// stopWords are too common to count as a repeated word.
var stopWords = map[string]bool{"that": true, "this": true, "with": true, "your": true, "have": true, "would": true,
	"will": true, "from": true, "about": true, "been": true, "them": true, "they": true, "their": true, "there": true,
	"what": true, "which": true, "were": true, "very": true, "into": true, "again": true, "also": true, "just": true,
	"more": true, "some": true, "such": true, "than": true, "then": true, "when": true, "where": true, "after": true,
	"it's": true, "i've": true, "i'm": true, "i'll": true, "i'd": true, "you're": true, "you've": true}

// stem cuts common English endings so "inviting" and "invitation" meet.
func stem(w string) string {
	for _, suf := range []string{"ations", "ation", "ings", "ing", "ions", "ion", "edly", "ed", "es", "s", "ly"} {
		if strings.HasSuffix(w, suf) && len(w)-len(suf) >= 4 {
			w = strings.TrimSuffix(w, suf)
			break
		}
	}
	return strings.TrimSuffix(w, "e")
}

// testStems are the stems of the words of s that count for repetition:
// four letters or more, not a stop word, not part of a name in r.
func testStems(s string, names map[string]bool) map[string]bool {
	out := map[string]bool{}
	for _, w := range words(s) {
		if len(w) >= 4 && !stopWords[w] && !names[w] {
			out[stem(w)] = true
		}
	}
	return out
}

// assertNoFingerprints checks the marks of a template: the company more
// than twice, a word stem repeated in adjacent sentences, a template line.
func assertNoFingerprints(t *testing.T, l Letter, r Request) {
	t.Helper()
	body := l.Body
	if n := strings.Count(body, r.Company); n > 2 {
		t.Errorf("company named %d times:\n%s", n, body)
	}
	low := strings.ToLower(body)
	for _, line := range templateLines {
		if strings.Contains(low, line) {
			t.Errorf("template line %q in:\n%s", line, body)
		}
	}
	names := map[string]bool{}
	for _, v := range []string{r.Company, r.Role, r.Contact.Name, r.Contact.Title, r.Sender.Name, r.Sender.Email, r.Sender.Link, "role", "position", "team"} {
		for _, w := range words(v) {
			names[w] = true
		}
	}
	ss := splitSentences(withoutGreeting(body))
	for i := 1; i < len(ss); i++ {
		a, b := testStems(ss[i-1], names), testStems(ss[i], names)
		for s := range b {
			if a[s] {
				t.Errorf("stem %q in adjacent sentences %q and %q", s, ss[i-1], ss[i])
			}
		}
	}
}

// TestNoTemplateLineInTheTables: no phrasing of the detail's sentences,
// the courtesies or the offers writes a template line, whichever
// alternatives a wording picks, though the letter matrices may not reach
// every one (a detail of each shape, every offer).
func TestNoTemplateLineInTheTables(t *testing.T) {
	var all []string
	for _, byFirst := range detailSentences {
		for _, byTone := range byFirst {
			all = append(all, allTones(byTone)...)
		}
	}
	for _, byTone := range eventSentences {
		all = append(all, allTones(byTone)...)
	}
	for _, byTone := range courtesies {
		all = append(all, allTones(byTone)...)
	}
	for _, byTone := range offerSentences {
		all = append(all, allTones(byTone)...)
	}
	for _, byOffer := range offersBySituation {
		for _, byTone := range byOffer {
			all = append(all, allTones(byTone)...)
		}
	}
	for _, p := range all {
		for _, s := range phrasingsOf(p) {
			for _, line := range templateLines {
				if strings.Contains(strings.ToLower(s), line) {
					t.Errorf("%q writes the template line %q", s, line)
				}
			}
		}
	}
}
