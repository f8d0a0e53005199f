package invite

import (
	"errors"
	"sort"
	"strconv"
	"strings"
	"time"

	ics "github.com/arran4/golang-ical"
)

var errNoZone = errors.New("no such zone")

// vtimezone is the part of an invite's VTIMEZONE the importer needs: its
// observances (STANDARD and DAYLIGHT), each a rule for when an offset
// starts. It is the fallback for zone names no table knows.
type vtimezone struct {
	observances []observance
}

// observance is one STANDARD or DAYLIGHT block.
type observance struct {
	start      time.Time // DTSTART, wall clock as UTC fields
	offsetFrom time.Duration
	offsetTo   time.Duration
	month      time.Month // RRULE BYMONTH; zero without a yearly rule
	weekday    time.Weekday
	nth        int // RRULE BYDAY ordinal: 1..5, or -1 for the last
	until      time.Time
	rdates     []time.Time
}

// usable reports whether the block has offsets to use.
func (vt *vtimezone) usable() bool { return vt != nil && len(vt.observances) > 0 }

// parseVTimezones reads the VTIMEZONE blocks of a calendar, by TZID.
// Blocks it cannot read are left out, so their zone stays unknown.
func parseVTimezones(cal *ics.Calendar) map[string]*vtimezone {
	out := map[string]*vtimezone{}
	for _, tz := range cal.Timezones() {
		id := tz.GetProperty(ics.ComponentPropertyTzid)
		if id == nil {
			continue
		}
		vt := &vtimezone{}
		for _, sub := range tz.SubComponents() {
			var base *ics.ComponentBase
			switch c := sub.(type) {
			case *ics.Standard:
				base = &c.ComponentBase
			case *ics.Daylight:
				base = &c.ComponentBase
			default:
				continue
			}
			if o, ok := parseObservance(base); ok {
				vt.observances = append(vt.observances, o)
			}
		}
		out[strings.Trim(strings.TrimSpace(id.Value), `"`)] = vt
	}
	return out
}

func parseObservance(c *ics.ComponentBase) (observance, bool) {
	var o observance
	var ok1, ok2, ok3 bool
	if p := c.GetProperty(ics.ComponentPropertyDtStart); p != nil {
		o.start, ok1 = parseLocal(p.Value)
	}
	if p := c.GetProperty(ics.ComponentProperty("TZOFFSETFROM")); p != nil {
		o.offsetFrom, ok2 = parseOffset(p.Value)
	}
	if p := c.GetProperty(ics.ComponentProperty("TZOFFSETTO")); p != nil {
		o.offsetTo, ok3 = parseOffset(p.Value)
	}
	if !ok1 || !ok2 || !ok3 {
		return o, false
	}
	if p := c.GetProperty(ics.ComponentPropertyRrule); p != nil && !parseYearlyRule(p.Value, &o) {
		return o, false
	}
	for _, p := range c.GetProperties(ics.ComponentPropertyRdate) {
		for _, v := range strings.Split(p.Value, ",") {
			if t, ok := parseLocal(v); ok {
				o.rdates = append(o.rdates, t)
			}
		}
	}
	return o, true
}

// parseYearlyRule reads the one RRULE shape time zones use:
// FREQ=YEARLY;BYMONTH=m;BYDAY=nDD, with an optional UNTIL.
func parseYearlyRule(rule string, o *observance) bool {
	for _, part := range strings.Split(rule, ";") {
		k, v, _ := strings.Cut(strings.TrimSpace(part), "=")
		v = strings.TrimSpace(v)
		switch strings.ToUpper(k) {
		case "FREQ":
			if strings.ToUpper(v) != "YEARLY" {
				return false
			}
		case "BYMONTH":
			m, err := strconv.Atoi(v)
			if err != nil || m < 1 || m > 12 {
				return false
			}
			o.month = time.Month(m)
		case "BYDAY":
			if !parseByDay(v, o) {
				return false
			}
		case "UNTIL":
			t, ok := parseLocal(strings.TrimSuffix(v, "Z"))
			if !ok {
				return false
			}
			o.until = t
		}
	}
	return o.month != 0 && o.nth != 0
}

