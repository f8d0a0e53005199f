package storage

import (
	"context"
	"database/sql"
	"encoding/json"
	"fmt"
	"strconv"
	"strings"
	"time"

	"tracker/internal/applications"
	"tracker/internal/workflow"
)

// A letter about an application (a decline, a withdrawal, their previews)
// reads the application, its last history entry, the sender profile, the
// settings, its invitations, whether it was interviewed and the version
// of the user's filed names (see OtherNames): one statement,
// built as ReadDetail's is, with the rows of the other tables beside the
// application's as JSON. On PostgreSQL that is one round trip instead of
// four, and in a write transaction it locks the application as GetForMove
// does, so a decline reads once before it writes.

// letterStatements are ReadForLetter's statements on SQLite and on
// PostgreSQL, then ReadForPreview's.
var letterStatements = [4]string{letterSQL(false, true), letterSQL(true, true), letterSQL(false, false), letterSQL(true, false)}

// letterSQL returns the statement ReadForLetter runs on the dialect. The
// last history entry's time and stage are two scalar subqueries, each a
// step back in history_application_at, as GetForMove's on SQLite; without
// last they are two NULLs, for a preview, which moves nothing.
func letterSQL(postgres, last bool) string {
	j := jsonOn(postgres)
	lastOf := func(col string) string {
		if !last {
			return "NULL"
		}
		return "(SELECT m." + col + " FROM history m WHERE m.application_id = applications.id ORDER BY m.at DESC, m.id DESC LIMIT 1)"
	}
	return oneApplication(postgres, lastOf("at"), lastOf("to_status"),
		j.ownerRow(profileColumns, "profiles"),
		j.ownerRow(settingsColumns, "settings"),
		j.children(invitationColumns, "invitations"),
		"EXISTS (SELECT 1 FROM history WHERE application_id = applications.id AND to_status = '"+string(workflow.Interviewed)+"')",
		"COALESCE((SELECT version FROM application_names_version WHERE owner_id = applications.owner_id), 0)",
		recentLettersSQL(j))
}

// recentLettersSQL is three subqueries, one for each stage a letter
// leaves an application in (declined, followed up, withdrawn), of the
// bodies of the owner's letters (declines and withdrawals) about the
// applications of that stage changed last, other than this one, the
// latest first, as a JSON array (NULL when there are none), for the
// letter to avoid their sentences (decline.Request.Recent). Each is an
// index range of applications_owner_status_updated walked back from the
// latest, with the letter of each row by letters_application: at most
// RecentLetters rows, whatever the number of applications. Three
// columns, not one union ordered by the time changed: on the
// benchmark's seed the union's co-routines and sorts added 40-160 us to
// the letter's read (17 us without them), the three columns 20 us.
func recentLettersSQL(j jsonSQL) string {
	var cols []string
	for _, st := range recentStages {
		cols = append(cols, "(SELECT "+j.agg+"body) FROM (SELECT l.body FROM applications a"+
			" JOIN letters l ON l.application_id = a.id AND l.kind IN ('"+applications.LetterDecline+"', '"+applications.LetterWithdrawal+"')"+
			" WHERE a.owner_id = applications.owner_id AND a.status = '"+string(st)+"' AND a.id <> applications.id"+
			" ORDER BY a.updated_at DESC, a.id DESC LIMIT "+strconv.Itoa(applications.RecentLetters)+") AS recent)")
	}
	return strings.Join(cols, ", ")
}

// recentStages are the stages a letter leaves an application in.
var recentStages = []workflow.State{workflow.Declined, workflow.FollowedUp, workflow.Withdrawn}

// ReadForLetter returns application id with what a letter about it reads,
// in one statement (see applications.Store).
func (db *DB) ReadForLetter(ctx context.Context, id int64) (*applications.LetterRecords, error) {
	return db.readForLetter(ctx, id, 0)
}

// ReadForPreview is ReadForLetter without the last history entry (Last
// is nil), which only a letter that moves the application needs (see
// applications.Store).
func (db *DB) ReadForPreview(ctx context.Context, id int64) (*applications.LetterRecords, error) {
	return db.readForLetter(ctx, id, 2)
}

// readForLetter runs letterStatements[first] (first+1 on PostgreSQL).
func (db *DB) readForLetter(ctx context.Context, id int64, first int) (*applications.LetterRecords, error) {
	uid, err := owner(ctx)
	if err != nil {
		return nil, err
	}
	statement := letterStatements[first]
	if db.postgres {
		statement = letterStatements[first+1]
		// In a write transaction the row is locked until it ends, as
		// GetApplication's and GetForMove's are.
		if w, _ := ctx.Value(writeTxKey{}).(bool); w {
			statement += " FOR UPDATE"
		}
	}
	var (
		app                     applicationRow
		lastAt                  *time.Time
		lastTo                  *string
		profile, settings, invs sql.NullString
		interviewed             bool
		namesVersion            int64
		recent                  [3]sql.NullString
	)
	fields := append(scanColumns(app.fields()), nullTimeColumn{&lastAt}, &lastTo, &profile, &settings, &invs, &interviewed, &namesVersion, &recent[0], &recent[1], &recent[2])
	if err := db.readApplication(ctx, statement, id, uid, fields); err != nil {
		return nil, err
	}
	r, err := letterRecords(app, lastAt, lastTo, profile, settings, invs.String, interviewed)
	if err != nil {
		return nil, fmt.Errorf("read application %d: %w", id, err)
	}
	r.NamesVersion = &namesVersion
	for _, bodies := range recent {
		if !bodies.Valid {
			continue
		}
		var of []string
		if err := json.Unmarshal([]byte(bodies.String), &of); err != nil {
			return nil, fmt.Errorf("read application %d: recent letters: %w", id, err)
		}
		r.Recent = append(r.Recent, of...)
	}
	return r, nil
}

// letterRecords decodes what ReadForLetter's statement returned.
func letterRecords(app applicationRow, lastAt *time.Time, lastTo *string, profile, settings sql.NullString, invs string, interviewed bool) (*applications.LetterRecords, error) {
	r := &applications.LetterRecords{Application: app.domain(), Interviewed: interviewed}
	if lastAt != nil && lastTo != nil {
		r.Last = &applications.HistoryEntry{ApplicationID: app.ID, To: workflow.State(*lastTo), At: lastAt.UTC()}
	}
	var row jsonRow
	if profile.Valid {
		var p profileRow
		if err := decodeJSONRow([]byte(profile.String), p.fields(), &row); err != nil {
			return nil, fmt.Errorf("profile: %w", err)
		}
		r.Profile = p.domain()
	}
	var err error
	if r.Settings, err = decodeSettings(settings, &row); err != nil {
		return nil, err
	}
	if r.Invitations, err = decodeInvitations(invs, &row); err != nil {
		return nil, err
	}
	return r, nil
}
