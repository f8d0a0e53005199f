package decline

import (
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
		ToneWarm: {"I'll happily recommend your team to friends.", "I'll put in a good word for you with friends.",
			"I'll gladly recommend you to anyone looking.",
			"I'll [happily|gladly] speak well of you to friends.", "I'll recommend you to friends who ask."},
	},
	OfferStayInTouch: {
		ToneFormal: {"I would be [glad|happy] to stay in touch.", "I hope we can stay in contact.",
			"I would be [happy|glad] to hear from you in the future.", "Please feel free to contact me about other openings.",
			"Please keep me in mind for future roles.", "I would be glad to connect on LinkedIn.", "Let me know if I can ever help.",
			"I would be glad to hear of other openings later.", "Please bear me in mind for other roles.",
			"I would be glad to be considered for other roles.", "Do bear me in mind for other vacancies.",
			"I would gladly hear of other roles.", "Do keep me in mind in future."},
		ToneWarm: {"I'd [love|like] to stay in touch.", "Do keep in touch.", "I'll look you up on LinkedIn.",
			"Feel free to reach out if something else comes up.", "Drop me a line if anything else [comes up|opens up].",
			"Let me know if I can ever return the favour.", "Maybe we'll work together another time.",
			"Keep me in mind for future roles.", "I'd be glad to hear about other roles later.",
			"Happy to hear about other roles down the line.", "Keep me in mind if something similar comes up.",
			"Happy to hear of other openings."},
	},
}

// callingAbout says what a call is about.
var callingAbout = []string{"I'm [calling|ringing] about the {role} role at {company}.", "It's about the {role} [position|role] at {company}.",
	"I'm calling about the {role} job at {company}.", "I wanted to talk to you about the {role} role at {company}."}

// goodTime asks whether the call is convenient before anything else.
var goodTime = []string{"Is now a good time[| to talk]?", "Is now a good time for a quick word?", "Have I caught you at a good time?",
	"Is this a good time[| for you]?"}

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
		ToneFormal: {"I've decided to decline the interview.", "I'm afraid I must decline the interview.",
			"I'm calling to say that I won't be taking up the interview."},
		ToneWarm: {"I'm going to [decline|turn down] the interview.", "I'm going to pass on the interview, I'm afraid.",
			"I'm afraid I won't be taking up the interview.", "I've decided not to go ahead with the interview."},
	},
	SituationBeforeInterview: {
		ToneFormal: {"I'm withdrawing my application and need to cancel our interview{slot}.",
			"I'm afraid I need to cancel our interview{slot}, because I'm withdrawing my application.",
			"I'm [calling|phoning] to cancel our interview{slot}. I've decided to withdraw my application."},
		ToneWarm: {"I'm withdrawing my application and won't be at our interview{slot}.",
			"I'm afraid I need to cancel our interview{slot}, because I'm withdrawing.",
			"I need to call off our interview{slot}, I'm afraid. I'm pulling out of the process."},
	},
	SituationAfterInterview: {
		ToneFormal: {"I've decided to withdraw my application.", "I won't be continuing with the process.",
			"I'm [calling|phoning] to withdraw my application.", "I'd like to withdraw from [the process|consideration]."},
		ToneWarm: {"I'm withdrawing my application.", "I won't be continuing with the process.",
			"I'm afraid I'm pulling out of the process.", "I've decided to step back from the process."},
	},
	SituationOffer: {
		ToneFormal: {"I've decided to decline the offer.", "I'm afraid I won't be accepting the offer.",
			"It was a hard decision, but I'm declining the offer.", "I'm [calling|phoning] to let you know I must decline the offer."},
		ToneWarm: {"I'm going to [turn down|decline] the offer.", "I'm afraid I won't be accepting the offer.",
			"I'm going to turn the offer down, I'm afraid.", "It's been a hard decision, but I'm declining the offer."},
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
		ToneFormal: {"Thank you for considering me.", "Thank you for your time[| on it].", "I'm grateful you took the time to look at it.",
			"I appreciate the [time|attention] you gave my application."},
		ToneWarm: {"Thank you for considering me.", "Thanks for your time[| on it].", "Thanks for looking at my application."},
	},
	SituationInvitation: {
		ToneFormal: {"Thank you for the invitation, and for your time.", "Thank you for thinking of me.", "I'm grateful for the invitation."},
		ToneWarm:   {"Thank you for thinking of me.", "I really appreciate you asking.", "Thanks so much for the invitation."},
	},
	SituationBeforeInterview: {
		ToneFormal: {"Thank you for arranging it, and I'm sorry for the inconvenience.", "Thank you for setting it up, and I apologise for the short notice.",
			"I'm sorry for the trouble, and thank you for making the time.", "I appreciate your help in arranging it, and I'm sorry for the change.",
			"Thank you for setting it up, and I apologise for any trouble this causes.", "Thank you for making the time, and I'm sorry to change the plan."},
		ToneWarm: {"Thank you for setting it up, and sorry for any trouble.", "Sorry to mess up your plans, and thanks for fitting me in."},
	},
	SituationAfterInterview: {
		ToneFormal: {"Thank you for the interview, which I enjoyed.", "Thank you for your time at the interview.", "I'm grateful for the time you gave me.",
			"I appreciated meeting you and [the team|your colleagues]."},
		ToneWarm: {"Thank you for the interview, which I enjoyed.", "I really did enjoy meeting you, so thank you.", "Thanks for your time at the interview."},
	},
	SituationOffer: {
		ToneFormal: {"Thank you for your confidence in me, and for all your time.", "I'm very grateful for the offer.",
			"Thank you for thinking of me for it.", "Thank you for the offer, and for your time throughout."},
		ToneWarm: {"I'm really grateful for your confidence in me.", "Thank you so much for wanting me.", "Thanks so much for the offer."},
	},
}

