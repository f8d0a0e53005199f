package decline

import (
	"slices"
	"strings"
)

// The phrase tables of the end of an e-mail: the offer of help, the
// closing wish, thanks once more, the sign-off and the subject; and the
// sentences that weave in the user's detail. They follow the rules of
// phrases.go.

// offerSentences are the offers of help per offer and tone.
var offerSentences = map[Offer]toned{
	OfferReferral: {
		ToneFormal: {
			"If I meet someone who would suit the role, I will [gladly|happily] point them your way.",
			"Should I come across a candidate who would fit the role, I will recommend that they apply.",
			"I will [gladly|happily] refer anyone I know who would do the job well.",
			"I will keep the position in mind and pass it on to anyone suitable.",
			"If a colleague of mine would be right for it, I will refer them to you.",
			"If anyone in my network would suit the role, I will send them your way.",
		},
		ToneWarm: {
			"If I come across someone who'd be great for this, I'll send them your way.",
			"I'll [happily|gladly] pass the role on to anyone I know who'd suit it.",
			"If a friend would be a good fit, I'll point them your way.",
			"I'll keep an eye out for anyone who'd be a good fit and send them your way.",
			"I'll happily refer anyone I think would be great at it.",
		},
	},
	OfferReference: {
		ToneFormal: {
			"I will [happily|gladly] speak highly of your team to anyone in my network.",
			"I would be glad to recommend your team to people in my network.",
			"I will gladly put in a good word for your team when I can.",
			"I will gladly recommend your organisation to others who are looking.",
			"I will happily recommend you as an employer to anyone who asks.",
			"If friends ask about working with you, I will recommend it.",
		},
		ToneWarm: {
			"I'll [happily|gladly] recommend your team to friends[| who are looking].",
			"I'll gladly speak highly of your team to anyone I know.",
			"I'll be sure to put in a good word for your team.",
			"I'd happily recommend you to friends who are looking.",
			"I'll recommend you to anyone who asks.",
			"I'll happily recommend you to friends who ask about working there.",
		},
	},
	OfferStayInTouch: {
		ToneFormal: {
			"I would be [glad|happy] to stay in touch.",
			"I hope we can stay in contact from time to time.",
			"Please feel free to contact me if a different role comes up.",
			"Perhaps we will have the chance to work together another time.",
			"I would be glad to hear from you should something else [come up|arise].",
			"Should a different [opening|vacancy] come up later, I would be glad to hear of it.",
			"I would be glad to connect on LinkedIn, if you use it.",
			"Please let me know if I can ever be of help to you.",
			"Please keep me in mind should the team grow.",
		},
		ToneWarm: {
			"I'd [love|like] to stay in touch.",
			"Do keep in touch if anything else comes up[| that might suit me].",
			"It would be [great|lovely] to stay in touch.",
			"I hope we get the chance to work together another time.",
			"If something else comes up in the future, I'd [love|be glad] to hear about it.",
			"Feel free to reach out if something else turns up.",
			"Let me know if anything else comes up that might fit.",
			"I'll look you up on LinkedIn, if that's all right.",
			"Let me know if I can ever return the favour.",
			"Drop me a line if you're ever hiring for something similar.",
		},
	},
}

