package decline

import (
	"regexp"
	"slices"
	"strings"
)

// The user's own reason is set as people give a reason: a clause joins
// the decline (", as my partner has taken a job in Lyon") or stands as a
// sentence of its own ("My family is relocating to Denver this spring."),
// mended where it was typed in haste; a noun phrase follows "because of"
// or "for", in the decline or a short sentence after it. A lead into a
// clause ("My reason is that ...", "It is a family matter: ...") in every
// letter was a blind reader's tell; one is said only where the sentence
// before thanks rather than declines. ownWords reads which of those the
// words allow, whatever the user typed.

// ownShape is how the user's own reason can be set into a sentence.
type ownShape int

const (
	ownClause ownShape = iota // a sentence, or two: "my parents are very aged ..."
	ownFor                    // "family reasons": "... for family reasons"
	ownCause                  // any other noun phrase: "... because of an unexpected family emergency"
)

// ownWords is the user's own reason as the letter sets it.
type ownWords struct {
	shape ownShape
	// text is the clause with its subject ("I am moving to Lisbon" for
	// "relocation to Lisbon"), or the noun phrase, its first word in
	// lower case where that is safe.
	text string
	// rest is a clause that followed a noun phrase after a comma
	// ("burnout, I need a break"), set after the noun phrase's sentence
	// with a colon.
	rest string
	// topic is what the words are about, as far as they say it: family,
	// health, personal (a move, study), or "". No phrasing leads in by
	// it any more ("It is a family matter: ..." was a tell).
	topic string
}

// readOwn reads the user's own reason for a letter in tone.
func readOwn(own string, tone Tone) ownWords {
	s := fixTyping(own)
	w := ownWords{topic: topicOf(s)}
	if head, tail, ok := strings.Cut(s, ", "); ok && isClause(tail) && !isSentence(head) && countWords(head) <= 3 {
		w.shape, w.text, w.rest = ownCause, lowerOwn(head), lowerOwn(tail)
		return w
	}
	w.shape, w.text = ownClause, s
	switch first := strings.ToLower(firstWord(s)); {
	case isSentence(s) || slices.Contains(adjuncts, first) && hasI(s):
	case isGerund(s):
		w.text = iAm(tone) + " " + lowerOwn(s)
	case slices.Contains(subjectlessVerbs, first):
		w.text = "I " + lowerOwn(s)
	case relocation.MatchString(s):
		w.text = iAm(tone) + " moving " + relocation.ReplaceAllString(s, "$2")
	case first == "too":
		w.text = "it would be " + s
	case strings.HasSuffix(strings.ToLower(s), " reasons") && countWords(s) <= 3:
		w.shape, w.text = ownFor, lowerOwn(s)
	default:
		w.shape, w.text = ownCause, lowerOwn(s)
	}
	return w
}

func iAm(tone Tone) string {
	if tone == ToneWarm {
		return "I'm"
	}
	return "I am"
}

// single reports an own reason that is one clause, with no clause of its
// own that gives a cause or a consequence, so it can follow the decline
// after ", as" or lead to it before ", so".
func (w ownWords) single() bool {
	if w.shape != ownClause || strings.ContainsAny(w.text, ".,;:!?–()") || countWords(w.text) > 18 {
		return false
	}
	ws := words(w.text)
	return !slices.ContainsFunc([]string{"so", "because", "since", "therefore", "hence", "as"}, func(x string) bool { return slices.Contains(ws, x) })
}

// clause is the own reason as a clause after "as" or "that": its first
// word lower-cased where that is safe.
func (w ownWords) clause() string { return lowerOwn(w.text) }

// maxPhraseWords is the longest noun phrase that joins the decline: a
// longer one reads better in a sentence of its own.
const maxPhraseWords = 8

