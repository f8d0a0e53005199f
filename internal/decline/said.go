package decline

import (
	"regexp"
	"slices"
	"strings"
	"sync"
	"sync/atomic"
	"unicode"
	"unicode/utf8"
)

// A letter says each thing once. said is the record of what a letter has
// said already, read from its text, which every part of the e-mail
// consults before it adds a sentence (see emailWriter.pick): a second
// apology, a third thanks, or "team" in the sentence after one that named
// the team each read as a template's seams.

// act is a thing a sentence does: thanks the reader, says sorry or owns
// that the answer disappoints, wishes them well, speaks of their team.
// A sentence may do several.
type act uint8

const (
	actThanks act = 1 << iota
	actRegret     // sorry, an apology, "I wish I had a different answer", trouble caused
	actWish       // a closing wish ("I hope the search goes well.")
	actTeam       // names the reader's team
	// actPointsBack: a closing line whose "that" points back at the
	// sentence before it (see pointsBack); read with the acts, since
	// allows asks it of every phrasing it weighs.
	actPointsBack
)

// regretWords mark a sentence that regrets the answer without saying
// sorry: it wishes the answer were different, owns that it disappoints,
// or hopes the trouble is small. "I wish I had a different answer for
// you. ... I'm sorry to let you down." regrets twice. A line that knows
// the answer is not the one hoped for ("I know you were hoping for a
// yes.") only acknowledges it, and may follow a decline that said sorry.
var regretWords = newWordsFold(`(?i)\b(regret\w*|wish (I|my answer)|let you down|disappoint\w*|better news)\b`,
	"regret*", "wish I", "wish my answer", "let you down", "disappoint*", "better news")

// teamWord marks a sentence that names the reader's team.
var teamWord = newWordsFold(`(?i)\bteams?\b`, "team", "teams")

// actsOf are the acts of one of our sentences (or phrasings). A letter
// asks it of the same phrasings of the tables again and again (every
// choice reads the acts of each candidate), so the answers are kept: at
// most maxKnownActs of them, since sentences holding the user's words vary
// without end.
func actsOf(s string) act {
	if a, ok := knownActs.Load(s); ok {
		return a.(act)
	}
	a := readActs(s)
	if knownActsN.Load() < maxKnownActs && knownActsN.Add(1) <= maxKnownActs {
		knownActs.Store(s, a)
	}
	return a
}

// knownActs holds the acts actsOf has read, by sentence; knownActsN
// counts the places taken, so that it never holds more than maxKnownActs.
var (
	knownActs  sync.Map
	knownActsN atomic.Int64
)

const maxKnownActs = 1 << 15

// readActs reads the acts of s.
func readActs(s string) act {
	var a act
	if thanks(s) {
		a |= actThanks
	}
	if apologetic(s) || regretWords.MatchString(s) {
		a |= actRegret
	}
	if wishLike(s) && !personalLine[s] {
		a |= actWish
	}
	if teamWord.MatchString(s) {
		a |= actTeam
	}
	if pointsBack.MatchString(strings.TrimPrefix(s, "^")) {
		a |= actPointsBack
	}
	return a
}

// personalLine are the lines a letter to a person may open with ("I hope
// you are keeping well."): a greeting, not the wish that closes a letter,
// which may still follow.
var personalLine = func() map[string]bool {
	out := map[string]bool{}
	for _, list := range personalLines {
		for _, s := range list {
			out[s] = true
		}
	}
	return out
}()

// said is what a text has said: how many of its sentences made each act,
// and the acts of its last sentence, which the next one follows.
type said struct {
	thanks, regrets, wishes int
	last, prev              act // the acts of the last sentence and the one before it
}

// saidIn reads the record of text.
func saidIn(text string) said {
	w, _ := readSaid(text)
	return w
}

// readSaid reads the record of text and counts its sentences.
func readSaid(text string) (said, int) {
	var w said
	n := 0
	for s := range sentenceSeq(text) {
		a := actsOf(s)
		if a&actThanks != 0 {
			w.thanks++
		}
		if a&actRegret != 0 {
			w.regrets++
		}
		if a&actWish != 0 {
			w.wishes++
		}
		w.prev, w.last = w.last, a
		n++
	}
	return w, n
}

// then is the record of a text whose sentences are those of w's and
// then the n sentences of more's.
func (w said) then(more said, n int) said {
	w.thanks += more.thanks
	w.regrets += more.regrets
	w.wishes += more.wishes
	switch n {
	case 0:
	case 1:
		w.prev, w.last = w.last, more.last
	default:
		w.prev, w.last = more.prev, more.last
	}
	return w
}

// saidMemo is the record of the text a letter's last choice followed:
// the next choice follows the same text, or it and a sentence or two
// more, whose record is that one and the record of what was added. A
// letter's record is read once, not once for each of its sentences.
type saidMemo struct {
	text string // valid UTF-8
	rec  said
}

// saidOf is saidIn(text), kept in c's memo.
func (c chooser) saidOf(text string) said {
	m := c.said
	if m == nil {
		return saidIn(text)
	}
	if len(text) == len(m.text) && text == m.text {
		return m.rec
	}
	var rec said
	if i := len(m.text); i > 0 && i < len(text) && text[:i] == m.text && sentenceBreak(text, i) && utf8.ValidString(text[i:]) {
		rec = m.rec.then(readSaid(text[i:]))
	} else {
		rec = saidIn(text)
		if !utf8.ValidString(text) {
			return rec
		}
	}
	m.text, m.rec = text, rec
	return rec
}

