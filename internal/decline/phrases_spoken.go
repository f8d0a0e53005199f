package decline

import (
	"fmt"
	"regexp"
	"slices"
	"strings"
)

// The phrasings of messages, phone scripts and voicemails. They follow the
// rules of phrases.go; the spoken ones are short, as people speak.

// shortOffers are the offers of help for messages.
var shortOffers = map[Offer]toned{
	OfferReferral: {
		ToneFormal: {"I will gladly refer anyone [suitable|who would fit].", "I will pass the role on to anyone [suitable|I think would fit].",
			"If I know someone who fits, I will send them your way."},
		ToneWarm: {"I'll send anyone [suitable|good] your way.", "I'll pass the role on to anyone who'd suit it.",
			"Happy to refer anyone I think would fit."},
	},
	OfferReference: {
		ToneFormal: {"I will gladly recommend your team to others.", "I will gladly recommend you to friends.",
			"I would be glad to recommend you to people I know.",
			"I will [gladly|happily] put in a good word for you.", "I would happily recommend you to others."},
		ToneWarm: {"I'll happily recommend your team to friends.", "I'll recommend you to friends who are looking.",
			"I'll gladly recommend you to anyone looking.",
			"I'll [happily|gladly] speak well of you to friends.", "I'll recommend you to friends who ask."},
	},
	OfferStayInTouch: {
		ToneFormal: {"I would be [glad|happy] to stay in touch.", "I hope we can [stay in contact|stay in touch].",
			"I would be [happy|glad] to hear from you in the future.", "Please feel free to contact me about other openings.",
			"Please keep me in mind for future roles.", "Let me know if I can ever help.",
			"I would be glad to hear of other roles.", "I hope we can work together another time.",
			"I would be glad to be considered for other roles.", "I would be glad to hear about other openings later.",
			"I hope you will keep me in mind in future.", "Please get in touch if something else comes up.",
			"Let me know if a similar role opens up.", "I would be happy to hear about future openings.",
			"Please let me know if another opening comes up.", "I would be glad to hear about other roles."},
		ToneWarm: {"I'd [love|like] to stay in touch.", "Do keep in touch.",
			"Feel free to reach out if something else comes up.", "Drop me a line if anything else [comes up|opens up].",
			"Drop me a line anytime.", "Maybe we'll work together another time.",
			"Hope we get to work together in the future.", "Keep me in mind for anything else.",
			"Keep me in mind for future roles.", "I'd be glad to hear about other roles later.",
			"Happy to hear about other roles down the line.", "Keep me in mind if something similar comes up.",
			"Happy to hear of other openings."},
	},
}

// Whom a call or voicemail greets: nobody by name (a team, an inbox,
// nobody known), a person in a warm call, a person in a formal one.
const (
	helloNobody = iota
	helloWarm
	helloFormal
	helloFullName // a formal call to a person greeted by full name
)

// phoneHellos open a live call: who is calling, as people say it.
var phoneHellos = [][]string{
	helloNobody: {"Hello, this is {sender}.", "Hello, it's {sender} here.", "Hi, this is {sender}.", "Hello, my name's {sender}.", "Hi, it's {sender}."},
	helloWarm: {"Hi {greet}, it's {sender}.", "Hi {greet}, this is {sender}.", "Hello {greet}, it's {sender} here.", "Hi {greet}, {sender} here.",
		"Hey {greet}, it's {sender}.", "Hiya {greet}, it's {sender}."},
	helloFormal: {"Hello {greet}, this is {sender}.", "Hello {greet}, {sender} speaking.", "Hello, is that {greet}? It's {sender} here.",
		"Hello {greet}, {sender} here.", "Hi {greet}, it's {sender}.", "Hello {greet}, it's {sender} speaking."},
	// "Hello Sarah Johnson," is written, not said: a full name is asked for.
	helloFullName: {"Hello, is that {greet}? It's {sender} here.", "Hi, is that {greet}? This is {sender}.", "Hello, am I speaking to {greet}? My name's {sender}.",
		"Hello, I'm trying to reach {greet}. This is {sender}."},
}

