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
			"I will recommend the role to anyone I know who would be a good fit.",
			"I will [gladly|happily] refer anyone I know who would do the job well.",
			"I will pass the role on to anyone I think would suit it.",
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
			"I will gladly speak well of your team whenever I can.",
			"I will gladly recommend your organisation to others who are looking.",
			"I will happily recommend you as an employer to [anyone who asks|people I know].",
			"If friends ask about working with you, I will recommend it.",
			"I will recommend the team to anyone I know who is looking.",
			"I would gladly recommend working with you to friends in the field.",
		},
		ToneWarm: {
			"I'll [happily|gladly] recommend your team to friends[| who are looking].",
			"I'll gladly speak highly of your team to anyone I know.",
			"I'll be sure to put in a good word for your team.",
			"I'd happily recommend you to friends who are looking.",
			"I'll recommend you to [anyone who asks|people I know].",
			"If friends ask me about working there, I'll gladly recommend you.",
			"I'd happily recommend the team to anyone looking for a job.",
			"I'd recommend working with you to anyone.",
		},
	},
	OfferStayInTouch: {
		ToneFormal: {
			"I would be [glad to stay in touch|happy to hear from you again].",
			"Please feel free to contact me if a different role comes up.",
			"Do get in touch if something else comes up.",
			"My details are below, should a different role come up later.",
			"Please let me know if I can ever be of help.",
			"Let me know if you have a similar vacancy later on.",
			"Please feel free to contact me at any time.",
			"I would be glad to hear about [other openings|other roles later on|other roles that come up].",
			"I would be happy to talk about [a different role|other openings] in the future.",
			"If a role closer to my background comes up, I would be glad to hear about it.",
			"Please think of me for other roles with the team in the future.",
			"My contact details are below if [a similar role|something similar|a suitable role] comes up.",
			"I would welcome a call about [a similar role|other roles|anything similar] another time.",
		},
		ToneWarm: {
			"I'd like to stay in touch.",
			"If anything else comes up, just get in touch.",
			"If something else comes up in the future, I'd love to hear about it.",
			"Feel free to reach out if something else turns up.",
			"Let me know if anything else comes up that might fit.",
			"Let me know if I can ever be of help.",
			"It'd be great to hear from you if a similar role turns up.",
			"Let me know if you're ever hiring for something similar.",
			"You're welcome to reach out any time.",
			"If you're hiring for something similar later, just drop me a line.",
			"I'll be watching your openings – drop me a line if one looks right for me.",
			"I'd be happy to hear from you if anything similar opens up.",
			"Keep me in mind for other roles [that come up|you're hiring for].",
			"I'd love to hear of it if anything else comes up.",
			"Do let me know if other jobs come up there.",
			"I'd be up for a chat about other roles another time.",
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
			ToneFormal: {"Please do keep me in mind for other roles.", "Perhaps we will meet another time.",
				"I would be interested to hear of other openings."},
			ToneWarm: {"You're welcome to get in touch about anything else.", "Maybe we'll meet another time.",
				"Drop me a line if something else comes up."},
		},
		OfferReferral: {
			ToneFormal: {"I will pass the advert on to anyone I know who would suit it."},
			ToneWarm:   {"I'll pass the advert on to anyone I know who'd suit it."},
		},
	},
	SituationInvitation: {
		OfferStayInTouch: {
			ToneFormal: {"Please do keep me in mind for future vacancies.", "I would welcome being considered for other roles [later on|in future].",
				"If a similar position opens up, please do contact me.", "Should another opening suit my background, my details are below.",
				"I would be interested to hear of future vacancies in the team."},
			ToneWarm: {"If another opening comes up that suits me better, I'd like to hear about it.",
				"Drop me a line if something else comes up.", "If a similar role opens up, I'd love to hear of it.",
				"Feel free to contact me about future openings."},
		},
		OfferReferral: {
			ToneFormal: {"I will pass the advert on to anyone I know who would be a good fit."},
			ToneWarm:   {"I'll pass the advert on to friends who'd be a good fit."},
		},
	},
	SituationBeforeInterview: {
		OfferStayInTouch: {
			ToneFormal: {"I hope we will have the chance to meet another time.", "Perhaps we can meet another time, if a different role comes up."},
			ToneWarm: {"Hopefully we'll get to meet another time.", "I'd like to keep in touch, and maybe meet another time.",
				"Get in touch if a different role comes up."},
		},
	},
	SituationAfterInterview: {
		OfferStayInTouch: {
			ToneFormal: {"I would be glad to stay in touch with you and the colleagues I met.", "I would like to stay connected with the people I met.",
				"I would welcome the chance to work with you in the future.", "Please let me know if a different role comes up.",
				"Please let me know if I can ever help the team.", "Should a role closer to my experience open up, please contact me.",
				"I would welcome being considered for other roles with the team.",
				"You are welcome to get in touch with me at any time.",
				"My details are below, should anything else come up."},
			ToneWarm: {"I'd love to stay in touch with you and everyone I met.", "I'd like to connect with you on LinkedIn, if that's all right.",
				"If something closer to what I'm looking for comes up, I'd love to hear about it.", "Keep me in mind if the team ever grows.", "If a role that's closer to my experience comes up, do drop me a line.",
				"Let me know if I can ever be of help to the team.", "I'd happily talk again another time, if a different role comes up.", "Feel free to get in touch about other openings.",
				"Feel free to reach out any time."},
		},
		OfferReferral: {
			ToneFormal: {"Now that I know what the role needs, I will gladly point anyone suitable your way."},
			ToneWarm:   {"Now I know what the role needs, I'll happily send anyone who'd suit it your way."},
		},
	},
	SituationOffer: {
		OfferStayInTouch: {
			ToneFormal: {"I would be glad to hear how things go for the team in the future.", "I will send you a connection request on LinkedIn, if you do not mind.",
				"Please let me know if I can ever be useful to the team.", "If something else comes up later, please contact me.",
				"Please keep my details, should a different role come up.", "Please do get in touch if a different role comes up later.",
				"I hope we get to talk again another time.", "Please keep me in mind for other roles later on."},
			ToneWarm: {"Do keep in touch – I'd love to hear how things go.", "I'll look you up on LinkedIn, if that's all right.",
				"Drop me a line some time – I'd like to hear how things go for the team.", "Let me know if I can ever help the team.",
				"I'd be glad to hear from you again, and to know how things turn out for the team."},
		},
		OfferReferral: {
			ToneFormal: {"I know the role well now, and I will gladly send anyone in my network who would suit it your way."},
			ToneWarm:   {"I know the role well now, so I'll happily send anyone who'd suit it your way."},
		},
	},
}