// offersBySituation are offers of help that belong to one situation: a
// note that withdraws before any interview offers briefly to hear of other
// roles; after an interview the offer is to the people met; on an offer,
// to the manager, whose team the writer now knows. A letter chooses among
// these and the offers of every situation (see offersFor).
var offersBySituation = map[Situation]map[Offer]toned{
	SituationWithdrawal: {
		OfferStayInTouch: {
			ToneFormal: {"Please do keep me in mind for other roles.", "I would be glad to hear of other openings in future.",
				"I would be glad to hear about other roles."},
			ToneWarm: {"Do keep me in mind for anything else.", "I'd be glad to hear about other roles later on.",
				"Drop me a line if something else comes up."},
		},
		OfferReferral: {
			ToneFormal: {"I will pass the advert on to anyone I know who would suit it."},
			ToneWarm:   {"I'll pass the advert on to anyone I know who'd suit it."},
		},
	},
	SituationInvitation: {
		OfferStayInTouch: {
			ToneFormal: {"Please do keep me in mind for future vacancies.", "I would be glad to be considered for other roles later on.",
				"I would be glad to hear of other openings.", "Should a similar vacancy arise, please do bear me in mind.",
				"I would welcome the chance to be considered for other roles."},
			ToneWarm: {"Do keep me in mind for [other roles|anything else].", "I'd be glad to hear about other roles later on.",
				"Drop me a line if something else comes up.", "Keep me in mind if something similar comes up later.",
				"I'd be happy to hear about other openings."},
		},
		OfferReferral: {
			ToneFormal: {"I will pass the advert on to anyone I know who would suit the role."},
			ToneWarm:   {"I'll pass the advert on to friends who'd suit the role."},
		},
	},
	SituationBeforeInterview: {
		OfferStayInTouch: {
			ToneFormal: {"I hope we will have the chance to meet another time.", "I would be glad to stay in contact, and perhaps to meet on another occasion.",
				"Please do keep me in mind for future roles."},
			ToneWarm: {"Hopefully we'll get to meet another time.", "I'd like to keep in touch, and maybe meet another time.",
				"Do keep me in mind for other roles."},
		},
	},
	SituationAfterInterview: {
		OfferStayInTouch: {
			ToneFormal: {"I would be glad to stay in touch with you and the colleagues I met.", "I would be glad to connect with the people I met.",
				"I hope to cross paths with you and the team again.", "I would be glad to hear from you now and then about how the work goes.",
				"Please let me know if I can ever be of help to the team.", "Should a role nearer to my aims open up, I would be glad to hear of it.",
				"I would be glad to be considered for other roles in time.", "Please do bear me in mind for future vacancies."},
			ToneWarm: {"I'd love to stay in touch with you and everyone I met.", "I'd like to connect with you on LinkedIn, if that's all right.",
				"If something closer to what I'm looking for comes up, I'd love to hear about it.", "It would be [lovely|great] to keep in touch with you and the team.",
				"Let me know if I can ever return the favour.", "Do keep me in mind for other roles.", "I'd be glad to hear about other openings down the line."},
		},
		OfferReferral: {
			ToneFormal: {"Now that I know what the role needs, I will gladly point anyone suitable your way."},
			ToneWarm:   {"Now I know what the role needs, I'll happily send anyone who'd suit it your way."},
		},
	},
	SituationOffer: {
		OfferStayInTouch: {
			ToneFormal: {"I would be glad to stay in contact, and to hear how the team gets on.", "I would be glad to connect with you on LinkedIn.",
				"Please let me know if I can ever be useful to the team.", "I hope to keep in contact with you as the team grows.",
				"Perhaps our work will bring us together another time.", "Should the timing ever be better, I would be glad to hear from you."},
			ToneWarm: {"I'd love to hear how the team gets on, so let's stay in touch.", "I'll look you up on LinkedIn, if that's all right.",
				"Let's keep in touch – I'd like to hear how things go for the team.", "Let me know if I can ever return the favour.",
				"Maybe we'll end up working together another time."},
		},
		OfferReferral: {
			ToneFormal: {"I know the role well now, and I will gladly send anyone in my network who would suit it your way."},
			ToneWarm:   {"I know the role well now, so I'll happily send anyone who'd suit it your way."},
		},
	},
}