// callingAbout says what a call is about, in words that fit what is
// declined.
var callingAbout = map[Situation][]string{
	SituationWithdrawal: {"I'm [calling|ringing] about my application for the {role} role at {company}.", "It's about the {role} [position|role] at {company}.",
		"I'm calling about the {role} job at {company}.", "It's about my application for the {role} job at {company}.",
		"I wanted to talk to you about the {role} role at {company}.", "It's about the {role} job I applied for at {company}.",
		"I'm calling about the {role} vacancy at {company}.", "I wanted to catch you about the {role} job I applied for at {company}."},
	SituationInvitation: {"I'm [calling|ringing] about the interview for the {role} role at {company}.", "It's about your invitation to interview for the {role} role at {company}.",
		"It's about the {role} [position|role] at {company}.", "I'm calling about the {role} job at {company}.",
		"I'm calling about the interview you offered me for the {role} role at {company}.", "It's about the {role} interview at {company}.",
		"I wanted to talk to you about the {role} role at {company}.", "I wanted to catch you about the {role} role at {company}.",
		"I'm getting back to you about the {role} role at {company}."},
	SituationBeforeInterview: {"I'm [calling|ringing] about our interview for the {role} role at {company}.", "It's about the {role} interview at {company}.",
		"I'm calling about the interview we've got booked for the {role} role at {company}.", "It's about the {role} [position|role] at {company}.",
		"I wanted to talk to you about the {role} role at {company}.", "I'm calling about the {role} job at {company}.",
		"It's about my interview for the {role} role at {company}.", "It's about my application for the {role} role at {company}.",
		"I'm [ringing|calling] about my application for the {role} job at {company}.", "I wanted to catch you about the {role} role at {company}."},
	SituationAfterInterview: {"I'm [calling|ringing] about the {role} role at {company}.", "It's about the {role} [position|role] at {company}.",
		"I'm calling about the {role} role at {company}, after our interview.", "I'm calling about the {role} job at {company}.",
		"I wanted to talk to you about the {role} role at {company}.", "It's about my interview for the {role} job at {company}.",
		"I wanted to follow up on the {role} role at {company}.", "I'm getting back to you about the {role} role at {company}.",
		"I wanted to catch you about the {role} job at {company}."},
	SituationOffer: {"I'm [calling|ringing] about your offer for the {role} role at {company}.", "It's about the {role} offer from {company}.",
		"I'm calling about the offer for the {role} job at {company}.", "I wanted to talk to you about the {role} role at {company}.",
		"It's about the {role} [position|role] at {company}.", "It's about your offer for the {role} job at {company}.",
		"I wanted to get back to you about the {role} offer from {company}.", "I wanted to catch you about the {role} role at {company}.",
		"I've got an answer for you on the {role} role at {company}.", "I'm calling with my answer on the {role} job at {company}.",
		"I said I'd get back to you on the {role} role at {company}.", "It's about the job you offered me at {company}, the {role} role.",
		"I've been thinking about the {role} offer from {company}."},
}

// oneBreath says who calls and why in one sentence, as people open a
// call they are expected on: "Hi Maria, it's Sam Lee, about the Senior Go
// Engineer role at Northwind Traders.", "Hello, this is Sam Lee – I'm
// calling about ..."; "" when the greeting asks a question ("Hello, is
// that Maria Anders? ...") and cannot run on.
func oneBreath(hi, about string) string {
	if strings.ContainsAny(hi, "?") || !strings.HasSuffix(hi, ".") || strings.Count(hi, ".") > 1 || about == "" {
		return ""
	}
	hi = strings.TrimSuffix(hi, ".")
	if rest, ok := strings.CutPrefix(about, "It's about "); ok {
		return hi + ", about " + rest
	}
	return hi + " – " + lowerFirst(about)
}

