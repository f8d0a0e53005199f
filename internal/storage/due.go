package storage

import (
	"context"
	"fmt"
	"strings"
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

// dueSelect derives the due rows of the applications that match scope
// from their invitations, letters, history and the owner's settings: the
// same rules as the service's warnings (decline.Policy), in SQL, so that
// one statement recomputes a user's rows when their settings change.
// epoch converts a timestamp column to Unix seconds in the dialect.
func dueSelect(epoch func(string) string, scope string) string {
	r := strings.NewReplacer("E(received_at)", epoch("i.received_at"), "E(respond_by)", epoch("i.respond_by"),
		"E(interview_at)", epoch("i.interview_at"), "E(sent_at)", epoch("l.sent_at"), "E(at)", epoch("h.at"), "SCOPE", scope)
	return r.Replace(`
SELECT application_id, owner_id, 'response', invitation_id, due_at, due_at - @soon,
       CASE WHEN interview_at IS NULL THEN NULL
            WHEN interview_at - @critical > due_at THEN interview_at - @critical ELSE due_at END, interview_at
FROM (SELECT a.id AS application_id, a.owner_id, i.id AS invitation_id, E(interview_at) AS interview_at,
             COALESCE(E(respond_by), E(received_at) + 60 * COALESCE(s.response_window_minutes, @window)) AS due_at
      FROM applications a
      JOIN invitations i ON i.application_id = a.id AND i.response = 'pending'
      LEFT JOIN settings s ON s.owner_id = a.owner_id
      WHERE SCOPE AND a.status = 'invited') p
UNION ALL
SELECT application_id, owner_id, 'follow_up', 0, due_at, due_at - @soon, due_at + @critical, NULL
FROM (SELECT a.id AS application_id, a.owner_id,
             E(sent_at) + 60 * COALESCE(s.follow_up_after_minutes, @follow_up) AS due_at
      FROM applications a
      JOIN letters l ON l.application_id = a.id
      LEFT JOIN settings s ON s.owner_id = a.owner_id
      WHERE SCOPE AND a.status = 'declined'
        AND l.id = (SELECT MAX(m.id) FROM letters m WHERE m.application_id = a.id AND m.kind = 'decline')) f
UNION ALL
SELECT a.id, a.owner_id, 'interview_passed', i.id, E(interview_at), E(interview_at), NULL, E(interview_at)
FROM applications a
JOIN invitations i ON i.application_id = a.id
WHERE SCOPE AND a.status = 'scheduled' AND i.interview_at IS NOT NULL
  AND i.id = (SELECT MAX(m.id) FROM invitations m WHERE m.application_id = a.id AND m.response = 'accepted')
UNION ALL
SELECT application_id, owner_id, 'no_reply', 0, due_at, due_at, NULL, NULL
FROM (SELECT a.id AS application_id, a.owner_id,
             E(at) + 86400 * COALESCE(s.no_reply_days, @no_reply_days) AS due_at
      FROM applications a
      JOIN history h ON h.application_id = a.id
      LEFT JOIN settings s ON s.owner_id = a.owner_id
      WHERE SCOPE AND a.status IN ('applied', 'interviewed')
        AND h.id = (SELECT m.id FROM history m WHERE m.application_id = a.id ORDER BY m.at DESC, m.id DESC LIMIT 1)) n`)
}

// dueColumns are the columns dueSelect fills, in its order.
const dueColumns = "application_id, owner_id, kind, invitation_id, due_at, shows_at, critical_at, interview_at"

func sqliteEpoch(col string) string { return "CAST(strftime('%s', " + col + ") AS INTEGER)" }

func postgresEpoch(col string) string {
	return "CAST(FLOOR(EXTRACT(EPOCH FROM " + col + ")) AS BIGINT)"
}

// dueArgs are the product's defaults for a user without settings, and
// the policy's warning thresholds, in the units dueSelect uses.
func dueArgs(args map[string]any) map[string]any {
	st, pol := applications.DefaultSettings(), decline.DefaultPolicy()
	args["soon"] = int64(pol.DueSoonWithin / time.Second)
	args["critical"] = int64(pol.CriticalWithin / time.Second)
	args["window"] = int64(st.ResponseWindow / time.Minute)
	args["follow_up"] = int64(st.FollowUpAfter / time.Minute)
	args["no_reply_days"] = st.NoReplyDays
	return args
}

// RefreshDue rewrites the due times of application appID of the user in
// ctx, or of all their applications when appID is zero, from what is
// stored now: every write that can change a warning calls it in its
// transaction.
func (db *DB) RefreshDue(ctx context.Context, appID int64) error {
	uid, err := owner(ctx)
	if err != nil {
		return err
	}
	args := dueArgs(map[string]any{"owner": uid, "app": appID})
	del, scope := "DELETE FROM warning_due WHERE owner_id = @owner", "a.owner_id = @owner"
	if appID != 0 {
		del, scope = del+" AND application_id = @app", scope+" AND a.id = @app"
	}
	epoch := sqliteEpoch
	if db.postgres {
		epoch = postgresEpoch
	}
	tx := db.conn(ctx)
	if err := tx.Exec(del, args).Error; err != nil {
		return fmt.Errorf("clear due times: %w", err)
	}
	if err := tx.Exec("INSERT INTO warning_due ("+dueColumns+")"+dueSelect(epoch, scope), args).Error; err != nil {
		return fmt.Errorf("compute due times: %w", err)
	}
	return nil
}

// dueRow is one due time with what the warnings list shows of its
// application.
type dueRow struct {
	ApplicationID int64
	InvitationID  int64
	Kind          string
	DueAt         int64
	InterviewAt   *int64
	Company       string
	Role          string
	Status        string
}

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
	uid, err := owner(ctx)
	if err != nil {
		return nil, err
	}
	class, ok := dueClasses[q.Severity]
	if !ok {
		return nil, fmt.Errorf("list due times: no severity %q", q.Severity)
	}
	now := q.Now.Unix()
	args := map[string]any{"owner": uid, "now": now, "soon_end": now + int64(decline.DefaultPolicy().DueSoonWithin/time.Second)}
	sql := `SELECT w.application_id, w.invitation_id, w.kind, w.due_at, w.interview_at, a.company, a.role, a.status
FROM warning_due w JOIN applications a ON a.id = w.application_id
WHERE w.owner_id = @owner AND ` + class
	if q.After != nil {
		sql += " AND (w.due_at, w.application_id) > (@after_due, @after_id)"
		args["after_due"], args["after_id"] = q.After.DueAt.Unix(), q.After.ApplicationID
	}
	sql += " ORDER BY w.due_at, w.application_id"
	if q.Limit > 0 {
		sql += fmt.Sprintf(" LIMIT %d", q.Limit)
	}
	var rows []dueRow
	if err := db.conn(ctx).Raw(sql, args).Scan(&rows).Error; err != nil {
		return nil, fmt.Errorf("list due times: %w", err)
	}
	out := make([]applications.Due, len(rows))
	for i, r := range rows {
		out[i] = applications.Due{ApplicationID: r.ApplicationID, InvitationID: r.InvitationID, Kind: r.Kind,
			DueAt: time.Unix(r.DueAt, 0).UTC(), InterviewAt: unixTime(r.InterviewAt),
			Company: r.Company, Role: r.Role, Status: workflow.State(r.Status)}
	}
	return out, nil
}

func unixTime(s *int64) *time.Time {
	if s == nil {
		return nil
	}
	t := time.Unix(*s, 0).UTC()
	return &t
}
