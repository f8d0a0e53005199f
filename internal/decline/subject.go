package decline

import (
	"slices"
	"strings"
)

// subjects are what an e-mail's subject says, per situation and tone,
// naming the role as people's subjects do ("Senior Go Engineer
// interview", "Cancelling tomorrow's Senior Go Engineer interview",
// "Thank you – Senior Go Engineer offer"); subjectLine adds the sender's
// name in one of several ways, or leaves it to the From line. Some set
// the role off with a dash, most do not. {date} and {dayof} name a
// cancelled interview's day. None is contrived: a blind reader called
// "Update on my application - ...", "Our ... interview on Thursday" and
// "My answer on the ... offer" a machine's. The first of each situation
// is the follow-up's when the decline's own subject is not known.
var subjects = map[Situation]toned{
	SituationWithdrawal: withTones(
		[]string{"Withdrawing my {role} application", "{role} application", "Withdrawing my application for {role}",
			"{role} application withdrawal", "Withdrawing from the {role} process", "Withdrawal of application – {role}"},
		[]string{"Application for {role}", "My application for the {role} role", "Application withdrawal – {role}"},
		[]string{"My {role} application", "Withdrawing my application – {role}"}),
	SituationInvitation: withTones(
		[]string{"{role} interview", "{role} interview invitation", "Declining the {role} interview",
			"Interview for the {role} role", "Interview invitation – {role}"},
		[]string{"Interview for {role}", "Your invitation to interview for {role}", "Invitation to interview – {role}"},
		[]string{"Thanks for the {role} interview invitation", "Interview for {role}", "Thank you for the invitation – {role}"}),
	SituationBeforeInterview: withTones(
		[]string{"{role} interview{date}", "Cancelling my {role} interview{date}", "{dayof} {role} interview",
			"Cancelling {dayof} {role} interview", "Cancelling the {role} interview", "{role} interview cancellation",
			"Interview cancellation – {role}", "Interview{date} – {role}"},
		[]string{"Unable to attend the {role} interview{date}", "Withdrawing from the {role} process"},
		[]string{"Can't make the {role} interview{date}", "Cancelling our interview{date} – {role}"}),
	SituationAfterInterview: withTones(
		[]string{"Withdrawing my {role} application", "{role} application", "Withdrawing from the {role} process",
			"Following our {role} interview", "{role} interview", "Withdrawal of application – {role}"},
		[]string{"Application for {role}", "My application for the {role} role", "Following our interview – {role}"},
		[]string{"Thank you for the {role} interview", "My {role} application", "Thanks for the interview – {role}"}),
	SituationOffer: withTones(
		[]string{"{role} offer", "Declining the {role} offer", "{role} job offer", "Job offer – {role}", "Your offer – {role}"},
		[]string{"Offer for the {role} role", "Your offer for the {role} role", "Offer of employment – {role}"},
		[]string{"Thank you for the {role} offer", "Offer for the {role} role", "Thank you – {role} offer"}),
}

// subjectLabels open a subject that files the letter as a form would:
// "Interview cancellation: Sam Lee, Senior Go Engineer", or with the name
// left to the From line "Job offer: Senior Go Engineer".
var subjectLabels = map[Situation]toned{
	SituationWithdrawal:      {ToneFormal: {"Withdrawal of application", "Application withdrawal"}, ToneWarm: {"Application withdrawal"}},
	SituationInvitation:      {ToneFormal: {"Interview invitation", "Invitation to interview"}, ToneWarm: {"Interview invitation"}},
	SituationBeforeInterview: {ToneFormal: {"Interview cancellation"}, ToneWarm: {"Interview cancellation"}},
	SituationAfterInterview:  {ToneFormal: {"Withdrawal of application", "Application withdrawal"}, ToneWarm: {"Application withdrawal"}},
	SituationOffer:           {ToneFormal: {"Offer of employment", "Job offer"}, ToneWarm: {"Job offer"}},
}

// withTones is a table whose formal phrasings are common and formal, and
// whose warm ones common and warm.
func withTones(common, formal, warm []string) toned {
	return toned{ToneFormal: slices.Concat(common, formal), ToneWarm: slices.Concat(common, warm)}
}