// goodTime asks whether the call is convenient, as people ask it on the
// phone; callReassurances say instead, or after the question, that the
// call will be short. A call checks the time in one of several ways (see
// callOpening): a blind reader heard "Do you have a minute?" in every
// call.
var (
	goodTime = toned{
		ToneFormal: {"Is now a good time[| to talk]?", "Is this a good moment?", "Have I caught you at a good time?",
			"Do you have a moment?", "Do you have a couple of minutes?", "Is now a convenient time?",
			"Are you free to talk for a minute?", "Have you got a few minutes?"},
		ToneWarm: {"Have you got a minute?", "Have you got two minutes?", "Is now OK for a quick word?",
			"Is this a bad time?", "Have I caught you at a bad moment?", "Can you talk for a sec?",
			"Are you free for a quick chat?", "Is now all right?"},
	}
	callReassurances = toned{
		ToneFormal: {"I won't keep you long.", "I'll keep this short.", "I'll be brief.", "This won't take long.",
			"It'll only take a couple of minutes."},
		ToneWarm: {"I'll be quick.", "I'll keep it short.", "It's just a quick call.", "It'll only take a minute.",
			"It won't take long."},
	}
)

// spokenDeclines say the decline in one short sentence. A formal call is
// still spoken English (contractions, short sentences), but it has none of
// the casual lines of a warm one ("I'm pulling out", "mess up your plans").
var spokenDeclines = situated{
	SituationWithdrawal: {
		ToneFormal: {"I've decided to withdraw my application.", "I'd like to withdraw my application[|, please].",
			"I'm [calling|phoning] to withdraw my application.", "I'm withdrawing from [the process|consideration]."},
		ToneWarm: {"I'm withdrawing my application.", "I'd like to withdraw my application[|, please].",
			"I'm afraid I'm withdrawing my application.", "I've decided to take myself out of the running."},
	},
	SituationInvitation: {
		ToneFormal: {"I've decided to decline the interview.", "I'm afraid I'll have to decline the interview.",
			"I'm calling to say that I won't be taking up the interview.", "I've decided not to go forward with my application.",
			"I'm sorry, but I'm going to withdraw my application."},
		ToneWarm: {"I'm going to [decline|turn down] the interview.", "I'm going to pass on the interview, I'm afraid.",
			"I'm afraid I won't be taking up the interview.", "I've decided not to go ahead with the interview."},
	},
	SituationBeforeInterview: {
		ToneFormal: {"I'm withdrawing my application and need to cancel the interview{slot}.",
			"I'm afraid I need to withdraw my application, and I won't be coming to the interview{slot}.",
			"I'm [calling|phoning] to cancel our interview{slot}. I've decided to withdraw my application.",
			"I'm calling to cancel my interview{slot}, as I'm withdrawing my application.",
			"I'm afraid I have to cancel the interview{slot}. I'm withdrawing my application."},
		ToneWarm: {"I'm withdrawing my application and won't be at our interview{slot}.",
			"I'm afraid I can't make the interview{slot}. I'm withdrawing my application.",
			"I need to call off our interview{slot}, I'm afraid. I'm pulling out of the process.",
			"I'm ringing to cancel my interview{slot}, I'm afraid. I'm withdrawing my application.",
			"I won't be coming in for the interview{slot}. I'm pulling out of the running."},
	},
	SituationAfterInterview: {
		ToneFormal: {"I've decided to withdraw my application.", "I won't be continuing with the process.",
			"I'm [calling|phoning] to withdraw my application.", "I'd like to withdraw from [the process|consideration].",
			"After a lot of thought, I've decided not to continue.", "I'm sorry, but I'm going to withdraw."},
		ToneWarm: {"I'm withdrawing my application.", "I'm not going to continue with the process.",
			"I'm afraid I'm pulling out of the process.", "I've decided to step back from the process.",
			"I've had a think, and I'm going to step back.", "I'm sorry, but I'm taking myself out of the running."},
	},
	SituationOffer: {
		ToneFormal: {"I've decided to decline the offer.", "I'm afraid I won't be accepting the offer.",
			"It was a hard decision, but I'm declining the offer.", "I'm [calling|phoning] to say I'm declining the offer.",
			"I've thought it over, and I'm not going to take the job.", "I've decided not to accept the position.",
			"I'm sorry, but I've decided to turn the offer down.", "After a lot of thought, the answer has to be no.",
			"I won't be taking the job, I'm sorry to say."},
		ToneWarm: {"I'm going to [turn down|decline] the offer.", "I'm afraid I won't be accepting the job.",
			"I'm going to turn the offer down, I'm afraid.", "It's been a hard decision, but I'm declining the offer.",
			"I've thought about it a lot, and I'm going to say no.", "I'm really sorry, but I won't be taking the job.",
			"I've decided not to take the job, I'm afraid.", "I'm going to have to pass on the job."},
	},
}

