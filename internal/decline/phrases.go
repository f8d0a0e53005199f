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
			"Please withdraw my {role} application{at}.",
			"^I will be withdrawing from the running for the {role} position{at}.",
			"^I am withdrawing from consideration for the {role} position{at}.",
			"^I am taking myself out of consideration for the {role} position{at}.",
			"^I have decided not to proceed with my application for the {role} position{at}.",
			"^I am no longer pursuing the {role} position{at}.",
		},
		ToneWarm: {
			"I'm [writing|getting in touch] to withdraw my application for the {role} role{at}.",
			"^I've decided to pull out of the running for the {role} role{at}.",
			"I'd like to withdraw my application for the {role} role{at}, and I wanted you to know [early|as soon as possible].",
			"^I'm going to step back from the {role} role{at} – please take me out of the running.",
			"^I'm taking myself out of the running for the {role} role{at}.",
			"^I'm withdrawing my application for the {role} role{at}.",
			"I've given it some thought, and I won't be going ahead with my application for the {role} role{at}.",
			"^I've decided not to go ahead with my application for the {role} role{at}.",
			"Please take me out of the running for the {role} role{at} – I'm withdrawing.",
		},
	},
	SituationInvitation: {
		ToneFormal: {
			"I am writing to decline your [|kind ]invitation to interview for the {role} position{at}.",
			"^I have decided not to interview for the {role} position{at}.",
			"^I have decided not to go ahead with the interview for the {role} position{at}.",
			"I am sorry to say that I will not be [going ahead with|attending] the interview for the {role} position{at}.",
			"After thinking it over, I will not be going forward with the interview for the {role} position{at}.",
			"I would like to decline the interview for the {role} position{at} and am no longer pursuing the role.",
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
			"I am writing to withdraw my application for the {role} position{at} and to cancel the interview{slot}.",
			"I am withdrawing my application for the {role} position{at}, and I am sorry to say our interview{slot} will need to be cancelled.",
			"I must cancel my interview{slot} for the {role} position{at}.",
			"Ahead of our interview{slot}, I am sorry to let you know that I am withdrawing my application for the {role} position{at}.",
			"^I have decided to withdraw my application for the {role} position{at} and will not be attending our interview{slot}.",
			"I need to withdraw my application for the {role} position{at} and will not be coming to our interview{slot}.",
			"With our interview{slot} coming up, I must apologise: I am withdrawing my application for the {role} position{at}.",
			"I apologise, but our interview{slot} for the {role} position{at} will have to be cancelled.",
			"Unfortunately, I need to cancel our interview{slot} for the {role} position{at}.",
			"I am afraid I will not be able to attend my interview{slot} for the {role} position{at} after all.",
			"I am no longer able to attend the interview{slot} for the {role} position{at} and would like to withdraw from consideration.",
			"I am writing to ask you to cancel my interview{slot} for the {role} position{at}.",
		},
		ToneWarm: {
			"I'm [sorry|really sorry] to do this, but I'm withdrawing my application for the {role} role{at}, so please free up the interview{slot}.",
			"I'm pulling out of the running for the {role} role{at}, and I'm sorry to say that means missing our interview{slot}.",
			"Before our interview{slot} – and sorry for this – I'm withdrawing from the {role} role{at}.",
			"I'm [really|so] sorry, but I need to cancel our interview{slot} for the {role} role{at}.",
			"With our interview{slot} [coming up|in the diary], I'm sorry to tell you I've decided to withdraw from the {role} role{at}.",
			"I'm sorry to say I won't be going ahead with the {role} role{at} and need to [cancel|call off] our interview{slot}.",
			"I'm afraid I can't make our interview{slot} for the {role} role{at} after all.",
			"Unfortunately, I won't be able to attend the interview{slot} for the {role} role{at} after all.",
			"^I've decided to withdraw from consideration for the {role} role{at} – please cancel my interview{slot}.",
			"I'm no longer able to make the interview{slot} for the {role} role{at}, and I'd like to withdraw from consideration.",
		},
	},
	SituationAfterInterview: {
		ToneFormal: {
			"I am writing to [withdraw|formally withdraw] my application for the {role} position{at}.",
			"^I have decided to withdraw from the process for the {role} position{at}.",
			"^I have decided to step back from the process for the {role} position{at}.",
			"I am writing to let you know that I will not be continuing with my application for the {role} position{at}.",
			"I would like to withdraw [from consideration|my application] for the {role} position{at}.",
			"I have thought it over, and I would like to withdraw my application for the {role} position{at}.",
		},
		ToneWarm: {
			"^I've decided to bow out of the running for the {role} role{at}.",
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
			"Unfortunately, I have to decline the offer of the {role} position{at}.",
			"After careful consideration, I will not be accepting the offer of the {role} position{at}.",
			"It was not an easy decision, but I am declining your offer of the {role} position{at}.",
			"I am afraid I cannot accept your offer of the {role} position{at}.",
			"^I am going to decline the {role} position{at}.",
			"^I must turn down your offer of the {role} position{at}.",
			"I am afraid I must say no to the {role} position{at}.",
		},
		ToneWarm: {
			"^I've decided to turn down the offer for the {role} role{at}.",
			"I'm [writing|getting in touch] to let you know that I'm [declining|turning down] the offer for the {role} role{at}.",
			"This wasn't an easy [decision|call], but I won't be accepting the offer for the {role} role{at}.",
			"^I'm going to turn down the {role} role{at}.",
			"I've been turning over your offer for the {role} role{at}, and in the end I'm declining it.",
			"^I've decided not to take the {role} role{at}.",
			"I'm afraid I have to say no to the {role} role{at}.",
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
			"I am writing to withdraw it.",
			"^I would now like to withdraw it.",
			"I would like to withdraw from the process.",
			"^I will be withdrawing my application.",
			"^I would prefer not to proceed with it.",
			"^I have chosen to withdraw it.",
			"^I am no longer pursuing it.",
		},
		ToneWarm: {
			"^I'm withdrawing my application.",
			"^I'm going to pull out.",
			"I'm writing to withdraw my application.",
			"^I'm going to step back and withdraw my application.",
			"^I'd like to withdraw my application.",
			"^I won't be going ahead with it.",
			"After thinking it over, I'm withdrawing it.",
			"^I'd rather not go ahead with it.",
		},
	},
	SituationInvitation: {
		ToneFormal: {
			"^I will not be attending the interview.",
			"^I will not be going forward with it.",
			"I am afraid I [cannot accept|must decline the invitation|have decided not to take this further].",
			"^I will not be going ahead with the interview.",
			"^I will not be taking up the invitation.",
			"^I would like to decline the invitation.",
			"^I will not be going forward with the interview.",
			"I am sorry, but I will have to pass on the interview.",
			"^I have decided not to take up the interview.",
			"^I have decided not to interview.",
			"^I will not be accepting the invitation.",
		},
		ToneWarm: {
			"I'll pass on the interview this time, I'm afraid.",
			"^I've chosen not to take things further.",
			"I'll say no to the interview this time.",
			"^I've chosen to step back from this one and not take up the interview.",
			"^I've decided not to go ahead with the interview.",
			"Sadly, I'll have to say no this time.",
			"^I won't be taking up the invitation.",
			"^I'd like to bow out of the interview.",
		},
	},
	SituationBeforeInterview: {
		// Those that name the interview alternate with those that do not:
		// after thanks for the interview, a phrasing that would repeat the
		// word gives way to the next, and a run of them would send every
		// such letter to one sentence.
		ToneFormal: {
			"^I have decided to withdraw my application and will not be coming in.",
			"^I am withdrawing my application and will not be at the interview.",
			"^Unfortunately, I must cancel our meeting.",
			"^I am withdrawing my application and must cancel the interview.",
			"I am sorry to say that I am withdrawing my application and will not be able to attend.",
			"^I am no longer pursuing my application.",
			"I will not be [attending|coming] after all, as I am withdrawing my application.",
			"^I have had to withdraw my application and will not be able to come.",
			"I will not be able to attend the interview, as I am withdrawing my application.",
			"I am afraid that I now have to withdraw my application.",
			"I am writing to cancel our interview.",
			"I will have to cancel our meeting.",
			"I am sorry to say I will not be attending, as I am withdrawing from the process.",
			"I am afraid I will not be able to attend after all.",
			"^I have decided to withdraw from consideration.",
			"Please cancel it – I will not be going ahead with my application.",
		},
		ToneWarm: {
			"^I'm withdrawing my application and will have to [cancel|call it off].",
			"^I'm going to have to cancel the interview.",
			"I'm [sorry|afraid] I'm pulling out of the process and need to cancel.",
			"I'm afraid I'm going to withdraw my application.",
			"I won't be able to make the interview after all, as I'm withdrawing my application.",
			"^I've chosen to withdraw my application.",
			"^I need to call it off, as I won't be going ahead with my application.",
			"^I'm withdrawing and can't come after all.",
			"^I'm withdrawing, and I wanted to free up the slot while there's still time.",
			"I'm afraid I won't be able to attend after all.",
			"Please cancel my slot – I've decided not to go ahead.",
		},
	},
	SituationAfterInterview: {
		ToneFormal: {
			"^I have decided to withdraw my application.",
			"^I would like to withdraw from consideration.",
			"^I will not be continuing with the process.",
			"I am writing to withdraw my application[| from the process].",
			"Since we spoke, I have decided to withdraw my application.",
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
			"After careful consideration, I have decided to decline.",
			"^I have chosen not to accept it.",
			"It was a [difficult|hard] decision, but I must turn it down.",
			"I am sorry to say that I will not be accepting it.",
			"After a lot of thought, I am declining it.",
			"Unfortunately, I will not be accepting it.",
			"I have thought it over carefully, and I am going to decline.",
			"Sadly, I am unable to accept.",
			"^I must turn it down.",
		},
		ToneWarm: {
			"^I'm turning it down.",
			"It wasn't an easy [call|decision], but I've decided to decline.",
			"This is [hard|difficult] to write, but I won't be accepting it.",
			"After a lot of thought, I'm declining it.",
			"^I'll have to pass on it.",
			"I've thought it over, and I'll have to pass.",
			"^I can't accept it, I'm afraid.",
			"^I have to decline.",
			"^I'll have to say no.",
			"I've given it real thought, and I'm going to say no.",
		},
	},
}

