package decline

import "strings"

// greeting is the salutation line of an email or message.
func greeting(r Request, v values, c chooser) string {
	if v.contact == "" {
		return c.pick(partGreeting, greetingTeam[r.Tone])
	}
	return v.fill(c.pick(partGreeting, greetingNamed[r.Tone]))
}

// thanks thanks the contact, or the hiring team, and the company.
func thanks(r Request, v values, c chooser) string {
	list := thanksNamed[r.Tone]
	if v.contact == "" {
		list = thanksTeam[r.Tone]
	}
	tmpl := c.pick(partThanks, list)
	return v.fill(replaceFor(tmpl, thanksFor[r.Situation]))
}

// replaceFor puts our own "for ..." phrase into a thanks phrasing before the
// user values are filled in.
func replaceFor(tmpl, forWhat string) string {
	return strings.Replace(tmpl, "{for}", forWhat, 1)
}

// reason is the one short reason sentence, or "" for ReasonNone.
func reason(r Request, v values, c chooser) string {
	list := reasonSentences[r.Reason][r.Tone]
	if len(list) == 0 {
		return ""
	}
	return v.fill(c.pick(partReason, list))
}

// emailBody writes the full letter: greeting; decline and thanks; reason and
// offer of help; closing wish; signature.
func emailBody(r Request, v values, c chooser) string {
	var pointer string
	if v.hasDetails() {
		pointer = c.pick(partDetails, detailsPointers[r.Tone])
	}
	return paragraphs(
		greeting(r, v, c),
		joinSentences(v.fill(c.pick(partOpening, openings[r.Situation][r.Tone])), thanks(r, v, c)),
		joinSentences(reason(r, v, c), c.pick(partOffer, offersEmail[r.Tone]), pointer),
		v.fill(c.pick(partClosing, closings[r.Tone])),
		v.signature(c.pick(partSignoff, signoffs[r.Tone])),
	)
}

// messageNote writes a short note for chat or LinkedIn: the email without
// its closing wish and contact details.
func messageNote(r Request, v values, c chooser) string {
	return paragraphs(
		greeting(r, v, c),
		joinSentences(v.fill(c.pick(partOpening, openings[r.Situation][r.Tone])), thanks(r, v, c)),
		joinSentences(reason(r, v, c), c.pick(partOffer, offersShort[r.Tone])),
		c.pick(partSignoff, signoffs[r.Tone])+"\n"+v.sender,
	)
}

// phoneScript writes what to say on the phone: who is calling, the decline,
// thanks, the reason, an offer of help, and the caller's name once more.
func phoneScript(r Request, v values, c chooser) string {
	return paragraphs(
		joinSentences(phoneIntro(r, v, c), v.fill(c.pick(partOpening, phoneDeclines[r.Situation]))),
		joinSentences(thanks(r, v, c), reason(r, v, c)),
		joinSentences(c.pick(partOffer, offersShort[r.Tone]), c.pick(partClosing, phoneClosings[r.Tone])),
		phoneSignature(r, v, c),
	)
}

func phoneIntro(r Request, v values, c chooser) string {
	list := phoneIntroNamed[r.Tone]
	if v.contact == "" {
		list = phoneIntroTeam[r.Tone]
	}
	return v.fill(c.pick(partIntro, list))
}

// phoneSignature repeats the caller's name, and their number when known.
func phoneSignature(r Request, v values, c chooser) string {
	s := v.fill(c.pick(partSignature, phoneSignatures[r.Tone]))
	if v.phone == "" {
		return s
	}
	return s[:len(s)-1] + ", and my number is " + v.phone + "."
}
