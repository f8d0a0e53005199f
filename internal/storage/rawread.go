package storage

import (
	"context"
	"database/sql"
	"fmt"
	"strconv"
	"strings"
	"time"

	"tracker/internal/applications"
	"tracker/internal/workflow"
)

// The reads that every request makes (an application with its
// invitations, history and letters, the settings and the profile, a page
// of the list) are fixed statements run on the transaction's connection
// and scanned field by field into the row types: GORM's query building and
// reflection cost more than SQLite takes to answer them. The row types
// list their columns and the fields those go into, in one order, next to
// each other so that they cannot drift apart.

// applicationColumns are the columns applicationRow.fields scans.
const applicationColumns = "id, owner_id, company, role, location, job_url, source, contact_name, " +
	"contact_kind, contact_title, greeting_name, contact_email, notes, applied_at, offer_made_on, status, created_at, updated_at"

// summaryRow is an application as a list shows it (applications.Summary),
// and summaryColumns its columns: a page reads no more of a row than it
// shows.
type summaryRow struct {
	ID                   int64
	Company, Role        string
	Status               string
	AppliedAt            *time.Time
	CreatedAt, UpdatedAt time.Time
}

const summaryColumns = "id, company, role, status, applied_at, created_at, updated_at"

func (r *summaryRow) fields() []any {
	return []any{&r.ID, &r.Company, &r.Role, &r.Status, &r.AppliedAt, &r.CreatedAt, &r.UpdatedAt}
}

// domain returns the row as a summary. The summary takes the row's own
// applied time, put in UTC, rather than a copy: eachRow scans each row's
// into a new one (nullTimeColumn), and a page reads 50.
func (r *summaryRow) domain() applications.Summary {
	if r.AppliedAt != nil {
		*r.AppliedAt = r.AppliedAt.UTC()
	}
	return applications.Summary{ID: r.ID, Company: r.Company, Role: r.Role, Status: workflow.State(r.Status),
		AppliedAt: r.AppliedAt, CreatedAt: r.CreatedAt.UTC(), UpdatedAt: r.UpdatedAt.UTC()}
}

// scanSummaries scans the summaries of rows and closes it; what names the
// read in an error.
func scanSummaries(rows *sql.Rows, what string) ([]applications.Summary, error) {
	var out []applications.Summary
	if err := eachRow(rows, func(r *summaryRow) { out = append(out, r.domain()) }); err != nil {
		return nil, fmt.Errorf("%s: %w", what, err)
	}
	return out, nil
}

func (r *applicationRow) fields() []any {
	return []any{&r.ID, &r.OwnerID, &r.Company, &r.Role, &r.Location, &r.JobURL, &r.Source, &r.ContactName,
		&r.ContactKind, &r.ContactTitle, &r.GreetingName, &r.ContactEmail, &r.Notes, &r.AppliedAt, &r.OfferMadeOn, &r.Status,
		&r.CreatedAt, &r.UpdatedAt}
}

const invitationColumns = "id, application_id, received_at, respond_by, interview_at, format, round, message, response, " +
	"responded_at, origin_uid, origin_sequence, origin_summary, origin_organizer, origin_attendees, origin_message_id, origin_subject"

func (r *invitationRow) fields() []any {
	return []any{&r.ID, &r.ApplicationID, &r.ReceivedAt, &r.RespondBy, &r.InterviewAt, &r.Format, &r.Round, &r.Message,
		&r.Response, &r.RespondedAt, &r.OriginUID, &r.OriginSequence, &r.OriginSummary, &r.OriginOrganizer,
		&r.OriginAttendees, &r.OriginMessageID, &r.OriginSubject}
}

const historyColumns = "id, application_id, from_status, to_status, at, note"

func (r *historyRow) fields() []any {
	return []any{&r.ID, &r.ApplicationID, &r.FromStatus, &r.ToStatus, &r.At, &r.Note}
}

const letterColumns = "id, application_id, kind, reason, reason_detail, channel, tone, sender_name, subject, body, voicemail, " +
	"detail, offer, variant, checks, sent_at, created_at"

