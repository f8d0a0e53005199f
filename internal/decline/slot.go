package decline

import (
	"fmt"
	"strings"
	"time"
)

// slotNames are the ways one letter names the interview it cancels. A
// written letter names the date, and the time, at its first mention, as
// people do who want the employer to find the slot: "our interview on
// Wednesday 9 December at 10:00", "the interview on 9 December at 10:00",
// "our interview tomorrow, Wednesday 9 December, at 10:00". A weekday
// alone ("Wednesday's interview") left the reader to work out which
// Wednesday. On the phone people say the day as they would in person:
// "Wednesday's interview", "our interview tomorrow morning", "the
// interview on the 9th at 10:00", counted from the letter's date where the
// letter has one, with the time wherever the day alone is a date.
type slotNames struct {
	// suffix follows "interview" in the body: " on Wednesday at 10:00".
	suffix string
	// poss, when not empty, stands for "our interview" and the suffix
	// together: "Wednesday's" in "Wednesday's interview"; the suffix is
	// then the day alone, for the phrasings that cannot take it ("the
	// chance to interview on Wednesday"). Only on the phone.
	poss string
	// date follows "interview" in a subject: " on 9 Dec", " tomorrow";
	// datePoss opens one: "Tomorrow's".
	date, datePoss string
}

// maxWeekdayDays is the furthest ahead, in calendar days, that a weekday
// alone names the interview's day on the phone ("on Wednesday"): a week
// ahead it would be last week's weekday as well as next week's.
const maxWeekdayDays = 6

// maxOrdinalDays is the furthest ahead that the day of the month alone
// ("on the 9th") names the interview's day on the phone.
const maxOrdinalDays = 24

// slotNamesOf chooses how r's letter names its interview: among the forms
// that fit its channel and how far ahead the interview is, by the
// letter's wording. With no letter date, only forms that name the date in
// full.
func slotNamesOf(r Request, c chooser) slotNames {
	loc := r.Location
	if loc == nil {
		loc = time.UTC
	}
	at := r.InterviewAt.In(loc)
	ahead := -1
	if !r.DeclinedOn.IsZero() {
		ahead = calendarDays(r.DeclinedOn.In(loc), at)
	}
	e := r.English
	if e == "" && monthFirst(loc.String()) {
		e = EnglishUS
	}
	clock := " at " + clockIn(e, at)
	full := " on " + slotIn(r.English, r.InterviewAt.UTC(), loc)
	s := slotNames{date: " on " + shortDateIn(r.English, *r.InterviewAt, loc)}
	switch ahead {
	case 0:
		s.date, s.datePoss = " today", "Today's"
	case 1:
		s.date, s.datePoss = " tomorrow", "Tomorrow's"
	}
	var forms []slotNames
	if r.Channel == ChannelPhone {
		forms = spokenSlots(ahead, at, e, clock, full)
	} else if r.Channel == ChannelMessage && ahead > 1 && ahead <= maxWeekdayDays {
		// A chat names a day within the week as people type it, "on
		// Thursday at 2 p.m."; the full "Thursday, December 3 at 2 p.m."
		// in a text message was a blind reader's tell. One in three
		// still gives the date.
		day := " on " + at.Format("Monday") + clock
		forms = []slotNames{{suffix: day}, {suffix: day}, {suffix: " on " + dateIn(e, at) + clock}}
	} else {
		forms = writtenSlots(ahead, at, e, clock, full)
	}
	f := forms[c.index(partSlot, len(forms))]
	s.suffix, s.poss = f.suffix, f.poss
	if c.index(partSlot+partLead, 2) == 0 {
		s.datePoss = "" // half the subjects that could open with the day do not
	}
	return s
}

// writtenSlots are the ways an e-mail or a message names the interview at
// its first mention: always the date and the time, the weekday with them
// in one letter of three (a reader noticed every detail restated);
// "today" or "tomorrow" may go before the date, which then stands between
// commas ("tomorrow, 9 December, at 10:00"), never in brackets after it.
func writtenSlots(ahead int, at time.Time, e English, clock, full string) []slotNames {
	date := dateIn(e, at)
	dated := " on " + date + clock
	var near string
	switch ahead {
	case 0:
		near = " today, "
	case 1:
		near = " tomorrow, "
	default:
		return []slotNames{{suffix: full}, {suffix: dated}, {suffix: dated}}
	}
	withDay := at.Format("Monday") + " " + date
	if e == EnglishUS {
		withDay = at.Format("Monday") + ", " + date
	}
	return []slotNames{{suffix: near + date + "," + clock}, {suffix: near + date + "," + clock}, {suffix: near + withDay + "," + clock}, {suffix: dated}, {suffix: full}}
}

