package decline

import (
	"hash/fnv"
	"slices"
	"strings"
	"sync"
	"sync/atomic"
)

// chooser picks phrasings deterministically from a letter's Variant and the
// user's Wording. It remembers the stems of the sentences it has read, so
// that a draft's sentences are read once however often a choice follows
// them; a chooser serves one letter.
type chooser struct {
	seed  uint64
	stems map[string]stemSet
	// calm is set when the letter may not, or no longer, say that the
	// decision was hard (see hardSaying); shared by the chooser's copies.
	calm *bool
	// said is the record of the text the last choice followed (see
	// saidOf); shared by the chooser's copies.
	said *saidMemo
	// meetings is set for an offer e-mail: there a sentence that speaks
	// of meeting the people repeats one of the two before it that did,
	// whatever its words, while another phrasing avoids both (see
	// meetingTopic and sentenceAvoiding).
	meetings bool
	// recent holds the shapes (see sentenceShape) of the sentences of
	// the user's recent letters (Request.Recent), which a choice avoids
	// while another phrasing will do.
	recent map[string]bool
}

// recentHas reports a sentence of one of the user's recent letters, or
// part of one: "Sadly, I am unable to accept." was written again after
// "Sadly, I am unable to accept, as I have committed to another
// employer." (a reason is set into a decline after it is chosen).
func (c chooser) recentHas(s string) bool {
	if len(c.recent) == 0 {
		return false
	}
	k := sentenceShape(s)
	if c.recent[k] {
		return true
	}
	return strings.Count(k, " ") >= 3 && c.recent[prefixMark+k]
}

// prefixMark marks, among a chooser's recent shapes, the beginning of one
// (four words or more) rather than a whole sentence.
const prefixMark = "\x01"

// addShape adds a sentence's shape to recent, with its beginnings of
// four words or more.
func addShape(recent map[string]bool, k string) {
	recent[k] = true
	for i, spaces := 0, 0; i < len(k); i++ {
		if k[i] == ' ' {
			if spaces++; spaces >= 4 {
				recent[prefixMark+k[:i]] = true
			}
		}
	}
}

// endsAsBefore reports a sentence that ends in the same three words as
// one of the sentences before it, whose endings are ends (see
// sentenceEnds): "The time you took to schedule the interview was much
// appreciated. ... Your help in finding a time was much appreciated."
// reads as one frame filled twice.
func endsAsBefore(s string, ends []string) bool {
	if len(ends) == 0 {
		return false
	}
	end := tailWords(s, 3)
	return end != "" && slices.ContainsFunc(ends, func(e string) bool { return strings.EqualFold(e, end) })
}

// sentenceEnds are the last three words of each sentence of text that
// has them, read once for every phrasing a choice weighs.
func sentenceEnds(text string) []string {
	var ends []string
	for s := range sentenceSeq(text) {
		if e := tailWords(s, 3); e != "" {
			ends = append(ends, e)
		}
	}
	return ends
}

// tailWords is the end of s from its n-th word from last, without the
// punctuation after it; "" when s has fewer words. It is part of s: a
// choice weighs a few hundred a letter.
func tailWords(s string, n int) string {
	t := strings.TrimRight(s, ".,;:!? ")
	i := len(t)
	for k := range n {
		j := strings.LastIndexByte(t[:i], ' ')
		if j < 0 {
			if k == n-1 {
				return t // n words exactly
			}
			return ""
		}
		i = j
	}
	return t[i+1:]
}

func newChooser(variant, wording uint64) chooser {
	return chooser{seed: variant ^ wording*0xD1B54A32D192ED69, stems: map[string]stemSet{}, calm: new(bool), said: &saidMemo{}}
}

// hardSayings mark a sentence that says the decision was hard or long in
// the making ("It was not an easy decision after such a good
// conversation", "I did not decide this lightly, given ...", "After a
// good deal of thought"). People mostly do not say it, and never twice:
// two in a letter, or one in most letters, was a blind reader's tell; so
// was the flat "I did not come to this lightly." standing alone, which no
// table writes any more (see reflections).
var hardSayings = []string{"easy", "hard decision", "hard to write", "harder", "difficult", "tough call", " lightly", "come to this",
	"reached quickly", "weighed", "close call", "close thing", "close decision", "closer choice", "back and forth", "slept on",
	"a while to decide", "days to decide", "longer to decide", "took me", "some thought", "of thought", "careful thought",
	"careful consideration", "thought it over", "thinking it over", "thought about it", "given it some", "to be sure", "turning over",
	"spent a few days", "took some time over", "carefully over"}

