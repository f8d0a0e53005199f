package invite

import (
	"bytes"
	"strconv"
	"strings"
	"time"
	"unicode/utf8"

	ics "github.com/arran4/golang-ical"
)

// maxMessage is the longest message an invitation keeps.
const maxMessage = 20000

// ParseICS reads an invitation from an iCalendar file.
func ParseICS(data []byte) (*Draft, error) {
	if !bytes.Contains(bytes.ToUpper(data), []byte("END:VCALENDAR")) {
		return nil, invalid("file", "the calendar file is cut short: it has no END:VCALENDAR line")
	}
	cal, err := ics.ParseCalendarWithOptions(bytes.NewReader(data), ics.WithUnknownPropertyHandler(ics.AcceptUnknownPropertyHandler))
	if err != nil {
		return nil, invalid("file", "the file is not a readable calendar (%s)", err)
	}
	d := &Draft{Method: strings.ToUpper(calProp(cal, ics.PropertyMethod))}
	if err := checkMethod(d.Method); err != nil {
		return nil, err
	}
	ev, err := pickEvent(cal, d)
	if err != nil {
		return nil, err
	}
	if err := readEvent(cal, ev, d); err != nil {
		return nil, err
	}
	return d, nil
}

func calProp(cal *ics.Calendar, p ics.Property) string {
	for _, cp := range cal.CalendarProperties {
		if cp.IANAToken == string(p) {
			return strings.TrimSpace(cp.Value)
		}
	}
	return ""
}

// checkMethod refuses iTIP messages that are not invitations.
func checkMethod(m string) error {
	switch m {
	case "", "REQUEST", "PUBLISH", "ADD":
		return nil
	case "CANCEL":
		return invalid("file", "this file cancels an event (METHOD:CANCEL); it is not an invitation. Mark the invitation cancelled instead")
	default:
		return invalid("file", "this file is a calendar %s, an answer to an invitation, not an invitation", m)
	}
}

// pickEvent chooses the first event that is not cancelled.
func pickEvent(cal *ics.Calendar, d *Draft) (*ics.VEvent, error) {
	events := cal.Events()
	if len(events) == 0 {
		return nil, invalid("file", "the calendar file has no event (VEVENT) in it")
	}
	for i, ev := range events {
		if strings.EqualFold(text(&ev.ComponentBase, ics.ComponentPropertyStatus), "CANCELLED") {
			continue
		}
		if len(events) > 1 {
			d.note("the file holds %d events; the tracker took event %d", len(events), i+1)
		}
		return ev, nil
	}
	return nil, invalid("file", "every event in the file is cancelled (STATUS:CANCELLED); it is not an invitation")
}

func readEvent(cal *ics.Calendar, ev *ics.VEvent, d *Draft) error {
	c := &ev.ComponentBase
	tzs := parseVTimezones(cal)
	fallback := calProp(cal, ics.PropertyXWRTimezone)
	start := c.GetProperty(ics.ComponentPropertyDtStart)
	if start == nil {
		return invalid("file", "the invitation has no start time (DTSTART)")
	}
	at, allDay, how, err := eventTime(start, tzs, fallback, "start time (DTSTART)")
	if err != nil {
		return err
	}
	d.InterviewAt, d.AllDay, d.TimeZone = &at, allDay, how
	if end := c.GetProperty(ics.ComponentPropertyDtEnd); end != nil {
		if t, _, _, err := eventTime(end, tzs, fallback, "end time (DTEND)"); err == nil {
			d.EndAt = &t
		} else {
			d.note("the end time was left out: %s", err)
		}
	}
	readText(c, d)
	readPeople(c, d)
	readIdentity(c, d)
	guessCompany(d)
	return nil
}