// wishes close a letter when neither thanks nor an offer does: a wish
// that fits what was declined, or, as often, a plain line with no wish at
// all. The search goes on after an invitation or an interview; after an
// offer the employer has found their person in the candidate, so the wish
// is for them. Each thought is worded once or twice, not in many ways: a
// blind reader saw "I hope you find the right person", "I hope the right
// person turns up soon" and "Good luck finding the right person" across
// most letters and knew them for one line. The plain lines neither thank
// (the letter has thanked, or has just done so) nor offer help (the user
// chose the offer): they say what the writer took from the process, or
// that anything the reader still needs is there for the asking.
var wishes = situated{
	SituationWithdrawal: {
		ToneFormal: {"I wish you every success with the [search|recruitment].", "I hope the recruitment goes [smoothly|well].",
			"I wish you well in finding the person you are looking for.", "Good luck with the rest of the hiring.",
			"It was a pleasure to learn about the role.", "I am glad to have had the chance to apply.",
			"I have enjoyed finding out about your work.", "I hope the rest of your week goes well.", "It was a pleasure to be considered."},
		ToneWarm: {"Good luck with the search[| – I hope it goes well].", "I hope you find someone [great|brilliant] soon.",
			"Wishing you well with the hiring.", "It was good to find out about the role.", "I'm glad I got the chance to apply.",
			"Best of luck filling the role.", "Hope you have a good week.", "It was nice to be considered."},
	},
	SituationInvitation: {
		ToneFormal: {"I hope you find [an excellent|a strong] candidate.", "I wish you all the best with the search.",
			"I hope the interviews bring you the right person.", "I wish you well in filling the position.",
			"It was encouraging to be invited.", "I wish you every success in filling the role.", "I hope the recruitment goes smoothly.",
			"I was glad to be thought of for the role."},
		ToneWarm: {"Good luck with the interviews.", "I hope the search goes [well|smoothly].", "It was really nice to be asked to interview.",
			"It was lovely to be considered.", "I was really pleased to be considered.", "Best of luck filling the role.", "Fingers crossed for the search.",
			"I appreciated being asked."},
	},
	SituationBeforeInterview: {
		ToneFormal: {"I hope the rest of your interviews go [well|smoothly].", "I wish you well with the rest of the recruitment.",
			"I hope you find a [strong|very good] candidate for the team.",
			"I had been looking forward to hearing about the team's work.", "I was pleased to have been asked to interview for the position.",
			"I would have enjoyed learning more about the role.", "I hope the search goes well.",
			"I hope you find the right person for the role."},
		ToneWarm: {"I hope the rest of your interviews go [well|smoothly].", "Good luck with the other candidates.",
			"I hope you find someone [great|brilliant] soon.", "I'd really been looking forward to our chat about the team.", "Hope you have a good rest of the week.",
			"It was really nice to be asked in for an interview.", "I'd have enjoyed hearing more about the role.",
			"I'd been keen to find out more about the team's work.", "Good luck finding the right person.", "I hope the search goes smoothly from here."},
	},
	SituationAfterInterview: {
		ToneFormal: {"I hope the next stage goes smoothly for you.", "I hope you find the right person for the team.",
			"I hope the rest of the [search|process] runs smoothly.", "Please pass on my thanks to everyone I met.",
			"I learned a great deal from our conversation.", "I have great respect for the work your team is doing.",
			"It was a pleasure to meet you.", "I appreciated hearing about the team's plans.",
			"Good luck with the rest of the interviews.", "I wish you well in finding the right person."},
		ToneWarm: {"Good luck to you and [everyone there|your colleagues].", "I hope the rest of the search goes [smoothly|well].",
			"Please say thanks to everyone I met.", "I learned a lot from our chat.", "I really admire what the team is doing.",
			"It was great to meet you.", "I really enjoyed hearing about your plans.",
			"Best of luck with the rest of the interviews.", "I hope it all goes well for the team."},
	},
	SituationOffer: {
		ToneFormal: {"I hope all goes well for you and the team.", "I hope things go well for the team.",
			"Please pass on my thanks to everyone I met.", "I will follow the team's work with interest.",
			"I have great respect for what you are building.", "It has been a pleasure to get to know the team.",
			"I wish you all the very best.", "I am very glad to have met you all."},
		ToneWarm: {"All the best to you and the team.", "I hope things keep going really well for you all.", "Good luck with everything.", "Please say thanks to everyone I met.",
			"I'll be keeping an eye on what the team does next.", "I've got a lot of respect for what you're building.",
			"It's been a real pleasure getting to know everyone.",
			"You made the whole process really easy.", "You've all been great to deal with.", "I've enjoyed every step of the process.",
			"Wishing you all the best with the work ahead."},
	},
}

