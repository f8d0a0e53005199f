package decline

import (
	"regexp"
	"regexp/syntax"
	"slices"
	"strings"
	"testing"
	"unicode/utf8"
)

// litRegexp is a regexp that first looks for the literals one of which
// every match holds: a text that holds none of them cannot match, and
// the regexp is not run on it. Most letters hold no banned line, so a
// large alternation over thousands of letters is mostly a few substring
// searches. The answers are those of the regexp itself.
type litRegexp struct {
	*regexp.Regexp
	lits []string // lower case; nil: not known, the regexp always runs
}

// prefilter wraps re with the literals its matches hold.
func prefilter(re *regexp.Regexp) *litRegexp {
	p, err := syntax.Parse(re.String(), syntax.Perl)
	if err != nil {
		panic(err)
	}
	lits := required(p)
	for i, l := range lits {
		lits[i] = strings.ToLower(l)
	}
	return &litRegexp{Regexp: re, lits: lits}
}

// required returns strings one of which every match of re holds (in a
// case-folded comparison), or nil when it cannot tell. Only ASCII
// literals are used, whose case folding strings.ToLower and foldText
// cover.
func required(re *syntax.Regexp) []string {
	switch re.Op {
	case syntax.OpLiteral:
		s := string(re.Rune)
		for _, r := range s {
			if r >= utf8.RuneSelf {
				return nil
			}
		}
		return []string{s}
	case syntax.OpCapture, syntax.OpPlus:
		return required(re.Sub[0])
	case syntax.OpRepeat:
		if re.Min >= 1 {
			return required(re.Sub[0])
		}
		return nil
	case syntax.OpConcat:
		// Any one part's literals will do: take those whose shortest
		// literal is longest.
		var best []string
		bestLen := 0
		for _, sub := range re.Sub {
			lits := required(sub)
			if lits == nil {
				continue
			}
			short := len(lits[0])
			for _, l := range lits {
				short = min(short, len(l))
			}
			if short > bestLen {
				best, bestLen = lits, short
			}
		}
		return best
	case syntax.OpAlternate:
		var all []string
		for _, sub := range re.Sub {
			lits := required(sub)
			if lits == nil {
				return nil
			}
			all = append(all, lits...)
		}
		return all
	}
	return nil
}

// foldText lowers s for the literal search: besides the upper-case
// letters, the long s (ſ) and the Kelvin sign fold to ASCII letters in a
// case-insensitive regexp.
func foldText(s string) string {
	s = strings.ToLower(s)
	if strings.ContainsRune(s, 'ſ') {
		s = strings.ReplaceAll(s, "ſ", "s")
	}
	return s
}

// mayMatch reports whether s holds one of the literals.
func (re *litRegexp) mayMatch(s string) bool {
	if re.lits == nil {
		return true
	}
	f := foldText(s)
	for _, l := range re.lits {
		if strings.Contains(f, l) {
			return true
		}
	}
	return false
}

func (re *litRegexp) MatchString(s string) bool {
	return re.mayMatch(s) && re.Regexp.MatchString(s)
}

func (re *litRegexp) FindString(s string) string {
	if !re.mayMatch(s) {
		return ""
	}
	return re.Regexp.FindString(s)
}

func (re *litRegexp) FindStringIndex(s string) []int {
	if !re.mayMatch(s) {
		return nil
	}
	return re.Regexp.FindStringIndex(s)
}

func (re *litRegexp) FindStringSubmatch(s string) []string {
	if !re.mayMatch(s) {
		return nil
	}
	return re.Regexp.FindStringSubmatch(s)
}

func (re *litRegexp) FindAllString(s string, n int) []string {
	if !re.mayMatch(s) {
		return nil
	}
	return re.Regexp.FindAllString(s, n)
}

func (re *litRegexp) FindAllStringIndex(s string, n int) [][]int {
	if !re.mayMatch(s) {
		return nil
	}
	return re.Regexp.FindAllStringIndex(s, n)
}

// TestPrefilterAgrees: each prefiltered regexp of the tests answers as
// the regexp alone does, on every phrasing of the tables and on texts
// that hold its literals in upper case, with a long s and a Kelvin sign.
func TestPrefilterAgrees(t *testing.T) {
	res := []*litRegexp{bookish, sparing, undertone, offerUndertone, linkedIn, culturePreMeeting, invented, stiff, hardSentence, britishOnly, usOnly, ownSlips}
	for _, re := range claims {
		res = append(res, re)
	}
	var texts []string
	for i, p := range everyPhrasing() {
		if i%10 == 0 {
			texts = append(texts, phrasingsOf(p)...)
		}
	}
	for _, re := range res {
		if re.lits == nil {
			t.Errorf("%s: no literals found", re)
		}
		for _, l := range re.lits {
			texts = append(texts, "So "+l+" then.", strings.ToUpper(l)+"!", strings.ReplaceAll(strings.ReplaceAll(l, "s", "ſ"), "k", "\u212a"), "x"+l+"x")
		}
	}
	for _, re := range res {
		for _, s := range texts {
			if got, want := re.FindAllString(s, -1), re.Regexp.FindAllString(s, -1); !slices.Equal(got, want) {
				t.Errorf("%s on %q: %q, the regexp alone %q", re, s, got, want)
			}
			if got, want := re.FindString(s), re.Regexp.FindString(s); got != want {
				t.Errorf("%s on %q: %q, the regexp alone %q", re, s, got, want)
			}
		}
	}
}
