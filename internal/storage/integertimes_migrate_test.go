package storage_test

import (
	"context"
	"database/sql"
	"fmt"
	"os"
	"reflect"
	"slices"
	"strings"
	"testing"
	"time"

	"gorm.io/gorm"

	"tracker/internal/applications"
	"tracker/internal/storage"
	"tracker/internal/storage/storagetest"
)

// storedForms are the values a time column of SQLite may hold from older
// releases, hand edits or restores: the driver's own text (with
// nanoseconds, offsets, without a zone, shorter), RFC 3339, text that is
// no time (read as the zero time), Unix seconds and milliseconds.
var storedForms = []any{"2024-11-27 03:03:01+00:00", "2024-11-27 03:03:01.123456+00:00", "2024-11-27T03:03:01Z",
	"2024-11-27T03:03:01.5+05:30", "2024-11-27 03:03:01-08:00", "2024-11-27 03:03:01", "2024-11-27 03:03",
	"2024-11-27", "garbage", int64(1732676581), int64(1732676581123), "0001-01-01 00:00:00+00:00", "2199-12-31 23:59:59+00:00"}

// TestMigrationStoresTimesAsIntegers fills a SQLite database at migration
// 70 (times stored as the driver's text) with every form a time may be
// stored in, in every time column of applications, invitations, history
// and letters, then migrates it: each value must be the instant the
// driver read before, in Unix microseconds, NULL stays NULL, every row,
// index, trigger and id counter is kept, the columns refuse text, and the
// store's reads (a page of the list, a detail, the warnings) hand over
// the times the driver read, in UTC.
func TestMigrationStoresTimesAsIntegers(t *testing.T) {
	_, dir := storagetest.SQLite(t)
	dsn := dir + "-old.db"
	ctx := context.Background()
	old := atMigration(t, dsn, 70)
	exec := old.Exec
	exec(`INSERT INTO users (email, password_hash, created_at, password_changed_at) VALUES ('old@example.com', 'hash', ?, ?)`, time.Now(), time.Now())
	for i, at := range storedForms {
		var applied any = at
		if i == 0 {
			applied = nil
		}
		exec(`INSERT INTO applications (owner_id, company, role, status, created_at, updated_at, applied_at) VALUES (1, 'Acme', 'Engineer', 'invited', ?, ?, ?)`,
			at, at, applied)
		id := int64(i + 1)
		exec(`INSERT INTO invitations (application_id, received_at, respond_by, interview_at, format, round, response, responded_at)
			VALUES (?, ?, ?, ?, 'video', 1, 'pending', NULL)`, id, at, applied, at)
		exec(`INSERT INTO history (application_id, from_status, to_status, at) VALUES (?, '', 'invited', ?)`, id, at)
		exec(`INSERT INTO letters (application_id, kind, channel, tone, body, sent_at, created_at) VALUES (?, 'decline', 'email', 'formal', 'b', ?, ?)`, id, at, at)
	}
	// A trigger of each table, which the rebuild must make again (the
	// search index's delete trigger is one).
	for _, tc := range timeTables {
		exec(`CREATE TRIGGER keep_` + tc.table + ` AFTER DELETE ON ` + tc.table + ` BEGIN SELECT old.id; END`)
	}
	// A deleted application, whose id must not be given out again.
	exec(`INSERT INTO applications (owner_id, company, role, status, created_at, updated_at) VALUES (1, 'Gone', 'Dev', 'applied', ?, ?)`, time.Now(), time.Now())
	exec(`DELETE FROM applications WHERE company = 'Gone'`)
	before := map[string][][]any{}
	for _, tc := range timeTables {
		before[tc.table] = readTimes(t, old.DB, tc.table, tc.columns)
	}
	schemaBefore := schemaOf(t, old.DB)
	seqBefore := sequences(t, old.DB)
	old.Close()

	// Migration 00074 alone keeps every index, trigger and column.
	at74 := atMigration(t, dsn, 74)
	schema74 := schemaOf(t, at74.DB)
	if !reflect.DeepEqual(schema74, schemaBefore) {
		t.Errorf("indexes and triggers after migration 00074:\n%v\nbefore:\n%v", schema74, schemaBefore)
	}

	// Then the rest (00075 adds the invitations' owner and the calendar's
	// index), and the search index Open sets up.
	db := at74.Migrate()
	after := rawDB(t, dsn)
	for _, tc := range timeTables {
		rows := rawRows(t, after, tc.table, tc.columns)
		if len(rows) != len(before[tc.table]) || len(rows) < len(storedForms) {
			t.Fatalf("%s: %d rows after, %d before", tc.table, len(rows), len(before[tc.table]))
		}
		for i, row := range rows {
			for j, v := range row {
				was := before[tc.table][i][j]
				switch v := v.(type) {
				case nil:
					if was != nil {
						t.Errorf("%s row %d %s: NULL after, %v before", tc.table, i, tc.columns[j], was)
					}
				case int64:
					if got := time.UnixMicro(v).UTC(); was == nil || !got.Equal(was.(time.Time)) {
						t.Errorf("%s row %d %s: %v (%d) after, %v before", tc.table, i, tc.columns[j], got, v, was)
					}
				default:
					t.Errorf("%s row %d %s holds %T %v, not an integer", tc.table, i, tc.columns[j], v, v)
				}
			}
		}
		for _, col := range tc.columns {
			var typ string
			if err := after.Raw("SELECT type FROM pragma_table_info(?) WHERE name = ?", tc.table, col).Scan(&typ).Error; err != nil || typ != "INTEGER" {
				t.Errorf("%s.%s is declared %q (%v), want INTEGER", tc.table, col, typ, err)
			}
		}
		if err := after.Exec("UPDATE " + tc.table + " SET " + tc.columns[0] + " = '2024-11-27 03:03:01+00:00' WHERE id = 1").Error; err == nil {
			t.Errorf("%s.%s took a time as text", tc.table, tc.columns[0])
		}
	}
	schemaAfter := schemaOf(t, after)
	added, removed := schemaChanges(schema74, schemaAfter)
	removed = invitationsIndexDropped(t, removed)
	added, removed = listIndexCovered(t, added, removed)
	added, removed = offerDateAdded(t, added, removed)
	added = stageOrderAdded(t, added)
	added = searchTriggerAdded(t, db, added) // the database at 74 was opened without the search index
	if len(added) != 2 || !strings.HasPrefix(added[0], "index invitations_owner_calendar:") || !strings.HasSuffix(added[1], " origin_subject owner_id]") ||
		len(removed) != 1 || removed[0] != strings.TrimSuffix(added[1], " owner_id]")+"]" {
		t.Errorf("after migration 00075, the indexes, triggers and columns added are %q and removed %q; want the search index's trigger, the calendar's index and invitations.owner_id", added, removed)
	}
	var owners []int64
	if err := after.Raw("SELECT DISTINCT COALESCE(owner_id, 0) FROM invitations").Scan(&owners).Error; err != nil || !slices.Equal(owners, []int64{1}) {
		t.Errorf("the invitations' owners after migration 00075: %v (%v), want [1]", owners, err)
	}
	if got := sequences(t, after); got["applications"] != seqBefore["applications"] || got["history"] != seqBefore["history"] ||
		got["invitations"] != seqBefore["invitations"] || got["letters"] != seqBefore["letters"] {
		t.Errorf("id counters %v after, %v before", got, seqBefore)
	}
	var broken int
	if err := after.Raw("SELECT COUNT(*) FROM pragma_foreign_key_check").Scan(&broken).Error; err != nil || broken != 0 {
		t.Errorf("foreign_key_check: %d rows, %v", broken, err)
	}
	var fkOn int
	if err := after.Raw("PRAGMA foreign_keys").Scan(&fkOn).Error; err != nil || fkOn != 1 {
		t.Errorf("foreign keys are %d after the migration (%v)", fkOn, err)
	}

	// The store's reads hand over what the driver read, in UTC.
	owned := applications.WithOwner(ctx, 1)
	page, err := db.ListApplications(owned, applications.ListFilter{Limit: 50, Sort: applications.SortOldest}, nil)
	if err != nil {
		t.Fatal(err)
	}
	if len(page) != len(storedForms) {
		t.Fatalf("%d applications listed, want %d", len(page), len(storedForms))
	}
	for i, a := range page {
		want := before["applications"][i]
		d, err := db.ReadDetail(owned, a.ID)
		if err != nil {
			t.Fatal(err)
		}
		for _, got := range [][3]*time.Time{{&a.CreatedAt, &a.UpdatedAt, a.AppliedAt},
			{&d.Application.CreatedAt, &d.Application.UpdatedAt, d.Application.AppliedAt}} {
			for j, g := range got {
				if !sameUTC(g, want[j]) {
					t.Errorf("stored %v: time %d read as %v, the driver read %v", storedForms[i], j, g, want[j])
				}
			}
		}
		inv, hist, letter := before["invitations"][i], before["history"][i], before["letters"][i]
		if len(d.Invitations) != 1 || !sameUTC(&d.Invitations[0].ReceivedAt, inv[0]) || !sameUTC(d.Invitations[0].RespondBy, inv[1]) ||
			!sameUTC(d.Invitations[0].InterviewAt, inv[2]) || d.Invitations[0].RespondedAt != nil {
			t.Errorf("stored %v: invitations %+v, the driver read %v", storedForms[i], d.Invitations, inv)
		}
		if len(d.History) != 1 || !sameUTC(&d.History[0].At, hist[0]) {
			t.Errorf("stored %v: history %+v, the driver read %v", storedForms[i], d.History, hist)
		}
		if len(d.Letters) != 1 || !sameUTC(&d.Letters[0].SentAt, letter[0]) || !sameUTC(&d.Letters[0].CreatedAt, letter[1]) {
			t.Errorf("stored %v: letters %+v, the driver read %v", storedForms[i], d.Letters, letter)
		}
		// A letter's one statement: the invitations as JSON, the last
		// history entry's time from a subquery.
		r, err := db.ReadForLetter(owned, a.ID)
		if err != nil {
			t.Fatal(err)
		}
		if len(r.Invitations) != 1 || !sameUTC(&r.Invitations[0].ReceivedAt, inv[0]) || !sameUTC(r.Invitations[0].RespondBy, inv[1]) ||
			!sameUTC(r.Invitations[0].InterviewAt, inv[2]) || r.Invitations[0].RespondedAt != nil {
			t.Errorf("stored %v: a letter reads invitations %+v, the driver read %v", storedForms[i], r.Invitations, inv)
		}
		if r.Last == nil || !sameUTC(&r.Last.At, hist[0]) || !sameUTC(&r.Application.CreatedAt, want[0]) || !sameUTC(r.Application.AppliedAt, want[2]) {
			t.Errorf("stored %v: a letter reads the last entry %+v and the application %+v, the driver read %v and %v", storedForms[i], r.Last, r.Application, hist, want)
		}
	}
	// The calendar feed: each pending invitation's interview, at the time
	// the driver read.
	interviews := 0
	err = db.ListCalendar(owned, func(it *applications.CalendarItem) error {
		if it.Kind != applications.CalendarInterview {
			return nil
		}
		interviews++
		i := int(it.ApplicationID - 1)
		if i < 0 || i >= len(storedForms) || !sameUTC(&it.At, before["invitations"][i][2]) || !sameUTC(&it.UpdatedAt, before["applications"][i][1]) {
			t.Errorf("the feed's interview of application %d at %v (updated %v)", it.ApplicationID, it.At, it.UpdatedAt)
		}
		return nil
	})
	if err != nil || interviews != len(storedForms) {
		t.Errorf("the feed has %d interviews (%v), want %d", interviews, err, len(storedForms))
	}
}

