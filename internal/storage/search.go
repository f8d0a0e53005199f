package storage

import (
	"context"
	"fmt"
	"slices"
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"

	"gorm.io/gorm"

	"tracker/internal/applications"
)

// Full-text search over an application's company, role, contact, location
// and notes, as the user types ("acm" finds Acme): every word of the query
// must begin a word of the application, in any of those fields.
//
// Both databases index each word with the owner's id in front, 19 digits
// (0000000000000000017acme), so that a search reads only its owner's
// entries under a word, however many other users share it; PostgreSQL
// the stage too (0000000000000000017invited acme), so that a search in a
// stage reads only that stage's.
//
// PostgreSQL keeps the application's words in a column (words) and
// indexes them behind the owner's id and the stage with GIN (migrations
// 00046 and 00081; stage_query makes a search's query). SQLite
// uses an FTS5 table that the store keeps in step; the driver has FTS5
// only when built with the sqlite_fts5 tag, so the table is set up when a
// database opens (ensureSearch) rather than by a migration: a build
// without the tag must still open and write the database, and then
// searches with LIKE, which reads every application of the user.
//
// An inverted index hands over its matches in no order of the list's
// but by id (FTS5) or not at all (GIN). A page in another order walks
// the list's own index in its order, a bounded stretch of it, testing
// each row, and stops at the page's end: a word in a good share of the
// rows fills a page soon. Only a page the walk did not fill reads the
// matches and sorts them, or, when they are many, walks on (searchFTS,
// search_postgres.go, which chooses the way up front from PostgreSQL's
// statistics of the word index).

// ownerWidth is the width of the owner's id in front of every word: a
// positive int64 has at most 19 digits.
const ownerWidth = 19

// ownerPrefix is the owner's id as it stands in front of every word of
// the index, on both databases.
func ownerPrefix(owner int64) string { return fmt.Sprintf("%0*d", ownerWidth, owner) }

// The SQLite index holds one document per application (its rowid is the
// application's id): every word of its searchable columns with the
// owner's id in front, as ownerWords writes it, so that the index's terms
// are the owner's own. A search then reads only its owner's words, at
// most the owner's matches however many other users share the word, and
// FTS5 returns them newest first by rowid, so a page stops at its end.
// The owner's id has a fixed width, which makes the prefix indexes serve
// the first 1 to 12 letters the user types: a prefix with an index of its
// length is read like one word, lazily, from the newest match on; a longer
// one has FTS5 merge the lists of every word it begins into one before
// the first match (2.6 ms for "acme" and 41 ms for "berlin" for the user
// with 1,000,000 applications, with indexes for 1 to 3 letters only). The
// index keeps no positions (detail = none): a search needs none, and the
// lists are a third of the size. The store writes
// the document with every change of those columns (the text is made in
// Go, which SQL in a trigger could not do); a trigger deletes it with
// the application.