// wishes end the letter with a wish that fits what was declined: the
// search goes on after an invitation or an interview; after an offer the
// employer has found their person in the candidate, so the wish is for
// them.
var wishes = situated{
	SituationWithdrawal: {
		ToneFormal: {"I wish you every success with the [search|recruitment].", "I wish you and your colleagues well in filling the position.",
			"I hope you find [an excellent|a strong] candidate[| soon].", "I hope the recruitment goes [smoothly|well|quickly].",
			"I hope the position is filled [before long|without delay].", "Good luck with the [search|hiring].",
			"I hope you find someone well suited to the team.", "I hope you find the person you are looking for."},
		ToneWarm: {"Good luck with the search[| – I hope it goes well].", "I hope you find just the right person.", "Best of luck [filling the role|with the hiring].",
			"I hope the hiring goes [well|smoothly].", "I hope you find someone [great|brilliant] [soon|quickly].", "Fingers crossed the search goes [well|quickly].",
			"Hope you find a great fit."},
	},
	SituationInvitation: {
		ToneFormal: {"I wish you and your colleagues well in filling the position.", "I hope you find [an excellent|a strong] candidate.",
			"I wish you all the best with the search.", "I hope the interviews go [well|smoothly].",
			"Good luck with the [search|interviews].", "I hope [the position is filled|the right candidate turns up] [soon|before long]."},
		ToneWarm: {"Good luck with the interviews.", "I hope you find just the right person[| for it].", "I hope the role is filled [soon|quickly].",
			"Wishing you all the best with the hiring.", "I hope the search goes [well|smoothly].", "I hope you find someone [great|brilliant] [soon|quickly]."},
	},
	SituationBeforeInterview: {
		ToneFormal: {"I hope the rest of your interviews go [well|smoothly].", "I hope the hiring goes smoothly.",
			"I wish you every success in filling the position.", "Good luck with the [other interviews|rest of the search].",
			"I hope the slot is useful for another candidate.", "I wish you well with the rest of the recruitment.",
			"I wish you and your colleagues well with the search.", "I hope the process goes well from here.",
			"I hope you find a [strong|very good] candidate for the team.", "I trust the [search|recruitment] will go well."},
		ToneWarm: {"I hope the rest of your interviews go [well|smoothly].", "I hope the hiring goes [smoothly|well].",
			"All the best with the rest of the [process|hiring].", "Good luck with the other candidates.", "I hope you find someone [great|brilliant] [soon|quickly].",
			"Good luck with the search[| from here| – I hope it goes well].", "Hope the interviews go well.", "Wishing you luck with the hiring."},
	},
	SituationAfterInterview: {
		ToneFormal: {"I wish you every success in filling the position.", "I wish you and your colleagues [well|every success].",
			"I hope you find the right person for the team.", "Please pass on my thanks to everyone I met.",
			"My best wishes to you and [everyone I met|your colleagues].", "I hope the rest of the [search|process] goes [well|smoothly].",
			"I hope the search ends well for you."},
		ToneWarm: {"Good luck to you and [everyone there|your colleagues].", "I hope you find the right person.", "I hope the rest of the search goes [smoothly|well].",
			"Please say thanks to everyone I met.", "Best of luck with the rest of the search.", "I hope you find someone [great|brilliant] [soon|quickly].",
			"Hope you find a great fit for the team.", "Wishing you luck with the hiring."},
	},
	SituationOffer: {
		ToneFormal: {"I wish you and your colleagues every success.", "I hope the coming year goes well for you all.",
			"Please pass on my thanks to everyone I met.", "Good luck with everything this year.",
			"My best wishes to you and your colleagues.", "I hope [the year ahead goes|the coming months go] well for the team.", "Every good wish to you all for the months ahead."},
		ToneWarm: {"Every success to you and [everyone there|your colleagues].", "All the best to you and the team.", "Please say thanks to everyone I met.",
			"I hope everything goes [brilliantly|really well] for you all.", "Wishing you all a [great|brilliant] year ahead.", "Good luck with everything."},
	},
}

