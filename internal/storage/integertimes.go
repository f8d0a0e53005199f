package storage

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"math"
	"regexp"
	"strings"

	"github.com/mattn/go-sqlite3"
)

// integerTimesVersion is migration 00074: on SQLite, the times of
// applications, invitations, history and letters become INTEGER columns
// of Unix microseconds (see times.go); PostgreSQL keeps timestamptz and
// is left as it is.
const integerTimesVersion = 74

// integerTimeColumns are the columns migration 00074 converts, by table.
var integerTimeColumns = []struct {
	table   string
	columns []string
}{
	{"applications", []string{"created_at", "updated_at", "applied_at"}},
	{"invitations", []string{"received_at", "respond_by", "interview_at", "responded_at"}},
	{"history", []string{"at"}},
	{"letters", []string{"sent_at", "created_at"}},
}

// integerTimes is migration 00074. SQLite cannot change a column's type
// in place, so each table is rebuilt as migration 00003 rebuilt two: a
// copy of its definition with each time column INTEGER and a CHECK that
// it holds an integer (so that a write that binds a time as text fails
// rather than stores what no read expects), every row copied with its
// times converted, the old table dropped and the copy renamed, and its
// indexes and triggers made again from their own definitions. The
// definitions are read from the database rather than written here, so a
// column another migration added survives. Foreign keys are off while the
// tables are swapped (a DROP with them on would cascade to the rows that
// refer to them); foreign_key_check must find nothing before the commit.
//
// A time is converted to exactly the instant the SQLite driver read from
// it before: text in the first of the driver's formats that fits (text
// that is no time was read as the zero time, and stays it), an integer as
// Unix seconds or, with 13 digits or more, milliseconds. Digits below a
// microsecond, which no release wrote (the services write whole seconds)
// but a hand-made restore could, are dropped, as PostgreSQL drops them.
func integerTimes(ctx context.Context, db *sql.DB) error {
	conn, err := db.Conn(ctx)
	if err != nil {
		return err
	}
	defer conn.Close()
	if err := conn.Raw(func(dc any) error {
		c, ok := dc.(*sqlite3.SQLiteConn)
		if !ok {
			return fmt.Errorf("migration %d runs on SQLite, not %T", integerTimesVersion, dc)
		}
		return c.RegisterFunc("tracker_stored_micros", storedMicros, true)
	}); err != nil {
		return err
	}
	if _, err := conn.ExecContext(ctx, "PRAGMA foreign_keys = OFF"); err != nil {
		return err
	}
	defer conn.ExecContext(context.WithoutCancel(ctx), "PRAGMA foreign_keys = ON")
	if _, err := conn.ExecContext(ctx, "BEGIN IMMEDIATE"); err != nil {
		return err
	}
	if err := rebuildWithIntegerTimes(ctx, conn); err != nil {
		conn.ExecContext(context.WithoutCancel(ctx), "ROLLBACK")
		return err
	}
	_, err = conn.ExecContext(ctx, "COMMIT")
	return err
}

// noIntegerTimesDown refuses to undo migration 00074: the release before
// it would read the integers as Unix seconds or milliseconds.
func noIntegerTimesDown(context.Context, *sql.DB) error {
	return fmt.Errorf("migration %d (times stored as integers) cannot be undone; restore a backup taken before the upgrade", integerTimesVersion)
}

func rebuildWithIntegerTimes(ctx context.Context, conn *sql.Conn) error {
	for _, t := range integerTimeColumns {
		if err := rebuildTable(ctx, conn, t.table, t.columns); err != nil {
			return fmt.Errorf("store the times of %s as integers: %w", t.table, err)
		}
	}
	rows, err := conn.QueryContext(ctx, "PRAGMA foreign_key_check")
	if err != nil {
		return err
	}
	defer rows.Close()
	if rows.Next() {
		return errors.New("foreign_key_check found a row whose reference the rebuild lost")
	}
	return rows.Err()
}

// createTableName is the start of a table's definition, up to its name.
var createTableName = regexp.MustCompile(`^CREATE TABLE (IF NOT EXISTS )?("[^"]+"|\w+)`)

