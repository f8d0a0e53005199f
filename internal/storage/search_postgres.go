package storage

import (
	"context"
	"fmt"
	"slices"
	"sort"
	"strconv"
	"strings"
	"sync"
	"time"

	"github.com/jackc/pgx/v5"
	"github.com/jackc/pgx/v5/stdlib"
	"gorm.io/gorm"

	"tracker/internal/applications"
	"tracker/internal/workflow"
)

// A search page on PostgreSQL reads the user's rows in one of two ways.
// A walk reads the list's own index in its order from the cursor, tests
// each row's stored words, which needs no parsing, and stops at the
// page's end: cheap when the words are in a good share of the rows. The
// word index (GIN) hands over every match of the owner at once, in no
// order, which the page then sorts: cheap when the matches are few. Its
// entries carry the stage as well as the owner (migration 00081), so
// that a search in a stage reads that stage's entries alone, and its
// statistics count them by stage: a word common in the other stages but
// in few rows of this one reads those few, where it read all of the
// owner's matches (a walk first, then all of them read and sorted: 37 to
// 275 ms for "acme" among the offered applications of a user with
// 200,000, none of which holds it; now 0.4 ms). What it costs grows with
// the entries of every word of the query: GIN reads
// a prefix's entries one by one, about a microsecond each even before it
// reads a row (13 ms for the 12,900 of "acme" of a user with 200,000
// applications on the busy machine), so that a common word is never to
// be read from it for a page.
//
// Which one a page takes is chosen before it reads anything, from
// PostgreSQL's own statistics of the word index (wordStats): how many
// entries of the owner's begin with each word of the query. A query whose
// words have fewer than denseMatches entries between them reads the word
// index, up to denseMatches rows; one with more walks, up to as many rows
// as the index has entries for the query's words (at least searchWindow,
// at most deepWindow), so that a walk never costs much more than the
// index would have. Each way falls back on the other when it cannot
// answer: a walk that fills no page reads and sorts every match, and
// reading the index that finds denseMatches walks. Without statistics
// (a database never analyzed) a page walks searchWindow rows first, then
// reads the index.
//
// Each step is one round trip: the planner settings it needs and its
// statement go to the server together (a pipeline, pgBatch), in one
// implicit transaction that the settings last as long as. So a search is
// one round trip unless a step falls back. Parallel workers are off on
// every connection (postgresPool): starting them took longer than the
// search (0.6 s instead of 11 ms for a typical user on the busy machine).
//
// PostgreSQL cannot estimate how many rows a prefix matches well enough
// to choose between the two plans itself, so the settings choose. The
// walk's plan is the same whatever the values, so it keeps one generic
// plan, with the query made once (an InitPlan) rather than for each row:
// planning it afresh took 0.2 ms, as long as walking 800 rows. The reads
// of the matches keep one generic plan too: with index scans and
// sequential scans off, and the owner's condition outside the subquery
// that reads the word index, no plan but the bitmap scan of the word index
// is left to choose, whatever the values. Planned for its values, each
// read took 4.3 ms to plan (the word index's statistics weighed for the
// query) and under 1 ms to run, for a user with 1,000 applications on
// the benchmark's database; generic, 0.07 ms to plan
// (TestSearchWordReadsKeepOnePlan).

// walkSettings and wordsSettings are the planner settings of a walk and of
// a read of the word index, for the rest of their transaction.
const (
	walkSettings = "SELECT set_config('plan_cache_mode', 'force_generic_plan', true), set_config('enable_bitmapscan', 'off', true), " +
		"set_config('enable_indexscan', 'on', true), set_config('enable_seqscan', 'off', true)"
	wordsSettings = "SELECT set_config('plan_cache_mode', 'force_generic_plan', true), set_config('enable_bitmapscan', 'on', true), " +
		"set_config('enable_indexscan', 'off', true), set_config('enable_seqscan', 'off', true)"
)

// pgSearch is one search page on PostgreSQL: its statements, made once.
type pgSearch struct {
	db    *DB
	f     applications.ListFilter
	owner int64
	where string
	args  []any
	order string
	// walk reads the page from the list's own index, over a window of
	// rows given as its argument after the scope's; matches reads up to
	// denseMatches matches through the word index and sorts those in the
	// scope, with their count; all reads and sorts every match.
	walk, matches, all string
}

