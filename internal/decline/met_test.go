package decline

import (
	"strings"
	"testing"
	"time"
)

// TestMetDay: an after_interview letter names the day of the interview it
// follows as people name a recent meeting, counted in the user's time zone
// from the letter's date, in the user's variety of English.
func TestMetDay(t *testing.T) {
	london, _ := time.LoadLocation("Europe/London")
	newYork, _ := time.LoadLocation("America/New_York")
	written := time.Date(2026, 11, 26, 10, 0, 0, 0, time.UTC) // a Thursday
	at := func(d, h int) *time.Time { t := time.Date(2026, 11, d, h, 0, 0, 0, time.UTC); return &t }
	for _, tt := range []struct {
		name    string
		met     *time.Time
		written time.Time
		loc     *time.Location
		want    string
	}{
		{"the same day", at(26, 8), written, london, " today"},
		{"the day before", at(25, 15), written, london, " yesterday"},
		{"within the week", at(23, 9), written, london, " on Monday"},
		{"six days before", at(20, 9), written, london, " on Friday"},
		{"a week before", at(19, 9), written, london, " on 19 November"},
		{"US date", at(19, 15), written, newYork, " on November 19"},
		{"the day where the user lives", at(26, 2), written, newYork, " yesterday"}, // 21:00 on the 25th in New York
		{"no letter date", at(23, 9), time.Time{}, london, " on 23 November"},
		{"not held yet", at(27, 9), written, london, ""},
	} {
		t.Run(tt.name, func(t *testing.T) {
			r := Request{Situation: SituationAfterInterview, MetAt: tt.met, DeclinedOn: tt.written, Location: tt.loc}
			if got := metDay(r); got != tt.want {
				t.Errorf("metDay = %q, want %q", got, tt.want)
			}
		})
	}
}

// TestLettersNameTheMeeting: with the interview's day known, after_interview
// letters name it in some of their wordings on every channel, at most once,
// never for another situation, and every such letter passes every check;
// without it, no letter names a day.
func TestLettersNameTheMeeting(t *testing.T) {
	met := time.Date(2026, 11, 24, 10, 0, 0, 0, time.UTC) // a Tuesday
	written := time.Date(2026, 11, 26, 9, 0, 0, 0, time.UTC)
	for _, ch := range Channels() {
		named := 0
		for _, tone := range Tones() {
			for _, reason := range []Reason{ReasonNone, ReasonAnotherOffer, ReasonRoleFit, ReasonTiming} {
				for w := range uint64(16) {
					r := request(SituationAfterInterview, reason, ch, tone, 3)
					r.Wording, r.DeclinedOn, r.Location = w, written, time.UTC
					plain := mustCompose(t, r)
					if strings.Contains(plain.Body+plain.Voicemail, "Tuesday") {
						t.Errorf("%s: a day is named with no interview day known:\n%s", ch, plain.Body)
					}
					r.MetAt = &met
					l := mustCompose(t, r)
					text := l.Body + "\n" + l.Voicemail
					if strings.Contains(text, "{met}") {
						t.Fatalf("%s: placeholder left in:\n%s", ch, text)
					}
					if n := strings.Count(l.Body, "on Tuesday"); n > 1 {
						t.Errorf("%s: the day is named %d times:\n%s", ch, n, l.Body)
					} else if n == 1 {
						named++
					}
					assertAllOK(t, l, r)
					r.Situation = SituationOffer
					if l := mustCompose(t, r); strings.Contains(l.Body+l.Voicemail, "Tuesday") {
						t.Errorf("%s: an offer letter names the interview's day:\n%s", ch, l.Body)
					}
				}
			}
		}
		if named == 0 {
			t.Errorf("%s: no after_interview letter names the day of the interview", ch)
		}
		t.Logf("%s: %d of %d letters name the day", ch, named, 2*4*16)
	}
}
