package decline

import (
	"regexp"
	"slices"
	"strings"
)

// greetingLine is the salutation of an e-mail: "Dear Ms Johnson," formally,
// "Hi Sarah," warmly; a team is greeted by its name (or as "Hi all,"
// warmly), nobody as the hiring team. A formal letter never opens with
// "Hello".
func greetingLine(r Request, v values, c chooser) string {
	switch {
	case v.greet == "":
		if r.Tone == ToneWarm {
			return c.pick(partGreeting, []string{"Hello,", "Hi there,"})
		}
		return "Dear Hiring Team,"
	case strings.HasPrefix(strings.ToLower(v.greet), "to whom"):
		return "To" + v.greet[2:] + "," // a salutation of its own
	case impersonal(v.greet):
		return v.fill("Dear {greet},") // never "Hi Sir or Madam,"
	case r.Tone == ToneWarm && r.Contact.Kind == ContactTeam:
		return warmTeamGreeting(v, c)
	}
	// A title and surname are greeted "Dear" in a warm e-mail too: "Hi
	// Mr. Ortiz," mixes a formal name with a casual hello.
	if r.Tone == ToneWarm && (r.Channel != ChannelEmail || greetingKind(r) != greetTitled) {
		return v.fill(c.pick(partGreeting, []string{"Hi {greet},", "Hello {greet},"}))
	}
	return v.fill("Dear {greet},")
}

// warmTeamGreeting greets a team in a warm e-mail or message as people
// write to a shared inbox: by its name, or the people who read it ("Hi
// all,"); "Hi Talent Team," in every letter to a team was a line a blind
// reader saw twice.
func warmTeamGreeting(v values, c chooser) string {
	return v.fill(c.pick(partGreeting, []string{"Hi {greet},", "Hi all,", "Hello {greet},", "Hi everyone,"}))
}

// reasonList is the reason's phrasings in the wording that fits the stage;
// nil for ReasonNone.
func reasonList(r Request) []string {
	if alt, ok := reasonsBesideMeetings[r.Reason]; ok && detailOfMeetings(r) {
		return alt[r.Tone]
	}
	if met(r) {
		if alt, ok := reasonsAfterMeeting[r.Reason]; ok {
			return alt[r.Tone]
		}
	}
	return reasonSentences[r.Reason][r.Tone]
}

// reasonValues is v with the user's own reason capitalised to open a
// sentence.
func reasonValues(r Request, v values) values {
	if r.Reason == ReasonOther {
		v.reason = capitalizeSafe(v.reason)
	}
	return v
}

// reasonClause is the reason as a clause that can follow the decline
// after ", as" ("the timing is not right for me ..."), or "" when the
// reason has none: the user's own words and the reasons that open with a
// lead of their own stand as sentences.
func reasonClause(r Request, v values, c chooser, after, into string) string {
	if detailInReason(r) {
		return ownPhrase(r, c) // the user's detail gives the reason (see ownReason)
	}
	if r.Reason == ReasonOther {
		// The user's words, when they are one plain clause: "..., as
		// my parents are ..."; a noun phrase after "because of" or
		// "for"; otherwise a sentence of their own (see framedOwn).
		if w := readOwn(r.ReasonDetail, r.Tone); w.single() {
			return w.clause()
		}
		return ownPhrase(r, c)
	}
	var joinable []string
	for _, s := range reasonList(r) {
		if strings.HasPrefix(s, "^") {
			joinable = append(joinable, s)
		}
	}
	if len(joinable) == 0 {
		return ""
	}
	// Within the one sentence no word comes twice, not even one too
	// common to count between sentences: "I have decided to withdraw my
	// application for the ... position, as I have taken a position with
	// another company."
	joinable = notRepeating(joinable, v, into)
	// The clause joins the last sentence of after: it says nothing that
	// sentence, or the one before it, has said.
	s := forRole(r, c.saidOf(after).joined().sentence(c, partReason, joinable, nil, v, after, ""))
	return lowerFirst(strings.TrimSuffix(s, "."))
}

// joinReason sets the reason clause into the decline sentence: "I have
// decided to decline, as the timing is not right for me at present."
func joinReason(decline, clause string, v values, c chooser) string {
	s, join := unstopped(decline, v), c.pick(partJoin, reasonJoins)
	if hasWord(s, strings.Trim(join, ", ")) { // a lower-case word of reasonJoins
		join = ", as " // "Since we spoke, I have decided to withdraw, since ..."
		if hasWord(s, "as") {
			join = " because "
		}
	}
	if isPhrase(clause) {
		return joinPhrase(decline, clause, v, c, true)
	}
	if strings.HasSuffix(s, ".") {
		join = ", as " // "Acme Inc. because" would read as two sentences
	}
	return s + join + clause + "."
}

// unstopped is one of our sentences without its full stop, so another
// clause can follow; a company name that ends in one keeps it ("Acme
// Inc., as ...").
func unstopped(s string, v values) string {
	if strings.HasSuffix(v.company, ".") && strings.HasSuffix(s, v.company) || strings.HasSuffix(s, " a.m.") || strings.HasSuffix(s, " p.m.") {
		return s // nor "2 p.m.": "at 2 p.m – thank you" lost the clock's stop
	}
	return strings.TrimSuffix(s, ".")
}

// met reports whether the candidate has met the team: after an
// interview, at an offer, or when a later round is declined.
func met(r Request) bool {
	return r.Situation == SituationAfterInterview || r.Situation == SituationOffer || r.Interviewed
}

// meetingDetailWords mark a user's detail that speaks of the meetings or
// the people besides meetingWords: "our discussion about the team's
// plans", "a tour of the office".
var meetingDetailWords = regexp.MustCompile(`(?i)\b(team|teams|team's|discussion|discussions|interview|interviews|spoke|speaking|tour|visit|lunch|people|colleagues|engineers)\b`)

// detailOfMeetings reports a request, after the meetings, whose detail
// already speaks of them or of the team: its reason then gives the
// wording of reasonsBesideMeetings, which names no meeting.
func detailOfMeetings(r Request) bool {
	return met(r) && r.Detail != "" && (meetingTalk(r.Detail) || meetingDetailWords.MatchString(r.Detail))
}

