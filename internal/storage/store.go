package storage

import (
	"context"
	"fmt"
	"slices"
	"strings"
	"time"

	"gorm.io/gorm"

	"tracker/internal/apperr"
	"tracker/internal/applications"
	"tracker/internal/workflow"
)

var _ applications.Store = (*DB)(nil)

func notFound(id int64) error {
	return apperr.Errorf(apperr.ENOTFOUND, "no application with id %d", id)
}

// CreateApplication inserts a and sets its id.
func (db *DB) CreateApplication(ctx context.Context, a *applications.Application) error {
	uid, err := owner(ctx)
	if err != nil {
		return err
	}
	row := toApplicationRow(a)
	row.OwnerID = uid
	ids, err := queryRows[idRow](ctx, db, insertApplication, row.fields()[1:]...)
	if err != nil {
		return fmt.Errorf("create application: %w", err)
	}
	a.ID = int64(ids[0])
	if err := db.indexWords(ctx, uid, a); err != nil {
		return err
	}
	return db.addNames(ctx, uid, a.Company, a.ContactName)
}

// insertApplication inserts every column of an application but its id,
// which it returns.
var insertApplication = "INSERT INTO applications (" + strings.TrimPrefix(applicationColumns, "id, ") + ") VALUES (" +
	strings.Repeat("?, ", strings.Count(applicationColumns, ",")-1) + "?) RETURNING id"

// GetApplication returns the application with id, or ENOTFOUND. In a
// write transaction on PostgreSQL it locks the row until the transaction
// ends, so every change made from what it read is made from the latest.
func (db *DB) GetApplication(ctx context.Context, id int64) (*applications.Application, error) {
	uid, err := owner(ctx)
	if err != nil {
		return nil, err
	}
	q := "SELECT " + applicationColumns + " FROM applications WHERE id = ? AND owner_id = ?"
	// In a write transaction on PostgreSQL the row is locked until the
	// transaction ends: a read-modify-write there (an edit, a move, a new
	// invitation) then waits for the one before it instead of writing back
	// what that one changed. SQLite needs no lock: its one writer runs
	// IMMEDIATE transactions, one at a time.
	if w, _ := ctx.Value(writeTxKey{}).(bool); w && db.postgres {
		q += " FOR UPDATE"
	}
	row, found, err := queryOne[applicationRow](ctx, db, q, id, uid)
	if err != nil {
		return nil, fmt.Errorf("get application %d: %w", id, err)
	}
	if !found {
		return nil, notFound(id)
	}
	a := row.domain()
	return &a, nil
}

// ListApplications returns up to f.Limit applications with an id below
// afterID (all when zero), newest first, filtered by status and query.
func (db *DB) ListApplications(ctx context.Context, f applications.ListFilter, after *applications.ListCursor) ([]applications.Application, error) {
	if f.Query == "" {
		return db.listPage(ctx, f, after)
	}
	var out []applications.Application
	err := db.View(ctx, func(ctx context.Context) error { // a search may run more than one statement
		var err error
		out, err = db.searchPage(ctx, f, after)
		return err
	})
	return out, err
}

// searchPage is ListApplications with a query, in a transaction.
func (db *DB) searchPage(ctx context.Context, f applications.ListFilter, after *applications.ListCursor) ([]applications.Application, error) {
	if db.fts && (f.Sort == "" || f.Sort == applications.SortNewest || f.Sort == applications.SortOldest) {
		return db.searchInOrder(ctx, f, after)
	}
	q, err := db.ownedApps(ctx)
	if err != nil {
		return nil, err
	}
	q = listOrder(q, f.Sort, after).Limit(f.Limit)
	if f.Status != "" {
		q = q.Where("status = ?", string(f.Status))
	}
	if f.Query != "" {
		if q, err = db.search(ctx, q, f.Query); err != nil {
			return nil, err
		}
	}
	cursor, err := q.Select(applicationColumns).Rows()
	if err != nil {
		return nil, fmt.Errorf("list applications: %w", err)
	}
	rows, err := scanRows[applicationRow](cursor)
	if err != nil {
		return nil, fmt.Errorf("list applications: %w", err)
	}
	out := make([]applications.Application, len(rows))
	for i, r := range rows {
		out[i] = r.domain()
	}
	return out, nil
}

// listOrder orders q by sort, with the id as the tie-break, and starts it
// after the cursor (keyset paging: no page is skipped or counted twice
// when rows are added between pages). The row comparisons let both
// databases start the page in the index of the order (migration 00042).
func listOrder(q *gorm.DB, sort applications.ListSort, after *applications.ListCursor) *gorm.DB {
	switch sort {
	case applications.SortOldest:
		if after != nil {
			q = q.Where("id > ?", after.ID)
		}
		return q.Order("id ASC")
	case applications.SortCompany:
		if after != nil {
			q = q.Where("(company, id) > (?, ?)", after.Key, after.ID)
		}
		return q.Order("company ASC, id ASC")
	case applications.SortUpdated:
		return newestBy(q, "updated_at", after)
	case applications.SortApplied:
		return newestBy(q, "COALESCE(applied_at, created_at)", after)
	}
	if after != nil {
		q = q.Where("id < ?", after.ID)
	}
	return q.Order("id DESC")
}

