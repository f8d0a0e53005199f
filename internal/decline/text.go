package decline

import (
	"iter"
	"strings"
	"unicode"
	"unicode/utf8"
)

// typography maps the typographic apostrophes, quotes and dashes people and
// word processors use to their ASCII forms, so "can’t" matches "can't" and
// "low‑ball" matches "low-ball".
var typography = strings.NewReplacer(
	"\u2019", "'", "\u2018", "'", "\u02BC", "'", "\u2032", "'", "`", "'", "\u00B4", "'",
	"\u201C", `"`, "\u201D", `"`, "\u201E", `"`,
	"\u2010", "-", "\u2011", "-", "\u2012", "-", "\u2013", "-", "\u2014", "-", "\u2015", "-", "\u2212", "-",
)

// normalize lower-cases s and maps its typography to ASCII.
func normalize(s string) string {
	if plainASCII(s) {
		return strings.ToLower(s) // nothing for typography or ToValidUTF8 to change
	}
	return strings.ToLower(typography.Replace(strings.ToValidUTF8(s, "\uFFFD")))
}

// plainASCII reports whether s is ASCII without the backquote, the one
// ASCII character typography maps.
func plainASCII(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] >= 0x80 || s[i] == '`' {
			return false
		}
	}
	return true
}

// words splits s into normalised words: runs of letters, digits and inner
// apostrophes. Hyphens separate words, so "low-ball" is "low ball".
func words(s string) []string {
	if simpleText(s) {
		return asciiWords(s)
	}
	return unicodeWords(s)
}

// typographicRune classifies the characters typography maps: apostrophes
// (which join words, as "'" does), and dashes and quotes (which separate
// them); other is false for any other character.
func typographicRune(r rune) (apostrophe, other bool) {
	switch r {
	case '\u2019', '\u2018', '\u02BC', '\u2032', '`', '\u00B4':
		return true, false
	case '\u201C', '\u201D', '\u201E', '\u2010', '\u2011', '\u2012', '\u2013', '\u2014', '\u2015', '\u2212':
		return false, false
	}
	return false, true
}

// simpleText reports whether s is ASCII but for the characters typography
// maps ("–" in a subject, "’" in "can’t"), which the ASCII word scanner
// reads as normalize would map them.
func simpleText(s string) bool {
	for i := 0; i < len(s); {
		if s[i] < 0x80 {
			i++
			continue
		}
		r, n := utf8.DecodeRuneInString(s[i:])
		if _, other := typographicRune(r); other {
			return false
		}
		i += n
	}
	return true
}

// unicodeWords is words for any text.
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

// lowerASCII is strings.ToLower for plain ASCII text, in one tight loop:
// s itself when it has no capitals, else one copy.
func lowerASCII(s string) string {
	i := 0
	for i < len(s) && (s[i] < 'A' || s[i] > 'Z') {
		i++
	}
	if i == len(s) {
		return s
	}
	b := []byte(s)
	for ; i < len(b); i++ {
		if c := b[i]; 'A' <= c && c <= 'Z' {
			b[i] = c + 'a' - 'A'
		}
	}
	return string(b)
}

// asciiWords is words for plain ASCII text, in one pass over one
// lower-cased copy of it.
func asciiWords(s string) []string {
	out := make([]string, 0, len(s)/5+1)
	for w := range asciiWordSeq(s) {
		out = append(out, w)
	}
	return out
}

// asciiWordSeq yields the words of simple text (see simpleText): runs of
// letters, digits and apostrophes, lower-cased, without their outer
// apostrophes; a typographic apostrophe counts as "'" and a typographic
// dash or quote separates words, as normalize maps them. It allocates at
// most one lower-cased copy of s, and a word only when it holds a
// typographic apostrophe.
func asciiWordSeq(s string) iter.Seq[string] {
	return func(yield func(string) bool) {
		low := lowerASCII(s) // s itself when it has no capitals
		for i := 0; i < len(low); {
			// Skip to the start of a word.
			c := byteClass[low[i]]
			if c == classSeparator {
				i++
				continue
			}
			n := 1
			if c == classOther {
				apostrophe := false
				apostrophe, n = decodeTypographic(low[i:])
				if !apostrophe {
					i += n
					continue
				}
			}
			// Read the word.
			start, mapped := i, c == classOther
			for i += n; i < len(low); i += n {
				n = 1
				switch byteClass[low[i]] {
				case classWord:
					continue
				case classOther:
					var apostrophe bool
					if apostrophe, n = decodeTypographic(low[i:]); apostrophe {
						mapped = true
						continue
					}
				}
				break
			}
			w := low[start:i]
			if mapped {
				w = typography.Replace(w)
			}
			if w = strings.Trim(w, "'"); w != "" && !yield(w) {
				return
			}
			i += n
		}
	}
}

