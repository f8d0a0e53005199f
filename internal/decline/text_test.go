package decline

import (
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"unicode"
)

// textSamples are texts with the shapes the tokenisers must agree on:
// punctuation, apostrophes at word edges, digits, line breaks, capitals,
// full stops inside words and at the end, invalid UTF-8.
var textSamples = []string{
	"", " ", "'", "''a''", "Dear Maria,\n\nThank you. I won't attend.\r\nKind regards,\nSam",
	"low-ball offer!!! 3.5 days at example.com?yes", "ACME's 'quoted' words' end'", "x", "a.b. c. d!e ?f",
	"Tabs\tand\vform\ffeeds", "...", "end.", "Mr. O'Brien's team\n\n\nP.S. call 555-0100 (ext. 7)",
	"Café déjà vu – “quoted” ’tis", "bad \xff byte. here", "\u00a0non-breaking.\u00a0space. \u2028line",
	"Role – Sam Lee", "ÉCOLE Ärzte straße ΣΊΣΥΦΟΣ 東京 İstanbul Ǆ x\xe2\x80 y", "é’s", "’", "\xff\xfe", "naïve—co‑op", "I can’t ‘quite’ say—“no” ’tis `x´ O‘Brien ′a′", "a\u2212b\u2015c ʼ",
}

// unicodeWords is how words was first written, for any text: the word
// scanner must read every text as it does.
func unicodeWords(s string) []string {
	fields := strings.FieldsFunc(normalize(s), func(r rune) bool {
		return !unicode.IsLetter(r) && !unicode.IsDigit(r) && r != '\''
	})
	out := fields[:0]
	for _, w := range fields {
		if w = strings.Trim(w, "'"); w != "" {
			out = append(out, w)
		}
	}
	return out
}

func TestASCIIWordsAsUnicodeWords(t *testing.T) {
	for _, s := range textSamples {
		want := unicodeWords(s)
		if got := asciiWords(s); !slices.Equal(got, want) {
			t.Errorf("asciiWords(%q) = %q, unicodeWords gives %q", s, got, want)
		}
		if got := slices.Collect(lazyWordSeq(s)); !slices.Equal(got, want) {
			t.Errorf("lazyWordSeq(%q) = %q, unicodeWords gives %q", s, got, want)
		}
		if got := countWords(s); got != len(want) {
			t.Errorf("countWords(%q) = %d, unicodeWords gives %d words", s, got, len(want))
		}
	}
}

// splitSentencesByRune is the first splitSentences, rune by rune: the
// faster one must split every text the same way.
func splitSentencesByRune(s string) []string {
	var out []string
	var b strings.Builder
	flush := func() {
		if t := strings.TrimSpace(b.String()); t != "" {
			out = append(out, t)
		}
		b.Reset()
	}
	runes := []rune(s)
	for i, r := range runes {
		if r == '\n' || r == '\r' {
			flush()
			continue
		}
		b.WriteRune(r)
		end := i+1 == len(runes) || unicode.IsSpace(runes[i+1])
		if (r == '.' || r == '!' || r == '?') && end {
			flush()
		}
	}
	flush()
	return out
}

func TestSplitSentencesAsByRune(t *testing.T) {
	for _, s := range textSamples {
		if got, want := splitSentences(s), splitSentencesByRune(s); !slices.Equal(got, want) {
			t.Errorf("splitSentences(%q) = %q, want %q", s, got, want)
		}
	}
}

func TestFirstASCIIWord(t *testing.T) {
	for _, s := range append(textSamples, "Company 12", " Acme", "Acme  Corp", "'' O'Neil", "{{}}", "42", "Jane_Doe") {
		w, ok := firstASCIIWord(s)
		ws := words(clean(s))
		switch {
		case ok && (len(ws) == 0 || ws[0] != w):
			t.Errorf("firstASCIIWord(%q) = %q, but its words are %q", s, w, ws)
		case !ok && plainASCII(s) && alreadyClean(s) && len(ws) > 0:
			t.Errorf("firstASCIIWord(%q) is not ok, but its words are %q", s, ws)
		}
	}
}

// TestFillAsReplacer checks fill against the one-pass strings.Replacer it
// replaces: the same text, and a placeholder inside a value stays text.
func TestFillAsReplacer(t *testing.T) {
	v := values{company: "{role} Inc.", role: "Go {greet}", greet: "Ms {", sender: "}{first}", first: "Sam",
		phone: "{{phone}}", reason: "{reason", slot: " on Monday", date: "3 March"}
	r := strings.NewReplacer("{company}", v.company, "{role}", v.role, "{greet}", v.greet, "{sender}", v.sender,
		"{first}", v.first, "{phone}", v.phone, "{reason}", v.reason, "{slot}", v.slot, "{date}", v.date)
	for _, tmpl := range []string{"", "Dear {greet},", "{company}{role}{slot}", "{{company}}", "{unknown} {company", "a{b}c{date}.",
		"I'm calling about the {role} role at {company}.", "{first}, {sender}; {phone} {reason}"} {
		if got, want := v.fill(tmpl), tidy(r.Replace(tmpl)); got != want {
			t.Errorf("fill(%q) = %q, want %q", tmpl, got, want)
		}
	}
}

