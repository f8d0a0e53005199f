package decline

// The phrase tables of the letters. Each part of a letter has several
// phrasings; chooser.pick selects one from the request's Variant. The
// placeholders in braces ({role}, {company}, {contact}, {sender}, {detail},
// {Detail}, {for}, {phone}, {date}) are filled by values.fill in a single
// pass, so user text is never read as a placeholder or as template code.
//
// Every phrasing must pass CheckLetter: no word from the respectful list,
// no reason marker outside the reason sentence (see rules.go), and the
// decline verb before {role} so that a full stop inside a role name cannot
// push the decline out of the first two sentences.

// toned holds the phrasings of one part per tone.
type toned map[Tone][]string

// situated holds the phrasings of one part per situation and tone.
type situated map[Situation]toned

var greetingNamed = toned{
	ToneFormal: {"Dear {contact},", "Dear {contact},", "Hello {contact},"},
	ToneWarm:   {"Hi {contact},", "Hello {contact},", "Dear {contact},"},
}

var greetingTeam = toned{
	ToneFormal: {"Dear hiring team,", "Dear members of the hiring team,"},
	ToneWarm:   {"Hello hiring team,", "Hi to the hiring team,"},
}

var openings = situated{
	SituationInvitation: {
		ToneFormal: {
			"I am writing to decline your invitation to interview for the {role} role at {company}.",
			"After careful consideration, I have decided to decline the invitation to interview for the {role} position at {company}.",
			"I must respectfully decline your kind invitation to interview for the {role} role at {company}.",
		},
		ToneWarm: {
			"I'm writing to let you know that I've decided to decline the invitation to interview for the {role} role at {company}.",
			"After a lot of thought, I've decided to turn down the interview for the {role} role at {company}.",
			"I wanted to let you know straight away that I won't be moving forward with the interview for the {role} role at {company}.",
		},
	},
	SituationBeforeInterview: {
		ToneFormal: {
			"I am writing to withdraw my application for the {role} role at {company} and to cancel the interview we arranged.",
			"After careful consideration, I have decided to withdraw my application for the {role} position at {company}, and I must regretfully cancel our scheduled interview.",
			"I must respectfully withdraw from the interview process for the {role} role at {company} and cancel the interview we scheduled.",
		},
		ToneWarm: {
			"I'm writing to let you know that I've decided to withdraw my application for the {role} role at {company}, so I'll need to cancel our interview.",
			"After a lot of thought, I've decided to step back from the {role} role at {company} and cancel the interview we planned.",
			"I wanted to tell you early that I'm withdrawing my application for the {role} role at {company} and won't be attending the interview.",
		},
	},
	SituationAfterInterview: {
		ToneFormal: {
			"I am writing to let you know that I have decided to withdraw my application for the {role} role at {company}.",
			"After careful consideration, I have decided not to proceed further with my application for the {role} position at {company}.",
			"I must respectfully withdraw from the selection process for the {role} role at {company}.",
		},
		ToneWarm: {
			"I've decided to withdraw my application for the {role} role at {company}, and I wanted you to hear it from me directly.",
			"After a lot of thought, I've decided not to continue in the process for the {role} role at {company}.",
			"I'm writing to let you know that I'm withdrawing from the process for the {role} role at {company}.",
		},
	},
	SituationOffer: {
		ToneFormal: {
			"I must respectfully decline the offer for the {role} role at {company}.",
			"After careful consideration, I have decided to decline your offer of the {role} position at {company}.",
			"I am writing to let you know that I will not be able to accept the offer for the {role} role at {company}.",
		},
		ToneWarm: {
			"I'm writing to let you know that I've decided to turn down the offer for the {role} role at {company}.",
			"After a lot of thought, I've decided to decline your offer for the {role} role at {company}.",
			"It wasn't an easy decision, but I won't be accepting the offer for the {role} role at {company}.",
		},
	},
}

// thanksFor is what the candidate thanks the company for, per situation.
var thanksFor = map[Situation]string{
	SituationInvitation:      "for the invitation and for the time you have spent on my application",
	SituationBeforeInterview: "for the invitation, for arranging the interview and for your time",
	SituationAfterInterview:  "for the interview and for the time you gave me",
	SituationOffer:           "for the offer and for all the time you have invested in me",
}

var thanksNamed = toned{
	ToneFormal: {
		"Thank you, {contact}, and everyone at {company} {for}.",
		"I am sincerely grateful to you, {contact}, and to your colleagues at {company} {for}.",
		"Many thanks, {contact}, to you and the team at {company} {for}.",
	},
	ToneWarm: {
		"Thank you so much, {contact}, and everyone at {company} {for}.",
		"I'm really grateful to you, {contact}, and the whole team at {company} {for}.",
		"Many thanks, {contact}, to you and everyone at {company} {for}.",
	},
}

var thanksTeam = toned{
	ToneFormal: {
		"Thank you to the hiring team at {company} {for}.",
		"I am sincerely grateful to the hiring team at {company} {for}.",
		"Please accept my sincere thanks to the hiring team at {company} {for}.",
	},
	ToneWarm: {
		"A big thank you to the hiring team at {company} {for}.",
		"I'm really grateful to everyone on the hiring team at {company} {for}.",
		"Many thanks to the hiring team at {company} {for}.",
	},
}