// hardSaying reports one of our sentences that says the decision was hard.
// " lightly" is matched as a word: "slightly different" says nothing of
// the sort, and a reason with it could not take a frame once a letter
// had said it.
func hardSaying(s string) bool {
	return containsAnyFold(s, hardSayingWords)
}

// hardSayingWords are hardSayings, for hardSaying.
var hardSayingWords = newFoldWords(hardSayings...)

// hardTemplates is hardSaying of our phrasings, alternatives chosen and
// placeholders not yet filled.
var hardTemplates = memoOf(hardSaying)

// hardTemplate is hardSaying(t) for one of our phrasings, t, remembered.
func hardTemplate(t string) bool { return hardTemplates.of(t) }

// isCalm reports whether c may no longer write a sentence of hardSayings.
func (c chooser) isCalm() bool { return c.calm != nil && *c.calm }

// keepCalm forbids c the sentences of hardSayings.
func (c chooser) keepCalm() {
	if c.calm != nil {
		*c.calm = true
	}
}

// The parts of a letter, mixed into the choice so that each part varies
// independently of the others.
const (
	partGreeting = iota + 1
	partOpening
	partReason
	partDetail
	partOffer
	partClosing
	partSignoff
	partIntro
	partAsk
	partThanks
	partLayout
	partSubject
	partEnding
	partJoin
	partPlace
	partReflect
	partSlot
	partLead = 64 // added to a part for the lead of its sentence
)

// pick returns the phrasing of part chosen by c: the splitmix64 finaliser
// spreads neighbouring values over all phrasings.
func (c chooser) pick(part int, list []string) string {
	if len(list) == 0 {
		return ""
	}
	return list[c.index(part, len(list))]
}

// index is the choice of c for part among n things.
func (c chooser) index(part, n int) int {
	x := c.seed + uint64(part)*0x9E3779B97F4A7C15
	x = (x ^ (x >> 30)) * 0xBF58476D1CE4E5B9
	x = (x ^ (x >> 27)) * 0x94D049BB133111EB
	x ^= x >> 31
	return int(x % uint64(n))
}

// sentence picks a phrasing of part from list and, for one marked with a
// leading "^", a lead from leads to open it ("After careful thought, I
// have decided ..."), fills it with v and, like pickFresh, skips to the
// next lead and then the next phrasing while the sentence repeats a
// content word of the last two sentences of after. Leads multiply the
// sentences a part can write, so that two letters rarely share one.
func (c chooser) sentence(part int, list, leads []string, v values, after string) string {
	return c.sentenceAvoiding(part, list, leads, v, after, "")
}