// schemaChanges returns the entries of schemaOf's after that before lacks
// and those of before that after lacks, each in its order.
// searchTriggerAdded checks that the search index's trigger is among
// what a migration added exactly when SQLite has FTS5 (a build without
// the sqlite_fts5 tag has no search index), and returns the rest.
// invitationsIndexDropped is removed without migration 00076's change, the
// index invitations_application it drops, which must be among them.
func invitationsIndexDropped(t *testing.T, removed []string) []string {
	t.Helper()
	rest := slices.DeleteFunc(slices.Clone(removed), func(s string) bool {
		return strings.HasPrefix(s, "index invitations_application:")
	})
	if len(rest) != len(removed)-1 {
		t.Errorf("migration 00076 did not drop invitations_application: removed %q", removed)
	}
	return rest
}

// listIndexCovered is added and removed without migration 00077's change,
// applications_owner_id made again with the list's columns, which it
// checks is there.
func listIndexCovered(t *testing.T, added, removed []string) ([]string, []string) {
	t.Helper()
	const name = "index applications_owner_id:"
	isIt := func(s string) bool { return strings.HasPrefix(s, name) }
	restAdded, restRemoved := slices.DeleteFunc(slices.Clone(added), isIt), slices.DeleteFunc(slices.Clone(removed), isIt)
	if len(restAdded) != len(added)-1 || len(restRemoved) != len(removed)-1 || !slices.Contains(added,
		name+" CREATE INDEX applications_owner_id ON applications (owner_id, id, company, role, status, applied_at, created_at, updated_at)") {
		t.Errorf("migration 00077 did not make applications_owner_id again with the list's columns: added %q, removed %q", added, removed)
	}
	return restAdded, restRemoved
}

