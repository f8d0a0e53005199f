package decline

import (
	"reflect"
	"slices"
	"strings"
	"sync"
	"unsafe"
)

// draft is an e-mail being written, sentence by sentence, in paragraphs.
// Each sentence is chosen knowing the ones before it, so that it repeats
// no word of its neighbour.
type draft struct {
	paras  [][]string
	joined string // the text, while valid
	valid  bool
	// counted is the text whose words were last counted, nwords their
	// number: the count is asked again of the same text.
	counted string
	nwords  int
}

// add appends s, if any, to the current paragraph.
func (d *draft) add(s string) {
	if s == "" {
		return
	}
	if len(d.paras) == 0 {
		d.paras = [][]string{nil}
	}
	d.paras[len(d.paras)-1] = append(d.paras[len(d.paras)-1], s)
	d.valid = false
}

// br starts a new paragraph unless the current one is empty.
func (d *draft) br() {
	if len(d.paras) > 0 && len(d.paras[len(d.paras)-1]) > 0 {
		d.paras = append(d.paras, nil)
	}
	d.valid = false
}

// text is the draft so far, which the next sentence follows; it is
// joined once after each change.
func (d *draft) text() string {
	if d.valid {
		return d.joined
	}
	d.joined, d.valid = joinDraft(d.paras), true
	return d.joined
}

// joinDraft is paragraphs of the sentences of each of paras, written in
// one pass into one string: the empty sentences, and the paragraphs with
// none but empty ones, left out.
func joinDraft(paras [][]string) string {
	n := 0
	for _, p := range paras {
		for _, x := range p {
			n += len(x) + 2
		}
	}
	var b strings.Builder
	b.Grow(n)
	for _, p := range paras {
		started := false
		for _, x := range p {
			if x == "" {
				continue
			}
			switch {
			case started:
				b.WriteByte(' ')
			case b.Len() > 0:
				b.WriteString("\n\n")
			}
			started = true
			b.WriteString(x)
		}
	}
	return b.String()
}

// last is the current paragraph's sentences.
func (d *draft) last() []string {
	if len(d.paras) == 0 {
		return nil
	}
	return d.paras[len(d.paras)-1]
}

// words is how many words the draft has.
func (d *draft) words() int {
	if t := d.text(); t != d.counted || d.counted == "" {
		d.counted, d.nwords = t, countWords(t)
	}
	return d.nwords
}

// The ways an e-mail opens: people do not write every letter in one
// shape.
const (
	openThanksFirst  = iota // thanks that name the role, the decline, the reason
	openDeclineFirst        // the decline, the reason, thanks
	openReasonSo            // thanks that name the role, then the reason leading to the decline ("..., so I must decline")
	openJoined              // the decline with the reason set in, thanks
	openDetailFirst         // the user's detail, then as openDeclineFirst
	openContext             // what the letter is about (or, to a person, a short line of their own), the decision, the reason, thanks
	openSorryFirst          // a cancellation: the apology with the cancellation set in, the reason, thanks
	openReasonFirst         // a cancellation: the reason leading to it ("..., so I need to cancel our interview on ..."), thanks
)

// openingsBySituation weight the openings. A third of people's letters
// open with the decision itself or a line on what the letter is about
// and thank afterwards; the rest thank first and decline in the next
// sentence, the more so after an interview or an offer. A cancellation
// more often opens on the interview it cancels, and a withdrawal before
// any interview with the decision. A cancellation is written in more
// shapes than thanks and then the decision: a reader of a few saw every
// one open "Thank you for taking the time to arrange our interview on
// ..."; people cancelling a booked slot open as often with the decision,
// with the apology, or with what led to it, and thank afterwards.
var openingsBySituation = map[Situation][]int{
	SituationWithdrawal:      {openThanksFirst, openThanksFirst, openThanksFirst, openReasonSo, openDeclineFirst, openJoined, openContext, openDetailFirst},
	SituationInvitation:      {openThanksFirst, openThanksFirst, openThanksFirst, openReasonSo, openDeclineFirst, openJoined, openContext, openDetailFirst},
	SituationBeforeInterview: {openThanksFirst, openDeclineFirst, openSorryFirst, openReasonFirst, openReasonFirst, openJoined, openContext, openDetailFirst, openSorryFirst, openDeclineFirst},
	SituationAfterInterview:  {openThanksFirst, openThanksFirst, openThanksFirst, openReasonSo, openReasonSo, openDeclineFirst, openJoined, openContext, openDetailFirst},
	SituationOffer:           {openThanksFirst, openThanksFirst, openThanksFirst, openReasonSo, openReasonSo, openDeclineFirst, openContext, openDetailFirst},
}

// maxReasonFirstWords is the most words of a cancellation's first
// sentence that opens with its reason.
const maxReasonFirstWords = 34

// The ways an e-mail ends. Each ends on one closing line: the offer of
// help, or with none, thanks once more or a wish; a stack of them (an
// apology, thanks for understanding, a wish) reads as padding.
const (
	endNone        = iota // one paragraph: the closing line ends it, the offer often set into its thanks
	endOffer              // the closing line opens a paragraph of its own, sometimes after the thanks moved there
	endThanksOffer        // one closing sentence: thanks once more with the offer set in
)

// endingsBySituation weight the endings: an application withdrawn early
// is answered in a few sentences and often one paragraph, an offer turned
// down after a long process in two or more, most often closing on thanks
// once more with the offer set in, as people close such a letter.
var endingsBySituation = map[Situation][]int{
	SituationWithdrawal:      {endNone, endNone, endOffer, endOffer, endThanksOffer},
	SituationInvitation:      {endNone, endOffer, endOffer, endThanksOffer, endThanksOffer},
	SituationBeforeInterview: {endNone, endOffer, endThanksOffer, endOffer},
	SituationAfterInterview:  {endNone, endOffer, endOffer, endThanksOffer, endThanksOffer},
	SituationOffer:           {endOffer, endThanksOffer, endThanksOffer, endThanksOffer},
}

// minBodyWords is the fewest words an e-mail's body has between greeting
// and sign-off in each situation; a shorter one gets a closing wish or
// thanks. Each letter adds up to extraWords more, chosen by its wording,
// so letters in one situation do not all stop at one length. A note that
// declines a first invitation or withdraws an application nobody has
// discussed yet may be three sentences, as people's are; an offer turned
// down after several rounds is longer, by what it says rather than by
// padding (see pad).
var minBodyWords = map[Situation]int{
	SituationWithdrawal:      31,
	SituationInvitation:      28,
	SituationBeforeInterview: 34,
	SituationAfterInterview:  42,
	SituationOffer:           54,
}

// extraWords is the most words a letter of each situation adds to its
// least (see minBodyWords).
var extraWords = map[Situation]int{
	SituationWithdrawal:      18,
	SituationInvitation:      18,
	SituationBeforeInterview: 14,
	SituationAfterInterview:  18,
	SituationOffer:           12,
}

// longLetters is, per situation and tone, in how many letters of ten the
// writer says more: after an interview a letter may say what the
// meetings were like as well as what it knows of the reader's side, and
// close on a wish as well as the offer. An offer letter says one of them,
// not both (see reflect): in these letters what the meetings were like,
// where it does not say the decision was hard; warm ones more often.
// longWords is what an interview letter's least grows by.
var longLetters = map[Situation]map[Tone]int{
	SituationAfterInterview: {ToneFormal: 2, ToneWarm: 3},
	SituationOffer:          {ToneFormal: 5, ToneWarm: 8},
}

const longWords = 26

// briefLetters is, per situation, in how many letters of ten the writer
// keeps to a short note: a withdrawal before anyone has met, or a first
// invitation declined, is often three sentences (thanks, the decision
// with its reason, a close), with short ones chosen for each.
var briefLetters = map[Situation]int{SituationWithdrawal: 3, SituationInvitation: 4}

// maxBriefWords is the most words of an opening sentence in a brief
// letter.
const maxBriefWords = 16

// brief reports a letter kept to a short note (see briefLetters).
func (e *emailWriter) brief() bool {
	return e.c.index(partReflect+6*partLead, 10) < briefLetters[e.r.Situation]
}

// briefly is list, or in a brief letter its short phrasings (see short).
func (e *emailWriter) briefly(list []string) []string {
	if !e.brief() {
		return list
	}
	return short(list, maxBriefWords)
}