// situationNextRound is the invitation to a later round, after an
// interview already held: its thanks are for that conversation too. It
// keys only the tables of thanks (see thanksSituation); a request never
// has it.
const situationNextRound Situation = "next_round"

// thanksSituation is the situation whose thanks r says.
func thanksSituation(r Request) Situation {
	if r.Situation == SituationInvitation && r.Interviewed {
		return situationNextRound
	}
	return r.Situation
}

// detailShape is the grammatical shape of the user's detail, which decides
// the sentences that can carry it.
type detailShape int

const (
	detailClause    detailShape = iota // a sentence of its own: "It was a pleasure to meet Ana"
	detailGerund                       // "meeting the platform team"
	detailAdjective                    // "your helpful explanation of the role": the adjective can move
	detailNoun                         // "the conversation about your on-call rota"
	detailArticle                      // "a tour of the office"
)

// movableAdjectives read as well after their noun phrase as before it:
// "your helpful explanation" is "I found your explanation helpful".
var movableAdjectives = []string{"helpful", "clear", "useful", "insightful", "thoughtful", "detailed", "generous",
	"candid", "honest", "open", "friendly", "welcoming", "informative", "encouraging", "kind", "thorough", "warm", "patient"}

// shapeOf reads the shape of a detail; for detailAdjective it returns the
// noun phrase without its adjective and the adjective.
func shapeOf(detail string) (shape detailShape, np, adj string) {
	fs := strings.Fields(detail)
	if len(fs) == 0 || isSentence(detail) {
		return detailClause, "", ""
	}
	first := strings.ToLower(fs[0])
	switch {
	case len(first) > 4 && strings.HasSuffix(first, "ing"):
		return detailGerund, "", ""
	case (first == "your" || first == "the") && len(fs) >= 3 && slices.Contains(movableAdjectives, fs[1]):
		return detailAdjective, first + " " + strings.Join(fs[2:], " "), fs[1]
	case first == "a" || first == "an":
		return detailArticle, "", ""
	}
	return detailNoun, "", ""
}

// pluralHead reports a noun phrase whose noun, after its determiner,
// reads as plural ("your answers about ..."), or that joins two nouns
// before what follows them ("the professionalism and knowledge
// demonstrated by your team"), which takes "were".
func pluralHead(np string) bool {
	ws := words(np)
	if i := slices.IndexFunc(ws, func(w string) bool { return slices.Contains(headEnds, w) || slices.Contains(afterParticiple, w) }); i > 0 {
		ws = ws[:i]
	}
	if slices.Contains(ws, "and") {
		return true
	}
	fs := strings.Fields(np)
	return len(fs) >= 2 && strings.HasSuffix(fs[1], "s") && !strings.HasSuffix(fs[1], "ss")
}

// embedded reports a noun phrase that holds a clause of its own ("the way
// you described the role"), which "how clear ... was" cannot carry.
func embedded(np string) bool {
	ws := words(np)
	return slices.ContainsFunc(ws, func(w string) bool {
		return w == "you" || w == "that" || w == "which" || w == "who" || w == "we" || w == "i"
	})
}

// detailSentence weaves the user's one true detail in, in a sentence that
// fits its grammar: "I very much enjoyed meeting the platform team.", "I
// found your explanation of the role most helpful." (the adjective moved
// after the noun, so the user's words are not quoted as typed), a
// sentence of their own as it is. first: the sentence opens the letter,
// before the decline. It repeats no word of the two sentences before it
// where it can.
func detailSentence(r Request, v values, c chooser, after string, first bool) string {
	if r.Detail == "" {
		return ""
	}
	shape, np, adj := shapeOf(r.Detail)
	if shape == detailClause {
		return capitalizeSafe(r.Detail) + "."
	}
	v.np, v.adj = np, adj
	opens := first
	first = first && !c.isCalm() // "which makes this a harder letter to write" says the decision was hard
	list := detailSentences[shape][first][r.Tone]
	if shape == detailNoun && slices.Contains(eventHeads, headNoun(r.Detail)) {
		list = eventSentences[first][r.Tone] // "I enjoyed our meeting on Tuesday", not "I appreciated" it
	}
	if pronounGerund(r.Detail) {
		// "You taking the time ... was much appreciated." is clumsy: the
		// detail follows its verb ("I appreciated you taking ...").
		list = preferring(list, func(s string) bool { return strings.HasPrefix(s, "{Detail}") || strings.HasPrefix(s, "{Np}") })
	}
	if opens && !first {
		// The letter's first sentence: "I particularly valued ..." or
		// "I also found ..." would single it out from nothing before.
		list = slices.DeleteFunc(slices.Clone(list), afterSomething.MatchString)
	}
	if !opens && !singledFrom.MatchString(lastSentences(after, 1)) {
		// "In particular" singles the detail out of what the thanks
		// before it named: of the interviews or the time given, not of
		// an offer ("I was grateful to receive your offer. In
		// particular, I appreciated the work you are doing ...").
		list = preferring(list, singlesOut.MatchString)
	}
	if shape == detailAdjective && embedded(np) {
		list = slices.DeleteFunc(slices.Clone(list), func(s string) bool { return strings.Contains(s, "how {adj}") })
	}
	if shape == detailAdjective && pluralHead(np) || shape == detailNoun && pluralHead(r.Detail) {
		// "your answers ... was" would not agree: only "I found ..."
		list = slices.DeleteFunc(slices.Clone(list), func(s string) bool { return strings.Contains(s, " was") })
	}
	return c.sentence(partDetail, list, nil, v, after)
}

// singlesOut matches a detail sentence that singles its detail out of
// what was said before it; singledFrom a sentence it can single it out
// of: one that names the meetings, the conversations or the time given.
var (
	singlesOut  = regexp.MustCompile(`(?i)\b(particular|particularly|especially)\b`)
	singledFrom = regexp.MustCompile(`(?i)\b(interview\w*|time|conversations?|meet\w*|met|process|team|chats?|talk\w*|spoke|questions|help)\b`)
)

