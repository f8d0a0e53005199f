package decline

import (
	"slices"
	"strings"
	"time"
)

// English is the variety of English a letter is written in: its spelling,
// a few idioms and how it writes a date and a time.
type English string

// The varieties of English. The zero value is British spelling with the
// interview time written as where the user lives (see slot).
const (
	EnglishGB English = "en-GB"
	EnglishUS English = "en-US"
)

var englishes = []English{EnglishGB, EnglishUS}

// parseEnglish normalises the case of a known variety ("en-us" is en-US);
// an unknown one is kept, trimmed, for validate to report.
func parseEnglish(e English) English {
	s := clean(string(e))
	for _, k := range englishes {
		if strings.EqualFold(s, string(k)) {
			return k
		}
	}
	return English(s)
}

// Valid reports whether e is empty or a known variety.
func (e English) Valid() bool { return e == "" || e == EnglishGB || e == EnglishUS }

// ForZone is the variety of English usual where the time zone zone (an
// IANA name) is: en-US in the Americas' and the United States' zones,
// en-GB elsewhere and for an empty or unknown zone.
func ForZone(zone string) English {
	if monthFirst(zone) {
		return EnglishUS
	}
	return EnglishGB
}

// usZones are the United States' zones outside America/ and US/.
var usZones = []string{"Pacific/Honolulu", "Pacific/Guam", "Pacific/Saipan", "Pacific/Pago_Pago", "Pacific/Midway", "Pacific/Johnston", "Pacific/Wake"}

// monthFirst reports whether people in zone write the month first and
// use the 12-hour clock.
func monthFirst(zone string) bool {
	for _, z := range usZones {
		if zone == z {
			return true
		}
	}
	return strings.HasPrefix(zone, "America/") || strings.HasPrefix(zone, "US/")
}

// usWords turns the British spellings and idioms of our phrasings into US
// English. It is applied to our templates only, before the user's values
// are filled in (see values.fill), so a name or a detail is never changed.
// Longer phrases come first: at one place the first that matches wins. A
// blind reader took "Many thanks", "taking up the invitation" and "on this
// occasion" in a New York user's letter for a machine's house style, and
// a later one "take this further" and "vacancies".
var usWords = strings.NewReplacer(append(flatPairs(usIdioms), flatPairs(usSpellings)...)...)

// usIdioms are the British idioms of our phrasings and their US forms;
// docs/letters.md lists those the phrase tables use (see TestLettersDoc).
var usIdioms = [][2]string{
	{"have decided not to take this further", "have decided not to move forward"},
	{"shortlisting me for", "selecting me to interview for"},
	{" in the team", " on the team"}, // the space: "join the team" stays
	{"vacancies", "openings"},
	{"vacancy", "opening"},
	{"Do let me know", "Please let me know"},
	{"do let me know", "please let me know"},
	{"Many thanks", "Thank you"},
	{"many thanks", "thank you"},
	{"taking up the invitation", "accepting the invitation"},
	{"take up the invitation", "accept the invitation"},
	{"taking up the interview", "going ahead with the interview"},
	{"take up the interview", "go ahead with the interview"},
	{"on this occasion", "at this time"},
	{"at present", "at this time"},
	{"straight away", "right away"},
	{"Every success to", "Best of luck to"},
	{"with the recruitment", "with the hiring"},
	{"has got busy", "has gotten busy"},
	{"in your diary", "on your calendar"},
	{"in the diary", "on the calendar"},
	{"your diary", "your calendar"},
	{"in future", "in the future"},
	{"I'm after a", "I'm looking for a"},
	{"work I'm after", "work I'm looking for"},
	{"current post", "current position"},
	{"Do keep in touch", "Please keep in touch"},
	{"Do get in touch", "Please reach out"},
	{"reach me on", "reach me at"},
	{"Have you got", "Do you have"},
	{"ringing", "calling"},
	{"phoning", "reaching out"},
	{"brilliantly", "really well"},
	{"brilliant", "great"},
	{"lovely", "great"},
	{"whilst", "while"},
	{"amongst", "among"},
	{"towards", "toward"},
}

// usSpellings are the British spellings of our phrasings and their US
// forms.
var usSpellings = [][2]string{
	{"realised", "realized"},
	{"realise", "realize"},
	{"organisation", "organization"},
	{"organising", "organizing"},
	{"apologise", "apologize"},
	{"recognise", "recognize"},
	{"prioritise", "prioritize"},
	{"favour", "favor"},
	{"colour", "color"},
	{"honour", "honor"},
	{"candour", "candor"},
	{"neighbour", "neighbor"},
	{"behaviour", "behavior"},
	{"centre", "center"},
	{"programme", "program"},
	{"enquir", "inquir"},
	{"learnt", "learned"},
	{"travelling", "traveling"},
	{"Cancelling", "Canceling"},
	{"cancelling", "canceling"},
	{"cancelled", "canceled"},
}

// flatPairs is pairs as the old, new arguments of strings.NewReplacer.
func flatPairs(pairs [][2]string) []string {
	out := make([]string, 0, 2*len(pairs))
	for _, p := range pairs {
		out = append(out, p[0], p[1])
	}
	return out
}

