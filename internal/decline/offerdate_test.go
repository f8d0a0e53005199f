package decline

import (
	"strings"
	"testing"
	"time"

	"tracker/internal/civil"
)

// TestOfferedDay: the day of the offer is named as people name a recent
// day, counted back from the letter's date where the user lives, in the
// letter's English; "of" takes a date only.
func TestOfferedDay(t *testing.T) {
	newYork, _ := time.LoadLocation("America/New_York")
	written := time.Date(2026, 11, 26, 10, 0, 0, 0, time.UTC) // a Thursday
	day := func(d int) civil.Date { return civil.Date{Year: 2026, Month: time.November, Day: d} }
	for _, tt := range []struct {
		name            string
		on              civil.Date
		written         time.Time
		english         English
		loc             *time.Location
		wantDay, wantOf string
	}{
		{"the same day", day(26), written, EnglishGB, nil, " today", " of 26 November"},
		{"the day before", day(25), written, EnglishGB, nil, " yesterday", " of 25 November"},
		{"within the week", day(23), written, EnglishGB, nil, " on Monday", " of 23 November"},
		{"a week before", day(19), written, EnglishGB, nil, " on 19 November", " of 19 November"},
		{"US date", day(16), written, EnglishUS, nil, " on November 16", " of November 16"},
		{"the letter's day where the user lives", day(26), time.Date(2026, 11, 27, 2, 0, 0, 0, time.UTC), EnglishUS, newYork, " today", " of November 26"},
		{"no letter date", day(23), time.Time{}, EnglishGB, nil, " on 23 November", " of 23 November"},
		{"after the letter", day(27), written, EnglishGB, nil, "", ""},
		{"not known", civil.Date{}, written, EnglishGB, nil, "", ""},
	} {
		t.Run(tt.name, func(t *testing.T) {
			r := Request{Situation: SituationOffer, OfferMadeOn: tt.on, DeclinedOn: tt.written, English: tt.english, Location: tt.loc}
			if got, gotOf := offeredDay(r), offeredDate(r); got != tt.wantDay || gotOf != tt.wantOf {
				t.Errorf("offeredDay, offeredDate = %q, %q; want %q, %q", got, gotOf, tt.wantDay, tt.wantOf)
			}
		})
	}
}

// TestOfferLettersNameTheOfferDay: with the offer's day known, about
// two offer e-mails in five (offerDayNamed) name it, once, in their
// thanks, in the letter's English and as near as it is ("on Monday"
// within the week, the date before it); a message or a call names it at
// most once, a message at least one in five, a call (which thanks in few
// words) at least one in twenty; every letter passes every check,
// and without the day none names one.
func TestOfferLettersNameTheOfferDay(t *testing.T) {
	written := time.Date(2026, 11, 26, 10, 0, 0, 0, time.UTC) // a Thursday
	for _, tt := range []struct {
		name    string
		on      civil.Date
		english English
		want    []string // one of them, once
	}{
		{"this week", civil.Date{Year: 2026, Month: time.November, Day: 23}, EnglishGB, []string{" on Monday"}},
		{"yesterday", civil.Date{Year: 2026, Month: time.November, Day: 25}, EnglishUS, []string{" yesterday"}},
		{"earlier, British", civil.Date{Year: 2026, Month: time.November, Day: 16}, EnglishGB, []string{" on 16 November", " of 16 November"}},
		{"earlier, US", civil.Date{Year: 2026, Month: time.November, Day: 16}, EnglishUS, []string{" on November 16", " of November 16"}},
	} {
		t.Run(tt.name, func(t *testing.T) {
			for _, ch := range Channels() {
				named, all := 0, 0
				for _, tone := range Tones() {
					for _, reason := range []Reason{ReasonNone, ReasonAnotherOffer, ReasonCompensation, ReasonTiming} {
						for w := range uint64(16) {
							r := request(SituationOffer, reason, ch, tone, 5+7*w)
							r.Wording, r.DeclinedOn, r.Location, r.English = w, written, time.UTC, tt.english
							if plain := mustCompose(t, r); namesAny(plain.Body+plain.Voicemail, tt.want) != 0 {
								t.Fatalf("a day is named with no offer day known:\n%s", plain.Body)
							}
							r.OfferMadeOn = tt.on
							l := mustCompose(t, r)
							n := namesAny(l.Body, tt.want)
							if n > 1 {
								t.Errorf("%s %s %s wording %d names the offer's day %d times, want at most once:\n%s", ch, tone, reason, w, n, l.Body)
							}
							named, all = named+n, all+1
							assertAllOK(t, l, r)
						}
					}
				}
				share := float64(named) / float64(all)
				t.Logf("%s: %d of %d letters name the offer's day", ch, named, all)
				if ch == ChannelEmail && (share < 0.25 || share > 0.55) || ch == ChannelMessage && share < 0.2 || share < 0.05 {
					t.Errorf("%s: %d of %d letters name the offer's day", ch, named, all)
				}
			}
		})
	}
}

// namesAny counts the times body names any of days.
func namesAny(body string, days []string) int {
	n := 0
	for _, d := range days {
		n += strings.Count(body, d)
	}
	return n
}