// afterSomething matches a detail sentence that sets its detail beside
// something said before it.
var afterSomething = regexp.MustCompile(`(?i)\b(particular|particularly|especially|also|too|as well)\b`)

// appreciationWords mark a detail that says what the user appreciated
// ("It was a pleasure to meet Ana"), as against a fact of their own ("I've
// taken a contract with ...").
var appreciationWords = []string{"enjoy", "pleasure", "appreciat", "thank", "grateful", "loved", "impress", "kind",
	"great", "lovely", "helpful", "privilege", "glad", "delight", "valu", "admire", "inspir", "welcom"}

// bareDeclines are the declines of declinesBare that can follow the
// user's detail (withoutIt: no "it" that would point at the detail), and
// those that can follow a reason after ", so" (afterSo: opening with "I",
// with no clause of their own).
var bareDeclines = struct{ withoutIt, afterSo situated }{
	withoutIt: withMore(filterTable(declinesBare, func(s string) bool {
		return !slices.Contains(words(s), "it") // nor "it," ("I can't accept it, I'm afraid.")
	}), declinesWithoutIt),
	afterSo: filterTable(declinesBare, func(s string) bool {
		s = strings.TrimPrefix(s, "^")
		return strings.HasPrefix(s, "I ") && !strings.ContainsAny(s, ",:") && !strings.Contains(s, "sorry") && !strings.Contains(s, " and ")
	}),
}

// declinesWithoutIt are more declines with no "it" for after the user's
// detail, where the table's own are few: a formal offer letter that may
// not say the decision was hard had one ("Sadly, I am unable to
// accept."), which every such letter wrote, even when the user's last
// letter had said it (see Request.Recent).
var declinesWithoutIt = situated{
	SituationOffer: {
		ToneFormal: {"Unfortunately, I cannot accept.", "I regret that I must decline."},
		ToneWarm:   {"I've decided to say no."},
	},
}

// withMore is t with the phrasings of more added to its lists.
func withMore(t, more situated) situated {
	for sit, byTone := range more {
		for tone, list := range byTone {
			t[sit][tone] = append(t[sit][tone], list...)
		}
	}
	return t
}

// filterTable is t with only the phrasings keep reports, leads dropped.
func filterTable(t situated, keep func(string) bool) situated {
	out := situated{}
	for sit, byTone := range t {
		out[sit] = toned{}
		for tone, list := range byTone {
			for _, s := range list {
				if keep(s) {
					out[sit][tone] = append(out[sit][tone], strings.TrimPrefix(s, "^"))
				}
			}
		}
	}
	return out
}

// clauseStarts start a clause; a detail that starts with one is a sentence.
var clauseStarts = []string{"i", "i'm", "i've", "i'd", "i'll", "it", "it's", "you", "you're", "we", "we're", "they", "she", "he", "this", "that", "there"}

// isClause reports whether detail starts with a subject and so reads as a
// sentence of its own.
func isClause(detail string) bool {
	ws := words(detail)
	if len(ws) == 0 {
		return false
	}
	return slices.Contains(clauseStarts, ws[0]) && !pronounGerund(detail)
}

// pronounGerund reports a detail that is a person doing something, a
// noun phrase though it opens with "you": "you taking the time to
// interview me".
func pronounGerund(detail string) bool {
	ws := words(detail)
	return len(ws) >= 2 && slices.Contains([]string{"you", "them", "him", "her", "us"}, ws[0]) && isGerund(strings.Join(ws[1:], " "))
}

// thanks reports whether one of our sentences thanks the reader.
func thanks(s string) bool {
	return containsAnyFold(s, thanksWords)
}

// thanksWords are what thanks looks for.
var thanksWords = newFoldWords("thank", "grateful", "appreciat")

// messageNote writes a chat or LinkedIn message of one to three sentences:
// the decline with thanks (thanks first and the decline after "but" or
// a dash, or the decline first), the reason (sometimes set
// into the decline), a short offer; greeted and signed in one of the
// shapes of messageLayout. Of the
// layouts, the chosen one is used unless it runs past maxMessageWords,
// when the next that does not is.
func messageNote(r Request, v values, c chooser) string {
	name := v.sender
	if r.Tone == ToneWarm {
		name = v.first
	}
	var best, fits string // the shortest note, and the first within length
	bestWords := 0
	start := c.index(partLayout, len(messageLayoutOrder))
	// A message that runs long leaves the company to the greeting, as
	// a reply in a thread does.
	// The last pass writes each part in its shortest phrasing, so a
	// long role, company or interview slot still fits.
	// One message in four is brief from the start, as many chat replies
	// are: a blind reader saw every message run to about 45 words.
	terseFrom, ats := 2, []string{v.at, "", ""}
	if c.index(partLayout+7*partLead, 4) == 0 {
		terseFrom, ats[0] = 0, ""
	}
	for pass, at := range ats {
		v.at = at
		ph, offers := &shortPhrasings, offersFor(r, shortOffers[r.Offer][r.Tone], shortOffersBySituation)
		if pass == 2 {
			ph, offers = &tersePhrasings, tight(offers, 8)
		}
		if pass >= terseFrom {
			ph = &tersePhrasings // a brief note; its offer is cut only on the last pass
		}
		// A layout the order repeats writes the note it wrote before,
		// which did not do, once the letter can no longer change c's
		// mind about hard sayings: it is not written again.
		var tried uint64
		for k := range messageLayoutOrder {
			layout := messageLayoutOrder[(start+k)%len(messageLayoutOrder)]
			if c.isCalm() && 0 <= layout && layout < 64 {
				if tried&(1<<layout) != 0 {
					continue
				}
				tried |= 1 << layout
			}
			body, connected := messageBody(r, v, c, ph, layout)
			body = apologiseInNote(r, v, c, body)
			write := func(body []string) (string, int) {
				body = append(body, choose(c, partOffer, offers, nil, v, sentences(body...), ""))
				note := messageLayout(r, v, c, body, name)
				return note, countWords(note)
			}
			note, n := write(body)
			if best == "" || n < bestWords {
				best, bestWords = note, n
			}
			// A note whose reason does not follow from the sentence
			// before it gives way to the next layout, as a long one does.
			if n <= maxMessageWords && connected {
				return note
			}
			if n <= maxMessageWords && fits == "" {
				fits = note
			}
		}
	}
	if fits != "" {
		return fits
	}
	return best
}