// longLetter reports a letter that says more (see longLetters).
func (e *emailWriter) longLetter() bool {
	return e.c.index(partReflect+5*partLead, 10) < longLetters[e.r.Situation][e.r.Tone]
}

// emailBody writes the e-mail: the greeting; a first paragraph that
// declines, thanks and gives the reason, in one of several orders; the
// user's detail where it fits; the offer of help, a wish or thanks once
// more, in one of several endings; the signature.
func emailBody(r Request, v values, c chooser) string {
	c.meetings = r.Situation == SituationOffer
	e := emailWriter{r: r, v: v, c: c}
	e.opening()
	e.thanksApart()
	e.apologise()
	e.reflect()
	e.ending()
	e.thankOnce()
	body := e.d.text()
	// The sign-off repeats no word of the line before it ("I wish you
	// well." is not signed "With best wishes,").
	// Nor does it say what the record of the letter allows no more
	// (thanks a third time, "Thanks again,", or a second wish: "I hope
	// the recruitment goes well." is not signed "Best wishes,"), nor
	// thank a second time in a short letter. Those sign-offs are left
	// out, not skipped to the next one, so that the others are chosen
	// evenly.
	list, rec := signoffList(r), c.saidOf(body)
	if rec.thanks > 0 && shortBody(body) {
		list = slices.DeleteFunc(slices.Clone(list), thanks)
	}
	signoff := c.pickFresh(partSignoff, rec.fresh(list, ""), lastSentences(body, 1), nil)
	return paragraphs(greetingLine(r, v, c), body, v.signature(signoff))
}

// emailWriter writes one e-mail's body into d.
type emailWriter struct {
	r          Request
	v          values
	c          chooser
	d          draft
	detailDone bool
	wished     bool      // a closing wish is written
	thankedEnd bool      // thanks once more are written
	reflected  bool      // a paragraph on what the process meant is begun, which the closing line ends
	offerLine  string    // the offer of help, when it stands as a sentence of its own
	offers     *[]string // the offers of offerList, once read
	context    string    // the line on what the letter is about, when it opens with one
	// reasonGiven: the opening has given the reason (see reasonSo).
	reasonGiven bool
	// ownDone: the user's own reason (reason other) is written.
	ownDone bool
	// movedThanks: the thanks that ended the first paragraph open the
	// closing one (see moveThanks).
	movedThanks bool
}

// say writes the sentence of part from list (with leads, if any), chosen
// to follow what is written.
func (e *emailWriter) say(part int, list, leads []string) {
	e.d.add(e.pick(part, list, leads, e.v, e.d.text(), e.pending()))
}

// pending is the user's detail and own reason while they are still to
// be written, whose words the sentences before them avoid: they may come
// next ("I have decided to withdraw it, as I have decided to accept a
// position in ..." said "decided" twice).
func (e *emailWriter) pending() string {
	detail, own := e.r.Detail, ""
	if e.detailDone {
		detail = ""
	}
	if e.r.Reason == ReasonOther && !e.ownDone {
		own = e.r.ReasonDetail
	}
	switch {
	case own == "":
		return detail
	case detail == "":
		return own
	}
	return detail + "\n" + own
}

// reason writes the reason, and after it the user's detail when that is
// a fact of their own that explains their own reason further (reason
// other), which belongs beside it: later it reads as an afterthought. A
// detail that is the rival offer or the real reason stands in place of
// the reason of the list, so the letter never gives the reason twice in
// two wordings; one that frames the decision ("as I explained this
// morning") opens the reason's sentence.
func (e *emailWriter) reason() {
	if e.factReplacesReason() {
		e.detailDone = true
		e.ownReason(e.r.Detail, detailKindOf(e.r))
		return
	}
	if e.r.Reason == ReasonOther {
		e.ownDone = true
		e.ownReason(e.r.ReasonDetail, DetailReason)
		e.factAfterReason()
		return
	}
	list, prev := reasonList(e.r), ""
	if p := e.d.last(); len(p) > 0 && declines(words(p[len(p)-1])) {
		prev = p[len(p)-1]
		// After a decline that could not take it, the reason stands as
		// a plain sentence of its own, as people give one ("I have
		// accepted a position elsewhere."), with no frame ("To be
		// honest, ...", "The main reason is that ..."): after a short
		// decline a fuller one, so that two curt facts do not stand
		// side by side ("I am declining it. I have accepted another
		// role.").
		list = standalone(list, p[len(p)-1])
	}
	s := forRole(e.r, e.pick(partReason, list, nil, reasonValues(e.r, e.v), e.d.text(), e.pending()))
	if prev != "" && repeatsStem(contentStems(prev), s) {
		// No fuller one avoids the decline's words: a shorter one
		// does, rather than echo it.
		s = forRole(e.r, e.pick(partReason, reasonList(e.r), nil, reasonValues(e.r, e.v), e.d.text(), e.pending()))
	}
	e.d.add(e.framed(s))
	e.factAfterReason()
}

// ownLead reports a phrasing that opens with a short lead and a comma
// ("For my next step, ...", "Having met the team, ...").
func ownLead(s string) bool {
	lead, _, ok := strings.Cut(s, ",")
	return ok && countWords(lead) <= 5
}

// ownReason writes a reason in the user's words (see ownReason), a noun
// phrase set into the decline just written when it can take it ("I must
// decline because of certain family matters.", "Due to time constraints,
// I am withdrawing ..."; see joinPhrase).
func (e *emailWriter) ownReason(own string, kind DetailKind) {
	p := e.d.last()
	if w := readOwn(own, e.r.Tone); kind == DetailReason && w.shape != ownClause && !e.framePending() && len(p) > 0 && declines(words(p[len(p)-1])) {
		if s := joinPhrase(p[len(p)-1], w.phrase(e.r.Tone, e.c), e.v, e.c, false); w.phrase(e.r.Tone, e.c) != "" && s != "" {
			p[len(p)-1] = s
			e.d.valid = false
			return
		}
	}
	// A clause joins the short decline before it in four letters of
	// five: "I will not be continuing in the process, as I want to move
	// closer to platform work."
	if w := readOwn(own, e.r.Tone); kind == DetailReason && w.single() && !e.framePending() && len(p) > 0 && e.c.index(partJoin+6*partLead, 5) != 0 {
		if j := asClause(p[len(p)-1], w.clause(), e.v); j != "" {
			p[len(p)-1] = j
			e.d.valid = false
			return
		}
	}
	s := e.framed(ownReason(e.r, e.v, e.c, own, kind, e.d.text(), true))
	if kind == DetailOffer && len(p) > 0 && s != "" && e.c.index(partJoin+4*partLead, 3) != 0 {
		if j := asOwn(p[len(p)-1], s, e.v); j != "" {
			p[len(p)-1] = j
			e.d.valid = false
			return
		}
	}
	e.d.add(s)
}

// asOwn sets the rival offer in the user's words ("I have accepted a
// position in ...") into the short decline before it
// after ", as": "I have decided to decline. I have accepted ..." in one
// letter after another read as a form filled in. "" when either sentence
// cannot take it.
func asOwn(decl, own string, v values) string {
	d := unstopped(decl, v)
	first, _, _ := strings.Cut(own, " ")
	if strings.HasSuffix(d, ".") || strings.ContainsAny(d, ";:–") || strings.Count(d, ",") > 1 || strings.ContainsAny(own, ",;:–") || !declines(words(d)) || thanks(d) ||
		countWords(d) > 14 || countWords(d)+countWords(own) > 30 || v.namesSlot(d) {
		return ""
	}
	if first != "I" && !strings.HasPrefix(first, "I'") {
		return ""
	}
	for _, w := range []string{"because", "as", "so", "since", "but", "therefore"} {
		if slices.Contains(words(d), w) || slices.Contains(words(own), w) {
			return ""
		}
	}
	return d + ", as " + lowerFirst(own)
}

// asClause sets the user's reason, a plain clause, into the short decline
// before it after ", as"; "" when the decline cannot take it.
func asClause(decl, clause string, v values) string {
	d := unstopped(decl, v)
	body := d
	if lead, rest, ok := strings.Cut(d, ", "); ok && countWords(lead) <= 2 {
		body = rest // "Unfortunately, I have decided ..."
	}
	if strings.HasSuffix(d, ".") || strings.ContainsAny(body, ",;:–") || !declines(words(d)) || thanks(d) ||
		countWords(d) > 16 || countWords(d)+countWords(clause) > 32 || (v.slot != "" && strings.Contains(d, v.slot)) {
		return ""
	}
	for _, w := range []string{"because", "as", "so", "since", "but", "therefore"} {
		if slices.Contains(words(d), w) {
			return ""
		}
	}
	return d + ", as " + clause + "."
}

