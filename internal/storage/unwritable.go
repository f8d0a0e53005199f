package storage

import (
	"context"
	"errors"
	"strings"
	"time"

	"github.com/jackc/pgx/v5/pgconn"
	"github.com/mattn/go-sqlite3"

	"tracker/internal/apperr"
)

// unwritableRetry is how long a client is told to wait when the database
// takes no writes: long enough that clients do not hammer a full disk,
// short enough that they come back soon after an operator frees it.
const unwritableRetry = time.Minute

// unwritable reports whether err says the database cannot take writes for
// now, through no fault of the request: a read-only file or server, a full
// disk, a lock held too long, a server shutting down or out of room.
func unwritable(err error) bool {
	var le sqlite3.Error
	if errors.As(err, &le) {
		switch le.Code {
		case sqlite3.ErrReadonly, sqlite3.ErrFull, sqlite3.ErrBusy, sqlite3.ErrLocked, sqlite3.ErrIoErr, sqlite3.ErrCantOpen:
			return true
		}
		return false
	}
	var pe *pgconn.PgError
	if errors.As(err, &pe) {
		// 25006 read_only_sql_transaction (a standby, or read-only by
		// setting); class 53 insufficient resources (disk full, out of
		// memory, too many connections); class 57P operator intervention.
		return pe.Code == "25006" || strings.HasPrefix(pe.Code, "53") || strings.HasPrefix(pe.Code, "57P")
	}
	return false
}

// unavailable turns an error that unwritable recognises into EUNAVAILABLE,
// which the adapters answer with 503 and Retry-After; others pass as they
// are.
func unavailable(err error) error {
	if err == nil || !unwritable(err) {
		return err
	}
	return &apperr.Error{Code: apperr.EUNAVAILABLE, RetryAfter: unwritableRetry,
		Message: "the database cannot take changes right now (it is read-only, full or busy); nothing was changed, " +
			"reading still works; try again later"}
}

// CheckWritable makes one small write, as a health check: nil when the
// database takes writes, EUNAVAILABLE (or another error) when it does not.
func (db *DB) CheckWritable(ctx context.Context) error {
	err := db.InTx(ctx, func(ctx context.Context) error {
		return db.conn(ctx).Exec(`UPDATE health_probe SET checked_at = ? WHERE id = 1`, time.Now().UTC()).Error
	})
	return unavailable(err)
}
