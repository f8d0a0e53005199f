package decline

import (
	"slices"
	"strings"
)

// greetingLine is the salutation of an e-mail: "Dear Ms Johnson," formally,
// "Hi Sarah," warmly; a team is greeted by its name, nobody as the hiring
// team. A formal letter never opens with "Hello".
func greetingLine(r Request, v values, c chooser) string {
	if v.greet == "" {
		if r.Tone == ToneWarm {
			return c.pick(partGreeting, []string{"Hello,", "Hi there,"})
		}
		return "Dear Hiring Team,"
	}
	if r.Tone == ToneWarm {
		return v.fill(c.pick(partGreeting, []string{"Hi {greet},", "Hello {greet},"}))
	}
	return v.fill("Dear {greet},")
}

// messageGreeting opens a chat message: never "Dear", and a person by
// first name even in a formal note, as people write on chat and LinkedIn,
// unless a title or a greeting name says otherwise.
func messageGreeting(r Request, v values) string {
	switch {
	case v.greet == "":
		return "Hello,"
	case r.Tone == ToneWarm:
		return v.fill("Hi {greet},")
	case r.Contact.Kind == ContactPerson && r.Contact.Title == "" && r.Contact.GreetingName == "":
		return "Hello " + r.Contact.Greeting(ToneWarm) + ","
	}
	return v.fill("Hello {greet},")
}

// reasonSentence is the one reason sentence in the wording that fits the
// stage, or "" for ReasonNone.
func reasonSentence(r Request, v values, c chooser, after string) string {
	list := reasonSentences[r.Reason][r.Tone]
	if met(r.Situation) {
		if alt, ok := reasonsAfterMeeting[r.Reason]; ok {
			list = alt[r.Tone]
		}
	}
	if r.Reason == ReasonOther {
		v.reason = capitalizeSafe(v.reason)
	}
	return v.fill(c.pickFresh(partReason, list, after))
}

// met reports whether the candidate has met the team in s.
func met(s Situation) bool { return s == SituationAfterInterview || s == SituationOffer }

// detailSentence weaves the user's one true detail in: a noun phrase
// ("meeting the platform team") after "I especially valued", a sentence of
// their own ("It was a pleasure to meet Ana") as it is. The lead repeats
// no word of the two sentences before it.
func detailSentence(r Request, v values, c chooser, after string) string {
	if r.Detail == "" {
		return ""
	}
	if isClause(r.Detail) {
		return capitalizeSafe(r.Detail) + "."
	}
	v.reason = r.Detail
	lead := detailLead[r.Tone]
	if ws := words(r.Detail); len(ws[0]) > 4 && strings.HasSuffix(ws[0], "ing") {
		lead = gerundLead[r.Tone]
	}
	return v.fill(c.pickFresh(partDetail, lead, after))
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
	return slices.Contains(clauseStarts, ws[0])
}

// emailBody writes the e-mail: the greeting; the decline with thanks;
// the reason and the user's detail; the offer of help and a closing; the
// signature. People do not write every letter in one shape, so the
// paragraphs are laid out in one of three ways: the reason on its own
// after the decline, or in the decline's paragraph with the detail beside
// the offer, or closing with thanks once more after the offer.
func emailBody(r Request, v values, c chooser) string {
	opening := v.fill(c.pick(partOpening, openings[r.Situation][r.Tone]))
	reason := reasonSentence(r, v, c, opening)
	detail := detailSentence(r, v, c, sentences(opening, reason))
	// offerAfter is what the offer follows, so it can avoid repeating it;
	// the closing avoids the offer, or what comes before when there is none.
	offerAt := func(after string) string {
		return v.fill(c.pickFresh(partOffer, offerSentences[r.Offer][r.Tone], after))
	}
	closingAt := func(after string) string {
		return c.pickFresh(partClosing, closings[r.Situation][r.Tone], after)
	}
	var body []string
	switch layout := c.pick(partLayout, []string{"apart", "together", "thanks"}); {
	case layout == "apart" && detail != "" || reason == "" && detail == "":
		mid := sentences(detail, reason)
		offer := offerAt(sentences(opening, mid))
		body = []string{opening, mid, sentences(offer, closingAt(sentences(opening, mid, offer)))}
	case layout == "thanks" && r.Offer != OfferNone:
		first := withReason(opening, reason)
		offer := offerAt(sentences(first, detail))
		body = []string{first, detail, sentences(offer, c.pickFresh(partThanks, closingThanks[r.Tone], offer))}
	default:
		first := withReason(opening, reason)
		offer := offerAt(sentences(first, detail))
		last := sentences(detail, offer)
		closing := closingAt(sentences(first, last))
		if detail == "" || offer == "" {
			body = []string{first, sentences(last, closing)}
		} else {
			body = []string{first, last, closing}
		}
	}
	return paragraphs(append(append([]string{greetingLine(r, v, c)}, body...), v.signature(c.pick(partSignoff, signoffs[r.Tone])))...)
}