// phrasings are the phrasings a message is written from.
type phrasings struct {
	named, bare, thanked, thanks situated
	reasons, reasonsMet          map[Reason]toned
	reasonsBeside                map[Reason]toned
}

// shortPhrasings are the phrasings of a message (see short), chosen once
// from the tables: they depend on no request.
var shortPhrasings = phrasings{
	named: shortOf(declinesNamed, 20, inChat(short)), bare: shortOf(declinesBare, 10, inChat(short)),
	thanked: shortOf(thanksNamed, 14, short), thanks: shortOf(thanksBare, 14, short),
	reasons: shortOf(reasonSentences, messageReasonWords, short), reasonsMet: shortOf(reasonsAfterMeeting, messageReasonWords, short),
	reasonsBeside: shortOf(reasonsBesideMeetings, messageReasonWords, short),
}

// tersePhrasings are the shortest phrasing of each part, for a message
// that runs long in every other wording.
var tersePhrasings = phrasings{
	named: shortOf(declinesNamed, 14, inChat(tight)), bare: shortOf(declinesBare, 7, inChat(tight)),
	thanked: shortOf(thanksNamed, 11, tight), thanks: shortOf(thanksBare, 11, tight),
	reasons: shortOf(reasonSentences, terseReasonWords, tight), reasonsMet: shortOf(reasonsAfterMeeting, terseReasonWords, tight),
	reasonsBeside: shortOf(reasonsBesideMeetings, terseReasonWords, tight),
}

// ofLetters matches the declines that speak of the writing itself ("I am
// writing to withdraw ...", "formally"), as a letter does and a chat
// message does not.
var ofLetters = regexp.MustCompile(`(?i)\bwriting\b|\bformally\b`)

// chatFrames say a letter's frames as a chat message does: "I am writing
// to decline ..." is "I am getting in touch to decline ...".
var chatFrames = strings.NewReplacer("I am writing to let you know", "I wanted to let you know", "I am writing to ", "I am getting in touch to ",
	"I'm writing to ", "I'm getting in touch to ", "I'm [writing|getting in touch] to ", "I'm getting in touch to ", "formally ", "")

// inChat is cut applied to the phrasings of a list as a chat message says
// them (see chatFrames), each once.
func inChat(cut func([]string, int) []string) func([]string, int) []string {
	return func(list []string, n int) []string {
		var chat []string
		for _, s := range list {
			if s = chatFrames.Replace(s); !slices.Contains(chat, s) {
				chat = append(chat, s)
			}
		}
		return cut(chat, n)
	}
}

// terseReasonWords is the most words a reason has in tersePhrasings.
const terseReasonWords = 11

// shortOf is cut(list, n) applied to every list of a table, by
// situation or by reason.
func shortOf[K comparable](t map[K]toned, n int, cut func([]string, int) []string) map[K]toned {
	out := map[K]toned{}
	for k, byTone := range t {
		out[k] = toned{}
		for tone, list := range byTone {
			out[k][tone] = cut(list, n)
		}
	}
	return out
}

// tight are the phrasings of list of at most n words (a placeholder
// counts as one), or its two shortest when none is so short, so that a
// sentence can still be chosen not to repeat its neighbour.
func tight(list []string, n int) []string {
	out := slices.Clone(list)
	slices.SortStableFunc(out, func(a, b string) int { return len(strings.Fields(a)) - len(strings.Fields(b)) })
	k := 0
	for k < len(out) && len(strings.Fields(out[k])) <= n {
		k++
	}
	return out[:max(k, min(2, len(out)))]
}

// reasonListOf is the message reasons of ph for r.
func (ph *phrasings) reasonListOf(r Request) []string {
	if alt, ok := ph.reasonsBeside[r.Reason]; ok && detailOfMeetings(r) {
		return alt[r.Tone]
	}
	if met(r) {
		if alt, ok := ph.reasonsMet[r.Reason]; ok {
			return alt[r.Tone]
		}
	}
	return ph.reasons[r.Reason][r.Tone]
}

// messageReasonWords is the most words a message's reason phrasing has.
const messageReasonWords = 16

// short are the phrasings of list of at most n words (a placeholder
// counts as one), for a message; all of list when none is so short.
func short(list []string, n int) []string {
	var out []string
	for _, s := range list {
		if fieldCount(s) <= n {
			out = append(out, s)
		}
	}
	if len(out) == 0 {
		return list
	}
	return out
}

// messageLayoutOrder weights the ways a message opens (see messageBody):
// thanks first in three of five, as people write.
var messageLayoutOrder = []int{2, 0, 2, 1, 2}

// maxMessageWords is the most words a message should have.
const maxMessageWords = 50