// declineLeads may open a decline marked with "^"; the empty ones keep
// most declines plain.
var declineLeads = toned{
	ToneFormal: {"", "", "", "", "", "", "I am sorry to say that"},
	ToneWarm:   {"", "", "", "", "", "", "", "I'm sorry to say", "Sadly,"},
}

// bareLeads may open a decline marked with "^" that follows thanks, in
// contrast to them ("However, I have decided ...").
var bareLeads = toned{
	ToneFormal: {"", "", "", "", "However,", "Unfortunately,", "I am sorry to say that"},
	ToneWarm:   {"", "", "", "", "Unfortunately,", "Sadly,", "I'm sorry to say"},
}

// apologies say sorry for cancelling an interview the employer arranged,
// which a letter that does so must. Those that speak of short notice are
// said only when the notice is short (see fitNotice).
var apologies = toned{
	ToneFormal: {"I am sorry for the short notice.", "I apologise for the short notice.", "My apologies for [the|such] short notice.",
		"I am sorry to cancel at such short notice.", "I know this is short notice, and I am sorry.", "My apologies for [the|any] inconvenience[| this causes].",
		"My apologies for cancelling.", "I apologise for [the|any] trouble this [causes|may cause] you.", "I am sorry to cancel.",
		"I apologise for any inconvenience.", "I am sorry to cancel what you had arranged.", "Please accept my apologies.",
		"I am sorry to go back on our arrangement.", "I apologise for cancelling our meeting."},
	ToneWarm: {"Sorry for the short notice.", "Sorry it's such short notice.", "Apologies for the short notice.", "Sorry to cancel at such short notice.", "I know this is short notice, sorry.", "Apologies for the [hassle|bother].", "Sorry to cancel on you.", "Sorry for the trouble.", "Apologies for cancelling.", "I'm sorry to mess up your [schedule|plans].", "Sorry to back out."},
}

