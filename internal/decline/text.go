package decline

import (
	"iter"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"
)

// mapTypography maps the typographic apostrophes, quotes and dashes people
// and word processors use to their ASCII forms, so "can’t" matches "can't"
// and "low‑ball" matches "low-ball" (see typographicRune): s itself when
// it has nothing to map.
func mapTypography(s string) string {
	i := 0
	for i < len(s) && s[i] < 0x80 && s[i] != '`' {
		i++
	}
	if i == len(s) {
		return s
	}
	var b strings.Builder
	b.Grow(len(s))
	b.WriteString(s[:i])
	for i < len(s) {
		if c := s[i]; c < 0x80 && c != '`' {
			b.WriteByte(c)
			i++
			continue
		}
		r, n := utf8.DecodeRuneInString(s[i:])
		switch apostrophe, other := typographicRune(r); {
		case apostrophe:
			b.WriteByte('\'')
		case other:
			b.WriteString(s[i : i+n]) // as it is, valid or not
		case r == '\u201C' || r == '\u201D' || r == '\u201E':
			b.WriteByte('"')
		default:
			b.WriteByte('-')
		}
		i += n
	}
	return b.String()
}

// normalize lower-cases s and maps its typography to ASCII.
func normalize(s string) string {
	if plainASCII(s) {
		return strings.ToLower(s) // nothing for mapTypography or ToValidUTF8 to change
	}
	return strings.ToLower(mapTypography(strings.ToValidUTF8(s, "\uFFFD")))
}

// plainASCII reports whether s is ASCII without the backquote, the one
// ASCII character mapTypography maps.
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
	return asciiWords(s)
}

// typographicRune classifies the characters mapTypography maps: apostrophes
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

// containsFold reports whether s contains sub, a lower-case ASCII word,
// whatever the case of s: strings.Contains(strings.ToLower(s), sub)
// without the copy for plain ASCII s.
func containsFold(s, sub string) bool {
	if !plainASCII(s) {
		return strings.Contains(strings.ToLower(s), sub)
	}
	lo, up := sub[0], sub[0]
	if 'a' <= lo && lo <= 'z' {
		up = lo - ('a' - 'A')
	}
	// The next place of the first letter in each case, found afresh
	// only once passed.
	nextLo, nextUp := -1, -1
	for i := 0; i+len(sub) <= len(s); i++ {
		if nextLo < i && nextLo != len(s) {
			if nextLo = strings.IndexByte(s[i:], lo); nextLo < 0 {
				nextLo = len(s)
			} else {
				nextLo += i
			}
		}
		if nextUp < i && nextUp != len(s) {
			if nextUp = strings.IndexByte(s[i:], up); nextUp < 0 {
				nextUp = len(s)
			} else {
				nextUp += i
			}
		}
		i = min(nextLo, nextUp)
		if i+len(sub) > len(s) {
			return false
		}
		j := 1
		for ; j < len(sub); j++ {
			c := s[i+j]
			if 'A' <= c && c <= 'Z' {
				c += 'a' - 'A'
			}
			if c != sub[j] {
				break
			}
		}
		if j == len(sub) {
			return true
		}
	}
	return false
}

// foldWords are a few lower-case ASCII strings that containsAnyFold looks
// for at once, filed under their first byte.
type foldWords [256][]string

// newFoldWords files subs, each lower-case ASCII and not empty.
func newFoldWords(subs ...string) *foldWords {
	f := &foldWords{}
	for _, sub := range subs {
		f[sub[0]] = append(f[sub[0]], sub)
		if c := sub[0]; 'a' <= c && c <= 'z' {
			f[c-('a'-'A')] = append(f[c-('a'-'A')], sub)
		}
	}
	return f
}

// containsAnyFold reports whether s contains one of f's strings, whatever
// the case of s: containsFold(s, sub) for each of them, in one pass over
// plain ASCII s instead of one a string.
func containsAnyFold(s string, f *foldWords) bool {
	if !plainASCII(s) {
		low := strings.ToLower(s)
		for _, list := range f {
			for _, sub := range list {
				if strings.Contains(low, sub) {
					return true
				}
			}
		}
		return false
	}
	for i := 0; i < len(s); i++ {
		for _, sub := range f[s[i]] {
			if len(s)-i >= len(sub) && hasPrefixFold(s[i+1:], sub[1:]) {
				return true
			}
		}
	}
	return false
}