// phrase is a noun-phrase reason as the words that set it into the
// decline, as people give one ("..., for family reasons", "Due to time
// constraints, I have ..."): "because of" or, formally, "due to" before
// it, "for" before "... reasons"; "" for a clause, a noun phrase too
// long to join or followed by a clause of its own ("burnout, I need ..."),
// and one noun phrase of three, which stands apart.
func (w ownWords) phrase(tone Tone, c chooser) string {
	switch {
	case w.shape == ownClause || w.rest != "" || countWords(w.text) > maxPhraseWords || strings.ContainsAny(w.text, ",;:–()"):
		return ""
	case w.shape == ownFor:
		return "for " + w.text
	}
	// A burden the writer must see to leads the decline in one letter
	// of three ("With a family bereavement to attend to, I must ..."),
	// where it goes in front (see joinPhrase); "because of" before every
	// noun phrase was a family a reader of a set of letters saw.
	// In one letter of three (of two, when no burden) it joins nothing
	// and has a sentence of its own (see framedOwn), where it can lead:
	// "Time constraints mean ...".
	switch c.index(partReason+5*partLead, 6) {
	case 3, 5:
		return "" // see apart
	case 4:
		if !w.burden() || w.relative() {
			return "" // "with urgent family concerns that keep me from relocating to attend to" loses its end
		}
		return "with " + w.text + attendTo
	case 0:
		if tone == ToneFormal {
			return "due to " + w.text
		}
	case 1:
		if tone == ToneFormal {
			return "owing to " + w.text
		}
		return "– " + w.text + afraidTail // "I'm going to step back – time constraints, I'm afraid."
	}
	return "because of " + w.text
}

// apart reports a noun phrase that phrase chose to set in a sentence of
// its own, which then leads it or names the burden (see shapes) rather
// than follow "because of" there.
func (w ownWords) apart(c chooser) bool {
	i := c.index(partReason+5*partLead, 6)
	return w.shape == ownCause && (i == 3 || i == 5 || i == 4 && !w.burden())
}

// attendTo ends a noun-phrase reason set in front of the decline after
// "with" (see phrase).
const attendTo = " to attend to"

// afraidTail ends a noun-phrase reason set after the decline with a
// dash, as people say one in passing (see phrase).
const afraidTail = ", I'm afraid"

// withPhrase reports a reason from phrase led by "with", which reads only
// in front of the decline; dashPhrase one after a dash, which reads only
// after it; plainCause is either as it reads anywhere ("because of a
// family bereavement"), and any other reason as it is.
func withPhrase(p string) bool {
	return strings.HasPrefix(p, "with ") && strings.HasSuffix(p, attendTo)
}

func dashPhrase(p string) bool {
	return strings.HasPrefix(p, "– ") && strings.HasSuffix(p, afraidTail)
}

func plainCause(p string) string {
	switch {
	case withPhrase(p):
		return "because of " + strings.TrimSuffix(strings.TrimPrefix(p, "with "), attendTo)
	case dashPhrase(p):
		return "because of " + strings.TrimSuffix(strings.TrimPrefix(p, "– "), afraidTail)
	}
	return p
}

// burdenWords are the head words of a noun phrase that names something
// the writer has to see to, which can follow "I am dealing with" or
// "with ... to attend to": an emergency, an illness, care of someone.
var burdenWords = []string{"emergency", "emergencies", "bereavement", "illness", "treatment", "care", "caring", "responsibilities",
	"commitments", "obligations", "issues", "problems", "matters", "matter", "situation", "surgery", "recovery", "burnout",
	"crisis", "duties", "needs", "concerns", "loss", "rehabilitation", "appointments"}

// burden reports a noun phrase whose head names something the writer
// has to see to ("an unexpected family emergency", "care
// responsibilities for my father"), and not what someone else does ("my
// partner's new job in Leeds").
func (w ownWords) burden() bool {
	return w.shape == ownCause && w.rest == "" && slices.Contains(burdenWords, w.head()) && !strings.Contains(w.text, "'s ")
}