// thanksNamed thank the reader and name the role: they open a letter
// whose decline follows them.
var thanksNamed = situated{
	situationNextRound: {
		ToneFormal: {
			"Thank you for our earlier conversation about the {role} position{at}, and for the invitation to a further interview.",
			"It was a pleasure to meet you about the {role} position{at}, and thank you for inviting me back.",
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
			"I am grateful to you for considering my application for the {role} position{at}.",
			"Thank you for your consideration of my application for the {role} position{at}.",
		},
		ToneWarm: {
			"Thanks [|so much ]for considering me for the {role} role{at}.",
			"Thank you for the time you've [put into|spent on] my application for the {role} role{at}.",
			"Thanks [so much|a lot] for looking at my application for the {role} role{at}.",
			"Thanks for considering my application for the {role} role{at}.",
			"I really appreciate you considering me for the {role} role{at}.",
		},
	},
	SituationInvitation: {
		ToneFormal: {
			"Thank you [|very much ]for inviting me to interview for the {role} position{at}.",
			"Thank you for the [|kind ]invitation to come in and talk about the {role} position{at}.",
			"Thank you for your message about the {role} position and for the invitation to interview.",
			"Many thanks for [getting in touch|your message] about an interview for the {role} position{at}.",
			"I appreciated hearing that you would like to interview me for the {role} position{at}.",
			"I am grateful to you for asking me to interview for the {role} position{at}.",
			"Many thanks for offering me an interview for the {role} position{at}.",
			"Thank you for considering me for the {role} position{at}, and for the invitation to interview.",
			"I appreciate you asking me to interview for the {role} position{at}.",
			"Thank you for shortlisting me for the {role} position{at}.",
			"I am grateful for the invitation to discuss the {role} position{at}.",
			"Thank you for your e-mail about meeting to discuss the {role} position{at}.",
		},
		ToneWarm: {
			"Thanks [so much|a lot] for inviting me to interview for the {role} role{at}.",
			"Thank you for the invitation to [interview|talk] about the {role} role{at}.",
			"Thanks for asking me in to talk about the {role} role{at}.",
			"Thanks for reading my application for the {role} role{at} and asking me in to talk.",
			"Thanks for thinking of me for the {role} role{at}, and for asking me to interview.",
			"Thank you for your note about interviewing for the {role} role{at}[| – it was a nice surprise].",
			"I really appreciate the invitation to interview for the {role} role{at}.",
			"Thank you for wanting to interview me for the {role} role{at}.",
			"Thanks so much for shortlisting me for the {role} role{at}.",
			"I really appreciated hearing you'd like to talk to me about the {role} role{at}.",
			"Thanks for the chance to meet about the {role} role{at}.",
		},
	},
	SituationBeforeInterview: {
		ToneFormal: {
			"Thank you for [arranging|setting up] the interview{slot} for the {role} position{at}.",
			"Thank you for the chance to interview{slot} for the {role} position{at}.",
			"Thank you for offering me an interview{slot} for the {role} position.",
			"I appreciate you arranging to meet me{slot} about the {role} position{at}.",
			"Thank you for offering to see me{slot} about the {role} position.",
			"Thank you for the invitation to interview{slot} for the {role} position{at}.",
			"Thank you for taking the time to arrange our interview{slot} for the {role} position.",
		},
		ToneWarm: {
			"Thank you for [setting up|arranging] the interview{slot} for the {role} role{at}.",
			"Thanks for fitting me in for [an|our] interview{slot} about the {role} role{at}.",
			"Thanks [so much|a lot] for arranging our interview{slot} for the {role} role.",
			"Thanks so much for the invitation to interview{slot} for the {role} role{at}.",
			"Thank you for the chance to interview{slot} for the {role} role.",
		},
	},
	SituationAfterInterview: {
		ToneFormal: {
			"Thank you for the time you gave me during the interview for the {role} position{at}.",
			"Thank you for meeting me{met} to discuss the {role} position{at}.",
			"It was a pleasure to meet you{met} and learn more about the {role} position – thank you for your time.",
			"I enjoyed talking with you{met} about the {role} position{at}, and thank you for your time.",
			"Thank you again for the interview for the {role} position{at}[| and for your time].",
			"Thank you for seeing me{met} about the {role} position{at}.",
			"I appreciated the time you gave me{met} to talk about the {role} position{at}.",
			"Thank you for a very useful conversation{met} about the {role} position{at}.",
		},
		ToneWarm: {
			"Thanks so much for the interview for the {role} role{at}, which I really enjoyed.",
			"Thank you for [taking the time|making time] to meet me{met} about the {role} role{at}.",
			"Thank you for the chance to meet you{met} and hear more about the {role} role.",
			"Thanks again for the interview for the {role} role{at}[| – I enjoyed it].",
			"Thanks for having me in{met} to talk about the {role} role{at}.",
			"It was really good to meet you{met} and talk about the {role} role{at}, so thank you.",
			"Thanks for the conversation{met} about the {role} role{at} – I really enjoyed it.",
		},
	},
	SituationOffer: {
		ToneFormal: {
			"Thank you [|very much ]for offering me the {role} position{at}.",
			"Many thanks for offering me the {role} position{at}.",
			"I very much appreciated your offer of the {role} position{at}.",
			"Thank you for your offer of the {role} position{at}.",
			"Thank you for your kind offer of the {role} position{at}.",
			"Thank you for the {role} offer, and for [your time|the time you have given me].",
			"Thank you for offering me the {role} position{at}, and for giving me time to consider it.",
			"Thank you for your confidence in me and for the offer of the {role} position{at}.",
			"I was delighted to receive your offer for the {role} position{at}, and I appreciate it very much.",
			"Thank you for choosing me for the {role} position{at}.",
			"Thank you for the offer of the {role} position{at}.",
		},
		ToneWarm: {
			"Thank you so much for offering me the {role} role{at}[| – it means a lot| – I was really pleased to get it].",
			"Thanks [so much|a lot] for offering me the {role} role{at}, and for answering all my questions.",
			"Thank you for all the time you've given me during the process, and for offering me the {role} role{at}.",
			"Thank you for being so clear about what the {role} role would involve, and for offering it to me.",
			"Thanks for offering me the {role} job{at}, and for giving me time to think it over.",
			"Thanks for the {role} offer{at}, and for all your help these past weeks.",
			"I really appreciated your offer for the {role} role{at}.",
			"It was lovely to be chosen for the {role} role{at}, so thank you.",
			"Thank you so much for the {role} offer{at} – I was really pleased to get it.",
			"Thank you for the {role} offer{at}, and for thinking of me.",
		},
	},
}

