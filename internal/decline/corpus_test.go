package decline

import (
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
)

// labelled is one hand-written letter of the corpus: good, or bad with the
// rule it breaks.
type labelled struct {
	good    bool
	rule    string
	channel Channel
	body    string
	file    string // the file it is in
}

// corpusRequest is what every corpus letter was written for.
var corpusRequest = Request{Company: "Northwind Traders", Role: "Data Analyst",
	Contact: Contact{Name: "Sarah Johnson", Title: "Ms"}, Sender: Sender{Name: "Sam Lee"},
	Others: []string{"Initech", "Jane Doe"}}

// readCorpus parses testdata/corpus/*.txt: each letter follows a line
// "### good CHANNEL" or "### bad RULE CHANNEL".
func readCorpus(t *testing.T) []labelled {
	t.Helper()
	files, _ := filepath.Glob(filepath.Join("testdata", "corpus", "*.txt"))
	var out []labelled
	for _, f := range files {
		data, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		for _, rec := range strings.Split(string(data), "### ")[1:] {
			head, body, _ := strings.Cut(rec, "\n")
			h := strings.Fields(head)
			l := labelled{good: h[0] == "good", channel: Channel(h[len(h)-1]), body: strings.TrimSpace(body), file: filepath.Base(f)}
			if !l.good {
				l.rule = h[1]
			}
			out = append(out, l)
		}
	}
	return out
}

// score counts the verdicts of one rule.
type score struct{ tp, fp, fn int }

func (s score) String() string {
	p, r := ratio(s.tp, s.tp+s.fp), ratio(s.tp, s.tp+s.fn)
	return fmt.Sprintf("precision %5.1f%%  recall %5.1f%%  (tp %d, fp %d, fn %d)", p, r, s.tp, s.fp, s.fn)
}

func ratio(a, b int) float64 {
	if b == 0 {
		return 100
	}
	return 100 * float64(a) / float64(b)
}

// TestCorpus measures the checker on the labelled corpus: no good letter
// may be blocked by an error, and at least 90% of the bad letters must be
// flagged by the rule they break. Precision counts a rule flagging a good
// letter (error or warning) as a false positive.
func TestCorpus(t *testing.T) {
	corpus := readCorpus(t)
	var good, bad int
	scores := map[string]*score{}
	for _, r := range Rules() {
		scores[r] = &score{}
	}
	caught := 0
	for _, l := range corpus {
		r := corpusRequest
		r.Channel = l.channel
		checks := CheckLetter(Letter{Body: l.body}, r)
		failed := map[string]bool{}
		for _, c := range checks {
			failed[c.Rule] = !c.OK
		}
		if l.good {
			good++
			for _, c := range FailedErrors(checks) {
				t.Errorf("good letter blocked by %s (%s):\n%s", c.Rule, c.Hint, l.body)
			}
			for rule, f := range failed {
				if f {
					scores[rule].fp++
				}
			}
			continue
		}
		bad++
		if !slices.Contains(Rules(), l.rule) {
			t.Fatalf("corpus names unknown rule %q", l.rule)
		}
		if failed[l.rule] {
			scores[l.rule].tp++
			caught++
		} else {
			scores[l.rule].fn++
			t.Logf("missed %s:\n%s", l.rule, l.body)
		}
	}
	if good < 60 || bad < 60 {
		t.Errorf("corpus has %d good and %d bad letters; want at least 60 of each", good, bad)
	}
	var total score
	for _, rule := range Rules() {
		s := scores[rule]
		total.tp, total.fp, total.fn = total.tp+s.tp, total.fp+s.fp, total.fn+s.fn
		t.Logf("%-13s %s", rule, s)
	}
	t.Logf("%-13s %s", "overall", total)
	if caught*10 < bad*9 {
		t.Errorf("%d of %d bad letters flagged by the right rule; want at least 90%%", caught, bad)
	}
}

// TestCorpusNegationInItsSentence: in the corpus letters whose "no" or
// "not" ends one sentence before thanks or an offer of help open the
// next, the good ones pass rules gratitude and offer (a negation does
// not reach across a sentence break) and the bad ones fail their rule
// ("Please do not contact me" offers nothing).
func TestCorpusNegationInItsSentence(t *testing.T) {
	var n int
	for _, l := range readCorpus(t) {
		if !strings.Contains(l.file, "negation") {
			continue
		}
		n++
		r := corpusRequest
		r.Channel = l.channel
		for _, c := range CheckLetter(Letter{Body: l.body}, r) {
			switch {
			case l.good && !c.OK && (c.Rule == RuleGratitude || c.Rule == RuleOffer):
				t.Errorf("good letter fails %s (%s):\n%s", c.Rule, c.Hint, l.body)
			case !l.good && c.Rule == l.rule && c.OK:
				t.Errorf("bad letter passes %s:\n%s", c.Rule, l.body)
			}
		}
	}
	if n < 10 {
		t.Errorf("%d negation letters in the corpus; want at least 10", n)
	}
}