// termWords name what the employer offers, not the writer's own
// circumstances: as the subject of "... has made it impossible" they
// read as blame.
var termWords = []string{"package", "salary", "pay", "compensation", "offer", "terms", "benefits", "hours", "rate", "remuneration", "contract", "conditions"}

// relativePronouns start a clause about the noun before them ("concerns
// that keep me from relocating").
var relativePronouns = []string{"that", "which", "who"}

// headEnds are the words that end the head of a noun phrase: the
// prepositions that can follow it, and the relative pronouns.
var headEnds = slices.Concat([]string{"of", "for", "in", "at", "with", "to", "on", "from", "about", "around", "after", "near"}, relativePronouns)

// head is the last word of a noun phrase before any preposition or
// relative clause that follows it: "responsibilities" in "care
// responsibilities for my father", "concerns" in "family concerns that
// keep me from relocating".
func (w ownWords) head() string {
	ws := words(w.text)
	for i, x := range ws {
		if i > 0 && slices.Contains(headEnds, x) {
			return ws[i-1]
		}
	}
	if len(ws) == 0 {
		return ""
	}
	return ws[len(ws)-1]
}

// relative reports a noun phrase with a clause of its own after its head
// ("concerns that keep me from relocating").
func (w ownWords) relative() bool {
	ws := words(w.text)
	return len(ws) > 1 && slices.ContainsFunc(ws[1:], func(x string) bool { return slices.Contains(relativePronouns, x) })
}

// plural reports a noun phrase whose head is plural ("time
// constraints", "health issues"), which takes "mean", "have".
func (w ownWords) plural() bool {
	h := w.head()
	return strings.HasSuffix(h, "s") && !strings.HasSuffix(h, "ss") && !strings.HasSuffix(h, "us") && !strings.HasSuffix(h, "is") && h != "news"
}

// ownPhrase is the user's own reason, in reason other or in a detail of
// kind reason, as a noun phrase to set into the decline (see phrase);
// "" when it is no noun phrase that joins it. Aloud it follows "because
// of", in any tone.
func ownPhrase(r Request, c chooser) string {
	own, tone := r.ReasonDetail, r.Tone
	if detailInReason(r) {
		if detailKindOf(r) != DetailReason {
			return ""
		}
		own = r.Detail
	} else if r.Reason != ReasonOther {
		return ""
	}
	if r.Channel == ChannelPhone {
		tone = ToneWarm
	}
	return readOwn(own, tone).phrase(tone, c)
}

// causeLeads open a reason that is a noun phrase set into the decline
// (see phrase), not a clause.
var causeLeads = []string{"because of ", "due to ", "owing to ", "for "}

// isPhrase reports a reason from phrase, which joins the decline without
// ", as" and can lead it without ", so".
func isPhrase(reason string) bool {
	return withPhrase(reason) || dashPhrase(reason) || slices.ContainsFunc(causeLeads, func(l string) bool { return strings.HasPrefix(reason, l) })
}

// joinPhrase sets a noun-phrase reason (see phrase) into the decline
// decl, as people give one: in front of the subject in one letter of three
// ("Due to time constraints, I have decided ...", "I'm afraid that, for
// family reasons, I won't ...", "I'm sorry, but because of ..., I
// need to ..."), and after a short decline otherwise ("..., for personal
// reasons.", "... because of a family bereavement."). A long decline, or
// one with a clause of its own, takes it only in front; "" when decl
// takes it nowhere. force: a short decline takes it after it, where it
// cannot go in front.
func joinPhrase(decl, phrase string, v values, c chooser, force bool) string {
	s := unstopped(decl, v)
	end := "."
	if strings.HasSuffix(s, ".") {
		end = "" // "Acme Inc."
	}
	if dashPhrase(phrase) {
		// After a decline of its own words, with no dash or "afraid"
		// of its own; elsewhere "because of".
		if (force || appendable(s, phrase, v)) && !strings.ContainsAny(s, "–:") && !strings.Contains(s, "afraid") && end != "" {
			return s + " " + phrase + end
		}
		phrase = plainCause(phrase)
	}
	lead, rest, front := subjectOf(s)
	front = front && countWords(s)+countWords(phrase) <= 34 && decisive(rest)
	after := force || appendable(s, phrase, v)
	switch {
	case front && (!after || c.index(partJoin+7*partLead, 3) == 0):
		if lead == "" {
			return capitalizeSafe(phrase) + ", " + rest + end
		}
		return lead + phrase + ", " + rest + end
	case !after:
		return ""
	}
	switch phrase = plainCause(phrase); {
	case strings.HasPrefix(phrase, "for "):
		return s + ", " + phrase + end
	}
	return s + " " + phrase + end
}