// messageBody is the decline, thanks and reason of a message in one of
// its layouts, in two to four short sentences. connected reports a
// reason that follows from what is before it: set into the decline, or a
// plain sentence after a sentence that ends in the decline, and not a
// curt one after a short decline. A reason after thanks ("I've decided
// to pull out, but thanks for reading my application. I've just accepted
// another offer.") hangs off the thanks, and a short one after a short
// decline ("I'm going to pull out. I've accepted a job elsewhere.") reads
// as two facts chopped apart: messageNote then tries another layout.
func messageBody(r Request, v values, c chooser, ph *phrasings, layout int) (body []string, connected bool) {
	sit, tone := r.Situation, r.Tone
	named, bare := ph.named[sit][tone], ph.bare[sit][tone]
	thanked, thanks, reasons := ph.thanksFor(r, true), ph.thanksFor(r, false), ph.reasonListOf(r)
	add := func(s string) {
		if s != "" {
			body = append(body, s)
		}
	}
	// The reason is chosen first, and the opening so as not to repeat it.
	reason := messageReason(r, v, c, reasons, nil, "")
	joined := false
	switch layout {
	case 0: // the decline first, then the reason, and thanks after ", but"
		decl := choose(c, partOpening, named, nil, v, "", reason)
		if reason != "" && sharesStem(contentStems(decl), contentStems(reason)) {
			reason = messageReason(r, v, c, reasons, nil, decl)
		}
		th := choose(c, partThanks, notRepeating(plain(thanks), v, decl), nil, v, decl, reason)
		if reason == "" {
			add(butThanks(decl, th, v))
			break
		}
		if ours := !detailInReason(r) && r.Reason != ReasonOther; ours && !sharesStem(contentStems(decl), contentStems(reason)) && !clauses(reason, v) && !strings.Contains(reason, "but") && countWords(reason) <= 14 {
			add(decl)
			add(unstopped(reason, v) + ", but " + lowerFirst(th))
			break
		}
		// The user's own words do not take thanks after them (nor a
		// reason of ours with a clause of its own): the note gives way
		// to another layout.
		add(butThanks(decl, th, v))
		add(reason)
	case 1: // the decline with its reason set in, then thanks
		decl := choose(c, partOpening, named, nil, v, "", reason)
		if clause := reasonClause(r, v, c, decl, decl); clause != "" && countWords(decl) <= 18 {
			first := joinReason(decl, clause, v, c)
			// Unless every thanks would repeat a word of it ("...
			// withdrawal from consideration ... Thank you for your
			// consideration.").
			if th := choose(c, partThanks, thanks, nil, v, first, ""); !repeatsStem(contentStems(first), th) {
				add(first)
				add(th)
				joined = true
				break
			}
		}
		add(butThanks(decl, choose(c, partThanks, notRepeating(plain(thanks), v, decl), nil, v, decl, reason), v))
		add(reason)
	default: // thanks first, then the decline in a sentence of its own
		th := choose(c, partThanks, plain(thanked), nil, v, "", reason)
		// The thanks are one sentence to avoid, though a reader (and the
		// checker) may end one at the "p.m." of the slot in them.
		decl := choose(c, partOpening, plain(bare), nil, v, clockDots.Replace(th), reason)
		// "Thanks for ..., but I ..." in every note was a blind reader's
		// tell: in one note of two the thanks stand alone and the
		// decline carries its reason ("I've decided to stay where I
		// am, so I'll bow out."); a message stays three sentences.
		if clause := reasonClause(r, v, c, th, decl); clause != "" && c.index(partJoin+2*partLead, 2) == 0 && !clauses(decl, v) && !strings.Contains(decl, "but") {
			add(th)
			add(joinReason(decl, clause, v, c))
			joined = true
			break
		}
		// A dash in one note of three: "Thanks for ..., but I must ..."
		// in every note was a blind reader's tell.
		join := c.pick(partJoin+6*partLead, []string{", but ", " – ", ", but "})
		switch {
		case strings.HasSuffix(unstopped(th, v), "."):
			join = ", but " // not a dash after "Acme Inc.", where it would read as a new sentence
		case clauses(th+decl, v) || strings.Contains(decl, "sorry"):
			join = " – "
		}
		// The reason set into the decline after the thanks when the
		// note can take it ("Thanks for ... – I'm going to pull out, as
		// I've accepted a role elsewhere."), as people write a chat:
		// after a short decline a reason of its own reads as a second
		// curt fact.
		if clause := reasonClause(r, v, c, th, th+" "+decl); clause != "" && endsShortDecline(decl) && !clauses(decl, v) && !strings.Contains(decl, "but") && !repeatsWord(clause, th+" "+decl) &&
			!strings.HasSuffix(unstopped(th, v), ".") && countWords(th)+countWords(decl)+countWords(clause) <= 34 {
			add(unstopped(th, v) + join + lowerFirst(joinReason(decl, clause, v, c)))
			joined = true
			break
		}
		add(unstopped(th, v) + join + lowerFirst(decl))
		add(reason)
	}
	if reason == "" || joined {
		return body, true
	}
	i := slices.Index(body, reason)
	if i < 1 {
		return body, true // the reason joined to thanks after it, or first
	}
	// When the opening could not avoid the reason's words, the reason
	// is chosen again to follow it, from every phrasing; the user's own
	// words are set again after it too, led in after thanks (see framedOwn).
	if sharesStem(contentStems(body[i-1]), contentStems(reason)) || detailInReason(r) || r.Reason == ReasonOther {
		body[i] = messageReason(r, v, c, reasonList(r), nil, body[i-1])
	}
	// After a short decline a short bare reason reads as a second curt
	// fact: a fuller one of ours follows it, when there is one.
	if endsShortDecline(body[i-1]) && curt(body[i]) && !detailInReason(r) && r.Reason != ReasonOther {
		if s := forRole(r, c.around(sentences(body[:i]...), "").sentence(c, partReason, standalone(reasons, body[i-1]), nil, reasonValues(r, v), body[i-1], "")); s != "" && !sharesStem(contentStems(body[i-1]), contentStems(s)) {
			body[i] = s
		}
	}
	return body, follows(body[i-1], body[i]) && !sharesStem(contentStems(body[i-1]), contentStems(body[i]))
}

// follows reports a reason standing as a sentence of its own that
// follows from the sentence before it, prev: one that ends in the decline
// (not in thanks after it), and not a curt reason after a short decline.
func follows(prev, reason string) bool {
	tail := prev
	for _, join := range []string{", but ", " – "} {
		if i := strings.LastIndex(tail, join); i >= 0 {
			tail = tail[i+len(join):]
		}
	}
	return declines(words(tail)) && !thanks(tail) && !(endsShortDecline(prev) && curt(reason))
}

// endsShortDecline reports a sentence that ends in a short decline of
// its own, after ", but" or a dash or alone.
func endsShortDecline(s string) bool {
	for _, join := range []string{", but ", " – "} {
		if i := strings.LastIndex(s, join); i >= 0 {
			s = s[i+len(join):]
		}
	}
	return countWords(s) <= 12 && declines(words(s))
}

// clockDots drop the full stops of "2 p.m.", which end no sentence.
var clockDots = strings.NewReplacer(" a.m.", " am", " p.m.", " pm")