// spokenGoodbyes end the call.
var spokenGoodbyes = toned{
	ToneFormal: {"Goodbye, and thank you.", "Thank you, and goodbye.", "All the best with the search. Goodbye.", "Thanks again for your time. Goodbye.",
		"[My best wishes|All the best] to you and the team. Goodbye for now.", "Thank you for your time, and goodbye.",
		"I'll let you get on. Goodbye.", "Have a good afternoon. Goodbye.", "I wish you well. Goodbye."},
	ToneWarm: {"Goodbye for now.", "All the best with the search. Bye for now.", "Take care. Bye.", "Thanks again. Bye for now.",
		"All the best to you. Bye now.", "I'll let you get on. Bye!", "Have a great [day|week]. Bye.", "Good luck with it all. Bye for now."},
}

// spokenContractions turn our written phrasings into what is said aloud.
var spokenContractions = strings.NewReplacer("I have ", "I've ", "I am ", "I'm ", "I would ", "I'd ", "I will ", "I'll ",
	" is not ", " isn't ", " would not ", " wouldn't ", " does not ", " doesn't ", " do not ", " don't ", " cannot ", " can't ")

// maxSpokenWords is the most words a sentence of a phone script has.
const maxSpokenWords = 16

// spoken is list said aloud: contracted, and only the sentences short
// enough to say in one breath (all of list when none is).
func spoken(list []string) []string {
	var out []string
	for _, s := range list {
		if s = spokenContractions.Replace(s); len(strings.Fields(s)) <= maxSpokenWords {
			out = append(out, strings.TrimPrefix(s, "^"))
		}
	}
	if len(out) == 0 {
		return list
	}
	return out
}

// spokenOffers and spokenReasons are the offers and reasons of the
// e-mails as a phone script says them; the warm reasons keep their mark
// for a lead.
var (
	spokenOffers = func() map[Offer]toned {
		out := map[Offer]toned{}
		for o, byTone := range offerSentences {
			out[o] = toned{ToneFormal: spoken(byTone[ToneFormal]), ToneWarm: spoken(byTone[ToneWarm])}
		}
		return out
	}()
	// shortOffersBySituation are offersBySituation short enough for a
	// message.
	shortOffersBySituation = bySituation(func(list []string) []string {
		return slices.DeleteFunc(slices.Clone(list), func(s string) bool { return len(strings.Fields(s)) > maxMessageOffer })
	})
	// spokenOffersBySituation are offersBySituation said aloud.
	spokenOffersBySituation         = bySituation(spoken)
	spokenReasons, spokenReasonsMet = spokenReasonTable(reasonSentences), spokenReasonTable(reasonsAfterMeeting)
)

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

func spokenReasonTable(t map[Reason]toned) map[Reason]toned {
	out := map[Reason]toned{}
	for r, byTone := range t {
		out[r] = toned{ToneFormal: spoken(byTone[ToneFormal]), ToneWarm: byTone[ToneWarm]}
	}
	return out
}

// confirmByEmail says the call will be confirmed in writing.
var confirmByEmail = []string{"I'll confirm this by e-mail.", "I'll follow up with a short e-mail.", "I'll send a quick e-mail to confirm."}

// voicemailGoodbyes end a voicemail.
var voicemailGoodbyes = toned{ToneFormal: {"Goodbye.", "Thank you. Goodbye."}, ToneWarm: {"Goodbye.", "Thanks. Bye.", "Bye for now."}}

// voicemailThanks is the one thanks a voicemail has time for.
var voicemailThanks = map[Situation]string{
	situationNextRound:       "Thank you for our conversation, and for asking me back.",
	SituationWithdrawal:      "Thank you for considering me.",
	SituationInvitation:      "Thank you for the invitation.",
	SituationBeforeInterview: "Thank you for arranging it.",
	SituationAfterInterview:  "Thank you for the interview.",
	SituationOffer:           "Thank you for your confidence in me.",
}
