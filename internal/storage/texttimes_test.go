package storage_test

import (
	"database/sql"
	"testing"
	"time"

	"tracker/internal/applications"
	"tracker/internal/storage/storagetest"
)

// TestListReadsStoredTimesAsTheDriver checks that a page of the list and
// a detail, which read an application's times as the text SQLite stores
// rather than through the driver's time parser, read every form a time
// may be stored in (the driver's own, RFC 3339, shorter ones, Unix seconds
// and milliseconds, text that is no time) as the driver reads a column
// declared as a time: the same instant, in UTC as the store hands every
// time over.
func TestListReadsStoredTimesAsTheDriver(t *testing.T) {
	db, path := storagetest.SQLite(t)
	ctx := storagetest.Owner(t, db, "times@example.com")
	uid, _ := applications.OwnerFrom(ctx)
	raw, err := sql.Open("sqlite3", path)
	if err != nil {
		t.Fatal(err)
	}
	defer raw.Close()
	stored := []any{"2024-11-27 03:03:01+00:00", "2024-11-27 03:03:01.123456789+00:00", "2024-11-27T03:03:01Z",
		"2024-11-27T03:03:01.5+05:30", "2024-11-27 03:03:01-08:00", "2024-11-27 03:03:01", "2024-11-27 03:03",
		"2024-11-27", "garbage", int64(1732676581), int64(1732676581123)}
	for i, at := range stored {
		var applied any = at
		if i == 0 {
			applied = nil
		}
		if _, err := raw.Exec("INSERT INTO applications (owner_id, company, role, status, created_at, updated_at, applied_at) "+
			"VALUES (?, 'Acme', 'Engineer', 'applied', ?, ?, ?)", uid, at, at, applied); err != nil {
			t.Fatal(err)
		}
	}
	rows, err := raw.Query("SELECT created_at, updated_at, applied_at FROM applications WHERE owner_id = ? ORDER BY id DESC", uid)
	if err != nil {
		t.Fatal(err)
	}
	var want [][3]*time.Time
	for rows.Next() {
		var created, updated time.Time
		var applied sql.NullTime
		if err := rows.Scan(&created, &updated, &applied); err != nil {
			t.Fatal(err)
		}
		created, updated = created.UTC(), updated.UTC() // as the store hands every time over
		w := [3]*time.Time{&created, &updated, nil}
		if applied.Valid {
			applied.Time = applied.Time.UTC()
			w[2] = &applied.Time
		}
		want = append(want, w)
	}
	if err := rows.Err(); err != nil {
		t.Fatal(err)
	}
	page, err := db.ListApplications(ctx, applications.ListFilter{Limit: 50, Sort: applications.SortNewest}, nil)
	if err != nil {
		t.Fatal(err)
	}
	if len(page) != len(want) {
		t.Fatalf("%d applications listed, want %d", len(page), len(want))
	}
	for i, a := range page {
		d, err := db.ReadDetail(ctx, a.ID)
		if err != nil {
			t.Fatal(err)
		}
		for j, got := range [3]*time.Time{&a.CreatedAt, &a.UpdatedAt, a.AppliedAt} {
			if !sameTime(got, want[i][j]) {
				t.Errorf("stored %v: time %d listed as %v, the driver reads %v", stored[len(stored)-1-i], j, got, want[i][j])
			}
		}
		for j, got := range [3]*time.Time{&d.Application.CreatedAt, &d.Application.UpdatedAt, d.Application.AppliedAt} {
			if !sameTime(got, want[i][j]) {
				t.Errorf("stored %v: time %d of the detail is %v, the driver reads %v", stored[len(stored)-1-i], j, got, want[i][j])
			}
		}
	}
}

// sameTime reports whether a and b are both no time, or the same instant
// in zones of the same name and offset.
func sameTime(a, b *time.Time) bool {
	if a == nil || b == nil {
		return a == b
	}
	an, ao := a.Zone()
	bn, bo := b.Zone()
	return a.Equal(*b) && an == bn && ao == bo
}