// framed opens s with the user's detail when that frames the decision
// and is still to be written.
func (e *emailWriter) framed(s string) string {
	if s == "" || !e.framePending() {
		return s
	}
	e.detailDone = true
	return capitalizeSafe(e.r.Detail) + ", " + lowerFirst(s)
}

// framePending reports a detail still to be written that frames the
// decision.
func (e *emailWriter) framePending() bool {
	return !e.detailDone && e.r.Detail != "" && framing(e.r.Detail)
}

// factPending reports a detail still to be written that is a fact of the
// user's own (the rival offer, the real reason), not something they
// appreciated.
func (e *emailWriter) factPending() bool {
	return !e.detailDone && (detailInReason(e.r) || detailAfterReason(e.r))
}

// appreciationPending reports a detail still to be written that says what
// the user appreciated, which belongs beside the thanks.
func (e *emailWriter) appreciationPending() bool {
	return !e.detailDone && detailAppreciated(e.r)
}

// factReplacesReason reports a fact detail that gives the reason itself:
// the rival offer named, or the real reason.
func (e *emailWriter) factReplacesReason() bool {
	return !e.detailDone && detailInReason(e.r)
}

// factAfterReason writes a fact detail right after the reason.
func (e *emailWriter) factAfterReason() {
	if e.factPending() {
		e.detail(false, false)
	}
}

// detail writes the user's detail, unless it is written or, when it may
// wait, would repeat a word of the sentence before it.
func (e *emailWriter) detail(first, mayWait bool) {
	if e.detailDone || e.r.Detail == "" {
		return
	}
	if framing(e.r.Detail) {
		return // set into the reason or the decline (see framed)
	}
	if mayWait && sharesStem(contentStems(lastSentences(e.d.text(), 1)), contentStems(e.r.Detail)) {
		return
	}
	if !detailAppreciated(e.r) {
		e.detailDone = true
		e.d.add(ownReason(e.r, e.v, e.c, e.r.Detail, detailKindOf(e.r), e.d.text(), !detailAfterReason(e.r)))
		return
	}
	e.d.add(detailSentence(e.r, e.v, e.c, e.d.text(), first))
	e.detailDone = true
}

// opening writes the first paragraph. The user's detail, unless it opens
// the letter, follows the first thanks, as one more thing to be grateful
// for: after the reason it would read as an afterthought.
func (e *emailWriter) opening() {
	sit, tone, c := e.r.Situation, e.r.Tone, e.c
	shapes := openingsBySituation[sit]
	shape := shapes[c.index(partLayout, len(shapes))]
	if shape == openDetailFirst && !detailAppreciated(e.r) {
		others := slices.DeleteFunc(slices.Clone(shapes), func(s int) bool { return s == openDetailFirst })
		shape = others[c.index(partLayout+partLead, len(others))]
	}
	if e.appreciationPending() && (shape == openDeclineFirst || shape == openJoined || shape == openContext || shape == openSorryFirst || shape == openReasonFirst) {
		// What the user appreciated sits beside the first thanks,
		// before the decision: after the decline and its reason
		// ("Thank you for thinking of me. I found the way you described
		// the role really clear.") it reads as an afterthought.
		shape = []int{openThanksFirst, openDetailFirst}[c.index(partLayout+7*partLead, 2)]
	}
	if shape == openDetailFirst && c.isCalm() && sit == SituationOffer {
		// The detail opens a letter in a sentence that says what it
		// made the decision ("..., which makes this a harder letter to
		// write"); one that may not say so would open "I especially
		// valued how quickly you made the offer.", an "especially"
		// after nothing: the detail follows the thanks.
		shape = openThanksFirst
	}
	if shape == openDetailFirst {
		e.detail(true, false)
		shape = openDeclineFirst
	}
	switch {
	case shape == openReasonSo && (e.r.Reason == ReasonAnotherOffer || e.framePending()):
		// "I have accepted a role elsewhere, so I must decline" says
		// the one act twice; a frame opens the reason's sentence.
		shape = openThanksFirst
	case shape == openJoined && e.framePending():
		shape = openDeclineFirst
	case shape == openReasonFirst && (e.r.Reason == ReasonAnotherOffer || e.framePending() || e.factReplacesReason() || strings.HasSuffix(e.v.company, ".") || reasonClause(e.r, e.v, c, "", "") == ""):
		// "I have accepted a role elsewhere, so I am withdrawing" says
		// the one act twice; a frame or the user's own fact opens the
		// reason's sentence itself; after "Acme Inc." the clause would
		// read as two sentences; and a reason that is no plain clause
		// cannot lead.
		shape = openDeclineFirst
	}
	if shape == openContext && e.contextOpening() {
		if !e.reasonGiven && !e.linkReason() {
			e.reason()
		}
		e.thanksAfter()
		return
	}
	if e.framePending() && e.r.Reason == ReasonNone {
		// No reason to open: the frame opens the decline.
		e.d.add(e.framed(e.c.sentenceAvoiding(partOpening, e.briefly(declinesNamed[sit][tone]), nil, e.v, e.d.text(), "")))
		e.say(partThanks, thanksFor(e.r, false), thanksLeads[e.r.Tone])
		return
	}
	switch shape {
	case openSorryFirst, openReasonFirst:
		// A cancellation that opens with the apology ("I am sorry for
		// the short notice, but I need to cancel our interview on
		// ..."), which apologise then does not repeat, or with what
		// led to it ("My circumstances have changed, so I need to
		// cancel our interview on ..."); either names the interview and
		// the role, and the thanks follow.
		clause := ""
		if shape == openReasonFirst {
			clause = reasonClause(e.r, e.v, c, "", "")
		}
		decl := ""
		if clause != "" {
			decl = c.sentenceAvoiding(partOpening, notRepeating(cancelsAfterReason[tone], e.v, clause), nil, e.v, clause+".", e.pending())
		}
		// A long reason opens no sentence that must still cancel,
		// name the interview and the role: it would run past
		// maxReasonFirstWords words.
		if clause != "" && countWords(clause)+countWords(decl) <= maxReasonFirstWords {
			e.d.add(causeFirst(clause, decl))
		} else {
			e.say(partOpening, fitNotice(e.r, sorryCancels[tone]), nil)
			e.reason()
		}
		e.thanksAfter()
	case openThanksFirst:
		// The detail follows the thanks, and the decline then says
		// what it declines instead of an "it" that would point at the
		// detail; with no such decline it follows the decline.
		e.say(partThanks, e.briefly(thanksFor(e.r, true)), nil)
		if bare := bareDeclines.withoutIt[sit][tone]; len(bare) > 0 && e.appreciationPending() {
			e.detailAfterThanks()
			e.say(partOpening, bare, bareLeads[tone])
			if e.linkReason() {
				break
			}
		} else {
			e.say(partOpening, declinesBare[sit][tone], bareLeads[tone])
			if e.linkReason() {
				break
			}
			e.detailAfterThanks()
		}
		e.reason()
	case openReasonSo:
		// The reason leads to the decline, as its cause: "I have
		// accepted a role elsewhere, so I must decline."
		e.say(partThanks, e.briefly(thanksFor(e.r, true)), nil)
		appreciated := e.appreciationPending()
		e.detailAfterThanks()
		clause := ""
		// After a company that ends in a full stop ("Acme Inc.") a
		// long sentence would read as one with the thanks.
		if !e.factReplacesReason() && !strings.HasSuffix(e.v.company, ".") {
			clause = reasonClause(e.r, e.v, c, e.d.text(), "")
		}
		so := e.declinesAfterSo()
		if clause == "" || len(so) == 0 {
			// After the user's detail the decline says what it declines:
			// "The time and effort you invested ... meant a great deal
			// to me. Unfortunately, I will not be accepting it." pointed
			// its "it" at the time and effort.
			list := declinesBare[sit][tone]
			if bare := bareDeclines.withoutIt[sit][tone]; appreciated && len(bare) > 0 {
				list = bare
			}
			e.say(partOpening, list, nil)
			e.reason()
			break
		}
		decl := c.sentenceAvoiding(partOpening, notRepeating(so, e.v, clause), nil, e.v, e.d.text()+" "+clause+".", e.pending())
		e.d.add(causeFirst(clause, decl))
		e.factAfterReason()
	case openJoined:
		decl := c.sentenceAvoiding(partOpening, e.briefly(declinesNamed[sit][tone]), nil, e.v, e.d.text(), e.pending())
		if clause := reasonClause(e.r, e.v, c, decl, decl); clause != "" && countWords(decl) <= 20 && countWords(decl)+countWords(clause) <= 34 && !e.factReplacesReason() {
			e.d.add(joinReason(decl, clause, e.v, c))
			e.factAfterReason()
		} else {
			e.d.add(decl)
			e.reason()
		}
		e.thanksAfter()
	default:
		e.say(partOpening, e.briefly(declinesNamed[sit][tone]), declineLeads[tone])
		if !e.linkReason() {
			e.reason()
		}
		e.thanksAfter()
	}
}