// newestBy orders q by the time expression col, newest first, after the
// cursor's time and id.
func newestBy(q *gorm.DB, col string, after *applications.ListCursor) *gorm.DB {
	if after != nil {
		q = q.Where("("+col+", id) < (?, ?)", after.At, after.ID)
	}
	return q.Order(col + " DESC, id DESC")
}

// escapeLike makes s match literally inside a LIKE pattern.
func escapeLike(s string) string {
	return strings.NewReplacer(`\`, `\\`, `%`, `\%`, `_`, `\_`).Replace(s)
}

// UpdateApplication writes the named fields of a and its updated_at, and
// no other column.
func (db *DB) UpdateApplication(ctx context.Context, a *applications.Application, fields []string) error {
	q, err := db.ownedApps(ctx)
	if err != nil {
		return err
	}
	row := toApplicationRow(a)
	res := q.Where("id = ?", a.ID).Select(append(slices.Clone(fields), "UpdatedAt")).Updates(&row)
	if res.Error != nil {
		return fmt.Errorf("update application %d: %w", a.ID, res.Error)
	}
	if res.RowsAffected == 0 {
		return notFound(a.ID)
	}
	uid, _ := owner(ctx)
	if slices.ContainsFunc(fields, func(f string) bool { return slices.Contains(searchedFields, f) }) {
		if err := db.indexWords(ctx, uid, a); err != nil {
			return err
		}
	}
	if slices.Contains(fields, "Company") || slices.Contains(fields, "ContactName") {
		return db.addNames(ctx, uid, a.Company, a.ContactName)
	}
	return nil
}

// DeleteApplication removes the application; its invitations, letters and
// history go with it (ON DELETE CASCADE).
func (db *DB) DeleteApplication(ctx context.Context, id int64) error {
	uid, err := owner(ctx)
	if err != nil {
		return err
	}
	res := db.conn(ctx).Where("id = ? AND owner_id = ?", id, uid).Delete(&applicationRow{})
	if res.Error != nil {
		return fmt.Errorf("delete application %d: %w", id, res.Error)
	}
	if res.RowsAffected == 0 {
		return notFound(id)
	}
	return nil
}

// SetStatus moves the application from -> to with a conditional update, so
// that of two writers moving it from the same state only one succeeds.
func (db *DB) SetStatus(ctx context.Context, id int64, from, to workflow.State, at time.Time) error {
	uid, err := owner(ctx)
	if err != nil {
		return err
	}
	n, err := db.exec(ctx, "UPDATE applications SET status = ?, updated_at = ? WHERE id = ? AND owner_id = ? AND status = ?",
		string(to), at.UTC(), id, uid, string(from))
	if err != nil {
		return fmt.Errorf("move application %d: %w", id, err)
	}
	if n == 0 {
		return &apperr.Error{Code: apperr.ECONFLICT,
			Message: fmt.Sprintf("application %d was changed by someone else while you moved it; reload it and try again", id)}
	}
	return nil
}

// SetHistoryAt re-dates history entry id of application appID.
func (db *DB) SetHistoryAt(ctx context.Context, appID, id int64, at time.Time) error {
	q, err := db.ofOwnedApp(ctx, &historyRow{}, appID)
	if err != nil {
		return err
	}
	res := q.Where("id = ?", id).Update("at", at.UTC())
	if res.Error != nil {
		return fmt.Errorf("re-date history entry %d: %w", id, res.Error)
	}
	if res.RowsAffected == 0 {
		return notFound(appID)
	}
	return nil
}

// AddHistory records one move, in one statement that inserts it only if
// the application is the user's: every create and move runs it on the one
// SQLite writer, where a separate ownership query would hold it longer.
func (db *DB) AddHistory(ctx context.Context, h *applications.HistoryEntry) error {
	uid, err := owner(ctx)
	if err != nil {
		return err
	}
	ids, err := queryRows[idRow](ctx, db, "INSERT INTO history (application_id, from_status, to_status, at, note) "+
		"SELECT ?, ?, ?, ?, ? WHERE EXISTS (SELECT 1 FROM applications WHERE id = ? AND owner_id = ?) RETURNING id",
		h.ApplicationID, string(h.From), string(h.To), h.At.UTC(), h.Note, h.ApplicationID, uid)
	if err != nil {
		return fmt.Errorf("add history: %w", err)
	}
	if len(ids) == 0 {
		return notFound(h.ApplicationID)
	}
	h.ID = int64(ids[0])
	return nil
}

// ListHistory returns an application's moves in the order they happened:
// by their time, then by insertion (backdated entries sort into place).
func (db *DB) ListHistory(ctx context.Context, appID int64) ([]applications.HistoryEntry, error) {
	uid, err := owner(ctx)
	if err != nil {
		return nil, err
	}
	rows, err := queryRows[historyRow](ctx, db, "SELECT "+historyColumns+" FROM history"+ofOwnedAppSQL+" ORDER BY at, id", appID, uid)
	if err != nil {
		return nil, fmt.Errorf("list history: %w", err)
	}
	out := make([]applications.HistoryEntry, len(rows))
	for i, r := range rows {
		out[i] = r.domain()
	}
	return out, nil
}