// subjectOf splits a decline at the "I" a fronted reason goes before:
// at its start ("I have decided ..."), but not before an apology ("I'm
// sorry, but I ..."), which takes it after its "but"; after "I'm
// afraid" with "that, "; after a one-word lead ("Unfortunately, ").
func subjectOf(s string) (lead, rest string, ok bool) {
	opensI := func(x string) bool { return strings.HasPrefix(x, "I ") || strings.HasPrefix(x, "I'") }
	for _, l := range []string{"I'm afraid ", "I am afraid "} {
		if r, ok := strings.CutPrefix(s, l); ok && opensI(r) {
			return l + "that, ", r, true
		}
	}
	if before, r, ok := strings.Cut(s, ", but "); ok && opensI(r) && !strings.Contains(before, ",") {
		return before + ", but ", r, true
	}
	if l, r, ok := strings.Cut(s, ", "); ok && countWords(l) == 1 && opensI(r) {
		return l + ", ", r, true
	}
	if m := sayThat.FindString(s); m != "" {
		return strings.TrimSuffix(m, " that") + " that, ", s[len(m)+1:], opensI(s[len(m)+1:])
	}
	if opensI(s) && !sorryFirst.MatchString(s) {
		return "", s, true
	}
	return "", "", false
}

// decisive reports a clause rest that a fronted reason can lead: the
// decision itself ("I have decided to ...", "I must ...", "I won't ..."),
// not a frame around it ("I am writing to withdraw ...", "I wanted to
// let you know ..."), which the reason did not cause; with no reason of
// its own ("..., as I am withdrawing"), which would make two; and no
// "it", which after a fronted noun phrase would seem to mean that phrase
// ("Due to time constraints, I would prefer not to proceed with it.").
func decisive(rest string) bool {
	if notDecision.MatchString(rest) || slices.Contains(words(rest), "it") {
		return false
	}
	return !ownCauseIn.MatchString(rest)
}

// notDecision opens a clause that frames the decision rather than making
// it; ownCauseIn is a reason a clause gives already.
var (
	notDecision = regexp.MustCompile(`^I('m| am) (just )?(writing|calling|phoning|ringing|reaching out|getting in touch|contacting|emailing|messaging|texting|here) |^I (wanted|want|thought I'd|would like|'d like) to (let|tell|say|inform|write|call|reach|get)`)
	ownCauseIn  = regexp.MustCompile(`\b(because|due to)\b|, (as|since|so) |\bfor (\w+ )?reasons\b`)
)

// sorryFirst is a decline that opens with an apology; sayThat opens one
// that says what follows, after which the reason goes ("I'm calling to
// say that, for family reasons, I won't ...").
var (
	sorryFirst = regexp.MustCompile(`^I('m| am)( so| really| very)? sorry\b`)
	sayThat    = regexp.MustCompile(`^I('m| am) ((just )?(writing|calling|phoning|ringing|getting in touch) to (say|let you know|tell you|confirm)|sorry to say)( that)?`)
)