// spokenThanks thank the listener for what they did.
var spokenThanks = situated{
	situationNextRound: {
		ToneFormal: {"Thank you for our earlier conversation, and for asking me back.", "I enjoyed meeting you, and I'm grateful for the invitation.",
			"Thank you for your time at the interview."},
		ToneWarm: {"Thanks so much for our chat, and for asking me back.", "I really enjoyed meeting you, so thank you.", "Thank you for our earlier chat, and for inviting me back."},
	},
	SituationWithdrawal: {
		ToneFormal: {"Thank you for considering me.", "Thank you for your time.", "Thanks very much for considering me.",
			"I appreciate you taking the time to consider me."},
		ToneWarm: {"Thank you for considering me.", "Thanks for your time.", "Thanks for looking at my application."},
	},
	SituationInvitation: {
		ToneFormal: {"Thank you for the invitation, and for your time.", "Thank you for thinking of me.", "I'm grateful for the invitation.",
			"I appreciate you taking the time to look at my application.", "Thank you for considering me for it.",
			"It was good of you to consider me, so thank you."},
		ToneWarm: {"Thanks for thinking of me.", "I really appreciate you asking.", "Thanks so much for the invitation.",
			"It was really nice to be asked, so thanks.", "Thanks for considering me.",
			"I appreciate you taking the time to look at my application."},
	},
	SituationBeforeInterview: {
		ToneFormal: {"Thank you for arranging it, and I'm sorry for the inconvenience.", "Thank you for setting it up, and I'm sorry it's such short notice.",
			"I'm sorry for the trouble, and thank you for making the time.", "I appreciate your help in arranging it, and I'm sorry for the change.",
			"Thank you for setting it up, and I'm sorry for any trouble.", "Thank you for making the time, and I'm sorry to change the plan.",
			"Thank you for the invitation, and I'm sorry for the inconvenience.", "I'm sorry to cancel, and thank you for your time."},
		ToneWarm: {"Thank you for setting it up, and sorry for any trouble.", "Sorry to mess up your plans, and thanks for fitting me in.",
			"Thanks so much for the invitation, and sorry to cancel.", "Sorry for the hassle, and thanks for your time.", "Thanks for the chance, and sorry to back out."},
	},
	SituationAfterInterview: {
		ToneFormal: {"Thank you for the interview, which I enjoyed.", "Thank you for your time at the interview.", "I'm grateful for the time you gave me{met}.",
			"I appreciated meeting you and [the team|your colleagues].", "Thank you for telling me so much about the role.",
			"I'm grateful you took the time to talk me through the role."},
		ToneWarm: {"Thanks for the interview – I really enjoyed it.", "I really did enjoy meeting you{met}, so thank you.", "Thanks for your time at the interview.",
			"Thanks for telling me all about the role.", "It was great to chat with you, so thanks for that.",
			"I appreciate you talking me through the role."},
	},
	SituationOffer: {
		ToneFormal: {"Thank you for thinking of me for the job, and for all your time.", "I'm very grateful for all your time.",
			"I really appreciate you wanting me on the team.", "Thank you for all your time through the process.",
			"I'm grateful for the time you've put into this.", "Thank you for everything you have done.",
			"I do appreciate the confidence you've shown in me.", "Thank you for all you've done for me."},
		ToneWarm: {"It's lovely that you wanted me on the team, so thank you.", "Thanks so much for everything.", "Thanks so much for thinking of me.",
			"I'm really grateful for all your time.", "Thanks for everything you've done.", "Honestly, thanks for all your help.",
			"I really appreciate all the time you've put in.", "Thanks a lot for taking a chance on me."},
	},
}

