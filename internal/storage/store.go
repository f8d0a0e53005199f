package storage

import (
	"context"
	"errors"
	"fmt"
	"reflect"
	"slices"
	"strings"
	"time"

	"gorm.io/gorm"

	"tracker/internal/apperr"
	"tracker/internal/applications"
	"tracker/internal/workflow"
)

var _ applications.Store = (*DB)(nil)

func notFound(id int64) error {
	return apperr.Errorf(apperr.ENOTFOUND, "no application with id %d", id)
}

// CreateApplication inserts a and sets its id.
func (db *DB) CreateApplication(ctx context.Context, a *applications.Application) error {
	uid, err := owner(ctx)
	if err != nil {
		return err
	}
	row := toApplicationRow(a)
	row.OwnerID = uid
	if db.postgres {
		return db.createPostgres(ctx, uid, a, row)
	}
	id, _, err := db.insert(ctx, insertApplication, row.fields()[1:]...)
	if err != nil {
		return fmt.Errorf("create application: %w", err)
	}
	a.ID = id
	if err := db.writeWords(ctx, uid, a); err != nil {
		return err
	}
	return db.addNames(ctx, uid, a.Company, a.ContactName)
}

// createPostgres is CreateApplication on PostgreSQL: the application and
// its names go in one statement, a round trip fewer than two. Its search
// words need no statement there (the text search reads the columns).
func (db *DB) createPostgres(ctx context.Context, uid int64, a *applications.Application, row applicationRow) error {
	q, args := "WITH a AS ("+insertApplication+" RETURNING id)", row.fields()[1:]
	if values, names := nameValues(uid, a.Company, a.ContactName); len(names) > 0 {
		q += ", n AS (INSERT INTO application_names (owner_id, name_key, name) VALUES " + values + " ON CONFLICT DO NOTHING)"
		args = append(args, names...)
	}
	ids, err := queryRows[idRow](ctx, db, q+" SELECT id FROM a", args...)
	if err == nil && len(ids) == 0 {
		err = errors.New("no id returned")
	}
	if err != nil {
		return fmt.Errorf("create application: %w", err)
	}
	a.ID = int64(ids[0])
	return nil
}

// CreateStarted inserts a, the history it starts with and its due time,
// in one transaction, and sets their ids: a create without an invitation.
// On PostgreSQL a create with one history entry (every create without an
// invitation has one) is one statement, which is a transaction of its
// own: one round trip where BEGIN, the application, its history entry,
// its due time and COMMIT were five.
func (db *DB) CreateStarted(ctx context.Context, a *applications.Application, hist []applications.HistoryEntry) error {
	if _, inTx := ctx.Value(txKey{}).(*gorm.DB); db.postgres && !inTx && len(hist) == 1 {
		return unavailable(db.createStartedPostgres(ctx, a, &hist[0]))
	}
	return db.InTx(ctx, func(ctx context.Context) error {
		if err := db.CreateApplication(ctx, a); err != nil {
			return err
		}
		for i := range hist {
			h := &hist[i]
			h.ApplicationID = a.ID
			// The application is the user's, inserted just now: the
			// entries need no check of their owner (AddHistory's).
			id, _, err := db.insert(ctx, insertHistory, h.ApplicationID, string(h.From), string(h.To), h.At.UTC(), h.Note)
			if err != nil {
				return fmt.Errorf("add history: %w", err)
			}
			h.ID = id
		}
		return db.AddDue(ctx, a.ID, a.Status)
	})
}