// sentenceAvoiding is sentence that also avoids, while it can, the words
// of avoid: the user's detail that is yet to come.
func (c chooser) sentenceAvoiding(part int, list, leads []string, v values, after, avoid string) string {
	if len(list) == 0 {
		return ""
	}
	i0, j0, step := c.index(part, len(list)), 0, c.stride(part, len(list))
	if len(leads) > 0 {
		j0 = c.index(part+partLead, len(leads))
	}
	first, firstHard := "", false
	// The first pass avoids the words of the last two sentences and of
	// avoid and, in an offer e-mail, a second sentence on the meetings
	// (see chooser.meetings); the second the same words only, where
	// every phrasing speaks of the meetings; the last the words of the
	// last sentence, which is all the rule asks.
	topic := c.meetings && (after != "" || avoid != "") && spokeOfMeetings(lastSentences(after, 2)+"\n"+avoid)
	// With recent letters a fourth pass gives up avoiding them last: the
	// third still avoids them with only the last sentence's words.
	ends := sentenceEnds(after)
	for pass := 0; pass < 4; pass++ {
		if pass == 1 && !topic || pass == 3 && len(c.recent) == 0 {
			continue // the pass before avoided no more than this one would
		}
		var prev stemSet
		if after != "" || avoid != "" {
			if pass < 2 {
				prev = c.lastStems(after, 2)
				if avoid != "" {
					prev = append(prev, c.stemsOf(avoid)...)
				}
				if pass == 0 && topic {
					prev = append(prev, meetingTopic)
				}
			} else {
				prev = c.lastStems(after, 1)
			}
		}
		for i := range list {
			at := (i0 + i*step) % len(list)
			core := list[at]
			for j := range max(1, len(leads)) {
				lead := ""
				if len(leads) > 0 {
					lead = leads[(j0+j)%len(leads)]
				}
				// Up to three expansions of the phrasing's alternatives.
				for k := range 3 {
					tmpl := c.expand(part*64+at, k, core)
					hard := hardTemplate(tmpl)
					if hard && c.isCalm() {
						// At most one a letter, and only where the
						// letter may say it (see mayTellHard).
						if !strings.Contains(core, "[") {
							break
						}
						continue
					}
					full := withLead(lead, tmpl)
					ours := !strings.Contains(full, "{")
					s := v.fillCandidate(full, ours)
					if first == "" {
						first, firstHard = s, hard
					}
					if (prev == nil || !repeatsCandidate(prev, s, ours)) && (pass == 3 || !c.recentHas(s) && (pass == 2 || !endsAsBefore(s, ends))) {
						if hard {
							c.keepCalm()
						}
						return s
					}
					if !strings.Contains(core, "[") {
						break
					}
				}
				if !strings.HasPrefix(core, "^") {
					break // no lead to vary
				}
			}
		}
	}
	if first == "" {
		tmpl := c.expand(part*64+i0, 0, list[i0])
		first, firstHard = v.fill(withLead("", tmpl)), hardTemplate(tmpl) // every phrasing says it: one must be written
	}
	if firstHard {
		c.keepCalm()
	}
	return first
}

// stride is how far a choice among n things moves on when the chosen one
// will not do: a step coprime to n, chosen per letter, so that the
// phrasing after one that often repeats its neighbour's words is not
// always the one written instead (a blind reader saw the same fallback
// line in letter after letter).
func (c chooser) stride(part, n int) int {
	if n < 3 {
		return 1
	}
	steps := coprimeSteps(n)
	return steps[c.index(part+2*partLead, len(steps))]
}

// coprimeSteps are the first (at most 16) steps coprime to n, for
// stride; the same for every letter, so read once for each n below 256.
func coprimeSteps(n int) []int {
	if n < len(coprimes) {
		return coprimes[n]
	}
	return readCoprimeSteps(n)
}

// coprimes holds coprimeSteps(n) by n.
var coprimes = func() (t [256][]int) {
	for n := 3; n < len(t); n++ {
		t[n] = readCoprimeSteps(n)
	}
	return t
}()

func readCoprimeSteps(n int) []int {
	var steps []int
	for s := 1; s < n && len(steps) < 16; s++ {
		if gcd(s, n) == 1 {
			steps = append(steps, s)
		}
	}
	return steps
}

func gcd(a, b int) int {
	for b != 0 {
		a, b = b, a%b
	}
	return a
}

// expand chooses one of the alternatives of each "[a|b]" in one of our
// phrasings ("[Thank you|Many thanks] for ..."), so that a phrasing
// writes several sentences; seed tells the phrasing from the others.
// Only our templates are expanded, before the user's values are filled.
// try > 0 moves each choice on by try, for another expansion.
func (c chooser) expand(seed, try int, s string) string {
	if !strings.Contains(s, "[") {
		return s
	}
	var b strings.Builder
	for g := 0; ; g++ {
		i := strings.IndexByte(s, '[')
		j := strings.IndexByte(s, ']')
		if i < 0 || j < i {
			b.WriteString(s)
			return b.String()
		}
		alts := s[i+1 : j]
		n := strings.Count(alts, "|") + 1
		b.WriteString(s[:i])
		b.WriteString(nthAlternative(alts, (c.index(seed*16+g+1000, n)+try)%n))
		s = s[j+1:]
	}
}

// nthAlternative is strings.Split(alts, "|")[k], without the list.
func nthAlternative(alts string, k int) string {
	for ; k > 0; k-- {
		_, alts, _ = strings.Cut(alts, "|")
	}
	alt, _, _ := strings.Cut(alts, "|")
	return alt
}