// hasPrefixFold reports whether plain ASCII s starts with sub, a
// lower-case ASCII string, whatever the case of s.
func hasPrefixFold(s, sub string) bool {
	if len(s) < len(sub) {
		return false
	}
	for j := 0; j < len(sub); j++ {
		c := s[j]
		if 'A' <= c && c <= 'Z' {
			c += 'a' - 'A'
		}
		if c != sub[j] {
			return false
		}
	}
	return true
}

// asciiWords is words, in one pass over one lower-cased copy of s.
func asciiWords(s string) []string {
	out := make([]string, 0, len(s)/5+1)
	scanWords(lowerASCII(s), func(w string, _ bool) bool {
		out = append(out, w)
		return true
	})
	return out
}

// lazyWordSeq yields the words of s (see scanWords), lower-cased word by
// word: a word without capitals is a piece of s, so a sentence costs only its capitalised
// words.
func lazyWordSeq(s string) iter.Seq[string] {
	return func(yield func(string) bool) {
		scanWords(s, func(w string, upper bool) bool {
			if upper {
				w = lowerASCII(w)
			}
			return yield(w)
		})
	}
}

// scanWords calls yield with each word of s as words reads it (runs of
// letters, digits and apostrophes without their outer apostrophes; a
// typographic apostrophe counts as "'", a typographic dash or quote
// separates words, as normalize maps them), lower-cased but for the
// capitals A-Z, and whether it has those, until yield returns false.
// Invalid UTF-8 separates words, as the U+FFFD that replaces it does.
func scanWords(s string, yield func(w string, upper bool) bool) {
	for i := 0; i < len(s); {
		// Skip to the start of a word.
		c := byteClass[s[i]]
		if c == classSeparator {
			i++
			continue
		}
		n, mapped, foreign := 1, false, false
		if c == classOther {
			var in bool
			if in, mapped, foreign, n = decodeWordRune(s[i:]); !in {
				i += n
				continue
			}
		}
		// Read the word.
		start, upper := i, c == classUpper
	word:
		for i += n; i < len(s); i += n {
			n = 1
			switch byteClass[s[i]] {
			case classWord:
			case classUpper:
				upper = true
			case classOther:
				in, m, f, k := decodeWordRune(s[i:])
				if n = k; !in {
					break word
				}
				mapped, foreign = mapped || m, foreign || f
			default:
				break word
			}
		}
		w := s[start:i]
		if mapped {
			w = mapTypography(w)
		}
		if foreign {
			w, upper = strings.ToLower(w), false
		}
		if w = trimApostrophes(w); w != "" && !yield(w, upper) {
			return
		}
		i += n
	}
}

// trimApostrophes is strings.Trim(w, "'").
func trimApostrophes(w string) string {
	for len(w) > 0 && w[0] == '\'' {
		w = w[1:]
	}
	for len(w) > 0 && w[len(w)-1] == '\'' {
		w = w[:len(w)-1]
	}
	return w
}

// The classes of bytes for the word scanner.
const (
	classSeparator = iota
	classWord      // a-z, 0-9 and "'"
	classOther     // a byte of a multi-byte character, or "`": see decodeWordRune
	classUpper     // A-Z
)

// byteClass is the class of each byte of lower-cased text.
var byteClass = func() (t [256]uint8) {
	for c := range 256 {
		switch {
		case 'a' <= c && c <= 'z', '0' <= c && c <= '9', c == '\'':
			t[c] = classWord
		case c >= 0x80, c == '`':
			t[c] = classOther
		case 'A' <= c && c <= 'Z':
			t[c] = classUpper
		}
	}
	return t
}()

// decodeWordRune reads the character s starts with, a byte of class
// classOther, and reports whether it belongs in a word, whether it is a
// typographic apostrophe (mapped to "'"), whether it is a letter or digit
// outside ASCII (lower-cased with its word), and its length.
func decodeWordRune(s string) (in, mapped, foreign bool, n int) {
	r, n := utf8.DecodeRuneInString(s)
	apostrophe, other := typographicRune(r)
	switch {
	case apostrophe:
		return true, true, false, n
	case !other:
		return false, false, false, n // a dash or a quote
	case unicode.IsLetter(r) || unicode.IsDigit(r):
		return true, false, true, n
	}
	return false, false, false, n
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
		// In valid UTF-8 the bytes of '\n', '\r', '.', '!' and '?' are
		// those characters, so the breaks are found byte by byte.
		start := 0
		for i := 0; i < len(s); i++ {
			end := -1
			switch s[i] {
			case '\n', '\r':
				end = i
			case '.', '!', '?':
				if next, _ := utf8.DecodeRuneInString(s[i+1:]); i+1 == len(s) || unicode.IsSpace(next) {
					end = i + 1
				}
			default:
				continue
			}
			if end >= 0 {
				if t := strings.TrimSpace(s[start:end]); t != "" && !yield(t) {
					return
				}
				start = i + 1
			}
		}
		if t := strings.TrimSpace(s[start:]); t != "" {
			yield(t)
		}
	}
}