// courtesies close a letter that makes no wish with a word on what the
// early answer lets the reader do, as people end a short note: neither
// thanks nor a wish. A line that says only why the writer wrote now ("It
// seemed only fair to tell you at once.") carries nothing, and a reader
// who sees a few letters finds it in each: there is none. Nor any that
// hopes the news is "not too much of a surprise" (it presumes the reader
// expected otherwise), nor a second apology after the one a cancellation
// makes, nor a bare "Sorry to drop out." standing alone.
var courtesies = situated{
	SituationWithdrawal: {
		ToneFormal: {"I did not want my application to take up more of your time.", "I would rather you heard it from me now than later.",
			"I hope this helps with your planning.",
			"I would rather not hold a place on the shortlist that someone else could use.",
			"I hope it leaves room for another applicant.", "I hope this saves you some time.",
			"I hope this makes things a little easier.", "I hope it helps to have my answer at this stage.",
			"I hope this is useful to know before you draw up the shortlist."},
		ToneWarm: {"I didn't want you spending more time on my application.",
			"I hope knowing now helps with your planning.", "Hopefully my place on the shortlist can go to someone else.",
			"Hopefully this saves you a bit of time.", "Hopefully it leaves room for someone else.",
			"Hopefully it helps to know now rather than later.",
			"I wanted to tell you before it went any further.", "I'd rather not hold a place someone else could use."},
	},
	SituationInvitation: {
		ToneFormal: {"I wanted you to have my answer before you set a time.", "I did not want to hold up your planning.",
			"I hope this helps you plan the rest of the interviews.", "I hope it is easy to offer the interview to someone else.",
			"I hope the slot is easy to fill.", "I hope an early reply helps your planning."},
		ToneWarm: {"I wanted to reply before you set anything up.", "I didn't want to hold up your plans.", "Hopefully someone else can take the time you'd kept for me.",
			"Hopefully an early answer helps with your planning.", "I'd rather the time went to someone who can use it."},
	},
	SituationBeforeInterview: {
		ToneFormal: {"I hope the time can still go to another candidate.", "I did not want to leave it any later to tell you.",
			"Telling you now should leave time to offer the slot to someone else.",
			"I hope you can still fill the slot in good time.", "I hope someone else can use the time.",
			"I hope the slot can go to someone still in the running.", "Please do give my slot to another candidate.",
			"I hope it is still early enough to offer the time to someone else.", "I hope another candidate can take the slot."},
		ToneWarm: {"I wanted to give you [the most|as much] notice [I could|possible].", "I hope you can fill the slot.",
			"Hopefully there's still time to give the slot to someone else.", "I hope someone else can have the slot.",
			"I hope the hour can go to someone else.", "Hopefully the slot's easy to fill.",
			"Hopefully the time can go to someone still in the running.", "Hopefully you still have time to rearrange things.",
			"I didn't want the slot to go to waste."},
	},
	SituationAfterInterview: {
		ToneFormal: {"I did not want to hold up your decision.", "I hope this helps you plan the next round.", "I thought you would want to know straight away.",
			"Knowing now may make the next steps simpler.", "I thought it best to tell you before the next stage is arranged.", "I hope this is helpful as you plan."},
		ToneWarm: {"I didn't want to keep you waiting.", "Hopefully knowing now makes planning the next round a bit easier.",
			"At least now you can plan the next round without me.",
			"I didn't want you to save me a place in the next round.", "I thought you'd rather know sooner than later.",
			"Better to tell you now than leave it hanging.", "It seemed fair to let you know before the next round."},
	},
	// An offer letter says nothing of the other candidates: "I hope your
	// next candidate is still available" reads as sly; nor of the search
	// the reader must now take up again.
	SituationOffer: {
		ToneFormal: {"I was glad to get to know you and the team.",
			"I hope this does not cause too much difficulty.", "I hope this does not leave you in a difficult position.",
			"It was a pleasure to get to know you.", "I enjoyed meeting everyone.", "I was impressed by the people I met.",
			"I have enjoyed our conversations very much.", "I wanted you to have my answer straight away.", "I am sorry not to have better news."},
		ToneWarm: {"I thought you'd want to know as soon as I'd decided.", "I'm sorry to let you down.",
			"I really hope this doesn't cause too much trouble.", "It's been a pleasure talking with you all.",
			"I hope it doesn't leave you in a tricky spot.", "It was good to get to know you all.",
			"I've got a really good impression of the team.", "I've enjoyed getting to know you."},
	},
}

