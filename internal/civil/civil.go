// Package civil holds Date, a day of the calendar: the day an offer was
// made, which has no time of day and no time zone of its own. Times stay
// time.Time in UTC, shown in the user's zone; a date is the day as the
// user named it and is never moved by a zone. It is written as
// YYYY-MM-DD in JSON, in forms, on the command line and in both
// databases (a DATE on PostgreSQL, text on SQLite), and its zero value is
// no date.
package civil

import (
	"database/sql/driver"
	"encoding/json"
	"fmt"
	"reflect"
	"time"
)

// Layout is how a date is written everywhere it leaves the program.
const Layout = "2006-01-02"

// Date is a day of the calendar; the zero Date is no date.
type Date struct {
	Year  int
	Month time.Month
	Day   int
}

// Of returns the day of t in t's location.
func Of(t time.Time) Date {
	y, m, d := t.Date()
	return Date{y, m, d}
}

// Parse reads s, a date written as YYYY-MM-DD; "" is the zero Date.
func Parse(s string) (Date, error) {
	if s == "" {
		return Date{}, nil
	}
	t, err := time.Parse(Layout, s)
	if err != nil {
		return Date{}, fmt.Errorf("%q is not a date written as YYYY-MM-DD", s)
	}
	return Of(t), nil
}

// IsZero reports whether d is no date.
func (d Date) IsZero() bool { return d == Date{} }

// String is d as YYYY-MM-DD, "" for no date.
func (d Date) String() string {
	if d.IsZero() {
		return ""
	}
	return d.Midnight().Format(Layout)
}

// Midnight is the start of d in UTC: a time whose Date, Weekday and
// Format give d's own.
func (d Date) Midnight() time.Time { return time.Date(d.Year, d.Month, d.Day, 0, 0, 0, 0, time.UTC) }

// Before reports whether d is an earlier day than e.
func (d Date) Before(e Date) bool { return d.Midnight().Before(e.Midnight()) }

// After reports whether d is a later day than e.
func (d Date) After(e Date) bool { return e.Before(d) }

// MarshalJSON writes d as "YYYY-MM-DD", no date as null.
func (d Date) MarshalJSON() ([]byte, error) {
	if d.IsZero() {
		return []byte("null"), nil
	}
	return []byte(`"` + d.String() + `"`), nil
}

// UnmarshalJSON reads "YYYY-MM-DD"; "" is no date and null leaves d as it
// is. Anything else is a *json.UnmarshalTypeError, so that a decoder names
// the field.
func (d *Date) UnmarshalJSON(b []byte) error {
	if string(b) == "null" {
		return nil
	}
	var s string
	if err := json.Unmarshal(b, &s); err == nil {
		if v, err := Parse(s); err == nil {
			*d = v
			return nil
		}
	}
	return &json.UnmarshalTypeError{Value: string(b), Type: reflect.TypeFor[Date]()}
}

// Value stores d as YYYY-MM-DD, no date as NULL.
func (d Date) Value() (driver.Value, error) {
	if d.IsZero() {
		return nil, nil
	}
	return d.String(), nil
}

// Scan reads a stored date: NULL, SQLite's text, or PostgreSQL's DATE,
// which its driver hands over as midnight UTC of the day.
func (d *Date) Scan(src any) error {
	switch v := src.(type) {
	case nil:
		*d = Date{}
		return nil
	case time.Time:
		*d = Of(v)
		return nil
	case string:
		return d.scanText(v)
	case []byte:
		return d.scanText(string(v))
	}
	return fmt.Errorf("a date column holds %T, not a date", src)
}

func (d *Date) scanText(s string) error {
	v, err := Parse(s)
	if err == nil {
		*d = v
	}
	return err
}
