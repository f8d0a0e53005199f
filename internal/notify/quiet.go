package notify

import (
	"errors"
	"fmt"
	"strings"
	"time"
)

// QuietHours is a daily span, in minutes after local midnight, during
// which reminders wait. Start after End spans midnight (22:00-07:00).
type QuietHours struct {
	Start, End int
}

// ParseQuietHours reads "HH:MM-HH:MM"; "" and "none" mean no quiet hours.
func ParseQuietHours(s string) (*QuietHours, error) {
	s = strings.TrimSpace(s)
	if s == "" || strings.EqualFold(s, "none") {
		return nil, nil
	}
	from, to, ok := strings.Cut(s, "-")
	start, err1 := parseClock(from)
	end, err2 := parseClock(to)
	if !ok || err1 != nil || err2 != nil {
		return nil, errors.New("must be two times of day such as 22:00-07:00, or none")
	}
	if start == end {
		return nil, errors.New("must start and end at different times")
	}
	return &QuietHours{Start: start, End: end}, nil
}

func parseClock(s string) (int, error) {
	t, err := time.Parse("15:04", strings.TrimSpace(s))
	if err != nil {
		return 0, err
	}
	return t.Hour()*60 + t.Minute(), nil
}

// String is the quiet hours as ParseQuietHours reads them.
func (q *QuietHours) String() string {
	if q == nil {
		return ""
	}
	return fmt.Sprintf("%02d:%02d-%02d:%02d", q.Start/60, q.Start%60, q.End/60, q.End%60)
}

// Next returns t when it falls outside the quiet hours in loc, else the
// moment they end.
func (q *QuietHours) Next(t time.Time, loc *time.Location) time.Time {
	if q == nil {
		return t
	}
	lt := t.In(loc)
	m := lt.Hour()*60 + lt.Minute()
	quiet := (q.Start < q.End && m >= q.Start && m < q.End) || (q.Start > q.End && (m >= q.Start || m < q.End))
	if !quiet {
		return t
	}
	end := time.Date(lt.Year(), lt.Month(), lt.Day(), q.End/60, q.End%60, 0, 0, loc)
	if !end.After(t) {
		end = time.Date(lt.Year(), lt.Month(), lt.Day()+1, q.End/60, q.End%60, 0, 0, loc)
	}
	return end
}
