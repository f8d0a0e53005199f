package main

import (
	"context"
	"crypto/sha256"
	"database/sql"
	"encoding/base64"
	"fmt"
	"strconv"
	"strings"
	"time"

	"github.com/jackc/pgx/v5"
	_ "github.com/jackc/pgx/v5/stdlib" // the "pgx" database/sql driver
	_ "github.com/mattn/go-sqlite3"    // the "sqlite3" database/sql driver

	"tracker/internal/accounts"
	"tracker/internal/applications"
	"tracker/internal/storage"
)

// sizes is how much the seed holds: Users typical users with Apps
// applications each, and one big user with Big applications.
type sizes struct {
	Users int `json:"users"`
	Apps  int `json:"apps_per_user"`
	Big   int `json:"big_user_apps"`
}

// The ids are laid out so that the load needs no lookups: user index u
// (0-based; the big user is index Users) has id u+1, and its i-th
// application has id appID(u, i).
func (s sizes) appID(u, i int) int64 { return int64(u*s.Apps + i + 1) }

// appsOf is how many applications user index u has.
func (s sizes) appsOf(u int) int {
	if u == s.Users {
		return s.Big
	}
	return s.Apps
}

// token is user index u's API token: fixed, so that the load can send it
// without asking the server. It has the shape of a real one.
func token(u int) string {
	sum := sha256.Sum256([]byte("tracker-bench-" + strconv.Itoa(u)))
	return accounts.TokenPrefix + base64.RawURLEncoding.EncodeToString(sum[:])
}

func tokenHash(u int) string {
	sum := sha256.Sum256([]byte(token(u)))
	return fmt.Sprintf("%x", sum)
}

// pattern is the status of application i by i%20: a spread like a long
// search's, with a pool of applied ones for the transition load and
// invited ones for the decline preview.
var pattern = [20]string{
	"applied", "applied", "applied", "applied", "applied", "applied",
	"invited", "invited", "invited", "scheduled", "scheduled", "interviewed",
	"declined", "declined", "followed_up", "rejected", "rejected", "ghosted", "wishlist", "offered",
}

// Slots of pattern used by the load.
const (
	appliedSlots = 6 // 0..5 are applied
	invitedSlot  = 6 // 6..8 are invited
)

// appliedIndex is the index of the k-th applied application of a user.
func appliedIndex(k int) int { return k/appliedSlots*len(pattern) + k%appliedSlots }

var companies = []string{"Acme", "Globex", "Initech", "Umbrella", "Hooli", "Stark Industries", "Wayne Enterprises",
	"Wonka", "Tyrell", "Cyberdyne", "Soylent", "Aperture", "Black Mesa", "Vandelay", "Pied Piper", "Massive Dynamic"}

var roles = []string{"Backend Engineer", "Site Reliability Engineer", "Product Designer", "Data Analyst", "Engineering Manager"}

// letterBody is the body of every seeded letter: a decline's usual length.
var letterBody = strings.Repeat("Thank you for the invitation and for the time your team has given me. ", 8)

// seed fills the freshly migrated database at dsn (driver "sqlite3" or
// "pgx") with users, their tokens and applications with their history,
// invitations and letters, in batched multi-row inserts.
func seed(ctx context.Context, driver, dsn string, sz sizes, progress func(string)) error {
	db, err := sql.Open(driver, dsn)
	if err != nil {
		return err
	}
	defer db.Close()
	db.SetMaxOpenConns(1)
	s := &seeder{db: db, pg: driver == "pgx", sz: sz, base: time.Now().UTC().Add(-2 * 365 * 24 * time.Hour).Truncate(time.Second)}
	if s.pg {
		if s.copier, err = pgx.Connect(ctx, dsn); err != nil {
			return err
		}
		defer s.copier.Close(context.WithoutCancel(ctx))
		if s.indexes, err = s.dropIndexes(ctx); err != nil {
			return err
		}
	}
	if err := s.users(ctx); err != nil {
		return err
	}
	for u := 0; u <= sz.Users; u++ {
		for from := 0; from < sz.appsOf(u); from += chunkApps {
			if err := s.apps(ctx, u, from, min(from+chunkApps, sz.appsOf(u))); err != nil {
				return err
			}
		}
		if u%100 == 0 || u == sz.Users {
			progress(fmt.Sprintf("seeded %d of %d users", u+1, sz.Users+1))
		}
	}
	if s.pg {
		if err := s.createIndexes(ctx); err != nil {
			return err
		}
		for _, t := range []string{"users", "applications", "api_tokens"} {
			q := fmt.Sprintf(`SELECT setval(pg_get_serial_sequence('%s', 'id'), (SELECT max(id) FROM %s))`, t, t)
			if _, err := db.ExecContext(ctx, q); err != nil {
				return err
			}
		}
		_, err = db.ExecContext(ctx, "ANALYZE")
	}
	return err
}