// courtesies close a letter that makes no wish with a word on what the
// early answer lets the reader do, as people end a short note: neither
// thanks nor a wish. A line that says only why the writer wrote now ("It
// seemed only fair to tell you at once.") carries nothing, and a reader
// who sees a few letters finds it in each: there is none.
var courtesies = situated{
	SituationWithdrawal: {
		ToneFormal: {"I would rather tell you now than have more of your time go on my application.", "I did not want my application to take up more of your time.",
			"I hope it makes the shortlisting a little simpler.", "I hope the role finds the right person soon.",
			"I would not want you to set time aside for a candidate who is no longer available.",
			"I would not want my file to hold up your shortlist."},
		ToneWarm: {"I didn't want you spending more time on my application.",
			"I didn't want you to book time for me that I couldn't use.", "Hopefully that makes your shortlist a bit simpler.", "I hope the [shortlist comes together nicely|search turns up someone great]."},
	},
	SituationInvitation: {
		ToneFormal: {"I am replying now so that the slot can go to another candidate.", "I did not want to hold up your planning.",
			"I hope the time you had set aside can go to someone else.", "That should free your calendar for the other candidates.",
			"I hope it is not too late to fill the interview with someone else."},
		ToneWarm: {"I'm replying now so the slot can go to someone else.", "I didn't want to hold up your plans.", "Hopefully someone else can take the time you'd kept for me.",
			"That frees up your diary for the others on the list.", "I'd rather the time went to someone who can use it."},
	},
	SituationBeforeInterview: {
		ToneFormal: {"I am letting you know now so that the slot can be offered to someone else.", "I hope the time can still go to another candidate.",
			"I hope this leaves enough time to offer the slot to someone else.", "I would rather the hour went to a candidate who can use it."},
		ToneWarm: {"I wanted to give you [the most|as much] notice [I could|possible].", "I'm telling you now so the slot can go to someone else.",
			"Hopefully that leaves time to give the slot to someone else.", "I hope someone else can have the slot."},
	},
	SituationAfterInterview: {
		ToneFormal: {"I would rather tell you now than hold up your process.", "I did not want to hold up your decision.", "I hope this helps you plan the next round.",
			"That should let you move ahead with the other candidates.", "I hope it makes the shortlist easier to settle."},
		ToneWarm: {"I didn't want to keep you waiting.", "Hopefully that makes planning the next round a bit easier.", "That way you can press on with the others.",
			"I'd hate to hold up your shortlist.", "At least now you can plan the next round without me."},
	},
	SituationOffer: {
		ToneFormal: {"I know you will want to get on with the search.", "I did not want to keep you waiting any longer.", "I hope your next candidate is still available.",
			"I hope this leaves you time to speak to the other finalists.", "I did not want the position held open for me any longer."},
		ToneWarm: {"I know you'll want to get on with the search.", "I didn't want to keep you waiting on my answer.", "I hope that still leaves time to reach your next candidate.",
			"Hopefully you can move on to the next person quickly.", "I didn't want you holding the job open for me."},
	},
}

// reflections say, in a letter that declines after meeting the people,
// what the process meant to the writer, without thanking once more (a
// letter thanks at most twice): see emailWriter.reflect.
var reflections = situated{
	SituationAfterInterview: {
		ToneFormal: {"I have thought about it carefully over the past few days.",
			"It was not an easy decision to reach.",
			"I did not come to this [quickly|lightly].",
			"I took a few days over this before writing.",
			"I wanted to be sure before I wrote to you."},
		ToneWarm: {"It wasn't an easy call, and I've thought about it a lot.",
			"I've thought about it a fair bit over the last few days.",
			"It took me a few days to be sure.",
			"I didn't come to this [quickly|lightly].",
			"I wanted to be sure before I got back to you."},
	},
	SituationOffer: {
		ToneFormal: {"This was not an easy decision, and I have spent a few days on it.",
			"I have given the offer a great deal of thought over the past few days.",
			"It was a close decision, and not one I reached quickly.",
			"Your offer deserved a careful answer, and I have tried to give it one.",
			"I took some time over my answer, as it was a close thing.",
			"I weighed it carefully, and it was a [closer|harder] choice than I expected.",
			"It took me some days to decide.",
			"I am conscious of the time your colleagues put into the interviews, and I did not decide lightly.",
			"Turning it down was not easy."},
		ToneWarm: {"Honestly, this was a tough call.",
			"It was a close call, and I didn't make it lightly.",
			"I know a lot of people put time into the interviews, so I didn't decide this lightly.",
			"I've gone back and forth on this more than I [expected to|thought I would].",
			"I'll admit this took me longer to decide than I [expected|thought it would].",
			"It really wasn't an easy one to decide.",
			"I've slept on it a few times to be sure.",
			"Saying no to this one was harder than I expected.",
			"I wanted to be sure before I replied, which is why it took me a few days."},
	},
}