// contextOpening writes a line on what the letter is about and the
// decision after it; to a person, in one letter of three, a short line of
// their own instead, and the decision that names the role. It reports
// whether it wrote them: not when the user's detail frames the decision,
// which opens it (see framed).
func (e *emailWriter) contextOpening() bool {
	sit, tone := e.r.Situation, e.r.Tone
	if e.framePending() {
		return false
	}
	if e.r.Contact.Kind == ContactPerson && sit != SituationBeforeInterview && e.c.index(partIntro+2*partLead, 3) == 0 {
		e.say(partIntro, personalLines[tone], nil)
		e.context = lastSentences(e.d.text(), 1)
		e.say(partOpening, e.briefly(declinesNamed[sit][tone]), declineLeads[tone])
		return true
	}
	e.say(partIntro, contextLines[sit][tone], nil)
	e.context = lastSentences(e.d.text(), 1)
	if sit != SituationBeforeInterview && e.c.index(partIntro+4*partLead, 2) == 0 && e.reasonSo() {
		return true
	}
	e.say(partOpening, declinesBare[sit][tone], declineLeads[tone])
	return true
}

// reasonSo writes the reason leading to the decline, as its cause ("I
// have realised that the package does not quite meet my needs, so I am
// going to decline."), after a line on what the letter is about: people
// put the reason before the decision as often as after it, and a letter
// that always declines and then says why was a blind reader's tell. It
// reports whether it wrote them: not for another offer ("I have accepted
// a role elsewhere, so I must decline" says the one act twice), nor when
// the user's detail gives or frames the reason, nor after a company that
// ends in a full stop, where the long sentence would read as one with the
// line before it.
func (e *emailWriter) reasonSo() bool {
	so := e.declinesAfterSo()
	if len(so) == 0 || e.r.Reason == ReasonAnotherOffer || e.factReplacesReason() || e.framePending() || e.appreciationPending() || strings.HasSuffix(e.v.company, ".") {
		return false
	}
	clause := reasonClause(e.r, e.v, e.c, e.d.text(), "")
	if clause == "" {
		return false
	}
	decl := e.c.sentenceAvoiding(partOpening, notRepeating(so, e.v, clause), nil, e.v, e.d.text()+" "+clause+".", e.pending())
	if decl == "" || repeatsStem(contentStems(e.context), clause+" "+decl) {
		return false // every decline would echo the line before it
	}
	e.d.add(causeFirst(clause, decl))
	e.reasonGiven = true
	e.factAfterReason()
	return true
}

// thanksApart sets the thanks that open a letter declining an offer or
// withdrawing after an interview in a paragraph of their own, in one such
// letter of three, as many people open a longer letter ("Thank you very
// much for your offer of ...", then the decision and its reason): the
// decision follows in the next sentence, so it is still at the start.
func (e *emailWriter) thanksApart() {
	sit := e.r.Situation
	if sit != SituationOffer && sit != SituationAfterInterview || len(e.d.paras) != 1 || e.c.index(partLayout+5*partLead, 3) != 0 {
		return
	}
	p := e.d.paras[0]
	if len(p) < 2 || !thanks(p[0]) || declines(words(p[0])) || !declines(words(p[1])) {
		return
	}
	e.d.paras = [][]string{p[:1], p[1:]}
	e.d.valid = false
}

// linkReason sets the reason into the short decline just written as its
// cause, whenever the decline can take it ("I have decided to decline, as I
// have accepted another role."): a bare decline followed by a bare
// reason, one fact a sentence, was a blind reader's tell. It reports
// whether it did; not when the user's detail is still to come beside
// the thanks or gives the reason itself.
func (e *emailWriter) linkReason() bool {
	p := e.d.last()
	if len(p) == 0 || e.appreciationPending() || e.factReplacesReason() || e.framePending() {
		return false
	}
	decl := p[len(p)-1]
	body := decl
	if lead, rest, ok := strings.Cut(decl, ", "); ok && countWords(lead) <= 5 && !declines(words(lead)) {
		// "Unfortunately, I have decided to ...", "After a lot of
		// thought, I am ...", "It was a hard decision, but I must turn
		// it down" take a reason too; a decline with a tag after it
		// does not ("I can't accept it, I'm afraid because ...").
		body = strings.TrimPrefix(rest, "but ")
	}
	if countWords(decl) > 13 || strings.ContainsAny(body, ",;:–") || !declines(words(decl)) {
		return false
	}
	if len(p) > 1 && strings.HasSuffix(e.v.company, ".") && strings.HasSuffix(p[len(p)-2], e.v.company) {
		return false // after "Acme Inc." a reader, and the checker, reads on as one sentence
	}
	bodyWs := words(body)
	for _, w := range []string{"because", "as", "since", "so", "but"} {
		if slices.Contains(bodyWs, w) {
			return false
		}
	}
	clause := reasonClause(e.r, e.v, e.c, e.d.text(), decl)
	if clause == "" {
		return false
	}
	p[len(p)-1] = joinReason(decl, clause, e.v, e.c)
	e.d.valid = false
	e.factAfterReason()
	return true
}

// reflect opens a second paragraph, in a letter that declines after
// meeting the people: an offer turned down after several rounds is longer
// and warmer than a note that declines a first invitation. Where the
// letter may still say the decision was hard (see mayTellHard) the line
// says so ("It was a hard decision, and I didn't make it lightly."), in
// every such offer letter and one such interview letter in two; any other
// offer letter says what the meetings were like or what the decline
// costs the writer ("I would have liked to work with you."), one line,
// never a stack of them: readers remembered the stock lines of offer
// letters that said three or four. Not in an interview letter with what
// the user appreciated, which says it better (the rival offer or a real
// reason does not).
func (e *emailWriter) reflect() {
	list := reflections[e.r.Situation][e.r.Tone]
	if e.c.isCalm() {
		// The letter may not say the decision was hard, or has: an
		// offer letter says what it knows of the reader's side instead.
		list = acknowledgments[e.r.Situation][e.r.Tone]
	}
	// Nor after a line on what the letter is about: "I have now had
	// time to consider your offer" has said it.
	// An offer letter with what the user appreciated still says its one
	// line (that the decision was hard, or what it knows of the reader's
	// side), which the detail does not say; not what the meetings were
	// like, which the detail says better.
	offer := e.r.Situation == SituationOffer
	appreciated := e.r.Detail != "" && detailAppreciated(e.r)
	long := e.longLetter() && !appreciated
	if len(list) == 0 || !long && (e.context != "" || appreciated && !offer || !offer && e.c.index(partReflect+partLead, 2) == 0) {
		return
	}
	// Thanks that end a first paragraph of three sentences or more open
	// the paragraph on what the process meant, beside it.
	var moved string
	if p := e.d.last(); len(e.d.paras) == 1 && len(p) >= 3 && thanks(p[len(p)-1]) && !declines(words(p[len(p)-1])) {
		moved = p[len(p)-1]
		e.d.paras[0] = p[:len(p)-1]
	}
	e.d.br()
	e.d.add(moved)
	// A longer letter says what meeting the people was like, in a
	// sentence that neither thanks nor names the detail it lacks. Every
	// letter says one such thing, not a stack of them: that the
	// decision was hard, or else what the meetings were like, or else
	// (an offer letter) what it knows of the reader's side. A letter
	// after an interview that said both, and thanks once more, ran to
	// three stock lines and 89 words.
	// Nor, in an offer letter, right after a sentence that spoke of
	// the meetings: it says one of the other lines instead (see
	// chooser.meetings).
	meeting := long && (!offer || e.c.isCalm() && !spokeOfMeetings(lastSentences(e.d.text(), 1)))
	if meeting {
		e.say(partReflect+2*partLead, toReader(e.r, meetingLines[e.r.Tone]), nil)
	}
	if !meeting && (offer || !long || e.context == "") {
		e.say(partReflect, toReader(e.r, list), nil)
	}
	e.reflected = true
}