// How a subject holds the sender's name (see withSender).
const (
	nameNone     = iota // left to the From line
	nameAfter           // "Senior Go Engineer offer – Sam Lee"; after a dash topic, ", Sam Lee"
	nameFirst           // "Sam Lee – Senior Go Engineer offer"
	nameBrackets        // "Senior Go Engineer offer (Sam Lee)"
)

// subjectLine is the e-mail's subject. A letter that answers an
// invitation which came by e-mail replies in its thread ("Re: " and the
// invitation's own subject), as people answer a recruiter. Otherwise it
// is one of the situation's subjects in the letter's tone, chosen by the
// wording: a quarter a label and the name ("Job offer: Sam Lee, Senior
// Go Engineer"), the rest a topic with the name after a dash, before one
// or, now and then, in brackets. When the profile has an address, whose From
// line says who writes, two subjects in five leave the name out; so no
// one frame, and no name set off by a dash, is in most subjects
// (TestSubjectFramesVary).
func subjectLine(r Request, v values, c chooser) string {
	if r.ThreadSubject != "" {
		return replySubject(r.ThreadSubject)
	}
	// How the name is put, by twentieths: a label (25 %), after a dash
	// (30 %), before one (25 %), in brackets (20 %).
	f, form := c.index(partSubject+3*partLead, 20), nameNone
	if k := c.index(partSubject+partLead, 20); r.Sender.Email == "" || k >= 8 {
		switch {
		case f < 11:
			form = nameAfter
		case f < 16:
			form = nameFirst
		default:
			form = nameBrackets
		}
	}
	if labels := subjectLabels[r.Situation][r.Tone]; f < 5 && len(labels) > 0 {
		label := c.pick(partSubject+5*partLead, labels)
		if form == nameNone || v.sender == "" {
			return label + ": " + truncate(v.role, maxSubjectRole)
		}
		return label + ": " + v.sender + ", " + truncate(v.role, maxSubjectRole)
	}
	v.date = ""
	if r.InterviewAt != nil && r.Situation == SituationBeforeInterview {
		s := slotNamesOf(r, c)
		v.date, v.dayof = s.date, s.datePoss
	}
	list := subjects[r.Situation][r.Tone]
	if v.dayof == "" {
		list = slices.DeleteFunc(slices.Clone(list), func(s string) bool { return strings.Contains(s, "{dayof}") })
	}
	i := c.index(partSubject, len(list))
	tmpl := c.expand(partSubject*64+i, 0, list[i])
	if at := strings.Index(tmpl, "{dayof}"); at > 0 {
		v.dayof = strings.ToLower(v.dayof[:1]) + v.dayof[1:] // "Cancelling tomorrow's ..."
	}
	return withSender(subjectValues(v).fill(tmpl), v.sender, form)
}

// withSender adds the sender's name to a subject's topic in form: after
// a dash ("Senior Go Engineer interview – Sam Lee"), before one ("Sam Lee
// – Senior Go Engineer offer") or in brackets ("Senior Go Engineer
// interview (Sam Lee)"). A topic with a dash of its own takes the name
// after a comma ("Withdrawal of application – Senior Go Engineer, Sam
// Lee") or in brackets, never a second dash, and only such a topic takes
// a comma. Only a topic that names a thing follows the name: "Sam Lee –
// Thank you for ..." or "Sam Lee – My ... application" is nobody's.
func withSender(topic, sender string, form int) string {
	dashed := strings.Contains(topic, " – ") || strings.Contains(topic, ":")
	if form == nameFirst && !dashed && startsWithAny(topic, "Thank", "Can't", "Unable", "My ", "Your ") {
		form = nameAfter
	}
	switch {
	case sender == "" || form == nameNone:
		return topic
	case form == nameBrackets || dashed && form == nameFirst:
		return topic + " (" + sender + ")"
	case dashed:
		return topic + ", " + sender
	case form == nameAfter:
		return topic + " – " + sender
	}
	return sender + " – " + topic
}

// replySubject is the subject of a reply: "Re: " and the original, once.
func replySubject(subject string) string {
	if len(subject) >= 3 && strings.EqualFold(subject[:3], "re:") {
		return subject
	}
	return "Re: " + subject
}

// startsWithAny reports whether s starts with one of prefixes.
func startsWithAny(s string, prefixes ...string) bool {
	return slices.ContainsFunc(prefixes, func(p string) bool { return strings.HasPrefix(s, p) })
}