// spokenGoodbyes end the call: one goodbye, never "Goodbye for now.",
// which after a decline sounds like a promise to call again. People end
// a call in several ways: a wish or thanks and then the goodbye, the two
// run together ("Take care, bye!", "Goodbye, and all the best."), or,
// to a person the call greeted by name, with the name before the goodbye
// (spokenGoodbyesNamed: "Goodbye, Dr. Lima, and ..." would end the call
// on the title's full stop); a blind reader heard "All the best to you.
// Bye now." end every call.
var (
	spokenGoodbyes = toned{
		ToneFormal: {"All the best with the search. Goodbye.", "Good luck with the search. Goodbye.", "Enjoy the rest of your day. Goodbye.",
			"Have a good week – goodbye.", "I hope the search goes well. Goodbye.",
			"Thanks again for your time. Goodbye.", "Thank you again, and goodbye.", "Thanks for taking my call. Goodbye.",
			"Right, I'll let you go. Goodbye.", "I'll let you get back to your day. Goodbye.", "I won't keep you any longer. Goodbye.",
			"That's all I wanted to say. Goodbye.",
			"Goodbye, and all the best.", "Goodbye, and best of luck."},
		ToneWarm: {"Take care, bye!", "Have a great day. Bye.", "Have a good one. Bye!", "Good luck with it all. Bye.",
			"Thanks again, bye.", "Thanks for picking up. Bye!", "Thanks for hearing me out. Bye.",
			"I'll let you get on. Bye!", "I'll leave you to it. Bye!", "Anyway, I won't keep you. Bye!",
			"That's all, really. Bye!", "Anyway, that's it from me. Bye.", "Well, that's everything. Bye!",
			"Bye, and good luck with everything."},
	}
	spokenGoodbyesNamed = toned{
		ToneFormal: {"Thank you again, {greet}. Goodbye.", "Thanks again, {greet}. Goodbye.", "All the best, {greet}. Goodbye."},
		ToneWarm:   {"Thanks again, {greet}. Bye.", "Take care, {greet}. Bye!", "Good luck with it all, {greet}. Bye."},
	}
)

// spokenContractions turn our written phrasings into what is said aloud.
var spokenContractions = strings.NewReplacer("I have ", "I've ", "I am ", "I'm ", "I would ", "I'd ", "I will ", "I'll ",
	"It is ", "It's ", " it is ", " it's ", "It would ", "It'd ", "we will ", "we'll ", "That is ", "That's ",
	" is not ", " isn't ", " would not ", " wouldn't ", " does not ", " doesn't ", " do not ", " don't ", " cannot ", " can't ")

// maxSpokenWords is the most words a sentence of a phone script has.
const maxSpokenWords = 16

// uncontractable are the contractions spokenContractions makes where
// English cannot: before a verb ("where I'm is right"), at a clause's
// end, or "I've" as a verb of its own ("I've to").
var uncontractable = regexp.MustCompile(`\bI'm( (is|was|and|but)\b|[,.])|\bI've (to|a|an|the|no)\b`)

// contract is s with what is said aloud contracted (see
// spokenContractions), where English allows it.
func contract(s string) string {
	return uncontractable.ReplaceAllStringFunc(spokenContractions.Replace(s), func(m string) string {
		if strings.HasPrefix(m, "I'm") {
			return "I am" + m[len("I'm"):]
		}
		return "I have" + m[len("I've"):]
	})
}

// spoken is list said aloud: contracted, and only the sentences short
// enough to say in one breath (all of list when none is).
func spoken(list []string) []string {
	var out []string
	for _, s := range list {
		if s = contract(s); len(strings.Fields(s)) <= maxSpokenWords {
			out = append(out, strings.TrimPrefix(s, "^"))
		}
	}
	if len(out) == 0 {
		return list
	}
	return out
}

// spokenReasons are the reasons of the e-mails as a phone script says
// them; the warm reasons keep their mark for a lead.
var (
	// shortOffersBySituation are offersBySituation short enough for a
	// message.
	shortOffersBySituation = bySituation(func(list []string) []string {
		return slices.DeleteFunc(slices.Clone(list), func(s string) bool { return len(strings.Fields(s)) > maxMessageOffer })
	})
	spokenReasons, spokenReasonsMet = spokenReasonTable(reasonSentences, spokenReasonsFormal), spokenReasonTable(reasonsAfterMeeting, nil)
	spokenReasonsBeside             = spokenReasonTable(reasonsBesideMeetings, nil)
)

