package storage

import (
	"cmp"
	"context"
	"errors"
	"fmt"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"sync"
	"time"

	"tracker/internal/applications"
	"tracker/internal/decline"
	"tracker/internal/workflow"
)

// The warnings' due times (migration 00040): one row per application that
// has something due, with the times it shows, falls due and turns
// critical, in Unix seconds, which both databases compare and add to
// alike. RefreshDue rewrites them from the rows they derive from, so the
// warnings list is an index range over (owner_id, due_at).

// dueKinds derive the due rows of the applications that match SCOPE from
// their invitations, letters, history and the owner's settings: the same
// rules as the service's warnings (decline.Policy), in SQL, so that one
// statement recomputes a user's rows when their settings change. Each
// kind holds the statuses whose applications it can concern: an
// application's own refresh runs only its status's kind. E(col) is the
// column in Unix seconds; the capitals are dueConstants.
var dueKinds = []struct {
	statuses []string
	sql      string
}{
	{[]string{"invited"}, `
SELECT application_id, owner_id, 'response', invitation_id, due_at, due_at - SOON,
       CASE WHEN interview_at IS NULL THEN NULL
            WHEN interview_at - CRITICAL > due_at THEN interview_at - CRITICAL ELSE due_at END, interview_at
FROM (SELECT a.id AS application_id, a.owner_id, i.id AS invitation_id, E(i.interview_at) AS interview_at,
             COALESCE(E(i.respond_by), E(i.received_at) + 60 * COALESCE(s.response_window_minutes, WINDOW)) AS due_at
      FROM applications a
      JOIN invitations i ON i.application_id = a.id AND i.response = 'pending'
      LEFT JOIN settings s ON s.owner_id = a.owner_id
      WHERE SCOPE AND a.status = 'invited') p`},
	{[]string{"declined"}, `
SELECT application_id, owner_id, 'follow_up', 0, due_at, due_at - SOON, due_at + CRITICAL, NULL
FROM (SELECT a.id AS application_id, a.owner_id,
             E(l.sent_at) + 60 * COALESCE(s.follow_up_after_minutes, FOLLOW_UP) AS due_at
      FROM applications a
      JOIN letters l ON l.application_id = a.id
      LEFT JOIN settings s ON s.owner_id = a.owner_id
      WHERE SCOPE AND a.status = 'declined'
        AND l.id = (SELECT MAX(m.id) FROM letters m WHERE m.application_id = a.id AND m.kind = 'decline')) f`},
	{[]string{"scheduled"}, `
SELECT a.id, a.owner_id, 'interview_passed', i.id, E(i.interview_at), E(i.interview_at), NULL, E(i.interview_at)
FROM applications a
JOIN invitations i ON i.application_id = a.id
WHERE SCOPE AND a.status = 'scheduled' AND i.interview_at IS NOT NULL
  AND i.id = (SELECT MAX(m.id) FROM invitations m WHERE m.application_id = a.id AND m.response = 'accepted')`},
	// Scalar subqueries rather than joins: SQLite runs this one, which
	// every create and most moves refresh, several times faster so.
	{[]string{"applied", "interviewed"}, `
SELECT application_id, owner_id, 'no_reply', 0, due_at, due_at, NULL, NULL
FROM (SELECT a.id AS application_id, a.owner_id,
             (SELECT E(m.at) FROM history m WHERE m.application_id = a.id ORDER BY m.at DESC, m.id DESC LIMIT 1)
               + 86400 * COALESCE((SELECT s.no_reply_days FROM settings s WHERE s.owner_id = a.owner_id), NO_REPLY_DAYS) AS due_at
      FROM applications a
      WHERE SCOPE AND a.status IN ('applied', 'interviewed')) n
WHERE due_at IS NOT NULL`},
}

// dueConstants are the product's defaults for a user without settings,
// and the policy's warning thresholds, in the units dueKinds use, written
// into the statements: they are the same on every call.
func dueConstants() *strings.Replacer {
	st, pol := applications.DefaultSettings(), decline.DefaultPolicy()
	n := func(v int64) string { return strconv.FormatInt(v, 10) }
	return strings.NewReplacer("SOON", n(int64(pol.DueSoonWithin/time.Second)), "CRITICAL", n(int64(pol.CriticalWithin/time.Second)),
		"FOLLOW_UP", n(int64(st.FollowUpAfter/time.Minute)), "WINDOW", n(int64(st.ResponseWindow/time.Minute)),
		"NO_REPLY_DAYS", n(int64(st.NoReplyDays)))
}