// rebuildTable rebuilds table with each of times an INTEGER column of
// Unix microseconds (see integerTimes).
func rebuildTable(ctx context.Context, conn *sql.Conn, table string, times []string) error {
	var def string
	if err := conn.QueryRowContext(ctx, "SELECT sql FROM sqlite_master WHERE type = 'table' AND name = ?", table).Scan(&def); err != nil {
		return err
	}
	if !createTableName.MatchString(def) {
		return fmt.Errorf("its definition does not start as expected: %.60s", def)
	}
	newTable := table + "_integer_times"
	def = createTableName.ReplaceAllLiteralString(def, "CREATE TABLE "+newTable)
	for _, col := range times {
		// The column's name, its type, and NOT NULL if it has it.
		re := regexp.MustCompile(`([(,]\s*)` + col + `(\s+)TIMESTAMP( NOT NULL)?(\s*[,)])`)
		m := re.FindAllStringSubmatchIndex(def, -1)
		if len(m) != 1 {
			return fmt.Errorf("column %s is not defined once as a TIMESTAMP (%d matches)", col, len(m))
		}
		check := " CHECK (typeof(" + col + ") IN ('integer', 'null'))"
		if m[0][6] >= 0 {
			check = " NOT NULL CHECK (typeof(" + col + ") = 'integer')"
		}
		def = re.ReplaceAllString(def, "${1}"+col+"${2}INTEGER"+check+"${4}")
	}
	// The indexes and triggers, which the DROP takes with it.
	var again []string
	rows, err := conn.QueryContext(ctx, "SELECT sql FROM sqlite_master WHERE tbl_name = ? AND type IN ('index', 'trigger') AND sql IS NOT NULL ORDER BY type, name", table)
	if err != nil {
		return err
	}
	for rows.Next() {
		var s string
		if err := rows.Scan(&s); err != nil {
			rows.Close()
			return err
		}
		again = append(again, s)
	}
	if err := errors.Join(rows.Err(), rows.Close()); err != nil {
		return err
	}
	columns, err := tableColumns(ctx, conn, table)
	if err != nil {
		return err
	}
	values := make([]string, len(columns))
	for i, c := range columns {
		values[i] = c
		for _, t := range times {
			if c == t {
				// The driver hands the function NULL as a nil []byte.
				values[i] = "CASE WHEN " + c + " IS NULL THEN NULL ELSE tracker_stored_micros(" + c + ") END"
			}
		}
	}
	statements := []string{
		def,
		"INSERT INTO " + newTable + " (" + strings.Join(columns, ", ") + ") SELECT " + strings.Join(values, ", ") + " FROM " + table + " ORDER BY id",
		// Keep AUTOINCREMENT's promise: ids of deleted rows are not given out again.
		"DELETE FROM sqlite_sequence WHERE name = '" + newTable + "'",
		"INSERT INTO sqlite_sequence (name, seq) SELECT '" + newTable + "', seq FROM sqlite_sequence WHERE name = '" + table + "'",
		"DROP TABLE " + table,
		"ALTER TABLE " + newTable + " RENAME TO " + table,
	}
	for _, s := range append(statements, again...) {
		if _, err := conn.ExecContext(ctx, s); err != nil {
			return fmt.Errorf("%.80s: %w", s, err)
		}
	}
	return nil
}

// tableColumns are the names of table's columns, in their order.
func tableColumns(ctx context.Context, conn *sql.Conn, table string) ([]string, error) {
	rows, err := conn.QueryContext(ctx, "SELECT name FROM pragma_table_info(?) ORDER BY cid", table)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var out []string
	for rows.Next() {
		var name string
		if err := rows.Scan(&name); err != nil {
			return nil, err
		}
		out = append(out, name)
	}
	return out, rows.Err()
}

// storedMicros is a time (not NULL) as the SQLite driver read it from a
// column declared as a time (see integerTimes), in Unix microseconds.
func storedMicros(v any) (any, error) {
	switch v := v.(type) {
	case int64:
		// The driver's rule: milliseconds from 13 digits on, else seconds.
		if v > 1e12 || v < -1e12 {
			if v > math.MaxInt64/1000 || v < math.MinInt64/1000 {
				return nil, fmt.Errorf("the time %d ms is out of range", v)
			}
			return v * 1000, nil
		}
		return v * 1e6, nil
	case string:
		t, err := scanTime(v)
		if err != nil {
			return nil, err
		}
		return t.UnixMicro(), nil
	}
	return nil, fmt.Errorf("a time column holds %T (%v), which no release wrote", v, v)
}