// createStartedPostgres is CreateStarted on PostgreSQL of an application
// with its one history entry h: createPostgres's statement with the
// entry and the due time as more of its parts. The parts of one statement
// do not see each other's rows, so the due time is not AddDue's statement,
// which reads the history back, but the one rule a new application
// without an invitation can have a due time by (no reply, applied or
// interviewed: dueKinds' last), from the entry's time as inserted.
func (db *DB) createStartedPostgres(ctx context.Context, a *applications.Application, h *applications.HistoryEntry) error {
	uid, err := owner(ctx)
	if err != nil {
		return err
	}
	row := toApplicationRow(a)
	row.OwnerID = uid
	q, args := "WITH a AS ("+insertApplication+" RETURNING id)", row.fields()[1:]
	if values, names := nameValues(uid, a.Company, a.ContactName); len(names) > 0 {
		q += ", n AS (INSERT INTO application_names (owner_id, name_key, name) VALUES " + values + " ON CONFLICT DO NOTHING)"
		args = append(args, names...)
	}
	q += ", h AS (INSERT INTO history (application_id, from_status, to_status, at, note) SELECT id, ?, ?, ?, ? FROM a RETURNING id, at)"
	args = append(args, string(h.From), string(h.To), h.At.UTC(), h.Note)
	switch kinds := dueSQL(dueKey{postgres: true, one: true, status: string(a.Status)}).kinds; {
	case kinds == 0:
	case a.Status == workflow.Applied || a.Status == workflow.Interviewed:
		q += ", d AS (" + noReplyDuePostgres + ")"
		args = append(args, uid, uid)
	default: // a stage whose due time needs rows a new application cannot have: none to write
	}
	ids, err := queryRows[pairRow](ctx, db, q+" SELECT a.id, h.id FROM a, h", args...)
	if err == nil && len(ids) == 0 {
		err = errors.New("no id returned")
	}
	if err != nil {
		return fmt.Errorf("create application: %w", err)
	}
	a.ID, h.ApplicationID, h.ID = ids[0].A, ids[0].A, ids[0].B
	return nil
}

// noReplyDuePostgres is the due time of "no reply" of the application
// that createStartedPostgres inserts (a) with its history entry (h), for
// its owner (the two arguments): dueKinds' last kind, reading the entry's
// time from h instead of the history table.
var noReplyDuePostgres = dueConstants().Replace(`INSERT INTO warning_due (` + dueColumns + `)
SELECT a.id, ?, 'no_reply', 0, x.due_at, x.due_at, NULL, NULL
FROM a, h, LATERAL (SELECT CAST(FLOOR(EXTRACT(EPOCH FROM h.at)) AS BIGINT)
    + 86400 * COALESCE((SELECT s.no_reply_days FROM settings s WHERE s.owner_id = ?), NO_REPLY_DAYS) AS due_at) x`)

// pairRow is two ids.
type pairRow struct{ A, B int64 }

func (r *pairRow) fields() []any { return []any{&r.A, &r.B} }

// insertApplication inserts every column of an application but its id.
var insertApplication = "INSERT INTO applications (" + strings.TrimPrefix(applicationColumns, "id, ") + ") VALUES (" +
	strings.Repeat("?, ", strings.Count(applicationColumns, ",")-1) + "?)"

// insert runs q, an INSERT of at most one row into a table whose key is
// id, on the transaction in ctx, and returns the new row's id and whether
// it inserted one. SQLite reports the id with the statement's result, so
// there it is an Exec, which costs the one writer less than reading the
// id back as a row; PostgreSQL returns it (RETURNING).
func (db *DB) insert(ctx context.Context, q string, args ...any) (id int64, inserted bool, err error) {
	if db.postgres {
		ids, err := queryRows[idRow](ctx, db, q+" RETURNING id", args...)
		if err != nil || len(ids) == 0 {
			return 0, false, err
		}
		return int64(ids[0]), true, nil
	}
	args = bindTimes(args)
	if db.traceSQL != nil {
		db.traceSQL(q, args)
	}
	res, err := db.conn(ctx).Statement.ConnPool.ExecContext(ctx, q, args...)
	if err != nil {
		return 0, false, err
	}
	if n, err := res.RowsAffected(); err != nil || n == 0 {
		return 0, false, err
	}
	id, err = res.LastInsertId()
	return id, err == nil, err
}

// GetApplication returns the application with id, or ENOTFOUND. In a
// write transaction on PostgreSQL it locks the row until the transaction
// ends, so every change made from what it read is made from the latest.
func (db *DB) GetApplication(ctx context.Context, id int64) (*applications.Application, error) {
	uid, err := owner(ctx)
	if err != nil {
		return nil, err
	}
	q := "SELECT " + applicationColumns + " FROM applications WHERE id = ? AND owner_id = ?"
	// In a write transaction on PostgreSQL the row is locked until the
	// transaction ends: a read-modify-write there (an edit, a move, a new
	// invitation) then waits for the one before it instead of writing back
	// what that one changed. SQLite needs no lock: its one writer runs
	// IMMEDIATE transactions, one at a time.
	if w, _ := ctx.Value(writeTxKey{}).(bool); w && db.postgres {
		q += " FOR UPDATE"
	}
	row, found, err := queryOne[applicationRow](ctx, db, q, id, uid)
	if err != nil {
		return nil, fmt.Errorf("get application %d: %w", id, err)
	}
	if !found {
		return nil, notFound(id)
	}
	a := row.domain()
	return &a, nil
}