// appendable reports a decline s (without its stop) short and plain
// enough to take a noun-phrase reason after it: no clause of its own
// after a short lead, no cause already, not ending in the interview's
// time, where "at 2 p.m. because of ..." would blur which is which.
func appendable(s, phrase string, v values) bool {
	body := s
	if lead, rest, ok := strings.Cut(s, ", "); ok && countWords(lead) <= 8 {
		body = strings.TrimPrefix(rest, "but ") // "After thinking it over, I'm withdrawing"
	}
	if strings.HasSuffix(s, ".") || strings.ContainsAny(body, ",;:–") || countWords(s)+countWords(phrase) > 24 || v.namesSlot(s) {
		return false
	}
	ws := words(body)
	for _, x := range []string{"because", "as", "so", "since", "for"} {
		if slices.Contains(ws, x) && (x != "for" || strings.HasPrefix(phrase, "for ")) {
			return false
		}
	}
	return true
}

// causeFirst is a reason leading to the decline decl, as its cause: a
// clause before ", so" ("My partner is relocating, so I must ..."), a
// noun phrase before a comma ("Due to time constraints, I must ..."), or
// after a decline it cannot lead.
func causeFirst(reason, decl string) string {
	if isPhrase(reason) && !decisive(decl) {
		// "I have decided not to accept it due to time constraints.":
		// in front, "it" would seem to mean the reason (see decisive).
		reason = plainCause(reason)
		join := " "
		if strings.HasPrefix(reason, "for ") {
			join = ", "
		}
		return strings.TrimSuffix(decl, ".") + join + reason + "."
	}
	if isPhrase(reason) {
		if dashPhrase(reason) {
			reason = plainCause(reason)
		}
		return capitalizeSafe(reason) + ", " + lowerFirst(decl)
	}
	return capitalizeSafe(reason) + ", so " + lowerFirst(decl)
}

// adjuncts open a clause whose subject comes later: "As a new parent I
// can't ...", "With a newborn at home I ...".
var adjuncts = []string{"as", "with", "given", "after", "since", "now", "having", "being", "following", "due", "because", "after"}

// hasI reports an "I" among the words of s, after its first.
func hasI(s string) bool {
	ws := words(s)
	return len(ws) > 1 && slices.ContainsFunc(ws[1:], func(w string) bool { return w == "i" || strings.HasPrefix(w, "i'") })
}

// subjectlessVerbs open a reason typed without its subject ("want to
// focus on freelance work", "got a counteroffer"), which is the writer's:
// "I want to focus ...".
var subjectlessVerbs = []string{"want", "need", "decided", "got", "have", "had", "accepted", "received", "found", "took", "chose",
	"prefer", "plan", "hope", "intend", "wish", "realised", "realized", "feel", "felt", "started", "am", "was", "will", "would",
	"can't", "cannot", "don't", "didn't", "won't", "changed", "moved", "agreed", "signed", "joined", "landed", "became", "must",
	"should", "could", "can", "may", "might", "already", "just", "recently", "also", "still", "would've", "haven't", "wasn't"}

// relocation is a move named as a noun: "relocation to Lisbon", "a move
// back to Canada".
var relocation = regexp.MustCompile(`(?i)^(relocation|relocating|a move|the move|move|my move|our move)\s+((back )?(to|abroad|overseas|home)\b.*)$`)

// typed are the contractions people type without their apostrophe, and
// the lone "im", each mended to what a letter writes.
var typed = map[string]string{"dont": "don't", "doesnt": "doesn't", "didnt": "didn't", "cant": "can't", "isnt": "isn't",
	"arent": "aren't", "wasnt": "wasn't", "werent": "weren't", "havent": "haven't", "hasnt": "hasn't", "couldnt": "couldn't",
	"wouldnt": "wouldn't", "shouldnt": "shouldn't", "im": "I'm", "ive": "I've"}

var typedWord = regexp.MustCompile(`(?i)\b(dont|doesnt|didnt|cant|isnt|arent|wasnt|werent|havent|hasnt|couldnt|wouldnt|shouldnt|im|ive)\b`)

