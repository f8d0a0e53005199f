package storage

import (
	"cmp"
	"context"
	"database/sql"
	"fmt"
	"slices"
	"strings"
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
	j := jsonOn(postgres)
	return oneApplication(postgres, j.ownerRow(settingsColumns, "settings"),
		j.children(invitationColumns, "invitations"),
		j.children(historyColumns, "history"),
		j.children(j.letterColumns(), "letters"))
}

// jsonSQL is a dialect's JSON functions, as the reads of an application
// with the rows of other tables beside it use them: of one row's columns
// (array) and of the rows of a subquery (agg), each followed by its
// arguments.
type jsonSQL struct {
	array, agg string
	postgres   bool
}

// jsonOn returns the JSON functions of the dialect.
func jsonOn(postgres bool) jsonSQL {
	if postgres {
		return jsonSQL{array: "json_build_array(", agg: "json_agg(", postgres: true}
	}
	return jsonSQL{array: "json_array(", agg: "json_group_array("}
}

// letterColumns are letterColumns with the checks as JSON rather than a
// string of it: read in the detail's JSON without being escaped by the
// database, unescaped here and parsed again (checksColumn).
func (j jsonSQL) letterColumns() string {
	return strings.Replace(letterColumns, "checks", j.asJSON("checks"), 1)
}

// asJSON is the JSON text in col as JSON.
func (j jsonSQL) asJSON(col string) string {
	if j.postgres {
		return "CAST(" + col + " AS json)"
	}
	return "json(" + col + ")"
}

// children is a subquery of the rows of table that belong to the
// application (by application_id), as a JSON array of rows of cols; NULL
// on PostgreSQL when there are none.
func (j jsonSQL) children(cols, table string) string {
	return "(SELECT " + j.agg + j.array + cols + ")) FROM " + table + " WHERE application_id = applications.id)"
}

// ownerRow is a subquery of the row of table (settings, profiles) of the
// application's owner, as a JSON array of cols; NULL when there is none.
func (j jsonSQL) ownerRow(cols, table string) string {
	return "(SELECT " + j.array + cols + ") FROM " + table + " WHERE owner_id = applications.owner_id)"
}

// oneApplication is a statement that reads one application of one owner
// (its id and owner are the arguments): its columns, then extra.
func oneApplication(postgres bool, extra ...string) string {
	return "SELECT " + applicationColumns + ", " + strings.Join(extra, ", ") +
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
	s := detailScans.Get().(*detailScan)
	defer s.release()
	if err := db.readApplication(ctx, statement, id, uid, s.fields); err != nil {
		return nil, err
	}
	d, err := detailRecords(s.app, s.settings, s.invs.String, s.hist.String, s.letters.String, &s.row)
	if err != nil {
		return nil, fmt.Errorf("read application %d: %w", id, err)
	}
	return d, nil
}

// readApplication runs statement, one of oneApplication's, for
// application id of user uid, and scans its row into fields: the
// application's columns, then the statement's others. It is notFound when
// there is no such application.
func (db *DB) readApplication(ctx context.Context, statement string, id, uid int64, fields []any) error {
	rows, err := db.readQuery(ctx, statement, id, uid)
	if err != nil {
		return fmt.Errorf("read application %d: %w", id, err)
	}
	defer rows.Close()
	if !rows.Next() {
		if err := rows.Err(); err != nil {
			return fmt.Errorf("read application %d: %w", id, err)
		}
		return notFound(id)
	}
	if err := rows.Scan(fields...); err != nil {
		return fmt.Errorf("read application %d: %w", id, err)
	}
	return rows.Close()
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
	var err error
	if d.Settings, err = decodeSettings(settings, row); err != nil {
		return nil, err
	}
	if d.Invitations, err = decodeInvitations(invs, row); err != nil {
		return nil, err
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
	if d.Letters, err = lettersOf(letterRows, row); err != nil {
		return nil, err
	}
	return d, nil
}

// decodeSettings decodes the settings' JSON row (ownerRow), nil when
// there is none.
func decodeSettings(settings sql.NullString, row *jsonRow) (*applications.Settings, error) {
	if !settings.Valid {
		return nil, nil
	}
	var s settingsRow
	if err := decodeJSONRow([]byte(settings.String), s.fields(), row); err != nil {
		return nil, fmt.Errorf("settings: %w", err)
	}
	return s.domain(), nil
}

// decodeInvitations decodes the invitations' JSON rows (children), in
// order of id.
func decodeInvitations(invs string, row *jsonRow) ([]applications.Invitation, error) {
	rows, err := decodeJSONRows[invitationRow](invs, row)
	if err != nil {
		return nil, fmt.Errorf("invitations: %w", err)
	}
	slices.SortFunc(rows, func(a, b invitationRow) int { return cmp.Compare(a.ID, b.ID) })
	out := make([]applications.Invitation, len(rows))
	for i, r := range rows {
		out[i] = r.domain()
	}
	return out, nil
}