// sentenceBreak reports whether sentenceSeq, reading valid UTF-8 s, ends
// a sentence between s[:i] and s[i:] exactly as it ends the last of s[:i]
// read alone: at a line break on either side, or after a full stop, '!'
// or '?' before white space. The sentences of s are then those of s[:i]
// and of s[i:].
func sentenceBreak(s string, i int) bool {
	switch s[i-1] {
	case '\n', '\r':
		return true
	case '.', '!', '?':
		r, _ := utf8.DecodeRuneInString(s[i:])
		return unicode.IsSpace(r)
	}
	return s[i] == '\n' || s[i] == '\r'
}

// joined is the record for a clause set into the last sentence ("...,
// as I am looking for a different kind of team."): it follows the
// sentence before that one too.
func (w said) joined() said {
	w.last |= w.prev
	return w
}

// allows reports whether s may follow what is said, before next (which
// may be ""): thanks at most maxThanks times, regret once, wish the
// reader well once (a sign-off too: "Best wishes,"), the team never
// in two sentences side by side, and no line that points back ("Hopefully
// that helps ...") beside thanks, where its "that" would be the thanks.
func (w said) allows(s, next string) bool {
	n := upcoming{text: next}
	return w.allowsBefore(s, &n)
}

// upcoming is the sentence after the one being chosen, as allows reads
// it: whether it names the team and whether it thanks are read once, when
// a phrasing first asks, however many phrasings are weighed before it.
type upcoming struct {
	text                string
	read, team, thanked bool
}

// acts reads n once.
func (n *upcoming) acts() {
	if !n.read {
		n.read = true
		n.team = n.text != "" && teamWord.MatchString(n.text)
		n.thanked = n.text != "" && thanks(n.text)
	}
}

// allowsBefore is allows, with next read once.
func (w said) allowsBefore(s string, next *upcoming) bool {
	a := actsOf(s)
	switch {
	case a&actThanks != 0 && !w.mayThank():
		return false
	case a&actRegret != 0 && w.regrets > 0:
		return false
	case a&actWish != 0 && w.wishes > 0:
		return false
	case a&actTeam != 0 && w.last&actTeam != 0:
		return false
	case a&actPointsBack != 0 && w.last&actThanks != 0:
		return false
	}
	if a&(actTeam|actPointsBack) == 0 {
		return true
	}
	next.acts()
	return !(a&actTeam != 0 && next.team || a&actPointsBack != 0 && next.thanked)
}

// pointsBack matches a closing line whose "that" points back at the
// sentence before it ("Hopefully that helps with your planning."): after
// the news it is the news, after thanks it would be the thanks, and after
// a reason or a wish it dangles. The tables name what helps instead ("I
// hope knowing now helps with your planning."); should a line of this
// shape come back, it still never follows thanks.
var pointsBack = regexp.MustCompile(`^(Hopefully that\b|I hope that('s\b| helps\b| makes\b| gives\b))`)

// maxThanks is how many times a letter thanks its reader: a third
// thanks, however worded, reads as an afterthought or as gushing.
const maxThanks = 2

// mayThank reports whether what is said leaves room for thanks once more.
func (w said) mayThank() bool { return w.thanks < maxThanks }

// fresh is list without the phrasings that would say again what is said
// (see allows); list itself when none would be left, so that the letter
// still has its sentence, or when none is left out (a caller never
// writes into it).
func (w said) fresh(list []string, next string) []string {
	n := upcoming{text: next}
	if w.mayThank() && w.regrets == 0 && w.wishes == 0 && w.last&(actTeam|actThanks) == 0 {
		// Only a sentence after it that names the team or thanks can
		// rule a phrasing out: without one, every phrasing may follow,
		// whatever its acts.
		if n.acts(); !n.team && !n.thanked {
			return list
		}
	}
	i := slices.IndexFunc(list, func(s string) bool { return !w.allowsBefore(s, &n) })
	if i < 0 {
		return list
	}
	out := make([]string, i, len(list)-1)
	copy(out, list[:i])
	for _, s := range list[i+1:] {
		if w.allowsBefore(s, &n) {
			out = append(out, s)
		}
	}
	if len(out) == 0 {
		return list
	}
	return out
}

// around is the record of a sentence to be set between before and
// next: what both say counts, and it follows the last of before.
func (c chooser) around(before, next string) said {
	w, n := c.saidOf(before), saidIn(next)
	w.thanks += n.thanks
	w.regrets += n.regrets
	w.wishes += n.wishes
	return w
}

// sentence chooses the sentence of part from list (with leads, if any)
// to follow after (the text whose last sentences it must not echo) and
// come before next, from the phrasings that say nothing w has recorded
// (see fresh): every writer's choice of a sentence that may thank,
// regret, wish or name the team goes through a record.
func (w said) sentence(c chooser, part int, list, leads []string, v values, after, next string) string {
	return c.sentenceAvoiding(part, w.fresh(list, next), leads, v, after, next)
}

// choose is the sentence of part from list (with leads, if any) to follow
// before, the whole text so far, and come before next (the sentence after
// it, or the user's detail still to be written), with the record of both
// (see around).
func choose(c chooser, part int, list, leads []string, v values, before, next string) string {
	return c.around(before, next).sentence(c, part, list, leads, v, before, next)
}

// pick is choose for the e-mail.
func (e *emailWriter) pick(part int, list, leads []string, v values, before, next string) string {
	return choose(e.c, part, list, leads, v, before, next)
}