// apologise says sorry in a letter that cancels an interview and has
// not: after the cancellation and what explains it (the reason, the
// user's detail), before any thanks that follow.
func (e *emailWriter) apologise() {
	text := e.d.text()
	if e.r.Situation != SituationBeforeInterview || len(e.d.paras) == 0 || slices.ContainsFunc(splitSentences(text), apologetic) {
		return
	}
	p := e.d.paras[0]
	at := len(p)
	for i, s := range p {
		if s != e.context && !thanks(s) && slices.ContainsFunc(cancelWords, func(w string) bool { return containsFold(s, w) }) {
			at = i + 1
			break
		}
	}
	for at < len(p) && !thanks(p[at]) {
		at++
	}
	next := ""
	if at < len(p) {
		next = p[at]
	}
	s := e.c.sentenceAvoiding(partAsk+partLead, fitNotice(e.r, apologies[e.r.Tone]), nil, e.v, sentences(p[:at]...), next)
	e.d.paras[0] = slices.Insert(p, at, s)
	e.d.valid = false
}

// cancelWords mark the sentence that cancels the interview, after which
// (and after what explains it) the apology goes.
var cancelWords = []string{"cancel", "call", "withdraw", "attend", "be there", "make it", "pull", "interview"}

// thanksSit is the situation whose thanks the letter says.
func (e *emailWriter) thanksSit() Situation { return thanksSituation(e.r) }

// thanksAfter thanks the reader after the decision, in a sentence that
// does not name the role, and writes beside the thanks what the user
// appreciated, if that is still to be written.
func (e *emailWriter) thanksAfter() {
	e.say(partThanks, thanksFor(e.r, false), thanksLeads[e.r.Tone])
	e.detailAfterThanks()
}

// detailAfterThanks writes the user's detail, if it is still to be
// written and says what they appreciated, beside the thanks just
// written. A fact of the user's own goes beside the reason instead (see
// reason).
func (e *emailWriter) detailAfterThanks() {
	if e.appreciationPending() {
		e.detail(false, false)
	}
}

// short reports a letter body of four sentences or fewer, which thanks
// once: "Many thanks for getting in touch ... Thank you once more for
// thinking of me" in four sentences reads as gushing.
// The full stops of "2 p.m." end no sentence.
func shortBody(body string) bool {
	if strings.Contains(body, ".m.") {
		body = clockDots.Replace(body)
	}
	n := 0
	for range sentenceSeq(body) {
		if n++; n > 4 {
			return false
		}
	}
	return true
}

// thankOnce ends a short letter that has already thanked on its offer or
// a wish, without the thanks once more: "Thank you again for thinking of
// me, and I would be glad to stay in touch." keeps its offer, "I hope the search
// goes well, and thanks again for your time." its wish, and thanks alone
// give way to a wish.
func (e *emailWriter) thankOnce() {
	text := e.d.text()
	p := e.d.last()
	if len(p) == 0 || !shortBody(text) || e.c.saidOf(text).thanks < 2 {
		return
	}
	last := p[len(p)-1]
	if !thanks(last) {
		return
	}
	if e.r.Detail != "" && strings.Contains(last, e.r.Detail) {
		return // the thanks carry what the user appreciated
	}
	before := e.textBefore(last)
	if first := lastSentences(before, 4); !thanks(splitSentences(first)[0]) {
		return // the letter did not open with thanks
	}
	head, tail, joined := strings.Cut(last, ", and ")
	switch {
	case joined && thanks(head) && !thanks(tail):
		p[len(p)-1] = strings.ToUpper(tail[:1]) + tail[1:]
	case joined && !thanks(head) && thanks(tail):
		p[len(p)-1] = unstopped(head, e.v) + "."
	case e.wished:
		// A wish is written already: the thanks go, and it closes.
		e.d.paras[len(e.d.paras)-1] = p[:len(p)-1]
		e.d.mergeLoneSentence(false)
	default:
		list := slices.DeleteFunc(e.closings(), thanks)
		p[len(p)-1] = e.pick(partClosing, list, nil, e.v, before, "")
		e.wished = true
	}
	e.thankedEnd = false
	e.d.valid = false
	e.courtesyIfShort()
}

// courtesyIfShort sets a word on why the writer wrote now ("I wanted to
// let you know straight away.") before the closing line of a letter that
// thanking once has left shorter than its situation's least.
func (e *emailWriter) courtesyIfShort() {
	p := e.d.last()
	if len(p) == 0 || e.d.words() >= minBodyWords[e.r.Situation] || hasCourtesy(e.d.text()) {
		return
	}
	if e.r.Situation == SituationOffer && e.reflected {
		// An offer letter with its one warm line has said enough (see
		// pad): "It's been good getting to know you. I really hope
		// this doesn't cause too much trouble. Maybe we'll end up
		// working together another time." is a stack.
		return
	}
	last := p[len(p)-1]
	list := e.withinWarmth(slices.DeleteFunc(e.timely(courtesies[e.r.Situation][e.r.Tone]), thanks))
	before := e.textBefore(last)
	s := e.pick(partClosing+partLead, list, nil, e.v, before, last)
	if s == "" || repeatsStem(contentStems(s), last) || repeatsStem(e.c.lastStems(before, 1), s) {
		return // every courtesy would echo a sentence beside it
	}
	e.d.paras[len(e.d.paras)-1] = slices.Insert(p, len(p)-1, s)
	e.d.valid = false
}

// offer writes the offer of help, if the user chose one: after an
// interview or an offer, sometimes to keep in touch with the people met.
func (e *emailWriter) offer() {
	list := e.offerList()
	if len(list) == 0 {
		// No offer: thanks once more take its place, so a closing
		// paragraph is not a wish alone; unless the letter has closed,
		// or, in the letters that close without a wish, the thanks
		// just written close it.
		if e.noWish() && thanks(lastSentences(e.d.text(), 1)) {
			return
		}
		if !e.wished && !e.thankedEnd {
			e.thanksAgain()
		}
		return
	}
	if thanks(lastSentences(e.d.text(), 1)) {
		// The offer may stand in the place of the thanks before it
		// (see thanksWithOffer): it follows the sentence before them
		// too.
		list = e.c.saidOf(e.d.text()).joined().fresh(list, "")
	}
	e.say(partOffer, list, nil)
	e.offerLine = lastSentences(e.d.text(), 1)
}

// offerList is the phrasings of the chosen offer; empty for none.
// They are read once a letter, and shared: no caller writes into them.
func (e *emailWriter) offerList() []string {
	if e.offers == nil {
		list := toReader(e.r, offersFor(e.r, offerSentences[e.r.Offer][e.r.Tone], offersBySituation))
		e.offers = &list
	}
	return *e.offers
}

// offersFor is the offers of every situation, list, with those of r's
// situation (see offersBySituation) from bySit; a later round declined
// after an interview takes the offers to the people met. Before any
// meeting the offer is short, as people make it in a note. None says
// what the reason contradicts (see offerFollows).
func offersFor(r Request, list []string, bySit map[Situation]map[Offer]toned) []string {
	k := offersKey{list: unsafe.SliceData(list), n: len(list), bySit: reflect.ValueOf(bySit).Pointer(),
		sit: r.Situation, interviewed: r.Interviewed, offer: r.Offer, tone: r.Tone, reason: offerReason(r),
		below: signsDetails(r)}
	if r.Offer == OfferStayInTouch {
		k.aud = audienceOf(r.Contact)
	}
	if v, ok := offersMemo.Load(k); ok {
		return v.([]string)
	}
	out := slices.Clip(readOffersFor(r, list, bySit))
	offersMemo.Store(k, out)
	return out
}

// offersKey is what offersFor reads: the phrase tables it is given (list
// is one of their lists, never written), and of the request the
// situation, the offer and tone, the reason an offer must follow, whether
// the signature carries details below and, for an offer to stay in
// touch, the reader.
type offersKey struct {
	list        *string
	n           int
	bySit       uintptr
	sit         Situation
	interviewed bool
	offer       Offer
	tone        Tone
	reason      Reason
	below       bool
	aud         audience
}

// offersMemo holds offersFor's lists by their offersKey: a few hundred at
// most, from the phrase tables alone, shared and never written.
var offersMemo sync.Map

