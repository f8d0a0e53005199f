package storage

import (
	"context"
	"fmt"

	"tracker/internal/applications"
)

// SearchesWithFTS5 reports whether db searches with SQLite's FTS5 index,
// whose plans a test of the sorted search's choices reads.
func (db *DB) SearchesWithFTS5() bool { return !db.postgres && db.fts }

// SearchWays reads every page of the search f (its Limit rows a page)
// of the user of ctx in each way a sorted search can find a page, and
// returns the ids each way found, by its name: on SQLite the matches read
// by id and sorted ("sorted"), the list's index walked in its order and
// tested against the set of every match ("set"), the same over a window
// of the whole list ("window"), the rows' text tested ("text", left out
// when a page holds a letter beyond ASCII, which that walk leaves to the
// index) and the way the search chooses ("chosen"); on PostgreSQL the
// walk over the whole list ("walk"), the word index's matches read and
// sorted ("index", which walks when they are many), every match sorted
// ("sorted") and the way chosen.
func (db *DB) SearchWays(ctx context.Context, f applications.ListFilter) (map[string][]int64, error) {
	uid, err := owner(ctx)
	if err != nil {
		return nil, err
	}
	const all = 1 << 30
	var ways map[string]func(after *applications.ListCursor) ([]applications.Summary, bool, error)
	if db.postgres {
		ways = map[string]func(after *applications.ListCursor) ([]applications.Summary, bool, error){
			"walk": func(after *applications.ListCursor) ([]applications.Summary, bool, error) {
				s := newPgSearch(db, uid, f, after)
				page, err := s.walked(ctx, all)
				return page, true, err
			},
			"index": func(after *applications.ListCursor) ([]applications.Summary, bool, error) {
				s := newPgSearch(db, uid, f, after)
				page, err := s.fromIndex(ctx)
				return page, true, err
			},
			"sorted": func(after *applications.ListCursor) ([]applications.Summary, bool, error) {
				s := newPgSearch(db, uid, f, after)
				page, err := s.sorted(ctx)
				return page, true, err
			},
		}
	} else {
		sorted := func(after *applications.ListCursor) *sortedSearch {
			words := searchWords(f.Query)
			s := &sortedSearch{db: db, owner: uid, sort: f.Sort, limit: f.Limit, words: words, match: ftsQuery(uid, words)}
			s.where, s.args, s.order = pageScope(false, uid, f, after)
			return s
		}
		ways = map[string]func(after *applications.ListCursor) ([]applications.Summary, bool, error){
			"sorted": func(after *applications.ListCursor) ([]applications.Summary, bool, error) {
				page, err := sorted(after).matchesSorted(ctx)
				return page, true, err
			},
			"set": func(after *applications.ListCursor) ([]applications.Summary, bool, error) {
				page, err := sorted(after).matchesInOrder(ctx)
				return page, true, err
			},
			"window": func(after *applications.ListCursor) ([]applications.Summary, bool, error) {
				s := sorted(after)
				ids, err := s.walkWindow(ctx, all)
				if err != nil {
					return nil, false, err
				}
				page, err := s.rows(ctx, ids)
				return page, true, err
			},
			"text": func(after *applications.ListCursor) ([]applications.Summary, bool, error) {
				s := sorted(after)
				ids, done, err := s.walkText(ctx, all)
				if err != nil || !done {
					return nil, false, err
				}
				page, err := s.rows(ctx, ids)
				return page, true, err
			},
		}
	}
	if !db.postgres && f.Status != "" && (f.Sort == "" || f.Sort == applications.SortNewest || f.Sort == applications.SortOldest) {
		ways = db.stageWays(ctx, uid, f)
	}
	ways["chosen"] = func(after *applications.ListCursor) ([]applications.Summary, bool, error) {
		page, err := db.ListApplications(ctx, f, after)
		return page, true, err
	}
	found := map[string][]int64{}
outer:
	for name, way := range ways {
		var ids []int64
		var after *applications.ListCursor
		for {
			page, ok, err := way(after)
			if err != nil {
				return nil, fmt.Errorf("%s: %w", name, err)
			}
			if !ok {
				continue outer
			}
			for _, a := range page {
				ids = append(ids, a.ID)
			}
			if len(page) < f.Limit {
				break
			}
			last := page[len(page)-1]
			after = &applications.ListCursor{ID: last.ID}
			switch f.Sort {
			case applications.SortCompany:
				after.Key = last.Company
			case applications.SortUpdated:
				after.At = last.UpdatedAt.UTC()
			case applications.SortApplied:
				after.At = last.CreatedAt.UTC()
				if last.AppliedAt != nil {
					after.At = last.AppliedAt.UTC()
				}
			}
		}
		found[name] = ids
	}
	return found, nil
}

// stageWays are the ways a SQLite search newest or oldest first within a
// stage finds a page (searchStageInOrder), for SearchWays: past the
// matches the probe tested, the stage's entries looked up in the
// full-text index ("entries"), the matches gathered into a set and the
// stage's entries walked against it ("matches set") and the other way
// round ("entries set"), each over every match and entry past the probe
// ("... unbounded") and between the stage's least and greatest id past it.
func (db *DB) stageWays(ctx context.Context, uid int64, f applications.ListFilter) map[string]func(after *applications.ListCursor) ([]applications.Summary, bool, error) {
	way := func(rest func(s *stageSearch, last int64) ([]applications.Summary, error)) func(after *applications.ListCursor) ([]applications.Summary, bool, error) {
		return func(after *applications.ListCursor) ([]applications.Summary, bool, error) {
			page, err := db.stageSearchOf(uid, searchWords(f.Query), f).page(ctx, after, func(s *stageSearch, _ context.Context, last int64) ([]applications.Summary, error) {
				return rest(s, last)
			})
			return page, true, err
		}
	}
	set := func(ofMatches, bounded bool) func(s *stageSearch, last int64) ([]applications.Summary, error) {
		return func(s *stageSearch, last int64) ([]applications.Summary, error) {
			n, ends, err := s.entriesPast(ctx, last)
			if err != nil || n == 0 {
				return nil, err
			}
			if !bounded {
				ends = nil
			}
			words, wargs := s.wordsPast(last, ends)
			return s.bySet(ctx, last, ofMatches, words, wargs)
		}
	}
	return map[string]func(after *applications.ListCursor) ([]applications.Summary, bool, error){
		"entries":               way(func(s *stageSearch, last int64) ([]applications.Summary, error) { return s.byEntry(ctx, last) }),
		"matches set":           way(set(true, true)),
		"entries set":           way(set(false, true)),
		"matches set unbounded": way(set(true, false)),
		"entries set unbounded": way(set(false, false)),
	}
}