// meetingLines say, in a longer letter after meeting the people, what
// the meetings were like: no thanks (the letter has thanked), and nothing
// that only the user could know.
var meetingLines = toned{
	ToneFormal: {"I have very much enjoyed getting to know the team over the past few weeks.",
		"Our conversations gave me a clear picture of the team and its work, and I enjoyed every one of them.",
		"I came away from each conversation with real respect for what the team is building.",
		"It has been a pleasure to learn about the team's plans over the course of the interviews.",
		"I have valued every conversation along the way."},
	ToneWarm: {"I've really enjoyed getting to know everyone over the [last few weeks|interviews].",
		"Every conversation with the team was a pleasure, and I learned a lot.",
		"I came away from each conversation really liking what you're building.",
		"It's been great getting a feel for the team and its plans [over the interviews|these past weeks].",
		"I've liked everyone I met along the way."},
}

// acknowledgments take the place of reflections in an offer letter that
// does not say the decision was hard: what the writer knows of the
// reader's side.
var acknowledgments = situated{
	SituationOffer: {
		ToneFormal: {"An offer takes a good deal of work to put together.", "I realise this is not the answer you were hoping for.",
			"I am conscious of the time your colleagues put into the interviews.", "I am sorry to leave you with the search to reopen.",
			"I am aware that this leaves you with the position to fill again.", "I know this is unwelcome news after so many conversations.",
			"I am sorry to end things after so many conversations."},
		ToneWarm: {"I know this isn't the answer you were hoping for.", "I know a lot of people put time into the interviews.",
			"Putting an offer together is no small job, I know.", "I realise it's not the news you wanted.",
			"I know this means starting the search again, and I'm sorry about that.", "I'm aware this isn't what you hoped to hear after all those conversations.",
			"I know you've put a lot of time into me.", "I'm sorry to leave you with the role to fill again."},
	},
}

// thanksAgain end a letter, as people often end, with thanks once more for
// what the reader did in this situation.
var thanksAgain = situated{
	situationNextRound: {
		ToneFormal: {"Thank you again for our conversation and for inviting me back.", "Thank you once more for meeting me.",
			"Many thanks again for your time.", "I am grateful for the time you gave me."},
		ToneWarm: {"Thanks again for a [great|really good] conversation.", "Thanks again for your time.",
			"Thanks [once more|again] for asking me back."},
	},
	SituationWithdrawal: {
		ToneFormal: {"Thank you again for your time and consideration.", "Thank you once more for considering me.", "Many thanks again for your [time|trouble].",
			"I am grateful to you for [reading|considering] my application.", "With thanks again for your [time|attention]."},
		ToneWarm: {"Thanks again for your time.", "Thanks again for considering me.", "Thank you for [understanding|your understanding].",
			"Thanks [once more|again] for [looking at|reading] my application.", "I really appreciate the time you spent on it.",
			"Thanks for giving my application [a look|your attention]."},
	},
	SituationInvitation: {
		ToneFormal: {"Thank you again for the [invitation|kind invitation].", "Thank you once more for thinking of me.", "Many thanks again for your time.",
			"Thank you again for getting in touch."},
		ToneWarm: {"Thanks again for thinking of me.", "Thanks again for the invite.", "Thank you[| so much] for asking me.",
			"Thanks [once more|again] for getting in touch."},
	},
	SituationBeforeInterview: {
		// Thanks that say "thank" alternate with those that do not, so that
		// a letter that already thanked does not always fall to one line.
		ToneFormal: {"Thank you [for your understanding|for understanding|in advance for your understanding].",
			"Many thanks for your understanding.", "Thank you for bearing with me.", "Thank you again for arranging it.",
			"Many thanks for bearing with me."},
		ToneWarm: {"Thanks for understanding.", "Thanks for bearing with me.", "Thanks for being so understanding.",
			"Thanks so much for understanding.", "Thanks again for setting it up."},
	},
	SituationAfterInterview: {
		ToneFormal: {"Thank you again for your time and for a very good conversation.", "Thank you once more for meeting me.",
			"Many thanks again for your time.", "I am grateful for the time you gave me.",
			"With thanks for [a very good conversation|your time and your candour]."},
		ToneWarm: {"Thanks again for a [great|really good] conversation.", "Thanks again for your time.", "Thank you for having me.",
			"Thanks [once more|again] for meeting me."},
	},
	SituationOffer: {
		ToneFormal: {"Thank you again for your confidence in me.", "Thank you once more for the offer, and for your patience while I decided.",
			"Many thanks again for your time and trust.", "Thank you again for thinking of me for the role.", "I remain very grateful to you."},
		ToneWarm: {"Thanks again for everything.", "Thank you again for believing in me.", "Thank you, truly, for everything.",
			"Thanks [once more|again] for the offer – it meant a lot."},
	},
}