// offerDateAdded is added and removed without migration 00080's change,
// the column applications.offer_made_on, which it checks is there.
func offerDateAdded(t *testing.T, added, removed []string) ([]string, []string) {
	t.Helper()
	isIt := func(s string) bool { return strings.HasPrefix(s, "applications[") }
	restAdded, restRemoved := slices.DeleteFunc(slices.Clone(added), isIt), slices.DeleteFunc(slices.Clone(removed), isIt)
	i, j := slices.IndexFunc(added, isIt), slices.IndexFunc(removed, isIt)
	if len(restAdded) != len(added)-1 || len(restRemoved) != len(removed)-1 || added[i] != strings.TrimSuffix(removed[j], "]")+" offer_made_on]" {
		t.Errorf("migration 00080 did not add applications.offer_made_on alone: added %q, removed %q", added, removed)
	}
	return restAdded, restRemoved
}

// stageOrderAdded is added without migration 00082's indexes, the
// owner's indexes of each order within a stage, which it checks are
// there.
func stageOrderAdded(t *testing.T, added []string) []string {
	t.Helper()
	isIt := func(s string) bool {
		return strings.HasPrefix(s, "index applications_owner_status_") && !strings.HasPrefix(s, "index applications_owner_status_id:")
	}
	rest := slices.DeleteFunc(slices.Clone(added), isIt)
	if len(rest) != len(added)-3 {
		t.Errorf("migration 00082 did not add the three indexes of a stage's orders: added %q", added)
	}
	return rest
}