// months and days take a capital, which a reason typed in haste may not
// have ("in september"); "may" and "march" are words too, and stay.
var calendar = regexp.MustCompile(`\b(january|february|april|june|july|august|september|october|november|december|monday|tuesday|wednesday|thursday|friday|saturday|sunday)\b`)

// fixTyping mends what fast typing leaves that a letter cannot: missing
// apostrophes in contractions, a month in lower case.
func fixTyping(s string) string {
	s = typedWord.ReplaceAllStringFunc(s, func(m string) string {
		if m != strings.ToLower(m) && m != "Im" && m != "Ive" {
			return m // "IM", "Cant": a name or shouting, as typed
		}
		return typed[strings.ToLower(m)]
	})
	return calendar.ReplaceAllStringFunc(s, func(m string) string { return strings.ToUpper(m[:1]) + m[1:] })
}

// lowerStarts are the common words a reason may open with a capital only
// because it was typed as a sentence ("Burnout", "Family reasons"): they
// take lower case inside ours, where a name ("Google's offer") keeps its
// capital.
var lowerStarts = []string{"family", "personal", "private", "health", "burnout", "relocation", "illness", "care", "caring", "childcare",
	"work", "salary", "pay", "commute", "distance", "travel", "hours", "study", "studies", "school", "university", "unexpected", "ongoing",
	"serious", "urgent", "recent", "sudden", "new", "medical", "mental", "maternity", "paternity", "parental", "pregnancy", "bereavement",
	"visa", "immigration", "financial", "money", "time", "timing", "current", "existing", "other", "several", "both", "various", "changes",
	"change", "circumstances", "too", "it", "as", "with", "given", "after", "now", "having", "being", "following", "it's", "there", "there's", "nobody", "everything", "things", "life"}

// lowerOwn lower-cases the first letter of the user's words to follow
// words of ours, when their first word is a common one written with an
// initial capital only: "My parents ..." becomes "my parents ...", while
// "Google's offer", "iOS" and "I'm" stay as typed.
func lowerOwn(s string) string {
	first, _, _ := strings.Cut(s, " ")
	l := strings.ToLower(first)
	if first == l || first == "I" || strings.HasPrefix(first, "I'") || len(first) < 2 || strings.ToLower(first[1:]) != first[1:] {
		return s
	}
	if slices.Contains(determiners, l) || slices.Contains(subjectPronouns[1:], l) || slices.Contains(clauseStarts, l) ||
		slices.Contains(lowerStarts, l) || slices.Contains(subjectlessVerbs, l) || len(l) > 4 && strings.HasSuffix(l, "ing") {
		return l + s[len(first):]
	}
	return s
}

// The topics a reason's words name, each by the words that name it.
var topicWords = []struct {
	topic string
	words []string
}{
	{"family", []string{"parent", "parents", "mother", "mum", "mom", "father", "dad", "partner", "wife", "husband", "child", "children", "kids",
		"baby", "son", "daughter", "family", "bereavement", "pregnant", "pregnancy", "expecting", "grandmother", "grandfather", "sister",
		"brother", "spouse", "childcare", "carer", "maternity", "paternity", "parental"}},
	{"health", []string{"health", "illness", "ill", "surgery", "operation", "treatment", "diagnosis", "diagnosed", "medical", "burnout",
		"recover", "recovering", "recovery", "hospital", "injury", "injured", "sick", "unwell", "therapy"}},
	{"personal", []string{"moving", "move", "relocating", "relocation", "relocate", "university", "degree", "phd", "studies", "study",
		"course", "travelling", "traveling", "sabbatical", "visa", "abroad", "emigrating", "personal"}},
}

// topicOf is the first topic whose words s uses, or "".
func topicOf(s string) string {
	ws := words(s)
	for _, t := range topicWords {
		if slices.ContainsFunc(t.words, func(w string) bool { return slices.Contains(ws, w) }) {
			return t.topic
		}
	}
	return ""
}

