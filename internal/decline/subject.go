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
			"Cancelling {dayof} {role} interview", "Cancelling the {role} interview", "Withdrawing my {role} application",
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
	nameNone  = iota // left to the From line
	nameLabel        // "Job offer: Sam Lee, Senior Go Engineer"
	nameFirst        // "Sam Lee – Senior Go Engineer offer"
	nameColon        // "Sam Lee: Senior Go Engineer interview"
	nameAfter        // "Senior Go Engineer offer – Sam Lee"; after a dash topic, ", Sam Lee"
)

// subjectLine is the e-mail's subject. A letter that answers an
// invitation which came by e-mail replies in its thread ("Re: " and the
// invitation's own subject), as people answer a recruiter. Otherwise it
// is one of the situation's subjects in the letter's tone, chosen by the
// wording. When the profile has an address, whose From line says who
// writes, half the subjects leave the name out, as most people's do.
// Named, a subject is a label and the name ("Job offer: Sam Lee, Senior
// Go Engineer") or the name before the topic ("Sam Lee – Senior Go
// Engineer offer", less often "Sam Lee: Senior Go Engineer interview");
// the name after a dash ("... offer – Sam Lee") is rare, and in brackets
// ("... (Sam Lee)") never: a blind reader saw those in most subjects.
func subjectLine(r Request, v values, c chooser) string {
	if r.ThreadSubject != "" {
		return replySubject(r.ThreadSubject)
	}
	// How the name is put, by twentieths: a label (40 %), before a dash
	// (35 %), before a colon (15 %), after a dash (10 %). A blind reader
	// took "Emily Parker: Declining the ... interview" in a quarter of
	// the subjects for the program's; published subjects more often lead
	// with the topic ("Interview invitation: Emily Parker, ..."). A later
	// one, shown four labelled subjects of five ("Interview cancellation:
	// Marketing Coordinator"), took the label for a form's: a subject that
	// leaves the name to the From line is a label one time in seven, was
	// one in four.
	f, form := c.index(partSubject+3*partLead, 20), nameNone
	if k := c.index(partSubject+partLead, 20); r.Sender.Email == "" || k >= 9 {
		switch {
		case f < 8:
			form = nameLabel
		case f < 15:
			form = nameFirst
		case f < 18:
			form = nameColon
		default:
			form = nameAfter
		}
	}
	labels := subjectLabels[r.Situation][r.Tone]
	if len(labels) > 0 && (form == nameLabel || form == nameNone && f < 3) {
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
	// Only a topic that names a thing follows the name: "Sam Lee – Thank
	// you for ..." or "Sam Lee: My ... application" is nobody's, nor a
	// second dash ("Sam Lee – Withdrawal of application – ...").
	list := slices.DeleteFunc(slices.Clone(subjects[r.Situation][r.Tone]), func(s string) bool {
		return v.dayof == "" && strings.Contains(s, "{dayof}") ||
			(form == nameFirst || form == nameColon) && (strings.Contains(s, " – ") || startsWithAny(s, "Thank", "Can't", "Unable", "My ", "Your "))
	})
	i := c.index(partSubject, len(list))
	tmpl := c.expand(partSubject*64+i, 0, list[i])
	if at := strings.Index(tmpl, "{dayof}"); at > 0 {
		v.dayof = strings.ToLower(v.dayof[:1]) + v.dayof[1:] // "Cancelling tomorrow's ..."
	}
	return withSender(subjectValues(v).fill(tmpl), v.sender, form)
}

// withSender adds the sender's name to a subject's topic in form: before
// a dash ("Sam Lee – Senior Go Engineer offer"), before a colon ("Sam
// Lee: Senior Go Engineer interview") or after a dash ("Senior Go
// Engineer interview – Sam Lee"). A topic with a dash of its own takes
// the name after a comma ("Withdrawal of application – Senior Go
// Engineer, Sam Lee"), never a second dash.
func withSender(topic, sender string, form int) string {
	switch {
	case sender == "" || form == nameNone:
		return topic
	case form == nameFirst:
		return sender + " – " + topic
	case form == nameColon:
		return sender + ": " + topic
	case strings.Contains(topic, " – ") || strings.Contains(topic, ":"):
		return topic + ", " + sender
	}
	return topic + " – " + sender
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