func searchTriggerAdded(t *testing.T, db *storage.DB, added []string) []string {
	t.Helper()
	rest := slices.DeleteFunc(slices.Clone(added), func(s string) bool {
		return strings.HasPrefix(s, "trigger application_words_delete:")
	})
	if got, want := len(rest) < len(added), db.SearchesWithFTS5(); got != want {
		t.Errorf("the search index's trigger added: %v, want %v (FTS5 in this build: %v)", got, want, want)
	}
	return rest
}

func schemaChanges(before, after []string) (added, removed []string) {
	for _, s := range after {
		if !slices.Contains(before, s) {
			added = append(added, s)
		}
	}
	for _, s := range before {
		if !slices.Contains(after, s) {
			removed = append(removed, s)
		}
	}
	return added, removed
}

// timeTables are the tables and time columns migration 00074 converts.
var timeTables = []struct {
	table   string
	columns []string
}{
	{"applications", []string{"created_at", "updated_at", "applied_at"}},
	{"invitations", []string{"received_at", "respond_by", "interview_at", "responded_at"}},
	{"history", []string{"at"}},
	{"letters", []string{"sent_at", "created_at"}},
}

// readTimes reads columns of every row of table (by id) as the driver
// reads a column declared as a time: a time.Time in UTC or nil.
func readTimes(t *testing.T, g *gorm.DB, table string, columns []string) [][]any {
	t.Helper()
	rows, err := g.Raw("SELECT " + join(columns) + " FROM " + table + " ORDER BY id").Rows()
	if err != nil {
		t.Fatal(err)
	}
	defer rows.Close()
	var out [][]any
	for rows.Next() {
		vals := make([]sql.NullTime, len(columns))
		ptrs := make([]any, len(columns))
		for i := range vals {
			ptrs[i] = &vals[i]
		}
		if err := rows.Scan(ptrs...); err != nil {
			t.Fatal(err)
		}
		row := make([]any, len(columns))
		for i, v := range vals {
			if v.Valid {
				row[i] = v.Time.UTC()
			}
		}
		out = append(out, row)
	}
	return out
}