// signoffs close an e-mail. People sign off in many ways; a letter that
// always ended "Kind regards," would give the template away when several
// are read side by side.
var signoffs = toned{
	ToneFormal: {"Kind regards,", "With best wishes,", "Sincerely,", "Many thanks,", "Best regards,", "Yours sincerely,", "Regards,",
		"With thanks,", "With kind regards,", "Best wishes,", "All good wishes,", "With warm regards,", "With many thanks,",
		"Warm regards,", "Respectfully,", "Kindest regards,", "With appreciation,", "With sincere thanks,"},
	ToneWarm: {"Best wishes,", "Warm regards,", "Thanks again,", "Take care,", "Best,", "Cheers,", "Warmly,", "Warm wishes,",
		"All good wishes,", "Many thanks,", "Thanks so much,", "Kind regards,", "All my best,", "With best wishes,", "Thanks,",
		"Best regards,", "Very best,", "With thanks,"},
}

// signoffsByName replace signoffs after a greeting by first name ("Dear
// Emily,", "Hi Priya,"): a warm or plain close, never "Respectfully,"
// nor "Kind regards,".
var signoffsByName = toned{
	ToneFormal: {"Best wishes,", "With best wishes,", "Many thanks,", "Warm regards,", "With thanks,", "Thank you,", "Warm wishes,",
		"Thanks again,", "Best,", "All good wishes,", "With many thanks,", "Very best wishes,", "Warmly,", "With warm wishes,", "Thanks so much,"},
	ToneWarm: {"Best wishes,", "Thanks again,", "Take care,", "Best,", "Warmly,", "Warm wishes,", "Many thanks,", "Cheers,",
		"Thanks so much,", "All my best,", "Thanks,", "Very best,", "With thanks,", "Warm regards,", "All good wishes,", "With best wishes,", "With warm wishes,"},
}

// titledSignoffs are the closes that belong only after a greeting by title
// and surname ("Dear Dr. Lima,") or "Dear Sir or Madam,".
var titledSignoffs = []string{"Respectfully,", "Yours sincerely,", "Yours faithfully,"}

// signoffsTitled are the closes after a greeting by title and surname
// ("Dear Mr. Lee,"): the register of the greeting, neither the intimate
// "Yours," nor the chatty "Warmly,".
var signoffsTitled = []string{"Kind regards,", "Best regards,", "Yours sincerely,", "With kind regards,", "Sincerely,",
	"Kindest regards,", "Regards,", "With best wishes,", "Best wishes,", "Many thanks,", "With many thanks,", "Respectfully,"}

// signoffList is the sign-offs that match the greeting: by first name, a
// warm or plain close; by title, any; otherwise (a full name, a team) any
// but those of titledSignoffs. A US letter signs off as Americans do (see
// usSignoffs).
func signoffList(r Request) []string {
	if r.English == EnglishUS {
		return usSignoffs[greetingKind(r)][r.Tone]
	}
	switch greetingKind(r) {
	case greetFirstName:
		return signoffsByName[r.Tone]
	case greetTitled:
		return signoffsTitled
	}
	return slices.DeleteFunc(slices.Clone(signoffs[r.Tone]), func(s string) bool { return slices.Contains(titledSignoffs, s) })
}

