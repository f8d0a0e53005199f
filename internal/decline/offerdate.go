package decline

import (
	"strings"
	"time"
)

// An offer letter whose offer's day is known (Request.OfferMadeOn) names
// it in its thanks, as people answer a letter of offer: "Thank you for
// your offer of 16 November for the Analyst position", "Thanks so much
// for the offer you sent over on Monday". The day is named as a recent
// meeting's is (dayBefore): "today", "yesterday", the weekday within the
// week, else the date in the letter's English ("16 November", US
// "November 16"). "Your offer of ..." takes a date only: "your offer of
// Monday" is not how people write.

// datedOfferThanks are the thanks that name the offer's day: named name
// the role and open a letter; bare follow a decline that named it.
// {offered} is the day after a verb (" on Monday", " yesterday", " on 16
// November"); {offerof} the date after "offer" (" of 16 November"), a
// phrasing with it left out when the day is named in words.
var datedOfferThanks = struct{ named, bare toned }{
	named: toned{
		ToneFormal: {
			"Thank you for your offer{offerof} for the {role} position{at}.",
			"I was grateful to receive your offer for the {role} position{at}{offered}.",
			"I was delighted to receive your offer{offerof} for the {role} position{at}, and I am grateful for it.",
			"Many thanks for the offer you extended{offered} for the {role} position{at}.",
		},
		ToneWarm: {
			"Thanks [so much|a lot] for the offer you sent over{offered} for the {role} role{at}.",
			"Thank you so much for the {role} offer you sent through{offered}.",
			"I was so pleased to get your {role} offer{offered} – thank you.",
		},
	},
	bare: toned{
		ToneFormal: {
			"^Thank you for your offer{offerof}, and for your confidence in me.",
			"^Thank you for the offer you extended{offered}, and for your time.",
			"^I am grateful for your offer{offerof}.",
		},
		ToneWarm: {
			"^Thanks [so much|a lot] for the offer you sent over{offered}.",
			"^Thank you for the offer{offered} – it meant a lot.",
		},
	},
}

// datedSpokenThanks are the thanks of a call that name the offer's day,
// as people say it: "Thanks so much for the offer on Monday."
var datedSpokenThanks = toned{
	ToneFormal: {"Thank you for the offer{offered}, and for all your time.", "I'm very grateful for the offer you made me{offered}."},
	ToneWarm:   {"Thanks so much for the offer{offered}.", "I really appreciated the offer{offered}. Thank you."},
}

// spokenThanksFor is the thanks of r's call: datedSpokenThanks for an
// offer whose day is named, else those of r's situation.
func spokenThanksFor(r Request) []string {
	if offeredDay(r) == "" {
		return spokenThanks[thanksSituation(r)][r.Tone]
	}
	return datedSpokenThanks[r.Tone]
}

// thanksFor is the thanks of r in a message: its short phrasings (see
// short), or ph's own where the offer's day is not named.
func (ph *phrasings) thanksFor(r Request, named bool) []string {
	switch {
	case offeredDay(r) != "":
		return short(thanksFor(r, named), 14)
	case named:
		return ph.thanked[thanksSituation(r)][r.Tone]
	}
	return ph.thanks[thanksSituation(r)][r.Tone]
}

// thanksFor is the thanks of r that open a letter and name the role
// (named) or follow a decline (bare): those of datedOfferThanks for an
// offer whose day is known and not after the letter's, else those of r's
// situation.
func thanksFor(r Request, named bool) []string {
	table, dated := thanksBare, datedOfferThanks.bare
	if named {
		table, dated = thanksNamed, datedOfferThanks.named
	}
	if offeredDay(r) == "" {
		return table[thanksSituation(r)][r.Tone]
	}
	list := dated[r.Tone]
	if !strings.HasSuffix(offeredDay(r), "day") { // a date, not today, yesterday or a weekday
		return list
	}
	var words []string
	for _, s := range list {
		if !strings.Contains(s, "{offerof}") {
			words = append(words, s)
		}
	}
	return words
}

// offeredDay is the day r's offer was made as it follows a verb (" on
// Monday", " on 16 November"), "" when it is not known, when r declines
// no offer, or when by the letter's date the offer had not been made.
func offeredDay(r Request) string {
	if r.OfferMadeOn.IsZero() || r.Situation != SituationOffer {
		return ""
	}
	return dayBefore(r, r.OfferMadeOn.Midnight())
}

// offeredDate is the date of r's offer as it follows "offer" (" of 16
// November"); "" when offeredDay is.
func offeredDate(r Request) string {
	if offeredDay(r) == "" {
		return ""
	}
	return " of " + dateIn(englishOf(r), r.OfferMadeOn.Midnight())
}

// englishOf is the variety r's dates are written in: the request's, else
// US English where the user's time zone writes the month first.
func englishOf(r Request) English {
	if r.English == "" && monthFirst(locationOf(r).String()) {
		return EnglishUS
	}
	return r.English
}

// locationOf is the user's time zone, UTC when r has none.
func locationOf(r Request) *time.Location {
	if r.Location == nil {
		return time.UTC
	}
	return r.Location
}
