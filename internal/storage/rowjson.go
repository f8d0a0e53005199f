package storage

import (
	"encoding/json"
	"errors"
	"fmt"
	"strconv"
	"strings"
	"time"

	"github.com/mattn/go-sqlite3"
)

// Rows read as JSON (the detail's invitations, history and letters, a page
// of the list) come as arrays of their columns, in the order the row
// type's fields lists them. They are decoded here by hand rather than by
// encoding/json: its reflection, and the strings it copies, cost more than
// SQLite takes to write them. A string without escapes is a slice of the
// JSON text; anything unusual goes to encoding/json, so the result is the
// same.

// decodeJSONRows decodes data, a JSON array of rows, into Ts; null or ""
// (PostgreSQL's aggregate of no rows, as JSON or as SQL) is none.
func decodeJSONRows[T any, P interface {
	*T
	fields() []any
}](data string) ([]T, error) {
	d := rowDecoder{s: data}
	if d.space(); d.i == len(d.s) || d.literal("null") {
		return nil, d.end()
	}
	if !d.byte('[') {
		return nil, d.fail("a JSON array of rows")
	}
	var out []T
	if d.space(); d.byte(']') {
		return out, d.end()
	}
	for {
		var r T
		if err := d.row(P(&r).fields()); err != nil {
			return nil, err
		}
		out = append(out, r)
		d.space()
		if d.byte(']') {
			return out, d.end()
		}
		if !d.byte(',') {
			return nil, d.fail("',' or ']' after a row")
		}
	}
}

// decodeJSONRow decodes data, one row as a JSON array of its columns, into
// fields.
func decodeJSONRow(data string, fields []any) error {
	d := rowDecoder{s: data}
	if err := d.row(fields); err != nil {
		return err
	}
	return d.end()
}

// rowDecoder reads JSON text s from position i.
type rowDecoder struct {
	s string
	i int
}

func (d *rowDecoder) fail(want string) error {
	return fmt.Errorf("decode a row: want %s at offset %d of %.40q", want, d.i, d.s)
}

// space skips white space.
func (d *rowDecoder) space() {
	for d.i < len(d.s) && (d.s[d.i] == ' ' || d.s[d.i] == '\n' || d.s[d.i] == '\t' || d.s[d.i] == '\r') {
		d.i++
	}
}

// byte consumes c if it comes next.
func (d *rowDecoder) byte(c byte) bool {
	if d.i < len(d.s) && d.s[d.i] == c {
		d.i++
		return true
	}
	return false
}

// literal consumes lit if it comes next.
func (d *rowDecoder) literal(lit string) bool {
	if strings.HasPrefix(d.s[d.i:], lit) {
		d.i += len(lit)
		return true
	}
	return false
}

// end checks that nothing but white space follows.
func (d *rowDecoder) end() error {
	if d.space(); d.i != len(d.s) {
		return d.fail("the end")
	}
	return nil
}

// row decodes one JSON array of exactly len(fields) values into fields.
func (d *rowDecoder) row(fields []any) error {
	d.space()
	if !d.byte('[') {
		return d.fail("a row")
	}
	for n, f := range fields {
		if n > 0 {
			if d.space(); !d.byte(',') {
				return fmt.Errorf("a row of %d columns, not %d", n, len(fields))
			}
		}
		d.space()
		if err := d.value(f); err != nil {
			return err
		}
	}
	if d.space(); !d.byte(']') {
		return fmt.Errorf("a row of more than %d columns", len(fields))
	}
	return nil
}

// value decodes the next value into f, a pointer to a field.
func (d *rowDecoder) value(f any) error {
	start := d.i
	if d.literal("null") {
		if p, ok := f.(**time.Time); ok {
			*p = nil
		}
		return nil // as encoding/json: null leaves a value as it is
	}
	if d.i < len(d.s) && d.s[d.i] == '"' {
		s, plain, err := d.str()
		if err != nil {
			return err
		}
		raw := d.s[start:d.i]
		switch p := f.(type) {
		case *string:
			if plain {
				*p = s
				return nil
			}
		case *time.Time:
			if plain {
				*p, err = parseTime(s)
				return err
			}
		case **time.Time:
			if plain {
				t, err := parseTime(s)
				*p = &t
				return err
			}
		}
		return d.slow(raw, f)
	}
	for d.i < len(d.s) && !strings.ContainsRune(",]} \n\t\r", rune(d.s[d.i])) {
		d.i++
	}
	raw := d.s[start:d.i]
	switch p := f.(type) {
	case *int64:
		if n, err := strconv.ParseInt(raw, 10, 64); err == nil {
			*p = n
			return nil
		}
	case *int:
		if n, err := strconv.ParseInt(raw, 10, 0); err == nil {
			*p = int(n)
			return nil
		}
	}
	return d.slow(raw, f)
}

