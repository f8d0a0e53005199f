package decline

// The phrase tables of the e-mails and messages. A letter is written
// sentence by sentence from these parts; chooser.sentence picks one
// phrasing of each part, and for the phrasings marked with a leading "^"
// also a lead ("After careful thought, ...") from the part's leads, so that
// letters for different applications rarely share a sentence. The
// placeholders in braces ({role}, {at}, {company}, {greet}, {sender},
// {first}, {reason}, {slot}, {phone}, {date}) are filled by values.fill in
// a single pass, so user text is never read as a placeholder; {at} is
// " at " and the company, or nothing in the letters that leave the company
// to the subject and the greeting.
//
// Every phrasing must pass CheckLetter with no warning, name the company at
// most once (only the decline and thanks of the opening name it, so a
// letter names it at most twice), and not repeat a word stem of the
// sentence next to it (TestNoFingerprints).

// toned holds the phrasings of one part per tone.
type toned map[Tone][]string

// situated holds the phrasings of one part per situation and tone.
type situated map[Situation]toned

// declinesNamed state the decline and name the role: they open a letter,
// or follow a first sentence that does not name it.
var declinesNamed = situated{
	SituationWithdrawal: {
		ToneFormal: {
			"I am writing to [withdraw|formally withdraw] my application for the {role} position{at}.",
			"^I have decided to withdraw my application for the {role} position{at}.",
			"I would like to withdraw my application for the {role} position{at}.",
			"Please accept my withdrawal from consideration for the {role} position{at}.",
			"^I will be withdrawing my application for the {role} position{at}.",
			"^I am withdrawing my application for the {role} position{at}.",
			"^I am taking myself out of consideration for the {role} position{at}.",
		},
		ToneWarm: {
			"I'm [writing|getting in touch] to withdraw my application for the {role} role{at}.",
			"^I've decided to pull out of the running for the {role} role{at}.",
			"I'd like to withdraw my application for the {role} role{at}, and I wanted you to know [early|as soon as possible].",
			"^I'm going to step back from the {role} role{at} – please take me out of the running.",
			"^I'm taking myself out of the running for the {role} role{at}.",
			"^I'm withdrawing my application for the {role} role{at}.",
			"I've given it some thought, and I won't be going ahead with my application for the {role} role{at}.",
		},
	},
	SituationInvitation: {
		ToneFormal: {
			"I am writing to [decline|respectfully decline] your [|kind ]invitation to interview for the {role} position{at}.",
			"^I have decided to decline your invitation to interview for the {role} position{at}.",
			"^I must respectfully decline the invitation to interview for the {role} position{at}.",
			"I am sorry to say that I will not be [going ahead with|attending] the interview for the {role} position{at}.",
			"After some thought, I will not be taking up the interview for the {role} position{at}.",
			"I would like to decline the interview for the {role} position{at} and withdraw from consideration.",
			"I am afraid I cannot accept the invitation to interview for the {role} position{at}.",
		},
		ToneWarm: {
			"I'm [writing|getting in touch] to let you know that I won't be [going ahead with|taking up] the interview for the {role} role{at}.",
			"^I've decided to turn down the interview for the {role} role{at}.",
			"^I'm going to pass on the interview for the {role} role{at}.",
			"I'm afraid I'll have to [say no to|turn down] the interview for the {role} role{at}.",
			"I've thought it over, and I won't be going ahead with the interview for the {role} role{at}.",
			"I'd like to bow out of the interview for the {role} role{at}.",
		},
	},
	SituationBeforeInterview: {
		ToneFormal: {
			"I am writing to withdraw my application for the {role} position{at} and to cancel our interview{slot}.",
			"I would like to withdraw from the {role} process{at}, so the interview{slot} can go to someone else.",
			"I need to cancel the interview{slot} we arranged for the {role} position{at}, and to withdraw my application with it.",
			"I am sorry to let you know that I am withdrawing my application for the {role} position{at} and need to cancel our interview{slot}.",
			"^I have decided to withdraw my application for the {role} position{at} and will not be attending our interview{slot}.",
			"I am writing to withdraw my application for the {role} position{at}, which means cancelling our interview{slot}.",
			"I am withdrawing from the {role} process{at}, and I am sorry to be cancelling our interview{slot}.",
			"I will be withdrawing my application for the {role} position{at} and must cancel our interview{slot}.",
			"Unfortunately, I must cancel our interview{slot} for the {role} position{at}, as I have decided to withdraw my application.",
		},
		ToneWarm: {
			"I'm [sorry|really sorry] to do this, but I'm withdrawing my application for the {role} role{at}, so please free up the interview{slot}.",
			"I've decided to withdraw from the {role} role{at}, so you can give the interview{slot} to someone else.",
			"I'm withdrawing my application for the {role} role{at} and would like to call off our interview{slot} while there's still time to [offer|give] the slot to someone else.",
			"I'm [really|so] sorry, but I need to cancel our interview{slot}, as I'm withdrawing from the {role} role{at}.",
			"^I've decided to withdraw from the {role} role{at} and will have to [cancel|call off] our interview{slot}.",
			"I'm sorry to say I won't be going ahead with the {role} role{at} and need to [cancel|call off] our interview{slot}.",
			"I'm pulling out of the running for the {role} role{at} and won't make our interview{slot}.",
		},
	},
	SituationAfterInterview: {
		ToneFormal: {
			"I am writing to [withdraw|formally withdraw] my application for the {role} position{at}.",
			"^I have decided to withdraw from the process for the {role} position{at}.",
			"^I will be withdrawing my application for the {role} position{at}.",
			"I am writing to let you know that I will not be continuing with my application for the {role} position{at}.",
			"I would like to withdraw [from consideration|my application] for the {role} position{at}.",
			"I have decided to withdraw my application for the {role} position{at}, after some careful thought.",
		},
		ToneWarm: {
			"^I've decided to withdraw from the process for the {role} role{at}.",
			"I'm [writing|getting in touch] to let you know that I'm withdrawing [my application|from the running] for the {role} role{at}.",
			"^I'm going to step back from the {role} role{at}.",
			"After a lot of thought, I won't be continuing with my application for the {role} role{at}.",
			"I'd like to withdraw from the running for the {role} role{at}.",
			"^I'm pulling out of the process for the {role} role{at}.",
		},
	},
	SituationOffer: {
		ToneFormal: {
			"I am writing to [decline|respectfully decline] your [|kind ]offer of the {role} position{at}.",
			"^I [have decided to decline|am declining] your offer of the {role} position{at}.",
			"I regret that I must decline the offer of the {role} position{at}.",
			"After careful consideration, I will not be accepting the offer of the {role} position{at}.",
			"After a good deal of thought, I am declining your offer of the {role} position{at}.",
			"I am afraid I cannot accept your offer of the {role} position{at}.",
		},
		ToneWarm: {
			"^I've decided to turn down the offer for the {role} role{at}.",
			"I'm [writing|getting in touch] to let you know that I'm [declining|turning down] the offer for the {role} role{at}.",
			"This wasn't an easy [decision|call], but I won't be accepting the offer for the {role} role{at}.",
			"^I'm going to turn down the {role} role{at}.",
			"I've been turning over your offer for the {role} role{at}, and in the end I'm declining it.",
		},
	},
}

