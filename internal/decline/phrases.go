package decline

// The phrase tables of the e-mails and messages. Each part of a letter has
// several phrasings; chooser.pick selects one. The placeholders in braces
// ({role}, {company}, {greet}, {sender}, {first}, {reason}, {slot},
// {phone}, {date}) are filled by values.fill in a single pass, so user text
// is never read as a placeholder.
//
// Every phrasing must pass CheckLetter with no warning, name the company at
// most once (so a letter names it at most twice), and not repeat a word
// stem of the sentence next to it (TestNoFingerprints).

// toned holds the phrasings of one part per tone.
type toned map[Tone][]string

// situated holds the phrasings of one part per situation and tone.
type situated map[Situation]toned

// openings state the decline and thank the reader, in either order.
var openings = situated{
	SituationWithdrawal: {
		ToneFormal: {
			"I am writing to withdraw my application for the {role} position at {company}. Thank you for the time you have spent considering it.",
			"Thank you for considering my application for the {role} position at {company}. I have decided to withdraw it, and I wanted to let you know before you spend more time on it.",
			"I would like to withdraw my application for the {role} position at {company}. I am grateful for the attention you have given it so far.",
			"Please take this note as the withdrawal of my application for the {role} position at {company}, with my thanks for your consideration.",
		},
		ToneWarm: {
			"I'm writing to withdraw my application for the {role} role at {company}. Thank you for the time you've already put into it.",
			"Thanks for considering me for the {role} role at {company}. I've decided to withdraw my application, and I wanted to tell you before you spent more time on it.",
			"I've decided to withdraw my application for the {role} role at {company}, and I wanted you to know early. Thank you for reading it.",
			"Thanks for your interest in my application for the {role} role at {company}. I've decided to step back from it, so please take me out of the running.",
		},
	},
	SituationInvitation: {
		ToneFormal: {
			"Thank you for inviting me to interview for the {role} position at {company}. After careful thought, I have decided to decline.",
			"I am writing to decline your invitation to interview for the {role} position at {company}. I am grateful for your interest and for the time you have given my application.",
			"Thank you for the opportunity to interview for the {role} position at {company}. I must respectfully decline.",
			"Thank you for considering me for the {role} position at {company}, and for inviting me to interview. I am afraid I must decline.",
		},
		ToneWarm: {
			"Thanks so much for inviting me to interview for the {role} role at {company}. I've thought it over, and I've decided to decline.",
			"I'm writing to let you know that I won't be going ahead with the interview for the {role} role at {company}. Thank you for thinking of me.",
			"I've decided to turn down the interview for the {role} role at {company}, and I wanted to tell you straight away. Thank you for reaching out.",
			"Thank you for the invitation to interview for the {role} role at {company}. I've given it some thought, and I'm going to say no this time.",
		},
	},
	SituationBeforeInterview: {
		ToneFormal: {
			"I am writing to withdraw my application for the {role} position at {company} and to cancel our interview{slot}. Thank you for arranging it, and I am sorry for any inconvenience.",
			"Thank you for arranging the interview{slot} for the {role} position at {company}. After careful thought, I have decided to withdraw my application, so I must cancel our appointment.",
			"I must regretfully cancel our interview{slot} for the {role} position at {company}: I have decided to withdraw my application. I am grateful for the time you have already given me.",
			"I am sorry to let you know that I have decided to withdraw my application for the {role} position at {company}, and so I must cancel our interview{slot}. Thank you for the trouble you took to arrange it.",
		},
		ToneWarm: {
			"I'm sorry to do this, but I need to cancel our interview{slot} for the {role} role at {company}: I've decided to withdraw my application. Thanks for setting it up, and apologies for any inconvenience.",
			"Thank you for setting up the interview{slot} for the {role} role at {company}. I've decided to withdraw my application, so I'll have to cancel our chat.",
			"I've decided to withdraw my application for the {role} role at {company}, so I'd like to call off our interview{slot} while there's still time to offer it to someone else. Thank you for fitting me in.",
		},
	},
	SituationAfterInterview: {
		ToneFormal: {
			"Thank you for the time you and your colleagues gave me during the interview for the {role} position at {company}. After careful thought, I have decided to withdraw my application.",
			"I am writing to withdraw my application for the {role} position at {company}. I am grateful for the conversations we had and for the care you took over the process.",
			"After careful consideration, I have decided to withdraw from the process for the {role} position at {company}. Thank you for your time and for a thoughtful interview.",
			"Thank you for meeting me to discuss the {role} position at {company}. After thinking it over carefully, I have decided to withdraw from consideration.",
		},
		ToneWarm: {
			"Thanks so much for the interview for the {role} role at {company}; I enjoyed the conversation. After a lot of thought, I've decided to withdraw my application.",
			"I've decided to withdraw from the process for the {role} role at {company}, and I wanted you to hear it from me. Thank you for the time you gave me at the interview.",
			"I'm writing to let you know that I'm withdrawing my application for the {role} role at {company}. Thanks for the interview and for everything you shared about the team.",
			"Thank you for taking the time to meet me about the {role} role at {company}. I've thought hard about it, and I've decided to withdraw.",
		},
	},
	SituationOffer: {
		ToneFormal: {
			"Thank you for offering me the {role} position at {company}. After careful consideration, I have decided to decline.",
			"I am writing to decline your offer of the {role} position at {company}. I am grateful for your confidence in me and for the time you invested in the process.",
			"It is with regret that I decline the offer of the {role} position at {company}. Thank you for your generosity throughout the process and for the confidence you have shown in me.",
			"Thank you very much for offering me the {role} position at {company}. It was a difficult decision, but I must turn it down.",
			"I have given your offer of the {role} position at {company} a great deal of thought, and I have decided to decline it. Thank you for the confidence you have placed in me.",
		},
		ToneWarm: {
			"Thank you so much for offering me the {role} role at {company}. It wasn't an easy decision, but I've decided to turn it down.",
			"I'm writing to let you know that I've decided to decline the offer for the {role} role at {company}. Thank you for believing in me and for making the process such a pleasure.",
			"This wasn't an easy decision, but I won't be accepting the offer for the {role} role at {company}. I'm really grateful for the confidence you've shown in me.",
			"Thank you for the offer of the {role} role at {company}, and for all your time along the way. After a lot of thought, I've decided to decline it.",
		},
	},
}

