package storage

import (
	"context"
	"encoding/json"
	"fmt"
	"strings"

	"tracker/internal/applications"
)

// An application's detail is one statement: the application's row, with
// the user's settings and its invitations, history and letters beside it
// as JSON arrays of rows (each row an array of its columns, in the order
// the row type's fields lists them). One statement reads one snapshot, so
// it needs no transaction around it; on PostgreSQL that is one round trip
// instead of seven.

// detailTimes are the columns of the detail's rows that hold a time: the
// statement writes them in RFC 3339, which time.Time decodes from JSON.
var detailTimes = map[string]bool{"received_at": true, "respond_by": true, "interview_at": true, "responded_at": true,
	"at": true, "sent_at": true, "created_at": true, "updated_at": true}

// detailStatements are the statements of ReadDetail on SQLite and on
// PostgreSQL.
var detailStatements = [2]string{detailSQL(false), detailSQL(true)}

// detailSQL returns the statement ReadDetail runs on the dialect.
func detailSQL(postgres bool) string {
	array := func(cols string) string {
		var out []string
		for _, c := range strings.Split(cols, ", ") {
			if detailTimes[c] && !postgres { // PostgreSQL writes a timestamptz in RFC 3339 already
				c = "strftime('%Y-%m-%dT%H:%M:%fZ', " + c + ")"
			}
			out = append(out, c)
		}
		if postgres {
			return "json_build_array(" + strings.Join(out, ", ") + ")"
		}
		return "json_array(" + strings.Join(out, ", ") + ")"
	}
	agg := func(cols, table, order string) string {
		f := "json_group_array"
		if postgres {
			f = "json_agg"
		}
		return "(SELECT " + f + "(" + array(cols) + " ORDER BY " + order + ") FROM " + table +
			" WHERE application_id = applications.id)"
	}
	return "SELECT " + applicationColumns +
		", (SELECT " + array(settingsColumns) + " FROM settings WHERE owner_id = applications.owner_id)" +
		", " + agg(invitationColumns, "invitations", "id") +
		", " + agg(historyColumns, "history", "at, id") +
		", " + agg(letterColumns, "letters", "id") +
		" FROM applications WHERE id = ? AND owner_id = ?"
}

// ReadDetail returns the application with id, the user's settings, and
// its invitations, history and letters, with one statement.
func (db *DB) ReadDetail(ctx context.Context, id int64) (*applications.DetailRecords, error) {
	uid, err := owner(ctx)
	if err != nil {
		return nil, err
	}
	statement := detailStatements[0]
	if db.postgres {
		statement = detailStatements[1]
	}
	rows, err := db.readQuery(ctx, statement, id, uid)
	if err != nil {
		return nil, fmt.Errorf("read application %d: %w", id, err)
	}
	defer rows.Close()
	if !rows.Next() {
		if err := rows.Err(); err != nil {
			return nil, fmt.Errorf("read application %d: %w", id, err)
		}
		return nil, notFound(id)
	}
	var app applicationRow
	var settings, invs, hist, letters []byte
	if err := rows.Scan(append(app.fields(), &settings, &invs, &hist, &letters)...); err != nil {
		return nil, fmt.Errorf("read application %d: %w", id, err)
	}
	d, err := detailRecords(app, settings, invs, hist, letters)
	if err != nil {
		return nil, fmt.Errorf("read application %d: %w", id, err)
	}
	return d, rows.Close()
}

// detailRecords decodes the JSON columns of the detail statement.
func detailRecords(app applicationRow, settings, invs, hist, letters []byte) (*applications.DetailRecords, error) {
	d := &applications.DetailRecords{Application: app.domain()}
	if settings != nil {
		var s settingsRow
		if err := decodeRow[settingsRow](settings, &s); err != nil {
			return nil, fmt.Errorf("settings: %w", err)
		}
		d.Settings = s.domain()
	}
	invRows, err := decodeRows[invitationRow](invs)
	if err != nil {
		return nil, fmt.Errorf("invitations: %w", err)
	}
	d.Invitations = make([]applications.Invitation, len(invRows))
	for i, r := range invRows {
		d.Invitations[i] = r.domain()
	}
	histRows, err := decodeRows[historyRow](hist)
	if err != nil {
		return nil, fmt.Errorf("history: %w", err)
	}
	d.History = make([]applications.HistoryEntry, len(histRows))
	for i, r := range histRows {
		d.History[i] = r.domain()
	}
	letterRows, err := decodeRows[letterRow](letters)
	if err != nil {
		return nil, fmt.Errorf("letters: %w", err)
	}
	if d.Letters, err = lettersOf(letterRows); err != nil {
		return nil, err
	}
	return d, nil
}

// decodeRows decodes a JSON array of rows, each an array of the columns
// that T's fields lists; no rows is null (PostgreSQL) or [] (SQLite).
func decodeRows[T any, P interface {
	*T
	fields() []any
}](data []byte) ([]T, error) {
	var raw []json.RawMessage
	if data != nil {
		if err := json.Unmarshal(data, &raw); err != nil {
			return nil, err
		}
	}
	out := make([]T, len(raw))
	for i, r := range raw {
		if err := decodeRow[T, P](r, &out[i]); err != nil {
			return nil, err
		}
	}
	return out, nil
}

// decodeRow decodes one row, a JSON array of its columns, into r: each
// element goes into the field that r's fields lists at its place.
func decodeRow[T any, P interface {
	*T
	fields() []any
}](data []byte, r *T) error {
	fields := P(r).fields()
	n := len(fields)
	if err := json.Unmarshal(data, &fields); err != nil {
		return err
	}
	if len(fields) != n {
		return fmt.Errorf("a row of %d columns, not %d", len(fields), n)
	}
	return nil
}