// declinesBare state the decline after a sentence of thanks that named the
// role.
var declinesBare = situated{
	SituationWithdrawal: {
		ToneFormal: {
			"^I have decided to withdraw it.",
			"^I am withdrawing my application.",
			"I am writing to withdraw it, before you spend [more|any more] time on it.",
			"^I would now like to withdraw it.",
			"I would like to remove myself from consideration.",
			"^I will be withdrawing my application.",
			"^I would prefer not to proceed with it.",
			"^I have chosen to withdraw it.",
			"^I am no longer pursuing it.",
		},
		ToneWarm: {
			"^I'm withdrawing my application.",
			"^I'm going to pull out.",
			"I'm writing to withdraw my application before you spend more time on it.",
			"^I'm going to step back and withdraw my application.",
			"^I'd like to withdraw my application.",
			"^I won't be going ahead with it.",
			"After thinking it over, I'm withdrawing it.",
			"^I'd rather not go ahead with it.",
		},
	},
	SituationInvitation: {
		ToneFormal: {
			"^I will have to decline.",
			"^I must respectfully decline.",
			"I am afraid I [cannot accept|must decline the invitation|must decline on this occasion].",
			"^I will not be going ahead with the interview.",
			"^I will not be taking up the invitation.",
			"^I would like to decline the invitation.",
			"^I will not be going forward with the interview.",
			"With regret, I am declining the interview.",
			"^I have decided not to take up the interview.",
			"^I have decided to decline on this occasion.",
			"^I will not be accepting the invitation.",
		},
		ToneWarm: {
			"I'm going to pass on the interview this time, I'm afraid.",
			"^I'm going to bow out this time.",
			"I'm going to say no to the interview this time.",
			"^I'll step back from this one.",
			"^I've decided not to go ahead with the interview.",
			"I'm afraid I'll have to [decline|pass on the interview].",
			"^I won't be taking it up.",
			"^I'd like to bow out.",
		},
	},
	SituationBeforeInterview: {
		// Those that name the interview alternate with those that do not:
		// after thanks for the interview, a phrasing that would repeat the
		// word gives way to the next, and a run of them would send every
		// such letter to one sentence.
		ToneFormal: {
			"^I have decided to withdraw my application and will not be able to attend.",
			"^I am withdrawing my application and will not be at the interview.",
			"^I need to cancel our meeting and withdraw my application.",
			"^I am withdrawing my application and must cancel the interview.",
			"I am sorry to say that I am withdrawing my application and will not be able to attend.",
			"I have withdrawn my application, which means I will not be at the interview.",
			"I will not be [attending|coming] after all, having withdrawn my application.",
			"^I have had to withdraw my application and will not be able to come.",
			"I will not be able to attend the interview, as I am withdrawing my application.",
			"^I am withdrawing my application and will not be there.",
			"I am writing to cancel our interview and withdraw my application.",
			"^I have withdrawn from the process and cannot attend.",
			"I am afraid I must cancel, as I have withdrawn my application.",
			"I am sorry to say I will not be attending, as I am withdrawing from the process.",
		},
		ToneWarm: {
			"^I'm withdrawing my application and will have to [cancel|call it off].",
			"^I've decided to withdraw and need to cancel the interview.",
			"I'm [sorry|afraid] I'm pulling out of the process and need to cancel.",
			"^I've decided to withdraw, which means I can't make it.",
			"I won't be able to make the interview after all, as I'm withdrawing my application.",
			"^I'm withdrawing my application and won't be there[| after all].",
			"^I need to call it off, as I won't be going ahead with my application.",
			"^I'm withdrawing and can't come after all.",
			"^I'm withdrawing, and I wanted to free up the slot while there's still time.",
		},
	},
	SituationAfterInterview: {
		ToneFormal: {
			"^I have decided to withdraw my application.",
			"^I would like to withdraw from consideration.",
			"^I will not be continuing with the process.",
			"I am writing to withdraw my application[| from the process].",
			"Since our conversation, I have come to the view that I should withdraw.",
			"^I would prefer not to continue in the process.",
			"It took me a while to decide, but I would like to withdraw my application.",
		},
		ToneWarm: {
			"^I'm withdrawing my application.",
			"^I'm going to [step back from|bow out of] the process.",
			"^I've decided not to continue.",
			"I'm [writing|getting in touch] to let you know I'm withdrawing.",
			"^I won't be continuing in the process.",
			"After thinking it over since we spoke, I'm withdrawing.",
			"^I'm going to step aside.",
		},
	},
	SituationOffer: {
		ToneFormal: {
			"^I [have decided to decline|am going to decline].",
			"It was a [difficult|hard] decision, but I must turn it down.",
			"I am, with some regret, declining it.",
			"After a good deal of thought, I am declining it.",
			"Regretfully, I am turning it down.",
			"Having weighed it carefully, I am declining it.",
			"^I am not able to accept it.",
		},
		ToneWarm: {
			"^I'm going to turn it down.",
			"It wasn't an easy [call|decision], but I've decided to decline.",
			"^I won't be taking it.",
			"This is [hard|difficult] to write, but I won't be accepting it.",
			"After a lot of back and forth, I'm declining it.",
			"^I'm going to pass on it.",
			"^I'm afraid I have to say no.",
		},
	},
}

