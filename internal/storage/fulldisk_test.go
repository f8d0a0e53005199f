package storage_test

import (
	"context"
	"errors"
	"strings"
	"testing"
	"time"

	"tracker/internal/apperr"
	"tracker/internal/applications"
	"tracker/internal/storage/storagetest"
)

// TestFullDatabase writes to a SQLite database that cannot grow, as on a
// full disk (the driver's real SQLITE_FULL): each write is EUNAVAILABLE
// with a Retry-After and a message, not an internal error, nothing half
// written shows, and reads go on working.
func TestFullDatabase(t *testing.T) {
	db, _ := storagetest.SQLite(t)
	ctx := ownerCtx(t, db)
	svc := applications.NewService(db, func() time.Time { return at })
	first, err := svc.Create(ctx, applications.NewApplication{Fields: applications.Fields{Company: "Acme", Role: "Dev"}})
	if err != nil {
		t.Fatal(err)
	}
	if err := db.FillUp(context.Background()); err != nil {
		t.Fatal(err)
	}
	big := strings.Repeat("notes that need new pages ", 700)
	for i, write := range []func() error{
		func() error {
			_, err := svc.Create(ctx, applications.NewApplication{Fields: applications.Fields{Company: "Globex", Role: "Dev", Notes: big}})
			return err
		},
		func() error {
			_, err := svc.Update(ctx, first.ID, applications.Patch{Notes: &big})
			return err
		},
	} {
		err := write()
		var de *apperr.Error
		if !errors.As(err, &de) || de.Code != apperr.EUNAVAILABLE || de.RetryAfter <= 0 || !strings.Contains(de.Message, "full") {
			t.Fatalf("write %d on a full database: %v, want EUNAVAILABLE with a retry time", i, err)
		}
	}
	page, err := svc.List(ctx, applications.ListFilter{})
	if err != nil || len(page.Items) != 1 {
		t.Fatalf("reading a full database: %v, %+v", err, page)
	}
	if d, err := svc.Get(ctx, first.ID); err != nil || d.Notes != "" {
		t.Fatalf("reading a full database: %v, %+v", err, d)
	}
}
