package decline

import (
	"slices"
	"strings"
)

// The shapes of a chat or LinkedIn message. Read side by side, messages
// that all opened "Hello Sarah," on a line of their own and ended with the
// bare name gave the tracker away; people write a greeting on its own
// line, run it into the first sentence ("Hi Mark, thanks so much for
// ..."), or leave it out and name the reader in the thanks ("Thanks for
// thinking of me, Mark, but ..."), and they sign with the name alone, a
// dash and the name, or a short close ("Thanks again,", "Best,").
const (
	greetOwnLine = iota // "Hi Sarah," then the message
	greetInline         // "Hi Sarah, thanks so much for ..."
	greetNone           // no greeting; the reader named in the thanks
)

// messageGreetingShapes weights the greeting shapes: run into the first
// sentence in half the messages, on its own line in a third, left out in
// the rest. A greeting that cannot run on ("Hello Ms Carter,", "Hello,")
// stands on its line.
var messageGreetingShapes = []int{greetOwnLine, greetInline, greetNone, greetInline, greetOwnLine, greetInline}

// messageCloses are the short closes a message may sign with, by variety
// and tone: none of a letter's "Yours sincerely," "Respectfully," or
// "With best wishes,", no "Cheers," in US English, and thanks only
// "again", as the note has thanked already ("Many thanks for ... Many
// thanks," read as a machine's).
var messageCloses = map[English]toned{
	EnglishGB: {ToneFormal: {"Best wishes,", "Thank you again,", "Best,"}, ToneWarm: {"Thanks again,", "Best,", "Cheers,", "Take care,"}},
	EnglishUS: {ToneFormal: {"Best,", "Thank you again,", "Thanks again,", "Best wishes,"}, ToneWarm: {"Thanks again,", "Best,", "Take care,", "All my best,"}},
}

// The ways a message is signed.
const (
	signBare  = iota // the name alone
	signDash         // "– Sam"
	signClose        // "Thanks again," and the name
)

// messageSignShapes weights the signatures: a short close in half the
// messages, the bare name in a third, a dash in the rest (only warm ones).
var messageSignShapes = []int{signClose, signBare, signClose, signDash, signBare, signClose}

// messageGreeting opens a chat message. A person is greeted by first name
// even in a formal note, as people write on chat and LinkedIn, unless a
// title or a greeting name says otherwise; then a British note opens
// "Hello Ms Carter," and an American one "Hi Ms. Carter,". A chat message
// never opens "Dear ...": that is a letter's salutation, and a "Dear Ms
// Carter," on LinkedIn reads as a letter pasted into the chat (issue 9:
// a message has no "Dear" and no formal sign-off). A team is greeted by its name, "Hello
// Talent Team," in a formal note ("Hi Talent Team," reads as a warm one),
// and nobody known (or "Sir or Madam") with "Hello,".
func messageGreeting(r Request, v values) string {
	switch {
	case v.greet == "" || impersonal(v.greet):
		return "Hello,"
	case r.Contact.Kind == ContactTeam && r.Tone == ToneFormal:
		return v.fill("Hello {greet},")
	case r.Tone == ToneWarm:
		return v.fill("Hi {greet},")
	case r.Contact.Kind == ContactPerson && r.Contact.Title == "" && r.Contact.GreetingName == "":
		return "Hello " + r.Contact.Greeting(ToneWarm) + ","
	case greetingKind(r) == greetTitled && r.English != EnglishUS:
		return v.fill("Hello {greet},")
	case greetingKind(r) == greetTitled:
		return v.fill("Hi {greet},")
	}
	return v.fill("Hello {greet},")
}

// messageGreetingIn is messageGreeting, varied by c: "Hi" or "Hello"
// before a first name, "Hi there,", "Hello," or "Hi," for nobody known in
// a warm note, a team by its name or as "Hi all," (see warmTeamGreeting).
func messageGreetingIn(r Request, v values, c chooser) string {
	g := messageGreeting(r, v)
	switch {
	case g == "Hello," && r.Tone == ToneWarm:
		return c.pick(partGreeting, []string{"Hi there,", "Hello,", "Hi,"})
	case r.Contact.Kind == ContactTeam && v.greet != "" && r.Tone == ToneWarm:
		return warmTeamGreeting(v, c)
	case strings.HasPrefix(g, "Hello ") && r.Contact.Kind != ContactTeam && (r.Tone == ToneWarm || greetingKind(r) != greetTitled):
		return c.pick(partGreeting, []string{"Hi", "Hello", "Hi"}) + strings.TrimPrefix(g, "Hello")
	}
	return g
}