// withLead opens core with lead when core is marked with "^" as taking
// one, and drops the mark.
func withLead(lead, core string) string {
	core, takes := strings.CutPrefix(core, "^")
	if !takes || lead == "" {
		return core
	}
	return lead + " " + lowerFirst(core)
}

// lowerFirst lower-cases the first letter of one of our clauses so it can
// follow a lead or a join: "The timing ..." becomes "the timing ...", but
// "I" and its contractions stay as they are.
func lowerFirst(s string) string {
	first, _, _ := strings.Cut(s, " ")
	if first == "I" || strings.HasPrefix(first, "I'") || len(first) < 1 || first[0] < 'A' || first[0] > 'Z' {
		return s
	}
	return strings.ToLower(s[:1]) + s[1:]
}

// pickFresh is pick, skipping to the next phrasing while the chosen one
// repeats a content word of the last two sentences of after, the text it
// follows or is set into: people do not write "I hope we can keep in
// touch. I hope you find ...". It also skips the phrasings skip reports
// (skip may be nil). When every phrasing repeats one, the first choice
// not skipped stands.
func (c chooser) pickFresh(part int, list []string, after string, skip func(string) bool) string {
	first := c.pick(part, list)
	var prev stemSet
	if after != "" {
		prev = c.lastStems(after, 2)
	}
	start, fallback, step := slices.Index(list, first), "", c.stride(part, len(list))
	for i := range list {
		cand := list[(start+i*step)%len(list)]
		if skip != nil && skip(cand) {
			continue
		}
		if prev == nil || !repeatsCandidate(prev, cand, true) {
			return cand
		}
		if fallback == "" {
			fallback = cand
		}
	}
	if fallback != "" {
		return fallback
	}
	return first
}

// lastSentences are the last n sentences of s, joined by a space.
func lastSentences(s string, n int) string {
	if n == 1 {
		for t := range lastSentenceSeq(s) {
			return t
		}
		return ""
	}
	ss := splitSentences(s)
	return strings.Join(ss[max(0, len(ss)-n):], " ")
}

// lastStems are the content stems of the last n (at most 2) sentences of
// s: contentStems(lastSentences(s, n)) without joining them, each
// sentence's read once for the letter.
// The last sentence's set is the remembered one itself, clipped, so an
// append to what it returns copies instead of writing into it.
func (c chooser) lastStems(s string, n int) stemSet {
	out := stemSet{}
	k := 0
	for t := range lastSentenceSeq(s) {
		if k == n {
			break
		}
		if k == 0 {
			out = c.stemsOf(t)
		} else {
			out = append(out, c.stemsOf(t)...)
		}
		k++
	}
	return out
}

// stemsOf is contentStems(s), read once for the letter.
func (c chooser) stemsOf(s string) stemSet {
	st, ok := c.stems[s]
	if !ok {
		st = slices.Clip(contentStems(s))
		if c.stems != nil {
			c.stems[s] = st
		}
	}
	return st
}

// meetingTopic stands in a chooser's stems for a sentence that speaks of
// meeting the people (see chooser.meetings): "It was a real pleasure
// meeting the platform team. I am going to decline because our
// conversation helped me see ..." shares no word, and a reader hears the
// same meeting twice. No word has it as its stem.
const meetingTopic = "(meetings)"

// commonWord reports the words too common to count as a repeated word
// between sentences: those no sentence minds twice (functionWord) and
// those every letter holds, which still read twice within one sentence
// (topicWord).
func commonWord(w string) bool { return functionWord(w) || topicWord(w) }

// functionWord reports the words any sentence may hold twice.
func functionWord(w string) bool {
	switch w {
	case "that", "this", "with", "your", "have", "would", "will", "from", "about", "been", "them", "they", "their", "there",
		"what", "which", "were", "very", "into", "also", "more", "some", "such", "than", "then", "when",
		"where", "it's", "i've", "i'm", "i'll", "i'd", "you're", "you've":
		return true
	}
	return false
}

// topicWord reports the words of every letter that count for repetition
// within one sentence only ("... the timing just isn't right for me just
// now").
func topicWord(w string) bool {
	switch w {
	case "role", "position", "team", "again", "just", "after":
		return true
	}
	return false
}