// reasonSentences holds one short sentence per reason; ReasonNone has none.
var reasonSentences = map[Reason]toned{
	ReasonAnotherOffer: {
		ToneFormal: {"I have decided to accept another offer.", "I have recently accepted another position.", "I have accepted another offer that closely matches my current plans."},
		ToneWarm:   {"I've just accepted another offer.", "I've accepted another position that I'm excited about.", "I've decided to accept another offer that came through recently."},
	},
	ReasonPersonalCircumstances: {
		ToneFormal: {"A change in my personal circumstances means I cannot commit to a new position at present.", "My personal circumstances have changed, and I need to prioritise them for now.", "Personal circumstances require my full attention at this time."},
		ToneWarm:   {"Some personal circumstances have come up that I need to focus on.", "My personal circumstances have changed, so the timing isn't right for me.", "Things have changed in my personal life, and I need to give them my attention."},
	},
	ReasonCultureFit: {
		ToneFormal: {"I have concluded that the working environment is not the right match for how I work best.", "On reflection, I believe my working style is better suited to a different kind of team.", "I have realised that I am looking for a somewhat different team culture."},
		ToneWarm:   {"I've realised I'm looking for a slightly different team culture.", "On reflection, I think my way of working is better suited to a different kind of team.", "I've come to feel the team culture isn't quite the right match for how I work best."},
	},
	ReasonRoleFit: {
		ToneFormal: {"I have concluded that the position is not the right match for my experience and goals.", "On reflection, the position does not align with the direction I want my career to take.", "I believe my skills are better suited to a position with a different focus."},
		ToneWarm:   {"I've realised the position isn't quite the right match for where I want to go next.", "On reflection, I'm looking for a position with a slightly different focus that better suits my career plans.", "The position doesn't quite align with where I want my career to head."},
	},
	ReasonTiming: {
		ToneFormal: {"The timing is not right for me to make a move at present.", "Given my current commitments, the timing does not work for me.", "The timing of a change does not suit my current commitments."},
		ToneWarm:   {"The timing just isn't right for me at the moment.", "With everything on my plate right now, the timing doesn't work.", "The timing simply isn't right for me to make a move."},
	},
	ReasonLocation: {
		ToneFormal: {"The location does not suit my current circumstances.", "Having considered the commute, I have concluded that the location does not work for me.", "I am not able to relocate at present."},
		ToneWarm:   {"The location just doesn't work for me right now.", "The commute wouldn't work for me at the moment.", "I'm not able to relocate at the moment."},
	},
	ReasonCompensation: {
		ToneFormal: {"The package is not the right match for my current needs.", "The compensation is not the right match for my current financial commitments.", "I have concluded that the overall package does not align with my current commitments."},
		ToneWarm:   {"The package isn't quite the right match for my current needs.", "The overall package doesn't quite fit my current situation.", "In the end, the compensation isn't the right match for what I need right now."},
	},
	ReasonOther: {
		ToneFormal: {"{Detail}.", "My reason, briefly: {detail}.", "In brief, my reason is this: {detail}."},
		ToneWarm:   {"{Detail}.", "The short version: {detail}.", "In short, the reason is this: {detail}."},
	},
}

var offersEmail = toned{
	ToneFormal: {
		"I would be glad to stay in touch, and if I come across someone who would suit the role, I will happily refer them to you.",
		"If it would help, I would be happy to recommend a suitable candidate from my network, and I hope we can keep in touch.",
		"I hope our paths cross again, and I would be pleased to refer anyone I know who would suit the position.",
	},
	ToneWarm: {
		"I'd love to stay in touch, and if I meet someone who'd be great for the role, I'll send them your way.",
		"If I can help by recommending someone from my network, just let me know, and let's keep in touch.",
		"I hope our paths cross again, and I'm happy to refer anyone I know who'd be a good match.",
	},
}

// offersShort are the offers of help for phone scripts and messages.
var offersShort = toned{
	ToneFormal: {"I would be glad to stay in touch.", "I hope we can keep in touch, and I am happy to refer anyone suitable.", "I would be pleased to recommend someone from my network if that would help."},
	ToneWarm:   {"I'd love to stay in touch.", "Let's keep in touch, and I'm happy to refer anyone suitable.", "If it helps, I'm happy to recommend someone from my network."},
}

// detailsPointers follow the offer when the sender gave contact details.
var detailsPointers = toned{
	ToneFormal: {"My contact details are below.", "You can reach me using the details below."},
	ToneWarm:   {"My details are below if you ever want to get in touch.", "You can reach me any time using the details below."},
}

var closings = toned{
	ToneFormal: {
		"I wish you and everyone at {company} every success in finding the right person for the role.",
		"I wish you every success with the search, and I hope to have the chance to work with {company} in the future.",
		"Thank you again for your understanding, and I wish {company} continued success.",
	},
	ToneWarm: {
		"I wish you and the team at {company} all the best with the search.",
		"Best of luck with the search, and I hope our paths cross again.",
		"Thanks again for understanding, and all the best to everyone at {company}.",
	},
}

var signoffs = toned{
	ToneFormal: {"Kind regards,", "Yours sincerely,", "With best regards,"},
	ToneWarm:   {"All the best,", "Warm wishes,", "Best wishes,"},
}

var subjects = map[Situation]string{
	SituationInvitation:      "Declining the interview for the {role} role",
	SituationBeforeInterview: "Withdrawing my application for the {role} role",
	SituationAfterInterview:  "Withdrawing my application for the {role} role",
	SituationOffer:           "Declining your offer for the {role} role",
}
