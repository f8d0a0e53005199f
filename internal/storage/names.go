package storage

import (
	"cmp"
	"context"
	"database/sql"
	"encoding/json"
	"fmt"
	"hash/maphash"
	"slices"
	"strings"
	"sync"
	"time"

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
//
// Most of a letter's keys are words no name of the user starts with, and
// each costs the statement an index lookup: the keys go through the
// user's key filter first (see nameFilter), and the statement reads the
// version of the user's names beside the names. The answer stands when
// that is the version the filter was built at; else the filter is built
// again (or, when it was built moments ago, every key is looked up).
//
// When the caller read the version with the application (version not
// nil; LetterRecords.NamesVersion) and it is the filter's, a letter none
// of whose keys passes the filter holds no name of the user's at that
// version, and no statement runs: the preview of a letter without
// another application's name costs the one statement that read the
// application.
func (db *DB) OtherNames(ctx context.Context, appID int64, version *int64, keys []string, skip func(name string) bool) ([]applications.AppNames, error) {
	uid, err := owner(ctx)
	if err != nil {
		return nil, err
	}
	f := db.names.get(uid)
	if f == nil || f.stale && time.Since(f.built) >= nameFilterRebuild {
		if f, err = db.buildNameFilter(ctx, uid); err != nil {
			return nil, err
		}
	}
	if !f.stale {
		passed := f.filter(keys)
		if len(passed) == 0 && version != nil && *version == f.version {
			return nil, nil
		}
		out, version, err := db.otherNames(ctx, uid, appID, passed, skip)
		if err != nil || version == f.version {
			return out, err
		}
		db.names.put(uid, &nameFilter{version: f.version, built: f.built, stale: true, bits: f.bits})
	}
	out, _, err := db.otherNames(ctx, uid, appID, keys, skip)
	return out, err
}

// otherNames looks the names of keys up (see OtherNames) and returns them
// with the version of the user's names the statement read them at.
func (db *DB) otherNames(ctx context.Context, uid, appID int64, keys []string, skip func(name string) bool) ([]applications.AppNames, int64, error) {
	list, err := json.Marshal(keys)
	if err != nil {
		return nil, 0, err
	}
	statement := otherNamesStatements[0]
	if db.postgres {
		statement = otherNamesStatements[1]
	}
	rows, err := db.readQuery(ctx, statement, uid, uid, appID, uid, appID, uid, string(list))
	if err != nil {
		return nil, 0, fmt.Errorf("look up names: %w", err)
	}
	var out []applications.AppNames
	var version int64
	err = eachRow(rows, func(r *otherNameRow) {
		if !r.name.Valid { // the version's row
			version = r.company.Int64
			return
		}
		if skip(r.name.String) {
			return
		}
		if r.company.Valid {
			out = append(out, applications.AppNames{ID: r.company.Int64, Company: r.name.String})
		}
		if r.contact.Valid {
			out = append(out, applications.AppNames{ID: r.contact.Int64, ContactName: r.name.String})
		}
	})
	if err != nil {
		return nil, 0, fmt.Errorf("look up names: %w", err)
	}
	slices.SortStableFunc(out, func(a, b applications.AppNames) int {
		if a.ID != b.ID {
			return cmp.Compare(b.ID, a.ID)
		}
		return strings.Compare(b.Company, a.Company) // the one with a company first
	})
	return out, version, nil
}

// otherNamesStatements are the statements of OtherNames on SQLite and on
// PostgreSQL.
var otherNamesStatements = [2]string{otherNamesSQL(false), otherNamesSQL(true)}

// otherNamesSQL returns the statement OtherNames runs on the dialect: its
// arguments are the user's id, then the user's id and the application's,
// twice, then the user's id and the keys as a JSON array. Its first row,
// without a name, carries the version of the user's names (none when it
// is 0).
func otherNamesSQL(postgres bool) string {
	keys := "SELECT value FROM json_each(?)"
	if postgres {
		keys = "SELECT json_array_elements_text(?::json)"
	}
	newest := func(col string) string {
		return "(SELECT max(id) FROM applications WHERE owner_id = " + boundEqOn(postgres) + " AND " + col + " = n.name AND id <> ?)"
	}
	return nameVersionSQL(postgres) + " UNION ALL SELECT n.name, " + newest("company") + ", " + newest("contact_name") +
		" FROM application_names n WHERE n.owner_id = ? AND n.name_key IN (" + keys + ")"
}

// nameVersionSQL selects the version of user ?'s names as the one row
// of a statement's rows whose first column is NULL and the second the
// version.
func nameVersionSQL(postgres bool) string {
	none := "NULL"
	if postgres {
		none = "NULL::text" // the type of the name column it stands in for
	}
	return "SELECT " + none + ", version, NULL FROM application_names_version WHERE owner_id = ?"
}

// otherNameRow is a name OtherNames found, with the newest other
// application that holds it as a company and as a contact, if any; or,
// without a name, the version of the user's names (in company).
type otherNameRow struct {
	name             sql.NullString
	company, contact sql.NullInt64
}

func (r *otherNameRow) fields() []any { return []any{&r.name, &r.company, &r.contact} }

// nameFilterRebuild (a variable for the tests) is how long a user's
// filter found out of date is not built again: a user whose names change
// on every request is looked up key by key instead of rebuilding the
// filter each time.
var nameFilterRebuild = time.Second

// buildNameFilter reads the keys of the user's names with their version,
// in one statement, and keeps their filter.
func (db *DB) buildNameFilter(ctx context.Context, uid int64) (*nameFilter, error) {
	rows, err := db.readQuery(ctx, nameVersionSQL(db.postgres)+" UNION ALL SELECT name_key, NULL, NULL FROM application_names WHERE owner_id = ?", uid, uid)
	if err != nil {
		return nil, fmt.Errorf("read the name keys: %w", err)
	}
	var keys []string
	var version int64
	err = eachRow(rows, func(r *otherNameRow) {
		if r.name.Valid {
			keys = append(keys, r.name.String)
		} else {
			version = r.company.Int64
		}
	})
	if err != nil {
		return nil, fmt.Errorf("read the name keys: %w", err)
	}
	f := newNameFilter(keys, version, db.names.exact)
	db.names.put(uid, f)
	return f, nil
}

// nameCache holds a nameFilter for each user whose letters were checked,
// by user id; the zero value is empty. A filter takes 16 to 32 bits a
// name (a user with 16,000 names: 32 or 64 kB).
type nameCache struct {
	m sync.Map
	// exact has the filters built for the cache keep their keys and pass
	// only those (see newNameFilter); the zero value, as a DB opens,
	// keeps bits alone.
	exact bool
}

func (c *nameCache) get(uid int64) *nameFilter {
	if f, ok := c.m.Load(uid); ok {
		return f.(*nameFilter)
	}
	return nil
}

func (c *nameCache) put(uid int64, f *nameFilter) { c.m.Store(uid, f) }

// nameFilter is a Bloom filter of the keys of a user's names at a
// version: a key it does not hold is the key of none of the user's names
// at that version; one it holds may be (at most about one in 2,000 is
// not).
// It never changes; stale marks a copy found out of date.
type nameFilter struct {
	version int64
	built   time.Time
	stale   bool
	bits    []uint64 // a power of two of them
	// exact holds the keys themselves in a filter built exact: it then
	// passes no key that no name has.
	exact map[string]bool
}

// nameFilterBits is the fewest bits a filter has for each key (it has a
// power of two of 64-bit words), and nameFilterHashes how many of them a
// key sets: at 16 bits a key, about one key in 2,000 that no name has
// passes. A letter has a hundred keys or more (its words and each two in
// a row), and a preview none of whose keys pass needs no lookup of the
// names (see OtherNames): at ten bits a key, with one key in a hundred
// passing, most letters had one.
const (
	nameFilterBits   = 16
	nameFilterHashes = 11
)

// nameSeed is the seed of the filters' hashes, this process's own.
var nameSeed = maphash.MakeSeed()

// newNameFilter builds the filter of keys at version; an exact one also
// keeps the keys, so that no false hit passes (the tests that count a
// letter's statements build them so, see nameCache).
func newNameFilter(keys []string, version int64, exact bool) *nameFilter {
	n := 1
	for n < len(keys)*nameFilterBits/64+1 {
		n *= 2
	}
	f := &nameFilter{version: version, built: time.Now(), bits: make([]uint64, n)}
	if exact {
		f.exact = make(map[string]bool, len(keys))
		for _, k := range keys {
			f.exact[k] = true
		}
	}
	for _, k := range keys {
		f.each(k, func(word int, bit uint64) bool { f.bits[word] |= bit; return true })
	}
	return f
}

// each calls fn with the word and bit of each of the key's bits, while fn
// returns true, and returns whether it always did.
func (f *nameFilter) each(key string, fn func(word int, bit uint64) bool) bool {
	h := maphash.String(nameSeed, key)
	h1, h2 := h, h>>32|1
	mask := uint64(len(f.bits))*64 - 1
	for i := range uint64(nameFilterHashes) {
		p := (h1 + i*h2) & mask
		if !fn(int(p>>6), 1<<(p&63)) {
			return false
		}
	}
	return true
}

// filter returns the keys that may be the key of one of the names.
func (f *nameFilter) filter(keys []string) []string {
	out := make([]string, 0, 8)
	for _, k := range keys {
		if f.each(k, func(word int, bit uint64) bool { return f.bits[word]&bit != 0 }) && (f.exact == nil || f.exact[k]) {
			out = append(out, k)
		}
	}
	return out
}

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