func (r *letterRow) fields() []any {
	return []any{&r.ID, &r.ApplicationID, &r.Kind, &r.Reason, &r.ReasonDetail, &r.Channel, &r.Tone, &r.SenderName,
		&r.Subject, &r.Body, &r.Voicemail, &r.Detail, &r.Offer, &r.Variant, checksColumn{r}, &r.SentAt, &r.CreatedAt}
}

const settingsColumns = "owner_id, response_window_minutes, follow_up_after_minutes, no_reply_days, time_zone, " +
	"default_tone, default_channel, updated_at"

func (r *settingsRow) fields() []any {
	return []any{&r.OwnerID, &r.ResponseWindowMinutes, &r.FollowUpAfterMinutes, &r.NoReplyDays, &r.TimeZone,
		&r.DefaultTone, &r.DefaultChannel, &r.UpdatedAt}
}

const profileColumns = "owner_id, name, email, phone, link, updated_at"

func (r *profileRow) fields() []any {
	return []any{&r.OwnerID, &r.Name, &r.Email, &r.Phone, &r.Link, &r.UpdatedAt}
}

// ofOwnedAppSQL limits a query of an application's rows to an application
// of the user in the context: its arguments are the application's id and
// the user's.
const ofOwnedAppSQL = " WHERE application_id = (SELECT id FROM applications WHERE id = ? AND owner_id = ?)"

// query runs q (with ? placeholders) on the transaction in ctx, or the
// writer pool.
func (db *DB) query(ctx context.Context, q string, args ...any) (*sql.Rows, error) {
	if db.postgres {
		q = numberedPlaceholders(q)
	}
	args = db.argsOn(args)
	if db.traceSQL != nil {
		db.traceSQL(q, args)
	}
	return db.conn(ctx).Statement.ConnPool.QueryContext(ctx, q, args...)
}

// numberedPlaceholders turns each ? of q into PostgreSQL's $1, $2, ...
// The statements given to query hold no ? inside a string.
func numberedPlaceholders(q string) string {
	var b strings.Builder
	n := 0
	for {
		i := strings.IndexByte(q, '?')
		if i < 0 {
			b.WriteString(q)
			return b.String()
		}
		n++
		b.WriteString(q[:i])
		b.WriteString("$" + strconv.Itoa(n))
		q = q[i+1:]
	}
}

// queryRows runs q and scans every row into a T.
func queryRows[T any, P interface {
	*T
	fields() []any
}](ctx context.Context, db *DB, q string, args ...any) ([]T, error) {
	rows, err := db.query(ctx, q, args...)
	if err != nil {
		return nil, err
	}
	return scanRows[T, P](rows)
}

// scanRows scans every row of rows into a T and closes rows.
func scanRows[T any, P interface {
	*T
	fields() []any
}](rows *sql.Rows) ([]T, error) {
	var out []T
	err := eachRow[T, P](rows, func(r *T) { out = append(out, *r) })
	return out, err
}

// eachRow scans every row of rows into one T, which it hands to f before
// it scans the next row, and closes rows. The T and its list of fields are
// made once, not once a row.
func eachRow[T any, P interface {
	*T
	fields() []any
}](rows *sql.Rows, f func(r *T)) error {
	defer rows.Close()
	var r, zero T
	fields := scanColumns(P(&r).fields())
	for rows.Next() {
		r = zero
		if err := rows.Scan(fields...); err != nil {
			return err
		}
		f(&r)
	}
	return rows.Err()
}

// queryOne runs q, which selects by a unique key, and scans its row into
// a T; found is false when there is none.
func queryOne[T any, P interface {
	*T
	fields() []any
}](ctx context.Context, db *DB, q string, args ...any) (r T, found bool, err error) {
	rows, err := queryRows[T, P](ctx, db, q, args...)
	if err != nil || len(rows) == 0 {
		return r, false, err
	}
	return rows[0], true, nil
}