// messageReason is the reason of a message or a call: the user's own
// words woven by their shape (see ownReason) when they gave them, the
// rival offer or the real reason of their detail in place of ours, or one
// of list, with leads, after the text after.
func messageReason(r Request, v values, c chooser, list, leads []string, after string) string {
	if own, kind := ownReasonOf(r); own != "" {
		return ownReason(r, v, c, own, kind, after, true)
	}
	return forRole(r, choose(c, partReason, list, leads, reasonValues(r, v), after, ""))
}

// ownReasonOf is the reason r gives in the user's words, and its kind: the
// detail in the role of the reason, or the words of reason other; "" when
// the reason is one of the list's.
func ownReasonOf(r Request) (string, DetailKind) {
	switch {
	case detailInReason(r):
		return r.Detail, detailKindOf(r)
	case r.Reason == ReasonOther:
		return r.ReasonDetail, DetailReason
	}
	return "", ""
}

// plain is list without the phrasings that have a clause of their own
// (a comma, colon, semicolon or dash), which read as one long sentence
// when joined to another; all of list when none is plain. A phrasing
// whose clause is one of its alternatives ("... role[| – it means a
// lot].") gives its plain ones, and thanks for two things ("Thanks for
// the offer, and for all your help.") the first, when that still thanks:
// dropping them whole left one thanks for a warm message declining an
// offer, which two in three then opened with.
func plain(list []string) []string {
	var out []string
	for _, s := range list {
		if !hasClauseMark(s) {
			out = append(out, s)
			continue
		}
		for _, p := range phrasingsOf(s) {
			if head, _, ok := strings.Cut(p, ", and "); ok && thanks(head) && !hasClauseMark(head) {
				p = head + "."
			}
			if !hasClauseMark(p) && !slices.Contains(out, p) {
				out = append(out, p)
			}
		}
	}
	if len(out) == 0 {
		return list
	}
	return out
}

// hasClauseMark reports a comma, colon, semicolon or dash, which set off
// a clause of its own in one of our phrasings: strings.ContainsAny with
// the dash among them reads the text rune by rune, this byte by byte.
func hasClauseMark(s string) bool {
	return strings.ContainsAny(s, ",:;") || strings.Contains(s, "–")
}

// butThanks joins a decline and thanks after it into one short sentence
// ("I've decided to decline the interview, but thank you for thinking of
// me."); a dash joins them when either has a clause of its own, as
// people write in a chat, where nobody uses a semicolon.
func butThanks(decl, th string, v values) string {
	join := ", but "
	if clauses(unstopped(decl, v)+th, v) && !strings.HasSuffix(unstopped(decl, v), ".") {
		join = " – "
	}
	return unstopped(decl, v) + join + lowerFirst(th)
}

// clauses reports whether s has a comma, colon or semicolon of its own,
// not one inside the interview's date ("Friday, December 4").
func clauses(s string, v values) bool {
	if v.slot != "" {
		s = strings.ReplaceAll(s, v.slot, "")
	}
	return strings.ContainsAny(s, ",:;")
}

// phoneScript writes what to say on a live call, in short spoken sentences:
// who is calling and why, whether now is a good time (see callOpening),
// the decline and the reason, thanks, the offer, goodbye.
func phoneScript(r Request, v values, c chooser) string {
	tone, v := r.Tone, callValues(r, v)
	hello, decl := callOpening(r, v, c)
	reasons := spokenReasons
	if _, ok := spokenReasonsMet[r.Reason]; ok && met(r) {
		reasons = spokenReasonsMet
	}
	if _, ok := spokenReasonsBeside[r.Reason]; ok && detailOfMeetings(r) {
		reasons = spokenReasonsBeside
	}
	var leads []string
	if tone == ToneWarm {
		leads = spokenReasonLeads[tone]
	}
	reason := messageReason(r, v, c, notSameNoun(reasons[r.Reason][tone], decl), leads, decl)
	if ss := splitSentences(decl); len(ss) > 0 && (detailInReason(r) || r.Reason == ReasonOther) {
		// The user's own noun phrase is said with the decline, in its
		// last sentence: "I'm withdrawing my application because of
		// time constraints."; a plain clause of theirs in four calls of
		// five: "..., as my partner is relocating."
		j := ""
		if p := ownPhrase(r, c); p != "" {
			j = joinPhrase(ss[len(ss)-1], p, v, c, false)
		} else if w := readOwn(r.ReasonDetail, ToneWarm); r.Reason == ReasonOther && w.single() && c.index(partJoin+6*partLead, 5) != 0 {
			j = asClause(ss[len(ss)-1], w.clause(), v)
		}
		if j != "" {
			ss[len(ss)-1] = j
			decl, reason = sentences(ss...), ""
		}
	}
	// Each sentence after the reason follows the record of the whole
	// call so far (see said), and echoes no word of the last it follows.
	offers := toReader(r, offersFor(r, spokenOfferSentences[r.Offer][tone], spokenOffersBySit))
	say := func(part int, list []string, after string, said ...string) string {
		return c.saidOf(sentences(said...)).sentence(c, part, list, nil, v, after, "")
	}
	thanks := say(partThanks, fitNotice(r, spokenThanksFor(r)), sentences(decl, reason), hello, decl, reason)
	offer := say(partOffer, offers, thanks, hello, decl, reason, thanks)
	byes := unechoed(callGoodbyes(r), hello)
	goodbye := sentences(offer, say(partClosing, byes, sentences(thanks, offer), hello, decl, reason, thanks, offer))
	// The decline stays within the first six sentences, where the
	// clear rule looks for it on the phone.
	if thanksFirstOnThePhone(r, c) && len(splitSentences(hello)) <= 4 {
		// People who have been interviewed, offered the job or invited
		// often thank before they say no: the thanks then come first,
		// and the offer of help follows the reason; unless every thanks
		// would repeat a word of the decline ("grateful for the offer
		// ... decline the offer").
		first := choose(c, partThanks, spokenThanks[thanksSituation(r)][tone], nil, v, hello, decl)
		if !repeatsStem(contentStems(first), decl) && !repeatsStem(contentStems(first), lastSentences(hello, 1)) {
			if reason != "" {
				reason = messageReason(r, v, c, notSameNoun(reasons[r.Reason][tone], decl), leads, sentences(first, decl))
			}
			// After the decline itself when no reason is given.
			offer = say(partOffer, offers, sentences(first, decl, reason), hello, first, decl, reason)
			goodbye = sentences(offer, say(partClosing, byes, sentences(reason, offer), hello, first, decl, reason, offer))
			return paragraphs(hello, sentences(first, decl, reason), goodbye)
		}
	}
	return paragraphs(hello, sentences(decl, reason), thanks, goodbye)
}