// The sentences that give a reason in the user's words: {detail} is the
// noun phrase, or a clause that follows thanks rather than the decline
// and so needs a lead to read as the reason.
var (
	clauseFrames = toned{
		ToneFormal: {"My reason is that {detail}.", "I am doing this because {detail}."},
		ToneWarm:   {"My reason is that {detail}.", "I'm doing this because {detail}."},
	}
	// A noun phrase cannot stand as a sentence: it joins the decline
	// (see phrase). Where the decline cannot take it, the sentence
	// says it led to the decision: "The reason is time constraints.",
	// "This is due to ...", "It's down to ..." and "It is for family
	// reasons." stood apart as slots filled in, a blind reader's tell.
	causeFrames = toned{
		ToneFormal: {"I have come to this decision because of {detail}.", "I have taken this step because of {detail}."},
		ToneWarm:   {"I've had to make this call because of {detail}.", "It's because of {detail}, I'm afraid."},
	}
	// After thanks, "It is for family reasons." would read as said of
	// the thanks: the sentence names the decision.
	decisionFrames = map[ownShape]toned{
		ownCause: {ToneFormal: {"I have had to make this decision because of {detail}.", "I have reached this decision owing to {detail}."},
			ToneWarm: {"I've come to this decision because of {detail}.", "I've had to decide this way because of {detail}."}},
		ownFor: {ToneFormal: {"I have had to make this decision for {detail}."}, ToneWarm: {"I've had to make this decision for {detail}."}},
	}
	forFrames = toned{
		ToneFormal: {"I have had to make this decision for {detail}.", "I have come to this decision for {detail}."},
		ToneWarm:   {"I've had to make this call for {detail}.", "Sadly, it's for {detail}.", "It's for {detail}, I'm afraid."},
	}
)

// shapes are the sentences beyond "because of" that give a noun-phrase
// reason, as people give one: the noun phrase as the subject ("Time
// constraints mean I couldn't give this the attention it deserves.",
// "A family bereavement has made it impossible for me to go ahead."), and a burden
// as what the writer is dealing with ("I am dealing with an unexpected
// family emergency at the moment."). After thanks only those that name
// the decision (see decisionFrames). Said aloud, in the words of a call.
func (w ownWords) shapes(tone Tone, spoken, named bool) []string {
	mean, has, is := "means", "has", "is"
	if w.plural() {
		mean, has, is = "mean", "have", "are"
	}
	// What it means, only of what takes the writer's time: "Salary
	// means I couldn't give this the attention it deserves" would say
	// what salary does not.
	if countWords(w.text) < 2 && !w.burden() {
		return nil // "Salary has made it impossible for me to go ahead."
	}
	if slices.Contains(termWords, w.head()) {
		// "The compensation package has made it impossible for me to go
		// ahead." blames the employer's terms: a blind reader took it for
		// a complaint. The terms are given as what decided it ("because
		// of", "owing to").
		return nil
	}
	means := !named && (w.burden() || slices.Contains([]string{"constraints", "workload", "schedule", "pressures"}, w.head()))
	var out []string
	switch {
	case w.relative():
		// "Urgent family concerns that make relocating impossible mean
		// that I could not ..." loses its verb in its subject: a reader
		// took it for garbled. Only "dealing with" carries it (below).
	case spoken:
		out = append(out, "{Detail} "+has+" made the decision for me, really.")
		if means {
			out = append(out, "{Detail} "+mean+" I couldn't give this my best right now.")
		}
	case tone == ToneFormal:
		out = append(out, "{Detail} "+has+" made it impossible for me to go ahead.")
		if means {
			out = append(out, "{Detail} "+mean+" that I could not give this the attention it deserves at present.")
		}
	default:
		out = append(out, "{Detail} "+is+" behind my decision.", "{Detail} "+has+" made the decision for me.")
		if means {
			out = append(out, "{Detail} "+mean+" I couldn't give this the attention it deserves right now.")
		}
	}
	if w.burden() && !named {
		switch {
		case timed(w.text):
			// "... to relocate at this point just now" said the time twice.
			out = append(out, iAm(tone)+" dealing with {detail}.")
		case spoken:
			out = append(out, "I'm dealing with {detail} at the moment.")
		case tone == ToneFormal:
			out = append(out, "I am currently dealing with {detail}.")
		default:
			out = append(out, "I'm dealing with {detail} just now.")
		}
	}
	return out
}

