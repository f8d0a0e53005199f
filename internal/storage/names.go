package storage

import (
	"cmp"
	"context"
	"database/sql"
	"encoding/json"
	"fmt"
	"slices"
	"strings"

	"gorm.io/gorm"

	"tracker/internal/applications"
	"tracker/internal/decline"
)

// The names of a user's applications, for the letter checker's search for
// a name of another application pasted into a letter (migration 00044):
// each company and contact once, under its key (decline.NameKey), so that
// a letter looks up only the names whose key it holds.

// addNames files the company and contact of an application of user uid
// under their keys; a name filed before stays as it is.
func (db *DB) addNames(ctx context.Context, uid int64, names ...string) error {
	values, args := nameValues(uid, names...)
	if len(args) == 0 {
		return nil
	}
	q := "INSERT INTO application_names (owner_id, name_key, name) VALUES " + values + " ON CONFLICT DO NOTHING"
	if _, err := db.conn(ctx).Statement.ConnPool.ExecContext(ctx, db.placeholders(q), args...); err != nil {
		return fmt.Errorf("file the names: %w", err)
	}
	return nil
}

// nameValues are the rows of application_names that file names of user
// uid, as a VALUES list with ? placeholders and its arguments: blank
// names and repeats are left out (no arguments when none is left).
func nameValues(uid int64, names ...string) (values string, args []any) {
	for i, n := range names {
		if strings.TrimSpace(n) == "" || slices.Contains(names[:i], n) {
			continue
		}
		if len(args) > 0 {
			values += ", "
		}
		values += "(?, ?, ?)"
		args = append(args, uid, decline.NameKey(n), n)
	}
	return values, args
}

// placeholders turns q's ? into the dialect's placeholders.
func (db *DB) placeholders(q string) string {
	if db.postgres {
		return numberedPlaceholders(q)
	}
	return q
}

// OtherNames returns the companies and contacts of the user's applications
// other than appID whose key is one of keys (decline.NameKeys of a
// letter) and that skip does not rule out, each with the newest
// application that holds it, newest first (a company before a contact of
// the same application). It is one statement: each name found by its key
// comes with the newest other application holding it as a company and as
// a contact, each an index lookup.
func (db *DB) OtherNames(ctx context.Context, appID int64, keys []string, skip func(name string) bool) ([]applications.AppNames, error) {
	uid, err := owner(ctx)
	if err != nil {
		return nil, err
	}
	list, err := json.Marshal(keys)
	if err != nil {
		return nil, err
	}
	statement := otherNamesStatements[0]
	if db.postgres {
		statement = otherNamesStatements[1]
	}
	rows, err := db.readQuery(ctx, statement, uid, appID, uid, appID, uid, string(list))
	if err != nil {
		return nil, fmt.Errorf("look up names: %w", err)
	}
	var out []applications.AppNames
	err = eachRow(rows, func(r *otherNameRow) {
		if skip(r.name) {
			return
		}
		if r.company.Valid {
			out = append(out, applications.AppNames{ID: r.company.Int64, Company: r.name})
		}
		if r.contact.Valid {
			out = append(out, applications.AppNames{ID: r.contact.Int64, ContactName: r.name})
		}
	})
	if err != nil {
		return nil, fmt.Errorf("look up names: %w", err)
	}
	slices.SortStableFunc(out, func(a, b applications.AppNames) int {
		if a.ID != b.ID {
			return cmp.Compare(b.ID, a.ID)
		}
		return strings.Compare(b.Company, a.Company) // the one with a company first
	})
	return out, nil
}

// otherNamesStatements are the statements of OtherNames on SQLite and on
// PostgreSQL.
var otherNamesStatements = [2]string{otherNamesSQL(false), otherNamesSQL(true)}

// otherNamesSQL returns the statement OtherNames runs on the dialect: its
// arguments are the user's id and the application's, twice, then the
// user's id and the keys as a JSON array.
func otherNamesSQL(postgres bool) string {
	keys := "SELECT value FROM json_each(?)"
	if postgres {
		keys = "SELECT json_array_elements_text(?::json)"
	}
	newest := func(col string) string {
		return "(SELECT max(id) FROM applications WHERE owner_id = " + boundEqOn(postgres) + " AND " + col + " = n.name AND id <> ?)"
	}
	return "SELECT n.name, " + newest("company") + ", " + newest("contact_name") +
		" FROM application_names n WHERE n.owner_id = ? AND n.name_key IN (" + keys + ")"
}

// otherNameRow is a name OtherNames found, with the newest other
// application that holds it as a company and as a contact, if any.
type otherNameRow struct {
	name             string
	company, contact sql.NullInt64
}

func (r *otherNameRow) fields() []any { return []any{&r.name, &r.company, &r.contact} }

// FileNames files the names of every stored application, as migration
// 00045 did: a database filled by hand (a bulk load, the benchmark's seed)
// calls it afterwards.
func (db *DB) FileNames(ctx context.Context) error {
	return db.InTx(ctx, func(ctx context.Context) error {
		return fileAllNames[gorm.ConnPool](db.postgres)(ctx, db.conn(ctx).Statement.ConnPool)
	})
}

// fileAllNames is migration 00045: it files the names of the applications
// already stored (see migration 00044), computing their keys in Go as the
// letter checker does.
func fileAllNames[Tx interface {
	QueryContext(ctx context.Context, q string, args ...any) (*sql.Rows, error)
	ExecContext(ctx context.Context, q string, args ...any) (sql.Result, error)
}](postgres bool) func(ctx context.Context, tx Tx) error {
	return func(ctx context.Context, tx Tx) error {
		rows, err := tx.QueryContext(ctx, "SELECT owner_id, company FROM applications UNION SELECT owner_id, contact_name FROM applications")
		if err != nil {
			return err
		}
		type ownerName struct {
			owner int64
			name  string
		}
		var all []ownerName
		for rows.Next() {
			var n ownerName
			if err := rows.Scan(&n.owner, &n.name); err != nil {
				rows.Close()
				return err
			}
			if strings.TrimSpace(n.name) != "" {
				all = append(all, n)
			}
		}
		if err := rows.Close(); err != nil {
			return err
		}
		const batch = 300
		for len(all) > 0 {
			part := all[:min(batch, len(all))]
			all = all[len(part):]
			q := "INSERT INTO application_names (owner_id, name_key, name) VALUES " +
				strings.TrimSuffix(strings.Repeat("(?, ?, ?), ", len(part)), ", ") + " ON CONFLICT DO NOTHING"
			if postgres {
				q = numberedPlaceholders(q)
			}
			args := make([]any, 0, 3*len(part))
			for _, n := range part {
				args = append(args, n.owner, decline.NameKey(n.name), n.name)
			}
			if _, err := tx.ExecContext(ctx, q, args...); err != nil {
				return fmt.Errorf("file the names: %w", err)
			}
		}
		return nil
	}
}