// How a greeting names its reader.
const (
	greetOther     = iota // a full name, a team, nobody
	greetFirstName        // one name without a title: "Emily"
	greetTitled           // a title and surname: "Dr. Lima"
)

// greetingKind is how the greeting of r names its reader.
func greetingKind(r Request) int {
	c := normalizeContact(r.Contact)
	if c.Kind != ContactPerson {
		return greetOther
	}
	g := c.Greeting(r.Tone)
	first, _, _ := strings.Cut(g, " ")
	switch {
	case slices.Contains(titles, strings.ToLower(strings.TrimSuffix(first, "."))):
		return greetTitled
	case !strings.Contains(g, " ") && latin(g):
		return greetFirstName
	}
	return greetOther
}

// subjects are what an e-mail's subject says, per situation, naming the
// role; subjectLine adds the sender's name as people put it, or leaves it
// to the From line. {date} and {dayof} name a cancelled interview's day.
var subjects = map[Situation][]string{
	SituationWithdrawal: {"Withdrawing my application - {role}", "{role} application", "My {role} application",
		"Withdrawing my {role} application", "Withdrawal of my application for {role}", "{role}: withdrawing my application",
		"Update on my application - {role}", "Withdrawing from the {role} process", "Application withdrawal - {role} role",
		"My application for the {role} role"},
	SituationInvitation: {"Interview invitation - {role}", "{role} interview", "Your invitation to interview for {role}",
		"Declining the {role} interview", "Thank you for the invitation - {role}", "{role} interview invitation",
		"Interview for the {role} role", "{role} - declining the interview", "Invitation to interview: {role}",
		"{role}: interview invitation"},
	SituationBeforeInterview: {"{role} interview cancellation", "Cancelling my {role} interview{date}", "{role} interview{date}",
		"{dayof} {role} interview", "Cancelling our {role} interview{date}", "Cancelling the {role} interview",
		"Unable to attend{date} - {role} interview", "{role} - cancelling our interview{date}", "Withdrawing from the {role} process",
		"Our {role} interview{date}", "Cancellation: {role} interview{date}"},
	SituationAfterInterview: {"Withdrawing my application - {role}", "{role} application", "Following our interview - {role}",
		"Withdrawing from the {role} process", "My decision on the {role} role", "{role}: withdrawing my application",
		"My application for the {role} role", "After our interview: {role}", "Update on the {role} role"},
	SituationOffer: {"Your offer - {role}", "{role} offer", "Declining the {role} offer", "Reply to your offer - {role}",
		"{role}: my answer on the offer", "My reply to the {role} offer", "Your offer for the {role} role",
		"My answer on the {role} offer", "Job offer: {role}"},
}