func (db *DB) searchPostgres(ctx context.Context, f applications.ListFilter, after *applications.ListCursor) ([]applications.Summary, error) {
	uid, err := owner(ctx)
	if err != nil {
		return nil, err
	}
	s := newPgSearch(db, uid, f, after)
	entries, known := db.wordEntries(ctx, uid, f.Status, f.Query)
	switch {
	case !known:
		page, err := s.walked(ctx, searchWindow)
		if err != nil || len(page) == f.Limit {
			return page, err
		}
		return s.fromIndex(ctx)
	case entries < denseMatches:
		return s.fromIndex(ctx)
	}
	page, err := s.walked(ctx, min(max(int(entries), searchWindow), deepWindow))
	if err != nil || len(page) == f.Limit {
		return page, err
	}
	return s.sorted(ctx)
}

// newPgSearch makes the statements of a search page of f for the owner uid.
func newPgSearch(db *DB, uid int64, f applications.ListFilter, after *applications.ListCursor) pgSearch {
	s := pgSearch{db: db, f: f, owner: uid}
	s.where, s.args, s.order = pageScope(true, uid, f, after)
	window, outer := "owner_id, "+summaryColumns+", words", s.order
	if f.Sort == applications.SortApplied {
		// The order's expression a column of the window, so that the page
		// keeps the window's order instead of sorting it again.
		window += ", COALESCE(applied_at, created_at) AS applied_key"
		outer = strings.Replace(s.order, "COALESCE(applied_at, created_at)", "applied_key", 1)
	}
	s.walk = "SELECT " + summaryColumns + " FROM (SELECT " + window + " FROM applications WHERE " + s.where +
		" ORDER BY " + s.order + " LIMIT ?) applications WHERE words @@ (SELECT search_query('', ?)) ORDER BY " + outer + " LIMIT ?"
	// The owner's matches, apart (a subquery with a LIMIT), so that
	// nothing but the word index serves them: an index of the owner's
	// would read all of the user's rows and make each one's words again.
	// The LIMIT stops reading their rows at denseMatches; n says how many
	// it read, on a row of its own (page's columns NULL) when none of them
	// is in the page's scope. A join without a condition is a nested loop
	// with the one count outside, which keeps the page's order.
	s.matches = "WITH matches AS MATERIALIZED (SELECT owner_id, " + summaryColumns +
		" FROM applications WHERE " + stageWordsMatch + " LIMIT " + strconv.Itoa(denseMatches) +
		") SELECT page.*, counted.n FROM (SELECT COUNT(*) AS n FROM matches) counted LEFT JOIN (SELECT " + summaryColumns +
		" FROM matches applications WHERE " + s.where + " ORDER BY " + s.order + " LIMIT ?) page ON true"
	s.all = "SELECT " + summaryColumns + " FROM (SELECT owner_id, " + summaryColumns +
		" FROM applications WHERE " + stageWordsMatch + " OFFSET 0) applications WHERE " + s.where +
		" ORDER BY " + s.order + " LIMIT ?"
	return s
}

// stageWordsMatch is the condition of a read of the word index (migration
// 00081): the owner's entries of the stages asked for, for every word
// of the query. Its arguments are wordArgs.
const stageWordsMatch = "stage_words(owner_id, status, words) @@ stage_query(?, ?, ?)"

// wordArgs are the arguments of stageWordsMatch: the owner's id as the
// index holds it, the stage asked for or every stage, and the query.
func (s *pgSearch) wordArgs() []any {
	return []any{ownerPrefix(s.owner), strings.Join(searchedStages(s.f.Status), " "), s.f.Query}
}

// allStages are the names of every stage, which a search of every stage
// reads the word index's entries of.
var allStages = func() []string {
	var names []string
	for _, st := range workflow.States() {
		names = append(names, string(st))
	}
	return names
}()

// searchedStages are the stages a search reads the word index's entries
// of: stage, or every stage when it is empty.
func searchedStages(stage workflow.State) []string {
	if stage == "" {
		return allStages
	}
	return []string{string(stage)}
}

// fromIndex reads up to denseMatches of the owner's matches through the
// word index and sorts those in the page's scope: that is the page when
// there were fewer. As many or more walk, up to deepWindow rows: they are
// too many to read and sort for a page (1.2 s for the 62,500 of "acme"
// for the user with 1,000,000 applications), and dense enough that the
// walk fills the page unless they bunch up away from the cursor or
// outside the stage asked for; only then are they all read and sorted.
func (s *pgSearch) fromIndex(ctx context.Context) ([]applications.Summary, error) {
	var page []applications.Summary
	var n int64
	err := s.db.pgBatch(ctx, pgStatement{q: wordsSettings}, pgStatement{
		q:    s.matches,
		args: slices.Concat(s.wordArgs(), s.args, []any{s.f.Limit}),
		scan: func(rows pgRows) error {
			for rows.Next() {
				var r countedMatchRow
				if err := rows.Scan(r.fields()...); err != nil {
					return err
				}
				n = r.N
				if r.ID != nil {
					page = append(page, r.domain())
				}
			}
			return nil
		},
	})
	if err != nil || n < denseMatches {
		return page, err
	}
	if page, err = s.walked(ctx, deepWindow); err != nil || len(page) == s.f.Limit {
		return page, err
	}
	return s.sorted(ctx)
}