// withReason puts the reason right after the sentence of the opening
// that declines, as people explain: "I have decided to decline. I have
// accepted another role. Thank you for ...", or after the decline when the
// thanks come first.
func withReason(opening, reason string) string {
	ss := splitSentences(opening)
	if reason == "" || len(ss) < 2 || !thanks(ss[1]) || thanks(ss[0]) || slices.Contains(words(ss[1]), "it") {
		// Thanks first, or thanks for "it" (the application, the
		// interview), which the reason must not come between.
		return sentences(opening, reason)
	}
	return sentences(ss[0], reason, strings.Join(ss[1:], " "))
}

// thanks reports whether one of our sentences thanks the reader.
func thanks(s string) bool {
	l := strings.ToLower(s)
	return strings.Contains(l, "thank") || strings.Contains(l, "grateful")
}

// messageNote writes a chat or LinkedIn message of one to three sentences:
// the decline with thanks, the reason, a short offer; signed with the name
// alone.
func messageNote(r Request, v values, c chooser) string {
	name := v.sender
	if r.Tone == ToneWarm {
		name = v.first
	}
	opening := v.fill(c.pick(partOpening, messageOpenings[r.Situation][r.Tone]))
	return paragraphs(
		messageGreeting(r, v),
		sentences(opening, reasonSentence(r, v, c, opening),
			c.pick(partOffer, shortOffers[r.Offer][r.Tone])),
		name,
	)
}

// phoneScript writes what to say on a live call, in short spoken sentences:
// who is calling and why, whether now is a good time, the decline and the
// reason, thanks, the offer, goodbye.
func phoneScript(r Request, v values, c chooser) string {
	decl := v.fill(c.pick(partOpening, spokenDeclines[r.Situation]))
	return paragraphs(
		sentences(v.fill(phoneHello(r, v, c)), v.fill("I'm calling about the {role} role at {company}."), c.pick(partAsk, goodTime)),
		sentences(decl, reasonSentence(Request{Reason: r.Reason, Situation: r.Situation, Tone: ToneWarm}, v, c, decl)),
		v.fill(c.pick(partThanks, spokenThanks[r.Situation])),
		sentences(v.fill(c.pick(partOffer, offerSentences[r.Offer][ToneWarm])), c.pick(partClosing, spokenGoodbyes)),
	)
}

// phoneHello greets the person by the name the greeting uses.
func phoneHello(r Request, v values, c chooser) string {
	switch {
	case v.greet == "" || r.Contact.Kind == ContactTeam:
		return "Hello, this is {sender}."
	case r.Tone == ToneWarm:
		return c.pick(partIntro, []string{"Hi {greet}, it's {sender}.", "Hi {greet}, this is {sender}."})
	}
	return "Hello, is that {greet}? This is {sender}."
}

// voicemail is the message to leave when nobody answers: under thirty
// seconds, with the name, the decline, thanks, and the number to call back.
func voicemail(r Request, v values, c chooser) string {
	hello := "Hello, this is {sender}, calling about the {role} role at {company}."
	switch {
	case v.greet == "" || r.Contact.Kind == ContactTeam:
	case r.Tone == ToneWarm:
		hello = "Hello {greet}, this is {sender}, calling about the {role} role at {company}."
	default:
		hello = "Hello, this is {sender} with a message for {greet} about the {role} role at {company}."
	}
	back := "I'll confirm this by e-mail."
	if v.phone != "" {
		back = "I'll confirm this by e-mail, and you can reach me on {phone}."
	}
	return strings.Join([]string{
		v.fill(hello), v.fill(c.pick(partOpening, spokenDeclines[r.Situation])),
		voicemailThanks[r.Situation], v.fill(back), "Goodbye.",
	}, " ")
}