// sentenceStems are the stems of the words of s that count for
// repetition within one sentence: four letters or more, or a short form
// of an irregular verb ("sorry to say ..., since I've said yes"), and no
// function word.
func sentenceStems(s string) stemSet {
	var st stemSet
	for w := range wordSeq(s) {
		if _, irregular := irregularStems[w]; (len(w) >= 4 || irregular) && !functionWord(w) {
			st = append(st, stemOf(w))
		}
	}
	return st
}

// repeatsWord reports whether s says a word of into again (see
// sentenceStems), set into the same sentence.
func repeatsWord(s, into string) bool { return sharesStem(sentenceStems(into), sentenceStems(s)) }

// notRepeating is list without the phrasings that would say a word of
// into again (see repeatsWord) once set into its sentence, or list
// itself when every one would.
func notRepeating(list []string, v values, into string) []string {
	if into == "" {
		return list
	}
	said := sentenceStems(into)
	return preferring(list, func(s string) bool { return sharesStem(said, v.filledStems(s)) })
}

// filledStems is sentenceStems(v.fill(tmpl)) for one of our phrasings:
// one without a placeholder fills the same in every letter in the same
// English, and its stems are read once (see ourSentenceStems).
func (v values) filledStems(tmpl string) stemSet {
	if strings.Contains(tmpl, "{") {
		return sentenceStems(v.fill(tmpl))
	}
	if v.us {
		return ourSentenceStems[1].of(tmpl)
	}
	return ourSentenceStems[0].of(tmpl)
}

// ourSentenceStems are sentenceStems of values.fill of our phrasings
// without placeholders, in British and in US English.
var ourSentenceStems = [2]*templateMemo[stemSet]{
	memoOf(func(s string) stemSet { return slices.Clip(sentenceStems(values{}.fill(s))) }),
	memoOf(func(s string) stemSet { return slices.Clip(sentenceStems(values{us: true}.fill(s))) }),
}

// preferring is list without the phrasings drop reports, or list itself
// when it would drop every one.
func preferring(list []string, drop func(string) bool) []string {
	if rest := slices.DeleteFunc(slices.Clone(list), drop); len(rest) > 0 {
		return rest
	}
	return list
}

// stemSet is a few stems, looked up one by one: a letter's sentences
// have too few words for a map to pay.
type stemSet []string

// has reports whether st holds stem.
func (st stemSet) has(stem string) bool { return slices.Contains(st, stem) }

// add adds the stems of the words of s that count for repetition (see
// counts).
func (st *stemSet) add(s string) {
	for w := range wordSeq(s) {
		if counts(w) {
			*st = append(*st, stemOf(w))
		}
	}
}

// counts reports a word that counts for repetition: four letters or more
// and not a common word, or "met", which says as much as "meeting". ("say"
// does not count: "sorry to say" is a set phrase, and does not echo "I
// have said yes to another offer" as "saying" does.)
func counts(w string) bool {
	if len(w) < 4 {
		return w == "met"
	}
	return !commonWord(w)
}

// contentStems are the stems of the words of s that count for repetition.
func contentStems(s string) stemSet {
	out := make(stemSet, 0, 12) // most of our sentences have fewer: one allocation, not four
	out.add(s)
	return out
}

// stemSuffixes are the endings stemOf cuts, in the order it tries them,
// filed under their last letter: only those can end a word.
var stemSuffixes = [256][]string{
	's': {"ations", "ings", "ions", "es", "s"},
	'n': {"ation", "ion"},
	'g': {"ing"},
	'y': {"edly", "ly"},
	'd': {"ed"},
}

// stemOf cuts common English endings so "inviting" and "invitation" meet:
// the first of "ations", "ation", "ings", "ing", "ions", "ion", "edly",
// "ed", "es", "s" and "ly" that leaves four letters, then a final "e". An
// irregular form is its verb's stem (see irregularStems): "met" and
// "meeting" meet too.
func stemOf(w string) string {
	if w == "" {
		return w
	}
	if st, ok := irregularStems[w]; ok {
		return st
	}
	for _, suf := range stemSuffixes[w[len(w)-1]] {
		if strings.HasSuffix(w, suf) && len(w)-len(suf) >= 4 {
			w = w[:len(w)-len(suf)]
			break
		}
	}
	return strings.TrimSuffix(w, "e")
}