// dueKey names one statement of dueSQL.
type dueKey struct {
	postgres, one bool
	status        string
}

var dueSQLs sync.Map // dueKey -> dueStatement

type dueStatement struct {
	sql   string
	kinds int
}

// dueSQL is the statement that inserts the due rows of one status's kind
// (all kinds for ""), for one application (whose owner and id are its
// arguments) or for a whole user (the owner's id once per kind), and how
// many kinds it holds; each is made once.
func dueSQL(key dueKey) dueStatement {
	if s, ok := dueSQLs.Load(key); ok {
		return s.(dueStatement)
	}
	// Unix microseconds (times.go) to whole seconds, rounded down as
	// strftime('%s') and FLOOR do.
	epoch := func(col string) string { return "(" + col + " / 1000000 - (" + col + " % 1000000 < 0))" }
	if key.postgres {
		epoch = func(col string) string { return "CAST(FLOOR(EXTRACT(EPOCH FROM " + col + ")) AS BIGINT)" }
	}
	scope := "a.owner_id = ?"
	if key.one {
		scope += " AND a.id = ?"
	}
	var parts []string
	for _, k := range dueKinds {
		if key.status == "" || slices.Contains(k.statuses, key.status) {
			parts = append(parts, k.sql)
		}
	}
	sql := strings.Join(parts, "\nUNION ALL")
	for _, col := range []string{"i.interview_at", "i.respond_by", "i.received_at", "l.sent_at", "m.at"} {
		sql = strings.ReplaceAll(sql, "E("+col+")", epoch(col))
	}
	sql = dueConstants().Replace(strings.ReplaceAll(sql, "SCOPE", scope))
	if len(parts) > 0 {
		sql = "INSERT INTO warning_due (" + dueColumns + ")" + sql
	}
	s := dueStatement{sql: sql, kinds: len(parts)}
	dueSQLs.Store(key, s)
	return s
}

// dueColumns are the columns dueKinds fill, in their order.
const dueColumns = "application_id, owner_id, kind, invitation_id, due_at, shows_at, critical_at, interview_at"

// RefreshDue rewrites the due times of all the applications of the user
// in ctx (appID zero), or of application appID, from what is stored now.
// The service's writes use SetDue, which knows the status it wrote.
func (db *DB) RefreshDue(ctx context.Context, appID int64) error {
	uid, err := owner(ctx)
	if err != nil {
		return err
	}
	if appID != 0 {
		status, found, err := queryOne[statusRow](ctx, db, "SELECT status FROM applications WHERE id = ? AND owner_id = ?", appID, uid)
		if err != nil {
			return err
		}
		if !found {
			return db.clearDue(ctx, uid, appID)
		}
		return db.SetDue(ctx, appID, workflow.State(status))
	}
	if db.postgres {
		return db.refreshAllDuePostgres(ctx, uid)
	}
	if err := db.clearDue(ctx, uid, 0); err != nil {
		return err
	}
	return db.insertDue(ctx, uid, 0, "")
}

// refreshAllDuePostgres is RefreshDue of all the applications of user uid
// on PostgreSQL, in one statement instead of a delete and an insert (a
// round trip fewer for a change of the settings): the rows the kinds
// compute replace the stored ones of their applications, as in
// replaceDuePostgres, and the stored rows of the other applications go.
// The delete does not see the rows the insert adds (the parts of one
// statement read one snapshot) and keeps those it replaced.
func (db *DB) refreshAllDuePostgres(ctx context.Context, uid int64) error {
	s := dueSQL(dueKey{postgres: true})
	args := make([]any, 0, s.kinds+1)
	for range s.kinds {
		args = append(args, uid)
	}
	if _, err := db.exec(ctx, refreshAllDuePostgres, append(args, uid)...); err != nil {
		return fmt.Errorf("compute due times: %w", err)
	}
	return nil
}

// refreshAllDuePostgres is refreshAllDuePostgres's statement.
var refreshAllDuePostgres = "WITH u AS (" + dueSQL(dueKey{postgres: true}).sql + " ON CONFLICT (application_id) DO UPDATE SET " +
	dueUpdates() + " WHERE warning_due.owner_id = EXCLUDED.owner_id RETURNING application_id) " +
	"DELETE FROM warning_due WHERE owner_id = ? AND application_id NOT IN (SELECT application_id FROM u)"

// dueUpdates sets every column of dueColumns but the key from EXCLUDED,
// for an upsert of due rows.
func dueUpdates() string {
	sets := make([]string, 0, 8)
	for _, c := range strings.Split(dueColumns, ", ")[1:] {
		sets = append(sets, c+" = EXCLUDED."+c)
	}
	return strings.Join(sets, ", ")
}

