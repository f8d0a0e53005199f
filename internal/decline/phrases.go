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
			"After some reflection, I have decided to withdraw my application for the {role} position. I appreciate the consideration you have given it, and I am sorry to do so at this stage.",
		},
		ToneWarm: {
			"I'm writing to withdraw my application for the {role} role at {company}. Thank you for the time you've already put into it.",
			"Thanks for considering me for the {role} role at {company}. I've decided to withdraw my application, and I wanted to tell you before you spent more time on it.",
			"I've decided to withdraw my application for the {role} role at {company}, and I wanted you to know early. Thank you for reading it.",
			"Thanks for your interest in my application for the {role} role at {company}. I've decided to step back from it, so please take me out of the running.",
			"I applied for the {role} role a little while ago, and I've since decided to withdraw my application. Thanks so much for the time you've spent on it.",
		},
	},
	SituationInvitation: {
		ToneFormal: {
			"Thank you for inviting me to interview for the {role} position at {company}. After careful thought, I have decided to decline.",
			"I am writing to decline your invitation to interview for the {role} position at {company}. I am grateful for your interest and for the time you have given my application.",
			"Thank you for the opportunity to interview for the {role} position at {company}. I must respectfully decline.",
			"Thank you for considering me for the {role} position at {company}, and for inviting me to interview. I am afraid I must decline.",
			"Thank you for your message about the {role} position and for the invitation to interview. I have thought it over carefully, and I must decline.",
			"I was pleased to get your message about the {role} opening, and I appreciate the invitation to interview. Having considered it carefully, however, I have decided to decline.",
			"Many thanks for getting in touch about the {role} position at {company}. I am flattered to be invited to interview, but I must decline.",
		},
		ToneWarm: {
			"Thanks so much for inviting me to interview for the {role} role at {company}. I've thought it over, and I've decided to decline.",
			"I'm writing to let you know that I won't be going ahead with the interview for the {role} role at {company}. Thank you for thinking of me.",
			"I've decided to turn down the interview for the {role} role at {company}, and I wanted to tell you straight away. Thank you for reaching out.",
			"Thank you for the invitation to interview for the {role} role at {company}. I've given it some thought, and I'm going to say no this time.",
			"It was lovely to get your message about the {role} role, and thank you for the invitation to interview. I've thought about it, and I'm going to pass on it this time.",
		},
	},
	SituationBeforeInterview: {
		ToneFormal: {
			"I am writing to withdraw my application for the {role} position at {company} and to cancel our interview{slot}. Thank you for arranging it, and I am sorry for any inconvenience.",
			"Thank you for arranging the interview{slot} for the {role} position at {company}. After careful thought, I have decided to withdraw my application, so I must cancel our appointment.",
			"I must regretfully cancel our interview{slot} for the {role} position at {company}: I have decided to withdraw my application. I am grateful for the time you have already given me.",
			"I am sorry to let you know that I have decided to withdraw my application for the {role} position at {company}, and so I must cancel our interview{slot}. Thank you for the trouble you took to arrange it.",
			"I am writing about our interview{slot} for the {role} position. I am sorry to say that I must cancel it: I have decided to withdraw my application. Thank you for arranging the interview, and I apologize for the inconvenience.",
		},
		ToneWarm: {
			"I'm sorry to do this, but I need to cancel our interview{slot} for the {role} role at {company}: I've decided to withdraw my application. Thanks for setting it up, and apologies for any inconvenience.",
			"Thank you for setting up the interview{slot} for the {role} role at {company}. I've decided to withdraw my application, so I'll have to cancel our chat.",
			"I've decided to withdraw my application for the {role} role at {company}, so I'd like to call off our interview{slot} while there's still time to offer it to someone else. Thank you for fitting me in.",
			"I'm really sorry, but I need to cancel our interview{slot}. I've decided to withdraw my application for the {role} role, and I didn't want to take up a slot you could give to someone else. Thanks so much for setting it up.",
		},
	},
	SituationAfterInterview: {
		ToneFormal: {
			"Thank you for the time you and your colleagues gave me during the interview for the {role} position at {company}. After careful thought, I have decided to withdraw my application.",
			"I am writing to withdraw my application for the {role} position at {company}. I am grateful for the conversations we had and for the care you took over the process.",
			"After careful consideration, I have decided to withdraw from the process for the {role} position at {company}. Thank you for your time and for a thoughtful interview.",
			"Thank you for meeting me to discuss the {role} position at {company}. After thinking it over carefully, I have decided to withdraw from consideration.",
			"Thank you again for the time you spent with me. I have thought a great deal about the {role} position since our conversation, and I have decided to withdraw my application.",
			"It was a pleasure to meet you and to learn more about the {role} position, and I thank you for your time. Since then I have given it careful thought, and I have decided to withdraw my application.",
		},
		ToneWarm: {
			"Thanks so much for the interview for the {role} role at {company}; I enjoyed the conversation. After a lot of thought, I've decided to withdraw my application.",
			"I've decided to withdraw from the process for the {role} role at {company}, and I wanted you to hear it from me. Thank you for the time you gave me at the interview.",
			"I'm writing to let you know that I'm withdrawing my application for the {role} role at {company}. Thanks for the interview and for everything you shared about the team.",
			"Thank you for taking the time to meet me about the {role} role at {company}. I've thought hard about it, and I've decided to withdraw.",
			"I've been mulling over our conversation and the {role} role, and I've decided to withdraw my application. Thank you for being so generous with your time.",
			"It was really good to meet you and hear more about the {role} role, so thank you. After sleeping on it, though, I've decided to withdraw my application.",
		},
	},
	SituationOffer: {
		ToneFormal: {
			"Thank you for offering me the {role} position at {company}. After careful consideration, I have decided to decline.",
			"I am writing to decline your offer of the {role} position at {company}. It was not an easy decision, and I am grateful for the trust you have shown in me.",
			"It is with regret that I decline the offer of the {role} position at {company}. Thank you for your generosity throughout the process and for the confidence you have shown in me.",
			"Thank you very much for offering me the {role} position at {company}. It was a difficult decision, but I must turn it down.",
			"I have given your offer of the {role} position at {company} a great deal of thought, and I have decided to decline it. Thank you for the confidence you have placed in me.",
			"Thank you so much for your offer of the {role} position. I have weighed it carefully, and I have decided, with some regret, to decline.",
			"Thank you for your offer of the {role} position, and for the time you and your colleagues have given me. I have thought about it carefully, and I am sorry to say that I must decline.",
			"I am very grateful for your offer of the {role} position at {company}, and it is with real regret that I must decline it.",
		},
		ToneWarm: {
			"Thank you so much for offering me the {role} role at {company}. It wasn't an easy decision, but I've decided to turn it down.",
			"I'm writing to let you know that I've decided to decline the offer for the {role} role at {company}. Thank you for believing in me and for making the process such a pleasure.",
			"This wasn't an easy decision, but I won't be accepting the offer for the {role} role at {company}. I'm really grateful for the confidence you've shown in me.",
			"Thank you for the offer of the {role} role at {company}, and for all your time along the way. After a lot of thought, I've decided to decline it.",
			"I've been turning your offer over since we spoke, and I've decided to say no to the {role} role. Thank you so much for wanting me on the team.",
			"I was so pleased to get your offer for the {role} role, which makes this harder to write: I've decided not to take it. Thank you for everything you've done along the way.",
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
	ToneFormal: {
		"I appreciated your time throughout, and {reason} in particular.",
		"I am grateful, too, for {reason}, and for the care you took over the process.",
		"Please accept my thanks as well for {reason}; it was a real help.",
		"I will remember {reason} with gratitude.",
	},
	ToneWarm: {
		"Thanks, too, for {reason}; it gave me a much clearer picture.",
		"I really appreciated your time, and {reason} most of all.",
		"I'm grateful for {reason}; it helped me think this through.",
	},
}

var gerundLead = toned{
	ToneFormal: {
		"It was a pleasure {reason}, and I am sorry not to be taking things further.",
		"I very much enjoyed {reason}, and I appreciate the care you took over the process.",
		"I enjoyed {reason} a great deal, which made this a harder letter to write.",
	},
	ToneWarm: {
		"I genuinely enjoyed {reason}, so this wasn't an easy call.",
		"I really did enjoy {reason}, and I'm grateful for the chance.",
		"Honestly, I loved {reason}, which made this harder to write.",
	},
}

// offerSentences are the offers of help per offer and tone.
var offerSentences = map[Offer]toned{
	OfferReferral: {
		ToneFormal: {
			"If I meet someone who would suit the role, I will gladly point them your way.",
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
			"I would be glad to hear from you should something else come up.",
			"Please do keep my details on file; I would be happy to talk again in future.",
			"If our paths cross again, I would be delighted.",
			"I would be pleased to stay connected, and I hope to have the chance to work with you another time.",
			"I will follow your work with interest and would be glad to keep in touch.",
		},
		ToneWarm: {"I'd love to stay in touch.", "Let's keep in touch.", "I hope our paths cross again.", "Do keep in touch if anything else comes up.", "It would be great to stay in touch.", "I'd be really glad to stay connected.", "I hope we get the chance to work together another time.", "I'd be glad to hear from you about future roles."},
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
		ToneFormal: {"I wish you every success with the search.", "I wish you and your colleagues well in filling the position.", "I hope you find an excellent candidate.", "I wish you all the best in finding the right person for the job.", "I hope the search brings you someone excellent before long."},
		ToneWarm:   {"Good luck with the search.", "I hope you find just the right person.", "I hope the role is filled soon.", "Wishing you all the best with the hiring."},
	},
	SituationBeforeInterview: {
		ToneFormal: {"I wish you every success with the search.", "I hope the rest of your interviews go well.", "I hope the hiring goes smoothly.", "With best wishes for the rest of the process."},
		ToneWarm:   {"Good luck with the search.", "I hope the rest of your interviews go well.", "I hope the hiring goes smoothly.", "All the best with the rest of the process."},
	},
	SituationAfterInterview: {
		ToneFormal: {"I wish you every success in filling the position.", "I wish you and your colleagues well.", "I hope you find the right person for the team.", "Please pass on my thanks to everyone I met.", "My best wishes to you and everyone I met."},
		ToneWarm:   {"Good luck with the search.", "Good luck to you and the team.", "I hope you find the right person.", "I hope the rest of the search goes smoothly."},
	},
	SituationOffer: {
		ToneFormal: {"I wish you and your colleagues every success.", "I hope the team goes from strength to strength.", "Please pass on my thanks to everyone I met.", "I wish the whole team well in the months ahead.", "My best wishes to you and your colleagues."},
		ToneWarm:   {"Every success to you and the team.", "Here's to the team's continued success.", "Please say thanks to everyone I met.", "I hope everything goes brilliantly for you all."},
	},
}

// closingThanks end a letter whose last paragraph opens with an offer of
// help, as people often end: with thanks once more.
var closingThanks = toned{
	ToneFormal: {"Thank you again for your time and consideration.", "Thank you once more for your consideration.", "Many thanks again for your time.", "Again, thank you for everything."},
	ToneWarm:   {"Thanks again for everything.", "Thanks again for your time.", "Thank you again for thinking of me.", "Really, thank you."},
}

var signoffs = toned{
	ToneFormal: {"Kind regards,", "With best wishes,", "Sincerely,", "Many thanks,", "Best regards,", "Yours sincerely,", "Regards,"},
	ToneWarm:   {"Best wishes,", "Warm regards,", "Thanks again,", "Take care,", "Best,", "Cheers,"},
}

// subjects name the role and the sender, so the employer can file the
// e-mail without opening it.
// The first of each list is the one a follow-up replies to when the sent
// subject is not known.
var subjects = map[Situation][]string{
	SituationWithdrawal:      {"Withdrawing my application: {role} – {sender}", "My application for {role}", "Withdrawal of application – {role}", "{role} application"},
	SituationInvitation:      {"Interview invitation for {role} – {sender}", "Your interview invitation ({role})", "{role} interview", "About the {role} interview – {sender}"},
	SituationBeforeInterview: {"Cancellation of my interview for {role} – {sender}", "Cancelling our {role} interview", "Our {role} interview{slot}", "{role} interview – {sender}"},
	SituationAfterInterview:  {"Withdrawing my application: {role} – {sender}", "{role} – withdrawing my application", "Following our conversation about the {role} role", "{role} position"},
	SituationOffer:           {"Your offer for {role} – {sender}", "The {role} offer", "Your offer of the {role} position", "{role} offer – {sender}"},
}

// subjectLine is the e-mail's subject: one of the situation's, chosen by
// the wording, so not every letter ends its subject with the name.
func subjectLine(r Request, v values, c chooser) string {
	return subjectValues(v).fill(c.pick(partSubject, subjects[r.Situation]))
}