// repeatsStem reports whether a content word of s has a stem in prev,
// as sharesStem(prev, contentStems(s)) without building the set, or s
// speaks of the meetings when prev holds meetingTopic.
func repeatsStem(prev stemSet, s string) bool {
	if prev.has(meetingTopic) && meetingTalk(s) {
		return true
	}
	for w := range wordSeq(s) {
		if counts(w) && prev.has(stemOf(w)) {
			return true
		}
	}
	return false
}

// fillCandidate is v.fill(tmpl) for a phrasing a choice weighs; ours
// reports that tmpl has no placeholder, when the sentence is the same in
// every letter in the same English and is remembered (see ourSentences).
func (v values) fillCandidate(tmpl string, ours bool) string {
	if !ours {
		return v.fill(tmpl)
	}
	if v.us {
		return ourSentences[1].of(tmpl)
	}
	return ourSentences[0].of(tmpl)
}

// ourSentences are values.fill of our phrasings without placeholders, in
// British and in US English.
var ourSentences = [2]*templateMemo[string]{
	memoOf(values{}.fill),
	memoOf(values{us: true}.fill),
}

// repeatsCandidate is repeatsStem(prev, s) for a phrasing a choice
// weighs, s; ours reports that s is one of our sentences, with no user's
// value filled in, whose stems are then read once for every letter (see
// ourStems) instead of once for each time a letter weighs it.
func repeatsCandidate(prev stemSet, s string, ours bool) bool {
	if !ours {
		return repeatsStem(prev, s)
	}
	if prev.has(meetingTopic) && meetingTalk(s) {
		return true
	}
	return sharesStem(prev, ourStems.of(s))
}

// ourStems is contentStems of one of our sentences (a phrasing, with
// its lead and its alternatives chosen, that has no placeholder to fill):
// the same few thousand in every letter, most of the candidates a choice
// weighs.
var ourStems = memoOf(func(s string) stemSet { return slices.Clip(contentStems(s)) })

// sharesStem reports whether a and b have a stem in common.
func sharesStem(a, b stemSet) bool {
	return slices.ContainsFunc(b, a.has)
}

// irregularVerbs are the verbs of letters whose forms stemOf cannot bring
// to one stem by cutting endings: the irregular past ("met", "gave",
// "thought") and the forms that keep too few letters once cut ("making",
// "saying"). "It was not an easy decision after meeting the team. I was
// impressed by the people I met." repeats a word, as a reader hears it.
// Left out: the verbs that mostly serve others ("be", "have", "do", "get",
// "see", "let", "go": "go ahead", "goes well", "I'm going to decline");
// "left" is "leave", which in letters it nearly always is.
var irregularVerbs = [][]string{
	{"meet", "meets", "meeting", "met"},
	{"speak", "speaks", "speaking", "spoke", "spoken"},
	{"give", "gives", "giving", "gave", "given"},
	{"take", "takes", "taking", "took", "taken"},
	{"make", "makes", "making", "made"},
	{"think", "thinks", "thinking", "thought", "thoughts"},
	{"choose", "chooses", "choosing", "chose", "chosen"},
	{"feel", "feels", "feeling", "felt"},
	{"leave", "leaves", "leaving", "left"},
	{"hear", "hears", "hearing", "heard"},
	{"say", "says", "saying", "said"},
	{"tell", "tells", "telling", "told"},
	{"find", "finds", "finding", "found"},
	{"begin", "begins", "beginning", "began", "begun"},
	{"come", "comes", "coming", "came"},
	{"know", "knows", "knowing", "knew", "known"},
	{"write", "writes", "writing", "wrote", "written"},
	{"mean", "means", "meaning", "meant"},
	{"keep", "keeps", "keeping", "kept"},
	{"spend", "spends", "spending", "spent"},
	{"send", "sends", "sending", "sent"},
	{"hold", "holds", "holding", "held"},
	{"lead", "leads", "leading", "led"},
	{"build", "builds", "building", "built"},
	{"learn", "learns", "learning", "learned", "learnt"},
	{"understand", "understands", "understanding", "understood"},
	{"bring", "brings", "bringing", "brought"},
	{"teach", "teaches", "teaching", "taught"},
	{"grow", "grows", "growing", "grew", "grown"},
}

