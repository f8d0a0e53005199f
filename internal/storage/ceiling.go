package storage

import "context"

// ExecTx runs one statement in a write transaction of its own on the
// writer, with the connection settings of every other write but never
// grouped with other calls (see group.go). The benchmark's storage
// ceiling (one committed row per insert) goes through it, so that the
// write endpoints are compared with the same driver, pool and durability
// settings rather than with a copy of them. Inside OwnTx or InTx it joins
// that transaction. Times among args are bound as the store stores them
// (bindTimes).
func (db *DB) ExecTx(ctx context.Context, query string, args ...any) error {
	return db.OwnTx(ctx, func(ctx context.Context) error {
		return db.conn(ctx).Exec(query, db.argsOn(args)...).Error
	})
}

// OwnTx is InTx without group commit: fn's transaction commits alone. The
// benchmark measures with it what a fixed number of rows per commit gives.
func (db *DB) OwnTx(ctx context.Context, fn func(ctx context.Context) error) error {
	return db.tx(ctx, db.write, nil, fn)
}