// rawRows reads columns of every row of table (by id) as stored.
func rawRows(t *testing.T, g *gorm.DB, table string, columns []string) [][]any {
	t.Helper()
	rows, err := g.Raw("SELECT " + join(columns) + " FROM " + table + " ORDER BY id").Rows()
	if err != nil {
		t.Fatal(err)
	}
	defer rows.Close()
	var out [][]any
	for rows.Next() {
		row := make([]any, len(columns))
		ptrs := make([]any, len(columns))
		for i := range row {
			ptrs[i] = &row[i]
		}
		if err := rows.Scan(ptrs...); err != nil {
			t.Fatal(err)
		}
		out = append(out, row)
	}
	return out
}

func join(cols []string) string {
	s := ""
	for i, c := range cols {
		if i > 0 {
			s += ", "
		}
		s += c
	}
	return s
}

// schemaOf lists the indexes and triggers of the converted tables with
// their definitions, and the tables' columns in order.
func schemaOf(t *testing.T, g *gorm.DB) []string {
	t.Helper()
	var out []string
	for _, tc := range timeTables {
		var defs []string
		if err := g.Raw("SELECT type || ' ' || name || ': ' || COALESCE(sql, '') FROM sqlite_master WHERE tbl_name = ? AND type IN ('index', 'trigger') ORDER BY type, name",
			tc.table).Scan(&defs).Error; err != nil {
			t.Fatal(err)
		}
		var cols []string
		if err := g.Raw("SELECT name FROM pragma_table_info(?) ORDER BY cid", tc.table).Scan(&cols).Error; err != nil {
			t.Fatal(err)
		}
		out = append(append(out, defs...), fmt.Sprint(tc.table, cols))
	}
	return out
}

func sequences(t *testing.T, g *gorm.DB) map[string]int64 {
	t.Helper()
	var rows []struct {
		Name string
		Seq  int64
	}
	if err := g.Raw("SELECT name, seq FROM sqlite_sequence").Scan(&rows).Error; err != nil {
		t.Fatal(err)
	}
	out := map[string]int64{}
	for _, r := range rows {
		out[r.Name] = r.Seq
	}
	return out
}

// sameUTC reports whether got is the time want (a time.Time or nil), in
// UTC.
func sameUTC(got *time.Time, want any) bool {
	if got == nil || want == nil {
		return got == nil && want == nil
	}
	return got.Equal(want.(time.Time)) && got.Location() == time.UTC
}