// messageLayout lays a message's sentences out in one of the shapes of
// messageGreetingShapes and messageSignShapes, signed with name.
func messageLayout(r Request, v values, c chooser, body []string, name string) string {
	greet := messageGreetingIn(r, v, c)
	text := sentences(body...)
	switch messageGreetingShapes[c.index(partGreeting+partLead, len(messageGreetingShapes))] {
	case greetInline:
		// Only "Hi ...," runs on: "Hello" stands on a line,
		// as does a title or a team in a formal note.
		// Nor does a team's name run into a sentence the next one,
		// naming the team, would stand beside (see said).
		if strings.HasPrefix(greet, "Hi") && greetingKind(r) != greetTitled && (r.Tone == ToneWarm || r.Contact.Kind == ContactPerson) &&
			!(actsOf(greet)&actTeam != 0 && secondNamesTeam(text)) {
			text, greet = strings.TrimSuffix(greet, ",")+", "+lowerFirst(text), ""
		}
	case greetNone:
		if s, ok := vocative(r, v, text); ok {
			text, greet = s, ""
		}
	}
	note := paragraphs(greet, text, messageSignature(r, c, text, name))
	if countWords(note) > maxMessageWords {
		return paragraphs(greet, text, name) // a long note ends without a close
	}
	return note
}

// secondNamesTeam reports a text whose second sentence names the team.
func secondNamesTeam(text string) bool {
	ss := splitSentences(clockDots.Replace(text))
	return len(ss) > 1 && actsOf(ss[1])&actTeam != 0
}

// vocative names the reader in the message's first sentence, after its
// thanks ("Thanks for thinking of me, Mark, but ..."), so that the message
// can leave the greeting out; ok is false when the reader is not greeted
// by a first name or the first sentence does not open with thanks. A team
// or nobody known needs no naming.
func vocative(r Request, v values, text string) (string, bool) {
	if r.Contact.Kind != ContactPerson || impersonal(v.greet) {
		return text, true
	}
	// A first name only: a title, or a greeting the user set, stands in a
	// greeting of its own.
	first := r.Contact.Greeting(ToneWarm)
	if r.Contact.GreetingName != "" || r.Contact.Title != "" && r.Tone == ToneFormal || strings.Contains(first, " ") || !latin(first) {
		return text, false
	}
	ss := splitSentences(text)
	if len(ss) == 0 || !strings.HasPrefix(ss[0], "Thank") || strings.Contains(ss[0], first) || strings.HasSuffix(ss[0], ".m.") {
		return text, false
	}
	s := ss[0]
	cut := len(unstopped(s, v))
	for _, join := range []string{", but ", " – "} {
		if i := strings.Index(s, join); i >= 0 && i < cut {
			cut = i
		}
	}
	if strings.Contains(s[:cut], ",") && cut == len(unstopped(s, v)) {
		return text, false // "Thank you, truly, for ..." would take a third comma
	}
	named := s[:cut] + ", " + first + s[cut:]
	if cut == len(unstopped(s, v)) && !strings.HasSuffix(named, ".") {
		named += "."
	}
	return named + strings.TrimPrefix(text, s), true
}

// messageSignature signs a message with name alone, after a dash, or
// after a short close; a close the record of the message does not allow
// (thanks when it thanks twice already) is left out.
func messageSignature(r Request, c chooser, text, name string) string {
	shape := messageSignShapes[c.index(partSignoff+partLead, len(messageSignShapes))]
	if shape == signDash && r.Tone != ToneWarm {
		shape = signBare
	}
	switch shape {
	case signDash:
		return "– " + name
	case signClose:
		e := r.English
		if e != EnglishUS {
			e = EnglishGB
		}
		rec := saidIn(text)
		// A close says nothing the note said: not what its record
		// forbids, nor its own words ("Hi Sarah, thanks again for the
		// interview ... Thanks again,").
		fresh := func(s string) bool {
			return rec.allows(s, "") && !containsFold(text, strings.ToLower(strings.TrimSuffix(s, ",")))
		}
		close := c.pickFresh(partSignoff, messageCloses[e][r.Tone], lastSentences(text, 1), func(s string) bool { return !fresh(s) })
		if !fresh(close) || repeatsStem(c.lastStems(text, 1), close) {
			return name // every close would say again what the note said
		}
		return close + "\n" + name
	}
	return name
}

