package decline

// contextLines open a letter with what it is about, before the decision
// and before any thanks ("I am writing about my application for the Data
// Analyst position."), as a third of people's letters do; the decision
// follows in a sentence that need not name the role again (declinesBare
// without "it", which could point at the role). They name the role, and
// the company through {at}; none thanks or declines.
var contextLines = situated{
	SituationWithdrawal: {
		ToneFormal: {"I am writing about my application for the {role} position{at}.", "I recently applied for the {role} position{at}.",
			"I am getting in touch about my application for the {role} position{at}."},
		ToneWarm: {"A quick note about my application for the {role} role{at}.", "I applied for the {role} role{at} a little while ago.",
			"This is about my application for the {role} role{at}."},
	},
	SituationInvitation: {
		ToneFormal: {"I have received your invitation to interview for the {role} position{at}.", "I am replying to your kind invitation to an interview for the {role} position{at}."},
		ToneWarm: {"I got your invitation to interview for the {role} role{at}.", "A quick reply about the {role} interview{at}.",
			"I've read your note about interviewing for the {role} role{at}."},
	},
	SituationBeforeInterview: {
		ToneFormal: {"I am writing about our interview{slot} for the {role} position{at}.", "I am getting in touch about our interview{slot} for the {role} position."},
		ToneWarm:   {"A quick note about our interview{slot} for the {role} role{at}.", "This is about our interview{slot} for the {role} role."},
	},
	SituationAfterInterview: {
		ToneFormal: {"I am following up on our interview for the {role} position{at}.", "I wanted to follow up after our interview for the {role} position{at}.",
			"I am writing about my application for the {role} position{at}."},
		ToneWarm: {"I wanted to follow up on our interview for the {role} role{at}.", "Coming back to you about the {role} role{at}."},
	},
	SituationOffer: {
		ToneFormal: {"I have now thought carefully about your offer of the {role} position{at}.", "I am writing with my answer on your offer of the {role} position{at}.",
			"I am replying to your offer of the {role} position{at}."},
		ToneWarm: {"I've thought long and hard about your offer for the {role} role{at}.", "I wanted to get back to you about the {role} offer{at}.",
			"I'm coming back to you on the offer for the {role} role{at}."},
	},
}

// personalLines open a letter to a person with a short line of their own
// before the decision, which then names the role (declinesNamed); not
// before a cancelled interview, where the slot comes first.
var personalLines = toned{
	ToneFormal: {"I hope you are well.", "I hope you are keeping well."},
	ToneWarm:   {"I hope you're well.", "I hope all's well with you.", "I hope things are good with you."},
}

// sorryCancels open a cancellation with the apology, as people who cancel
// a booked slot often do, and cancel in the same sentence, naming the
// interview so the reader can free it: "I am sorry for the short notice,
// but I need to cancel our interview on 3 December at 14:00 ...". Those
// that speak of short notice are written only at short notice (see
// fitNotice).
var sorryCancels = toned{
	ToneFormal: {
		"I am sorry for the short notice, but I need to cancel our interview{slot} and withdraw my application for the {role} position{at}.",
		"I apologise for the short notice, but I have to call off the interview{slot} for the {role} position{at} and withdraw my application.",
		"My apologies for such short notice: I will not be able to come to the interview{slot}, and I am withdrawing my application for the {role} position{at}.",
		"With apologies, I am withdrawing my application for the {role} position{at} ahead of our interview{slot}.",
		"I am sorry to let you know that I will not be able to attend the interview{slot} for the {role} position{at} and am withdrawing my application.",
		"My apologies, but I will not be able to attend our interview{slot} for the {role} position{at}.",
		"Please accept my apologies, but I need to cancel the interview{slot} and withdraw from consideration for the {role} position{at}.",
		"I am sorry, but I will not be able to attend the interview{slot} for the {role} position{at} after all.",
	},
	ToneWarm: {
		"Sorry for the short notice, but I'm withdrawing from the {role} role{at} ahead of our interview{slot}.",
		"I'm sorry it's such short notice, but I'm withdrawing from the {role} role{at} and can't make our interview{slot} after all.",
		"I know it's short notice, and I'm sorry, but I'm pulling out of the {role} role{at} and won't be coming in{slot}.",
		"I'm sorry to do this, but I have to pull out of the running for the {role} role{at}, so I won't be at the interview{slot}.",
		"I'm really sorry, but I can't make our interview{slot} for the {role} role{at} after all.",
		"Sorry to cancel on you, but I'm withdrawing from the {role} role{at} and won't make our interview{slot}.",
		"I'm so sorry, but I won't be coming to my interview{slot}, as I'm withdrawing my {role} application{at}.",
		"Sorry, but please cancel my interview{slot} for the {role} role{at} – I've decided not to go ahead.",
	},
}

// cancelsAfterReason follow a reason that opens a cancellation, after
// ", so": "I have accepted another offer, so I need to cancel our
// interview on 3 December at 14:00 for the ... position." Each names the
// interview and the role, which nothing before them has.
var cancelsAfterReason = toned{
	ToneFormal: {
		"I need to cancel our interview{slot} for the {role} position{at} and withdraw my application.",
		"I am withdrawing my application for the {role} position{at} and must cancel the interview{slot}.",
		"I have to call off the interview{slot} and withdraw my {role} application{at}.",
		"I will not be able to attend our interview{slot} for the {role} position{at} and am withdrawing my application.",
		"I am withdrawing my application for the {role} position{at} ahead of our interview{slot}.",
		"I must cancel my interview{slot} for the {role} position{at} and withdraw my application.",
		"I will not be able to attend the interview{slot} for the {role} position{at}.",
		"please cancel my interview{slot} for the {role} position{at}.",
	},
	ToneWarm: {
		"I need to cancel our interview{slot} and withdraw my application for the {role} role{at}.",
		"I'm withdrawing my {role} application{at} and won't make our interview{slot}.",
		"I have to cancel the interview{slot} and pull out of the running for the {role} role{at}.",
		"I'm pulling out of the {role} role{at} and won't be coming in{slot}.",
		"I'm withdrawing from the {role} role{at} before our interview{slot}.",
		"I've had to withdraw my application for the {role} role{at}, and I won't be at my interview{slot}.",
		"I won't be able to attend the interview{slot} for the {role} role{at} after all.",
		"please cancel my interview{slot} for the {role} role{at}.",
	},
}