// reasonSentences hold the reason sentences per reason and tone; stage
// wording that differs is in reasonsAfterMeeting.
var reasonSentences = map[Reason]toned{
	ReasonAnotherOffer: {
		ToneFormal: {"I have accepted a position elsewhere.", "I have recently accepted another role."},
		ToneWarm:   {"I've accepted a role elsewhere.", "I've said yes to another role."},
	},
	ReasonPersonalCircumstances: {
		ToneFormal: {"A change in my personal circumstances means I cannot take on a new role at present.", "My personal circumstances have changed, and for now they come first."},
		ToneWarm:   {"Some things have changed in my personal life, and they have to come first for now.", "My circumstances at home have changed, so this isn't the moment for me to move."},
	},
	ReasonCultureFit: {
		ToneFormal: {"I am looking for a team whose way of working is closer to my own.", "For my next step, I am looking for a somewhat different working environment."},
		ToneWarm:   {"I've come to see I'm looking for a different kind of team for my next step.", "For my next move, I'm looking for a slightly different way of working."},
	},
	ReasonRoleFit: {
		ToneFormal: {"On reflection, the position does not match the direction I see my career taking.", "I have concluded that my experience is better suited to a role with a different focus."},
		ToneWarm:   {"On reflection, it isn't quite the direction I see my career taking.", "I've come to see I'm looking for something with a slightly different focus."},
	},
	ReasonTiming: {
		ToneFormal: {"The timing is not right for me to make a move at present.", "This is not the right moment for me to change jobs."},
		ToneWarm:   {"The timing just isn't right for me at the moment.", "This isn't the moment for me to make a move."},
	},
	ReasonLocation: {
		ToneFormal: {"The location would not suit my circumstances.", "I am not in a position to relocate at present."},
		ToneWarm:   {"The location doesn't work for me right now.", "I'm not in a position to relocate at the moment."},
	},
	ReasonCompensation: {
		ToneFormal: {"The package is not quite what I need at this stage of my career.", "In the end, the overall package is not what I need at present."},
		ToneWarm:   {"In the end, the package isn't quite what I need right now.", "The overall package doesn't quite fit my situation."},
	},
	ReasonOther: {
		ToneFormal: {"{reason}."},
		ToneWarm:   {"{reason}."},
	},
}

// reasonsAfterMeeting replace the reasons whose honest wording changes once
// the candidate has met the team: culture can now be judged, and the
// location was known all along, so it is a reflection, not a discovery.
var reasonsAfterMeeting = map[Reason]toned{
	ReasonCultureFit: {
		ToneFormal: {"Having met the team, I believe my way of working is better suited to a different environment."},
		ToneWarm:   {"Having met the team, I've come to see I'm looking for a slightly different way of working."},
	},
	ReasonLocation: {
		ToneFormal: {"On reflection, the location would not work for me in the long term."},
		ToneWarm:   {"Thinking it through, the location wouldn't work for me in the long run."},
	},
}

// detailLead introduces a detail the user gave as a noun phrase ("your
// clear account of the role"); gerundLead one that starts with a verb
// in -ing ("meeting the platform team"), which reads best as something
// done together.
var detailLead = toned{
	ToneFormal: {"I especially valued {reason}.", "I particularly appreciated {reason}.", "I am grateful, too, for {reason}."},
	ToneWarm:   {"I especially enjoyed {reason}.", "I really appreciated {reason}.", "Thanks, too, for {reason}."},
}

var gerundLead = toned{
	ToneFormal: {"It was a pleasure {reason}.", "I very much enjoyed {reason}.", "I much appreciated {reason}."},
	ToneWarm:   {"I loved {reason}.", "It was great {reason}.", "I really enjoyed {reason}."},
}