// GetForMove is GetApplication with the time and stage of the
// application's last history entry (nil when it has none, as
// LastHistory), in one statement, whose lock on PostgreSQL is
// GetApplication's: a move's transaction reads once before it writes.
func (db *DB) GetForMove(ctx context.Context, id int64) (*applications.Application, *applications.HistoryEntry, error) {
	uid, err := owner(ctx)
	if err != nil {
		return nil, nil, err
	}
	var row moveRow
	var found bool
	if db.postgres {
		q := getForMovePostgres
		if w, _ := ctx.Value(writeTxKey{}).(bool); w {
			q += " FOR UPDATE OF a"
		}
		row, found, err = queryOne[moveRow](ctx, db, q, id, uid)
	} else {
		row, found, err = queryOne[moveRow](ctx, db, getForMoveSQLite, id, uid)
	}
	if err != nil {
		return nil, nil, fmt.Errorf("get application %d: %w", id, err)
	}
	if !found {
		return nil, nil, notFound(id)
	}
	a := row.domain()
	if row.LastAt == nil {
		return &a, nil, nil
	}
	return &a, &applications.HistoryEntry{ApplicationID: a.ID, To: workflow.State(*row.LastTo), At: row.LastAt.UTC()}, nil
}

// getForMovePostgres is GetForMove's statement on PostgreSQL.
var getForMovePostgres = "SELECT a." + strings.ReplaceAll(applicationColumns, ", ", ", a.") + ", h.at, h.to_status " +
	"FROM applications a LEFT JOIN LATERAL (SELECT at, to_status FROM history WHERE application_id = a.id " +
	"ORDER BY at DESC, id DESC LIMIT 1) h ON true WHERE a.id = ? AND a.owner_id = ?"

// getForMoveSQLite is GetForMove's statement on SQLite, which has no
// LATERAL: the last entry's time and stage are two scalar subqueries
// (each a step back in history_application_at). SQLite prepared a join
// to the last entry (by its id, or a derived table) again on every
// run, which cost more than the read it saved.
var getForMoveSQLite = "SELECT " + applicationColumns + ", " +
	"(SELECT m.at FROM history m WHERE m.application_id = a.id ORDER BY m.at DESC, m.id DESC LIMIT 1), " +
	"(SELECT m.to_status FROM history m WHERE m.application_id = a.id ORDER BY m.at DESC, m.id DESC LIMIT 1) " +
	"FROM applications a WHERE id = ? AND owner_id = " + boundEqOn(false)

// moveRow is an application with the time and stage of its last
// history entry.
type moveRow struct {
	applicationRow
	LastAt *time.Time
	LastTo *string
}

func (r *moveRow) fields() []any { return append(r.applicationRow.fields(), &r.LastAt, &r.LastTo) }

// ListApplications returns up to f.Limit applications after the cursor
// (from the first when nil) in the order f.Sort, filtered by status and
// query.
func (db *DB) ListApplications(ctx context.Context, f applications.ListFilter, after *applications.ListCursor) ([]applications.Summary, error) {
	switch {
	case f.Query == "":
		return db.listPage(ctx, f, after)
	case db.postgres:
		return db.searchPostgres(ctx, f, after)
	case db.fts:
		return db.searchFTS(ctx, f, after)
	}
	return db.searchLike(ctx, f, after)
}

// searchLike is a search on a SQLite build without FTS5: every word must
// occur in one of the columns; LIKE ignores the case of ASCII letters,
// others match as typed. It reads every application of the user.
func (db *DB) searchLike(ctx context.Context, f applications.ListFilter, after *applications.ListCursor) ([]applications.Summary, error) {
	q, err := db.ownedApps(ctx)
	if err != nil {
		return nil, err
	}
	q = db.listOrder(q, f.Sort, after).Limit(f.Limit)
	if f.Status != "" {
		q = q.Where("status = ?", string(f.Status))
	}
	words := searchWords(f.Query)
	if len(words) == 0 {
		return nil, nil // nothing but punctuation: no word to find
	}
	for _, w := range words {
		like := "%" + escapeLike(w) + "%"
		cond := make([]string, len(searchColumns))
		args := make([]any, len(searchColumns))
		for i, c := range searchColumns {
			cond[i], args[i] = c+` LIKE ? ESCAPE '\'`, like
		}
		q = q.Where("("+strings.Join(cond, " OR ")+")", args...)
	}
	cursor, err := q.Select(summaryColumns).Rows()
	if err != nil {
		return nil, fmt.Errorf("list applications: %w", err)
	}
	return scanSummaries(cursor, "list applications")
}