// spokenReasonsFormal replace the formal reasons of the e-mails that read
// as written when said aloud ("I'm looking for work closer to what I want
// to do next in my career.").
var spokenReasonsFormal = map[Reason][]string{
	ReasonRoleFit: {"It isn't quite the kind of work I want to do next.", "I think my experience fits a different kind of role better.",
		"I'm looking for something closer to the work I want to do next.", "I want my next step to be in a different area of work.",
		"The role isn't quite the direction I want my career to take."},
}

// spokenOfferSentences are the offers of help of a call, as people say
// them on the phone: nothing a call cannot do ("I'll look you up on
// LinkedIn", "connect with you", "drop me a line", "reach out") and none
// of a letter's stiffer lines ("anyone in my network").
var spokenOfferSentences = map[Offer]toned{
	OfferStayInTouch: {
		ToneFormal: {"I'd be [glad|happy] to stay in touch.", "It'd be good to stay in touch.", "If something else comes up, I'd be glad to hear about it.",
			"Please get in touch if anything else comes up.", "I'd be happy to hear from you again.", "Please let me know if I can ever help.",
			"Perhaps we'll work together another time.", "Please do keep me in mind for the future."},
		ToneWarm: {"I'd love to stay in touch.", "Let's keep in touch.", "Let me know if anything else comes up.",
			"Keep me in mind if anything else comes up.", "Do keep in touch.", "Maybe we'll work together another time.",
			"I'd be happy to hear from you again some time.", "Let me know if I can ever help."},
	},
	OfferReferral: {
		ToneFormal: {"If I know anyone who'd suit the role, I'll send them your way.", "I'll pass the role on to anyone I think would suit it.",
			"I'll gladly point anyone suitable your way.", "If a friend would be right for it, I'll refer them to you."},
		ToneWarm: {"If I know anyone who'd be good for it, I'll send them your way.", "I'll pass it on to anyone I know who'd suit it.",
			"I'll happily send anyone good your way."},
	},
	OfferReference: {
		ToneFormal: {"I'll gladly recommend you to anyone who asks.", "I'll happily put in a good word for you.",
			"I'll speak well of you to anyone who asks.", "If friends ask me about your company, I'll recommend it."},
		ToneWarm: {"I'll gladly recommend you to people I know.", "I'll speak well of you to anyone I know.",
			"I'll recommend you to anyone who asks.", "If anyone asks me about you, I'll recommend you."},
	},
}

// spokenOffersBySit are the offers of a call that belong to one situation
// (see offersBySituation).
var spokenOffersBySit = map[Situation]map[Offer]toned{
	SituationWithdrawal: {
		OfferStayInTouch: {
			ToneFormal: {"Please keep me in mind for other roles.", "I'd be glad to hear about other roles."},
			ToneWarm:   {"Keep me in mind for anything else.", "Let me know if anything else comes up."},
		},
		OfferReferral: {
			ToneFormal: {"I'll pass the role on to anyone I know who'd suit it."},
			ToneWarm:   {"I'll pass the role on to friends who'd suit it."},
		},
	},
	SituationInvitation: {
		OfferStayInTouch: {
			ToneFormal: {"Please do keep me in mind for future roles.", "If a similar role comes up, I'd be glad to hear about it.",
				"I'd be glad to hear about other openings."},
			ToneWarm: {"Keep me in mind if something similar comes up.", "Let me know if anything else comes up.",
				"I'd be happy to hear about other roles."},
		},
	},
	SituationBeforeInterview: {
		OfferStayInTouch: {
			ToneFormal: {"I hope we'll get to meet another time.", "Please keep me in mind for future roles."},
			ToneWarm:   {"Hopefully we'll meet another time.", "Keep me in mind for other roles."},
		},
	},
	SituationAfterInterview: {
		OfferStayInTouch: {
			ToneFormal: {"It'd be good to stay in touch with you and the team.", "Please keep me in mind for other roles.",
				"If something closer to what I'm looking for comes up, I'd be glad to hear about it.", "Let me know if I can ever help the team."},
			ToneWarm: {"I'd love to keep in touch with you and the team.", "Let me know if I can ever help the team.",
				"Keep me in mind for other roles.", "If something closer to what I'm looking for comes up, I'd love to hear about it."},
		},
		OfferReferral: {
			ToneFormal: {"Now I know what the role needs, I'll gladly send anyone suitable your way."},
			ToneWarm:   {"Now I know what the role needs, I'll send anyone good your way."},
		},
	},
	SituationOffer: {
		OfferStayInTouch: {
			ToneFormal: {"I hope we can keep in touch.", "I'd be glad to stay in touch with the team.",
				"If anything else comes up later, I'd be glad to hear from you.", "Please let me know if I can ever help the team."},
			ToneWarm: {"Let's keep in touch – I'd love to hear how it all goes.", "Let me know if I can ever help the team.",
				"Maybe we'll end up working together another time.", "Let's stay in touch."},
		},
		OfferReferral: {
			ToneFormal: {"I know the role well now, so I'll gladly send anyone suitable your way."},
			ToneWarm:   {"I know the role well now, so I'll send anyone good your way."},
		},
	},
}