var weekdays = map[string]time.Weekday{"SU": time.Sunday, "MO": time.Monday, "TU": time.Tuesday,
	"WE": time.Wednesday, "TH": time.Thursday, "FR": time.Friday, "SA": time.Saturday}

func parseByDay(v string, o *observance) bool {
	v = strings.ToUpper(v)
	if len(v) < 3 {
		return false
	}
	wd, ok := weekdays[v[len(v)-2:]]
	n, err := strconv.Atoi(v[:len(v)-2])
	if !ok || err != nil || n == 0 || n < -1 || n > 5 {
		return false
	}
	o.weekday, o.nth = wd, n
	return true
}

// onsets lists when the observance starts in the given years, as wall
// clock in its TZOFFSETFROM.
func (o observance) onsets(years ...int) []time.Time {
	out := []time.Time{o.start}
	out = append(out, o.rdates...)
	if o.month == 0 {
		return out
	}
	for _, y := range years {
		t := nthWeekday(y, o.month, o.weekday, o.nth).Add(time.Duration(o.start.Hour())*time.Hour + time.Duration(o.start.Minute())*time.Minute)
		if t.Before(o.start) || (!o.until.IsZero() && t.After(o.until)) {
			continue
		}
		out = append(out, t)
	}
	return out
}

// nthWeekday is the nth (or, for -1, the last) weekday of a month.
func nthWeekday(year int, m time.Month, wd time.Weekday, n int) time.Time {
	if n < 0 {
		last := time.Date(year, m+1, 0, 0, 0, 0, 0, time.UTC)
		return last.AddDate(0, 0, -((int(last.Weekday()) - int(wd) + 7) % 7))
	}
	first := time.Date(year, m, 1, 0, 0, 0, 0, time.UTC)
	d := first.AddDate(0, 0, (int(wd)-int(first.Weekday())+7)%7+7*(n-1))
	if d.Month() != m { // a fifth weekday that does not exist: the last one
		d = d.AddDate(0, 0, -7)
	}
	return d
}

// toUTC places a wall-clock time by the observance in force: the one with
// the latest onset at or before it.
func (vt *vtimezone) toUTC(wall time.Time) time.Time {
	type onset struct {
		at time.Time
		o  observance
	}
	var all []onset
	for _, o := range vt.observances {
		for _, t := range o.onsets(wall.Year()-1, wall.Year()) {
			all = append(all, onset{t, o})
		}
	}
	sort.Slice(all, func(i, j int) bool { return all[i].at.Before(all[j].at) })
	offset := all[0].o.offsetFrom
	for _, on := range all {
		if on.at.After(wall) {
			break
		}
		offset = on.o.offsetTo
	}
	return wall.Add(-offset)
}

// parseLocal reads a DATE-TIME without zone (YYYYMMDDTHHMMSS) as UTC fields.
func parseLocal(v string) (time.Time, bool) {
	t, err := time.Parse("20060102T150405", strings.TrimSpace(v))
	return t, err == nil
}

// parseOffset reads a UTC offset: +HHMM or +HHMMSS.
func parseOffset(v string) (time.Duration, bool) {
	v = strings.TrimSpace(v)
	if len(v) != 5 && len(v) != 7 || (v[0] != '+' && v[0] != '-') {
		return 0, false
	}
	h, err1 := strconv.Atoi(v[1:3])
	m, err2 := strconv.Atoi(v[3:5])
	s := 0
	var err3 error
	if len(v) == 7 {
		s, err3 = strconv.Atoi(v[5:7])
	}
	if err1 != nil || err2 != nil || err3 != nil {
		return 0, false
	}
	d := time.Duration(h)*time.Hour + time.Duration(m)*time.Minute + time.Duration(s)*time.Second
	if v[0] == '-' {
		d = -d
	}
	return d, true
}