// chunkApps is how many applications one seeding transaction holds.
const chunkApps = 20000

type seeder struct {
	db *sql.DB
	pg bool
	// copier loads PostgreSQL with COPY, each batch atomic on its own:
	// many times faster than INSERTs, and a failed seed is dropped with
	// its schema by the next run.
	copier *pgx.Conn
	// indexes are the statements that make again the PostgreSQL indexes
	// dropped for the load.
	indexes []string
	sz      sizes
	base    time.Time
}

// seededTables are the tables the seed fills in bulk.
var seededTables = []string{"applications", "history", "invitations", "letters"}

// dropIndexes prepares PostgreSQL for the load: it drops the seeded
// tables' indexes other than those of their constraints (keys), and
// returns the statements that make them again, and it has the copier's
// session skip the foreign-key checks, whose rows the seed writes
// parents first, when it may. Kept up row by row, the indexes (the
// search's GIN index above all) made a full-size seed take most of an
// hour; built once after the load, they take minutes.
func (s *seeder) dropIndexes(ctx context.Context) ([]string, error) {
	rows, err := s.copier.Query(ctx, `SELECT i.indexname, i.indexdef FROM pg_indexes i
		WHERE i.schemaname = current_schema() AND i.tablename = ANY($1)
		  AND NOT EXISTS (SELECT 1 FROM pg_constraint c WHERE c.conindid = format('%I.%I', i.schemaname, i.indexname)::regclass)
		ORDER BY i.tablename, i.indexname`, seededTables)
	if err != nil {
		return nil, err
	}
	names, defs := []string{}, []string{}
	for rows.Next() {
		var name, def string
		if err := rows.Scan(&name, &def); err != nil {
			rows.Close()
			return nil, err
		}
		names, defs = append(names, name), append(defs, def)
	}
	if err := rows.Err(); err != nil {
		return nil, err
	}
	for _, name := range names {
		if _, err := s.copier.Exec(ctx, "DROP INDEX "+pgx.Identifier{name}.Sanitize()); err != nil {
			return nil, fmt.Errorf("drop index %s for the load: %w", name, err)
		}
	}
	// Only a superuser may; without it the checks run, slower but alike.
	s.copier.Exec(ctx, "SET session_replication_role = replica")
	return defs, nil
}

// createIndexes makes again the indexes dropIndexes dropped, with more
// memory for their sorts than a session has by default.
func (s *seeder) createIndexes(ctx context.Context) error {
	if _, err := s.copier.Exec(ctx, "SET session_replication_role = DEFAULT"); err != nil {
		return err
	}
	if _, err := s.copier.Exec(ctx, "SET maintenance_work_mem = '256MB'"); err != nil {
		return err
	}
	for _, def := range s.indexes {
		if _, err := s.copier.Exec(ctx, def); err != nil {
			return fmt.Errorf("index after the load: %w", err)
		}
	}
	return nil
}

func (s *seeder) users(ctx context.Context) error {
	return s.inTx(ctx, func(tx *sql.Tx) error {
		users := s.inserter(tx, "users", "id", "email", "password_hash", "created_at", "password_changed_at")
		tokens := s.inserter(tx, "api_tokens", "id", "user_id", "name", "prefix", "token_hash", "created_at")
		profiles := s.inserter(tx, "profiles", "owner_id", "name", "email", "updated_at")
		tokens.parent, profiles.parent = users, users
		for u := 0; u <= s.sz.Users; u++ {
			if err := users.add(ctx, u+1, fmt.Sprintf("user%d@bench.example", u), "not-a-real-hash", s.base, s.base); err != nil {
				return err
			}
			tok := token(u)
			if err := tokens.add(ctx, u+1, u+1, "bench", tok[:8], tokenHash(u), s.base); err != nil {
				return err
			}
			if err := profiles.add(ctx, u+1, "Alex Doe", fmt.Sprintf("user%d@bench.example", u), s.base); err != nil {
				return err
			}
		}
		return flushAll(ctx, users, tokens, profiles)
	})
}

