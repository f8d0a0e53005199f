package storage

import (
	"errors"
	"fmt"
	"io"
	"strconv"
	"strings"
	"time"

	"github.com/go-json-experiment/json/jsontext"
	"github.com/mattn/go-sqlite3"

	"tracker/internal/decline"
)

// Rows read as JSON (the detail's settings, invitations, history and
// letters) come as arrays of their columns, in the order the row type's
// fields lists them. A row is read value by value with the JSON decoder of
// github.com/go-json-experiment/json (jsontext), each value straight into
// its field: encoding/json's reflection over a list of targets cost a GET
// by id a fifth of its CPU. It reads what encoding/json reads: an integer
// field takes a JSON integer, a string field a string (invalid UTF-8 as
// U+FFFD), null leaves a field as it is, anything else is an error. Times
// come as stored on SQLite, Unix microseconds (times.go; the settings'
// time is still the driver's text, which is not RFC 3339), and in RFC 3339
// on PostgreSQL: text is read as the SQLite driver reads a time column.

// decodeJSONRows decodes data, a JSON array of rows, into Ts; null or ""
// (PostgreSQL's aggregate of no rows, as JSON or as SQL) is none. The
// array is read once, row by row, into one T through row, whose decoder a
// caller that decodes several arrays passes to each.
func decodeJSONRows[T any, P interface {
	*T
	fields() []any
}](data string, row *jsonRow) ([]T, error) {
	if strings.TrimSpace(data) == "" {
		return nil, nil
	}
	dec := row.reset(data)
	switch k := dec.PeekKind(); k {
	case 'n':
		if _, err := dec.ReadToken(); err != nil {
			return nil, fmt.Errorf("decode rows: %w", err)
		}
		return nil, endOfRows(dec)
	case '[':
		if _, err := dec.ReadToken(); err != nil {
			return nil, fmt.Errorf("decode rows: %w", err)
		}
	default:
		_, err := dec.ReadValue()
		return nil, fmt.Errorf("decode rows: %v, not an array (%v)", k, err)
	}
	var out []T
	var r, zero T
	fields := P(&r).fields()
	for dec.PeekKind() != ']' {
		r = zero
		if err := row.decode(fields); err != nil {
			return nil, fmt.Errorf("decode rows: %w", err)
		}
		out = append(out, r)
	}
	if _, err := dec.ReadToken(); err != nil { // the closing ]
		return nil, fmt.Errorf("decode rows: %w", err)
	}
	return out, endOfRows(dec)
}

// endOfRows checks that nothing follows the rows.
func endOfRows(dec *jsontext.Decoder) error {
	if v, err := dec.ReadValue(); err != io.EOF {
		return fmt.Errorf("decode rows: %s %v after the rows", v, err)
	}
	return nil
}

// decodeJSONRow decodes data, one row as a JSON array of exactly
// len(fields) columns, into fields (pointers to a row's fields).
func decodeJSONRow(data []byte, fields []any, row *jsonRow) error {
	dec := row.reset(string(data))
	if err := row.decode(fields); err != nil {
		return fmt.Errorf("decode a row: %w", err)
	}
	if v, err := dec.ReadValue(); err != io.EOF {
		return fmt.Errorf("decode a row: %s %v after the row", v, err)
	}
	return nil
}

// jsonRow reads rows as JSON; the zero value is ready for use, and one
// serves every row of a detail.
type jsonRow struct {
	dec   jsontext.Decoder
	in    strings.Reader
	check decline.Check // what checks reads a check into
	// repeated holds strings of checks read before (repeatedString).
	repeated map[string]string
}

// jsonOptions read JSON as encoding/json does: invalid UTF-8 in a
// string is U+FFFD, and an object may name a member twice (a letter's
// checks; the last one counts).
var jsonOptions = []jsontext.Options{jsontext.AllowInvalidUTF8(true), jsontext.AllowDuplicateNames(true)}

// reset readies the decoder for data.
func (r *jsonRow) reset(data string) *jsontext.Decoder {
	r.in.Reset(data)
	r.dec.Reset(&r.in, jsonOptions...)
	return &r.dec
}

// errNotARow is a value where a row was expected.
var errNotARow = errors.New("a row is not an array")

// decode reads the next value, a row of exactly len(fields) columns, into
// fields. A time is a string read by parseTime; an empty one is none.
func (r *jsonRow) decode(fields []any) error {
	dec := &r.dec
	if dec.PeekKind() != '[' {
		if _, err := dec.ReadValue(); err != nil {
			return err
		}
		return errNotARow
	}
	if _, err := dec.ReadToken(); err != nil {
		return err
	}
	for i, f := range fields {
		if dec.PeekKind() == ']' {
			return fmt.Errorf("%d columns, not %d", i, len(fields))
		}
		if err := r.column(f); err != nil {
			return fmt.Errorf("column %d: %w", i+1, err)
		}
	}
	if dec.PeekKind() != ']' {
		return fmt.Errorf("more than %d columns", len(fields))
	}
	_, err := dec.ReadToken()
	return err
}