// listPage is ListApplications without a query: one statement, which
// needs no transaction around it, in the order pageOrder gives, scanned
// into one row value with its list of fields made once.
func (db *DB) listPage(ctx context.Context, f applications.ListFilter, after *applications.ListCursor) ([]applications.Summary, error) {
	uid, err := owner(ctx)
	if err != nil {
		return nil, err
	}
	order, cond, cargs := pageOrder(f.Sort, after)
	mine := "owner_id = " + db.boundEq()
	if db.postgres {
		mine, order = ownerFirst(order)
	}
	q := "SELECT " + summaryColumns + " FROM applications WHERE " + mine
	args := []any{uid}
	if f.Status != "" {
		q += " AND status = " + db.boundEq()
		args = append(args, string(f.Status))
	}
	if cond != "" {
		q, args = q+" AND "+cond, append(args, cargs...)
	}
	// The LIMIT is written in, not bound, as search's are: SQLite prepares
	// a statement with a bound LIMIT again on each use.
	q += " ORDER BY " + order + " LIMIT " + strconv.Itoa(f.Limit)
	// A page is a short read (see shortRead): an index range of at most
	// a page's rows, in every order and stage (the owner's index of the
	// order, or of the stage and the order, migration 00082).
	if ctx, err = db.shortRead(ctx); err != nil {
		return nil, fmt.Errorf("list applications: %w", err)
	}
	rows, err := db.readQuery(ctx, q, args...)
	if err != nil {
		return nil, fmt.Errorf("list applications: %w", err)
	}
	out := make([]applications.Summary, 0, f.Limit)
	if err := eachRow(rows, func(r *summaryRow) { out = append(out, r.domain()) }); err != nil {
		return nil, fmt.Errorf("list applications: %w", err)
	}
	return out, nil
}

// ownerFirst is the condition on the owner and the order of a PostgreSQL
// page in order (pageOrder) that only an index with the owner in front
// serves, whatever the statistics say. Newest or oldest first, with
// owner_id = ?, the planner may walk the primary key and filter out the
// other users' rows: it does when the user owns most of the table, as if
// the rows were spread evenly, and when they come after the others' that
// walk reads all of those (260-490 ms for the first page of a user with
// 1,000,000 applications after 1,000,000 others). Ordering by owner_id
// first does not help with =, which makes owner_id a constant that the
// planner drops from the order; = ANY of a one-element array is not
// such a constant (PostgreSQL keeps it as it is written), is estimated
// from the owner's own statistics all the same, and is an index
// condition on the leading column, which keeps the index's order.
// So the order (owner_id, id) comes only from (owner_id, id), or from
// (owner_id, status, id) for a stage, never from the primary key. The
// other orders begin with a column only the owner's indexes hold.
func ownerFirst(order string) (cond, ownerOrder string) {
	cond, ownerOrder = "owner_id = ?", order
	if dir, ok := strings.CutPrefix(order, "id "); ok {
		cond, ownerOrder = "owner_id = ANY(ARRAY[CAST(? AS bigint)])", "owner_id "+dir+", "+order
	}
	return cond, ownerOrder
}

// boundEq is the right side of column = ? in a read that SQLite runs on
// every request. A bare ? compared with a column that some plan the
// planner weighs would filter on (the owner of a row found by its id, say)
// marks the statement to be prepared again whenever that value is cleared
// or changes between small and other integers (whether it is 0 or 1 sways
// the planner's guess of the rows that pass); the driver clears the values
// of every statement it takes back into its cache, so each such read was
// prepared afresh (a sixth of the instructions of a GET by id). A unary
// plus leaves the value and its affinity as they are and keeps the term an
// index's, but is not a bare parameter. PostgreSQL prepares its own way
// and could not tell the type of +$1.
//
// The rule, for any statement a request runs through the readers' cache
// (readQuery, queryOne, queryRows): each column = value in its WHERE, its
// subqueries and its joins' conditions compares with boundEq, not ?. Not
// with a column a partial index's WHERE names with = a constant (response
// = 'pending'): that index is used only for a bare ? (and then the
// statement is prepared again for each value too). LIKE with a bound
// pattern marks a statement the same way, which +? does not help. The
// writer keeps its statements in the same kind of cache; a create's and a
// move's are not prepared again (none of their compares sways a plan),
// but a join to a row chosen by a correlated subquery was, whatever its
// compares (see getForMoveSQLite). Counting calls of sqlite3Reprepare
// under callgrind per request of BenchmarkServe, or per write of
// BenchmarkWrites with -writers=1, finds a statement that breaks the rule.
func (db *DB) boundEq() string { return boundEqOn(db.postgres) }