// spokenSlots are the ways a call names the interview: by the day, as
// people say it, and the time wherever the day alone is a date (a
// weekday within the week, "tomorrow" and "today" name one interview
// already; the employer knows its hour).
func spokenSlots(ahead int, at time.Time, e English, clock, full string) []slotNames {
	switch {
	case ahead == 0:
		return []slotNames{
			{suffix: " today" + clock}, {suffix: " " + partOfDay(at, "this")}, {suffix: " today", poss: partOfDay(at, "this") + "'s"}, {suffix: " today", poss: "today's"},
		}
	case ahead == 1:
		return []slotNames{
			{suffix: " tomorrow" + clock}, {suffix: " tomorrow " + partOfDay(at, "")}, {suffix: " tomorrow", poss: "tomorrow's"}, {suffix: full},
		}
	case ahead > 1 && ahead <= maxWeekdayDays:
		day := at.Format("Monday")
		return []slotNames{
			{suffix: " on " + day + clock}, {suffix: " on " + day + " " + partOfDay(at, "")}, {suffix: " on " + day, poss: day + "'s"}, {suffix: " on " + day, poss: day + "'s"}, {suffix: full},
		}
	case ahead > maxWeekdayDays && ahead <= maxOrdinalDays:
		return []slotNames{{suffix: " on the " + ordinal(at.Day()) + clock}, {suffix: " on " + dateIn(e, at) + clock}, {suffix: " on " + dateIn(e, at) + clock}, {suffix: full}}
	}
	// The weekday, the date and the time together in one in four:
	// the date and the time free the slot, and a reader noticed every
	// detail restated.
	return []slotNames{{suffix: " on " + dateIn(e, at) + clock}, {suffix: " on " + dateIn(e, at) + clock}, {suffix: " on " + dateIn(e, at) + clock}, {suffix: full}}
}

// calendarDays is how many calendar days lie between the days of from and
// to, both in the user's time zone.
func calendarDays(from, to time.Time) int {
	day := func(t time.Time) time.Time {
		y, m, d := t.Date()
		return time.Date(y, m, d, 12, 0, 0, 0, time.UTC)
	}
	return int(day(to).Sub(day(from)).Round(24*time.Hour) / (24 * time.Hour))
}

// clockIn is the time of day as e writes it: en-GB "14:00", en-US "2 p.m."
// or "2:30 p.m.".
func clockIn(e English, t time.Time) string {
	if e != EnglishUS {
		return t.Format("15:04")
	}
	clock := "3:04"
	if t.Minute() == 0 {
		clock = "3"
	}
	return t.Format(clock) + map[bool]string{false: " a.m.", true: " p.m."}[t.Hour() >= 12]
}

// dateIn is the day and month as e writes them: "9 December", "December 9".
func dateIn(e English, t time.Time) string {
	if e == EnglishUS {
		return t.Format("January 2")
	}
	return t.Format("2 January")
}

// partOfDay is "morning", "afternoon" or "evening" for t, after this when
// it is not empty ("this afternoon").
func partOfDay(t time.Time, this string) string {
	p := "evening"
	switch {
	case t.Hour() < 12:
		p = "morning"
	case t.Hour() < 18:
		p = "afternoon"
	}
	return strings.TrimSpace(this + " " + p)
}

// ordinal is n with its English suffix: 1st, 2nd, 3rd, 11th, 22nd.
func ordinal(n int) string {
	suffix := "th"
	switch {
	case n%100 >= 11 && n%100 <= 13:
	case n%10 == 1:
		suffix = "st"
	case n%10 == 2:
		suffix = "nd"
	case n%10 == 3:
		suffix = "rd"
	}
	return fmt.Sprintf("%d%s", n, suffix)
}

// namesSlot reports whether s names the interview the way v does.
func (v values) namesSlot(s string) bool {
	return v.slot != "" && strings.Contains(s, v.slot) || v.slotPoss != "" && strings.Contains(s, v.slotPoss)
}

// metDay names the day an after_interview letter's interview was held, as
// people name a recent meeting (see dayBefore).
func metDay(r Request) string {
	return dayBefore(r, r.MetAt.In(locationOf(r)))
}

// dayBefore names the day of at (in at's own location) as people name a
// recent day, counted back from the letter's date in the user's time
// zone: " today", " yesterday", " on Tuesday" within the week, " on 12
// November" (US "November 12") before it or when the letter's own date
// is not known; "" for a day after the letter's.
func dayBefore(r Request, at time.Time) string {
	e := englishOf(r)
	if r.DeclinedOn.IsZero() {
		return " on " + dateIn(e, at)
	}
	switch ago := calendarDays(at, r.DeclinedOn.In(locationOf(r))); {
	case ago < 0:
		return ""
	case ago == 0:
		return " today"
	case ago == 1:
		return " yesterday"
	case ago <= maxWeekdayDays:
		return " on " + at.Format("Monday")
	}
	return " on " + dateIn(e, at)
}
