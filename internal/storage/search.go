package storage

import (
	"context"
	"fmt"
	"strings"
	"unicode"

	"gorm.io/gorm"
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

// ftsTriggers are the names of the triggers that keep applications_fts
// in step with applications.
var ftsTriggers = []string{"applications_fts_insert", "applications_fts_delete", "applications_fts_update"}

// ftsSchema creates the SQLite full-text index, its triggers, and fills it
// from the applications already stored.
const ftsSchema = `
CREATE VIRTUAL TABLE IF NOT EXISTS applications_fts USING fts5(
    company, role, contact_name, contact_email, location, notes,
    content = 'applications', content_rowid = 'id',
    tokenize = 'unicode61 remove_diacritics 2', prefix = '2 3');
CREATE TRIGGER IF NOT EXISTS applications_fts_insert AFTER INSERT ON applications BEGIN
    INSERT INTO applications_fts (rowid, company, role, contact_name, contact_email, location, notes)
    VALUES (new.id, new.company, new.role, new.contact_name, new.contact_email, new.location, new.notes);
END;
CREATE TRIGGER IF NOT EXISTS applications_fts_delete AFTER DELETE ON applications BEGIN
    INSERT INTO applications_fts (applications_fts, rowid, company, role, contact_name, contact_email, location, notes)
    VALUES ('delete', old.id, old.company, old.role, old.contact_name, old.contact_email, old.location, old.notes);
END;
CREATE TRIGGER IF NOT EXISTS applications_fts_update
AFTER UPDATE OF company, role, contact_name, contact_email, location, notes ON applications BEGIN
    INSERT INTO applications_fts (applications_fts, rowid, company, role, contact_name, contact_email, location, notes)
    VALUES ('delete', old.id, old.company, old.role, old.contact_name, old.contact_email, old.location, old.notes);
    INSERT INTO applications_fts (rowid, company, role, contact_name, contact_email, location, notes)
    VALUES (new.id, new.company, new.role, new.contact_name, new.contact_email, new.location, new.notes);
END;
INSERT INTO applications_fts (applications_fts) VALUES ('rebuild');`

// ensureSearch sets up the SQLite full-text index on the writer g when the
// driver has FTS5 and the index is not in step (a new database, or one a
// build without FTS5 wrote); without FTS5 it drops the triggers, which
// would make every write fail, so that search falls back to LIKE.
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
		if has {
			return tx.Exec(ftsSchema).Error
		}
		for _, name := range ftsTriggers {
			if err := tx.Exec("DROP TRIGGER IF EXISTS " + name).Error; err != nil {
				return err
			}
		}
		return nil
	})
}

// searchReady reports whether the SQLite database g can search with its
// full-text index: the driver has FTS5 and the triggers keep it in step.
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

func triggersInPlace(g *gorm.DB) (bool, error) {
	var n int
	err := g.Raw("SELECT COUNT(*) FROM sqlite_master WHERE type = 'trigger' AND name IN ?", ftsTriggers).Scan(&n).Error
	if err != nil {
		return false, fmt.Errorf("look for the search index: %w", err)
	}
	return n == len(ftsTriggers), nil
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
		return q.Where("applications.id IN (SELECT rowid FROM applications_fts WHERE applications_fts MATCH ?)", ftsQuery(words)), nil
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

// ftsQuery makes an FTS5 query of words: each quoted, so that no
// character of it is FTS5 syntax, and a prefix, all required.
func ftsQuery(words []string) string {
	quoted := make([]string, len(words))
	for i, w := range words {
		quoted[i] = `"` + w + `"*`
	}
	return strings.Join(quoted, " ")
}