// maxMessageOffer is the most words of an offer of offersBySituation a
// message makes: a longer one runs the note past its length.
const maxMessageOffer = 9

// bySituation is offersBySituation with f applied to every list.
func bySituation(f func([]string) []string) map[Situation]map[Offer]toned {
	out := map[Situation]map[Offer]toned{}
	for sit, byOffer := range offersBySituation {
		out[sit] = map[Offer]toned{}
		for o, byTone := range byOffer {
			out[sit][o] = toned{ToneFormal: f(byTone[ToneFormal]), ToneWarm: f(byTone[ToneWarm])}
		}
	}
	return out
}

// spokenReasonTable is t said aloud: its formal reasons contracted, or
// those of formal where it has them; the warm ones as they are.
func spokenReasonTable(t map[Reason]toned, formal map[Reason][]string) map[Reason]toned {
	out := map[Reason]toned{}
	for r, byTone := range t {
		out[r] = toned{ToneFormal: spoken(byTone[ToneFormal]), ToneWarm: byTone[ToneWarm]}
		if list, ok := formal[r]; ok {
			out[r][ToneFormal] = list
		}
	}
	return out
}

// callBacks give a voicemail's number to call back, after
// confirmByEmail: "you can reach me on" in every voicemail was a line
// two calls shared.
var callBacks = []string{", and you can reach me on {phone}.", ". My number is {phone}.", ". If you need to call back, it's {phone}."}

// confirmByEmail says the call will be confirmed in writing.
var confirmByEmail = []string{"I'll confirm this by e-mail.", "I'll follow up with a short e-mail.", "I'll send a quick e-mail to confirm.",
	"I'll put it in an e-mail as well.", "I'll send you an e-mail too."}

// voicemailHellos open a voicemail: who is calling and what about, in
// one sentence; about one voicemail in three opens as a call does, in two (see
// voicemail).
var voicemailHellos = [][]string{
	helloNobody: {"Hello, this is {sender}, calling about the {role} role at {company}.", "Hi, it's {sender} here, about the {role} role at {company}.",
		"Hello, it's {sender}, ringing about the {role} job at {company}.", "Hi, {sender} here, calling about my application for the {role} role at {company}."},
	helloWarm: {"Hi {greet}, it's {sender}, calling about the {role} role at {company}.", "Hello {greet}, it's {sender} here, about the {role} role at {company}.",
		"Hi {greet}, {sender} here, calling about the {role} job at {company}."},
	helloFormal: {"Hello {greet}, this is {sender}, calling about the {role} role at {company}.", "Hello, this is {sender} with a message for {greet} about the {role} role at {company}.",
		"Hello {greet}, it's {sender} here, calling about the {role} position at {company}."},
	helloFullName: {"Hello, this is {sender} with a message for {greet} about the {role} role at {company}.",
		"This message is for {greet}. It's {sender}, calling about the {role} role at {company}.",
		"Hello, this message is for {greet}. This is {sender}, about the {role} position at {company}."},
}

// voicemailGoodbyes end a voicemail, which has thanked once already.
var voicemailGoodbyes = toned{ToneFormal: {"Goodbye.", "Have a good day. Goodbye.", "All the best. Goodbye.", "Enjoy the rest of your week. Goodbye.",
	"Good luck with the search. Goodbye."},
	ToneWarm: {"Take care. Bye.", "Bye.", "All the best. Bye.", "Have a good one. Bye!", "Have a great week. Bye.", "Good luck with everything. Bye."}}

