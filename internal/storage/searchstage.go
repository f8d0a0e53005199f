package storage

import (
	"context"
	"slices"
	"strconv"

	"tracker/internal/applications"
)

// A SQLite search newest or oldest first within a stage. The full-text
// index holds no stage (see searchFTS), and testing the stage of each
// match from its row, as a search of every stage could afford to, read
// every one of a common word's matches, a row each, when the stage holds
// none of them: 100 ms and more for the 62,500 of "acme" of the user with
// 1,000,000 applications. Both the word's matches in the index and the
// stage's entries in its index (owner_id, status, id) come in id order,
// the page's, so that the page is where the two lists meet; each step
// below reads no row but the page's, only entries of the two indexes:
//
//   - The first stageProbe matches from the cursor, each looked up in the
//     stage's index (stageSearch.probe, 0.3 us a match): a stage that holds
//     one match in twenty of them fills its page there.
//   - Past those, the stage holds few of the matches. The search counts
//     the stage's entries past them (0.04 us each) and, when they are fewer
//     than stageFew, looks each up in the full-text index (byEntry, 6 us
//     each: FTS5 looks a document up in every word's list); else it counts
//     the matches too, up to as many as the stage holds (0.05 us each), and
//     gathers the fewer of the two into a set (0.2 us each), walking the
//     other in the page's order against it to the page's end (bySet): a
//     word the stage holds none of is then read once, in one statement,
//     bounded by the stage's first and last id past the cursor.
//
// The user with 1,000,000 applications (2 cores shared with other work):
// "acme" among the 50,000 offered applications, which hold none of its
// 62,500 matches, took 137-330 ms before and 20-49 ms after, among the
// withdrawn, which are none, 0.2-0.4 ms; see docs/scaling.md.

// stageProbe is how many of the owner's matches from the cursor a search
// in a stage tests against the stage's index before it takes the stage
// for one that holds few of them.
const stageProbe = 1000

// stageFew is the fewest of the stage's entries past the probe that a
// search in a stage gathers into a set rather than look each up in the
// full-text index: a lookup costs some 6 us, about as much as 30 entries
// of a set and 150 of the matches a set is tested against.
const stageFew = 100

// stageCount bounds the count of the stage's entries past the probe: a
// stage with more is gathered into a set only when the word has more
// matches still.
const stageCount = 1 << 16

// stageSearch is a search page newest or oldest first within one stage.
type stageSearch struct {
	db    *DB
	owner int64
	stage string
	match string // the full-text query
	limit int
	// dir is the page's order by id, before its comparison of the next id
	// with the last one read.
	dir, before string
}

// searchStageInOrder is the search page f, newest or oldest first within
// its stage, of the owner uid's applications that hold words.
func (db *DB) searchStageInOrder(ctx context.Context, uid int64, words []string, f applications.ListFilter, after *applications.ListCursor) ([]applications.Summary, error) {
	return db.stageSearchOf(uid, words, f).page(ctx, after, (*stageSearch).past)
}

// stageSearchOf is the search in a stage of f's page for the owner uid's
// applications that hold words.
func (db *DB) stageSearchOf(uid int64, words []string, f applications.ListFilter) stageSearch {
	s := stageSearch{db: db, owner: uid, stage: string(f.Status), match: ftsQuery(uid, words), limit: f.Limit, dir: "DESC", before: "<"}
	if f.Sort == applications.SortOldest {
		s.dir, s.before = "ASC", ">"
	}
	return s
}

// page is the page after the cursor: the probe's, then what rest finds
// past the last match it tested.
func (s stageSearch) page(ctx context.Context, after *applications.ListCursor, rest func(s *stageSearch, ctx context.Context, last int64) ([]applications.Summary, error)) ([]applications.Summary, error) {
	var from *int64
	if after != nil {
		from = &after.ID
	}
	page, last, err := s.probe(ctx, from)
	if err != nil || len(page) == s.limit || last == 0 {
		return page, err
	}
	s.limit -= len(page)
	more, err := rest(&s, ctx, last)
	return append(page, more...), err
}