// maxNoteApologyWords is the most words of the apology a message that
// cancels an interview adds as a sentence of its own.
const maxNoteApologyWords = 7

// noteSorryLeads set an apology before a message's cancellation ("...,
// but I'm sorry to say I need to cancel ..."); those with a "but" of
// their own go only where the sentence has none.
var noteSorryLeads = toned{
	ToneFormal: {"I am sorry to say ", "I am sorry, but ", "I apologise, but ", "I am sorry to say that "},
	ToneWarm:   {"I'm sorry to say ", "Sorry, but ", "I'm really sorry, but ", "I'm sorry to say that "},
}

// noteShortSorry is the shortest lead of an apology, for a note that is
// long already: more than maxNoteWordsBeforeSorry words before its offer.
var noteShortSorry = map[Tone]string{ToneFormal: "Apologies, but ", ToneWarm: "Sorry, but "}

const maxNoteWordsBeforeSorry = 36

// hedgeLeads are the hedges that open a decline, which an apology set
// before it replaces.
var hedgeLeads = []string{"Unfortunately, ", "I'm afraid that ", "I am afraid that ", "I'm afraid ", "I am afraid "}

// unhedged is s without the hedge that opens it (see hedgeLeads).
func unhedged(s string) string {
	for _, h := range hedgeLeads {
		if t, ok := strings.CutPrefix(s, h); ok {
			return t
		}
	}
	return s
}

// apologiseInNote makes a message that cancels an interview, and has not
// said sorry, apologise once, short and plain: a person who cancels a
// booked slot by message says sorry as they would by e-mail. A note of
// one sentence takes the apology as a sentence of its own ("Sorry for the
// short notice."); a longer one, which the offer must still fit after,
// sets it before the cancellation ("Thanks for ..., but I'm sorry to say
// I need to cancel ...").
func apologiseInNote(r Request, v values, c chooser, body []string) []string {
	if r.Situation != SituationBeforeInterview || len(body) == 0 || slices.ContainsFunc(body, apologetic) {
		return body
	}
	if len(body) == 1 {
		list := short(fitNotice(r, apologies[r.Tone]), maxNoteApologyWords)
		if s := choose(c, partAsk+partLead, list, nil, v, body[0], ""); s != "" {
			return append(slices.Clone(body), s)
		}
	}
	for i, s := range body {
		for _, join := range []string{" – ", ", but ", ""} {
			head, tail := "", s
			if join != "" {
				at := strings.Index(s, join)
				if at < 0 {
					continue
				}
				head, tail = s[:at+len(join)], s[at+len(join):]
			}
			// The apology takes the place of a hedge of its own: "sorry,
			// but I'm afraid I won't ..." hedged twice.
			t := unhedged(tail)
			if !strings.HasPrefix(t, "I ") && !strings.HasPrefix(t, "I'") || !declines(words(t)) {
				continue
			}
			tail = t
			leads := noteSorryLeads[r.Tone]
			long := countWords(sentences(body...)) > maxNoteWordsBeforeSorry
			switch {
			case long && join == ", but " && !strings.HasSuffix(strings.TrimSuffix(head, ", but "), "."):
				// (Not after "Acme Inc.", where a dash would read as a
				// new sentence.)
				// "Thanks for ... – apologies, but I need to cancel ...":
				// a long note keeps to its length.
				head, join, leads = strings.TrimSuffix(head, ", but ")+" – ", " – ", []string{noteShortSorry[r.Tone]}
			case long && strings.Contains(s, "but "):
				leads = []string{strings.TrimSuffix(noteShortSorry[r.Tone], "but ")}
			case long:
				leads = []string{noteShortSorry[r.Tone]}
			case strings.Contains(s, "but "):
				leads = slices.DeleteFunc(slices.Clone(leads), func(l string) bool { return strings.Contains(l, "but") })
			}
			lead := v.fill(c.pick(partAsk+partLead, leads)) // "apologize" in US English
			if join == "" || join == " – " && strings.HasPrefix(lead, "Sorry") {
				lead = capitalizeSafe(lead)
			}
			if join == " – " {
				lead = lowerFirst(lead)
			}
			out := slices.Clone(body)
			out[i] = head + lead + tail
			return out
		}
	}
	return body
}