// voicemailThanks are the one thanks a voicemail has time for.
var voicemailThanks = situated{
	situationNextRound: {
		ToneFormal: {"Thank you for our conversation, and for asking me back.", "Thank you for inviting me back."},
		ToneWarm:   {"Thanks so much for asking me back.", "Thank you for inviting me back."},
	},
	SituationWithdrawal: {
		ToneFormal: {"Thank you for considering me.", "Thank you for your time on my application."},
		ToneWarm:   {"Thanks for considering me.", "Thanks so much for your time."},
	},
	SituationInvitation: {
		ToneFormal: {"Thank you for the invitation.", "Thank you for thinking of me."},
		ToneWarm:   {"Thanks so much for the invitation.", "Thanks for thinking of me."},
	},
	SituationBeforeInterview: {
		ToneFormal: {"Thank you for arranging it, and I'm sorry for the trouble.", "Thank you for setting it up.", "Thank you for the invitation, and I'm sorry to cancel."},
		ToneWarm:   {"Thanks for setting it up, and sorry for the hassle.", "Thanks for arranging it.", "Thanks for your time, and sorry for the hassle."},
	},
	SituationAfterInterview: {
		ToneFormal: {"Thank you for the interview.", "Thank you for your time at the interview."},
		ToneWarm:   {"Thanks for the interview – I enjoyed it.", "Thanks for your time at the interview."},
	},
	SituationOffer: {
		ToneFormal: {"Thank you for the offer.", "I really appreciate you wanting me on the team."},
		ToneWarm:   {"Thanks so much for the offer.", "Thanks so much for thinking of me."},
	},
}

// The sentences that give a reason in the user's own words on a call
// (see framedOwn): a spoken lead before a clause, now and then, and the
// frames a noun phrase needs, as people say them aloud.
var (
	spokenClauseFrames = toned{
		ToneFormal: {"The thing is, {detail}.", "It's just that {detail}."},
		ToneWarm:   {"Thing is, {detail}.", "It's just that {detail}."},
	}
	spokenCauseFrames = toned{
		ToneFormal: {"It's because of {detail}, I'm afraid.", "Sadly, it's because of {detail}."},
		ToneWarm:   {"It's because of {detail}, I'm afraid.", "Sadly, it's because of {detail}."},
	}
	spokenForFrames = toned{
		ToneFormal: {"It's for {detail}, I'm afraid.", "Sadly, it's for {detail}."},
		ToneWarm:   {"It's for {detail}, I'm afraid.", "Sadly, it's for {detail}."},
	}
)

// clock24 is a time on the 24-hour clock, as a British letter writes it,
// or one on the 12-hour clock that a US letter has said already.
var clock24 = regexp.MustCompile(`\b([01]?[0-9]|2[0-3]):([0-5][0-9])\b( [ap]\.m\.)?`)

// spokenClock is s with its times on the 24-hour clock as people say
// them on a call: "14:00" is "2 p.m.", "9:30" "9.30 a.m." (in US English
// "9:30 a.m."), "12:00" "midday" ("noon").
func spokenClock(s string, e English) string {
	return clock24.ReplaceAllStringFunc(s, func(m string) string {
		if strings.HasSuffix(m, ".m.") {
			return m // a US slot says "2:30 p.m." already, not "2:30 a.m. p.m."
		}
		var h, min int
		fmt.Sscanf(m, "%d:%d", &h, &min)
		switch {
		case h == 12 && min == 0 && e == EnglishUS:
			return "noon"
		case h == 12 && min == 0:
			return "midday"
		case h == 0 && min == 0:
			return "midnight"
		}
		half := "a.m."
		if h >= 12 {
			half = "p.m."
		}
		if h = h % 12; h == 0 {
			h = 12
		}
		if min == 0 {
			return fmt.Sprintf("%d %s", h, half)
		}
		sep := "."
		if e == EnglishUS {
			sep = ":"
		}
		return fmt.Sprintf("%d%s%02d %s", h, sep, min, half)
	})
}
