package storage_test

import (
	"context"
	"fmt"
	"reflect"
	"strings"
	"testing"

	"tracker/internal/applications"
	"tracker/internal/storage"
	"tracker/internal/storage/storagetest"
)

// exportAll runs ExportDetails with batch and returns the ids it gave, the
// size of each batch and the statements it ran.
func exportAll(t *testing.T, db *storage.DB, ctx context.Context, batch int, each func(r *applications.DetailRecords)) (ids []int64, sizes []int, statements int) {
	t.Helper()
	var err error
	sql := db.CaptureSQL(func() {
		err = db.ExportDetails(ctx, batch, func(rs []*applications.DetailRecords) error {
			sizes = append(sizes, len(rs))
			for _, r := range rs {
				ids = append(ids, r.Application.ID)
				if each != nil {
					each(r)
				}
			}
			return nil
		})
	})
	if err != nil {
		t.Fatal(err)
	}
	for _, q := range sql {
		if strings.Contains(q, "FROM invitations WHERE application_id = applications.id") {
			statements++
		}
	}
	return ids, sizes, statements
}

// TestExportDetailsBatches: an export gives every application of the user
// and none of another's, in order of id, each as ReadDetail reads it, at
// most a batch at a time, with one statement a batch (the last one finds
// the end): what it holds and how often it asks do not grow with the
// number of applications beyond ceil(n / batch) statements of batch rows.
func TestExportDetailsBatches(t *testing.T) {
	storagetest.Each(t, func(t *testing.T, db *storage.DB) {
		mine, other := storagetest.Owner(t, db, "mine@example.com"), storagetest.Owner(t, db, "other@example.com")
		storagetest.SeedInvited(t, db, other, 5, at)
		const batch = 8
		for _, n := range []int{0, 3, 2*batch + 5, 4 * batch} {
			ctx := storagetest.Owner(t, db, fmt.Sprintf("user%d@example.com", n))
			if n > 0 {
				storagetest.SeedInvited(t, db, ctx, n, at)
			}
			var got []*applications.DetailRecords
			ids, sizes, statements := exportAll(t, db, ctx, batch, func(r *applications.DetailRecords) { got = append(got, r) })
			if len(ids) != n {
				t.Fatalf("%d applications: the export gave %d", n, len(ids))
			}
			if want := n/batch + 1; statements != want {
				t.Errorf("%d applications: %d statements, want %d (one a batch and the one that finds the end)", n, statements, want)
			}
			for i, s := range sizes {
				if s > batch || (s < batch && i != len(sizes)-1) {
					t.Errorf("%d applications: batches of %v", n, sizes)
					break
				}
			}
			for i, r := range got {
				if i > 0 && r.Application.ID <= got[i-1].Application.ID {
					t.Fatalf("not in order of id: %d after %d", r.Application.ID, got[i-1].Application.ID)
				}
				want, err := db.ReadDetail(ctx, r.Application.ID)
				if err != nil {
					t.Fatal(err)
				}
				if !reflect.DeepEqual(r, want) {
					t.Fatalf("application %d exported as\n%+v\nread as\n%+v", r.Application.ID, r, want)
				}
				if len(r.Invitations) != 1 || len(r.History) != 1 || r.Settings == nil {
					t.Fatalf("application %d without what hangs off it: %+v", r.Application.ID, r)
				}
			}
		}
		if ids, _, _ := exportAll(t, db, mine, batch, nil); len(ids) != 0 {
			t.Errorf("a user without applications exported %v", ids)
		}
	})
}

// TestExportDetailsSnapshot: writes made while an export runs (a new
// application, one not yet read deleted, one not yet read renamed) are
// not in it: it reads one snapshot. They are not held up by it either: on
// SQLite the writer goes on while the export's read transaction is open.
func TestExportDetailsSnapshot(t *testing.T) {
	storagetest.Each(t, func(t *testing.T, db *storage.DB) {
		ctx := storagetest.Owner(t, db, "mine@example.com")
		storagetest.SeedInvited(t, db, ctx, 20, at)
		uid, _ := applications.OwnerFrom(ctx)
		var companies []string
		wrote := false
		err := db.ExportDetails(ctx, 4, func(rs []*applications.DetailRecords) error {
			for _, r := range rs {
				companies = append(companies, r.Application.Company)
			}
			if wrote {
				return nil
			}
			wrote = true
			last := rs[len(rs)-1].Application.ID
			for _, q := range []string{
				"INSERT INTO applications (owner_id, company, role, status, created_at, updated_at) SELECT owner_id, 'New', 'Dev', 'applied', created_at, updated_at FROM applications WHERE id = ?",
				"DELETE FROM applications WHERE id = ? + 1",
				"UPDATE applications SET company = 'Renamed' WHERE id = ? + 2",
			} {
				if err := db.ExecTx(ctx, q, last); err != nil {
					return err
				}
			}
			return nil
		})
		if err != nil {
			t.Fatal(err)
		}
		if len(companies) != 20 || companies[5] != "Company 6" || companies[6] != "Company 7" {
			t.Errorf("the export saw writes made while it ran: %v", companies)
		}
		ids, _, _ := exportAll(t, db, ctx, 4, nil)
		if len(ids) != 20 { // one more, one fewer
			t.Errorf("after the export: %d applications of user %d", len(ids), uid)
		}
	})
}
