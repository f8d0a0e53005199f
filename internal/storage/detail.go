package storage

import (
	"cmp"
	"context"
	"database/sql"
	"fmt"
	"slices"
	"sync"

	"tracker/internal/applications"
)

// An application's detail is one statement: the application's row, with
// the user's settings and its invitations, history and letters beside it
// as JSON arrays of rows (each row an array of its columns, in the order
// the row type's fields lists them, times as stored on SQLite and in RFC
// 3339 on PostgreSQL). One statement reads one snapshot, so it needs no
// transaction around it; on PostgreSQL that is one round trip instead of
// seven. The rows are put in order here rather than by an ORDER BY inside
// the aggregate: SQLite sorts that in a sorter of its own, whose memory,
// taken and given back on every read, cost more than the rest of the
// statement.

// detailStatements are the statements of ReadDetail on SQLite and on
// PostgreSQL.
var detailStatements = [2]string{detailSQL(false), detailSQL(true)}

// detailSQL returns the statement ReadDetail runs on the dialect.
func detailSQL(postgres bool) string {
	array, agg, columns := "json_array(", "json_group_array(", applicationColumns
	if postgres {
		array, agg, columns = "json_build_array(", "json_agg(", applicationColumns
	}
	children := func(cols, table string) string {
		return "(SELECT " + agg + array + cols + ")) FROM " + table + " WHERE application_id = applications.id)"
	}
	return "SELECT " + columns +
		", (SELECT " + array + settingsColumns + ") FROM settings WHERE owner_id = applications.owner_id)" +
		", " + children(invitationColumns, "invitations") +
		", " + children(historyColumns, "history") +
		", " + children(letterColumns, "letters") +
		" FROM applications WHERE id = ? AND owner_id = " + boundEqOn(postgres)
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
	ctx, err = db.shortRead(ctx) // index lookups of one application
	if err != nil {
		return nil, fmt.Errorf("read application %d: %w", id, err)
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
	s := detailScans.Get().(*detailScan)
	defer s.release()
	if err := rows.Scan(s.fields...); err != nil {
		return nil, fmt.Errorf("read application %d: %w", id, err)
	}
	d, err := detailRecords(s.app, s.settings, s.invs.String, s.hist.String, s.letters.String, &s.row)
	if err != nil {
		return nil, fmt.Errorf("read application %d: %w", id, err)
	}
	return d, rows.Close()
}

// detailScan is what the detail statement's row is scanned into, with its
// list of fields and the decoder of its JSON columns: made once and kept
// in detailScans for the next read, rather than made (eight allocations,
// and the decoder's buffers) on every one.
type detailScan struct {
	app                           applicationRow
	settings, invs, hist, letters sql.NullString
	fields                        []any
	row                           jsonRow
}

var detailScans = sync.Pool{New: func() any {
	s := new(detailScan)
	s.fields = append(scanColumns(s.app.fields()), &s.settings, &s.invs, &s.hist, &s.letters)
	return s
}}

// release empties s, so that it holds nothing of the read, and gives it
// back to detailScans.
func (s *detailScan) release() {
	s.app = applicationRow{}
	s.settings, s.invs, s.hist, s.letters = sql.NullString{}, sql.NullString{}, sql.NullString{}, sql.NullString{}
	s.row.reset("")
	detailScans.Put(s)
}

// detailRecords decodes the JSON columns of the detail statement; no
// settings is not valid, no rows is "" (PostgreSQL's NULL) or []; row is
// the decoder of every row.
func detailRecords(app applicationRow, settings sql.NullString, invs, hist, letters string, row *jsonRow) (*applications.DetailRecords, error) {
	d := &applications.DetailRecords{Application: app.domain()}
	if settings.Valid {
		var s settingsRow
		if err := decodeJSONRow([]byte(settings.String), s.fields(), row); err != nil {
			return nil, fmt.Errorf("settings: %w", err)
		}
		d.Settings = s.domain()
	}
	invRows, err := decodeJSONRows[invitationRow](invs, row)
	if err != nil {
		return nil, fmt.Errorf("invitations: %w", err)
	}
	slices.SortFunc(invRows, func(a, b invitationRow) int { return cmp.Compare(a.ID, b.ID) })
	d.Invitations = make([]applications.Invitation, len(invRows))
	for i, r := range invRows {
		d.Invitations[i] = r.domain()
	}
	histRows, err := decodeJSONRows[historyRow](hist, row)
	if err != nil {
		return nil, fmt.Errorf("history: %w", err)
	}
	slices.SortFunc(histRows, func(a, b historyRow) int { return cmp.Or(a.At.Compare(b.At), cmp.Compare(a.ID, b.ID)) })
	d.History = make([]applications.HistoryEntry, len(histRows))
	for i, r := range histRows {
		d.History[i] = r.domain()
	}
	letterRows, err := decodeJSONRows[letterRow](letters, row)
	if err != nil {
		return nil, fmt.Errorf("letters: %w", err)
	}
	slices.SortFunc(letterRows, func(a, b letterRow) int { return cmp.Compare(a.ID, b.ID) })
	if d.Letters, err = lettersOf(letterRows); err != nil {
		return nil, err
	}
	return d, nil
}