// SetDue rewrites the due time of application appID, whose status in this
// transaction is status, from what is stored now: its row goes, and the
// one statement of its status's kind, if it has one, writes it again (for
// most statuses none: a move to rejected only deletes). A status that is
// not the stored one writes nothing, as each kind's statement also
// selects the application by status.
func (db *DB) SetDue(ctx context.Context, appID int64, status workflow.State) error {
	uid, err := owner(ctx)
	if err != nil {
		return err
	}
	if db.postgres && dueSQL(dueKey{postgres: true, one: true, status: string(status)}).kinds > 0 {
		return db.replaceDuePostgres(ctx, uid, appID, string(status))
	}
	if err := db.clearDue(ctx, uid, appID); err != nil {
		return err
	}
	return db.insertDue(ctx, uid, appID, string(status))
}

var replaceDueSQLs sync.Map // status -> the statement of replaceDuePostgres

// replaceDuePostgres is SetDue on PostgreSQL of a status that has a kind,
// in one statement instead of a delete and an insert: the row its kind
// computes replaces the stored one (application_id is the key), and the
// stored one goes when it computes none, so the two parts never touch the
// same row.
func (db *DB) replaceDuePostgres(ctx context.Context, uid, appID int64, status string) error {
	s := dueSQL(dueKey{postgres: true, one: true, status: status})
	q, ok := replaceDueSQLs.Load(status)
	if !ok {
		q = "WITH u AS (" + s.sql + " ON CONFLICT (application_id) DO UPDATE SET " +
			dueUpdates() + " WHERE warning_due.owner_id = EXCLUDED.owner_id RETURNING 1) " +
			"DELETE FROM warning_due WHERE application_id = ? AND owner_id = ? AND NOT EXISTS (SELECT 1 FROM u)"
		replaceDueSQLs.Store(status, q)
	}
	args := make([]any, 0, 2*s.kinds+2)
	for range s.kinds {
		args = append(args, uid, appID)
	}
	if _, err := db.exec(ctx, q.(string), append(args, appID, uid)...); err != nil {
		return fmt.Errorf("compute due times: %w", err)
	}
	return nil
}

// clearDue deletes the due rows of application appID of user uid, or of
// all the user's applications when appID is zero.
func (db *DB) clearDue(ctx context.Context, uid, appID int64) error {
	q, args := "DELETE FROM warning_due WHERE owner_id = ?", []any{uid}
	if appID != 0 {
		q, args = "DELETE FROM warning_due WHERE application_id = ? AND owner_id = ?", []any{appID, uid}
	}
	if _, err := db.exec(ctx, q, args...); err != nil {
		return fmt.Errorf("clear due times: %w", err)
	}
	return nil
}

// AddDue writes the due time of application appID, new in this
// transaction with status: one statement, as it has no row to clear.
func (db *DB) AddDue(ctx context.Context, appID int64, status workflow.State) error {
	uid, err := owner(ctx)
	if err != nil {
		return err
	}
	return db.insertDue(ctx, uid, appID, string(status))
}

// insertDue inserts the due rows of application appID of user uid, whose
// status is status, or of all the user's applications when appID is zero.
func (db *DB) insertDue(ctx context.Context, uid, appID int64, status string) error {
	key, args := dueKey{postgres: db.postgres, one: appID != 0, status: status}, []any{uid}
	if appID != 0 {
		args = append(args, appID)
	}
	s := dueSQL(key)
	if s.kinds == 0 {
		return nil
	}
	all := make([]any, 0, s.kinds*len(args))
	for range s.kinds {
		all = append(all, args...)
	}
	if _, err := db.exec(ctx, s.sql, all...); err != nil {
		return fmt.Errorf("compute due times: %w", err)
	}
	return nil
}

// statusRow is an application's status.
type statusRow string

func (r *statusRow) fields() []any { return []any{(*string)(r)} }

// exec runs q (with ? placeholders) on the transaction in ctx, or the
// writer pool, and returns how many rows it changed.
func (db *DB) exec(ctx context.Context, q string, args ...any) (int64, error) {
	if db.postgres {
		q = numberedPlaceholders(q)
	}
	args = db.argsOn(args)
	if db.traceSQL != nil {
		db.traceSQL(q, args)
	}
	res, err := db.conn(ctx).Statement.ConnPool.ExecContext(ctx, q, args...)
	if err != nil {
		return 0, err
	}
	return res.RowsAffected()
}