// reflections say, in a letter that declines after meeting the people,
// what the process meant to the writer, without thanking once more (a
// letter thanks at most twice): see emailWriter.reflect. Each carries a
// second thought ("after such a good conversation", "and I am confident
// it is the right step for me"): a flat "I did not come to this lightly."
// standing alone was a blind reader's tell. None gives a reason ("as I",
// "because"): the letter has given one.
var reflections = situated{
	// None claims how long the decision took ("a few days"), which the
	// tracker does not know, nor that it was close: "a close call" in an
	// offer's decline reads as an opening to haggle.
	SituationAfterInterview: {
		ToneFormal: {"It was not an easy decision after such a good conversation.",
			"It was a difficult decision, but I am confident it is the right step for me.",
			"I did not decide this lightly, given how much I enjoyed hearing about the team's plans.",
			"I took some time over this, and the interview made it a harder choice than I expected.",
			"I wanted to be certain before writing, and I now know it is the right step for me."},
		ToneWarm: {"It wasn't an easy call after such a good chat.",
			"I'm sure it's right for me, even though the interview made it harder.",
			"I didn't decide this lightly – I really enjoyed hearing about the team's plans.",
			"It took me a while to be sure, and the interview made it harder than I expected.",
			"I wanted to be sure before I got back to you, and now I am."},
	},
	SituationOffer: {
		ToneFormal: {"There is a lot about the role that appeals to me, which made this a hard decision.",
			"It was a hard decision, and not one I reached quickly.",
			"Parts of the role appealed to me a great deal, which made this harder.",
			"It was not an easy decision after meeting the team.",
			"I did not decide this lightly, as there is a lot I like about the role.",
			"Meeting the team made it a more difficult decision.",
			"It was a difficult decision, given how much I liked the [role|work].",
			"It was a harder choice than I had expected.",
			"I weighed the offer carefully before replying."},
		ToneWarm: {"It was a really tough call, and I took my time over it.",
			"It was a hard decision, and I didn't make it lightly.",
			"There was a lot I liked about the role and the people, so this wasn't an easy one to decide.",
			"I gave this one a lot of careful thought.",
			"Saying no to this one was harder than I expected, after getting to know you all.",
			"I really liked the team, so this was a hard decision to make.",
			"I didn't decide this lightly – there's a lot I like about the job.",
			"Honestly, this was a harder choice than I expected.", "It was genuinely difficult to turn down."},
	},
}