// listOrder orders q by sort and starts it after the cursor, as
// pageOrder says.
func (db *DB) listOrder(q *gorm.DB, sort applications.ListSort, after *applications.ListCursor) *gorm.DB {
	order, cond, args := pageOrder(sort, after)
	if cond != "" {
		q = q.Where(cond, db.argsOn(args)...)
	}
	return q.Order(order)
}

// pageOrder is the order of sort, with the id as the tie-break, and the
// condition that starts a page after the cursor with its arguments (none
// without a cursor): keyset paging, so that no page is skipped or counted
// twice when rows are added between pages. The row comparisons let both
// databases start the page in the index of the order (migration 00042).
func pageOrder(sort applications.ListSort, after *applications.ListCursor) (order, cond string, args []any) {
	switch sort {
	case applications.SortOldest:
		order, cond = "id ASC", "id > ?"
	case applications.SortCompany:
		order, cond = "company ASC, id ASC", "(company, id) > (?, ?)"
	case applications.SortUpdated:
		order, cond = "updated_at DESC, id DESC", "(updated_at, id) < (?, ?)"
	case applications.SortApplied:
		order, cond = "COALESCE(applied_at, created_at) DESC, id DESC", "(COALESCE(applied_at, created_at), id) < (?, ?)"
	default:
		order, cond = "id DESC", "id < ?"
	}
	switch {
	case after == nil:
		cond = ""
	case sort == applications.SortCompany:
		args = []any{after.Key, after.ID}
	case sort == applications.SortUpdated || sort == applications.SortApplied:
		args = []any{after.At, after.ID}
	default:
		args = []any{after.ID}
	}
	return order, cond, args
}