// The classes of bytes for the word scanner.
const (
	classSeparator = iota
	classWord      // a-z, 0-9 and "'"
	classOther     // a byte of a multi-byte character, or "`": see decodeTypographic
)

// byteClass is the class of each byte of lower-cased text.
var byteClass = func() (t [256]uint8) {
	for c := range 256 {
		switch {
		case 'a' <= c && c <= 'z', '0' <= c && c <= '9', c == '\'':
			t[c] = classWord
		case c >= 0x80, c == '`':
			t[c] = classOther
		}
	}
	return t
}()

// decodeTypographic reads the character s starts with, one simpleText
// allows, and reports whether it is a typographic apostrophe, and its
// length.
func decodeTypographic(s string) (apostrophe bool, n int) {
	r, n := utf8.DecodeRuneInString(s)
	apostrophe, _ = typographicRune(r)
	return apostrophe, n
}

// splitSentences splits s at line breaks and at '.', '!' or '?' followed by
// white space or the end, so "example.com" and "3.5" stay whole. Empty
// sentences are dropped.
func splitSentences(s string) []string {
	var out []string
	for t := range sentenceSeq(s) {
		out = append(out, t)
	}
	return out
}

// lastSentenceSeq yields the sentences of s that splitSentences returns,
// last first, reading s from its end: the last few of a long text cost
// what they are long.
func lastSentenceSeq(s string) iter.Seq[string] {
	return func(yield func(string) bool) {
		if !utf8.ValidString(s) {
			ss := splitSentences(s)
			for i := len(ss) - 1; i >= 0; i-- {
				if !yield(ss[i]) {
					return
				}
			}
			return
		}
		// In valid UTF-8 the bytes of '\n', '\r', '.', '!' and '?' are
		// those characters, so the breaks can be found from the end.
		hi := len(s) // the end of the sentence being read
		for i := len(s) - 1; i >= 0; i-- {
			cut := -1 // where the sentence after this break starts
			switch s[i] {
			case '\n', '\r':
				cut = i + 1
			case '.', '!', '?':
				if next, _ := utf8.DecodeRuneInString(s[i+1:]); i+1 == len(s) || unicode.IsSpace(next) {
					cut = i + 1
				}
			}
			if cut < 0 {
				continue
			}
			if t := strings.TrimSpace(s[cut:hi]); t != "" && !yield(t) {
				return
			}
			hi = i
			if s[i] != '\n' && s[i] != '\r' {
				hi = i + 1 // the stop ends the sentence before it
			}
		}
		if t := strings.TrimSpace(s[:hi]); t != "" {
			yield(t)
		}
	}
}

// sentenceSeq yields the sentences of s as splitSentences returns them,
// without collecting them.
func sentenceSeq(s string) iter.Seq[string] {
	return func(yield func(string) bool) {
		if !utf8.ValidString(s) {
			s = string([]rune(s)) // each invalid byte becomes U+FFFD
		}
		start := 0
		for i := 0; i < len(s); {
			r, n := utf8.DecodeRuneInString(s[i:])
			end := -1
			switch r {
			case '\n', '\r':
				end = i
			case '.', '!', '?':
				if next, _ := utf8.DecodeRuneInString(s[i+n:]); i+n == len(s) || unicode.IsSpace(next) {
					end = i + n
				}
			}
			if end >= 0 {
				if t := strings.TrimSpace(s[start:end]); t != "" && !yield(t) {
					return
				}
				start = i + n
			}
			i += n
		}
		if t := strings.TrimSpace(s[start:]); t != "" {
			yield(t)
		}
	}
}

// wordSeq yields the words of s as words returns them, without building
// the list: for plain ASCII it allocates at most one lower-cased copy.
func wordSeq(s string) iter.Seq[string] {
	if simpleText(s) {
		return asciiWordSeq(s)
	}
	return func(yield func(string) bool) {
		for _, w := range unicodeWords(s) {
			if !yield(w) {
				return
			}
		}
	}
}