// past finds the page past the id last, whose stage holds few of the
// matches (probe): by looking up each of the stage's entries in the
// full-text index when they are few, else by a set of the fewer of the
// two, the stage's entries or the matches.
func (s *stageSearch) past(ctx context.Context, last int64) ([]applications.Summary, error) {
	n, ends, err := s.entriesPast(ctx, last)
	switch {
	case err != nil || n == 0:
		return nil, err
	case n < stageFew:
		return s.byEntry(ctx, last)
	}
	// The matches past last, up to more than the stage's entries: a power
	// of two, so that the statements of every count are a few that stay
	// prepared (see windowSpan).
	words, wargs := s.wordsPast(last, ends)
	m, _, err := s.span(ctx, "SELECT COUNT(*), 0, 0 FROM ("+words+" LIMIT "+strconv.FormatInt(powerAbove(n), 10)+")", wargs...)
	if err != nil || m == 0 {
		return nil, err
	}
	return s.bySet(ctx, last, m <= n, words, wargs)
}

// entriesPast counts the stage's entries past the id last, up to
// stageCount, and returns the least and greatest id among them; nil when
// there are none, or more than stageCount.
func (s *stageSearch) entriesPast(ctx context.Context, last int64) (n int64, ends []int64, err error) {
	n, ends, err = s.span(ctx, "SELECT COUNT(*), MIN(id), MAX(id) FROM (SELECT id FROM applications INDEXED BY applications_owner_status_id"+
		" WHERE owner_id = ? AND status = ? AND id "+s.before+" ? ORDER BY id "+s.dir+" LIMIT "+strconv.Itoa(stageCount)+")", s.owner, s.stage, last)
	if n == stageCount {
		ends = nil // the stage goes on past the entries counted
	}
	return n, ends, err
}

// wordsPast is the statement that reads the matches past the id last,
// within ends (the least and greatest id of the stage's entries past it)
// unless nil, and its arguments.
func (s *stageSearch) wordsPast(last int64, ends []int64) (string, []any) {
	q, args := "SELECT rowid AS hit FROM application_words WHERE application_words MATCH ? AND rowid "+s.before+" ?", []any{s.match, last}
	if ends != nil {
		q, args = q+" AND rowid BETWEEN ? AND ?", append(args, ends[0], ends[1])
	}
	return q, args
}

// span runs q, whose one row is a count and the least and greatest id
// counted, and returns them, the ids nil for none.
func (s *stageSearch) span(ctx context.Context, q string, args ...any) (n int64, ends []int64, err error) {
	rows, err := s.db.readQuery(ctx, q, args...)
	if err != nil {
		return 0, nil, err
	}
	var r spanRow
	err = eachRow(rows, func(got *spanRow) { r = *got })
	if r.Lo != nil && r.Hi != nil {
		ends = []int64{*r.Lo, *r.Hi}
	}
	return r.N, ends, err
}

type spanRow struct {
	N      int64
	Lo, Hi *int64
}

func (r *spanRow) fields() []any { return []any{&r.N, &r.Lo, &r.Hi} }