// ftsTable is the index's table, and ftsDeleteTrigger its trigger: a
// database without that trigger (new, or written by a build without FTS5)
// or with a table of another shape (the one before the owner's id,
// applications_fts, or a later change of this statement) has its index
// built when it opens.
const (
	ftsTable = `CREATE VIRTUAL TABLE application_words USING fts5(words, content = '', contentless_delete = 1, detail = none,
    tokenize = 'unicode61 remove_diacritics 2', prefix = '20 21 22 23 24 25 26 27 28 29 30 31')`
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
// a thousand applications at a time, then merges the index into one
// segment: FTS5 writes a large load as many, and every search looks its
// words up in each segment.
func indexAll(tx *gorm.DB) error {
	var last int64
	for {
		var rows []applicationRow
		err := tx.Select("id, owner_id, company, role, contact_name, contact_email, location, notes").
			Where("id > ?", last).Order("id").Limit(1000).Find(&rows).Error
		if err == nil && len(rows) == 0 {
			err = tx.Exec("INSERT INTO application_words (application_words) VALUES ('optimize')").Error
		}
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

// denseMatches is how many of the owner's matches a SQLite search in
// another order than by id treats as more than a window of the list's
// index should be tested against (searchFTS); PostgreSQL's search reads
// as many through its word index at most.
const denseMatches = 1000

// manyMatches is how many of the owner's matches a SQLite search in
// another order than by id counts, from the full-text index alone (some
// 0.05 us a match), before it treats them as many: more than cost less
// to gather into a set than a walk that tests each row's text would
// likely cost to fill the page (searchFTS).
const manyMatches = 2 * denseMatches

// textWindow is how many of the user's rows in the list's order a SQLite
// search with many matches of one word tests the text of (walkText) before it judges
// from the matches among them whether to walk on (deeperWindow) or gather
// the matches into a set.
const textWindow = 2 * searchWindow

// pageScope is the condition of a search page without the search: the
// user's applications, in the stage asked for, after the cursor. On
// PostgreSQL the owner and the order are those of ownerFirst, so that
// the walk in id order reads the owner's index, not the primary key.
func pageScope(postgres bool, uid int64, f applications.ListFilter, after *applications.ListCursor) (where string, args []any, order string) {
	order, cond, cargs := pageOrder(f.Sort, after)
	mine := "owner_id = " + boundEqOn(postgres)
	if postgres {
		mine, order = ownerFirst(order)
	}
	where, args = "applications."+mine, []any{uid}
	if f.Status != "" {
		where, args = where+" AND applications.status = "+boundEqOn(postgres), append(args, string(f.Status))
	}
	if cond != "" {
		where, args = where+" AND "+cond, append(args, cargs...)
	}
	return where, args, order
}

// searchWindow is how many of the user's rows in the list's order a
// PostgreSQL search without statistics tests before it reads the word
// index instead: a word in at least one application of twenty fills a
// page of 50 within it, and reading the index costs as much as the
// owner's matches. A PostgreSQL search with statistics walks at least as
// far; a SQLite search with many matches twice as far (textWindow).
const searchWindow = 1000

// deepWindow is the most of the user's rows in the list's order a
// PostgreSQL search walks: a word in one application of a thousand fills
// a page of 50 within it, which is 50,000 rows for 1,000 matches evenly
// among 1,000,000 applications.
const deepWindow = 50 * searchWindow

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

// searchFTS is a search page on SQLite with its FTS5 index. Newest or
// oldest first the index hands over the owner's matches in the list's
// order (searchInOrder). In another order a probe counts the owner's
// matches in the index alone, which reads no application, up to
// manyMatches (denseMatches for several words), and the count chooses the
// plan. The index's words carry no stage: with a stage's letter in each,
// a search in a stage read that stage's matches alone (0.1-3 ms for the
// user with 1,000,000 applications), but a move had to write all of its
// application's words again (1.8 times the CPU time of a move) and a
// search of every stage read an OR of twelve lists (1.5 to 4 times as
// long); both measured, not kept. So the count is of every stage's
// matches, and a page in a stage walks the index of that stage in the
// page's order (migration 00082), testing that stage's rows only; a
// stage that holds few of a common word's matches still gathers them
// all (matchesInOrder). Newest or oldest first within a stage the matches
// come in the page's order but the stage of each must be tested: the
// first thousand in the stage's index, then the fewer of the stage's
// entries and the matches gathered into a set (searchStageInOrder).
// Every plan stops at the page's end or a bound, so that none reads
// more than a few thousand rows however many the user has, except the
// sets' walks (matchesInOrder, stageSearch.bySet), which stop at the
// page's end.
//
// Every LIMIT is written into the statement, not bound: SQLite plans
// with a bound LIMIT's value, so a statement with one is prepared again
// each time it is bound anew, which the driver's cache of prepared
// statements does on every use (clearing the bindings expires it).
//
// What each step costs, measured on the user with 1,000,000 applications
// after a load's writes: counting matches 0.05 us each (one word);
// walking the list's index 0.04 us an entry; gathering the matches into
// a set 0.11 us each; reading a row to test its text 0.43 us; reading a
// match by id and sorting it some 1.5 us.
//
// Very few matches (fewer than fewMatches) are read by id and sorted
// (matchesSorted): a seek and a sort a match cost less than any walk.
// Few matches (fewer than denseMatches) cost little to gather into a set,
// which SQLite builds once and tests a row against from the list's own
// index, before reading the row: the page walks a window of that index in
// the list's order (walkWindow) and tests each entry, and only a page the
// window did not fill reads every match by id and sorts them
// (matchesSorted). The window is searchSpan entries per match, so that a
// walk that fills no page costs about what reading and sorting the
// matches does.
//
// Some thousand matches of one word (denseMatches to manyMatches) are
// gathered into that set and the list's index walked against it to the
// page's end (matchesInOrder): the set costs 0.1-0.2 ms, where a word in
// one row of a few hundred needs a walk of its rows' text over tens of
// thousands of rows to fill a page.
//
// More matches cost more to gather than a walk that tests each row's
// text: 62,500 of "acme" for the user with 1,000,000 applications, 7 ms,
// for a page that walking 800 rows fills (1,500 after a load run). The
// page walks up to textWindow rows so (walkText), in one statement that
// stops at the page's end, walks on when the matches in that window say
// the page is near (deeperWindow), and else falls back to the set.
func (db *DB) searchFTS(ctx context.Context, f applications.ListFilter, after *applications.ListCursor) ([]applications.Summary, error) {
	if f.Sort == "" || f.Sort == applications.SortNewest || f.Sort == applications.SortOldest {
		return db.searchInOrder(ctx, f, after)
	}
	uid, err := owner(ctx)
	if err != nil {
		return nil, err
	}
	words := searchWords(f.Query)
	if len(words) == 0 {
		return nil, nil // nothing but punctuation: no word to find
	}
	s := sortedSearch{db: db, owner: uid, sort: f.Sort, limit: f.Limit, words: words, match: ftsQuery(uid, words)}
	s.where, s.args, s.order = pageScope(false, uid, f, after)
	page, err := s.page(ctx)
	if err != nil {
		return nil, fmt.Errorf("search applications: %w", err)
	}
	return page, nil
}

// sortedSearch is a SQLite search page in another order than by id: the
// query's words and their full-text query, and the page's scope (the
// user's applications in the stage asked for after the cursor) with its
// order.
type sortedSearch struct {
	db    *DB
	owner int64
	sort  applications.ListSort
	limit int
	words []string
	match string
	where string
	args  []any
	order string
}

// searchSpan is how many entries of the list's index a walk tests per
// match of a few: a walk that fills no page then costs about what reading
// and sorting the matches does (some 4 us a match, 0.2 us an entry).
const searchSpan = 20

// fewMatches is how many matches a sorted search reads by id and sorts
// rather than walk for (and no walk can fill a page with fewer than the
// page): a walk tests searchSpan entries a match or more before its page
// fills, and gathers the matches into a set besides. For 63 matches of a
// user with 1,000 applications, sorted by the time changed, sorting cost
// 15 % fewer instructions a request than the walk (callgrind).
const fewMatches = 200

func (s *sortedSearch) page(ctx context.Context) ([]applications.Summary, error) {
	// The count of a word's matches reads its entries up to the bound;
	// the count of several words' reads the entries of every one of them
	// up to the bound's matches among them, far more than the bound for
	// words that seldom meet (0.26 ms for 1,000 of "acme 1" for the user
	// with 1,000,000 applications, 0.92 ms for 4,000), so it stops at
	// denseMatches.
	bound := int64(manyMatches)
	if len(s.words) > 1 {
		bound = denseMatches
	}
	n, err := s.db.count(ctx, "SELECT COUNT(*) FROM (SELECT 1 FROM application_words WHERE application_words MATCH ? LIMIT "+
		strconv.FormatInt(bound, 10)+")", s.match)
	if err != nil || n == 0 {
		return nil, err
	}
	switch {
	case n < int64(max(fewMatches, s.limit)):
		return s.matchesSorted(ctx)
	case n >= denseMatches && n < bound:
		return s.matchesInOrder(ctx)
	}
	// The walk and the rows it found read one snapshot.
	var page []applications.Summary
	done := false
	err = s.db.View(ctx, func(ctx context.Context) error {
		var ids []any
		var err error
		if n < denseMatches {
			ids, err = s.walkWindow(ctx, windowSpan(n))
			done = len(ids) == s.limit
		} else {
			// A window in the order of a time mostly holds ids close
			// together (a list no load has written to the top of); one by
			// company holds ids from all over.
			// Several words, counted only up to denseMatches, walk the
			// text of as many rows as the range holds: their matches
			// are often too few for a walk ("acme 1", one application of
			// 140, needs 7,000 rows for a page).
			ranged, first := false, textWindow
			if s.sort != applications.SortCompany {
				ids, ranged, done, err = s.walkRange(ctx)
			}
			if ranged || len(s.words) > 1 {
				first = searchWindow
			}
			if !ranged && err == nil {
				ids, done, err = s.walkText(ctx, first)
			}
			// A window that held some matches but not a page's walks on
			// when the rows it held say the page is near (deeperWindow):
			// rows changed or added since that match none of the words (a
			// load's new applications at the top of the list) cost half a
			// microsecond each to walk past, where gathering the matches
			// costs a tenth of one for every one of them (62,500 of
			// "acme" for the user with 1,000,000 applications).
			if deeper := deeperWindow(len(ids), s.limit, first); err == nil && !done && deeper > 0 {
				var more []any
				more, done, err = s.walkOn(ctx, first, deeper)
				ids = append(ids, more[:min(len(more), s.limit-len(ids))]...)
				done = done || len(ids) == s.limit
			}
		}
		if err == nil && done {
			page, err = s.rows(ctx, ids)
		}
		return err
	})
	switch {
	case err != nil || done:
		return page, err
	case n < denseMatches:
		return s.matchesSorted(ctx)
	}
	return s.matchesInOrder(ctx)
}

// walkOn walks the text of up to window rows after the first
// rows of the page's scope (walkText), from the last of those:
// the walk that follows one that found too few. It starts from that row's
// keys as stored, read from the list's index alone, so that the rows the
// first walk tested are not tested again.
func (s *sortedSearch) walkOn(ctx context.Context, first, window int) (ids []any, done bool, err error) {
	keys := "company, id"
	switch s.sort {
	case applications.SortUpdated:
		keys = "+updated_at, id"
	case applications.SortApplied:
		keys = "+COALESCE(applied_at, created_at), id"
	}
	rows, err := s.db.readQuery(ctx, "SELECT "+keys+" FROM applications WHERE "+s.where+" ORDER BY "+s.order+
		" LIMIT 1 OFFSET "+strconv.Itoa(first-1), s.args...)
	if err != nil {
		return nil, false, err
	}
	var key any
	var id int64
	found := false
	err = eachRow(rows, func(r *keyRow) { key, id, found = r.Key, r.ID, true })
	if err != nil || !found {
		return nil, err == nil, err // the scope ended within the first window
	}
	_, cond, _ := pageOrder(s.sort, &applications.ListCursor{})
	on := *s
	on.where, on.args = s.where+" AND "+cond, slices.Concat(s.args, []any{key, id})
	return on.walkText(ctx, window)
}

// keyRow is the keys of a row in a list's order other than by id, as
// stored, and its id.
type keyRow struct {
	Key any
	ID  int64
}

func (r *keyRow) fields() []any { return []any{&r.Key, &r.ID} }

// deeperWindow is how many more rows a sorted search walks (walkOn) when
// its first window of window rows held found matches but fewer than a
// page of limit; 0 when it should gather the matches instead. At the
// density of the window, the page's end is (limit-found)*window/found
// rows further on; the walk goes up to four times as far, when that is at
// most twice the window, and else not at all: testing a row's text costs
// about half a microsecond, and a sparse word ("acme 1", one application
// of 140) is cheaper to gather (matchesInOrder), as FTS5 intersects the
// words' lists itself.
func deeperWindow(found, limit, window int) int {
	if found == 0 || found >= limit {
		return 0
	}
	further := (limit - found) * window / found
	if further > 2*window {
		return 0
	}
	return 4 * further
}

// windowSpan is the window of a walk for n matches: searchSpan entries a
// match, rounded up to a power of two, so that the statements of every
// count are a few that stay prepared.
func windowSpan(n int64) int {
	span := 1
	for span < int(n)*searchSpan {
		span *= 2
	}
	return span
}

// walkWindow walks up to span entries of the list's index from the
// cursor, in its order, and returns the ids of the matches among them, up
// to a page of them. The window is apart, so that its LIMIT bounds the
// walk; SQLite keeps its order for the page's ORDER BY.
func (s *sortedSearch) walkWindow(ctx context.Context, span int) ([]any, error) {
	keys, order := s.windowKeys()
	q := "SELECT id FROM (SELECT " + keys + " FROM applications WHERE " + s.where + " ORDER BY " + s.order + " LIMIT " + strconv.Itoa(span) + ")" +
		" WHERE id IN (SELECT rowid FROM application_words WHERE application_words MATCH ?) ORDER BY " + order + " LIMIT " + strconv.Itoa(s.limit)
	rows, err := s.db.readQuery(ctx, q, slices.Concat(s.args, []any{s.match})...)
	if err != nil {
		return nil, err
	}
	var ids []any
	err = eachRow(rows, func(id *idRow) { ids = append(ids, int64(*id)) })
	return ids, err
}

// matchesSorted reads every match of the page's scope by id, through the
// full-text index, and sorts them. CROSS JOIN keeps the index the outer
// loop: the other way round would run the full-text query once per
// application.
func (s *sortedSearch) matchesSorted(ctx context.Context) ([]applications.Summary, error) {
	q := "SELECT " + summaryColumns + " FROM application_words CROSS JOIN applications ON applications.id = application_words.rowid" +
		" WHERE application_words MATCH ? AND " + s.where + " ORDER BY " + s.order + " LIMIT " + strconv.Itoa(s.limit)
	rows, err := s.db.readQuery(ctx, q, slices.Concat([]any{s.match}, s.args)...)
	if err != nil {
		return nil, err
	}
	return scanSummaries(rows, "search applications")
}

// matchesInOrder walks the list's index in its order from the cursor
// without a bound, testing each entry against the set of every match,
// until the page is full. The + keeps SQLite from reading the matches by
// id and sorting them instead.
func (s *sortedSearch) matchesInOrder(ctx context.Context) ([]applications.Summary, error) {
	q := "SELECT " + summaryColumns + " FROM applications WHERE " + s.where +
		" AND +applications.id IN (SELECT rowid FROM application_words WHERE application_words MATCH ?) ORDER BY " + s.order +
		" LIMIT " + strconv.Itoa(s.limit)
	rows, err := s.db.readQuery(ctx, q, slices.Concat(s.args, []any{s.match})...)
	if err != nil {
		return nil, err
	}
	return scanSummaries(rows, "search applications")
}

// rows reads the applications of ids, in that order, scanned column by
// column as the list page scans its rows.
func (s *sortedSearch) rows(ctx context.Context, ids []any) ([]applications.Summary, error) {
	if len(ids) == 0 {
		return nil, nil
	}
	marks := strings.TrimSuffix(strings.Repeat("?, ", len(ids)), ", ")
	rows, err := s.db.readQuery(ctx, "SELECT "+summaryColumns+" FROM applications WHERE id IN ("+marks+")", ids...)
	if err != nil {
		return nil, err
	}
	found := make(map[int64]applications.Summary, len(ids))
	if err := eachRow(rows, func(r *summaryRow) { found[r.ID] = r.domain() }); err != nil {
		return nil, err
	}
	page := make([]applications.Summary, 0, len(found))
	for _, id := range ids {
		if a, ok := found[id.(int64)]; ok {
			page = append(page, a)
		}
	}
	return page, nil
}

// searchedText is the text of an application's searched columns, one
// space between them: concat_ws makes it in one piece, where || made a
// string for each column joined.
var searchedText = "concat_ws(' ', " + strings.Join(searchColumns, ", ") + ")"

// walkText walks the list's own index in its order from the cursor, over
// up to window rows, testing each row's text, and returns the ids of
// the matches up to a page of them: the way PostgreSQL finds a page
// (searchPostgres), which reads none of the full-text index. done is
// false when that cannot answer: the window held fewer matches than the
// page and the user has more rows, or the query or a row walked holds a
// letter beyond ASCII, whose folding (case, diacritics) only the index's
// tokenizer knows. In ASCII the tokenizer's words are the runs of letters
// and digits and its folding is lower case, so a row matches exactly when
// each word of the query, in lower case, begins one of those runs
// (beginsWords).
//
// SQLite hands over only the rows that hold each word somewhere (LIKE,
// which ignores the case of ASCII letters) or a letter beyond ASCII: a
// row it leaves out cannot match, and most rows of a walk do not, so that
// they cost neither a call from Go nor a string; Go tests the rest.
func (s *sortedSearch) walkText(ctx context.Context, window int) (ids []any, done bool, err error) {
	lower := make([]string, len(s.words))
	cond := "octet_length(text) <> length(text) OR (" + strings.Repeat("text LIKE ? AND ", len(s.words)-1) + "text LIKE ?)"
	args := slices.Clone(s.args)
	for i, w := range s.words {
		if !isASCII(w) {
			return nil, false, nil
		}
		lower[i] = strings.ToLower(w)
		args = append(args, "%"+lower[i]+"%") // letters and digits only: nothing to escape
	}
	rows, err := s.db.readQuery(ctx, "SELECT id, text FROM (SELECT id, "+searchedText+" AS text FROM applications WHERE "+s.where+
		" ORDER BY "+s.order+" LIMIT "+strconv.Itoa(window)+") WHERE "+cond, args...)
	if err != nil {
		return nil, false, err
	}
	defer rows.Close()
	var id int64
	var text string
	for len(ids) < s.limit && rows.Next() {
		if err := rows.Scan(&id, &text); err != nil {
			return nil, false, err
		}
		if !isASCII(text) {
			return nil, false, nil
		}
		if beginsWords(strings.ToLower(text), lower) {
			ids = append(ids, id)
		}
	}
	if err := rows.Err(); err != nil || len(ids) == s.limit {
		return ids, err == nil, err
	}
	// The window held fewer matches than the page: it answers only if it
	// held every row of the scope.
	n, err := s.db.count(ctx, "SELECT COUNT(*) FROM (SELECT 1 FROM applications WHERE "+s.where+" LIMIT "+strconv.Itoa(window)+")", s.args...)
	return ids, n < int64(window), err
}

// beginsWords reports whether each of words begins a word of text: a run
// of ASCII letters and digits, which all of words are.
func beginsWords(text string, words []string) bool {
	for _, w := range words {
		found := false
		for i := 0; !found; {
			j := strings.Index(text[i:], w)
			if j < 0 {
				return false
			}
			i += j
			found = i == 0 || !isAlnum(text[i-1])
			i++
		}
	}
	return true
}

func isAlnum(c byte) bool {
	return '0' <= c && c <= '9' || 'a' <= c && c <= 'z' || 'A' <= c && c <= 'Z'
}

func isASCII(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] >= utf8.RuneSelf {
			return false
		}
	}
	return true
}

// count runs q, a read whose one row is a count.
func (db *DB) count(ctx context.Context, q string, args ...any) (int64, error) {
	rows, err := db.readQuery(ctx, q, args...)
	if err != nil {
		return 0, err
	}
	defer rows.Close()
	var n int64
	if rows.Next() {
		err = rows.Scan(&n)
	}
	if err == nil {
		err = rows.Err()
	}
	return n, err
}

// searchInOrder is a search of the SQLite full-text index newest or
// oldest first: the index hands over the owner's matches in the order of
// their rowid, the application's id, from the cursor on, and the page
// stops at its end, however many the matches. Within a stage, which may
// hold none of them, it is searchStageInOrder's.
func (db *DB) searchInOrder(ctx context.Context, f applications.ListFilter, after *applications.ListCursor) ([]applications.Summary, error) {
	uid, err := owner(ctx)
	if err != nil {
		return nil, err
	}
	words := searchWords(f.Query)
	if len(words) == 0 {
		return nil, nil
	}
	if f.Status != "" && f.Limit > 0 {
		return db.searchStageInOrder(ctx, uid, words, f, after)
	}
	// CROSS JOIN keeps the index the outer loop: the other way round
	// would run the full-text query once per application.
	q := "SELECT " + summaryColumns + " FROM application_words CROSS JOIN applications ON applications.id = application_words.rowid" +
		" WHERE application_words MATCH ? AND applications.owner_id = " + db.boundEq()
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
		q += " AND applications.status = " + db.boundEq()
		args = append(args, string(f.Status))
	}
	q += " ORDER BY application_words.rowid " + order
	if f.Limit > 0 {
		q += " LIMIT " + strconv.Itoa(f.Limit)
	}
	rows, err := db.readQuery(ctx, q, args...)
	if err != nil {
		return nil, fmt.Errorf("search applications: %w", err)
	}
	return scanSummaries(rows, "search applications")
}

// windowKeys are the columns a window of the list's index reads for the
// page's order, and that order on them.
func (s *sortedSearch) windowKeys() (keys, order string) {
	keys, order = "id, company", s.order
	switch s.sort {
	case applications.SortUpdated:
		keys = "id, updated_at"
	case applications.SortApplied:
		keys = "id, COALESCE(applied_at, created_at) AS applied_key"
		order = strings.Replace(order, "COALESCE(applied_at, created_at)", "applied_key", 1)
	}
	return keys, order
}
