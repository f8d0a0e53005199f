package storage

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"strconv"

	"tracker/internal/apperr"
	"tracker/internal/applications"
)

// An export (the JSON backup, the CSV sheet, the calendar feed) reads a
// user's applications in batches by id (keyset pagination over the
// owner's (owner_id, id) index), each batch one statement that carries
// every application's invitations, history and letters beside it as JSON
// arrays, as ReadDetail's does for one: a batch is one round trip, never
// one per row, and what the export holds at any time is one batch,
// whatever the number of applications. The batches are read in one
// read-only transaction, so the export is one snapshot: on SQLite a read
// transaction on a reader, which in WAL mode never blocks the writer (nor
// the writer it); on PostgreSQL REPEATABLE READ, READ ONLY, whose snapshot
// is taken at its first statement and kept to the end.

// exportStatements are the statements of one batch on SQLite ([0]) and
// PostgreSQL ([1]), without their LIMIT.
var exportStatements = [2]string{exportSQL(false), exportSQL(true)}

// exportSQL returns the statement of one batch on the dialect: the
// owner's applications after an id, in order of id. On PostgreSQL the
// owner is compared with = ANY of an array, as a list page's is (see
// ownerFirst), so that the order comes from the owner's index.
func exportSQL(postgres bool) string {
	j := jsonOn(postgres)
	mine := "owner_id = " + boundEqOn(false) + " AND id > ? ORDER BY id"
	if postgres {
		mine = "owner_id = ANY(ARRAY[CAST(? AS bigint)]) AND id > ? ORDER BY owner_id, id"
	}
	return "SELECT " + applicationColumns +
		", " + j.children(invitationColumns, "invitations") +
		", " + j.children(historyColumns, "history") +
		", " + j.children(j.letterColumns(), "letters") +
		" FROM applications WHERE " + mine
}

// ExportDetails calls fn with the applications of the user in ctx, oldest
// (lowest id) first, at most batch at a time, each with its invitations,
// history and letters in ReadDetail's order and the user's settings, all
// from one snapshot. fn may not keep the slice or the records after it
// returns; an error of fn stops the export and is returned.
func (db *DB) ExportDetails(ctx context.Context, batch int, fn func([]*applications.DetailRecords) error) error {
	uid, err := owner(ctx)
	if err != nil {
		return err
	}
	if batch < 1 {
		return fmt.Errorf("export: batch must be at least 1, not %d", batch)
	}
	statement := exportStatements[0]
	opts := &sql.TxOptions{ReadOnly: true}
	if db.postgres {
		statement = exportStatements[1]
		opts.Isolation = sql.LevelRepeatableRead
	}
	statement += " LIMIT " + strconv.Itoa(batch)
	return db.tx(ctx, db.read, opts, func(ctx context.Context) error {
		settings, err := db.GetSettings(ctx)
		if err != nil && apperr.ErrorCode(err) == apperr.ENOTFOUND {
			settings, err = nil, nil
		}
		if err != nil {
			return fmt.Errorf("export: %w", err)
		}
		recs := make([]*applications.DetailRecords, 0, batch)
		var after int64
		for {
			recs, err = db.exportBatch(ctx, statement, uid, after, recs[:0])
			if err != nil {
				return fmt.Errorf("export applications after %d: %w", after, err)
			}
			if len(recs) == 0 {
				return nil
			}
			for _, r := range recs {
				r.Settings = settings
			}
			if err := fn(recs); err != nil {
				return err
			}
			if len(recs) < batch {
				return nil
			}
			after = recs[len(recs)-1].Application.ID
			clear(recs) // the batch read is garbage before the next is read
		}
	})
}

// exportBatch reads the batch of applications after id after into recs.
func (db *DB) exportBatch(ctx context.Context, statement string, uid, after int64, recs []*applications.DetailRecords) ([]*applications.DetailRecords, error) {
	rows, err := db.query(ctx, statement, uid, after)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var app applicationRow
	var invs, hist, letters sql.NullString
	var decoder jsonRow // one for the batch, as a single read pools its own
	fields := append(scanColumns(app.fields()), &invs, &hist, &letters)
	for rows.Next() {
		app, invs, hist, letters = applicationRow{}, sql.NullString{}, sql.NullString{}, sql.NullString{}
		if err := rows.Scan(fields...); err != nil {
			return nil, err
		}
		d, err := detailRecords(app, sql.NullString{}, invs.String, hist.String, letters.String, &decoder)
		if err != nil {
			return nil, fmt.Errorf("application %d: %w", app.ID, err)
		}
		recs = append(recs, d)
	}
	return recs, errors.Join(rows.Err(), rows.Close())
}
