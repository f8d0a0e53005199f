package storage_test

import (
	"context"
	"fmt"
	"strings"
	"testing"
	"time"

	"gorm.io/gorm"

	"tracker/internal/applications"
	"tracker/internal/storage"
	"tracker/internal/storage/storagetest"
	"tracker/internal/workflow"
)

// oldStates are the stages the schema of migration 2 knows.
var oldStates = []string{"applied", "invited", "scheduled", "interviewed", "offered",
	"hired", "declined", "followed_up", "rejected", "ghosted"}

// filledTables are the tables the fill writes and the test compares.
var filledTables = []string{"users", "applications", "invitations", "letters", "history", "profiles", "sessions", "api_tokens"}

// TestMigrationKeepsFilledDatabase fills a database at migration 2 (the
// schema before the new stages) with one application in every stage, each
// with an invitation, a letter and history, then opens it with the current
// code: every row must come through unchanged, the cascades must still
// work, and the new stages must be accepted.
func TestMigrationKeepsFilledDatabase(t *testing.T) {
	storagetest.EachDSN(t, checkMigration)
}

func checkMigration(t *testing.T, dsn string) {
	old := atMigration(t, dsn, 2)
	fillVersion2(t, old.DB)
	before := snapshot(t, old.DB)
	db := old.Migrate()
	after := rawDB(t, dsn)
	now := snapshot(t, after)
	for _, table := range filledTables {
		if len(before[table]) == 0 {
			t.Fatalf("the fill left %s empty; the test proves nothing about it", table)
		}
		if len(now[table]) != len(before[table]) {
			t.Fatalf("%s: %d rows before, %d after", table, len(before[table]), len(now[table]))
		}
		for i, row := range before[table] {
			for col, v := range row { // columns a later migration adds are not compared
				if moved[table+"."+col] != "" {
					continue
				}
				if got := fmt.Sprint(asBefore(table+"."+col, now[table][i][col], v)); got != fmt.Sprint(v) {
					t.Errorf("%s row %d column %s: %q before, %q after", table, i, col, fmt.Sprint(v), got)
				}
			}
		}
	}
	checkMoved(t, after, before)
	checkMigratedWorks(t, db, dsn)
}

// integerTimes are the columns migration 00074 turned into Unix
// microseconds on SQLite.
var integerTimes = map[string]bool{"applications.created_at": true, "applications.updated_at": true,
	"applications.applied_at": true, "invitations.received_at": true, "invitations.respond_by": true,
	"invitations.interview_at": true, "invitations.responded_at": true, "history.at": true,
	"letters.sent_at": true, "letters.created_at": true}

// asBefore returns the value of column (table.column) after the
// migrations in the form before had: a time that migration 00074 stored as
// Unix microseconds as the time, in before's zone (the driver read the
// old text in UTC); anything else as it is.
func asBefore(column string, after, before any) any {
	us, isInt := after.(int64)
	was, isTime := before.(time.Time)
	if integerTimes[column] && isInt && isTime {
		return time.UnixMicro(us).In(was.Location())
	}
	return after
}

// moved names the columns a migration moved to another table: the letter
// defaults went from the profile to the settings (migration 4).
var moved = map[string]string{
	"profiles.default_tone":    "settings.default_tone",
	"profiles.default_channel": "settings.default_channel",
}

// checkMoved finds each moved value of the filled user in its new home.
func checkMoved(t *testing.T, g *gorm.DB, before map[string][]map[string]any) {
	t.Helper()
	for from, to := range moved {
		var table, col, newTable, newCol string
		fmt.Sscanf(strings.Replace(from, ".", " ", 1), "%s %s", &table, &col)
		fmt.Sscanf(strings.Replace(to, ".", " ", 1), "%s %s", &newTable, &newCol)
		var got []string
		if err := g.Table(newTable).Where("owner_id = 1").Pluck(newCol, &got).Error; err != nil || len(got) != 1 {
			t.Fatalf("read %s: %v, %v", to, got, err)
		}
		if want := fmt.Sprint(before[table][0][col]); got[0] != want {
			t.Errorf("%s was %q, %s is %q", from, want, to, got[0])
		}
	}
}