// callOpening is what a call says before the decline, and the decline:
// who is calling, what about, and a check on the listener's time, said in
// one of four ways chosen by the wording, as people open calls
// differently: a question after what the call is about ("Is now a good
// time?"), a question before it ("Have you got a minute? It's about
// ..."), a promise to be short instead ("I won't keep you long."), or
// both. No way is in more than two calls in five
// (TestCallOpeningsAndClosesVary). The decline follows without repeating
// a word of the sentence before it, and within the first six sentences,
// where the clear rule looks for it on the phone: a hello of two
// sentences ("Hello, is that Ms. Fox-Evans? It's Sam Lee here.") does not
// take both the question and the promise.
func callOpening(r Request, v values, c chooser) (hello, decl string) {
	hi := v.fill(phoneHello(r, v, c))
	about := c.sentence(partIntro+partLead, callingAbout[r.Situation], nil, v, "")
	// The user's own reason follows the decline, which repeats none of
	// its words: "I've decided not to accept the position. I have
	// decided to accept a position in the Chicago area." jars.
	own, _ := ownReasonOf(r)
	declAfter := func(after string) string {
		list := notCallingAgain(spokenDeclines[r.Situation][r.Tone], after)
		if own != "" {
			list = unechoed(notSameNoun(list, own), own)
		}
		return choose(c, partOpening, list, nil, v, after, own)
	}
	ask := c.sentence(partAsk, goodTime[r.Tone], nil, v, about)
	switch k := c.index(partAsk+4*partLead, 20); {
	case k < 6:
		hello = sentences(hi, about, ask)
	case k < 11:
		// What the call is about comes just before the decline, so it
		// is said in words the decline does not repeat ("It's about
		// your offer ... I'm declining the offer"), and the question
		// before it in words it does not ("Is now a good time to
		// talk? I wanted to talk ...").
		decl = declAfter(sentences(hi, ask))
		about = c.sentence(partIntro+partLead, unechoed(callingAbout[r.Situation], decl), nil, v, "")
		return sentences(hi, c.sentenceAvoiding(partAsk, goodTime[r.Tone], nil, v, hi, about), about), decl
	case k < 13 && oneBreath(hi, about) != "":
		// Straight to it, no time asked, as on a call that is expected;
		// what it is about in words the decline does not repeat.
		decl = declAfter(hi)
		return oneBreath(hi, c.sentence(partIntro+partLead, unechoed(callingAbout[r.Situation], decl), nil, v, "")), decl
	case k < 16:
		hello = sentences(hi, about, c.sentence(partAsk+3*partLead, callReassurances[r.Tone], nil, v, about))
	default:
		hello = sentences(hi, about, ask)
		if len(splitSentences(hello)) < 5 {
			hello = sentences(hello, c.sentence(partAsk+3*partLead, callReassurances[r.Tone], nil, v, sentences(about, ask)))
		}
	}
	return hello, declAfter(hello)
}

// matterNouns are the nouns of the matter, which the check for a
// repeated word lets through (a letter names the role more than once);
// in a call's two short sentences one after the other they jar: "I've
// decided not to accept the position. I've taken a position with
// another company."
// Each is a word scan (see wordsFold), the bit of nounsOf its place.
var matterNouns = [...]*wordsFold{
	newWordsFold(`(?i)\bposition\b`, "position"),
	newWordsFold(`(?i)\brole\b`, "role"),
	newWordsFold(`(?i)\bjob\b`, "job"),
	newWordsFold(`(?i)\boffer\b`, "offer"),
}

// nounsOf is the set of matterNouns s says, a bit each.
func nounsOf(s string) uint8 {
	var set uint8
	low := strings.ToLower(s)
	for i, noun := range matterNouns {
		if noun.MatchString(low) {
			set |= 1 << i
		}
	}
	return set
}

// templateNouns is nounsOf our phrasings.
var templateNouns = memoOf(nounsOf)

// notSameNoun is list, our phrasings, without the reasons that repeat a
// noun of the matter the decline said, or all of list when every one does.
func notSameNoun(list []string, decl string) []string {
	said := nounsOf(decl)
	if said == 0 {
		return list
	}
	out := slices.DeleteFunc(slices.Clone(list), func(s string) bool { return templateNouns.of(s)&said != 0 })
	if len(out) == 0 {
		return list
	}
	return out
}

// callVerbs are the words of a call that says it is one: "I'm calling
// about ...", "I'm phoning to say ...".
var callVerbs = newWordsFold(`(?i)\b(calling|phoning|ringing)\b`, "calling", "phoning", "ringing")

// templateCalls is callVerbs.MatchString of our phrasings.
var templateCalls = memoOf(callVerbs.MatchString)

// notCallingAgain is list, our phrasings, without the declines that say the call is one
// ("I'm calling to say ...") when said already has ("I'm calling about
// the interview ... Do you have a moment?"), or all of list when every
// one does: the check for a repeated word looks at the sentence before
// only, and the hello's "calling" is often two before.
func notCallingAgain(list []string, said string) []string {
	if !callVerbs.MatchString(said) {
		return list
	}
	out := slices.DeleteFunc(slices.Clone(list), templateCalls.of)
	if len(out) == 0 {
		return list
	}
	return out
}

// callGoodbyes are the goodbyes a call can end with: with the name of a
// person the call greeted by a first name or a title ("Thanks again,
// Sarah. Bye.", "Thank you again, Dr. Lima. Goodbye."), and without;
// never a full name, which people do not say at a goodbye.
func callGoodbyes(r Request) []string {
	list := spokenGoodbyes[r.Tone]
	if k := greetingKind(r); k == greetOther || r.Tone == ToneFormal && formalHello(r) != helloFormal {
		return list
	}
	return slices.Concat(list, spokenGoodbyesNamed[r.Tone])
}