// meetingLines say, in a longer letter after meeting the people, what
// the meetings were like: no thanks (the letter has thanked), and nothing
// that only the user could know.
var meetingLines = toned{
	ToneFormal: {"It was a pleasure to meet you and the team during the interviews.",
		"It was interesting to learn about your work and where it is heading.",
		"I enjoyed meeting the people I would have worked with and hearing about their projects.",
		"I was glad to have had the chance to meet you and your colleagues.",
		"Meeting you and your colleagues was a pleasure, and I learned a lot about the role.",
		"It was good to hear about the team's work and what it is planning next.",
		"I valued the time we spent talking about the role and what it involves."},
	ToneWarm: {"It was really nice meeting everyone during the interviews.",
		"I enjoyed hearing about what you're all working on at the moment.",
		"It was good to meet the people I'd have been working with and to hear about their projects.",
		"It was lovely to meet you all and hear about the work.",
		"I enjoyed our chats about the role and what it involves.",
		"It was good to hear how you all go about the work day to day.",
		"I liked meeting the team and hearing about your plans."},
}

// acknowledgments take the place of reflections in an offer letter that
// does not say the decision was hard: what the writer knows of the
// reader's side, never what they cannot know ("after all those
// conversations"), nor the work the answer makes for them ("I know this
// means more work on your side, and I am sorry."), which presumes and
// dramatises it.
var acknowledgments = situated{
	SituationOffer: {
		ToneFormal: {"I would have liked to work with you.", "I wish my answer could have been different.",
			"I enjoyed learning about the role and your approach to the work.", "It was kind of you to think of me for the role.",
			"I came away with a very good impression of the team.", "I would have been glad to join the team.",
			"I know this is not the answer you hoped for.", "I have valued our conversations.",
			"I was glad to learn so much about the role."},
		ToneWarm: {"I'd have liked working with you.", "I'm sorry it hasn't worked out.",
			"I really enjoyed learning about the [role|work|job].", "It's been good getting to know you.",
			"I'd have loved to be part of the team.", "I'd have enjoyed working with you all.", "Part of me really wanted to say yes.",
			"I really enjoyed our conversations.", "It was great to hear about your plans.", "I really liked what I heard about the work."},
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
			"I am grateful to you for [reading|considering] my application.", "Thank you again for your help."},
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
		ToneFormal: {"Thank you [for your understanding|for understanding].",
			"Many thanks for your understanding.", "Thank you again for your help.", "Thank you again for arranging it.",
			"Many thanks again for your time."},
		ToneWarm: {"Thanks for understanding.", "Thanks again for your help.", "Thanks for being so understanding.",
			"Thanks so much for understanding.", "Thanks again for setting it up."},
	},
	SituationAfterInterview: {
		ToneFormal: {"Thank you again for your time and for a very good conversation.", "Thank you once more for meeting me.",
			"Many thanks again for your time.", "I am grateful for the time you gave me.",
			"Thank you for a very good conversation."},
		ToneWarm: {"Thanks again for a [great|really good] conversation.", "Thanks again for your time.", "Thanks again for seeing me.",
			"Thanks [once more|again] for meeting me."},
	},
	SituationOffer: {
		ToneFormal: {"Thank you again for your kindness throughout.", "Thank you once more for the offer.",
			"Many thanks again for your time.", "Thank you again for thinking of me for the role.", "I appreciated every conversation we had.",
			"Thank you for making me feel so welcome.", "Please pass my thanks on to the team."},
		ToneWarm: {"Thanks again for everything.", "Thanks again for being so easy to talk to.", "Thank you for all your kindness.",
			"Thanks [once more|again] for the offer – it meant a lot.",
			"Thanks for making me feel so welcome.", "Thank you for believing in me.", "It meant a lot to be considered, so thank you."},
	},
}

