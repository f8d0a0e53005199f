package decline

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
		ToneFormal: {"I will gladly recommend your team to others.", "I will happily speak well of your team.",
			"I would be glad to recommend you to people I know."},
		ToneWarm: {"I'll happily recommend your team to friends.", "I'll put in a good word for you with friends.",
			"I'll gladly recommend you to anyone looking."},
	},
	OfferStayInTouch: {
		ToneFormal: {"I would be [glad|happy] to stay in touch.", "I hope our paths cross again[| one day].", "I hope we can keep in touch.",
			"I would be [happy|glad] to hear from you in the future.", "I would welcome staying in contact."},
		ToneWarm: {"I'd [love|like] to stay in touch.", "Let's keep in touch[.|!]", "Hope our paths cross again!", "Do keep in touch.",
			"Would be great to stay in touch.", "Happy to hear from you down the line.", "Let's stay connected."},
	},
}

// callingAbout says what a call is about.
var callingAbout = []string{"I'm [calling|ringing] about the {role} role at {company}.", "It's about the {role} [position|role] at {company}.",
	"I'm calling about the {role} job at {company}.", "I wanted to talk to you about the {role} role at {company}."}

// goodTime asks whether the call is convenient before anything else.
var goodTime = []string{"Is now a good time[| to talk]?", "Is now a good time for a quick word?", "Have I caught you at a good time?",
	"Is this a good time[| for you]?"}

// spokenDeclines say the decline in one short sentence.
var spokenDeclines = map[Situation][]string{
	SituationWithdrawal: {"I've decided to withdraw my application.", "I'd like to withdraw my application[|, please].",
		"I'm afraid I'm withdrawing my application.", "I've decided to take myself out of the running."},
	SituationInvitation: {"I've decided to [decline|turn down] the interview.", "I'm going to pass on the interview, I'm afraid.",
		"I'm afraid I won't be taking up the interview.", "I've thought about it, and I'm going to decline the interview."},
	SituationBeforeInterview: {"I've decided to withdraw my application, so I need to cancel our interview{slot}.",
		"I'm afraid I need to cancel our interview{slot}, because I've decided to withdraw.",
		"I need to call off our interview{slot}, I'm afraid: I've decided to withdraw."},
	SituationAfterInterview: {"I've decided to withdraw my application.", "I've decided not to continue with the process.",
		"I'm afraid I'm pulling out of the process.", "I've thought it over, and I'm withdrawing my application."},
	SituationOffer: {"I've decided to [turn down|decline] the offer.", "I'm afraid I won't be accepting the offer.",
		"I've thought it over, and I'm going to turn the offer down.", "It's been a hard decision, but I'm declining the offer."},
}

// spokenThanks thank the listener for what they did.
var spokenThanks = map[Situation][]string{
	SituationWithdrawal:      {"Thank you for considering me.", "Thank you for your time[| on it].", "I'm grateful you took the time to look at it.", "Thanks for looking at my application."},
	SituationInvitation:      {"Thank you for the invitation, and for your time.", "Thank you for thinking of me.", "I really appreciate you asking."},
	SituationBeforeInterview: {"Thank you for setting it up, and sorry for any trouble.", "Thank you for arranging it, and I'm sorry for the inconvenience.", "Sorry to mess up your plans, and thanks for fitting me in."},
	SituationAfterInterview:  {"Thank you for the interview; I enjoyed the conversation.", "Thank you for your time at the interview.", "I really did enjoy meeting you, so thank you."},
	SituationOffer:           {"Thank you for your confidence in me, and for all your time.", "I'm really grateful for your confidence in me.", "Thank you so much for wanting me."},
}

// spokenGoodbyes end the call.
var spokenGoodbyes = []string{"Goodbye for now.", "All the best with the search[| – bye for now].", "Take care, bye.", "Thanks again. Bye for now.",
	"All the best to you. Bye now."}

// confirmByEmail says the call will be confirmed in writing.
var confirmByEmail = []string{"I'll confirm this by e-mail.", "I'll follow up with a short e-mail.", "I'll send a quick e-mail to confirm."}

// voicemailGoodbyes end a voicemail.
var voicemailGoodbyes = []string{"Goodbye.", "Thanks, bye.", "Bye for now."}

// voicemailThanks is the one thanks a voicemail has time for.
var voicemailThanks = map[Situation]string{
	SituationWithdrawal:      "Thank you for considering me.",
	SituationInvitation:      "Thank you for the invitation.",
	SituationBeforeInterview: "Thank you for arranging it.",
	SituationAfterInterview:  "Thank you for the interview.",
	SituationOffer:           "Thank you for your confidence in me.",
}