// walked is the page as a walk of up to window rows finds it: the page,
// or fewer matches than a page when the window held no more.
func (s *pgSearch) walked(ctx context.Context, window int) ([]applications.Summary, error) {
	var page []applications.Summary
	err := s.db.pgBatch(ctx, pgStatement{q: walkSettings}, pgStatement{
		q:    s.walk,
		args: slices.Concat(s.args, []any{window, s.f.Query, s.f.Limit}),
		scan: func(rows pgRows) (err error) { page, err = scanPgSummaries(rows); return err },
	})
	return page, err
}

// sorted reads every match and sorts them.
func (s *pgSearch) sorted(ctx context.Context) ([]applications.Summary, error) {
	var page []applications.Summary
	err := s.db.pgBatch(ctx, pgStatement{q: wordsSettings}, pgStatement{
		q:    s.all,
		args: slices.Concat(s.wordArgs(), s.args, []any{s.f.Limit}),
		scan: func(rows pgRows) (err error) { page, err = scanPgSummaries(rows); return err },
	})
	return page, err
}

// countedMatchRow is a row of pgSearch.matches: a summary, its columns
// NULL on the row that only counts, and the count.
type countedMatchRow struct {
	ID                   *int64
	Company, Role        *string
	Status               *string
	AppliedAt            *time.Time
	CreatedAt, UpdatedAt *time.Time
	N                    int64
}

func (r *countedMatchRow) fields() []any {
	return []any{&r.ID, &r.Company, &r.Role, &r.Status, &r.AppliedAt, &r.CreatedAt, &r.UpdatedAt, &r.N}
}

func (r *countedMatchRow) domain() applications.Summary {
	s := summaryRow{ID: *r.ID, Company: *r.Company, Role: *r.Role, Status: *r.Status, AppliedAt: r.AppliedAt,
		CreatedAt: *r.CreatedAt, UpdatedAt: *r.UpdatedAt}
	return s.domain()
}

// scanPgSummaries scans a page of summaries.
func scanPgSummaries(rows pgRows) ([]applications.Summary, error) {
	var page []applications.Summary
	for rows.Next() {
		var r summaryRow
		if err := rows.Scan(r.fields()...); err != nil {
			return nil, fmt.Errorf("search applications: %w", err)
		}
		page = append(page, r.domain())
	}
	return page, nil
}

// pgRows is what a statement of a batch hands its scan: pgx's rows, or
// database/sql's inside a transaction.
type pgRows interface {
	Next() bool
	Scan(dest ...any) error
	Err() error
}

// pgStatement is a statement of a batch (with ? placeholders) and its
// arguments; scan, when set, reads its rows.
type pgStatement struct {
	q    string
	args []any
	scan func(rows pgRows) error
}

// pgBatch runs stmts on PostgreSQL in one round trip: pgx sends them
// together (a pipeline) and the server runs them in one implicit
// transaction, so that settings made with set_config(..., true) by one
// last until the batch ends and no longer. Inside a transaction of the
// caller's they run on it one after the other (and the settings last as
// long as it).
func (db *DB) pgBatch(ctx context.Context, stmts ...pgStatement) error {
	for i := range stmts {
		stmts[i].q = numberedPlaceholders(stmts[i].q)
		if db.traceSQL != nil {
			db.traceSQL(stmts[i].q, stmts[i].args)
		}
	}
	if tx, ok := ctx.Value(txKey{}).(*gorm.DB); ok {
		for _, s := range stmts {
			rows, err := tx.Statement.ConnPool.QueryContext(ctx, s.q, s.args...)
			if err != nil {
				return fmt.Errorf("search applications: %w", err)
			}
			if s.scan != nil {
				err = s.scan(rows)
			}
			if cerr := rows.Close(); err == nil {
				err = cerr
			}
			if err == nil {
				err = rows.Err()
			}
			if err != nil {
				return fmt.Errorf("search applications: %w", err)
			}
		}
		return nil
	}
	return db.rawPostgres(ctx, func(c *pgx.Conn) error {
		var b pgx.Batch
		for _, s := range stmts {
			b.Queue(s.q, s.args...)
		}
		br := c.SendBatch(ctx, &b)
		var err error
		for _, s := range stmts {
			var rows pgx.Rows
			if rows, err = br.Query(); err != nil {
				break
			}
			if s.scan != nil {
				err = s.scan(rows)
			}
			rows.Close()
			if err == nil {
				err = rows.Err()
			}
			if err != nil {
				break
			}
		}
		if cerr := br.Close(); err == nil {
			err = cerr
		}
		if err != nil {
			return fmt.Errorf("search applications: %w", err)
		}
		return nil
	})
}

