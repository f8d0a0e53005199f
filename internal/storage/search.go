package storage

import (
	"context"
	"fmt"
	"strconv"
	"strings"
	"unicode"

	"gorm.io/gorm"

	"tracker/internal/applications"
)

// Full-text search over an application's company, role, contact, location
// and notes, as the user types ("acm" finds Acme): every word of the query
// must begin a word of the application, in any of those fields.
//
// PostgreSQL indexes the words with a GIN index on their tsvector
// (migration 00041). SQLite uses an FTS5 table kept in step by triggers;
// the driver has FTS5 only when built with the sqlite_fts5 tag, so the
// table and its triggers are set up when a database opens (ensureSearch)
// rather than by a migration: a build without the tag must still open and
// write the database, and then searches with LIKE, which reads every
// application of the user.

// searchDocument is the text PostgreSQL's index holds for an application;
// the query must repeat it exactly for the index to serve it.
const searchDocument = "to_tsvector('simple', company || ' ' || role || ' ' || contact_name || ' ' || contact_email || ' ' || location || ' ' || notes)"

// prefixQuery makes a tsquery of the user's text with PostgreSQL's own
// parser (so "acme.com" or "jane@acme.com" are the words the index holds)
// and makes every word a prefix; it never fails on any text.
const prefixQuery = "to_tsquery('simple', regexp_replace(plainto_tsquery('simple', @q)::text, @quote_end, @prefix_end, 'g'))"

// The SQLite index holds one document per application (its rowid is the
// application's id): every word of its searchable columns with the
// owner's id in front, as ownerWords writes it, so that the index's terms
// are the owner's own. A search then reads only its owner's words, at
// most the owner's matches however many other users share the word, and
// FTS5 returns them newest first by rowid, so a page stops at its end.
// The owner's id has a fixed width, which makes the prefix indexes serve
// the first one, two and three letters the user types. The store writes
// the document with every change of those columns (the text is made in
// Go, which SQL in a trigger could not do); a trigger deletes it with
// the application.

// ownerWidth is the width of the owner's id in front of every word: a
// positive int64 has at most 19 digits.
const ownerWidth = 19

// ftsTable is the index's table, and ftsDeleteTrigger its trigger: a
// database without that trigger (new, or written by a build without FTS5)
// or with a table of another shape (the one before the owner's id,
// applications_fts, or a later change of this statement) has its index
// built when it opens.
const (
	ftsTable = `CREATE VIRTUAL TABLE application_words USING fts5(words, content = '', contentless_delete = 1,
    tokenize = 'unicode61 remove_diacritics 2', prefix = '20 21 22')`
	ftsDeleteTrigger = "application_words_delete"
)

// oldFTS drops the triggers of the index before the owner's id.
var oldFTS = []string{"DROP TRIGGER IF EXISTS applications_fts_insert", "DROP TRIGGER IF EXISTS applications_fts_delete",
	"DROP TRIGGER IF EXISTS applications_fts_update"}

// ftsSchema creates the SQLite full-text index, empty, and the trigger
// that deletes an application's words with it.
const ftsSchema = `
DROP TABLE IF EXISTS applications_fts;
DROP TABLE IF EXISTS application_words;
` + ftsTable + `;
CREATE TRIGGER ` + ftsDeleteTrigger + ` AFTER DELETE ON applications BEGIN
    DELETE FROM application_words WHERE rowid = old.id;
END;`

// ensureSearch sets up the SQLite full-text index on the writer g when the
// driver has FTS5 and the index is not in step (a new database, one a
// build without FTS5 wrote, or one with the index of an older shape);
// without FTS5 it drops the triggers, which would make every delete fail,
// so that search falls back to LIKE.
func ensureSearch(ctx context.Context, g *gorm.DB) error {
	has, err := hasFTS5(g)
	if err != nil {
		return err
	}
	ready, err := triggersInPlace(g)
	if err != nil || ready == has {
		return err
	}
	return g.WithContext(ctx).Transaction(func(tx *gorm.DB) error {
		for _, drop := range append(oldFTS, "DROP TRIGGER IF EXISTS "+ftsDeleteTrigger) {
			if err := tx.Exec(drop).Error; err != nil {
				return err
			}
		}
		if !has {
			return nil
		}
		if err := tx.Exec(ftsSchema).Error; err != nil {
			return err
		}
		return indexAll(tx)
	})
}

// indexAll writes the words of every application into the empty index,
// a thousand applications at a time.
func indexAll(tx *gorm.DB) error {
	var last int64
	for {
		var rows []applicationRow
		err := tx.Select("id, owner_id, company, role, contact_name, contact_email, location, notes").
			Where("id > ?", last).Order("id").Limit(1000).Find(&rows).Error
		if err != nil || len(rows) == 0 {
			return err
		}
		for _, r := range rows {
			if err := tx.Exec("INSERT INTO application_words (rowid, words) VALUES (?, ?)", r.ID, ownerWords(r.OwnerID, r.Fields)).Error; err != nil {
				return err
			}
		}
		last = rows[len(rows)-1].ID
	}
}