// apps seeds applications [from, to) of user index u.
func (s *seeder) apps(ctx context.Context, u, from, to int) error {
	return s.inTx(ctx, func(tx *sql.Tx) error {
		apps := s.inserter(tx, "applications", "id", "owner_id", "company", "role", "location", "contact_name",
			"contact_email", "notes", "status", "created_at", "updated_at", "applied_at")
		hist := s.inserter(tx, "history", "application_id", "from_status", "to_status", "at", "note")
		invs := s.inserter(tx, "invitations", "application_id", "received_at", "interview_at", "format", "round",
			"response", "responded_at", "owner_id")
		letters := s.inserter(tx, "letters", "application_id", "kind", "reason", "channel", "tone", "sender_name",
			"subject", "body", "sent_at", "created_at")
		hist.parent, invs.parent, letters.parent = apps, apps, apps
		step := 2 * 365 * 24 * time.Hour / time.Duration(s.sz.appsOf(u)+1)
		for i := from; i < to; i++ {
			id, status := s.sz.appID(u, i), pattern[i%len(pattern)]
			at := s.base.Add(time.Duration(i) * step).Truncate(time.Second)
			later := at.Add(time.Hour)
			company := companies[i%len(companies)] + " " + strconv.Itoa(i%1000)
			var applied any = at
			first := "applied"
			if status == "wishlist" {
				applied, first = nil, "wishlist"
			}
			err := apps.add(ctx, id, u+1, company, roles[i%len(roles)], "Berlin", "Sam Lee", "sam@example.com",
				"Found through a friend; ask about the team's on-call.", status, at, later, applied)
			if err == nil {
				err = hist.add(ctx, id, "", first, at, "created")
			}
			if err == nil && status != first {
				err = hist.add(ctx, id, "applied", status, later, "")
			}
			if err == nil {
				err = s.extras(ctx, invs, letters, u+1, id, status, later, company)
			}
			if err != nil {
				return err
			}
		}
		return flushAll(ctx, apps, hist, invs, letters)
	})
}

// extras adds the invitation and letters an application in status has.
func (s *seeder) extras(ctx context.Context, invs, letters *inserter, owner int, id int64, status string, at time.Time, company string) error {
	var err error
	switch status {
	case "invited":
		err = invs.add(ctx, id, at, nil, "video", 1, "pending", nil, owner)
	case "scheduled", "interviewed", "declined", "followed_up", "offered":
		err = invs.add(ctx, id, at, at.Add(72*time.Hour), "onsite", 1, "accepted", at, owner)
	}
	if err == nil && (status == "declined" || status == "followed_up") {
		err = letters.add(ctx, id, "decline", "another_offer", "email", "formal", "Alex Doe",
			"Interview at "+company, letterBody, at, at)
	}
	if err == nil && status == "followed_up" {
		err = letters.add(ctx, id, "follow_up", "", "email", "formal", "Alex Doe",
			"Re: Interview at "+company, letterBody, at.Add(72*time.Hour), at.Add(72*time.Hour))
	}
	return err
}

func (s *seeder) inTx(ctx context.Context, fn func(tx *sql.Tx) error) error {
	if s.copier != nil {
		return fn(nil)
	}
	tx, err := s.db.BeginTx(ctx, nil)
	if err != nil {
		return err
	}
	if err := fn(tx); err != nil {
		tx.Rollback()
		return err
	}
	return tx.Commit()
}

// batchRows is how many rows one INSERT statement carries, and copyRows
// how many one COPY does.
const (
	batchRows = 100
	copyRows  = 5000
)

// inserter gathers rows of one table and inserts them batchRows at a time,
// with one statement prepared for the full batch.
type inserter struct {
	tx     *sql.Tx
	pg     bool
	table  string
	cols   []string
	args   []any
	rows   int
	batch  int
	full   *sql.Stmt
	copier *pgx.Conn
	// parent is flushed first: the rows here refer to its rows.
	parent *inserter
}

