package storagetest

import (
	"context"
	"strings"
	"testing"
	"time"

	"tracker/internal/applications"
	"tracker/internal/storage"
	"tracker/internal/workflow"
)

// SeedInvited writes n invited applications of the user in ctx, each with
// one pending invitation received at received, in a few statements as a
// bulk load would, then saves the user's settings, which recomputes their
// due times as any change of settings does.
func SeedInvited(t testing.TB, db *storage.DB, ctx context.Context, n int, received time.Time) {
	t.Helper()
	uid, _ := applications.OwnerFrom(ctx)
	steps := []struct {
		query string
		args  []any
	}{
		{`WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < ?)
		  INSERT INTO applications (owner_id, company, role, status, applied_at, created_at, updated_at)
		  SELECT ?, 'Company ' || i, 'Engineer', 'invited', ?, ?, ? FROM n`, []any{n, uid, received, received, received}},
		{`INSERT INTO invitations (application_id, received_at, format, round, message, response)
		  SELECT id, ?, 'video', 1, '', 'pending' FROM applications WHERE owner_id = ?`, []any{received, uid}},
		{`INSERT INTO history (application_id, from_status, to_status, at, note)
		  SELECT id, '', 'invited', ?, 'created' FROM applications WHERE owner_id = ?`, []any{received, uid}},
	}
	for _, s := range steps {
		if err := db.ExecTx(ctx, s.query, s.args...); err != nil {
			t.Fatalf("seed: %v", err)
		}
	}
	svc := applications.NewService(db, time.Now)
	if _, err := svc.UpdateSettings(ctx, applications.SettingsPatch{}); err != nil {
		t.Fatalf("save settings: %v", err)
	}
}

// App is an application that SeedApplications writes: an engineer's, at
// a company, in a stage, with its times.
type App struct {
	Company                   string
	Status                    workflow.State
	Applied, Created, Updated time.Time
}

// SeedApplications writes n applications of the user in ctx, the i-th
// (from 0) as app makes it, 500 to a statement, as a bulk load would. The
// search index is left to the caller (DB.RebuildSearch).
func SeedApplications(t testing.TB, db *storage.DB, ctx context.Context, n int, app func(i int) App) {
	t.Helper()
	uid, _ := applications.OwnerFrom(ctx)
	for from := 0; from < n; from += 500 {
		var rows []string
		var args []any
		for i := from; i < min(from+500, n); i++ {
			a := app(i)
			rows = append(rows, "(?, ?, 'Engineer', ?, ?, ?, ?)")
			args = append(args, uid, a.Company, string(a.Status), a.Applied, a.Created, a.Updated)
		}
		err := db.ExecTx(ctx, "INSERT INTO applications (owner_id, company, role, status, applied_at, created_at, updated_at) VALUES "+
			strings.Join(rows, ", "), args...)
		if err != nil {
			t.Fatalf("seed: %v", err)
		}
	}
}

// ListPages is every page of the list f selects, read as a client pages
// it (f.Limit rows a page, the service's default when zero).
func ListPages(t testing.TB, ctx context.Context, svc *applications.Service, f applications.ListFilter) []applications.Summary {
	t.Helper()
	var out []applications.Summary
	for {
		p, err := svc.List(ctx, f)
		if err != nil {
			t.Fatal(err)
		}
		out = append(out, p.Items...)
		if p.NextCursor == "" {
			return out
		}
		f.Cursor = p.NextCursor
	}
}

// IDs are the ids of the applications of a list.
func IDs(list []applications.Summary) []int64 {
	ids := make([]int64, len(list))
	for i, a := range list {
		ids[i] = a.ID
	}
	return ids
}