// slow decodes raw into f as encoding/json does.
func (d *rowDecoder) slow(raw string, f any) error {
	if err := json.Unmarshal([]byte(raw), f); err != nil {
		return fmt.Errorf("decode a row: %w", err)
	}
	return nil
}

// str consumes a JSON string and returns its text when it has no escape
// (plain); otherwise only its end is found.
func (d *rowDecoder) str() (s string, plain bool, err error) {
	d.i++ // the opening quote
	start := d.i
	plain = true
	for d.i < len(d.s) {
		switch d.s[d.i] {
		case '"':
			d.i++
			return d.s[start : d.i-1], plain, nil
		case '\\':
			plain = false
			d.i++
		}
		d.i++
	}
	return "", false, errors.New("decode a row: a string without its end")
}

// parseTime reads a stored time: as the SQLite driver reads a time column
// (any of its formats, UTC unless the text names an offset), or in RFC
// 3339, as PostgreSQL writes one in JSON. The usual forms,
// 2006-01-02 15:04:05[.999999999](+07:00|Z) with a space or a T, are read
// directly.
func parseTime(s string) (time.Time, error) {
	if t, ok := parseTimeFast(s); ok {
		return t, nil
	}
	s = strings.TrimSuffix(s, "Z")
	for _, layout := range sqlite3.SQLiteTimestampFormats {
		if t, err := time.ParseInLocation(layout, s, time.UTC); err == nil {
			return t, nil
		}
	}
	return time.Time{}, fmt.Errorf("decode a row: %q is not a time", s)
}

// parseTimeFast reads YYYY-MM-DD[ T]hh:mm:ss[.f{1,9}](Z|±hh:mm|nothing,
// which is UTC); ok is false for anything else.
func parseTimeFast(s string) (t time.Time, ok bool) {
	if len(s) < 19 || s[4] != '-' || s[7] != '-' || (s[10] != ' ' && s[10] != 'T') || s[13] != ':' || s[16] != ':' {
		return t, false
	}
	num := func(from, to int) int {
		n := 0
		for i := from; i < to; i++ {
			c := s[i]
			if c < '0' || c > '9' {
				ok = false
				return 0
			}
			n = n*10 + int(c-'0')
		}
		return n
	}
	ok = true
	year, month, day := num(0, 4), num(5, 7), num(8, 10)
	hour, minute, sec := num(11, 13), num(14, 16), num(17, 19)
	rest := s[19:]
	nsec := 0
	if len(rest) > 0 && rest[0] == '.' {
		digits := 1
		for digits < len(rest) && rest[digits] >= '0' && rest[digits] <= '9' {
			digits++
		}
		if digits == 1 || digits > 10 {
			return t, false
		}
		nsec = num(20, 19+digits)
		for range 10 - digits {
			nsec *= 10
		}
		rest = rest[digits:]
	}
	offset := 0
	switch {
	case rest == "" || rest == "Z":
	case len(rest) == 6 && (rest[0] == '+' || rest[0] == '-') && rest[3] == ':':
		h, m := num(len(s)-5, len(s)-3), num(len(s)-2, len(s))
		if h > 23 || m > 59 {
			return t, false
		}
		offset = (h*60 + m) * 60
		if rest[0] == '-' {
			offset = -offset
		}
	default:
		return t, false
	}
	if !ok || month < 1 || month > 12 || day < 1 || day > daysIn(month, year) || hour > 23 || minute > 59 || sec > 59 {
		return t, false
	}
	return time.Date(year, time.Month(month), day, hour, minute, sec, nsec, time.UTC).Add(-time.Duration(offset) * time.Second), true
}

// daysIn is the number of days of month (1 to 12) in year.
func daysIn(month, year int) int {
	if month == 2 && year%4 == 0 && (year%100 != 0 || year%400 == 0) {
		return 29
	}
	return int([...]byte{31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31}[month-1])
}