func (s *seeder) inserter(tx *sql.Tx, table string, cols ...string) *inserter {
	if s.copier != nil {
		return &inserter{copier: s.copier, table: table, cols: cols, batch: copyRows}
	}
	return &inserter{tx: tx, pg: s.pg, table: table, cols: cols, batch: batchRows}
}

func (in *inserter) add(ctx context.Context, vals ...any) error {
	if !in.pg && in.copier == nil {
		for i, v := range vals {
			if t, ok := v.(time.Time); ok {
				vals[i] = storage.TimeOnSQLite(in.table, t)
			}
		}
	}
	in.args = append(in.args, vals...)
	in.rows++
	if in.rows == in.batch {
		return in.flush(ctx)
	}
	return nil
}

func (in *inserter) flush(ctx context.Context) error {
	if in.rows == 0 {
		return nil
	}
	if in.parent != nil {
		if err := in.parent.flush(ctx); err != nil {
			return err
		}
	}
	var err error
	switch {
	case in.copier != nil:
		rows := make([][]any, in.rows)
		for r := range rows {
			rows[r] = in.args[r*len(in.cols) : (r+1)*len(in.cols)]
		}
		_, err = in.copier.CopyFrom(ctx, pgx.Identifier{in.table}, in.cols, pgx.CopyFromRows(rows))
	case in.rows == batchRows:
		if in.full == nil {
			if in.full, err = in.tx.PrepareContext(ctx, in.statement()); err != nil {
				return err
			}
		}
		_, err = in.full.ExecContext(ctx, in.args...)
	default:
		_, err = in.tx.ExecContext(ctx, in.statement(), in.args...)
	}
	if err != nil {
		return fmt.Errorf("seed %s: %w", in.table, err)
	}
	in.args, in.rows = in.args[:0], 0
	return nil
}

// statement is the INSERT of in.rows rows, with the dialect's placeholders.
func (in *inserter) statement() string {
	var b strings.Builder
	b.WriteString("INSERT INTO " + in.table + " (" + strings.Join(in.cols, ", ") + ") VALUES ")
	n := 0
	for r := range in.rows {
		if r > 0 {
			b.WriteByte(',')
		}
		b.WriteByte('(')
		for c := range in.cols {
			if c > 0 {
				b.WriteByte(',')
			}
			n++
			if in.pg {
				b.WriteString("$" + strconv.Itoa(n))
			} else {
				b.WriteByte('?')
			}
		}
		b.WriteByte(')')
	}
	return b.String()
}

func flushAll(ctx context.Context, ins ...*inserter) error {
	for _, in := range ins {
		if err := in.flush(ctx); err != nil {
			return err
		}
	}
	return nil
}

// deriveDue has the store compute what it derives from the seeded rows
// (the search index, the names the letter checker looks up, and each
// application's warning due time, user by user) through the same methods
// the writes call.
func deriveDue(ctx context.Context, dsn string, sz sizes) error {
	db, err := storage.Open(ctx, dsn)
	if err != nil {
		return err
	}
	defer db.Close()
	if err := db.RebuildSearch(ctx); err != nil {
		return fmt.Errorf("search index: %w", err)
	}
	for u := 0; u <= sz.Users; u++ {
		ctx := applications.WithOwner(ctx, int64(u+1))
		if err := db.InTx(ctx, func(ctx context.Context) error { return db.RefreshDue(ctx, 0) }); err != nil {
			return fmt.Errorf("due times of user %d: %w", u+1, err)
		}
	}
	return db.FileNames(ctx)
}

// vacuum has PostgreSQL gather statistics of everything seeded and mark
// its pages all-visible, as autovacuum would soon after a real load, so
// that the first run's plans and index-only scans are those of a settled
// database.
func vacuum(ctx context.Context, dsn string) error {
	db, err := sql.Open("pgx", dsn)
	if err != nil {
		return err
	}
	defer db.Close()
	_, err = db.ExecContext(ctx, "VACUUM ANALYZE users, api_tokens, profiles, "+strings.Join(seededTables, ", ")+", warning_due, application_names")
	return err
}