// dueRow is one due time with what the warnings list shows of its
// application.
type dueRow struct {
	Class         int
	ApplicationID int64
	InvitationID  int64
	Kind          string
	DueAt         int64
	InterviewAt   *int64
	Company       string
	Role          string
	Status        string
	AppliedAt     *time.Time
}

// dueRowColumns are the columns dueRow.fields scans.
const dueRowColumns = "w.application_id, w.invitation_id, w.kind, w.due_at, w.interview_at, a.company, a.role, a.status, a.applied_at"

func (r *dueRow) fields() []any {
	return []any{&r.Class, &r.ApplicationID, &r.InvitationID, &r.Kind, &r.DueAt, &r.InterviewAt, &r.Company, &r.Role, &r.Status, &r.AppliedAt}
}

// dueSettingsRow is a dueRow with the user's stored no-reply days, NULL
// when they saved no settings.
type dueSettingsRow struct {
	dueRow
	NoReplyDays *int
}

func (r *dueSettingsRow) fields() []any { return append(r.dueRow.fields(), &r.NoReplyDays) }

// dueClasses are the conditions that select the rows of one severity at
// @now, and of all that show, exactly as decline.Policy draws the lines
// (times are whole seconds): critical once now is past critical_at;
// overdue once past the due time (a no-reply at it), until critical; due
// soon from shows_at to the due time inclusive. Each is a range of the
// index over (owner_id, due_at), whose other columns hold the rest of the
// condition, so a page never reads the rows it skips.
var dueClasses = map[decline.Severity]string{
	"":               "w.due_at <= @soon_end AND (w.shows_at < @now OR (w.shows_at = @now AND w.kind <> 'interview_passed'))",
	decline.Critical: "w.due_at < @now AND w.critical_at < @now",
	decline.Overdue:  "w.due_at <= @now AND (w.due_at < @now OR w.kind = 'no_reply') AND (w.critical_at IS NULL OR w.critical_at >= @now)",
	decline.DueSoon:  "w.due_at >= @now AND w.due_at <= @soon_end AND w.shows_at <= @now AND w.kind IN ('response', 'follow_up')",
}

// ListDue returns the due times q selects, in the order of due time, then
// application id: an index range over (owner_id, due_at).
func (db *DB) ListDue(ctx context.Context, q applications.DueQuery) ([]applications.Due, error) {
	l, err := db.listDue(ctx, q, []decline.Severity{q.Severity}, false)
	return l.Dues, err
}

// ListDueClasses returns the due times of each of q.Classes in turn, as
// the warnings list pages them, with the user's stored settings, in one
// statement (see applications.Store).
func (db *DB) ListDueClasses(ctx context.Context, q applications.DueQuery) (applications.DueList, error) {
	classes := q.Classes
	if len(classes) == 0 {
		classes = []decline.Severity{q.Severity}
	}
	return db.listDue(ctx, q, classes, true)
}

// listDue reads the due times of classes (severities): one range of the
// index over (owner_id, due_at) for each, the first after q.After, as
// one statement. With more than one, the ranges are merged in the order
// of class, due time and application id, which each range has of
// itself: each database merges them without sorting and stops reading
// at the limit. With settings, each row also carries the user's
// no-reply days (NULL when they saved no settings), which the warnings
// need, so that the settings cost no statement of their own.
func (db *DB) listDue(ctx context.Context, q applications.DueQuery, classes []decline.Severity, settings bool) (applications.DueList, error) {
	uid, err := owner(ctx)
	if err != nil {
		return applications.DueList{}, err
	}
	sql, args, err := db.dueListSQL(uid, q, classes, settings)
	if err != nil {
		return applications.DueList{}, err
	}
	rows, err := db.readQuery(ctx, sql, args...)
	if err != nil {
		return applications.DueList{}, fmt.Errorf("list due times: %w", err)
	}
	out := applications.DueList{Dues: make([]applications.Due, 0, max(q.Limit, 0))}
	var last dueRow // the key of the row before
	unordered := false
	add := func(r *dueRow) {
		if len(out.Dues) > 0 && cmp.Or(cmp.Compare(last.Class, r.Class), cmp.Compare(last.DueAt, r.DueAt), cmp.Compare(last.ApplicationID, r.ApplicationID)) >= 0 {
			unordered = true
		}
		last.Class, last.DueAt, last.ApplicationID = r.Class, r.DueAt, r.ApplicationID
		out.Dues = append(out.Dues, applications.Due{ApplicationID: r.ApplicationID, InvitationID: r.InvitationID, Kind: r.Kind,
			DueAt: time.Unix(r.DueAt, 0).UTC(), InterviewAt: unixTime(r.InterviewAt),
			Company: r.Company, Role: r.Role, Status: workflow.State(r.Status), AppliedAt: utc(r.AppliedAt), Class: r.Class})
	}
	if settings {
		err = eachRow(rows, func(r *dueSettingsRow) {
			add(&r.dueRow)
			if r.NoReplyDays != nil {
				out.NoReplyDays = *r.NoReplyDays
			}
		})
	} else {
		err = eachRow(rows, add)
	}
	if err == nil && unordered && len(classes) > 1 {
		// Neither database does (TestDueRangesInTurn); a page read
		// so would repeat or skip rows.
		err = errors.New("the database returned the ranges out of turn")
	}
	if err != nil {
		return applications.DueList{}, fmt.Errorf("list due times: %w", err)
	}
	return out, nil
}