// RebuildSearch rebuilds the SQLite full-text index from the stored
// applications; a bulk load that inserts them with SQL (the benchmark's
// seed) calls it afterwards. It does nothing on PostgreSQL, whose index
// follows every row, and without FTS5.
func (db *DB) RebuildSearch(ctx context.Context) error {
	if !db.fts {
		return nil
	}
	return db.write.WithContext(ctx).Transaction(func(tx *gorm.DB) error {
		if err := tx.Exec("DELETE FROM application_words").Error; err != nil {
			return err
		}
		return indexAll(tx)
	})
}

// searchReady reports whether the SQLite database g can search with its
// full-text index: the driver has FTS5 and the index is in step.
func searchReady(g *gorm.DB) (bool, error) {
	has, err := hasFTS5(g)
	if err != nil || !has {
		return false, err
	}
	return triggersInPlace(g)
}

func hasFTS5(g *gorm.DB) (bool, error) {
	var used int
	if err := g.Raw("SELECT sqlite_compileoption_used('ENABLE_FTS5')").Scan(&used).Error; err != nil {
		return false, fmt.Errorf("ask SQLite for FTS5: %w", err)
	}
	return used == 1, nil
}

// triggersInPlace reports whether the index has the current shape and
// its trigger, which a build without FTS5 drops.
func triggersInPlace(g *gorm.DB) (bool, error) {
	var n int
	err := g.Raw("SELECT COUNT(*) FROM sqlite_master WHERE (type = 'trigger' AND name = ?) OR (type = 'table' AND sql = ?)",
		ftsDeleteTrigger, ftsTable).Scan(&n).Error
	if err != nil {
		return false, fmt.Errorf("look for the search index: %w", err)
	}
	return n == 2, nil
}

// indexWords writes application a's words into the SQLite full-text
// index, replacing what it held, when there is one.
func (db *DB) indexWords(ctx context.Context, ownerID int64, a *applications.Application) error {
	if !db.fts {
		return nil
	}
	err := db.conn(ctx).Exec("INSERT OR REPLACE INTO application_words (rowid, words) VALUES (?, ?)", a.ID, ownerWords(ownerID, a.Fields)).Error
	if err != nil {
		return fmt.Errorf("index application %d: %w", a.ID, err)
	}
	return nil
}

// searchedFields are the names of the fields a search reads.
var searchedFields = []string{"Company", "Role", "ContactName", "ContactEmail", "Location", "Notes"}

// ownerWords is the document the SQLite index holds for an application of
// owner with fields f: each word of the searched columns, as searchWords
// splits them, behind the owner's id.
func ownerWords(owner int64, f applications.Fields) string {
	var b strings.Builder
	for _, text := range []string{f.Company, f.Role, f.ContactName, f.ContactEmail, f.Location, f.Notes} {
		for _, w := range searchWords(text) {
			fmt.Fprintf(&b, "%0*d%s ", ownerWidth, owner, w)
		}
	}
	return b.String()
}

// FullText reports whether searches use a full-text index; false on a
// SQLite build without FTS5, which searches with LIKE.
func (db *DB) FullText() bool { return db.postgres || db.fts }

// search limits q to the applications that match the user's text.
func (db *DB) search(ctx context.Context, q *gorm.DB, text string) (*gorm.DB, error) {
	if db.postgres {
		args := map[string]any{"q": text, "quote_end": `'(?=\s|$)`, "prefix_end": `':*`}
		return q.Where(searchDocument+" @@ "+prefixQuery, args), db.steerSearch(ctx, args)
	}
	words := searchWords(text)
	if len(words) == 0 {
		return q.Where("1 = 0"), nil // nothing but punctuation: no word to find
	}
	if db.fts {
		uid, err := owner(ctx)
		return q.Where("applications.id IN (SELECT rowid FROM application_words WHERE application_words MATCH ?)", ftsQuery(uid, words)), err
	}
	// Without the index every word must occur in one of the columns; LIKE
	// ignores the case of ASCII letters, others match as typed.
	for _, w := range words {
		like := "%" + escapeLike(w) + "%"
		cond := make([]string, len(searchColumns))
		args := make([]any, len(searchColumns))
		for i, c := range searchColumns {
			cond[i], args[i] = c+` LIKE ? ESCAPE '\'`, like
		}
		q = q.Where("("+strings.Join(cond, " OR ")+")", args...)
	}
	return q, nil
}

// denseMatches is how many matches make a PostgreSQL search read the
// list's own index in its order, stopping at the page's end, rather than
// sort everything the full-text index found.
const denseMatches = 1000

