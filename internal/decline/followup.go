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
	c := newChooser(r.Variant, r.Wording)
	v := requestValues(dr, c)
	if !r.DeclinedOn.IsZero() {
		v.date = dayMonthIn(r.English, r.DeclinedOn)
	}
	ch := FollowUpChannel(r.DeclineChannel)
	body := followUpBody(r, dr, v, c)
	if ch == ChannelMessage {
		return Letter{Body: paragraphs(messageGreeting(dr, v), body, v.first)}, nil
	}
	subject := "Re: " + withSender(subjectValues(v).fill(subjects[r.Situation][ToneFormal][0]), v.sender, nameFirst)
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
	r.English = parseEnglish(r.English)
	return r
}

var followUpKinds = []FollowUpKind{FollowUpConfirm, FollowUpThanks}

// asRequest is the decline request the follow-up refers to, on the
// follow-up's channel.
func (r FollowUpRequest) asRequest() Request {
	return Request{Company: r.Company, Role: r.Role, Contact: r.Contact,
		Situation: r.Situation, Channel: FollowUpChannel(r.DeclineChannel), Tone: r.Tone, Sender: r.Sender,
		Reason: ReasonNone, Offer: OfferNone, English: r.English}
}

// followUpBody is the middle of the follow-up, between greeting and name.
func followUpBody(r FollowUpRequest, dr Request, v values, c chooser) string {
	return tidy(followUpText(r, dr, v, c))
}

func followUpText(r FollowUpRequest, dr Request, v values, c chooser) string {
	if r.Kind == FollowUpThanks {
		return v.fill(c.pick(partOpening, followUpThanks[r.Tone]))
	}
	// A follow-up names what the earlier message was about; it does not
	// announce the decision again in that message's words ("I have
	// decided to ..."): it only makes sure the message arrived, or, after
	// a call, puts in writing what was said.
	about := v.fill(declinedAbout[r.Situation])
	if r.DeclineChannel == ChannelPhone {
		when := "today"
		if v.date != "" {
			when = "on " + v.date
		}
		return strings.NewReplacer("{doing}", v.fill(declinedDoing[r.Situation]), "{when}", when).Replace(v.variety(c.pick(partOpening, afterCall[r.Tone])))
	}
	note, list := "my note", followUpConfirm[r.Tone]
	if dr.Channel == ChannelMessage {
		note, list = "my message", followUpMessage[r.Tone]
	}
	if v.date != "" {
		note += " of " + v.date
	}
	return strings.NewReplacer("{about}", about, "{note}", note).Replace(v.variety(c.pick(partOpening, list)))
}

// declinedAbout names what the declined message was about, so the
// follow-up matches it without repeating its decision.
var declinedAbout = map[Situation]string{
	SituationWithdrawal:      "about my application for the {role} position at {company}",
	SituationInvitation:      "about your invitation to interview for the {role} position at {company}",
	SituationBeforeInterview: "about our interview for the {role} position at {company}",
	SituationAfterInterview:  "about my application for the {role} position at {company}",
	SituationOffer:           "in reply to your offer of the {role} position at {company}",
}

// declinedDoing is what the candidate said on a call, as the e-mail
// after it confirms it.
var declinedDoing = map[Situation]string{
	SituationWithdrawal:      "withdrawing my application for the {role} position at {company}",
	SituationInvitation:      "not taking up the interview for the {role} position at {company}",
	SituationBeforeInterview: "withdrawing my application for the {role} position at {company}, so our interview is cancelled",
	SituationAfterInterview:  "withdrawing from the process for the {role} position at {company}",
	SituationOffer:           "declining the offer of the {role} position at {company}",
}

// The follow-ups are as plain as the letters they follow: no "This note
// simply confirms in writing", "messages do sometimes go astray" or "a
// brief confirmation would be welcome" (TestFollowUpsPlain).
var followUpConfirm = toned{
	ToneFormal: {
		"I wanted to make sure that {note} {about} reached you. If you need anything else from me, please let me know.\n\nThank you again for your time.",
		"I am just checking that {note} {about} arrived. Could you let me know it reached you when you have a moment?\n\nMany thanks for your help.",
		"As I have not heard back, I thought I should check that {note} {about} reached you. I would be happy to answer any questions.\n\nThank you for your time.",
	},
	ToneWarm: {
		"Just checking that {note} {about} reached you, as I know inboxes get busy. Let me know if you need anything else from me.\n\nThanks again for your time.",
		"I'm following up in case {note} {about} went astray. A quick reply to say it arrived would be great, and I'm happy to answer any questions.\n\nThank you!",
		"I hadn't heard back, so I wanted to be sure {note} {about} got to you. No need for more than a line.\n\nThanks so much, and let me know if I can help with anything.",
	},
}

var followUpMessage = toned{
	ToneFormal: {"I wanted to make sure {note} {about} reached you. Thank you again, and please let me know if you need anything from me.",
		"Just a short check that {note} {about} arrived. Many thanks, and do let me know if you need anything from me."},
	ToneWarm: {"Just checking {note} {about} reached you. Thanks again, and let me know if I can help with anything.",
		"Quick check that {note} {about} got through. Thanks, and shout if you need anything from me."},
}

var afterCall = toned{
	ToneFormal: {
		"Thank you for taking my call {when}. As I said on the phone, I am {doing}, and I wanted you to have it in writing.\n\nThank you again for your time, and please let me know if you need anything else from me.",
		"Many thanks for taking my call {when}. To confirm what I said on the phone: I am {doing}.\n\nIf you need anything else from me, just let me know.",
	},
	ToneWarm: {
		"Thanks for taking my call {when}. Just putting in writing what I said: I'm {doing}.\n\nI really appreciate your time, and let me know if you need anything from me.",
		"Thanks for talking with me {when}. As promised, here it is in writing: I'm {doing}.\n\nLet me know if there's anything else you need.",
	},
}

var followUpThanks = toned{
	ToneFormal: {
		"Thank you for your kind reply about the {role} position at {company}. I would be glad to stay in touch, and I wish you every success.",
		"Thank you for your kind reply about the {role} position at {company}, and for taking the time to write. I wish you and the team well, and I would be glad to keep in touch.",
	},
	ToneWarm: {
		"Thanks so much for your kind reply about the {role} role at {company}. I'd love to stay in touch, and good luck with the search.",
		"Thanks for your kind reply – it was good of you to write back. Good luck with filling the {role} role at {company}.",
	},
}