// dueListSQL is the statement of listDue, and its arguments.
func (db *DB) dueListSQL(uid int64, q applications.DueQuery, classes []decline.Severity, settings bool) (string, []any, error) {
	now := q.Now.Unix()
	named := map[string]any{"owner": uid, "now": now, "soon_end": now + int64(decline.DefaultPolicy().DueSoonWithin/time.Second)}
	eq := strings.TrimSuffix(db.boundEq(), "?") // before a named parameter
	var filter string
	switch len(q.Applications) {
	case 0:
	case 1:
		filter += " AND w.application_id = " + eq + "@app"
		named["app"] = q.Applications[0]
	default:
		filter += " AND w.application_id IN (@apps)"
		named["apps"] = q.Applications
	}
	if q.Kind != "" {
		filter += " AND w.kind = " + eq + "@kind"
		named["kind"] = q.Kind
	}
	columns := dueRowColumns
	if settings {
		columns += ", (SELECT s.no_reply_days FROM settings s WHERE s.owner_id = " + eq + "@owner)"
	}
	arms := make([]string, len(classes))
	for i, sev := range classes {
		class, ok := dueClasses[sev]
		if !ok {
			return "", nil, fmt.Errorf("list due times: no severity %q", sev)
		}
		arms[i] = "SELECT " + strconv.Itoa(i) + " AS class, " + columns +
			" FROM warning_due w JOIN applications a ON a.id = w.application_id WHERE w.owner_id = " + eq + "@owner AND " + class + filter
		if i == 0 && q.After != nil {
			arms[i] += " AND (w.due_at, w.application_id) > (@after_due, @after_id)"
			named["after_due"], named["after_id"] = q.After.DueAt.Unix(), q.After.ApplicationID
		}
	}
	limit := ""
	if q.Limit > 0 {
		limit = " LIMIT " + strconv.Itoa(q.Limit)
	}
	sql := arms[0] + " ORDER BY w.due_at, w.application_id" + limit
	if len(arms) > 1 {
		// Each range in its own order up to the limit, one after the
		// other: both databases run the parts of a UNION ALL in turn
		// (SQLite's compound select, PostgreSQL's Append) and stop at the
		// limit before they start those the page does not reach. An ORDER
		// BY of the whole would have SQLite sort each range (the class is
		// a constant in each, which its planner does not see) and
		// PostgreSQL read every range to its end to sort them. The rows'
		// order is checked as they are read.
		for i := range arms {
			arms[i] = "SELECT * FROM (" + arms[i] + " ORDER BY w.due_at, w.application_id" + limit + ")"
			if db.postgres { // which wants a name for each
				arms[i] += " r" + strconv.Itoa(i)
			}
		}
		sql = strings.Join(arms, " UNION ALL ") + limit
	}
	sql, args := positional(sql, named)
	return sql, args, nil
}

// namedParam is a named parameter of a statement: @ and a name.
var namedParam = regexp.MustCompile(`@\w+`)

// positional turns each named parameter of q into a ? and returns the
// values, in order, that named holds for them; a list of ids becomes one
// ? per id.
func positional(q string, named map[string]any) (string, []any) {
	var args []any
	q = namedParam.ReplaceAllStringFunc(q, func(p string) string {
		if ids, ok := named[p[1:]].([]int64); ok {
			for _, id := range ids {
				args = append(args, id)
			}
			return strings.Repeat("?, ", len(ids)-1) + "?"
		}
		args = append(args, named[p[1:]])
		return "?"
	})
	return q, args
}

func unixTime(s *int64) *time.Time {
	if s == nil {
		return nil
	}
	t := time.Unix(*s, 0).UTC()
	return &t
}