// checkMigratedWorks uses the migrated database through the store: a row
// in a new stage, a detail with everything that hangs off it, and a delete
// that still cascades.
func checkMigratedWorks(t *testing.T, db *storage.DB, dsn string) {
	ctx := applications.WithOwner(context.Background(), 1)
	err := db.InTx(ctx, func(ctx context.Context) error {
		a := &applications.Application{Fields: applications.Fields{Company: "Initech", Role: "Dev"}, Status: workflow.Wishlist, CreatedAt: at, UpdatedAt: at}
		if err := db.CreateApplication(ctx, a); err != nil {
			return err
		}
		if a.ID <= int64(len(oldStates))+1 {
			return fmt.Errorf("the new application got id %d, which a deleted one had", a.ID)
		}
		if err := db.SetStatus(ctx, a.ID, workflow.Wishlist, workflow.Withdrawn, at); err != nil {
			return err
		}
		if invs, err := db.ListInvitations(ctx, 1); err != nil || len(invs) != 1 {
			return fmt.Errorf("invitations of 1 = %v, %v", invs, err)
		}
		if ls, err := db.ListLetters(ctx, 1); err != nil || len(ls) != 1 || len(ls[0].Checks) != 1 {
			return fmt.Errorf("letters of 1 = %+v, %v", ls, err)
		}
		return db.DeleteApplication(ctx, 1)
	})
	if err != nil {
		t.Fatalf("use the migrated database: %v", err)
	}
	var n int64
	rawDB(t, dsn).Table("history").Where("application_id = 1").Count(&n)
	if n != 0 {
		t.Fatalf("deleting application 1 left %d history rows: the cascade broke in the migration", n)
	}
}

// fillVersion2 writes one user with a profile, a session and a token, and
// one application in every stage of the old schema, each with an
// invitation, a letter and two history entries. Ids are left to the
// database (PostgreSQL's identity columns do not follow explicit ids), so
// application i+1 is the i-th stage of a fresh database.
func fillVersion2(t *testing.T, g *gorm.DB) {
	t.Helper()
	exec := func(q string, args ...any) {
		t.Helper()
		if err := g.Exec(q, args...).Error; err != nil {
			t.Fatalf("%s: %v", q, err)
		}
	}
	exec(`INSERT INTO users (email, password_hash, created_at, password_changed_at) VALUES ('old@example.com', 'hash', ?, ?)`, at, at)
	exec(`INSERT INTO profiles (owner_id, name, email, default_tone, default_channel, updated_at) VALUES (1, 'Alex', 'alex@example.com', 'warm', 'message', ?)`, at)
	exec(`INSERT INTO sessions (id_hash, user_id, created_at, last_seen_at, expires_at) VALUES (?, 1, ?, ?, ?)`, fmt.Sprintf("%064d", 1), at, at, at.AddDate(0, 0, 7))
	exec(`INSERT INTO api_tokens (user_id, name, prefix, token_hash, created_at) VALUES (1, 'laptop', 'trk_abcd', ?, ?)`, fmt.Sprintf("%064d", 2), at)
	for i, st := range oldStates {
		id := i + 1
		exec(`INSERT INTO applications (owner_id, company, role, location, job_url, source, contact_name, contact_email, notes, status, created_at, updated_at)
			VALUES (1, ?, 'Engineer', 'Berlin', 'https://example.com/job', 'referral', 'Dana', 'dana@example.com', 'notes', ?, ?, ?)`,
			fmt.Sprintf("Company %d", id), st, at, at.Add(hours(id)))
		exec(`INSERT INTO invitations (application_id, received_at, respond_by, interview_at, format, round, message, response, responded_at)
			VALUES (?, ?, ?, ?, 'video', 1, 'hello', 'accepted', ?)`, id, at, at.Add(hours(24)), at.Add(hours(48)), at.Add(hours(2)))
		exec(`INSERT INTO letters (application_id, kind, reason, reason_detail, channel, tone, sender_name, subject, body, checks, sent_at, created_at)
			VALUES (?, 'decline', 'timing', '', 'email', 'formal', 'Alex', 'Subject', 'Body', ?, ?, ?)`,
			id, `[{"Rule":"polite","Severity":"info","Passed":true,"Hint":""}]`, at, at)
		exec(`INSERT INTO history (application_id, from_status, to_status, at, note) VALUES (?, '', 'applied', ?, 'created')`, id, at)
		exec(`INSERT INTO history (application_id, from_status, to_status, at, note) VALUES (?, 'applied', ?, ?, 'moved')`, id, st, at.Add(hours(1)))
	}
	// A deleted application: its id must not be given out again.
	exec(`INSERT INTO applications (owner_id, company, role, status, created_at, updated_at) VALUES (1, 'Deleted', 'Dev', 'applied', ?, ?)`, at, at)
	exec(`DELETE FROM applications WHERE company = 'Deleted'`)
}

func hours(n int) time.Duration { return time.Duration(n) * time.Hour }

// snapshot reads every row of the filled tables, in key order, as column
// name -> value.
func snapshot(t *testing.T, g *gorm.DB) map[string][]map[string]any {
	t.Helper()
	out := map[string][]map[string]any{}
	for _, table := range filledTables {
		key := "id"
		switch table {
		case "sessions":
			key = "id_hash"
		case "profiles":
			key = "owner_id"
		}
		var rows []map[string]any
		if err := g.Table(table).Order(key).Find(&rows).Error; err != nil {
			t.Fatalf("read %s: %v", table, err)
		}
		out[table] = rows
	}
	return out
}
