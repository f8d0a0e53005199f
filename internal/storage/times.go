package storage

import (
	"time"
)

// Stored times. On SQLite the times of applications, invitations, history
// and letters (the rows every read of the list and of a detail hands over)
// are INTEGER columns of Unix microseconds since migration 00074, read
// with an integer scan: the text SQLite stored before cost a list page
// the standard library's time parser three times a row (about a seventh
// of its instructions) and the driver a string each. Microseconds, not
// nanoseconds: every time the tracker writes is whole seconds (the
// services truncate them), PostgreSQL keeps microseconds, and a restore
// may write any time a JSON backup holds, down to the zero time of a
// missing one, which Unix nanoseconds (1678 to 2262) cannot hold.
// PostgreSQL keeps timestamptz, which its driver reads in binary already.
//
// One representation per boundary: a statement binds a time as
// timeArg gives it (bindTimes does it for every statement the store runs
// itself), and scanColumns' timeColumn and the JSON rows' decoder read
// either form back, always in UTC. The SQLite columns CHECK that they
// hold integers, so a write that slipped a time through as text fails
// instead of storing what no read expects.

// timeOfMicros is the time of stored Unix microseconds, in UTC.
func timeOfMicros(us int64) time.Time { return time.UnixMicro(us).UTC() }

// timeArg is t as a statement on db binds it: Unix microseconds on
// SQLite, the time in UTC on PostgreSQL.
func (db *DB) timeArg(t time.Time) any {
	if db.postgres {
		return t.UTC()
	}
	return t.UnixMicro()
}

// timeArgOrNull is timeArg of *t, or NULL for nil.
func (db *DB) timeArgOrNull(t *time.Time) any {
	if t == nil {
		return nil
	}
	return db.timeArg(*t)
}

// bindTimes returns args with each time in it (a time.Time, or a pointer
// to one or to a pointer to one, as a row's list of fields holds them;
// nil is NULL) as SQLite stores it, in Unix microseconds. args itself is
// not changed: a copy is made when it holds a time.
func bindTimes(args []any) []any {
	var out []any
	for i, a := range args {
		var us any
		switch v := a.(type) {
		case time.Time:
			us = v.UnixMicro()
		case *time.Time:
			if v != nil {
				us = v.UnixMicro()
			}
		case **time.Time:
			if v != nil && *v != nil {
				us = (*v).UnixMicro()
			}
		default:
			continue
		}
		if out == nil {
			out = append([]any(nil), args...)
		}
		out[i] = us
	}
	if out == nil {
		return args
	}
	return out
}

// argsOn returns args as db binds them: bindTimes on SQLite.
func (db *DB) argsOn(args []any) []any {
	if db.postgres {
		return args
	}
	return bindTimes(args)
}

// TimeOnSQLite is t as SQLite stores it in table's time columns (for a
// bulk load that writes rows with statements of its own): Unix
// microseconds in the tables of migration 00074, else t itself, which the
// driver writes as its text.
func TimeOnSQLite(table string, t time.Time) any {
	for _, c := range integerTimeColumns {
		if c.table == table {
			return t.UnixMicro()
		}
	}
	return t
}
