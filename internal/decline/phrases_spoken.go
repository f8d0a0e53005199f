package decline

// The phrasings that only phone scripts and follow-ups use. They follow the
// same rules as phrases.go.

var phoneIntroNamed = toned{
	ToneFormal: {"Hello {contact}, this is {sender}.", "Good day {contact}, my name is {sender}."},
	ToneWarm:   {"Hi {contact}, it's {sender} here.", "Hello {contact}, this is {sender}."},
}

var phoneIntroTeam = toned{
	ToneFormal: {"Hello, this is {sender}.", "Good day, my name is {sender}."},
	ToneWarm:   {"Hi, it's {sender} here.", "Hello, this is {sender}."},
}

var phoneDeclines = map[Situation][]string{
	SituationInvitation: {
		"I'm calling about your invitation to interview for the {role} role at {company}, and I'm afraid I must decline it.",
		"I'm calling to let you know that I have decided to decline the invitation to interview for the {role} role at {company}.",
		"I wanted to tell you myself that I won't be moving forward with the interview for the {role} role at {company}.",
	},
	SituationBeforeInterview: {
		"I'm calling to let you know that I have decided to withdraw my application for the {role} role at {company}, so I need to cancel our interview.",
		"I wanted to tell you myself that I'm withdrawing from the process for the {role} role at {company} and won't be attending the interview.",
		"I'm calling to withdraw my application for the {role} role at {company} and to cancel our interview.",
	},
	SituationAfterInterview: {
		"I'm calling to let you know that I have decided to withdraw my application for the {role} role at {company}.",
		"I wanted to tell you myself that I've decided not to continue in the process for the {role} role at {company}.",
		"I'm calling to withdraw from the process for the {role} role at {company}.",
	},
	SituationOffer: {
		"I'm calling about the offer for the {role} role at {company}, and I'm afraid I must decline it.",
		"I wanted to tell you myself that I have decided not to accept the offer for the {role} role at {company}.",
		"I'm calling to let you know that I will not be able to accept the offer for the {role} role at {company}.",
	},
}

var phoneClosings = toned{
	ToneFormal: {"Thank you again for your time and understanding.", "Thank you again, and I wish you every success with the search."},
	ToneWarm:   {"Thanks again for understanding, and all the best with the search.", "Thanks so much, and good luck with the search."},
}

// phoneSignatures repeat the caller's name at the end, as people do on the
// phone; {phone} is the sender's number, added only when known.
var phoneSignatures = toned{
	ToneFormal: {"Once again, my name is {sender}.", "Again, this is {sender} speaking."},
	ToneWarm:   {"Once again, it's {sender}.", "Again, this is {sender}."},
}

var followUpOpenings = toned{
	ToneFormal: {
		"I am writing briefly to make sure that my message{date}, in which I declined the {role} role at {company}, reached you.",
		"I would like to confirm that you received my note{date} declining the {role} role at {company}.",
	},
	ToneWarm: {
		"I just wanted to check that my message{date} declining the {role} role at {company} reached you.",
		"I'm following up to make sure my note{date} about declining the {role} role at {company} reached you.",
	},
}

var followUpPhoneOpenings = []string{
	"I'm calling to make sure my message{date} declining the {role} role at {company} reached you.",
	"I'm calling to check that you received my note{date} declining the {role} role at {company}.",
}

var followUpThanksNamed = toned{
	ToneFormal: {"Thank you again, {contact}, for your time and consideration.", "Once more, {contact}, thank you for your time."},
	ToneWarm:   {"Thanks again, {contact}, for your time and understanding.", "I really appreciate the time you gave me, {contact}."},
}

var followUpThanksTeam = toned{
	ToneFormal: {"Thank you again to everyone at {company} for your time and consideration.", "I remain grateful to the team at {company} for their time."},
	ToneWarm:   {"Thanks again to everyone at {company} for your time and understanding.", "I really appreciate the time the team at {company} gave me."},
}

var followUpQuestions = toned{
	ToneFormal: {"If you have any questions, I would be glad to answer them, and I hope we can stay in touch.", "Should you have any questions, I am happy to answer them, and I hope we keep in touch."},
	ToneWarm:   {"If you have any questions, I'm happy to answer them, and I'd love to stay in touch.", "Let me know if you have any questions, and let's keep in touch."},
}
