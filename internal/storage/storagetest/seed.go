package storagetest

import (
	"context"
	"testing"
	"time"

	"tracker/internal/applications"
	"tracker/internal/storage"
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