// timeWords say when, in the user's words: a sentence around them adds
// no "just now" of its own.
var timeWords = regexp.MustCompile(`(?i)\b(now|current|currently|present|presently|at (this|the) (point|moment|time|stage)|these days|for the time being)\b`)

// timed reports words of the user's that already say when.
func timed(s string) bool { return timeWords.MatchString(s) }

// framedOwn is the sentence that gives the user's own reason. A clause
// stands as the user wrote it, a sentence of its own ("My family is
// relocating to Denver this spring."), as people give a reason: a lead
// into it ("My reason is that ...", "It is a family matter: ...") was a
// reader's tell. Said aloud, one in three opens with a spoken lead ("The
// thing is, ..."). A noun phrase, which cannot stand alone, follows
// "because of" or "for" in one of several shapes (see causeFrames).
func framedOwn(r Request, v values, c chooser, w ownWords, after string, frame bool) string {
	if w.shape == ownClause && (!frame || !afterThanks(after) && (r.Channel != ChannelPhone || c.index(partReason+3*partLead, 3) != 0)) {
		return capitalizeSafe(w.text) + "."
	}
	v.detail = w.text
	list := causeFrames[r.Tone]
	switch {
	case w.shape == ownClause && r.Channel == ChannelPhone:
		v.detail = w.clause()
		list = spokenClauseFrames[r.Tone]
	case w.shape == ownClause:
		v.detail = w.clause()
		list = clauseFrames[r.Tone]
	case afterThanks(after):
		list = decisionFrames[w.shape][r.Tone]
	case w.shape == ownFor && r.Channel == ChannelPhone:
		list = spokenForFrames[r.Tone]
	case w.shape == ownFor:
		list = forFrames[r.Tone]
	case r.Channel == ChannelPhone:
		list = spokenCauseFrames[r.Tone]
	}
	if w.shape == ownCause && w.rest == "" {
		shapes := w.shapes(r.Tone, r.Channel == ChannelPhone, afterThanks(after))
		if w.apart(c) && len(shapes) > 0 {
			list = shapes
		} else {
			list = append(slices.Clone(list), shapes...)
		}
	}
	if w.rest != "" {
		// "burnout: I need a break ..." follows the noun phrase, not an
		// aside after it ("..., I'm afraid: I need ...").
		list = slices.DeleteFunc(slices.Clone(list), func(f string) bool { return !strings.HasSuffix(f, "{detail}.") })
	}
	s := c.sentence(partReason+2*partLead, list, nil, v, after)
	if w.rest != "" {
		s = strings.TrimSuffix(s, ".") + ": " + w.rest + "."
	}
	return s
}

// afterThanks reports text whose last sentence (or its last part, after
// ", but" or a dash) thanks and does not decline, after which a reason standing alone would read as said of the
// thanks.
func afterThanks(text string) bool {
	ss := splitSentences(strings.TrimSpace(text))
	if len(ss) == 0 {
		return false
	}
	last := ss[len(ss)-1]
	for _, join := range []string{", but ", " – "} {
		if j := strings.LastIndex(last, join); j >= 0 {
			last = last[j+len(join):] // "..., but thank you for arranging it."
		}
	}
	return thanks(last) && !declines(words(last))
}
