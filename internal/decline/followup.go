package decline

import "strings"

// ComposeFollowUp validates r and writes the follow-up to a decline. A
// confirm follow-up makes sure the decline arrived, naming what was
// declined; after a phone decline it is an e-mail confirming the call. A
// thanks follow-up answers the employer's reply with a short close. E-mail
// follow-ups reply to the decline ("Re: " and its subject); messages stay
// messages. Errors are *InputError.
func ComposeFollowUp(r FollowUpRequest) (Letter, error) {
	r = normalizeFollowUp(r)
	if err := validateFollowUp(r); err != nil {
		return Letter{}, err
	}
	dr := r.asRequest()
	v := requestValues(dr)
	if !r.DeclinedOn.IsZero() {
		v.date = r.DeclinedOn.Format("2 January")
	}
	c := newChooser(r.Variant, r.Wording)
	ch := FollowUpChannel(r.DeclineChannel)
	body := followUpBody(r, dr, v, c)
	if ch == ChannelMessage {
		return Letter{Body: paragraphs(messageGreeting(dr, v), body, v.first)}, nil
	}
	subject := "Re: " + subjectValues(v).fill(subjects[r.Situation][0])
	if r.DeclineSubject != "" {
		subject = "Re: " + strings.TrimPrefix(r.DeclineSubject, "Re: ")
	}
	return Letter{Subject: subject, Body: paragraphs(greetingLine(dr, v, c), body,
		v.signature(c.pickFresh(partSignoff, signoffList(dr), body, nil)))}, nil
}

// FollowUpChannel is the channel a follow-up goes by after a decline on ch:
// a message follows a message; anything else, a call included, is followed
// by an e-mail, so the decline is confirmed in writing.
func FollowUpChannel(ch Channel) Channel {
	if ch == ChannelMessage {
		return ChannelMessage
	}
	return ChannelEmail
}

func normalizeFollowUp(r FollowUpRequest) FollowUpRequest {
	dr := normalizeRequest(Request{Company: r.Company, Role: r.Role, Contact: r.Contact,
		Situation: r.Situation, Channel: r.DeclineChannel, Tone: r.Tone, Sender: r.Sender})
	r.Company, r.Role, r.Contact = dr.Company, dr.Role, dr.Contact
	r.Situation, r.DeclineChannel, r.Tone, r.Sender = dr.Situation, dr.Channel, dr.Tone, dr.Sender
	r.Kind = parsed(r.Kind, followUpKinds, FollowUpConfirm)
	r.DeclineSubject = clean(r.DeclineSubject)
	return r
}

var followUpKinds = []FollowUpKind{FollowUpConfirm, FollowUpThanks}

// asRequest is the decline request the follow-up refers to, on the
// follow-up's channel.
func (r FollowUpRequest) asRequest() Request {
	return Request{Company: r.Company, Role: r.Role, Contact: r.Contact,
		Situation: r.Situation, Channel: FollowUpChannel(r.DeclineChannel), Tone: r.Tone, Sender: r.Sender,
		Reason: ReasonNone, Offer: OfferNone}
}

// followUpBody is the middle of the follow-up, between greeting and name.
func followUpBody(r FollowUpRequest, dr Request, v values, c chooser) string {
	return tidy(followUpText(r, dr, v, c))
}

func followUpText(r FollowUpRequest, dr Request, v values, c chooser) string {
	what := v.fill(declinedWhat[r.Situation])
	switch {
	case r.Kind == FollowUpThanks:
		return v.fill(c.pick(partOpening, followUpThanks[r.Tone]))
	case r.DeclineChannel == ChannelPhone:
		when := "today"
		if v.date != "" {
			when = "on " + v.date
		}
		return strings.NewReplacer("{what}", what, "{when}", when).Replace(c.pick(partOpening, afterCall[r.Tone]))
	}
	note := "my note"
	if v.date != "" {
		note = "my note of " + v.date
	}
	if dr.Channel == ChannelMessage {
		return strings.NewReplacer("{what}", what, "{note}", note).Replace(followUpMessage[r.Tone][0])
	}
	return strings.NewReplacer("{what}", what, "{note}", note).Replace(c.pick(partOpening, followUpConfirm[r.Tone]))
}

// declinedWhat names what was declined, so the follow-up matches it.
var declinedWhat = map[Situation]string{
	SituationWithdrawal:      "withdraw my application for the {role} position at {company}",
	SituationInvitation:      "decline the interview for the {role} position at {company}",
	SituationBeforeInterview: "withdraw my application for the {role} position at {company} and cancel our interview",
	SituationAfterInterview:  "withdraw from the process for the {role} position at {company}",
	SituationOffer:           "decline the offer of the {role} position at {company}",
}

var followUpConfirm = toned{
	ToneFormal: {
		"I wanted to make sure {note} reached you: I have decided to {what}.\n\nThank you again for your time. If there is anything you need from me, I would be glad to help.",
		"I am writing to check that {note} arrived. In it, I explained that I have decided to {what}.\n\nI am grateful for your time, and I would be happy to answer any questions.",
	},
	ToneWarm: {
		"I just wanted to check that {note} reached you: I've decided to {what}.\n\nThanks again for your time, and let me know if I can help with anything.",
		"I'm following up in case {note} went astray. I've decided to {what}.\n\nThank you again for everything, and I'm happy to answer any questions.",
	},
}

var followUpMessage = toned{
	ToneFormal: {"I wanted to make sure {note} reached you: I have decided to {what}. Thank you again, and I would be glad to help if anything is needed."},
	ToneWarm:   {"Just checking that {note} reached you: I've decided to {what}. Thanks again, and let me know if I can help."},
}

var afterCall = toned{
	ToneFormal: {
		"Thank you for taking my call {when}. To confirm what I said on the phone, I have decided to {what}.\n\nI am grateful for your time, and I would be glad to help if anything is needed.",
	},
	ToneWarm: {
		"Thanks for taking my call {when}. Just to confirm in writing: I've decided to {what}.\n\nI really appreciate your time, and let me know if I can help with anything.",
	},
}

var followUpThanks = toned{
	ToneFormal: {
		"Thank you for your kind reply about the {role} position at {company}. I hope our paths cross again, and I wish you every success.",
	},
	ToneWarm: {
		"Thanks so much for your kind reply about the {role} role at {company}. I'd love to stay in touch, and good luck with the search.",
	},
}
