package storage_test

import (
	"reflect"
	"strings"
	"testing"
	"time"

	"tracker/internal/applications"
	"tracker/internal/storage"
	"tracker/internal/storage/storagetest"
)

// TestReadForPreview: a preview reads what a letter reads but the last
// history entry, in one statement that does not touch the history for
// it; the application, profile, settings, invitations and whether it was
// interviewed are ReadForLetter's.
func TestReadForPreview(t *testing.T) {
	storagetest.Each(t, func(t *testing.T, db *storage.DB) {
		ctx := storagetest.Owner(t, db, "preview-read@example.com")
		now := time.Date(2026, 3, 2, 9, 0, 0, 0, time.UTC)
		svc := applications.NewService(db, func() time.Time { return now })
		if _, err := svc.UpdateSettings(ctx, applications.SettingsPatch{}); err != nil {
			t.Fatal(err)
		}
		d, err := svc.Create(ctx, applications.NewApplication{Fields: applications.Fields{Company: "Acme", Role: "Engineer", ContactName: "Maria Anders"},
			Status: "invited", Invitation: &applications.NewInvitation{ReceivedAt: now.Add(-time.Hour)}})
		if err != nil {
			t.Fatal(err)
		}
		full, err := db.ReadForLetter(ctx, d.ID)
		if err != nil {
			t.Fatal(err)
		}
		var preview *applications.LetterRecords
		stmts := db.CaptureSQL(func() { preview, err = db.ReadForPreview(ctx, d.ID) })
		if err != nil {
			t.Fatal(err)
		}
		if full.Last == nil || preview.Last != nil {
			t.Errorf("last history entry: ReadForLetter %+v, ReadForPreview %+v (want one, then none)", full.Last, preview.Last)
		}
		full.Last = nil
		if !reflect.DeepEqual(full, preview) || len(preview.Invitations) != 1 || preview.Settings == nil {
			t.Errorf("ReadForPreview read\n%+v\nReadForLetter\n%+v", preview, full)
		}
		if len(stmts) != 1 || strings.Contains(stmts[0], "FROM history m") {
			t.Errorf("ReadForPreview ran %d statements, reading the last history entry:\n%s", len(stmts), strings.Join(stmts, "\n"))
		}
		if _, err := db.ReadForPreview(ctx, d.ID+1000); err == nil {
			t.Error("ReadForPreview found an application that does not exist")
		}
	})
}