// declineLeads may open a decline marked with "^"; the empty ones keep
// most declines plain.
var declineLeads = toned{
	ToneFormal: {"", "", "", "", "", "", "I am sorry to say that"},
	ToneWarm:   {"", "", "", "", "", "", "", "In the end,", "I'm sorry to say", "Sadly,"},
}

// bareLeads may open a decline marked with "^" that follows thanks, in
// contrast to them ("However, I have decided ...").
var bareLeads = toned{
	ToneFormal: {"", "", "", "", "However,", "Unfortunately,", "I am sorry to say that"},
	ToneWarm:   {"", "", "", "", "Unfortunately,", "Sadly,", "In the end,", "I'm sorry to say"},
}

// apologies say sorry for cancelling an interview the employer arranged,
// which a letter that does so must. Those that speak of short notice are
// said only when the notice is short (see fitNotice).
var apologies = toned{
	ToneFormal: {"I am sorry for the short notice.", "I apologise for the short notice.", "My apologies for [the|such] short notice.",
		"I am sorry to cancel at such short notice.", "I know this is short notice, and I am sorry.", "My apologies for [the|any] inconvenience[| this causes].", "I am sorry for the extra work this causes.",
		"My apologies for cancelling.", "I apologise for [the|any] trouble this [causes|may cause] you.", "I am sorry to cancel[| after you went to the trouble of arranging it].",
		"I know this means rearranging your day, and I am sorry.", "Please accept my apologies.",
		"I am sorry to undo the arrangements.", "I am sorry to leave a gap in your schedule.", "I apologise for changing the plan at this stage."},
	ToneWarm: {"Sorry for the short notice.", "Sorry it's such short notice.", "Apologies for the short notice.", "Sorry to cancel at such short notice.", "I know this is short notice, sorry.", "Apologies for the [hassle|bother].", "Sorry to cancel on you.", "Sorry for the trouble.", "Apologies for cancelling.", "I'm sorry to mess up your schedule.", "Sorry to back out."},
}

