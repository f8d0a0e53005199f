package applications_test

import (
	"testing"

	"tracker/internal/apperr"
	"tracker/internal/applications"
	"tracker/internal/storage"
	"tracker/internal/storage/storagetest"
	"tracker/internal/workflow"
)

// TestWishlistToWithdrawn follows a saved job that is applied to and then
// withdrawn, and one dropped straight from the wishlist.
func TestWishlistToWithdrawn(t *testing.T) {
	storagetest.Each(t, func(t *testing.T, db *storage.DB) {
		svc, _, ctx := newService(t, db)
		f := applications.Fields{Company: "Acme", Role: "Dev"}
		d, err := svc.Create(ctx, applications.NewApplication{Fields: f, Status: workflow.Wishlist})
		if err != nil || d.Status != workflow.Wishlist {
			t.Fatalf("create in wishlist = %+v, %v", d, err)
		}
		wantCode(t, moveErr(svc.Move(ctx, d.ID, applications.MoveInput{To: workflow.Withdrawn})), apperr.ECONFLICT)
		if d, err = svc.Move(ctx, d.ID, applications.MoveInput{To: workflow.Applied, Note: "sent the form"}); err != nil {
			t.Fatal(err)
		}
		if d, err = svc.Withdraw(ctx, d.ID, applications.WithdrawInput{Note: "  took another path "}); err != nil {
			t.Fatal(err)
		}
		last := d.History[len(d.History)-1]
		if d.Status != workflow.Withdrawn || last.From != workflow.Applied || last.Note != "took another path" {
			t.Fatalf("after withdrawing: status %s, last entry %+v", d.Status, last)
		}
		e := wantCode(t, moveErr(svc.Withdraw(ctx, d.ID, applications.WithdrawInput{})), apperr.ECONFLICT)
		if len(e.Allowed) != 0 {
			t.Fatalf("a withdrawn application offers moves: %v", e.Allowed)
		}

		w, _ := svc.Create(ctx, applications.NewApplication{Fields: f, Status: workflow.Wishlist})
		if w, err = svc.Withdraw(ctx, w.ID, applications.WithdrawInput{}); err != nil || w.Status != workflow.Withdrawn {
			t.Fatalf("withdraw from the wishlist = %+v, %v", w, err)
		}
		wantCode(t, moveErr(svc.Create(ctx, applications.NewApplication{Fields: f, Status: workflow.Hired})), apperr.EINVALID)
	})
}

// TestRescindedOfferAndSilentInvitation records an offer taken back and an
// invitation nothing followed.
func TestRescindedOfferAndSilentInvitation(t *testing.T) {
	storagetest.Each(t, func(t *testing.T, db *storage.DB) {
		svc, _, ctx := newService(t, db)
		d := invitedApp(t, ctx, svc, "Acme", start)
		for _, to := range []workflow.State{workflow.Scheduled, workflow.Interviewed, workflow.Offered, workflow.Rejected} {
			var err error
			if d, err = svc.Move(ctx, d.ID, applications.MoveInput{To: to}); err != nil {
				t.Fatalf("move to %s: %v", to, err)
			}
		}
		g := invitedApp(t, ctx, svc, "Globex", start)
		g, err := svc.Move(ctx, g.ID, applications.MoveInput{To: workflow.Ghosted, Note: "no word for a month"})
		if err != nil || g.Status != workflow.Ghosted || g.Invitations[0].Response != applications.ResponseCancelled {
			t.Fatalf("invited -> ghosted = %+v, %v", g, err)
		}
	})
}
