package storage

import (
	"encoding/json"
	"fmt"
	"io"
	"slices"
	"strings"
	"time"

	"github.com/mattn/go-sqlite3"
)

// Rows read as JSON (the detail's settings, invitations, history and
// letters) come as arrays of their columns, in the order the row type's
// fields lists them, and are decoded by encoding/json into those fields.
// Times come as stored on SQLite, which is not RFC 3339, and in RFC 3339
// on PostgreSQL: both are read as the SQLite driver reads a time column.

// decodeJSONRows decodes data, a JSON array of rows, into Ts; null or ""
// (PostgreSQL's aggregate of no rows, as JSON or as SQL) is none. The
// array is read once, row by row, into one T through row, whose targets a
// caller that decodes several arrays passes to each (its lists are then
// made once).
func decodeJSONRows[T any, P interface {
	*T
	fields() []any
}](data string, row *jsonRow) ([]T, error) {
	if strings.TrimSpace(data) == "" {
		return nil, nil
	}
	dec := json.NewDecoder(strings.NewReader(data))
	tok, err := dec.Token()
	if err != nil {
		return nil, fmt.Errorf("decode rows: %w", err)
	}
	if tok == nil { // null
		return nil, endOfRows(dec)
	}
	if tok != json.Delim('[') {
		return nil, fmt.Errorf("decode rows: %v, not an array", tok)
	}
	var out []T
	var r, zero T
	fields := P(&r).fields()
	for dec.More() {
		r = zero
		row.reset(fields)
		if err := dec.Decode(&row.targets); err != nil {
			return nil, fmt.Errorf("decode rows: %w", err)
		}
		if err := row.setTimes(); err != nil {
			return nil, err
		}
		out = append(out, r)
	}
	if _, err := dec.Token(); err != nil { // the closing ]
		return nil, fmt.Errorf("decode rows: %w", err)
	}
	return out, endOfRows(dec)
}

// endOfRows checks that nothing follows the rows.
func endOfRows(dec *json.Decoder) error {
	if tok, err := dec.Token(); err != io.EOF {
		return fmt.Errorf("decode rows: %v %v after the rows", tok, err)
	}
	return nil
}

// decodeJSONRow decodes data, one row as a JSON array of exactly
// len(fields) columns, into fields (pointers to a row's fields). A time
// is decoded as a string and then read by parseTime; an empty one is
// none. A null column leaves its field as it is, as encoding/json does.
func decodeJSONRow(data []byte, fields []any, row *jsonRow) error {
	row.reset(fields)
	if err := json.Unmarshal(data, &row.targets); err != nil {
		return fmt.Errorf("decode a row: %w", err)
	}
	return row.setTimes()
}

// jsonRow is what encoding/json decodes one row into: its fields, but a
// string in place of each time. The zero value is ready for use.
type jsonRow struct {
	fields  []any
	targets []any
	times   []string
}

// newJSONRow returns a jsonRow with room for rows of up to n columns.
func newJSONRow(n int) *jsonRow {
	return &jsonRow{targets: make([]any, 0, n), times: make([]string, 0, n)}
}

// reset readies the targets for the next row, into fields: encoding/json
// sets a target to nil for a null column, and shortens or lengthens the
// list to the row's.
func (r *jsonRow) reset(fields []any) {
	r.fields = fields
	r.targets = r.targets[:0]
	r.times = slices.Grow(r.times[:0], len(fields))[:len(fields)]
	for i, f := range fields {
		r.times[i] = ""
		switch f.(type) {
		case *time.Time, **time.Time:
			r.targets = append(r.targets, &r.times[i])
		default:
			r.targets = append(r.targets, f)
		}
	}
}

// setTimes checks the row's length and reads its times into their fields.
func (r *jsonRow) setTimes() error {
	if len(r.targets) != len(r.fields) {
		return fmt.Errorf("decode a row: %d columns, not %d", len(r.targets), len(r.fields))
	}
	for i, f := range r.fields {
		if r.times[i] == "" {
			continue
		}
		t, err := parseTime(r.times[i])
		if err != nil {
			return fmt.Errorf("decode a row: %w", err)
		}
		switch p := f.(type) {
		case *time.Time:
			*p = t
		case **time.Time:
			*p = &t
		}
	}
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