// wordSeq yields the words of s as words returns them, without building
// the list: for plain ASCII it allocates at most one lower-cased copy.
func wordSeq(s string) iter.Seq[string] {
	return lazyWordSeq(s)
}

// countFields is len(strings.Fields(s)), without building the list.
func countFields(s string) int {
	n, inField := 0, false
	for i := 0; i < len(s); {
		var space bool
		if c := s[i]; c < utf8.RuneSelf {
			space = asciiSpace[c]
			i++
		} else {
			r, size := utf8.DecodeRuneInString(s[i:])
			space = unicode.IsSpace(r)
			i += size
		}
		if !space && !inField {
			n++
		}
		inField = !space
	}
	return n
}

// fieldCount is countFields(t) for one of our phrasings, t, read once:
// a letter weighs the length of a few dozen.
func fieldCount(t string) int { return fieldCounts.of(t) }

var fieldCounts = memoOf(countFields)

// asciiSpace holds the ASCII bytes unicode.IsSpace reports.
var asciiSpace = [utf8.RuneSelf]bool{'\t': true, '\n': true, '\v': true, '\f': true, '\r': true, ' ': true}

// firstTwoFields are the first two of strings.Fields(s), without building
// the list; ok is false when s has fewer.
func firstTwoFields(s string) (first, second string, ok bool) {
	var fields [2]string
	n, start := 0, -1
	for i, r := range s {
		switch space := unicode.IsSpace(r); {
		case space && start >= 0:
			fields[n], start = s[start:i], -1
			if n++; n == 2 {
				return fields[0], fields[1], true
			}
		case !space && start < 0:
			start = i
		}
	}
	if start >= 0 && n == 1 {
		return fields[0], s[start:], true
	}
	return "", "", false
}

// hasWord reports whether words(s) holds w, a lower-case ASCII word,
// without building the list or lower-casing s.
func hasWord(s, w string) bool {
	found := false
	scanWords(s, func(x string, upper bool) bool {
		// A word with capitals differs from its lower case in ASCII
		// letters alone.
		found = x == w || upper && len(x) == len(w) && strings.EqualFold(x, w)
		return !found
	})
	return found
}

