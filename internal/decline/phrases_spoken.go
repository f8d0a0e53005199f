package decline

// The phrasings of messages, phone scripts and voicemails. They follow the
// rules of phrases.go; the spoken ones are short, as people speak.

// messageOpenings decline and thank in one sentence.
var messageOpenings = situated{
	SituationWithdrawal: {
		ToneFormal: {
			"Thank you for considering my application for the {role} position at {company}; I have decided to withdraw it.",
			"I have decided to withdraw my application for the {role} position at {company}, and I thank you for the time you have given it.",
		},
		ToneWarm: {
			"Thanks for considering me for the {role} role at {company}, but I've decided to withdraw my application.",
			"I've decided to withdraw my application for the {role} role at {company}; thanks so much for considering me.",
		},
	},
	SituationInvitation: {
		ToneFormal: {
			"Thank you for the invitation to interview for the {role} position at {company}; after careful thought, I have decided to decline.",
			"Thank you for inviting me to interview for the {role} position at {company}; I must respectfully decline.",
		},
		ToneWarm: {
			"Thanks so much for the invitation to interview for the {role} role at {company}, but I've decided to decline.",
			"Thanks for thinking of me for the {role} role at {company}, but I'm going to pass on the interview.",
		},
	},
	SituationBeforeInterview: {
		ToneFormal: {
			"Thank you for arranging the interview{slot} for the {role} position at {company}; I have decided to withdraw, so I must cancel it.",
			"I have decided to withdraw, so I must cancel our interview{slot} for the {role} position at {company}; thank you for arranging it.",
		},
		ToneWarm: {
			"Thanks for setting up the interview{slot} for the {role} role at {company}, but I've decided to withdraw, so I need to cancel it.",
			"I'm sorry, but I've decided to withdraw, so I need to cancel our interview{slot} for the {role} role at {company}; thanks for setting it up.",
		},
	},
	SituationAfterInterview: {
		ToneFormal: {
			"Thank you for the interview for the {role} position at {company}; after careful thought, I have decided to withdraw my application.",
			"Thank you for your time at the interview for the {role} position at {company}; I have decided to withdraw from the process.",
		},
		ToneWarm: {
			"Thanks so much for the interview for the {role} role at {company}, but I've decided to withdraw my application.",
			"Thanks again for the interview for the {role} role at {company}; I've decided to withdraw from the process.",
		},
	},
	SituationOffer: {
		ToneFormal: {
			"Thank you for offering me the {role} position at {company}; after careful thought, I have decided to decline.",
			"I am grateful for your offer of the {role} position at {company}, but after much thought I have decided to decline it.",
		},
		ToneWarm: {
			"Thank you so much for offering me the {role} role at {company}, but I've decided to turn it down.",
			"Thanks so much for the offer of the {role} role at {company}; it was a hard call, but I've decided to decline it.",
		},
	},
}

// goodTime asks whether the call is convenient before anything else.
var goodTime = []string{"Is now a good time?", "Is now a good time for a quick word?"}

// spokenDeclines say the decline in one short sentence.
var spokenDeclines = map[Situation][]string{
	SituationWithdrawal:      {"I've decided to withdraw my application.", "I'd like to withdraw my application."},
	SituationInvitation:      {"I've decided to decline the interview.", "I've decided to turn down the interview."},
	SituationBeforeInterview: {"I've decided to withdraw my application, so I need to cancel our interview{slot}.", "I'm afraid I need to cancel our interview{slot}, because I've decided to withdraw."},
	SituationAfterInterview:  {"I've decided to withdraw my application.", "I've decided not to continue with the process."},
	SituationOffer:           {"I've decided to turn down the offer.", "I've decided to decline the offer."},
}

// spokenThanks thank the listener for what they did.
var spokenThanks = map[Situation][]string{
	SituationWithdrawal:      {"Thank you for considering me.", "Thank you for your time."},
	SituationInvitation:      {"Thank you for the invitation, and for your time.", "Thank you for thinking of me."},
	SituationBeforeInterview: {"Thank you for setting it up, and sorry for any trouble.", "Thank you for arranging it, and I'm sorry for the inconvenience."},
	SituationAfterInterview:  {"Thank you for the interview; I enjoyed the conversation.", "Thank you for your time at the interview."},
	SituationOffer:           {"Thank you for your confidence in me, and for all your time.", "I'm really grateful for your confidence in me."},
}

// spokenGoodbyes end the call.
var spokenGoodbyes = []string{"Goodbye for now.", "All the best with the search."}

// voicemailThanks is the one thanks a voicemail has time for.
var voicemailThanks = map[Situation]string{
	SituationWithdrawal:      "Thank you for considering me.",
	SituationInvitation:      "Thank you for the invitation.",
	SituationBeforeInterview: "Thank you for arranging it.",
	SituationAfterInterview:  "Thank you for the interview.",
	SituationOffer:           "Thank you for your confidence in me.",
}