// TestIntegerTimesAfterCalendarIndex migrates a database that a release
// with migration 00075 but without 00074 brought to 75 (goose applies the
// missing 00074 then, out of order): the rebuild keeps the invitations'
// owner and the calendar's partial index, the time columns become
// integers that refuse text, and the feed and a letter read the times.
func TestIntegerTimesAfterCalendarIndex(t *testing.T) {
	_, dir := storagetest.SQLite(t)
	dsn := dir + "-75.db"
	ctx := context.Background()
	old := atMigration(t, dsn, 70)
	exec := old.Exec
	at := time.Date(2024, 11, 27, 3, 3, 1, 0, time.UTC)
	exec(`INSERT INTO users (email, password_hash, created_at, password_changed_at) VALUES ('old@example.com', 'hash', ?, ?)`, at, at)
	exec(`INSERT INTO applications (owner_id, company, role, status, created_at, updated_at, applied_at) VALUES (1, 'Acme', 'Engineer', 'scheduled', ?, ?, ?)`, at, at, at)
	exec(`INSERT INTO invitations (application_id, received_at, interview_at, format, round, response, responded_at) VALUES (1, ?, ?, 'video', 1, 'accepted', ?)`,
		at, at.Add(72*time.Hour), at.Add(time.Hour))
	exec(`INSERT INTO history (application_id, from_status, to_status, at) VALUES (1, 'invited', 'scheduled', ?)`, at.Add(time.Hour))
	// Migration 00075 as written, recorded as goose records it.
	up, err := os.ReadFile("migrations/sqlite/00075_calendar_index.sql")
	if err != nil {
		t.Fatal(err)
	}
	upSQL, _, ok := strings.Cut(string(up), "-- +goose Down")
	if !ok {
		t.Fatal("00075 has no Down section")
	}
	var code []string // without the comments, whose text has semicolons
	for _, line := range strings.Split(upSQL, "\n") {
		if !strings.HasPrefix(strings.TrimSpace(line), "--") {
			code = append(code, line)
		}
	}
	for _, s := range strings.Split(strings.Join(code, "\n"), ";") {
		if strings.TrimSpace(s) != "" {
			exec(s)
		}
	}
	exec(`INSERT INTO goose_db_version (version_id, is_applied) VALUES (75, true)`)
	schema75 := schemaOf(t, old.DB)
	db := old.Migrate()
	after := rawDB(t, dsn)
	var applied int
	if err := after.Raw("SELECT COUNT(*) FROM goose_db_version WHERE version_id = 74 AND is_applied").Scan(&applied).Error; err != nil || applied != 1 {
		t.Fatalf("migration 00074 applied %d times (%v)", applied, err)
	}
	added, removed := schemaChanges(schema75, schemaOf(t, after))
	removed = invitationsIndexDropped(t, removed)
	added, removed = listIndexCovered(t, added, removed)
	added, removed = offerDateAdded(t, added, removed)
	added = stageOrderAdded(t, added)
	if added = searchTriggerAdded(t, db, added); len(added) != 0 || len(removed) != 0 {
		t.Errorf("after migration 00074, added %q and removed %q; want only the search index's trigger", added, removed)
	}
	var owner sql.NullInt64
	if err := after.Raw("SELECT owner_id FROM invitations WHERE id = 1").Scan(&owner).Error; err != nil || owner.Int64 != 1 {
		t.Errorf("the invitation's owner after the rebuild: %v (%v)", owner, err)
	}
	var typ string
	if err := after.Raw("SELECT typeof(interview_at) FROM invitations WHERE id = 1").Scan(&typ).Error; err != nil || typ != "integer" {
		t.Errorf("interview_at is stored as %q (%v)", typ, err)
	}
	if err := after.Exec("UPDATE invitations SET interview_at = '2024-11-27 03:03:01+00:00' WHERE id = 1").Error; err == nil {
		t.Error("invitations.interview_at took a time as text")
	}
	var plan []struct {
		ID, Parent, Notused int
		Detail              string
	}
	if err := after.Raw("EXPLAIN QUERY PLAN SELECT id FROM invitations WHERE owner_id = 1 AND interview_at > 0 AND interview_at IS NOT NULL AND response IN ('pending', 'accepted')").Scan(&plan).Error; err != nil ||
		len(plan) == 0 || !strings.Contains(plan[0].Detail, "invitations_owner_calendar") {
		t.Errorf("the interviews' range does not use the calendar's index: %+v (%v)", plan, err)
	}

	owned := applications.WithOwner(ctx, 1)
	var items []applications.CalendarItem
	if err := db.ListCalendar(owned, func(it *applications.CalendarItem) error { items = append(items, *it); return nil }); err != nil {
		t.Fatal(err)
	}
	if len(items) != 1 || items[0].Kind != applications.CalendarInterview || !items[0].At.Equal(at.Add(72*time.Hour)) || !items[0].UpdatedAt.Equal(at) {
		t.Errorf("the feed after both migrations: %+v", items)
	}
	r, err := db.ReadForLetter(owned, 1)
	if err != nil {
		t.Fatal(err)
	}
	if len(r.Invitations) != 1 || !r.Invitations[0].InterviewAt.Equal(at.Add(72*time.Hour)) || r.Invitations[0].RespondedAt == nil ||
		!r.Invitations[0].RespondedAt.Equal(at.Add(time.Hour)) || r.Last == nil || !r.Last.At.Equal(at.Add(time.Hour)) {
		t.Errorf("a letter's read after both migrations: %+v, last %+v", r.Invitations, r.Last)
	}
}
