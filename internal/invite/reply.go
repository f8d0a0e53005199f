package invite

import (
	"errors"
	"strings"
	"time"

	ics "github.com/arran4/golang-ical"
)

// The answers a reply can carry (RFC 5545 PARTSTAT).
const (
	Accepted = "ACCEPTED"
	Declined = "DECLINED"
)

// Reply is the user's answer to a calendar invite, addressed to the
// organizer's calendar.
type Reply struct {
	UID          string
	Sequence     int
	Summary      string
	Organizer    string // the organizer's address
	Attendee     string // the user's address, as the invite named it
	AttendeeName string
	Start        *time.Time
	PartStat     string // Accepted or Declined
	Stamp        time.Time
}

// ErrNoCalendarIdentity reports an invitation that did not come as a
// calendar invite, which a calendar cannot match a reply to.
var ErrNoCalendarIdentity = errors.New("the invitation has no calendar UID or organizer")

// BuildReply renders an iTIP reply (RFC 5546 3.2.3: METHOD:REPLY, the
// invite's UID and SEQUENCE, the attendee with its PARTSTAT), which the
// organizer's calendar applies to the event: a decline frees the slot.
func BuildReply(r Reply) ([]byte, error) {
	if r.UID == "" || r.Organizer == "" || r.Attendee == "" {
		return nil, ErrNoCalendarIdentity
	}
	if r.PartStat != Accepted && r.PartStat != Declined {
		return nil, errors.New("a reply accepts or declines")
	}
	cal := ics.NewCalendarFor("tracker")
	cal.SetMethod(ics.MethodReply)
	ev := cal.AddEvent(r.UID)
	ev.SetSequence(r.Sequence)
	ev.SetDtStampTime(r.Stamp.UTC())
	if r.Start != nil {
		ev.SetStartAt(r.Start.UTC())
	}
	if r.Summary != "" {
		ev.SetSummary(r.Summary)
	}
	ev.SetOrganizer("mailto:" + r.Organizer)
	params := []ics.PropertyParameter{ics.ParticipationStatus(r.PartStat)}
	if r.AttendeeName != "" {
		params = append(params, ics.WithCN(r.AttendeeName))
	}
	ev.AddAttendee("mailto:"+r.Attendee, params...)
	return []byte(cal.Serialize(ics.WithNewLine("\r\n"))), nil
}

// ReplyAttendee picks the address to answer as: the user's own when the
// invite lists it, else the only attendee who is not the organizer, else
// the user's own; "" when there is none.
func ReplyAttendee(own, organizer string, attendees []string) string {
	var others []string
	for _, a := range attendees {
		if own != "" && strings.EqualFold(a, own) {
			return a
		}
		if !strings.EqualFold(a, organizer) {
			others = append(others, a)
		}
	}
	if len(others) == 1 {
		return others[0]
	}
	return own
}
