package storage

import (
	"context"
	"fmt"
	"strings"

	"tracker/internal/applications"
)

// Search words, written once per group (SQLite).
//
// FTS5 keeps the words written in a transaction in memory and writes them
// out as a new segment of its index at the next savepoint or statement
// journal, and at the commit: a call of a group (see group.go) runs in a
// savepoint of its own, so every create wrote a segment holding its one
// application's words, and FTS5 then merged those segments again, all on
// the one writer (about a third of a create's statements' time). So a call
// in a group hands its applications' words to the group instead, and the
// group writes them all in one statement just before its COMMIT: one
// segment for the whole group.
//
// The guarantees stay those of group.go: the words commit with their
// applications or not at all (a failure of that statement fails the whole
// group, none of which was acknowledged), a call that fails leaves no
// words (its list is dropped with its savepoint), the last words written
// for an application win, and an application deleted later in the group
// gets none (the statement writes only the words of applications that
// exist). Outside a group (OwnTx, PostgreSQL) the words are written at
// once, as before. No read in a write transaction searches, so none
// misses words still waiting.

// callWordsKey carries the words of a group's call in its context.
type callWordsKey struct{}

// pendingWords are the documents waiting for the group's commit, by
// application id, with their order.
type pendingWords struct {
	ids   []int64
	words map[int64]string
}

// add keeps words as application id's document, replacing any before.
func (p *pendingWords) add(id int64, words string) {
	if p.words == nil {
		p.words = map[int64]string{}
	}
	if _, ok := p.words[id]; !ok {
		p.ids = append(p.ids, id)
	}
	p.words[id] = words
}

// addAll adds every document of q, in its order.
func (p *pendingWords) addAll(q *pendingWords) {
	for _, id := range q.ids {
		p.add(id, q.words[id])
	}
}

// writeWords indexes application a's words: in a call of a group, at the
// group's commit; otherwise now.
func (db *DB) writeWords(ctx context.Context, ownerID int64, a *applications.Application) error {
	if p, ok := ctx.Value(callWordsKey{}).(*pendingWords); ok && db.fts {
		p.add(a.ID, ownerWords(ownerID, a.Fields))
		return nil
	}
	return db.indexWords(ctx, ownerID, a)
}

// wordsPerStatement bounds the documents of one statement (two variables
// each; SQLite allows 32,766).
const wordsPerStatement = 500

// flushWords writes the group's waiting documents on its transaction, in
// statements of up to wordsPerStatement, each only for applications that
// still exist.
func (g *group) flushWords() error {
	ids := g.words.ids
	for len(ids) > 0 {
		n := min(len(ids), wordsPerStatement)
		args := make([]any, 0, 2*n)
		for _, id := range ids[:n] {
			args = append(args, id, g.words.words[id])
		}
		q := "INSERT OR REPLACE INTO application_words (rowid, words) SELECT v.column1, v.column2 FROM (VALUES " +
			strings.Repeat("(?, ?), ", n-1) + "(?, ?)) v WHERE EXISTS (SELECT 1 FROM applications WHERE id = v.column1)"
		if _, err := g.sqlTx.Exec(q, args...); err != nil {
			return fmt.Errorf("index the group's applications: %w", err)
		}
		ids = ids[n:]
	}
	g.words = pendingWords{}
	return nil
}