// variety is one of our phrasings in the letter's variety of English:
// for a template that is not filled by values.fill, which does the same.
func (v values) variety(tmpl string) string {
	if v.us {
		return usWords.Replace(tmpl)
	}
	return tmpl
}

// usTitles are the titles American letters write with a full stop: "Dear
// Mr. Hughes," where a British one writes "Dear Mr Hughes,". "Miss",
// "Sir" and "Professor" are words, not abbreviations, and take none.
var usTitles = []string{"mr", "mrs", "ms", "mx", "dr", "prof", "messrs"}

// titleIn is a title as e writes it: in US English an abbreviation gains
// its full stop ("Ms" is "Ms."); a title typed with one, and every title
// in British English, is kept as the user typed it.
func titleIn(e English, title string) string {
	if e == EnglishUS && slices.Contains(usTitles, strings.ToLower(title)) {
		return title + "."
	}
	return title
}

// usSignoffs are the closes of a US letter, by how its greeting names the
// reader (see greetingKind) and its tone: "Sincerely," and "Best regards,"
// under "Dear Mr. Hughes,", "Best," and "Thank you," under a first name;
// none of the British "Yours sincerely,", "Kindest regards,", "Many
// thanks," or "Cheers,". The British sets stay in signoffs.
var usSignoffs = map[int]toned{
	greetTitled: {
		ToneFormal: {"Sincerely,", "Best regards,", "Kind regards,", "Regards,", "Respectfully,", "Best wishes,"},
		ToneWarm:   {"Best regards,", "Kind regards,", "Best,", "Best wishes,", "Sincerely,"},
	},
	greetFirstName: {
		ToneFormal: {"Best,", "Thank you,", "Thanks again,", "Best wishes,", "Warm regards,", "With thanks,", "Thanks so much,",
			"Warmest regards,", "All best wishes,", "With appreciation,", "With gratitude,"},
		ToneWarm: {"Best,", "Thanks again,", "Thanks,", "Take care,", "Warmly,", "Thanks so much,", "All my best,", "Warm regards,", "Best wishes,"},
	},
	greetOther: {
		ToneFormal: {"Sincerely,", "Best regards,", "Kind regards,", "Regards,", "Best,", "Thank you,", "Best wishes,", "With appreciation,", "Warm regards,", "With thanks,"},
		ToneWarm:   {"Best,", "Thanks again,", "Thanks,", "Best regards,", "Warmly,", "Take care,", "Thanks so much,", "Warm regards,", "Best wishes,", "All my best,"},
	},
}

// slotIn names an interview time as e writes it: en-GB "Thursday 3
// December at 14:00", en-US "Thursday, December 3 at 2 p.m."; for the
// zero variety, as people write it where loc is.
func slotIn(e English, t time.Time, loc *time.Location) string {
	if loc == nil {
		loc = time.UTC
	}
	t = t.In(loc)
	if e == EnglishGB || e == "" && !monthFirst(loc.String()) {
		return t.Format("Monday 2 January at 15:04")
	}
	clock := "3:04"
	if t.Minute() == 0 {
		clock = "3" // "10 a.m.", as people write the hour
	}
	return t.Format("Monday, January 2 at "+clock+" ") + map[bool]string{false: "a.m.", true: "p.m."}[t.Hour() >= 12]
}

// shortDateIn is the interview's day as a subject line names it, with no
// time of day: en-GB "3 Dec", en-US "Dec 3".
func shortDateIn(e English, t time.Time, loc *time.Location) string {
	if loc == nil {
		loc = time.UTC
	}
	t = t.In(loc)
	if e == EnglishGB || e == "" && !monthFirst(loc.String()) {
		return t.Format("2 Jan")
	}
	return t.Format("Jan 2")
}

// dayMonthIn is a day as a follow-up names the decline's: en-US
// "December 3", otherwise "3 December".
func dayMonthIn(e English, t time.Time) string {
	if e == EnglishUS {
		return t.Format("January 2")
	}
	return t.Format("2 January")
}

// shortNoticeDays is how many days before the interview, counted in
// calendar days where the user lives, a cancellation is at short notice.
const shortNoticeDays = 2

// shortNotice reports whether r cancels an interview at short notice:
// written at most shortNoticeDays before the interview's day. When either
// date is not known the notice is not called short, which might be false.
func shortNotice(r Request) bool {
	if r.InterviewAt == nil || r.DeclinedOn.IsZero() {
		return false
	}
	loc := r.Location
	if loc == nil {
		loc = time.UTC
	}
	day := func(t time.Time) time.Time {
		y, m, d := t.In(loc).Date()
		return time.Date(y, m, d, 0, 0, 0, 0, time.UTC)
	}
	return day(*r.InterviewAt).Sub(day(r.DeclinedOn)) <= shortNoticeDays*24*time.Hour
}

// fitNotice is list without the phrasings that speak of short notice,
// unless r cancels at short notice; then it is those phrasings only,
// when list has any: a cancellation a day or two ahead owns up to the
// short notice, as a careful person's does.
func fitNotice(r Request, list []string) []string {
	short := shortNotice(r)
	fit := slices.DeleteFunc(slices.Clone(list), func(s string) bool { return containsFold(s, "short notice") != short })
	if short && len(fit) == 0 {
		return list
	}
	return fit
}