// steerSearch chooses the plan of the search in ctx's transaction on
// PostgreSQL, which cannot estimate how many rows a prefix query matches:
// it guesses a few thousand, and under a page's LIMIT walks the user's
// rows in the list's order testing each one, seconds for a word that is
// rare or absent. A probe through the full-text index counts the matches
// up to denseMatches; below that the query may use only bitmap scans (the
// full-text index, then a sort of what it found), above it the ordered
// walk finds a page quickly.
func (db *DB) steerSearch(ctx context.Context, args map[string]any) error {
	uid, err := owner(ctx)
	if err != nil {
		return err
	}
	tx := db.conn(ctx)
	// A cached generic plan would keep whichever plan it was made with.
	if err := setLocal(tx, "plan_cache_mode", "force_custom_plan", "enable_indexscan", "off", "enable_seqscan", "off"); err != nil {
		return err
	}
	var n int64
	probe := "SELECT COUNT(*) FROM (SELECT 1 FROM applications WHERE owner_id = @owner AND " + searchDocument + " @@ " + prefixQuery + " LIMIT @cap) m"
	args["owner"], args["cap"] = uid, denseMatches
	if err := tx.Raw(probe, args).Scan(&n).Error; err != nil {
		return fmt.Errorf("search: %w", err)
	}
	if n < denseMatches {
		return nil
	}
	return setLocal(tx, "enable_indexscan", "on", "enable_seqscan", "on")
}

// setLocal sets PostgreSQL settings, name then value, until the
// transaction ends, in one round trip.
func setLocal(tx *gorm.DB, nameValues ...string) error {
	calls := make([]string, 0, len(nameValues)/2)
	args := make([]any, 0, len(nameValues))
	for i := 0; i < len(nameValues); i += 2 {
		calls = append(calls, "set_config(?, ?, true)")
		args = append(args, nameValues[i], nameValues[i+1])
	}
	if err := tx.Exec("SELECT "+strings.Join(calls, ", "), args...).Error; err != nil {
		return fmt.Errorf("search: %w", err)
	}
	return nil
}

// searchColumns are the columns a search reads.
var searchColumns = []string{"company", "role", "contact_name", "contact_email", "location", "notes"}

// searchWords splits the user's text into words: runs of letters, digits
// and combining marks, as the FTS5 tokenizer splits the text it indexes.
func searchWords(text string) []string {
	return strings.FieldsFunc(text, func(r rune) bool {
		return !unicode.IsLetter(r) && !unicode.IsNumber(r) && !unicode.IsMark(r)
	})
}

// ftsQuery makes an FTS5 query of words for owner's applications: each
// word behind the owner's id, quoted, so that no character of it is FTS5
// syntax, and a prefix, all required.
func ftsQuery(owner int64, words []string) string {
	quoted := make([]string, len(words))
	for i, w := range words {
		quoted[i] = fmt.Sprintf(`"%0*d%s"*`, ownerWidth, owner, w)
	}
	return strings.Join(quoted, " ")
}

// searchInOrder is a search of the SQLite full-text index newest or
// oldest first: the index hands over the owner's matches in the order of
// their rowid, the application's id, from the cursor on, and the page
// stops at its end, however many the matches.
func (db *DB) searchInOrder(ctx context.Context, f applications.ListFilter, after *applications.ListCursor) ([]applications.Application, error) {
	uid, err := owner(ctx)
	if err != nil {
		return nil, err
	}
	words := searchWords(f.Query)
	if len(words) == 0 {
		return nil, nil
	}
	// CROSS JOIN keeps the index the outer loop: the other way round
	// would run the full-text query once per application.
	q := "SELECT " + applicationColumns + " FROM application_words CROSS JOIN applications ON applications.id = application_words.rowid" +
		" WHERE application_words MATCH ? AND applications.owner_id = ?"
	args := []any{ftsQuery(uid, words), uid}
	order, before := "DESC", "<"
	if f.Sort == applications.SortOldest {
		order, before = "ASC", ">"
	}
	if after != nil {
		q += " AND application_words.rowid " + before + " ?"
		args = append(args, after.ID)
	}
	if f.Status != "" {
		q += " AND applications.status = ?"
		args = append(args, string(f.Status))
	}
	q += " ORDER BY application_words.rowid " + order
	if f.Limit > 0 {
		q += " LIMIT " + strconv.Itoa(f.Limit)
	}
	cursor, err := db.conn(ctx).Raw(q, args...).Rows()
	if err != nil {
		return nil, fmt.Errorf("search applications: %w", err)
	}
	rows, err := scanRows[applicationRow](cursor)
	if err != nil {
		return nil, fmt.Errorf("search applications: %w", err)
	}
	out := make([]applications.Application, len(rows))
	for i, r := range rows {
		out[i] = r.domain()
	}
	return out, nil
}
