package storage

import (
	"context"
	"slices"
	"strconv"
)

// rangeSpan is how many of the owner's applications, by id, the ids of a
// window of searchWindow rows in the list's order may span for a sorted
// search to read the full-text index's matches among them (walkRange):
// the read holds at most that many matches.
const rangeSpan = 4 * searchWindow

// walkRange walks up to searchWindow rows of the list's own index from the
// cursor, in its order, as walkText does, but tests each entry's id
// against the owner's matches in the full-text index whose ids lie
// between the window's least and greatest, instead of each row's text: it
// reads no row of the window, only entries of two indexes. SQLite reads
// those matches from the index's end nearer to them: FTS5 does not seek
// into a word's list of ids but walks it from one end, skipping (a few
// hundredths of a microsecond an entry, where testing a row's text costs
// about a microsecond). A list whose newest (or oldest) rows are those
// changed last, as they mostly are, has its first pages near one end.
//
// ok is false when the window's ids span more than rangeSpan of the
// owner's applications (ids spread among other users' or rows changed
// out of the order they were made in), whose matches would cost more to
// gather than walkText costs; done is false when the window did not fill
// the page and the user has more rows in the scope than it held.
func (s *sortedSearch) walkRange(ctx context.Context) (ids []any, ok, done bool, err error) {
	uid := s.owner
	window := "SELECT id FROM applications WHERE " + s.where + " ORDER BY " + s.order + " LIMIT " + strconv.Itoa(searchWindow)
	mine := "owner_id = " + s.db.boundEq()
	rows, err := s.db.readQuery(ctx, "SELECT lo, hi, n, (SELECT COUNT(*) FROM (SELECT 1 FROM applications WHERE "+mine+" AND id BETWEEN lo AND hi LIMIT "+
		strconv.Itoa(rangeSpan)+")), (SELECT MIN(id) FROM applications WHERE "+mine+"), (SELECT MAX(id) FROM applications WHERE "+mine+")"+
		" FROM (SELECT COALESCE(MIN(id), 0) AS lo, COALESCE(MAX(id), 0) AS hi, COUNT(*) AS n FROM ("+window+"))", slices.Concat([]any{uid, uid, uid}, s.args)...)
	if err != nil {
		return nil, false, false, err
	}
	var st windowStats
	found := false
	err = eachRow(rows, func(r *windowStats) { st, found = *r, true })
	if err != nil || !found || st.N == 0 {
		return nil, err == nil && found, true, err
	}
	if st.Spanned >= rangeSpan {
		return nil, false, false, nil
	}
	dir := "ASC"
	if st.Last-st.Hi < st.Lo-st.First {
		dir = "DESC"
	}
	keys, order := s.windowKeys()
	// The LIMIT keeps the subquery's order, which sets the end FTS5 reads
	// from; it holds every match of the span.
	q := "SELECT id FROM (SELECT " + keys + " FROM applications WHERE " + s.where + " ORDER BY " + s.order + " LIMIT " + strconv.Itoa(searchWindow) + ")" +
		" WHERE id IN (SELECT rowid FROM application_words WHERE application_words MATCH ? AND rowid BETWEEN ? AND ? ORDER BY rowid " + dir +
		" LIMIT " + strconv.Itoa(rangeSpan) + ") ORDER BY " + order + " LIMIT " + strconv.Itoa(s.limit)
	rows, err = s.db.readQuery(ctx, q, slices.Concat(s.args, []any{s.match, st.Lo, st.Hi})...)
	if err != nil {
		return nil, false, false, err
	}
	err = eachRow(rows, func(id *idRow) { ids = append(ids, int64(*id)) })
	return ids, true, len(ids) == s.limit || st.N < searchWindow, err
}

// windowStats describes a window of the list's index: its least and
// greatest id and how many entries it holds, how many of the owner's
// applications lie between those ids (up to rangeSpan), and the owner's
// least and greatest id.
type windowStats struct {
	Lo, Hi, N, Spanned, First, Last int64
}

func (r *windowStats) fields() []any {
	return []any{&r.Lo, &r.Hi, &r.N, &r.Spanned, &r.First, &r.Last}
}
