package decline

import "strings"

// maxSubjectCompany caps how much of the company a follow-up subject repeats.
const maxSubjectCompany = 60

// ComposeFollowUp validates r and writes a brief follow-up to a decline: it
// checks that the decline reached the employer, thanks them, offers to answer
// questions and is signed. Email follow-ups get a "Re: ..." subject; phone
// and message follow-ups have none. Errors are *InputError.
func ComposeFollowUp(r FollowUpRequest) (Letter, error) {
	r = normalizeFollowUp(r)
	if err := validateFollowUp(r); err != nil {
		return Letter{}, err
	}
	v := followUpValues(r)
	c := chooser(r.Variant)
	switch r.Channel {
	case ChannelPhone:
		return Letter{Body: followUpPhone(r, v, c)}, nil
	case ChannelMessage:
		return Letter{Body: followUpMessage(r, v, c)}, nil
	}
	return Letter{Subject: followUpSubject(v), Body: followUpEmail(r, v, c)}, nil
}

func normalizeFollowUp(r FollowUpRequest) FollowUpRequest {
	r.Company, r.Role, r.ContactName = clean(r.Company), clean(r.Role), clean(r.ContactName)
	r.Sender = cleanSender(r.Sender)
	r.Channel = Channel(clean(string(r.Channel)))
	r.Tone = Tone(clean(string(r.Tone)))
	if r.Channel == "" {
		r.Channel = ChannelEmail
	}
	if r.Tone == "" {
		r.Tone = ToneFormal
	}
	return r
}

// followUpValues fills {date} with " of 2 January 2006", or nothing when the
// decline date is unknown.
func followUpValues(r FollowUpRequest) values {
	v := values{
		company: r.Company, role: r.Role, contact: r.ContactName, sender: r.Sender.Name,
		email: r.Sender.Email, phone: r.Sender.Phone, link: r.Sender.Link,
	}
	if !r.DeclinedOn.IsZero() {
		v.date = " of " + r.DeclinedOn.Format("2 January 2006")
	}
	return v
}

func followUpSubject(v values) string {
	return "Re: " + truncate(v.role, maxSubjectRole) + " at " + truncate(v.company, maxSubjectCompany)
}

func followUpGreeting(r FollowUpRequest, v values, c chooser) string {
	return greeting(Request{Tone: r.Tone}, v, c)
}

func followUpEmail(r FollowUpRequest, v values, c chooser) string {
	return paragraphs(
		followUpGreeting(r, v, c),
		joinSentences(v.fill(c.pick(partOpening, followUpOpenings[r.Tone])), followUpThanks(r, v, c)),
		c.pick(partOffer, followUpQuestions[r.Tone]),
		v.signature(c.pick(partSignoff, signoffs[r.Tone])),
	)
}

func followUpMessage(r FollowUpRequest, v values, c chooser) string {
	return paragraphs(
		followUpGreeting(r, v, c),
		joinSentences(v.fill(c.pick(partOpening, followUpOpenings[r.Tone])), followUpThanks(r, v, c)),
		c.pick(partOffer, followUpQuestions[r.Tone]),
		c.pick(partSignoff, signoffs[r.Tone])+"\n"+v.sender,
	)
}

func followUpPhone(r FollowUpRequest, v values, c chooser) string {
	intro := phoneIntro(Request{Tone: r.Tone}, v, c)
	return paragraphs(
		joinSentences(intro, v.fill(c.pick(partOpening, followUpPhoneOpenings))),
		joinSentences(followUpThanks(r, v, c), c.pick(partOffer, followUpQuestions[r.Tone])),
		strings.TrimSpace(phoneSignature(Request{Tone: r.Tone}, v, c)),
	)
}

func followUpThanks(r FollowUpRequest, v values, c chooser) string {
	list := followUpThanksNamed[r.Tone]
	if v.contact == "" {
		list = followUpThanksTeam[r.Tone]
	}
	return v.fill(c.pick(partThanks, list))
}