// TestContainsFold: containsFold finds what strings.Contains finds in the
// lower-cased text.
func TestContainsFold(t *testing.T) {
	for _, s := range append(textSamples, "THANKS", "ThAnK you", "no thank", "than thank", "Thank", "xxthanK", "t", "thanThank") {
		for _, sub := range []string{"thank", "xxx", "t", "appreciat"} {
			if got, want := containsFold(s, sub), strings.Contains(strings.ToLower(s), sub); got != want {
				t.Errorf("containsFold(%q, %q) = %v, want %v", s, sub, got, want)
			}
		}
	}
}

// typography is the table mapTypography follows, as a replacer.
var typography = strings.NewReplacer(
	"\u2019", "'", "\u2018", "'", "\u02BC", "'", "\u2032", "'", "`", "'", "\u00B4", "'",
	"\u201C", `"`, "\u201D", `"`, "\u201E", `"`,
	"\u2010", "-", "\u2011", "-", "\u2012", "-", "\u2013", "-", "\u2014", "-", "\u2015", "-", "\u2212", "-",
)

// TestMapTypography: the character-by-character mapping is the replacer
// the typography table describes.
func TestMapTypography(t *testing.T) {
	for _, s := range append(textSamples, "`a´b‘c’d“e”f„g‐h‑i‒j–k—l―m−n ʼo′p", "\xe2\x80", "ok") {
		if got, want := mapTypography(s), typography.Replace(s); got != want {
			t.Errorf("mapTypography(%q) = %q, want %q", s, got, want)
		}
	}
}

// TestWordsFoldAsRegexp checks wordsFold against the regexps of its form
// the letters consult (which acts a sentence makes), on every line and
// sentence of the golden letters, the text samples and near misses cut
// out of them: it must match exactly what the regexp matches.
func TestWordsFoldAsRegexp(t *testing.T) {
	// The scans the letters use, each beside the regexp it stands for.
	matchers := append([]*wordsFold{wishWords, regretWords, teamWord, callVerbs, meetingWords, warmWords}, matterNouns[:]...)
	texts := slices.Clone(textSamples)
	texts = append(texts, "Hope", "hopes", "I HOPE so", "_hope", "hope_", "3hope", "hope3", "x-hope-y", "it's hope'd",
		"all the  best", "ALL THE BEST", "best wishes!", "bestwishes", "have a goodbye", "have a good one",
		"Regretfully", "regret_", "regrets.", "unregretted", "disappointing", "disappoint", "disappoin",
		"wish I", "wish i'd", "wish Ian", "wish my answer", "wish my answers", "wish  I", "I wish, I",
		"let you down", "let you downstairs", "better news", "better newsletter",
		"team", "Teams", "TEAMS'", "teamwork", "steam", "team's", "team_", "the\tteam\n",
		"calling", "Phoning", "the role's", "job_", "rol\u00e9", "jobs", "OFFER.", "position,", "ringing'", "callings", "ring", "luc\u212a", "ſuccess", "Team Ǆ", "tea\u212am", "hope\xff", "\xffhope", "wiſh I")
	files, err := filepath.Glob(filepath.Join("testdata", "*.golden"))
	if err != nil || len(files) == 0 {
		t.Fatalf("golden files: %v %v", files, err)
	}
	for _, f := range files {
		b, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		texts = append(texts, string(b))
		texts = append(texts, strings.Split(string(b), "\n")...)
		texts = append(texts, splitSentences(string(b))...)
	}
	// Near misses: every cut of the shorter texts, so a word meets the
	// start and end of a text at every place it can.
	for _, s := range slices.Clone(texts) {
		if len(s) <= 120 {
			for i := range len(s) + 1 {
				texts = append(texts, s[i:], s[:i])
			}
		}
	}
	found := 0
	for _, f := range matchers {
		re := f.re
		for _, s := range texts {
			got, want := f.MatchString(s), re.MatchString(s)
			if got != want {
				t.Errorf("%s on %q: %v, the regexp %v", re, s, got, want)
			}
			if want {
				found++
			}
		}
	}
	if found == 0 {
		t.Fatal("no text matched: the comparison proves nothing")
	}
}
