package storage

import (
	"encoding/json"
	"fmt"
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
// (PostgreSQL's aggregate of no rows, as JSON or as SQL) is none.
func decodeJSONRows[T any, P interface {
	*T
	fields() []any
}](data string) ([]T, error) {
	if strings.TrimSpace(data) == "" {
		return nil, nil
	}
	var rows []jsonRowOf[T, P]
	if err := json.Unmarshal([]byte(data), &rows); err != nil {
		return nil, fmt.Errorf("decode rows: %w", err)
	}
	out := make([]T, len(rows))
	for i, r := range rows {
		out[i] = r.row
	}
	return out, nil
}

// jsonRowOf is a T read from one JSON array of its columns.
type jsonRowOf[T any, P interface {
	*T
	fields() []any
}] struct{ row T }

// UnmarshalJSON decodes the row's columns into its fields.
func (r *jsonRowOf[T, P]) UnmarshalJSON(data []byte) error {
	return decodeJSONRow(data, P(&r.row).fields())
}

// decodeJSONRow decodes data, one row as a JSON array of exactly
// len(fields) columns, into fields (pointers to a row's fields). A time
// is decoded as a string and then read by parseTime; an empty one is
// none. A null column leaves its field as it is, as encoding/json does.
func decodeJSONRow(data []byte, fields []any) error {
	targets := make([]any, len(fields))
	times := make([]string, len(fields))
	for i, f := range fields {
		switch f.(type) {
		case *time.Time, **time.Time:
			targets[i] = &times[i]
		default:
			targets[i] = f
		}
	}
	if err := json.Unmarshal(data, &targets); err != nil {
		return fmt.Errorf("decode a row: %w", err)
	}
	if len(targets) != len(fields) {
		return fmt.Errorf("decode a row: %d columns, not %d", len(targets), len(fields))
	}
	for i, f := range fields {
		if times[i] == "" {
			continue
		}
		t, err := parseTime(times[i])
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
	if len(s) > 10 && (s[10] == ' ' || s[10] == 'T') {
		if t, err := time.ParseInLocation(time.RFC3339Nano, s[:10]+"T"+s[11:], time.UTC); err == nil {
			return t, nil
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