// thanksNamed thank the reader and name the role: they open a letter
// whose decline follows them.
var thanksNamed = situated{
	situationNextRound: {
		ToneFormal: {
			"Thank you for our earlier conversation about the {role} position{at}, and for the invitation to a further interview.",
			"It was a pleasure to meet you to discuss the {role} position{at}, and I thank you for inviting me back.",
			"I enjoyed our interview for the {role} position{at}, and thank you for asking me to the next round.",
			"Thank you for our interview for the {role} position{at}, and for asking me to continue to the next stage.",
		},
		ToneWarm: {
			"Thanks [so much|a lot] for our chat about the {role} role{at}, and for inviting me back.",
			"It was great to talk with you about the {role} role{at}, and thank you for asking me back.",
			"I really enjoyed our conversation about the {role} role{at}, so thanks for the invitation to the next round.",
			"Thank you for the interview for the {role} role{at}, and for asking me back for another.",
		},
	},
	SituationWithdrawal: {
		ToneFormal: {
			"Thank you for [considering|taking the time to consider] my application for the {role} position{at}.",
			"Thank you for your interest in my application for the {role} position{at}.",
			"Thank you for the time you have [spent on|given to] my application for the {role} position{at}.",
			"I appreciate the consideration you have given my application for the {role} position{at}.",
			"I am grateful that you looked at my application for the {role} position{at} so carefully.",
			"Thank you for getting back to me so quickly about the {role} position.",
		},
		ToneWarm: {
			"Thanks [|so much ]for considering me for the {role} role{at}.",
			"Thank you for the time you've [put into|spent on] my application for the {role} role{at}.",
			"Thanks [so much|a lot] for looking at my application for the {role} role{at}.",
			"Thanks for [getting back to me|your reply] about the {role} role{at}.",
			"I really appreciate you considering me for the {role} role{at}.",
		},
	},
	SituationInvitation: {
		ToneFormal: {
			"Thank you [|very much ]for inviting me to interview for the {role} position{at}.",
			"Thank you for the [|kind ]invitation to interview for the {role} position{at}.",
			"Thank you for your message about the {role} position and for the invitation to interview.",
			"Many thanks for [getting in touch|your message] about an interview for the {role} position{at}.",
			"Your invitation to interview for the {role} position{at} was very welcome, and I am grateful for it.",
			"I am grateful to you for asking me to interview for the {role} position{at}.",
			"I appreciate your taking the time to read my application for the {role} position and to ask me in.",
			"Thank you for considering me for the {role} position{at}, and for the invitation to interview.",
			"I was glad to be asked to interview for the {role} position{at}, and I thank you for it.",
		},
		ToneWarm: {
			"Thanks [so much|a lot] for inviting me to interview for the {role} role{at}.",
			"Thank you for the invitation to [interview|talk] about the {role} role{at}.",
			"It was lovely to hear back about the {role} role, and thank you for asking me in.",
			"Thanks for reading my application for the {role} role{at} and asking me in to talk.",
			"Thanks for thinking of me for the {role} role{at}, and for asking me to interview.",
			"Thank you for your note about interviewing for the {role} role{at}[| – it was a nice surprise].",
			"I really appreciate the invitation to interview for the {role} role{at}.",
			"I was [glad|pleased] to be asked to interview for the {role} role{at} – thank you.",
		},
	},
	SituationBeforeInterview: {
		ToneFormal: {
			"Thank you for [arranging|setting up] the interview{slot} for the {role} position{at}.",
			"Thank you for the chance to interview{slot} for the {role} position{at}.",
			"Thank you for offering me an interview{slot} for the {role} position.",
			"I am grateful to you for arranging to meet me{slot} about the {role} position{at}.",
			"Thank you for making time to see me{slot} about the {role} position.",
			"Thank you for the invitation to interview{slot} for the {role} position{at}.",
			"Thank you for taking the time to arrange our interview{slot} for the {role} position.",
		},
		ToneWarm: {
			"Thank you for [setting up|arranging] the interview{slot} for the {role} role{at}.",
			"Thanks for fitting me in for [an|our] interview{slot} about the {role} role{at}.",
			"Thanks [so much|a lot] for arranging our interview{slot} for the {role} role.",
		},
	},
	SituationAfterInterview: {
		ToneFormal: {
			"Thank you for the time you gave me during the interview for the {role} position{at}.",
			"Thank you for meeting me to discuss the {role} position{at}.",
			"It was a pleasure to meet you and to learn more about the {role} position, and I thank you for your time.",
			"I enjoyed our discussion of the {role} position{at}, and I thank you for your time.",
			"Thank you again for the interview for the {role} position{at}[| and for your time].",
		},
		ToneWarm: {
			"Thanks so much for the interview for the {role} role{at}, which I really enjoyed.",
			"Thank you for [taking the time|making time] to meet me about the {role} role{at}.",
			"It was great to meet you and hear more about the {role} role, so thank you.",
			"Thanks again for the interview for the {role} role{at}[| – I enjoyed it].",
		},
	},
	SituationOffer: {
		ToneFormal: {
			"Thank you [|very much ]for offering me the {role} position{at}.",
			"Thank you very much for your offer of the {role} position{at}.",
			"I very much appreciated your offer of the {role} position{at}.",
			"Thank you for your offer of the {role} position, and for the time you have given me.",
			"I was delighted to receive your offer of the {role} position{at}, and I thank you for it.",
			"I am grateful for your offer of the {role} position and for the care you took over it.",
			"Thank you for the {role} offer and for the trouble you took in putting it together.",
			"I was honoured to be offered the {role} position, and I thank you.",
		},
		ToneWarm: {
			"Thank you so much for offering me the {role} role{at}[| – it means a lot].",
			"Thanks [so much|a lot] for the offer of the {role} role{at}.",
			"I was so [pleased|happy] to get your offer for the {role} role, and thank you for it.",
			"Thank you for the offer of the {role} role{at}, and for all your time along the way.",
			"It was a real boost to be offered the {role} role, so thank you.",
			"Thanks for the {role} offer – I was really pleased to get it.",
			"Your offer for the {role} role made my week, and thank you for it.",
			"I'm grateful for the offer of the {role} role{at} and for how you've looked after me.",
		},
	},
}