// readOffersFor is offersFor, read afresh.
func readOffersFor(r Request, list []string, bySit map[Situation]map[Offer]toned) []string {
	sit := r.Situation
	if r.Interviewed && sit == SituationInvitation {
		sit = SituationAfterInterview
	}
	own := offerFollows(r, bySit[sit][r.Offer][r.Tone])
	if list = offerFollows(r, list); len(own) > 0 && !met(r) {
		list = shortOffer(list)
	}
	return detailsBelow(r, offerFits(r, append(slices.Clip(list), own...)))
}

// detailsBelow is list without the offers that point to contact details
// "below" when the letter's signature carries none (no phone or link in
// the sender's profile; the e-mail address is the letter's sender, not
// signed: see signature): a reader found "My contact details are below"
// over a bare name.
func detailsBelow(r Request, list []string) []string {
	if signsDetails(r) {
		return list
	}
	out := slices.DeleteFunc(slices.Clone(list), func(s string) bool { return strings.Contains(s, " below") })
	if len(out) == 0 {
		return list
	}
	return out
}

// signsDetails reports a letter whose signature carries contact details:
// an e-mail from a sender with a phone number or link (see signature).
func signsDetails(r Request) bool {
	return r.Channel == ChannelEmail && (r.Sender.Phone != "" || r.Sender.Link != "")
}

// personalOffer mark an offer that only a person can take up: to connect
// with them, to meet or work together, to be of help to them, to hear
// how their team gets on.
var personalOffer = []string{"linkedin", "look you up", "return the favour", "return the favor", "work together", "working together",
	"bring us together", "with you", "you and", "connect", "of help", "be useful", "ever help", "how the team", "how things go", "team grow",
	"meet", "cross paths", "now and then", "let's"}

// futureRoles mark an offer to be kept in mind for other roles, which a
// careers team, or a reader nobody knows, can take up.
var futureRoles = []string{"role", "opening", "vacanc", "something else", "anything else", "something similar", "position", "hiring for",
	"keep me in mind", "other roles", "future", "timing ever"}

// offerFits is list without the offers r's reader cannot take up: to a
// team nothing personal (a reader found "I'll look you up on LinkedIn" to
// a careers inbox odd); to nobody known, nor "keeping in touch" (nobody
// keeps in touch with "Sir or Madam"), only to be kept in mind for other
// roles. A referral or a good word for the employer suits any reader.
// It is list itself when nothing would be left.
func offerFits(r Request, list []string) []string {
	if r.Offer != OfferStayInTouch {
		return list
	}
	aud := audienceOf(r.Contact)
	if aud == audiencePerson {
		return list
	}
	out := slices.DeleteFunc(slices.Clone(list), func(s string) bool {
		low := strings.ToLower(s)
		has := func(marks []string) bool {
			return slices.ContainsFunc(marks, func(m string) bool { return strings.Contains(low, m) })
		}
		return has(personalOffer) || aud == audienceNobody && (!has(futureRoles) || has([]string{"in touch", "in contact"}))
	})
	if len(out) == 0 {
		return list
	}
	return out
}

// maxShortOffer is the most words of an offer made before any meeting.
const maxShortOffer = 12

// shortOffer is list without the offers longer than maxShortOffer words;
// list itself when none is so short.
func shortOffer(list []string) []string {
	out := slices.DeleteFunc(slices.Clone(list), func(s string) bool { return fieldCount(s) > maxShortOffer })
	if len(out) == 0 {
		return list
	}
	return out
}

// wishesFor is the closing wishes of r's situation that fit its reader.
func wishesFor(r Request) []string { return toReader(r, wishes[r.Situation][r.Tone]) }

// thirdParty mark a phrasing that speaks of the reader's colleagues as
// others ("Please pass on my thanks to everyone I met"): to a team or an
// inbox, the people met are the readers, so it reads as addressed to
// someone else.
var thirdParty = []string{"pass on", "say thanks to", "everyone I met", "your colleagues", "you and the team", "everyone there"}

// toReader is list without the phrasings of thirdParty when r is written
// to a team or nobody known; a new list either way, list itself when
// every phrasing would go.
func toReader(r Request, list []string) []string {
	out := slices.Clone(list)
	if r.Contact.Kind == ContactPerson {
		return out
	}
	out = slices.DeleteFunc(out, func(s string) bool {
		return slices.ContainsFunc(thirdParty, func(m string) bool { return strings.Contains(s, m) })
	})
	if len(out) == 0 {
		return slices.Clone(list)
	}
	return out
}

func (e *emailWriter) wish() {
	if !e.wished {
		e.say(partClosing, e.closings(), nil)
		e.wished = true
	}
}

// thanksAgain closes with thanks once more, or with a wish when the
// sentence before already thanks or the letter has thanked enough.
func (e *emailWriter) thanksAgain() {
	if e.thankedEnd {
		return
	}
	if last := lastSentences(e.d.text(), 1); last != "" && (thanks(last) || apology(last)) || !e.c.saidOf(e.d.text()).mayThank() {
		e.wish()
		return
	}
	e.thankedEnd = true
	// Thanks once more for something else than the first thanks.
	var before []string
	for _, s := range splitSentences(e.d.text()) {
		if thanks(s) {
			before = append(before, s)
		}
	}
	// Nor "again" twice: a letter that opened "Thanks again for the
	// interview" does not close "Thanks again for your time".
	list := e.withinWarmth(freshThanks(thanksAgain[e.thanksSit()][e.r.Tone], e.d.text()))
	e.d.add(e.c.sentenceAvoiding(partThanks+partLead, e.c.saidOf(e.d.text()).fresh(list, ""), nil, e.v, e.d.text(), sentences(before...)))
}

// ending writes what follows the first paragraph: the detail, if not yet
// written, then one closing line in one of the endings.
func (e *emailWriter) ending() {
	c := e.c
	endings := endingsBySituation[e.r.Situation]
	end := endings[c.index(partEnding, len(endings))]
	// The detail joins the first paragraph when it is short, or opens
	// the next one.
	if e.r.Detail != "" && !e.detailDone && len(e.d.last()) <= 2 && c.index(partPlace, 2) == 0 {
		e.detail(false, true)
	}
	switch end {
	case endNone:
		if len(e.offerList()) == 0 && !thanks(lastSentences(e.d.text(), 1)) {
			e.thanksAgain() // not the reason as the last word
		}
		e.offerInto(false)
	case endThanksOffer:
		e.moveThanks()
		e.closingBreak()
		e.detail(false, true)
		e.thanksWithOffer()
	default: // endOffer
		e.moveThanks()
		e.closingBreak()
		e.detail(false, true)
		e.offer()
	}
	if !e.detailDone {
		e.d.br()
		e.detail(false, false)
	}
	e.pad()
	// In one letter of two a closing line keeps its own paragraph, as in
	// many people's letters ("I would be glad to stay in touch." alone).
	e.d.mergeLoneSentence(e.c.index(partLayout+3*partLead, 2) == 0)
}

// closingBreak starts the closing paragraph, unless the paragraph on what
// the process meant is the one the closing line ends: a line of its own
// between the decline and the close reads as a fragment.
func (e *emailWriter) closingBreak() {
	if e.movedThanks {
		return // the closing line follows the thanks that open its paragraph
	}
	// In one offer letter of two whose paragraph on it has two sentences
	// the closing line has its own: an offer turned down after several
	// rounds is often written in three paragraphs or more.
	if !e.reflected || e.r.Situation == SituationOffer && len(e.d.last()) >= 2 && e.c.index(partLayout+4*partLead, 2) == 0 {
		e.d.br()
	}
}

// moveThanks starts the closing paragraph with the thanks that end a
// first paragraph of three sentences or more, as people set the decline
// and its reason apart from their thanks.
func (e *emailWriter) moveThanks() {
	if len(e.d.paras) != 1 {
		return
	}
	p := e.d.paras[0]
	if len(p) < 3 || !thanks(p[len(p)-1]) {
		return
	}
	e.d.paras = [][]string{p[:len(p)-1], {p[len(p)-1]}}
	e.d.valid = false
	e.movedThanks = true
}

