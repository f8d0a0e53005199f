package storage_test

import (
	"context"
	"strings"
	"testing"
	"time"

	"tracker/internal/apperr"
	"tracker/internal/applications"
	"tracker/internal/storage"
	"tracker/internal/storage/storagetest"
	"tracker/internal/workflow"
)

// TestMoveToStageWithoutWarnings moves an applied application (which
// has a no-reply due time) and an invited one (a response due, a pending
// invitation) to rejected: each loses its due time, gains the history
// entry, and the invitation is cancelled. On PostgreSQL the move, its
// history entry and the deletion of the due time are one statement, after
// one read of the application (locked) with its last history entry, and
// nothing else in the move writes the due time again.
func TestMoveToStageWithoutWarnings(t *testing.T) {
	storagetest.Each(t, func(t *testing.T, db *storage.DB) {
		ctx := storagetest.Owner(t, db, "move@example.com")
		now := time.Date(2026, 3, 2, 9, 0, 0, 0, time.UTC)
		svc := applications.NewService(db, func() time.Time { return now })
		later := applications.DueQuery{Now: now.AddDate(1, 0, 0)}
		for _, from := range []workflow.State{workflow.Applied, workflow.Invited} {
			in := applications.NewApplication{Fields: applications.Fields{Company: "Acme " + string(from), Role: "Engineer"}, Status: from}
			if from == workflow.Invited {
				in.Invitation = &applications.NewInvitation{ReceivedAt: now.Add(-time.Hour)}
			}
			d, err := svc.Create(ctx, in)
			if err != nil {
				t.Fatal(err)
			}
			q := later
			q.Applications = []int64{d.ID}
			if due, err := db.ListDue(ctx, q); err != nil || len(due) != 1 {
				t.Fatalf("from %s: %d due times before the move (%v), want 1", from, len(due), err)
			}
			var moved *applications.Detail
			stmts := db.CaptureSQL(func() {
				moved, err = svc.Move(ctx, d.ID, applications.MoveInput{To: workflow.Rejected, Note: "no"})
			})
			if err != nil {
				t.Fatalf("from %s: %v", from, err)
			}
			if due, err := db.ListDue(ctx, q); err != nil || len(due) != 0 {
				t.Errorf("from %s: %d due times after the move to rejected (%v), want none", from, len(due), err)
			}
			last := moved.History[len(moved.History)-1]
			if moved.Status != workflow.Rejected || last.From != from || last.To != workflow.Rejected || last.Note != "no" || last.ID == 0 {
				t.Errorf("from %s: status %s, last history entry %+v", from, moved.Status, last)
			}
			for _, inv := range moved.Invitations {
				if inv.Response == applications.ResponsePending {
					t.Errorf("from %s: invitation %d still pending", from, inv.ID)
				}
			}
			var writes []string
			for _, s := range stmts {
				if strings.Contains(s, "UPDATE applications") || strings.Contains(s, "warning_due") && !strings.HasPrefix(s, "SELECT") {
					writes = append(writes, s)
				}
			}
			if db.Postgres() {
				if len(writes) != 1 || !strings.Contains(writes[0], "INSERT INTO history") || !strings.Contains(writes[0], "DELETE FROM warning_due") {
					t.Errorf("from %s: the move, its history entry and the due time's deletion are not one statement:\n%s", from, strings.Join(writes, "\n"))
				}
				// Before it, one read: the application, locked, with its
				// last history entry.
				if len(stmts) < 2 || stmts[1] != writes[0] || !strings.Contains(stmts[0], "FOR UPDATE") || !strings.Contains(stmts[0], "history") {
					t.Errorf("from %s: the move does not read the application and its last history entry in one statement:\n%s", from, strings.Join(stmts, "\n"))
				}
			}
		}
		// A move another writer made first is refused and logs nothing.
		d, err := svc.Create(ctx, applications.NewApplication{Fields: applications.Fields{Company: "Globex", Role: "Engineer"}, Status: workflow.Applied})
		if err != nil {
			t.Fatal(err)
		}
		err = db.InTx(ctx, func(ctx context.Context) error {
			_, err := db.MoveStatus(ctx, &applications.HistoryEntry{ApplicationID: d.ID, From: workflow.Invited, To: workflow.Rejected, At: now}, now, nil)
			return err
		})
		if apperr.ErrorCode(err) != apperr.ECONFLICT {
			t.Fatalf("a move from a stage the application has left: %v, want a conflict", err)
		}
		var history []applications.HistoryEntry
		if err := db.View(ctx, func(ctx context.Context) (err error) { history, err = db.ListHistory(ctx, d.ID); return err }); err != nil || len(history) != 1 {
			t.Errorf("after the refused move: %d history entries (%v), want the one of its creation", len(history), err)
		}
	})
}