// thanksBare thank the reader after a decline that named the role.
var thanksBare = situated{
	situationNextRound: {
		ToneFormal: {
			"^Thank you for the time you gave me at our earlier interview, and for inviting me back.",
			"^I enjoyed our conversation, and thank you for the invitation to the next round.",
			"^I appreciated meeting you, and thank you for asking me back.",
			"^Thank you for a [thoughtful|very good] conversation at our earlier meeting.",
		},
		ToneWarm: {
			"^Thanks for the time you gave me at our earlier chat.",
			"^Thank you for asking me back after our conversation, which I really enjoyed.",
			"^I appreciated meeting you, and thanks for the invitation to the next round.",
			"^Thank you for a [great|really good] first conversation.",
		},
	},
	SituationWithdrawal: {
		ToneFormal: {
			"^Thank you for all the time you have given my application so far.",
			"^Thank you for considering me, and for all your time so far.",
			"^[Thank you|Many thanks] for your consideration.",
			"^I appreciate the time you have already given my application.",
			"^I am grateful for your consideration.",
			"^Thank you for your interest in my application.",
		},
		ToneWarm: {
			"^Thank you for the time you've already put into my application.",
			"^[Thanks|Thank you] for [reading|looking at] my application.",
			"^Thanks [so much|a lot] for the time you've spent on my application.",
			"^I [really|truly] appreciate you considering me.",
			"^Thanks for your interest in me[| so far].",
			"^Thanks for the chance to apply.",
			"Thank you for considering me – it was kind of you.",
			"^Thanks for taking the time to consider me.",
		},
	},
	SituationInvitation: {
		ToneFormal: {
			"^Thank you for the invitation, and for the time you have given my application.",
			"^Thank you for your interest, and for the [time|attention] you have given my application.",
			"^Thank you for [considering|reviewing] my application.",
			"^I [very much|greatly] appreciate your interest in my application.",
			"^Thank you for [thinking of me|keeping me in mind].",
			"^I was [pleased|glad] to be invited, and I appreciate it.",
			"^I am grateful to have been [asked|invited].",
			"^Thank you for taking the time to read my application.",
			"^Thank you for inviting me to [interview|an interview].",
			"^I appreciate you getting in touch[| with me].",
		},
		ToneWarm: {
			"^Thanks for considering me[| for this one].",
			"^Thanks [so much|a lot] for the invitation to interview.",
			"^I [really|truly] appreciate you reaching out.",
			"^Thanks for your interest in [my application|me].",
			"^Thank you – it was [really|very] kind of you to think of me.",
			"^I'm grateful you thought of me.",
			"^Thanks [for getting in touch|for your message].",
			"^Thanks for asking me [to interview|in for an interview].",
			"^Thanks for taking the time to look at my application.",
		},
	},
	SituationBeforeInterview: {
		// Thanks for arranging the interview alternate with thanks for
		// the invitation, the chance or the reader's time, as people's
		// do: a reader saw every cancellation thank for "organising it"
		// or "finding a slot".
		ToneFormal: {
			"^Thank you for arranging it, and I am sorry for [any|the] inconvenience.",
			"^Thank you for the invitation, and for considering my application.",
			"^Thank you for the time you have already given me, and I am sorry for the [inconvenience|disruption].",
			"^Thank you for your [consideration|time].",
			"^Your help in finding a time was much appreciated.",
			"^Thank you for the opportunity to interview.",
			"^Thank you for making time for me, and I apologise for cancelling.",
			"I am sorry about this, and grateful for your time.",
			"^I appreciate your interest in [my application|me].",
			"^Thank you for your help with the arrangements.",
			"^Thank you for considering me.",
			"^Thank you for being so [accommodating|helpful].",
			"^I appreciate the [opportunity|chance to interview].",
			"^Thank you for your interest in me.",
			"^Many thanks for setting aside the time.",
			"^Thank you for finding a time for me.",
			"^I appreciate the time you took to arrange things.",
		},
		ToneWarm: {
			"^Thanks for setting it up, and [apologies|sorry] for any inconvenience.",
			"^Thanks [so much|a lot] for the invitation to interview.",
			"Sorry to cancel, and thanks [again|so much] for your help.",
			"^Thank you for [all your time|your time on this].",
			"^Thank you for making time for me[|, and apologies for the hassle].",
			"^I [really|truly|genuinely] appreciate the opportunity.",
			"^Thanks for all your help [setting it up|with the arrangements].",
			"^Thanks [so much|a lot] for considering me.",
			"^I [do|truly] appreciate you fitting me in.",
			"^Thanks for giving me the chance[| to interview].",
			"^Thanks for making room in your [diary|week] for me.",
			"^Thanks for sorting out a time for me.",
			"^Thanks for inviting me in[| for a chat].",
			"^I appreciate you sorting it all out.",
		},
	},
	SituationAfterInterview: {
		ToneFormal: {
			"^Thank you for your time and for a [thoughtful|very good] interview.",
			"^I enjoyed [our conversation|meeting you]{met}, and thank you for your time.",
			"^Thank you for a [thoughtful|very good] interview and a warm welcome.",
			"^I appreciated the chance to meet you and [hear|learn] about your plans[| for the team].",
		},
		ToneWarm: {
			"^Thank you for the time you gave me at the interview.",
			"^It was good to talk with you{met}, and thanks for your time.",
			"^Thank you for our conversation, which I [really|genuinely] enjoyed.",
			"^Thanks for making the interview such a good conversation.",
			"^I appreciated meeting you{met} and hearing about your plans.",
		},
	},
	SituationOffer: {
		ToneFormal: {
			"^I am grateful [you chose me|to have been chosen].",
			"^I am grateful that you wanted me on the team.",
			"^Thank you for your [kindness|help] throughout the process.",
			"^I appreciate the time you have [given me|spent with me].",
			"^I am grateful for the thought that went into the offer.",
			"^Thank you for giving me time to consider it.",
			"^Thank you for the care you have taken over my application.",
			"^I am grateful for your confidence in me.",
			"^Thank you for all your help during the process.",
		},
		ToneWarm: {
			"^Thank you for the offer[| – it means a great deal| and for all your time].",
			"^Thanks so much for wanting me on the [team|team – it means a lot].",
			"^I'm [really|genuinely] grateful for how open you've been with me.",
			"^Thank you for making the process such a [pleasure|good experience].",
			"^Thanks for giving me the time to think it through.",
			"^Thanks for all you've done to help.",
			"^I really appreciate your [faith|confidence] in me.",
			"^Thanks for all your help through the process.",
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
	// Each reason says only what the reason tells: "another_offer" that
	// the writer accepted another offer (not that they signed, nor when
	// they start), "personal_circumstances" nothing of family, home or
	// health, "timing" nothing of a current job or project, "location"
	// neither a move nor a commute (TestReasonsClaimNoMore).
	ReasonAnotherOffer: {
		ToneFormal: {"^I have accepted a position [elsewhere|with another company].", "^I have [recently|just] accepted another role.",
			"^I have accepted an offer from another organisation.", "^I have now accepted an offer [elsewhere|from another company].",
			"^I have decided to accept an offer from another employer.", "^Another company has made me an offer, and I have accepted it.",
			"^I have taken a position with another company.", "^I have committed to another employer.",
			"I have since accepted a position with another company.", "Another organisation offered me a position, and I have accepted it.", "Another organisation has offered me a role, which I have accepted."},
		ToneWarm: {"^I've accepted a [role|job] [elsewhere|somewhere else].", "^I've [just|recently] accepted another offer.",
			"^I've taken a [job|role] [elsewhere|at another company].", "Another offer came through, and I've accepted it.",
			"^I've accepted an offer from another company.", "^I've said yes to a role elsewhere.", "^I've agreed to join another company.",
			"I've since accepted a job at another company.", "I've had another offer come through, and I've decided to take it.", "Another company offered me a job, and I've said yes."},
	},
	ReasonPersonalCircumstances: {
		ToneFormal: {"^A change in my personal circumstances means I cannot take on a new role right now.",
			"^My personal circumstances have changed, and I need to give them my time for now.",
			"^Some personal matters need my full attention [for now|at the moment].",
			"^My personal circumstances do not allow me to take on a new role at the moment.",
			"^I need to focus on some personal matters for now.",
			"^Something has come up in my personal life that I need to put first.",
			"^I have some personal commitments that take priority for now.",
			"^My situation outside work has changed, and I need to put it first."},
		ToneWarm: {"^Some things have changed in my [personal life|life outside work], and they have to come first for now.",
			"^Something personal has come up, and I need to give it my time.",
			"^A few personal things need my attention [right now|at the moment].",
			"^My personal situation has changed, and a [new job|new role] isn't possible for me right now.",
			"^Some personal things have come up that I need to put first.",
			"^Life outside work needs more of me right now.",
			"^I've got some personal things going on that need my time right now."},
	},
	ReasonCultureFit: {
		ToneFormal: {"^I am looking for a team whose way of working is closer to my own.",
			"For my next step, I would like a workplace that suits me better.",
			"^I have realised that I want a different sort of environment for my next step.",
			"^I would like my next role to be somewhere that works a little differently.",
			"^I am looking for a different kind of team.",
			"^I think I would fit better in a team with a different way of working."},
		ToneWarm: {"^I've come to see I'm looking for a different kind of team for my next [step|move].",
			"For my next [move|job], I'm looking for a slightly different way of working.",
			"^I've realised I'm after a different sort of environment for my next job.",
			"^I want my next team to be a better match for how I like to work.",
			"^I think I'd be happier somewhere that works a bit differently."},
	},
	ReasonRoleFit: {
		ToneFormal: {"The position does not quite match the direction I want my career to take.",
			"^I think my experience is better suited to a different kind of role.",
			"^I have realised that the position is not quite the work I hope to do next.",
			"^I am looking for work closer to what I want to do next in my career.",
			"^I would like my next role to centre more on the work I enjoy most.",
			"^I want my next step to be in a different area of work."},
		ToneWarm: {"It isn't quite the direction I want my career to take.",
			"^I've come to see the job isn't quite the kind of work I'm after.",
			"^I've realised I'd like my next job to lean more towards the work I enjoy most.",
			"^I'm looking for something closer to where I want my career to go.",
			"^I want my next move to be in a slightly different area."},
	},
	ReasonTiming: {
		ToneFormal: {"^The timing is not right for me to make a move [at the moment|just now].", "^This is not the right moment for me to take on a new role.",
			"^I have realised that staying where I am is right for now.",
			"^Now is not a good time for me to start something new.",
			"^I am not in a position to make a change at the moment.",
			"^I would rather not make a move just now.", "^It is not the right time for me to take this step.",
			"^I am not ready to make a change just yet.", "^The timing does not work for me."},
		ToneWarm: {"^The timing just isn't right for me [at the moment|for now].",
			"^I've realised [now's|this is] not [the time|a good time] for me to [make a move|start something new].",
			"^I'm going to stay put [for now|for a while longer].", "^Now just isn't the right time for me to [make a change|take on something new].",
			"^I'm not ready to make a move just yet.", "^I'm staying put for now.",
			"^I'm not ready to move on yet.", "^I've decided to stay where I am a bit longer.", "^The timing's just not right for a change."},
	},
	ReasonLocation: {
		ToneFormal: {"^The location would not suit my [circumstances|situation].", "^The location is not practical for me [right now|at the moment].",
			"^Having considered where the role is based, I do not think it would work for me.", "^The location does not work for me [just now|at the moment].",
			"^Where the role is based does not suit me.", "^The location is not one I can make work right now."},
		ToneWarm: {"^The location doesn't work for me [right now|at the moment].", "^The location isn't practical for me [right now|at the moment].",
			"^I can't make the location work for me right now.", "^I've realised the location isn't one I can manage.",
			"^The location is the deciding factor for me.", "^The location doesn't suit my situation right now."},
	},
	ReasonCompensation: {
		ToneFormal: {"^The package is not quite what I need at this point in my career.", "The overall package is not what I need right now.",
			"^I have realised that the package does not quite meet my needs.",
			"^The overall package does not quite work for me.", "Having looked at the whole package, I do not think it is quite right for me."},
		ToneWarm: {"The package isn't quite what I need right now.", "^The overall package doesn't quite fit my [situation|needs].",
			"^The package just isn't quite where I need it to be.", "^I've realised the package doesn't quite meet what I need right now.",
			"After looking at the whole package, I don't think it's quite right for me."},
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
		ToneFormal: {"Having met the team, I think I would work better in a different kind of environment.",
			"^Our conversation helped me see that I would do my best work in a different kind of setting.",
			"^Meeting the team helped me see that I am looking for a different way of working.",
			"^Meeting the team made me realise that I work best somewhere that runs a little differently."},
		ToneWarm: {"Having met the team, I've come to see I'm looking for a slightly different way of working.",
			"^Our conversation helped me see I'd do my best work in a different kind of setting.",
			"^Meeting everyone made it clear to me that I'm after a different way of working.",
			"^Meeting everyone helped me see I'd be happier working a bit differently.",
			"^Talking with you all showed me I'm looking for a different kind of workplace."},
	},
	ReasonLocation: {
		ToneFormal: {"^The location would not work for me in the long term.",
			"^I have come to think the location would not suit me in the long run.",
			"^I do not think I could make the location work for me.",
			"^I do not think the location would suit me over time.",
			"^I have realised that the location would not be right for me at the moment."},
		ToneWarm: {"I don't think the location would work for me long term.",
			"^I've realised the location wouldn't work for me in the long run.",
			"Where the job is based just wouldn't work for me long term.",
			"I've come to feel the location wouldn't suit me.",
			"^I've realised the location wouldn't be right for me just now."},
	},
}

// reasonsBesideMeetings replace reasonsAfterMeeting when the user's
// detail already speaks of the meetings or the team ("meeting the
// platform team"): a culture-fit reason that opens "Meeting the team
// helped me see ..." a few sentences later says the meetings twice. They
// give the same conclusion as one reached since, naming no meeting.
var reasonsBesideMeetings = map[Reason]toned{
	ReasonCultureFit: {
		ToneFormal: {"^I have come to think that I would do my best work in a different kind of setting.",
			"^I now think I am looking for a workplace that runs a little differently.",
			"^I have realised that a different way of working would suit me better.",
			"I believe I would be better suited to a different environment."},
		ToneWarm: {"^I've come to see I'd do my best work in a different kind of setting.",
			"^I now know I'm after a slightly different way of working.",
			"^I've realised a different kind of workplace would suit me better.",
			"I'd be happier somewhere that runs things a bit differently."},
	},
}

// spokenReasonLeads may open a reason on the phone, where "Honestly, ..."
// is how people say it aloud. A letter's reason takes no lead or frame:
// "To be honest, ...", "In the end, ...", "The main thing is that ..."
// before every reason were a blind reader's tell (see TestNoReasonFrames);
// people join the reason to the decline ("..., as I have accepted another
// offer") or give it plainly in a sentence of its own.
var spokenReasonLeads = toned{
	ToneFormal: {""},
	ToneWarm:   {"", "", "", "", "", "", "", "Honestly,"},
}

// reasonJoins join a reason marked with "^" to the decline before it.
var reasonJoins = []string{", as ", " because ", ", as ", ", since "}