// thanksBare thank the reader after a decline that named the role.
var thanksBare = situated{
	situationNextRound: {
		ToneFormal: {
			"^Thank you for the time you gave me at our earlier interview, and for inviting me back.",
			"^I enjoyed our conversation, and thank you for the invitation to the next round.",
			"^I appreciated meeting you, and I thank you for asking me back.",
			"^Thank you for a [thoughtful|very good] conversation at our earlier meeting.",
		},
		ToneWarm: {
			"^Thanks for the time you gave me at our earlier chat.",
			"^I really enjoyed our conversation, so thank you for asking me back.",
			"^I appreciated meeting you, and thanks for the invitation to the next round.",
			"^Thank you for a [great|really good] first conversation.",
		},
	},
	SituationWithdrawal: {
		ToneFormal: {
			"^Thank you for the time you have [spent considering|given to] my candidacy.",
			"^Thank you for the attention you have given my candidacy [so far|already].",
			"^[Thank you|Many thanks] for your consideration.",
			"^I appreciate the time you have already given my application.",
			"^I am grateful you took the trouble to read my application[| so carefully].",
		},
		ToneWarm: {
			"^Thank you for the time you've already put into my application.",
			"^[Thanks|Thank you] for [reading|looking at] my application.",
			"^Thanks [so much|a lot] for the time you've spent on me.",
			"^I [really|truly] appreciate you considering me.",
			"^Thanks for your interest in me[| so far].",
			"^Thanks for taking the trouble to read my application.",
			"It was kind of you to consider me, so thank you.",
		},
	},
	SituationInvitation: {
		ToneFormal: {
			"^Thank you for the invitation, and for the time you have given my application.",
			"^Thank you for your interest, and for the [time|attention] you have given my application.",
			"^Thank you for considering my application so [carefully|thoroughly].",
			"^I [very much|greatly] appreciate your interest in my application.",
			"^Thank you for [thinking of me|keeping me in mind].",
			"^I was [pleased|glad] to be invited, and I thank you for it.",
			"^I am grateful to have been asked.",
		},
		ToneWarm: {
			"^Thank you for thinking of me[| for this one].",
			"^Thanks [so much|a lot] for the invitation.",
			"^I [really|truly] appreciate you reaching out.",
			"^Thanks for your interest in my application.",
			"^Thank you – it was [really|very] kind of you to think of me.",
			"^I'm grateful you thought of me.",
		},
	},
	SituationBeforeInterview: {
		ToneFormal: {
			"^Thank you for arranging it, and I am sorry for [any|the] inconvenience.",
			"^Thank you for the time you have already given me, and I am sorry for the [inconvenience|disruption].",
			"^I am grateful for your help in finding a time, and I apologise for undoing it.",
			"^Thank you for your help with the arrangements, and I am sorry to undo them.",
			"^Thank you for making time for me, and I apologise for cancelling.",
			"I am sorry to cancel, and thank you for your patience.",
			"^I appreciate the time you made for me[| in your diary].",
		},
		ToneWarm: {
			"^Thanks for setting it up, and [apologies|sorry] for any inconvenience.",
			"^Thank you for fitting me in, and sorry for the extra [work|hassle].",
			"^Thanks so much for arranging it, and I'm sorry to [mess up|upset] your schedule.",
			"Sorry to cancel, and thanks [again|so much] for your help.",
			"^Thank you for making time for me[|, and apologies for the hassle].",
			"^I [really|truly] appreciate you fitting me in.",
			"^Thanks for your patience in finding a slot[| for me].",
		},
	},
	SituationAfterInterview: {
		ToneFormal: {
			"^Thank you for your time and for a [thoughtful|very good] interview.",
			"^I enjoyed [our conversation|meeting you], and I thank you for your time.",
			"^Thank you for a [thoughtful|very good] interview and a [generous|warm] welcome.",
			"^I appreciated the chance to meet you and [hear|learn] about your plans[| for the team].",
		},
		ToneWarm: {
			"^Thank you for the time you gave me at the interview.",
			"^It was good to talk with you, and thanks for your time.",
			"^I [really|genuinely] enjoyed our conversation, so thank you.",
			"^Thanks for making the interview such a good conversation.",
			"^I appreciated meeting you and hearing about your plans.",
		},
	},
	SituationOffer: {
		ToneFormal: {
			"^Thank you for the confidence you have shown in me.",
			"^I am [grateful|thankful] for the trust you have placed in me.",
			"^Thank you for your [generosity|kindness] throughout the process.",
			"^I appreciate the time you have given me.",
		},
		ToneWarm: {
			"^Thank you for believing in me[| – it means a great deal| and for all your time].",
			"^Thanks so much for wanting me on the [team|team – it means a lot].",
			"^I'm [really|genuinely] grateful for the confidence you've shown in me.",
			"^Thank you for making the process such a [pleasure|good experience].",
		},
	},
}

