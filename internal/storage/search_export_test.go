package storage

// SearchesWithFTS5 reports whether db searches with SQLite's FTS5 index,
// whose plans a test of the sorted search's choices reads.
func (db *DB) SearchesWithFTS5() bool { return !db.postgres && db.fts }