// irregularStems are the forms of irregularVerbs, each with its verb's
// stem: the verb as stemOf cuts it ("make" is "mak").
var irregularStems = func() map[string]string {
	out := map[string]string{}
	for _, forms := range irregularVerbs {
		st := strings.TrimSuffix(forms[0], "e")
		for _, f := range forms {
			out[f] = st
		}
	}
	return out
}()

// RecentLetters is how many of the user's latest letters of each kind
// (declines of applications still declined, of those followed up, and
// withdrawals) the store gives a letter to avoid the sentences of
// (Request.Recent): a reader who saw twenty letters of one person found
// the same stock sentence in three.
const RecentLetters = 8

// recentShapes are the shapes of the sentences of bodies, the user's
// recent letters (nil: none), read once for the same bodies: a user's
// recent letters change only when one is recorded, and each preview of
// an edit reads them again. Shared, never written.
func recentShapes(bodies []string) map[string]bool {
	if len(bodies) == 0 {
		return nil
	}
	h := fnv.New64a()
	for _, b := range bodies {
		h.Write([]byte(b))
		h.Write([]byte{0})
	}
	key := h.Sum64()
	if m, ok := recentMemo.Load(key); ok {
		return m.(map[string]bool)
	}
	m := readRecentShapes(bodies)
	if recentMemoSize.Add(1) > maxRecentMemo {
		recentMemo.Clear() // a few thousand users' letters at most
		recentMemoSize.Store(0)
	}
	recentMemo.Store(key, m)
	return m
}

// recentMemo holds recentShapes by the hash of the bodies read.
var (
	recentMemo     sync.Map
	recentMemoSize atomic.Int64
)

// maxRecentMemo is how many users' recent letters recentMemo holds
// before it starts again: each is some 60 shapes.
const maxRecentMemo = 4096

// readRecentShapes is recentShapes, read afresh.
func readRecentShapes(bodies []string) map[string]bool {
	out := map[string]bool{}
	for _, b := range bodies {
		for s := range sentenceSeq(b) {
			if k := sentenceShape(s); strings.Count(k, " ") >= 2 {
				addShape(out, k) // not "Best," nor "Hi Maria,"
			}
		}
	}
	return out
}

// sentenceShape is a sentence as a reader of several letters recognises
// it whatever each one names: its words in lower case without the names,
// dates and times of the letter it is in ("thank you for your offer of
// the position at" from "Thank you for your offer of the Analyst
// position at Acme."). A name is a word in capitals after the first; "I"
// and its contractions are no name.
func sentenceShape(s string) string {
	var b strings.Builder
	b.Grow(len(s))
	first := true
	for len(s) > 0 {
		i := strings.IndexByte(s, ' ')
		w := s
		if i >= 0 {
			w, s = s[:i], s[i+1:]
		} else {
			s = ""
		}
		w = strings.TrimFunc(w, shapePunct)
		name := !first && w != "" && w[0] >= 'A' && w[0] <= 'Z' && w != "I" && !strings.HasPrefix(w, "I'")
		if w != "" {
			first = false
		}
		if w == "" || name || hasDigit(w) || w == "a.m" || w == "p.m" {
			continue
		}
		if b.Len() > 0 {
			b.WriteByte(' ')
		}
		for j := 0; j < len(w); j++ {
			c := w[j]
			if 'A' <= c && c <= 'Z' {
				c += 'a' - 'A'
			}
			b.WriteByte(c)
		}
	}
	return b.String()
}

// hasDigit reports an ASCII digit in w.
func hasDigit(w string) bool {
	for i := 0; i < len(w); i++ {
		if '0' <= w[i] && w[i] <= '9' {
			return true
		}
	}
	return false
}

// shapePunct reports the punctuation sentenceShape trims from a word.
func shapePunct(r rune) bool {
	switch r {
	case '.', ',', ';', ':', '!', '?', '(', ')', '"', '\'', '–', '—':
		return true
	}
	return false
}