// column reads the next value into f, a pointer to a field.
func (r *jsonRow) column(f any) error {
	dec := &r.dec
	if c, ok := f.(checksColumn); ok && dec.PeekKind() != '"' {
		c.row.checksRead = true
		return r.readChecks(&c.row.checks)
	}
	switch dec.PeekKind() {
	case 'n':
		_, err := dec.ReadToken()
		return err // null leaves the field as it is
	case '0':
		v, err := dec.ReadValue()
		if err != nil {
			return err
		}
		switch p := f.(type) {
		case *int64:
			*p, err = strconv.ParseInt(string(v), 10, 64)
		case *time.Time: // Unix microseconds (times.go)
			var us int64
			us, err = strconv.ParseInt(string(v), 10, 64)
			*p = timeOfMicros(us)
		case **time.Time:
			var us int64
			us, err = strconv.ParseInt(string(v), 10, 64)
			t := timeOfMicros(us)
			*p = &t
		case *int:
			var n int64
			n, err = strconv.ParseInt(string(v), 10, strconv.IntSize)
			*p = int(n)
		default:
			return fmt.Errorf("a number (%s) for a %T", v, f)
		}
		return err
	case '"':
		tok, err := dec.ReadToken()
		if err != nil {
			return err
		}
		switch p := f.(type) {
		case *string:
			*p = tok.String()
		case checksColumn: // as stored, in a row that did not read them as JSON
			p.row.Checks = tok.String()
		case *time.Time:
			return setTime(tok.String(), func(t time.Time) { *p = t })
		case **time.Time:
			return setTime(tok.String(), func(t time.Time) { *p = &t })
		default:
			return fmt.Errorf("a string for a %T", f)
		}
		return nil
	case 't', 'f':
		tok, err := dec.ReadToken()
		if err != nil {
			return err
		}
		p, ok := f.(*bool)
		if !ok {
			return fmt.Errorf("a boolean for a %T", f)
		}
		*p = tok.Bool()
		return nil
	}
	v, err := dec.ReadValue()
	if err != nil {
		return err
	}
	return fmt.Errorf("%s for a %T", v, f)
}

// setTime reads s, a stored time, and hands it to set; "" is none.
func setTime(s string, set func(time.Time)) error {
	if s == "" {
		return nil
	}
	t, err := parseTime(s)
	if err != nil {
		return err
	}
	set(t)
	return nil
}

// parseTime reads a stored time as the SQLite driver reads a time column:
// in the first of its formats that fits, UTC unless the text names an
// offset. The driver writes the first of them, which is RFC 3339 with a
// space for its T, and PostgreSQL writes RFC 3339: those are read by the
// standard library's own quick path for RFC 3339 first.
func parseTime(s string) (time.Time, error) {
	if len(s) > 10 && s[10] == 'T' {
		if t, err := time.ParseInLocation(time.RFC3339Nano, s, time.UTC); err == nil {
			return t, nil
		}
	} else if len(s) > 10 && len(s) <= maxTimeText && s[10] == ' ' {
		var buf [maxTimeText]byte // the text with its T, without an allocation
		b := append(buf[:0], s...)
		b[10] = 'T'
		var t time.Time
		if t.UnmarshalText(b) == nil {
			return asInUTC(t), nil
		}
	}
	s = strings.TrimSuffix(s, "Z")
	for _, layout := range sqlite3.SQLiteTimestampFormats {
		if t, err := time.ParseInLocation(layout, s, time.UTC); err == nil {
			return t, nil
		}
	}
	return time.Time{}, fmt.Errorf("%q is not a time", s)
}

// maxTimeText is the longest stored time parseTime reads without an
// allocation: RFC 3339 with nanoseconds and an offset is 35 bytes.
const maxTimeText = 40

// asInUTC returns t in the location that time.ParseInLocation in UTC
// gives a time with t's offset, as the driver reads it: UTC for a zero
// offset, else a zone of that offset without a name. (Time.UnmarshalText
// reads an offset as the local zone when that zone has it.)
func asInUTC(t time.Time) time.Time {
	switch _, offset := t.Zone(); {
	case offset == 0:
		return t.UTC()
	case t.Location() == time.Local:
		return t.In(time.FixedZone("", offset))
	}
	return t
}