// countWords is len(words(s)), without building the list.
func countWords(s string) int {
	n := 0
	for range wordSeq(s) {
		n++
	}
	return n
}

// phrase is a sequence of words to find in a text. Each word is a list of
// alternatives; an alternative ending in '*' matches any word that starts
// with it. Phrases are written as "turn*|turning down": words separated by
// spaces, alternatives by '|'.
type phrase []alternatives

// alternatives are the accepted spellings of one word of a phrase.
type alternatives []spelling

// spelling is one accepted word, or a word start when prefix is set.
type spelling struct {
	word   string
	prefix bool
}

// phrases parses a list of phrases.
func phrases(list ...string) []phrase {
	out := make([]phrase, len(list))
	for i, s := range list {
		for _, w := range strings.Fields(s) {
			out[i] = append(out[i], alts(w))
		}
	}
	return out
}

// alts parses one word of a phrase.
func alts(w string) alternatives {
	var a alternatives
	for _, alt := range strings.Split(w, "|") {
		word, prefix := strings.CutSuffix(alt, "*")
		a = append(a, spelling{word, prefix})
	}
	return a
}

// matches reports whether the text word w is one of a.
func (a alternatives) matches(w string) bool {
	for _, s := range a {
		if w == s.word || s.prefix && strings.HasPrefix(w, s.word) {
			return true
		}
	}
	return false
}

// literal is the phrase that matches exactly the words ws.
func literal(ws []string) phrase {
	p := make(phrase, len(ws))
	for i, w := range ws {
		p[i] = alternatives{{word: w}}
	}
	return p
}

// matchAt reports whether p occurs in ws starting at word i.
func (p phrase) matchAt(ws []string, i int) bool {
	if i+len(p) > len(ws) {
		return false
	}
	for j, a := range p {
		if !a.matches(ws[i+j]) {
			return false
		}
	}
	return true
}

// phraseIndex files phrases under the first byte of each spelling of
// their first word, in their order, so that a scan tries at each word only
// the phrases that can start there: the same matches, a tenth of the work.
type phraseIndex [256][]phrase

func indexPhrases(ps []phrase) *phraseIndex {
	var x phraseIndex
	for _, p := range ps {
		var under [256]bool
		for _, s := range p[0] {
			if s.word == "" { // a bare prefix: any word
				for b := range under {
					under[b] = true
				}
				continue
			}
			under[s.word[0]] = true
		}
		for b, ok := range under {
			if ok {
				x[b] = append(x[b], p)
			}
		}
	}
	return &x
}

// at returns the phrases that may start at word w, in their order.
func (x *phraseIndex) at(w string) []phrase {
	if w == "" {
		return nil
	}
	return x[w[0]]
}

// find counts the words of ws at which one of the indexed phrases starts
// (a match is counted once, at its first word).
func (x *phraseIndex) find(ws []string) int {
	n := 0
	for i, w := range ws {
		for _, p := range x.at(w) {
			if p.matchAt(ws, i) {
				n++
				break
			}
		}
	}
	return n
}

// contains reports whether one of the indexed phrases occurs in ws.
func (x *phraseIndex) contains(ws []string) bool {
	for i, w := range ws {
		for _, p := range x.at(w) {
			if p.matchAt(ws, i) {
				return true
			}
		}
	}
	return false
}

// containsPhrase reports whether any of ps occurs in ws.
func containsPhrase(ws []string, ps []phrase) bool {
	for i := range ws {
		for _, p := range ps {
			if p.matchAt(ws, i) {
				return true
			}
		}
	}
	return false
}

// mentions reports whether text names value: word by word, whatever its
// spacing, case or punctuation, or else as a plain substring (for values
// with no letters or digits, such as "{{}}").
func mentions(text string, ws []string, value string) bool {
	return mentionsWords(text, ws, value, words(value))
}

// mentionsWords is mentions with the words of value already split.
func mentionsWords(text string, ws []string, value string, vw []string) bool {
	if n := literal(vw); len(n) > 0 {
		for i := range ws {
			if n.matchAt(ws, i) {
				return true
			}
		}
		return false
	}
	return value != "" && strings.Contains(normalize(text), normalize(value))
}