// boundEqOn is boundEq where a statement is built once for each kind of
// database rather than for db (the names lookup's).
func boundEqOn(postgres bool) string {
	if postgres {
		return "?"
	}
	return "+?"
}

// boundEqStatement is a statement that ends in "column = ", completed
// with boundEqOn for SQLite ([0]) and for PostgreSQL ([1]) once, when the
// program starts, rather than on every call.
type boundEqStatement [2]string

// endsInBoundEq completes q, which ends in "column = ", for both databases.
func endsInBoundEq(q string) boundEqStatement {
	return boundEqStatement{q + boundEqOn(false), q + boundEqOn(true)}
}

// on returns the statement as db runs it.
func (s *boundEqStatement) on(db *DB) string {
	if db.postgres {
		return s[1]
	}
	return s[0]
}

// readQuery runs q (with ? placeholders), a read of one statement, on the
// transaction in ctx or else on the readers.
func (db *DB) readQuery(ctx context.Context, q string, args ...any) (*sql.Rows, error) {
	if db.postgres {
		q = numberedPlaceholders(q)
	}
	args = db.argsOn(args)
	if db.traceSQL != nil {
		db.traceSQL(q, args)
	}
	return db.readConn(ctx).QueryContext(ctx, q, args...)
}

// idRow is the id a statement returns.
type idRow int64

func (r *idRow) fields() []any { return []any{(*int64)(r)} }

// scanColumns returns fields, a row's list of fields, ready for Scan: each
// time is read by a timeColumn, each int64 by an int64Column, the others
// as they are.
func scanColumns(fields []any) []any {
	for i, f := range fields {
		switch p := f.(type) {
		case *int64:
			fields[i] = int64Column{p}
		case *time.Time:
			fields[i] = timeColumn{p}
		case **time.Time:
			fields[i] = nullTimeColumn{p}
		}
	}
	return fields
}

// int64Column scans an integer column into an int64 as database/sql does,
// but without the reflection database/sql takes for a destination it has
// no case of, as *int64: for the id of each of a list page's 50 rows.
type int64Column struct{ dst *int64 }

// Scan reads src, an integer as both drivers hand one over.
func (c int64Column) Scan(src any) error {
	v, ok := src.(int64)
	if !ok {
		return fmt.Errorf("an integer column holds %T, not an integer", src)
	}
	*c.dst = v
	return nil
}

// timeColumn scans a time column into a time.Time: Unix microseconds on
// SQLite (see times.go), a time.Time as the driver reads it on
// PostgreSQL, or the text a column of SQLite's that still stores text
// holds (the settings', the sessions'), read as the SQLite driver reads a
// time column but without an allocation (parseTime).
type timeColumn struct{ dst *time.Time }

// Scan reads src, which is not NULL.
func (c timeColumn) Scan(src any) error {
	t, err := scanTime(src)
	if err == nil {
		*c.dst = t
	}
	return err
}

// nullTimeColumn is a timeColumn that may be NULL, read as no time.
type nullTimeColumn struct{ dst **time.Time }

// Scan reads src: NULL is no time.
func (c nullTimeColumn) Scan(src any) error {
	if src == nil {
		*c.dst = nil
		return nil
	}
	t, err := scanTime(src)
	if err == nil {
		*c.dst = &t
	}
	return err
}

// scanTime reads a time column's value: an integer as Unix microseconds,
// a time.Time as it is, text as the SQLite driver reads a column declared
// as a time (the first of its formats that fits, else the zero time).
func scanTime(src any) (time.Time, error) {
	switch v := src.(type) {
	case int64:
		return timeOfMicros(v), nil
	case time.Time:
		return v, nil
	case string:
		t, _ := parseTime(v)
		return t, nil
	case []byte:
		t, _ := parseTime(string(v))
		return t, nil
	}
	return time.Time{}, fmt.Errorf("a time column holds %T, not a time", src)
}