// rawPostgres runs fn on a connection of the pool, as pgx's own.
func (db *DB) rawPostgres(ctx context.Context, fn func(c *pgx.Conn) error) error {
	pool, err := db.read.DB()
	if err != nil {
		return err
	}
	conn, err := pool.Conn(ctx)
	if err != nil {
		return unavailable(err)
	}
	defer conn.Close()
	return unavailable(conn.Raw(func(dc any) error {
		c, ok := dc.(*stdlib.Conn)
		if !ok {
			return fmt.Errorf("storage: a PostgreSQL connection of type %T", dc)
		}
		return fn(c.Conn())
	}))
}

// wordStats holds what PostgreSQL's statistics of the word index say of
// its most common entries (each an owner's id, a stage and a word, as
// stage_words makes them): how many rows hold each, estimated from the
// share of the sample that did and the table's rows. ANALYZE (autovacuum's
// or anyone's) keeps them; a search reads them again when they are older
// than wordStatsAge, so that they cost a round trip a minute, not one a
// search. An entry that is not among them is in too few rows for the
// sample to have counted it.
type wordStats struct {
	mu         sync.Mutex
	read       time.Time
	refreshing bool      // a search is reading them again
	entries    []string  // sorted
	rows       []float64 // estimated rows of each entry
	known      bool      // whether there are statistics at all
}

// wordStatsAge is how long a search uses the statistics it read.
const wordStatsAge = time.Minute

// wordEntries estimates how many entries of the word index a search of
// query by owner in stage (every stage when empty) reads: for each word
// and stage, the rows that hold an entry of the owner's in that stage
// beginning with it, summed. known is false when the database has no
// statistics of the index.
func (db *DB) wordEntries(ctx context.Context, owner int64, stage workflow.State, query string) (n float64, known bool) {
	st := &db.wordStats
	st.mu.Lock()
	if time.Since(st.read) > wordStatsAge && !st.refreshing {
		// One search reads them again, without holding the others up;
		// they use what was read before meanwhile.
		st.refreshing = true
		st.mu.Unlock()
		entries, rows, known := db.readWordStats(ctx)
		st.mu.Lock()
		st.entries, st.rows, st.known, st.read, st.refreshing = entries, rows, known, time.Now(), false
	}
	defer st.mu.Unlock()
	if !st.known {
		return 0, false
	}
	for _, w := range searchWords(query) {
		for _, stage := range searchedStages(stage) {
			prefix := ownerPrefix(owner) + stage + " " + strings.ToLower(w)
			for i := sort.SearchStrings(st.entries, prefix); i < len(st.entries) && strings.HasPrefix(st.entries[i], prefix); i++ {
				n += st.rows[i]
			}
		}
	}
	return n, true
}

// readWordStats reads the statistics of the word index: its entries,
// sorted, and the rows estimated to hold each. known is false when there
// are none, or they could not be read (a search then does without).
func (db *DB) readWordStats(ctx context.Context) (sorted []string, rows []float64, known bool) {
	var entries []string
	var freqs []float32
	var tableRows float32
	err := db.rawPostgres(ctx, func(c *pgx.Conn) error {
		return c.QueryRow(ctx, `SELECT COALESCE(s.most_common_elems::text::text[], '{}'), COALESCE(s.most_common_elem_freqs, '{}'), c.reltuples
			FROM pg_class c LEFT JOIN pg_stats s ON s.schemaname = current_schema() AND s.tablename = 'applications_stage_words'
			WHERE c.oid = 'applications'::regclass`).Scan(&entries, &freqs, &tableRows)
	})
	if err != nil || len(entries) == 0 || tableRows <= 0 || len(freqs) < len(entries) {
		return nil, nil, false
	}
	// The frequencies are each entry's share of the rows (followed by
	// their least, their greatest and the share without any).
	idx := make([]int, len(entries))
	for i := range idx {
		idx[i] = i
	}
	sort.Slice(idx, func(a, b int) bool { return entries[idx[a]] < entries[idx[b]] })
	for _, i := range idx {
		sorted = append(sorted, entries[i])
		rows = append(rows, float64(freqs[i])*float64(tableRows))
	}
	return sorted, rows, true
}