// thanksLeads may open a sentence of thanks that follows the decline and
// the reason.
var thanksLeads = toned{
	ToneFormal: {""},
	ToneWarm:   {""},
}

// reasonSentences hold the reason per reason and tone, as clauses: those
// marked with "^" may take a lead and may follow the decline after ", as";
// stage wording that differs is in reasonsAfterMeeting.
var reasonSentences = map[Reason]toned{
	ReasonAnotherOffer: {
		ToneFormal: {"^I have accepted a position [elsewhere|with another company].", "^I have [recently|just] accepted another role.",
			"^I have accepted an offer from another organisation.", "^I have since accepted an offer [elsewhere|from another company].",
			"^I have signed a contract with another employer.", "^Another organisation made me an offer, which I have taken up.",
			"^I have agreed to join another team."},
		ToneWarm: {"^I've accepted a [role|job] [elsewhere|somewhere else].", "^I've signed on with another company.", "^I've [just|recently] accepted another offer.",
			"^I've taken a [job|role] [elsewhere|at another company].", "Another offer came through, and I've accepted it.",
			"^I start a new job elsewhere next month.", "^I'm joining another team, and I've already signed."},
	},
	ReasonPersonalCircumstances: {
		ToneFormal: {"^A change in my personal circumstances means I cannot take on a new role at present.",
			"^My personal circumstances have changed, and I need to give them my time for now.",
			"^Some personal matters need my full attention [for the time being|at present].",
			"^Family matters need my attention over the coming months.",
			"^I need to focus on some personal matters for the time being.",
			"^Something has come up at home that I need to put first.",
			"^Circumstances outside work mean I cannot commit to a new position [at present|for now].",
			"^I have some family commitments that take priority for now.",
			"^My family needs more of my time over the coming months."},
		ToneWarm: {"^Some things have changed in my [personal life|life outside work], and they have to come first for now.",
			"^Something has come up at home, and I need to be there for it.",
			"^A few things at home need my attention [for the time being|right now|at the moment].",
			"^My personal situation has changed, and I can't take on a [new job|new role] right now.",
			"^Family things have come up that I need to put first this year.",
			"^Life outside work has got busy in a way I didn't expect.",
			"^I've got some family things going on that need my time right now.",
			"^Things at home mean this isn't the moment for me to start something new."},
	},
	ReasonCultureFit: {
		ToneFormal: {"^I am looking for a team whose way of working is [closer to|nearer to] my own.",
			"For my next step, I am looking for a [somewhat|rather] different working environment.",
			"^I have realised that I am looking for a different kind of environment for my next step.",
			"^I would like my next position to be in a rather different setting.",
			"^I am looking for a different kind of team.",
			"^I would be better suited to a team that works in a somewhat different way."},
		ToneWarm: {"^I've come to see I'm looking for a different kind of team for my next [step|move].",
			"For my next [move|job], I'm looking for a slightly different way of working.",
			"^I've realised I'm after a different sort of environment for my next job.",
			"^I'd like my next job to be in a rather different setting.",
			"^I think I'd be happier in a team that works a bit differently."},
	},
	ReasonRoleFit: {
		ToneFormal: {"The position does not quite match the direction I want my career to take.",
			"^I have concluded that my experience is better suited to a different kind of role.",
			"^I have realised that the position is not quite the work I hope to do next.",
			"^I am looking for work closer to what I want to do next in my career.",
			"^I would like my next role to centre more on the work I enjoy most.",
			"^I want my next step to be in a somewhat different area of work."},
		ToneWarm: {"It isn't quite the direction I want my career to take.",
			"^I've come to see the job isn't quite the kind of work I'm after.",
			"^I've realised I'd like my next job to lean more towards the work I enjoy most.",
			"^I'm looking for something a little closer to the work I want to do next.",
			"^I want my next move to be in a slightly different area."},
	},
	ReasonTiming: {
		ToneFormal: {"^The timing is not right for me to change jobs [at present|this year].", "^This is not the right moment for me to change [jobs|employers|roles].",
			"^I have [realised|concluded] that staying where I am [is right for now|makes more sense at present].",
			"^I have commitments in my current role that I want to see through.",
			"^I am not in a position to leave my current role [at the moment|this year].",
			"^I would rather stay in my current role for the time being.", "^My current project needs me for a while longer.",
			"^I am committed to my current team for now.", "^I need to stay in my current post for now.", "^I am staying where I am for now.",
			"^I have decided to stay with my current employer for now.", "^I am not ready to leave my current position just yet.",
			"^I have promised my current team to see out a project that runs into next year."},
		ToneWarm: {"^The timing just isn't right for me [at the moment|this year].", "^I've got a project at work I want to see through first.",
			"^I've realised [now's|this is] not [the time|a good time] for me to [switch jobs|leave my current team].",
			"^I've promised my current team I'll see out a big project.",
			"^I'm going to stay put [for now|for a while longer].", "^Now just isn't the right time for me to [change jobs|switch employers].",
			"^I'm not ready to leave my current job just yet.", "^I'm staying put for now.", "^My team needs me a while longer.",
			"^I'm not ready to move on yet.", "^I've decided to stay where I am a bit longer.", "^I want to give my current job a bit more time."},
	},
	ReasonLocation: {
		ToneFormal: {"^The location would not suit my [circumstances|situation].", "^I am not in a position to relocate [at present|at the moment].",
			"^The commute would not be [workable|practical] for me.", "^Relocating is not something I can do at the moment.",
			"^The distance would be too much for me at present.", "^I am not able to move for a new position just now."},
		ToneWarm: {"^The location doesn't work for me [right now|at the moment].", "^I'm not in a position to [relocate|move house] at the moment.",
			"^The commute wouldn't [work|be practical] for me.", "^Moving isn't something I can do at the moment.",
			"^The distance would be too much for me right now.", "^I can't move for a new job at the moment."},
	},
	ReasonCompensation: {
		ToneFormal: {"^The package is not quite what I need at this point in my career.", "In the end, the overall package is not what I need at present.",
			"^I have concluded that the package does not quite meet my needs at this stage.",
			"^The overall package is some way from what I need at present."},
		ToneWarm: {"In the end, the package isn't quite what I need right now.", "^The overall package doesn't quite fit my [situation|needs].",
			"^The package just isn't quite where I need it to be.", "^I've realised the package doesn't quite meet what I need right now."},
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
		ToneFormal: {"Having met the team, I believe my way of working is better suited to a different environment.",
			"^Our conversations helped me see that I would do my best work in a different kind of setting.",
			"^Meeting the team helped me see that I am looking for a somewhat different way of working.",
			"^Meeting the team made me realise that I work best in a [rather|somewhat] different setting."},
		ToneWarm: {"Having met the team, I've come to see I'm looking for a slightly different way of working.",
			"^Our conversations helped me see I'd do my best work in a different kind of setting.",
			"^Meeting everyone made it clear to me that I'm after a different way of working.",
			"^Meeting everyone helped me see I'd be happier working a bit differently.",
			"^Talking with you all showed me I'm looking for a different kind of workplace."},
	},
	ReasonLocation: {
		ToneFormal: {"The location would not work for me in the long term.",
			"^I have concluded that the location would not suit me in the long run.",
			"^I do not believe the location would be sustainable for me.",
			"I have come to feel that the location would not suit me.",
			"^I have realised that the move would not be right for me at present."},
		ToneWarm: {"I don't think the location would work for me long term.",
			"^I've realised the location wouldn't work for me in the long run.",
			"In the end, the location just wouldn't work for me long term.",
			"I've come to feel the location wouldn't suit me.",
			"^I've realised the move wouldn't be right for me just now."},
	},
}

// reasonLeads may open a reason marked with "^".
var reasonLeads = toned{
	ToneFormal: {""},
	ToneWarm:   {"", "", "", "", "", "", "", "Honestly,"},
}

// reasonFrames open a reason marked with "^" that follows a short
// decline it could not be joined to.
var reasonFrames = toned{
	ToneFormal: {"The reason is simply that", "Quite simply,", "The main reason is that", "In truth,"},
	ToneWarm:   {"The short version is that", "Honestly,", "Simply put,", "The main thing is that"},
}

// reasonJoins join a reason marked with "^" to the decline before it.
var reasonJoins = []string{", as ", " because ", ", as ", ", since "}