// unechoed is list without the phrasings that repeat a content word of
// text, or all of list when every one does: a call that opened "I won't
// keep you long." does not end "I won't keep you any longer.", nor one
// that asked "Is now a good time?" "Thanks again for your time." The
// choice among the rest is even, where walking the list to the first
// that does not repeat a word favoured the one after a run that do: "I
// wanted to talk to you about ..." opened one call in six. list is one
// of our tables, whose stems are read once (see ourStems).
func unechoed(list []string, text string) []string {
	said := contentStems(text)
	out := slices.DeleteFunc(slices.Clone(list), func(s string) bool { return repeatsCandidate(said, s, true) })
	if len(out) == 0 {
		return list
	}
	return out
}

// thanksFirstOnThePhone reports a call that thanks before the decline:
// two in three declining an offer (the published offer calls all thank
// first, and a reader took "I'm declining the offer ... Thank you for the
// offer" for a machine's order), one in three after an interview or an
// invitation.
func thanksFirstOnThePhone(r Request, c chooser) bool {
	switch r.Situation {
	case SituationOffer:
		return c.index(partLayout+6*partLead, 3) != 2
	case SituationInvitation, SituationAfterInterview:
		return c.index(partLayout+6*partLead, 3) == 0
	}
	return false
}

// phoneHello greets the person by the name the greeting uses, as people
// open a call: "Hi Sarah, it's Sam.", "Hello, my name's Sam Lee."
func phoneHello(r Request, v values, c chooser) string {
	switch {
	case v.greet == "" || r.Contact.Kind == ContactTeam || impersonal(v.greet):
		return c.pick(partIntro, phoneHellos[helloNobody])
	case r.Tone == ToneWarm:
		return c.pick(partIntro, phoneHellos[helloWarm])
	}
	return c.pick(partIntro, phoneHellos[formalHello(r)])
}

// formalHello is the kind of hello of a formal call or voicemail to a
// person: by full name (or a name the greeting cannot split) or not.
func formalHello(r Request) int {
	if greetingKind(r) == greetOther || callFullName(r) != "" {
		return helloFullName
	}
	return helloFormal
}

// callFullName is the full name a formal call or voicemail asks for a
// person by when no title is known ("Hello, is that Sarah Johnson?"), as
// people open a call to someone they have not spoken to, though the
// letter greets them by first name; "" otherwise.
func callFullName(r Request) string {
	c := normalizeContact(r.Contact)
	if r.Tone != ToneFormal || c.Kind != ContactPerson || c.Title != "" || c.GreetingName != "" || len(strings.Fields(c.Name)) < 2 {
		return ""
	}
	return c.Name
}

// callValues is v with the name a call greets by (see callFullName) and
// the interview's time as it is said (see spokenClock).
func callValues(r Request, v values) values {
	if n := callFullName(r); n != "" {
		v.greet = n
	}
	v.slot = spokenClock(v.slot, r.English)
	return v
}

// voicemailHello says who is calling and what about: in one sentence of
// hellos, or, in about one voicemail in three, in two as a call opens ("Hi
// Sarah, it's Sam. It's about the offer for ...").
// The sentence on what the call is about does not repeat a word of the
// decline that follows it.
func voicemailHello(r Request, v values, c chooser, hellos []string, decl string) string {
	i := c.index(partIntro+2*partLead, len(hellos)+len(hellos)/2)
	if i < len(hellos) {
		return v.fill(hellos[i])
	}
	hello := v.fill(phoneHello(r, v, c))
	if strings.Contains(hello, "?") { // a recording cannot answer "is that Sarah Johnson?"
		return v.fill(hellos[i%len(hellos)])
	}
	return sentences(hello, c.sentence(partIntro+3*partLead, unechoed(callingAbout[r.Situation], decl), nil, v, hello))
}

// voicemail is the message to leave when nobody answers: under thirty
// seconds (about 75 words), with the name, the decline, thanks once, and
// the number to call back; its goodbye does not thank again.
func voicemail(r Request, v values, c chooser) string {
	v = callValues(r, v)
	hellos := voicemailHellos[helloNobody]
	switch {
	case v.greet == "" || r.Contact.Kind == ContactTeam || impersonal(v.greet):
	case r.Tone == ToneWarm:
		hellos = voicemailHellos[helloWarm]
	default:
		hellos = voicemailHellos[formalHello(r)]
	}
	confirm, callBack := c.pick(partAsk+partLead, confirmByEmail), c.pick(partAsk+2*partLead, callBacks)
	back := func() string {
		if v.phone == "" {
			return confirm
		}
		return v.fill(strings.TrimSuffix(confirm, ".") + callBack)
	}
	decl := choose(c, partOpening, spokenDeclines[r.Situation][r.Tone], nil, v, "", "")
	parts := []string{
		voicemailHello(r, v, c, hellos, decl), decl,
		anchored(lastSentences(decl, 1), choose(c, partThanks+2*partLead, voicemailThanks[thanksSituation(r)][r.Tone], nil, v, decl, ""), ""), back(),
		c.pick(partClosing+partLead, voicemailGoodbyes[r.Tone]),
	}
	// Thirty seconds: a long cancellation to a full name ("Hello, I'm
	// trying to reach Maria Anders. This is Sam Lee. I wanted to talk to
	// you about ...") says goodbye in a word, then who is calling in
	// one sentence, and last the number in the fewest words.
	shortest := func(list []string) string {
		return slices.MinFunc(list, func(a, b string) int { return len(a) - len(b) })
	}
	for _, shorten := range []func(){
		func() { parts[4] = shortest(voicemailGoodbyes[r.Tone]) },
		func() { parts[0] = v.fill(hellos[c.index(partIntro+2*partLead, len(hellos))]) },
		func() { confirm, callBack = shortest(confirmByEmail), shortest(callBacks); parts[3] = back() },
	} {
		if len(words(strings.Join(parts, " "))) <= voicemailWords {
			break
		}
		shorten()
	}
	return strings.Join(parts, " ")
}

// voicemailWords is about thirty seconds spoken.
const voicemailWords = 75