// countWords is len(words(s)), without building the list.
func countWords(s string) int {
	if !plainASCII(s) {
		n := 0
		scanWords(s, func(string, bool) bool { n++; return true })
		return n
	}
	// In plain ASCII a word is a run of letters, digits and apostrophes
	// with a letter or digit in it (apostrophes alone trim to nothing).
	n, inRun, counted := 0, false, false
	for i := 0; i < len(s); i++ {
		switch c := s[i]; byteClass[c] {
		case classWord, classUpper:
			if !inRun {
				inRun, counted = true, false
			}
			if c != '\'' && !counted {
				n++
				counted = true
			}
		default:
			inRun = false
		}
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

// phraseIndex files phrases under the first two bytes of each spelling
// of their first word (for a word starting with a letter a-z; under the
// first byte for any other), in their order, so that a scan tries at each
// word only the phrases that can start there: the same matches, a small
// part of the work.
type phraseIndex struct {
	byTwo   [26][secondKeys][]phrase
	byFirst [256][]phrase
}

// secondKeys are the keys of a word's second byte: the end of the word,
// a-z, 0-9, and any other byte.
const secondKeys = 38

// secondKey is the key of the second byte of w.
func secondKey(w string) int {
	switch {
	case len(w) < 2:
		return 0
	case 'a' <= w[1] && w[1] <= 'z':
		return 1 + int(w[1]-'a')
	case '0' <= w[1] && w[1] <= '9':
		return 27 + int(w[1]-'0')
	}
	return 37
}

func indexPhrases(ps []phrase) *phraseIndex {
	x := &phraseIndex{}
	for _, p := range ps {
		var under [256][secondKeys]bool
		for _, s := range p[0] {
			switch {
			case s.word == "": // a bare prefix: any word
				for b := range under {
					for k := range secondKeys {
						under[b][k] = true
					}
				}
			case len(s.word) == 1 && s.prefix: // any second byte
				for k := range secondKeys {
					under[s.word[0]][k] = true
				}
			default:
				under[s.word[0]][secondKey(s.word)] = true
			}
		}
		for b := range under {
			for k, ok := range under[b] {
				switch {
				case !ok:
				case 'a' <= b && b <= 'z':
					x.byTwo[b-'a'][k] = append(x.byTwo[b-'a'][k], p)
				case len(x.byFirst[b]) == 0 || !samePhrase(x.byFirst[b][len(x.byFirst[b])-1], p):
					x.byFirst[b] = append(x.byFirst[b], p)
				}
			}
		}
	}
	return x
}

// samePhrase reports whether a and b are one phrase (the same backing
// array), which is filed under a byte once.
func samePhrase(a, b phrase) bool { return len(a) == len(b) && len(a) > 0 && &a[0] == &b[0] }

// at returns the phrases that may start at word w, in their order.
func (x *phraseIndex) at(w string) []phrase {
	switch {
	case w == "":
		return nil
	case 'a' <= w[0] && w[0] <= 'z':
		return x.byTwo[w[0]-'a'][secondKey(w)]
	}
	return x.byFirst[w[0]]
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
	if len(vw) > 0 {
		for i := 0; i+len(vw) <= len(ws); i++ {
			if ws[i] == vw[0] && slices.Equal(ws[i+1:i+len(vw)], vw[1:]) {
				return true
			}
		}
		return false
	}
	return value != "" && strings.Contains(normalize(text), normalize(value))
}

// wordsFold matches what a regexp of the form `(?i)\b(a|b c|d\w*)\b`
// matches, without running one: any of its words or phrases standing as
// words in a text, whatever their ASCII case; a word given with a
// trailing "*" may run on ("regret*" is `regret\w*`). The regexps of
// that form a letter consults for every phrasing it weighs (which acts a
// sentence makes) cost more than writing the letter; this scan costs a
// fraction of them. Text with the only characters outside ASCII that
// (?i) folds to an ASCII letter, "K" (the Kelvin sign) and "ſ", goes to
// re, the same pattern compiled; any other is not a word byte to \b and
// \w, nor to this scan, and a dash or curly quote in a letter no longer
// costs a regexp.
type wordsFold struct {
	words []string
	runOn []bool
	first [utf8.RuneSelf]bool // the bytes a word starts with, in either case
	re    *regexp.Regexp
}

// newWordsFold is the wordsFold for words, with re the regexp it stands
// for.
func newWordsFold(re string, words ...string) *wordsFold {
	f := &wordsFold{re: regexp.MustCompile(re)}
	for _, w := range words {
		run := strings.HasSuffix(w, "*")
		w = strings.TrimSuffix(w, "*")
		if w == "" || !plainASCII(w) || !wordByte(w[0]) {
			panic("decline: wordsFold word " + strconv.Quote(w))
		}
		f.words = append(f.words, w)
		f.runOn = append(f.runOn, run)
		f.first[unicode.ToLower(rune(w[0]))], f.first[unicode.ToUpper(rune(w[0]))] = true, true
	}
	return f
}

// wordByte reports an ASCII byte of a word as \b reads it.
func wordByte(c byte) bool {
	return c == '_' || '0' <= c && c <= '9' || 'a' <= c && c <= 'z' || 'A' <= c && c <= 'Z'
}

// MatchString reports whether s holds one of f's words.
func (f *wordsFold) MatchString(s string) bool {
	if !plainASCII(s) && strings.ContainsAny(s, "\u212a\u017f") {
		return f.re.MatchString(s)
	}
	for i := 0; i < len(s); i++ {
		if s[i] >= utf8.RuneSelf || !f.first[s[i]] || i > 0 && wordByte(s[i-1]) {
			continue // not the start of one of f's words
		}
		for k, w := range f.words {
			end := i + len(w)
			if end > len(s) || !strings.EqualFold(s[i:end], w) {
				continue
			}
			if f.runOn[k] || end == len(s) || !wordByte(s[end]) {
				return true
			}
		}
	}
	return false
}