// mergeLoneSentence joins a last paragraph of one sentence to the one
// before it: an offer or thanks on a line of its own reads as a
// template's fixed ending in every letter; not after a paragraph of four
// sentences or more, which people set apart from their closing line, nor
// when keep (one letter in two: see ending), unless the paragraph before
// is one sentence too: two one-line paragraphs in a row read as notes.
func (d *draft) mergeLoneSentence(keep bool) {
	for len(d.paras) > 0 && len(d.paras[len(d.paras)-1]) == 0 {
		d.paras = d.paras[:len(d.paras)-1] // an empty paragraph is no paragraph
	}
	n := len(d.paras)
	if keep && len(d.paras[max(n-2, 0)]) >= 2 || n < 2 || len(d.paras[n-1]) != 1 || len(d.paras[n-2]) >= 4 {
		return
	}
	d.paras[n-2] = append(d.paras[n-2], d.paras[n-1][0])
	d.paras = d.paras[:n-1]
	d.valid = false
}

// pad sets a wish into the closing line of a letter too short to read as
// considered ("I hope the interviews go well, and thanks again for
// getting in touch."), or, when that line cannot take it, before it: one
// closing thought, not a stack of them. The shortest a letter may be
// depends on the situation and, within a range, on its wording.
func (e *emailWriter) pad() {
	least := minBodyWords[e.r.Situation] + e.c.index(partEnding+partLead, extraWords[e.r.Situation])
	switch {
	case e.r.Situation == SituationOffer:
		// An offer letter's length comes from what it says (the user's
		// detail, the decision, what the meetings were like), not from
		// a wish padded onto its close.
	case e.longLetter():
		least += longWords
	case e.brief():
		least = minBodyWords[e.r.Situation] - 4 // a short note is not padded to its situation's usual length
	}
	for len(e.d.paras) > 1 && len(e.d.last()) == 0 {
		e.d.paras = e.d.paras[:len(e.d.paras)-1]
	}
	p := e.d.last()
	if e.d.words() >= least || len(p) == 0 {
		return
	}
	if e.r.Situation == SituationOffer && e.reflected && (e.thankedEnd || e.wished || e.thanksIntoOffer()) {
		// An offer letter with its one line on the process and a close
		// (thanks once more, set into its offer where they fit, or a
		// wish) has warmth enough: a wish besides would be a stack of
		// pleasantries.
		return
	}
	// Nor, closing on its offer, a line of its own before it ("I'd
	// have enjoyed working with you all. I really hope this doesn't
	// cause too much trouble. Feel free to reach out ..."): only a wish
	// set into the offer.
	stack := e.r.Situation == SituationOffer && e.reflected
	if e.wished {
		e.thanksIntoWish()
		e.longerWish(least)
		return
	}
	// In one letter of two the closing line stands without a wish:
	// thanks alone, or an offer, set into thanks once more when the
	// letter can take them; a wish before every offer was a blind
	// reader's tell.
	// An offer that cannot take them still gets the closing line below,
	// and so does a letter far short of its least (two sentences).
	if last := p[len(p)-1]; e.d.words() >= minBodyWords[e.r.Situation]-8 && e.noWish() && (thanks(last) || last == e.offerLine) && (e.thanksIntoOffer() || last != e.offerLine) {
		return
	}
	e.wished = true
	last := p[len(p)-1]
	before := e.textBefore(last)
	// What the closing line says counts too: the wish goes before it.
	// The line may go before the last sentence or, beside what the user
	// appreciated, after it: it follows no thanks with "that".
	w := e.pick(partClosing, e.closings(), nil, e.v, before, last)
	first, _, _ := strings.Cut(last, " ")
	switch {
	case e.c.index(partJoin+5*partLead, 2) == 0 && joinable(last) && joinable(w) && !strings.Contains(w+last, ",") && !slices.Contains(offerOpeners, first) && !repeatsWord(w, last):
		p[len(p)-1] = unstopped(w, e.v) + ", and " + lowerFirst(last)
	case stack || repeatsStem(contentStems(w), last):
		// Every wish repeats a word of the closing line: the letter
		// stays as it is rather than echo it.
		e.wished = false
		return
	case e.r.Detail != "" && strings.Contains(last, e.r.Detail):
		// The user's appreciation stays beside the thanks before it.
		p = append(p, w)
	default:
		p[len(p)-1] = w
		p = append(p, last)
	}
	e.d.paras[len(e.d.paras)-1] = p
	e.d.valid = false
}

// longerWish gives a note still far short of least, whose closing wish
// could take no thanks (they came just before it: "Thank you for your
// consideration. I hope you fill the role soon."), a longer wish in its
// place, so that a brief note still reads as considered.
func (e *emailWriter) longerWish(least int) {
	p := e.d.last()
	if e.thankedEnd || len(p) == 0 || e.d.words() >= least-4 {
		return
	}
	last := p[len(p)-1]
	if thanks(last) || last == e.offerLine || !slices.ContainsFunc(wishesFor(e.r), func(w string) bool { return slices.Contains(phrasingsOf(w), last) }) {
		return
	}
	// A wish gives way to a longer wish, and a plain closing line ("It
	// was a pleasure to be considered.") to a longer plain one, so that
	// the letters that close with a wish stay as few as the closing
	// lines make them; neither repeats the words of the sentence before
	// it ("I really appreciate you reaching out. It was really nice to be
	// asked to interview.").
	before := e.textBefore(last)
	prev, rec := contentStems(lastSentences(before, 1)), saidIn(before)
	var longer []string
	for _, w := range wishesFor(e.r) {
		for _, x := range phrasingsOf(w) {
			if countWords(x) > countWords(last)+1 && actsOf(x)&actWish == actsOf(last)&actWish && !repeatsStem(prev, x) && rec.allows(x, "") {
				longer = append(longer, x)
			}
		}
	}
	if w := e.pick(partClosing+partLead, longer, nil, e.v, before, ""); w != "" {
		p[len(p)-1] = w
		e.d.valid = false
	}
}

// wishWords mark a closing line that wishes the reader well, not a plain
// one that says what the writer took from the process.
var wishWords = newWordsFold(`(?i)\b(hope|hopefully|wish(es|ing)?|luck|success|all the best|have a (good|great|nice|lovely))\b`,
	"hope", "hopefully", "wish", "wishes", "wishing", "luck", "success", "all the best",
	"have a good", "have a great", "have a nice", "have a lovely")

// wishLike reports a closing line that wishes the reader well.
func wishLike(s string) bool { return wishWords.MatchString(s) }

// closings are the lines that may close the letter when neither thanks
// nor an offer does: a wish, or in the letters that close without one
// a word on what the early answer lets the reader do ("I hope the slot
// can go to someone else.").
func (e *emailWriter) closings() []string {
	if e.noWish() && !hasCourtesy(e.d.text()) {
		return e.withinWarmth(e.timely(courtesies[e.r.Situation][e.r.Tone]))
	}
	return e.withinWarmth(wishesFor(e.r))
}

// earlyWords mark a courtesy that says the news comes early ("I hope
// this gives you time to rearrange the interviews.", and "I wanted to let
// you know in good time." should a table take it up again): a day or two
// before the interview, beside "I am sorry for the short notice.", it
// says the opposite.
var earlyWords = []string{"in good time", "gives you time"}

// timely is list without the courtesies of earlyWords when r cancels at
// short notice; a new list either way, list itself when every phrasing
// would go.
func (e *emailWriter) timely(list []string) []string {
	out := slices.Clone(list)
	if !shortNotice(e.r) {
		return out
	}
	out = slices.DeleteFunc(out, func(s string) bool {
		return slices.ContainsFunc(earlyWords, func(w string) bool { return containsFold(s, w) })
	})
	if len(out) == 0 {
		return slices.Clone(list)
	}
	return out
}

// troubleWords mark a sentence that apologises without saying sorry: it
// hopes the trouble is small ("I hope it is not too much of an
// inconvenience.", "Hopefully it's not too much hassle.").
var troubleWords = []string{"inconvenien", "trouble", "hassle", "disrupt", "bother", "upset your", "mess up"}

// apologetic reports one of our sentences that apologises, in so many
// words or by hoping the trouble is small.
func apologetic(s string) bool {
	return containsAnyFold(s, apologeticWords)
}

// apologeticWords are what apologetic looks for: apology's words and
// troubleWords.
var apologeticWords = newFoldWords(append([]string{"sorry", "apolog"}, troubleWords...)...)

// courtesySentences are every sentence of courtesies.
var courtesySentences = func() map[string]bool {
	out := map[string]bool{}
	for _, byTone := range courtesies {
		for _, list := range byTone {
			for _, p := range list {
				for _, s := range phrasingsOf(p) {
					out[s] = true
				}
			}
		}
	}
	return out
}()

