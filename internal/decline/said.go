package decline

import (
	"regexp"
	"slices"
	"strings"
	"sync"
	"sync/atomic"
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
	var w said
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
	}
	return w
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
	a := actsOf(s)
	switch {
	case a&actThanks != 0 && !w.mayThank():
		return false
	case a&actRegret != 0 && w.regrets > 0:
		return false
	case a&actWish != 0 && w.wishes > 0:
		return false
	case a&actTeam != 0 && (w.last&actTeam != 0 || next != "" && teamWord.MatchString(next)):
		return false
	case pointsBack.MatchString(strings.TrimPrefix(s, "^")) && (w.last&actThanks != 0 || next != "" && thanks(next)):
		return false
	}
	return true
}

// pointsBack matches a closing line whose "that" points back at the
// sentence before it ("Hopefully that helps with your planning."): after
// the news it is the news, after thanks it would be the thanks.
var pointsBack = regexp.MustCompile(`^(Hopefully that\b|I hope that('s\b| helps\b| makes\b| gives\b))`)

// maxThanks is how many times a letter thanks its reader: a third
// thanks, however worded, reads as an afterthought or as gushing.
const maxThanks = 2

// mayThank reports whether what is said leaves room for thanks once more.
func (w said) mayThank() bool { return w.thanks < maxThanks }

// fresh is list without the phrasings that would say again what is said
// (see allows); list itself when none would be left, so that the letter
// still has its sentence.
func (w said) fresh(list []string, next string) []string {
	out := slices.DeleteFunc(slices.Clone(list), func(s string) bool { return !w.allows(s, next) })
	if len(out) == 0 {
		return list
	}
	return out
}

// around is the record of a sentence to be set between before and
// next: what both say counts, and it follows the last of before.
func around(before, next string) said {
	w, n := saidIn(before), saidIn(next)
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
	return around(before, next).sentence(c, part, list, leads, v, before, next)
}

// pick is choose for the e-mail.
func (e *emailWriter) pick(part int, list, leads []string, v values, before, next string) string {
	return choose(e.c, part, list, leads, v, before, next)
}
