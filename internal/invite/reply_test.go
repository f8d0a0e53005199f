package invite

import (
	"bytes"
	"strings"
	"testing"
	"time"

	ics "github.com/arran4/golang-ical"
)

// TestBuildReply parses a reply back with the library and checks what the
// organizer's calendar matches it by.
func TestBuildReply(t *testing.T) {
	start := time.Date(2026, 12, 3, 13, 0, 0, 0, time.UTC)
	for _, ps := range []string{Declined, Accepted} {
		data, err := BuildReply(Reply{UID: "interview-42@contoso.example", Sequence: 2, Summary: "Interview, round 2",
			Organizer: "anna@contoso.example", Attendee: "me@example.org", AttendeeName: "Sam Lee",
			Start: &start, PartStat: ps, Stamp: time.Date(2026, 11, 26, 9, 0, 0, 0, time.UTC)})
		if err != nil {
			t.Fatal(err)
		}
		cal, err := ics.ParseCalendar(bytes.NewReader(data))
		if err != nil {
			t.Fatalf("reply does not parse: %v\n%s", err, data)
		}
		ev := cal.Events()[0]
		att := ev.Attendees()[0]
		if m := calProp(cal, ics.PropertyMethod); m != "REPLY" || ev.Id() != "interview-42@contoso.example" ||
			text(&ev.ComponentBase, ics.ComponentPropertySequence) != "2" || att.Email() != "me@example.org" ||
			att.ParticipationStatus() != ics.ParticipationStatus(ps) || !strings.Contains(string(data), "\r\n") {
			t.Errorf("reply %s:\n%s", ps, data)
		}
		if got, _ := ev.GetStartAt(); !got.Equal(start) {
			t.Errorf("DTSTART %v", got)
		}
	}
	if _, err := BuildReply(Reply{Organizer: "a@b.c", Attendee: "d@e.f", PartStat: Declined}); err != ErrNoCalendarIdentity {
		t.Errorf("no UID: %v", err)
	}
}

func TestReplyAttendee(t *testing.T) {
	list := []string{"org@x.com", "me@y.com"}
	for _, tt := range []struct{ own, want string }{{"ME@y.com", "me@y.com"}, {"", "me@y.com"}, {"other@z.com", "me@y.com"}} {
		if got := ReplyAttendee(tt.own, "org@x.com", list); got != tt.want {
			t.Errorf("own %q: %q, want %q", tt.own, got, tt.want)
		}
	}
	if got := ReplyAttendee("me@z.com", "o@x.com", []string{"a@x.com", "b@x.com"}); got != "me@z.com" {
		t.Errorf("many: %q", got)
	}
}