// hasCourtesy reports a text with a sentence on why the writer wrote now:
// a letter says it once ("I thought it best to reply straight away. It
// seemed fairer to tell you now." was a stack).
func hasCourtesy(text string) bool {
	for s := range sentenceSeq(text) {
		if courtesySentences[s] {
			return true
		}
	}
	return false
}

// phrasingsOf are every sentence a phrasing with "[a|b]" alternatives can
// write.
func phrasingsOf(s string) []string {
	i := strings.IndexByte(s, '[')
	if i < 0 {
		return []string{s}
	}
	j := strings.IndexByte(s, ']')
	var out []string
	for _, alt := range strings.Split(s[i+1:j], "|") {
		for _, rest := range phrasingsOf(s[j+1:]) {
			out = append(out, s[:i]+alt+rest)
		}
	}
	return out
}

// noWish reports a letter, one in two, whose closing line stands without a
// wish: thanks alone or the offer.
func (e *emailWriter) noWish() bool { return e.c.index(partEnding+3*partLead, 2) == 0 }

// thanksIntoOffer sets thanks once more before the offer that closes a
// short letter ("Thank you again for thinking of me, and I would be glad
// to stay in touch."), if the letter has not thanked enough and the offer
// can follow ", and"; otherwise the offer closes it alone. It reports
// whether it wrote them.
func (e *emailWriter) thanksIntoOffer() bool {
	p := e.d.last()
	last := p[len(p)-1]
	before := e.textBefore(last)
	first, _, _ := strings.Cut(last, " ")
	if e.thankedEnd || last != e.offerLine || !joinable(last) || strings.Contains(last, ",") ||
		slices.Contains(offerOpeners, first) || !e.c.saidOf(e.d.text()).mayThank() || thanks(lastSentences(before, 1)) {
		return false
	}
	list := notRepeating(freshThanks(thanksAgain[e.thanksSit()][e.r.Tone], e.d.text()), e.v, last)
	t := e.pick(partThanks+partLead, list, nil, e.v, before, last)
	if t == "" || !joinable(t) || repeatsStem(contentStems(t), last) || repeatsWord(t, last) {
		return false
	}
	p[len(p)-1] = unstopped(t, e.v) + ", and " + lowerFirst(last)
	e.thankedEnd = true
	e.d.valid = false
	return true
}

// thanksIntoWish sets thanks once more into the wish that closes a
// letter still too short ("I hope the hiring goes well, and thanks again
// for thinking of me."), if the letter has not thanked enough.
func (e *emailWriter) thanksIntoWish() {
	p := e.d.last()
	last := p[len(p)-1]
	if e.thankedEnd || !e.c.saidOf(e.d.text()).mayThank() || !joinable(last) || strings.Contains(last, ",") || thanks(lastSentences(e.textBefore(last), 1)) {
		return
	}
	list := notRepeating(freshThanks(thanksAgain[e.thanksSit()][e.r.Tone], e.d.text()), e.v, last)
	t := e.pick(partThanks+partLead, list, nil, e.v, e.d.text(), "")
	if t == "" {
		return
	}
	p[len(p)-1] = unstopped(last, e.v) + ", and " + lowerFirst(t)
	e.thankedEnd = true
	e.d.valid = false
}

// freshThanks is list without the thanks that would echo text: with
// "again" when text has it, and, while two or more are left, those that
// open with the two words an earlier sentence opened with ("Many thanks
// for ... Many thanks again ..."). It is list itself when none is left.
func freshThanks(list []string, text string) []string {
	opening := func(s string) string {
		first, second, ok := firstTwoFields(s)
		if !ok {
			return ""
		}
		return strings.ToLower(first) + " " + strings.ToLower(second)
	}
	var starts []string
	for _, s := range splitSentences(text) {
		starts = append(starts, opening(s))
	}
	out := list
	if hasWord(text, "again") {
		out = slices.DeleteFunc(slices.Clone(list), func(s string) bool { return hasWord(s, "again") })
	}
	if fresh := slices.DeleteFunc(slices.Clone(out), func(s string) bool { return slices.Contains(starts, opening(s)) }); len(fresh) >= 2 {
		out = fresh
	}
	if len(out) == 0 {
		return list
	}
	return out
}

// textBefore is the draft's text without its last sentence, last.
func (e *emailWriter) textBefore(last string) string {
	return strings.TrimSpace(strings.TrimSuffix(e.d.text(), last))
}

// offerInto ends the letter's only paragraph with the offer, set into
// the thanks that end it when they can take it ("Thank you for thinking
// of me, and I would be glad to stay in touch."), as people close a short
// note; otherwise as a sentence of its own. Unless always, it sets the
// offer into them in two letters of three.
func (e *emailWriter) offerInto(always bool) {
	p := e.d.last()
	if len(p) == 0 {
		e.offer()
		return
	}
	last := p[len(p)-1]
	if !thanks(last) || !joinable(last) || !always && e.c.index(partJoin+partLead+1, 3) == 0 {
		e.offer()
		return
	}
	// The offer joins the thanks: it follows the sentence before them
	// too, and stands after it alone should a short letter drop them
	// (see thankOnce).
	o := e.c.sentenceAvoiding(partOffer, notRepeating(e.c.saidOf(e.d.text()).joined().fresh(joinableOffers(e.offerList()), ""), e.v, last), nil, e.v, e.d.text(), "")
	if o == "" || repeatsStem(e.c.lastStems(e.d.text(), 2), o) || repeatsWord(o, last) {
		e.offer() // none can join without repeating a word of the sentence before the thanks
		return
	}
	p[len(p)-1] = unstopped(last, e.v) + ", and " + lowerFirst(o)
	e.d.valid = false
}

// thanksWithOffer closes with thanks once more and the offer set into
// them in one sentence, or, when the letter has thanked enough, the
// offer alone.
func (e *emailWriter) thanksWithOffer() {
	last := lastSentences(e.d.text(), 1)
	if len(e.offerList()) > 0 && (thanks(last) || apology(last) || !e.c.saidOf(e.d.text()).mayThank()) {
		e.offer() // thanks would be one more closing line
		return
	}
	e.thanksAgain()
	if !e.thankedEnd {
		return
	}
	// The offer is set into the thanks, or stands alone in their place:
	// thanks and an offer one after the other are two closing lines.
	p := e.d.last()
	n := len(p)
	e.offerInto(true)
	if p = e.d.last(); len(p) > n {
		e.d.paras[len(e.d.paras)-1] = slices.Delete(p, n-1, n)
		e.thankedEnd = false
		e.d.valid = false
	}
}

// apology reports whether one of our sentences says sorry.
func apology(s string) bool { return containsFold(s, "sorry") || containsFold(s, "apolog") }

// joinable reports whether one of our sentences can take ", and" and a
// clause after it: not one with a clause of its own already.
func joinable(s string) bool {
	// Nor one without a verb ("With thanks for your time, and it would
	// be good to keep in touch" is no sentence).
	// (The dash is looked for apart: strings.ContainsAny reads a string
	// rune by rune against a set with a character outside ASCII in it.)
	return !strings.ContainsAny(s, ";:!?") && !strings.Contains(s, "–") && !strings.Contains(s, ", and") && countWords(s) <= 16 && !strings.HasPrefix(s, "With ")
}

// offerOpeners open an offer that does not read well after ", and": a
// condition, a request or a suggestion.
var offerOpeners = []string{"If", "Should", "Please", "Do", "Hopefully", "Feel", "Let's", "Let", "Perhaps", "Maybe"}

// joinableOffers are the offers of list that read well after ", and":
// none that opens with a condition or a request, or has a clause.
func joinableOffers(list []string) []string {
	var out []string
	for _, o := range list {
		first, _, _ := strings.Cut(o, " ")
		if joinable(o) && !strings.Contains(o, ",") && !slices.Contains(offerOpeners, first) {
			out = append(out, o)
		}
	}
	return out
}

// declinesAfterSo are the declines that may follow the reason after ",
// so": after the user's own words none with an "it", which would point
// at their last noun ("... six months of it remain, so I am not able to
// take it up").
func (e *emailWriter) declinesAfterSo() []string {
	so := bareDeclines.afterSo[e.r.Situation][e.r.Tone]
	if e.r.Reason != ReasonOther && !detailInReason(e.r) {
		return so
	}
	return slices.DeleteFunc(slices.Clone(so), func(s string) bool { return slices.Contains(words(s), "it") })
}
