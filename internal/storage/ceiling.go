package storage

import "context"

// ExecTx runs one statement in a write transaction of its own on the
// writer, with the connection settings of every other write. The
// benchmark's storage ceiling (one committed row per insert) goes through
// it, so that the write endpoints are compared with the same driver,
// pool and durability settings rather than with a copy of them.
func (db *DB) ExecTx(ctx context.Context, query string, args ...any) error {
	return db.InTx(ctx, func(ctx context.Context) error {
		return db.conn(ctx).Exec(query, args...).Error
	})
}