// eventTime places a DTSTART or DTEND in UTC; it reports whether the value
// is a whole day and how its zone was understood.
func eventTime(p *ics.IANAProperty, tzs map[string]*vtimezone, fallback, what string) (time.Time, bool, string, error) {
	v := strings.TrimSpace(p.Value)
	if param(p, "VALUE") == "DATE" || len(v) == 8 {
		t, err := time.Parse("20060102", v)
		if err != nil {
			return time.Time{}, false, "", invalid("file", "the invitation's %s %q is not a date", what, v)
		}
		return t, true, "all-day", nil
	}
	if strings.HasSuffix(v, "Z") {
		t, err := time.Parse("20060102T150405Z", v)
		if err != nil {
			return time.Time{}, false, "", invalid("file", "the invitation's %s %q is not a date and time", what, v)
		}
		return t, false, "UTC", nil
	}
	wall, ok := parseLocal(v)
	if !ok {
		return time.Time{}, false, "", invalid("file", "the invitation's %s %q is not a date and time", what, v)
	}
	tzid := param(p, "TZID")
	if tzid == "" {
		tzid = fallback
	}
	if tzid == "" {
		return time.Time{}, false, "", invalid("file", "the invitation's %s %q has no time zone; enter the interview time by hand", what, v)
	}
	z, err := resolveZone(tzid, tzs)
	if err != nil {
		return time.Time{}, false, "", err
	}
	return z.toUTC(wall), false, z.how, nil
}

// param returns the first value of a property parameter, without quotes.
func param(p *ics.IANAProperty, name string) string {
	for k, v := range p.ICalParameters {
		if strings.EqualFold(k, name) && len(v) > 0 {
			return strings.Trim(strings.TrimSpace(v[0]), `"`)
		}
	}
	return ""
}

// text returns a property's unescaped text, valid UTF-8, trimmed.
func text(c *ics.ComponentBase, p ics.ComponentProperty) string {
	prop := c.GetProperty(p)
	if prop == nil {
		return ""
	}
	return cleanText(prop.Value)
}

func cleanText(s string) string {
	if !utf8.ValidString(s) {
		s = strings.ToValidUTF8(s, "\uFFFD")
	}
	return strings.TrimSpace(strings.ReplaceAll(s, "\r\n", "\n"))
}

func readText(c *ics.ComponentBase, d *Draft) {
	d.Summary = text(c, ics.ComponentPropertySummary)
	d.Location = text(c, ics.ComponentPropertyLocation)
	d.Message = text(c, ics.ComponentPropertyDescription)
	if looksLikeHTML(d.Message) { // Google writes HTML into DESCRIPTION
		d.Message = cleanText(htmlToText(d.Message))
	}
	if len(d.Message) > maxMessage {
		d.Message = strings.ToValidUTF8(d.Message[:maxMessage], "")
		d.note("the description was cut to %d characters", maxMessage)
	}
	d.MeetingURL = meetingURL(c, d)
	d.Format = guessFormat(d)
	d.Role = guessRole(d.Summary)
}

// readPeople takes the organizer as the contact and lists the attendees.
func readPeople(c *ics.ComponentBase, d *Draft) {
	if org := c.GetProperty(ics.ComponentPropertyOrganizer); org != nil {
		d.ContactName = cleanText(param(org, "CN"))
		d.Organizer = address(org)
		d.ContactEmail = d.Organizer
		if strings.Contains(d.ContactName, "@") && strings.EqualFold(d.ContactName, d.ContactEmail) {
			d.ContactName = ""
		}
	} else {
		d.note("the invitation names no organizer")
	}
	for _, a := range c.GetProperties(ics.ComponentPropertyAttendee) {
		if addr := address(a); addr != "" {
			d.Attendees = append(d.Attendees, addr)
		}
	}
}

// address is the e-mail of an ORGANIZER or ATTENDEE: its EMAIL parameter
// (iCloud puts a relay address in the value) or its mailto: value.
func address(p *ics.IANAProperty) string {
	if e := param(p, "EMAIL"); e != "" {
		return strings.ToLower(e)
	}
	v := strings.TrimSpace(p.Value)
	if len(v) > 7 && strings.EqualFold(v[:7], "mailto:") {
		v = v[7:]
	}
	if !strings.Contains(v, "@") {
		return ""
	}
	return strings.ToLower(v)
}

func readIdentity(c *ics.ComponentBase, d *Draft) {
	d.UID = text(c, ics.ComponentPropertyUniqueId)
	if s := text(c, ics.ComponentPropertySequence); s != "" {
		d.Sequence, _ = strconv.Atoi(s)
	}
	if p := c.GetProperty(ics.ComponentPropertyDtstamp); p != nil {
		if t, err := time.Parse("20060102T150405Z", strings.TrimSpace(p.Value)); err == nil {
			d.ReceivedAt = &t
		}
	}
}