// offerSentences are the offers of help per offer and tone.
var offerSentences = map[Offer]toned{
	OfferReferral: {
		ToneFormal: {
			"If I meet someone who would suit the role, I will gladly point them your way.",
			"I would be glad to recommend the position to anyone in my network who would be a good fit.",
			"Should I come across a candidate who would fit the role, I will recommend that they apply.",
			"I will gladly refer anyone I know who would do the job well.",
			"I will keep the position in mind and pass it on to anyone suitable.",
			"If a colleague of mine would be right for it, I will refer them to you.",
		},
		ToneWarm: {
			"If I come across someone who'd be great for this, I'll send them your way.",
			"I'll happily pass the role on to anyone I know who'd suit it.",
			"If a friend would be a good fit, I'll point them your way.",
		},
	},
	OfferReference: {
		ToneFormal: {
			"I will happily speak highly of your team to anyone in my network.",
			"I would be glad to recommend your team to people in my network.",
			"I will not hesitate to put in a good word for your team when I can.",
		},
		ToneWarm: {"I'll happily recommend your team to friends.", "I'll gladly speak highly of your team to anyone I know."},
	},
	OfferStayInTouch: {
		ToneFormal: {
			"I would be glad to stay in touch.",
			"I hope we can keep in touch.",
			"I hope our paths cross again in the future.",
			"I would welcome the chance to stay in contact.",
		},
		ToneWarm: {"I'd love to stay in touch.", "Let's keep in touch.", "I hope our paths cross again."},
	},
}

// shortOffers are the offers of help for messages.
var shortOffers = map[Offer]toned{
	OfferReferral: {
		ToneFormal: {"I will gladly refer anyone suitable."},
		ToneWarm:   {"I'll send anyone suitable your way."},
	},
	OfferReference: {
		ToneFormal: {"I will gladly recommend your team to others."},
		ToneWarm:   {"I'll happily recommend your team to friends."},
	},
	OfferStayInTouch: {
		ToneFormal: {"I would be glad to stay in touch."},
		ToneWarm:   {"I'd love to stay in touch."},
	},
}

// closings end the letter with a wish that fits what was declined: the
// search goes on after an invitation or an interview; after an offer the
// employer has found their person in the candidate, so the wish is for
// them.
var closings = situated{
	SituationWithdrawal: {
		ToneFormal: {"I wish you every success with the search.", "I wish you and your colleagues well in filling the position.", "I hope you find an excellent candidate."},
		ToneWarm:   {"Good luck with the search.", "I hope the search goes well.", "I hope you find just the right person."},
	},
	SituationInvitation: {
		ToneFormal: {"I wish you every success with the search.", "I wish you and your colleagues well in filling the position.", "I hope you find an excellent candidate."},
		ToneWarm:   {"Good luck with the search.", "I hope you find just the right person.", "I hope the role is filled soon."},
	},
	SituationBeforeInterview: {
		ToneFormal: {"I wish you every success with the search.", "I trust the slot can still be of use.", "I hope the hiring goes smoothly."},
		ToneWarm:   {"Good luck with the search.", "Hopefully the slot can still be of use.", "I hope the hiring goes smoothly."},
	},
	SituationAfterInterview: {
		ToneFormal: {"I wish you every success in filling the position.", "I wish you and your colleagues well.", "I hope you find the right person for the team.", "Please pass on my thanks to everyone I met."},
		ToneWarm:   {"Good luck with the search.", "Good luck to you and the team.", "I hope you find the right person.", "I hope the rest of the search goes smoothly."},
	},
	SituationOffer: {
		ToneFormal: {"I wish you and your colleagues continued success.", "I hope the team goes from strength to strength.", "Please pass on my thanks to everyone I met."},
		ToneWarm:   {"Every success to you and the team.", "Here's to the team's continued success.", "Please say thanks to everyone I met."},
	},
}

// closingThanks end a letter whose last paragraph opens with an offer of
// help, as people often end: with thanks once more.
var closingThanks = toned{
	ToneFormal: {"Thank you again for your time and consideration.", "Thank you once more for your consideration.", "Many thanks again for your time."},
	ToneWarm:   {"Thanks again for everything.", "Thanks again for your time.", "Thank you again for thinking of me."},
}

var signoffs = toned{
	ToneFormal: {"Kind regards,", "Yours sincerely,", "Best regards,"},
	ToneWarm:   {"Best wishes,", "Warm regards,", "Take care,"},
}

// subjects name the role and the sender, so the employer can file the
// e-mail without opening it.
var subjects = map[Situation]string{
	SituationWithdrawal:      "Withdrawing my application: {role} – {sender}",
	SituationInvitation:      "Interview invitation for {role} – {sender}",
	SituationBeforeInterview: "Cancellation of my interview for {role} – {sender}",
	SituationAfterInterview:  "Withdrawing my application: {role} – {sender}",
	SituationOffer:           "Your offer for {role} – {sender}",
}