// probe reads up to stageProbe of the owner's matches after the id from
// (all of them when from is nil) in the page's order, keeps those the
// stage's index holds, up to a page, and reads their rows: one walk of
// the full-text index in the page's order, which SQLite need not sort,
// bounded by the stageProbe-th match, which a subquery looks up first.
// last is that match's id when the page is not full, 0 when there is
// none: the matches end within the probe.
func (s *stageSearch) probe(ctx context.Context, from *int64) (page []applications.Summary, last int64, err error) {
	matches, args := "application_words MATCH ?", []any{s.match}
	if from != nil {
		matches, args = matches+" AND application_words.rowid "+s.before+" ?", append(args, *from)
	}
	nth := "SELECT rowid FROM application_words WHERE " + matches + " ORDER BY rowid " + s.dir + " LIMIT 1 OFFSET " + strconv.Itoa(stageProbe-1)
	bound := " AND application_words.rowid >= COALESCE((" + nth + "), 0)"
	if s.dir == "ASC" {
		bound = " AND application_words.rowid <= COALESCE((" + nth + "), 9223372036854775807)"
	}
	q := "SELECT " + summaryColumns + " FROM application_words CROSS JOIN applications ON applications.id = application_words.rowid" +
		" WHERE " + matches + bound +
		" AND EXISTS (SELECT 1 FROM applications AS stage INDEXED BY applications_owner_status_id WHERE stage.owner_id = ? AND stage.status = ? AND stage.id = application_words.rowid)" +
		" ORDER BY application_words.rowid " + s.dir + " LIMIT " + strconv.Itoa(s.limit)
	rows, err := s.db.readQuery(ctx, q, slices.Concat(args, args, []any{s.owner, s.stage})...)
	if err == nil {
		page, err = scanSummaries(rows, "search applications")
	}
	if err != nil || len(page) == s.limit {
		return page, 0, err
	}
	if rows, err = s.db.readQuery(ctx, nth, args...); err == nil {
		err = eachRow(rows, func(id *idRow) { last = int64(*id) })
	}
	return page, last, err
}

// byEntry walks the stage's entries past the id last in the page's order
// and looks each up in the full-text index, to the page's end.
func (s *stageSearch) byEntry(ctx context.Context, last int64) ([]applications.Summary, error) {
	q := "SELECT " + summaryColumns + " FROM applications INDEXED BY applications_owner_status_id WHERE owner_id = ? AND status = ? AND id " + s.before + " ?" +
		" AND EXISTS (SELECT 1 FROM application_words WHERE application_words MATCH ? AND rowid = applications.id)" +
		" ORDER BY id " + s.dir + " LIMIT " + strconv.Itoa(s.limit)
	rows, err := s.db.readQuery(ctx, q, s.owner, s.stage, last, s.match)
	if err != nil {
		return nil, err
	}
	return scanSummaries(rows, "search applications")
}

// bySet finds the page past the id last where the matches (the statement
// words with its arguments) and the stage's entries meet: with
// ofMatches, the matches gathered into a set and the stage's index walked
// against it in the page's order, else the stage's entries gathered and
// the matches walked. The + keeps SQLite from looking each entry of the
// walk up in the other index instead of the set.
func (s *stageSearch) bySet(ctx context.Context, last int64, ofMatches bool, words string, wargs []any) ([]applications.Summary, error) {
	entries := "SELECT id FROM applications INDEXED BY applications_owner_status_id WHERE owner_id = ? AND status = ? AND id " + s.before + " ?"
	var q string
	var args []any
	if ofMatches {
		q = "SELECT " + summaryColumns + " FROM applications INDEXED BY applications_owner_status_id WHERE owner_id = ? AND status = ? AND id " + s.before + " ?" +
			" AND +id IN (" + words + ") ORDER BY id " + s.dir + " LIMIT " + strconv.Itoa(s.limit)
		args = append([]any{s.owner, s.stage, last}, wargs...)
	} else {
		q = "SELECT " + summaryColumns + " FROM (" + words + " AND +rowid IN (" + entries + ") ORDER BY rowid " + s.dir + " LIMIT " + strconv.Itoa(s.limit) + ")" +
			" CROSS JOIN applications ON applications.id = hit ORDER BY applications.id " + s.dir
		args = append(wargs[:len(wargs):len(wargs)], s.owner, s.stage, last)
	}
	rows, err := s.db.readQuery(ctx, q, args...)
	if err != nil {
		return nil, err
	}
	return scanSummaries(rows, "search applications")
}

// powerAbove is the least power of two above n.
func powerAbove(n int64) int64 {
	p := int64(1)
	for p <= n {
		p *= 2
	}
	return p
}