// escapeLike makes s match literally inside a LIKE pattern.
func escapeLike(s string) string {
	return strings.NewReplacer(`\`, `\\`, `%`, `\%`, `_`, `\_`).Replace(s)
}

// UpdateApplication writes the named fields of a and its updated_at, and
// no other column.
func (db *DB) UpdateApplication(ctx context.Context, a *applications.Application, fields []string) error {
	q, err := db.ownedApps(ctx)
	if err != nil {
		return err
	}
	row := toApplicationRow(a)
	// By column, so that the times are bound as stored (times.go).
	values := make(map[string]any, len(fields)+1)
	named := reflect.ValueOf(row.Fields)
	for _, f := range fields {
		v := named.FieldByName(f)
		switch {
		case f == "AppliedAt":
			values["applied_at"] = db.timeArgOrNull(row.AppliedAt)
		case f == "OfferMadeOn":
			values["offer_made_on"] = row.OfferMadeOn
		case !v.IsValid() || v.Kind() != reflect.String:
			return fmt.Errorf("update application %d: %q is not a field to update", a.ID, f)
		default:
			values[q.NamingStrategy.ColumnName("", f)] = v.String()
		}
	}
	values["updated_at"] = db.timeArg(row.UpdatedAt)
	res := q.Where("id = ?", a.ID).Updates(values)
	if res.Error != nil {
		return fmt.Errorf("update application %d: %w", a.ID, res.Error)
	}
	if res.RowsAffected == 0 {
		return notFound(a.ID)
	}
	uid, _ := owner(ctx)
	if slices.ContainsFunc(fields, func(f string) bool { return slices.Contains(searchedFields, f) }) {
		if err := db.writeWords(ctx, uid, a); err != nil {
			return err
		}
	}
	if slices.Contains(fields, "Company") || slices.Contains(fields, "ContactName") {
		return db.addNames(ctx, uid, a.Company, a.ContactName)
	}
	return nil
}

// DeleteApplication removes the application; its invitations, letters and
// history go with it (ON DELETE CASCADE).
func (db *DB) DeleteApplication(ctx context.Context, id int64) error {
	uid, err := owner(ctx)
	if err != nil {
		return err
	}
	res := db.conn(ctx).Where("id = ? AND owner_id = ?", id, uid).Delete(&applicationRow{})
	if res.Error != nil {
		return fmt.Errorf("delete application %d: %w", id, res.Error)
	}
	if res.RowsAffected == 0 {
		return notFound(id)
	}
	return nil
}

// SetStatus moves the application from -> to with a conditional update, so
// that of two writers moving it from the same state only one succeeds.
func (db *DB) SetStatus(ctx context.Context, id int64, from, to workflow.State, at time.Time) error {
	uid, err := owner(ctx)
	if err != nil {
		return err
	}
	n, err := db.exec(ctx, "UPDATE applications SET status = ?, updated_at = ? WHERE id = ? AND owner_id = ? AND status = ?",
		string(to), at.UTC(), id, uid, string(from))
	if err != nil {
		return fmt.Errorf("move application %d: %w", id, err)
	}
	if n == 0 {
		return movedFirst(id)
	}
	return nil
}

// MoveStatus moves application h.ApplicationID from h.From to h.To (see
// SetStatus), setting its updated time to at, and logs h (see AddHistory).
// When h.To is a stage no warning concerns, the application's due time
// goes with it, and settled is true: SetDue with that stage has nothing
// left to do in this transaction. On PostgreSQL that is one statement
// instead of three round trips.
//
// With answer, the application's pending invitation gets answer's
// response: on PostgreSQL in the same statement, a round trip fewer.
func (db *DB) MoveStatus(ctx context.Context, h *applications.HistoryEntry, at time.Time, answer *applications.Answer) (settled bool, err error) {
	settled = dueSQL(dueKey{postgres: db.postgres, one: true, status: string(h.To)}).kinds == 0
	if !db.postgres {
		if answer != nil {
			defer func() {
				if err == nil {
					err = db.AnswerPending(ctx, h.ApplicationID, answer.Response, answer.At)
				}
			}()
		}
		if err := db.SetStatus(ctx, h.ApplicationID, h.From, h.To, at); err != nil {
			return false, err
		}
		// SetStatus found the application the user's: the entry needs
		// no check of its own (AddHistory's).
		id, _, err := db.insert(ctx, insertHistory, h.ApplicationID, string(h.From), string(h.To), h.At.UTC(), h.Note)
		if err != nil {
			return false, fmt.Errorf("add history: %w", err)
		}
		h.ID = id
		if settled {
			uid, _ := owner(ctx)
			return true, db.clearDue(ctx, uid, h.ApplicationID)
		}
		return false, nil
	}
	uid, err := owner(ctx)
	if err != nil {
		return false, err
	}
	i := 0
	if settled {
		i = 1
	}
	q := moveStatusPostgres[i]
	args := []any{string(h.To), at.UTC(), h.ApplicationID, uid, string(h.From)}
	if answer != nil {
		q = moveStatusAnsweringPostgres[i]
		args = append(args, answer.Response, answer.At.UTC(), applications.ResponsePending)
	}
	ids, err := queryRows[idRow](ctx, db, q, append(args, string(h.From), string(h.To), h.At.UTC(), h.Note)...)
	if err != nil {
		return false, fmt.Errorf("move application %d: %w", h.ApplicationID, err)
	}
	if len(ids) == 0 {
		return false, movedFirst(h.ApplicationID)
	}
	h.ID = int64(ids[0])
	return settled, nil
}

// moveStatusPostgres is MoveStatus on PostgreSQL: the move, and its
// history entry when it moved; the second also deletes the due time (of
// the moved row only, so of the owner's). moveStatusAnsweringPostgres are
// the same with answerPendingPostgres.
var (
	moveStatusPostgres = [2]string{
		`WITH m AS (UPDATE applications SET status = ?, updated_at = ? WHERE id = ? AND owner_id = ? AND status = ? RETURNING id)
INSERT INTO history (application_id, from_status, to_status, at, note) SELECT id, ?, ?, ?, ? FROM m RETURNING id`,
		`WITH m AS (UPDATE applications SET status = ?, updated_at = ? WHERE id = ? AND owner_id = ? AND status = ? RETURNING id),
d AS (DELETE FROM warning_due WHERE application_id IN (SELECT id FROM m))
INSERT INTO history (application_id, from_status, to_status, at, note) SELECT id, ?, ?, ?, ? FROM m RETURNING id`,
	}
	moveStatusAnsweringPostgres = [2]string{
		strings.Replace(moveStatusPostgres[0], " RETURNING id)", " RETURNING id),\n"+answerPendingPostgres, 1),
		strings.Replace(moveStatusPostgres[1], " RETURNING id)", " RETURNING id),\n"+answerPendingPostgres, 1),
	}
)

// answerPendingPostgres is the part of moveStatusPostgres (or
// moveStatusClearPostgres) that answers the moved application's pending
// invitation (AnswerPending): its arguments are the response, its time and
// the pending response.
const answerPendingPostgres = `p AS (UPDATE invitations SET response = ?, responded_at = ? WHERE application_id IN (SELECT id FROM m) AND response = ?)`

// movedFirst is the conflict of a move another writer made first.
func movedFirst(id int64) error {
	return &apperr.Error{Code: apperr.ECONFLICT,
		Message: fmt.Sprintf("application %d was changed by someone else while you moved it; reload it and try again", id)}
}

// SetHistoryAt re-dates history entry id of application appID.
func (db *DB) SetHistoryAt(ctx context.Context, appID, id int64, at time.Time) error {
	q, err := db.ofOwnedApp(ctx, &historyRow{}, appID)
	if err != nil {
		return err
	}
	res := q.Where("id = ?", id).Update("at", db.timeArg(at))
	if res.Error != nil {
		return fmt.Errorf("re-date history entry %d: %w", id, res.Error)
	}
	if res.RowsAffected == 0 {
		return notFound(appID)
	}
	return nil
}

// AddHistory records one move, in one statement that inserts it only if
// the application is the user's: every create and move runs it on the one
// SQLite writer, where a separate ownership query would hold it longer.
func (db *DB) AddHistory(ctx context.Context, h *applications.HistoryEntry) error {
	uid, err := owner(ctx)
	if err != nil {
		return err
	}
	id, inserted, err := db.insert(ctx, "INSERT INTO history (application_id, from_status, to_status, at, note) "+
		"SELECT ?, ?, ?, ?, ? WHERE EXISTS (SELECT 1 FROM applications WHERE id = ? AND owner_id = ?)",
		h.ApplicationID, string(h.From), string(h.To), h.At.UTC(), h.Note, h.ApplicationID, uid)
	if err != nil {
		return fmt.Errorf("add history: %w", err)
	}
	if !inserted {
		return notFound(h.ApplicationID)
	}
	h.ID = id
	return nil
}

// insertHistory inserts one history entry, for a caller that found the
// application the user's in the same transaction.
const insertHistory = "INSERT INTO history (application_id, from_status, to_status, at, note) VALUES (?, ?, ?, ?, ?)"

// ListHistory returns an application's moves in the order they happened:
// by their time, then by insertion (backdated entries sort into place).
func (db *DB) ListHistory(ctx context.Context, appID int64) ([]applications.HistoryEntry, error) {
	uid, err := owner(ctx)
	if err != nil {
		return nil, err
	}
	rows, err := queryRows[historyRow](ctx, db, "SELECT "+historyColumns+" FROM history"+ofOwnedAppSQL+" ORDER BY at, id", appID, uid)
	if err != nil {
		return nil, fmt.Errorf("list history: %w", err)
	}
	out := make([]applications.HistoryEntry, len(rows))
	for i, r := range rows {
		out[i] = r.domain()
	}
	return out, nil
}

// HadInterview reports whether the application's history records a move
// to interviewed: one row at most, where ListHistory reads them all.
func (db *DB) HadInterview(ctx context.Context, appID int64) (bool, error) {
	uid, err := owner(ctx)
	if err != nil {
		return false, err
	}
	_, found, err := queryOne[idRow](ctx, db, "SELECT id FROM history"+ofOwnedAppSQL+" AND to_status = ? LIMIT 1",
		appID, uid, string(workflow.Interviewed))
	if err != nil {
		return false, fmt.Errorf("look up an interview: %w", err)
	}
	return found, nil
}

// LastHistory returns the application's last move in ListHistory's order,
// nil when it has none: one row, where ListHistory reads them all.
func (db *DB) LastHistory(ctx context.Context, appID int64) (*applications.HistoryEntry, error) {
	uid, err := owner(ctx)
	if err != nil {
		return nil, err
	}
	row, found, err := queryOne[historyRow](ctx, db, "SELECT "+historyColumns+" FROM history"+ofOwnedAppSQL+" ORDER BY at DESC, id DESC LIMIT 1", appID, uid)
	if err != nil {
		return nil, fmt.Errorf("last history entry: %w", err)
	}
	if !found {
		return nil, nil
	}
	h := row.domain()
	return &h, nil
}