// The sentences that weave in the user's detail, by its grammatical shape
// (see detailShape): {detail} is what the user typed, {Detail} the same
// with a capital, {np} and {adj} a noun phrase whose adjective was moved
// after it ("your helpful explanation of X": "your explanation of X",
// "helpful"). The "first" lists open a letter, before the decline, and
// say why the letter is hard to write.
var detailSentences = map[detailShape]map[bool]toned{
	detailGerund: {
		false: {
			ToneFormal: {"I very much enjoyed {detail}.", "It was a real pleasure {detail}.", "I greatly enjoyed {detail}.",
				"{Detail} was a highlight of the process for me.", "I am grateful for the opportunity of {detail}."},
			ToneWarm: {"I really enjoyed {detail}.", "{Detail} was a real highlight.", "I loved {detail}.",
				"It was great {detail}, and I'm grateful for the chance."},
		},
		true: {
			ToneFormal: {"I very much enjoyed {detail}, which makes this a harder letter to write.",
				"{Detail} was a real pleasure, and that makes this letter harder to write.",
				"It was a pleasure {detail}, so this is not an easy letter to write."},
			ToneWarm: {"I really enjoyed {detail}, which makes this harder to write.",
				"{Detail} was such a highlight, so this isn't an easy note to send."},
		},
	},
	detailAdjective: {
		false: {
			ToneFormal: {"I found {np} very {adj}.", "I appreciated how {adj} {np} was.", "{Np} was [very|particularly] {adj}, and I am grateful for it.",
				"I should add that I found {np} particularly {adj}."},
			ToneWarm: {"I found {np} really {adj}.", "I really appreciated how {adj} {np} was.", "{Np} was [really|so] {adj} – thank you."},
		},
		true: {
			ToneFormal: {"I found {np} very {adj}, which makes this a harder letter to write.",
				"I appreciated how {adj} {np} was, so this is not an easy letter to write."},
			ToneWarm: {"I found {np} really {adj}, which makes this harder to write.",
				"I really appreciated how {adj} {np} was, so this isn't an easy note to send."},
		},
	},
	detailNoun: {
		false: {
			ToneFormal: {"In particular, I appreciated {detail}.", "I was particularly grateful for {detail}.", "I especially valued {detail}.",
				"I valued {detail} in particular."},
			ToneWarm: {"{Detail} meant a lot to me.", "I really valued {detail}.", "I especially appreciated {detail}."},
		},
		true: {
			ToneFormal: {"I very much valued {detail}, which makes this a harder letter to write."},
			ToneWarm:   {"I really valued {detail}, so this isn't easy to write."},
		},
	},
	detailArticle: {
		false: {
			ToneFormal: {"I was particularly grateful for {detail}.", "I especially appreciated {detail}."},
			ToneWarm:   {"I especially appreciated {detail}.", "I really valued {detail}."},
		},
		true: {
			ToneFormal: {"I am grateful for {detail}, which makes this a harder letter to write."},
			ToneWarm:   {"I'm grateful for {detail}, so this isn't easy to write."},
		},
	},
}

// subjectLine is the e-mail's subject. A letter that answers an
// invitation which came by e-mail replies in its thread ("Re: " and the
// invitation's own subject), as people answer a recruiter. Otherwise it
// is one of the situation's subjects, chosen by the wording, with the
// sender's name added as people put it ("... - Sam Lee", "Sam Lee -
// ..."); when the profile has an address, whose From line says who
// writes, two subjects in five leave the name out.
func subjectLine(r Request, v values, c chooser) string {
	if r.ThreadSubject != "" {
		return replySubject(r.ThreadSubject)
	}
	list := subjects[r.Situation]
	v.date = ""
	if r.InterviewAt != nil && r.Situation == SituationBeforeInterview {
		s := slotNamesOf(r, c)
		v.date, v.dayof = s.date, s.datePoss
	}
	n := len(list)
	i, step := c.index(partSubject, n), c.stride(partSubject, n)
	for k := 0; k < n && v.dayof == "" && strings.Contains(list[i], "{dayof}"); k++ {
		i = (i + step) % n
	}
	topic := subjectValues(v).fill(c.expand(partSubject*64+i, 0, list[i]))
	return withSender(topic, v.sender, r.Sender.Email != "", c.index(partSubject+partLead, 20))
}

// withSender adds the sender's name to a subject's topic, as the k-th
// of twenty subjects does: in turn before a dash ("Sam Lee - Senior Go
// Engineer offer"), after one, or after a comma ("Withdrawing my
// application - Senior Go Engineer, Sam Lee"), so that no one form is in
// most subjects; and, where the From line names the sender (fromNamed),
// not at all in two subjects of five.
func withSender(topic, sender string, fromNamed bool, k int) string {
	dashed := strings.Contains(topic, " - ")
	switch {
	case sender == "" || fromNamed && k < 8:
		return topic
	case k%3 == 0 && !dashed && !strings.Contains(topic, ":"):
		return sender + " - " + topic
	case k%3 == 1 && !dashed:
		return topic + " - " + sender
	}
	return topic + ", " + sender
}

// replySubject is the subject of a reply: "Re: " and the original, once.
func replySubject(subject string) string {
	if len(subject) >= 3 && strings.EqualFold(subject[:3], "re:") {
		return subject
	}
	return "Re: " + subject
}