// signoffs close an e-mail. People sign off in many ways; a letter that
// always ended "Kind regards," would give the template away when several
// are read side by side.
var signoffs = toned{
	ToneFormal: {"Kind regards,", "With best wishes,", "Sincerely,", "Many thanks,", "Best regards,", "Yours sincerely,", "Regards,",
		"With thanks,", "With kind regards,", "Best wishes,", "All good wishes,", "With warm regards,", "With many thanks,",
		"Warm regards,", "Respectfully,", "Kindest regards,", "With sincere thanks,"},
	ToneWarm: {"Best wishes,", "Warm regards,", "Thanks again,", "Take care,", "Best,", "Cheers,", "Warmly,", "Warm wishes,",
		"All good wishes,", "Many thanks,", "Thanks so much,", "Kind regards,", "All my best,", "With best wishes,", "Thanks,",
		"Best regards,", "Very best,", "With thanks,"},
}

// signoffsByName replace signoffs after a greeting by first name ("Dear
// Emily,", "Hi Priya,"): a warm or plain close, never "Respectfully,"
// nor "Kind regards,"; a formal letter, which now greets most people by
// first name, closes without the chatty "Warmly,".
var signoffsByName = toned{
	ToneFormal: {"Best wishes,", "With best wishes,", "Many thanks,", "Warm regards,", "With thanks,", "Thank you,", "Warm wishes,",
		"Thanks again,", "Best,", "All good wishes,", "With many thanks,", "Very best wishes,", "With warm wishes,", "Thanks so much,",
		"Warmest regards,", "Kindest regards,", "With all good wishes,"},
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
				"{Detail} was a highlight of the process for me.", "I valued {detail} very much.", "I particularly enjoyed {detail}."},
			ToneWarm: {"I really enjoyed {detail}.", "{Detail} was a real highlight.", "I loved {detail}.",
				"It was great {detail}, and I'm grateful for the chance.", "I especially enjoyed {detail}.", "{Detail} was great."},
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
				"I also found {np} particularly {adj}."},
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
			ToneFormal: {"In particular, I appreciated {detail}.", "I was grateful for {detail} as well.", "I very much appreciated {detail}.",
				"I also valued {detail}.", "{Detail} was much appreciated.", "{Detail} meant a great deal to me."},
			ToneWarm: {"{Detail} meant a lot to me.", "I really valued {detail}.", "I especially appreciated {detail}.",
				"I was really grateful for {detail}."},
		},
		true: {
			ToneFormal: {"I very much valued {detail}, which makes this a harder letter to write."},
			ToneWarm:   {"I really valued {detail}, so this isn't easy to write."},
		},
	},
	detailArticle: {
		false: {
			ToneFormal: {"I was especially glad of {detail}.", "I am grateful for {detail}.", "I very much appreciated {detail}."},
			ToneWarm:   {"I especially appreciated {detail}.", "I really valued {detail}.", "{Detail} meant a lot to me."},
		},
		true: {
			ToneFormal: {"I am grateful for {detail}, which makes this a harder letter to write."},
			ToneWarm:   {"I'm grateful for {detail}, so this isn't easy to write."},
		},
	},
}
