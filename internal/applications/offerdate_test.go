package applications_test

import (
	"errors"
	"strings"
	"testing"
	"time"

	"tracker/internal/apperr"
	"tracker/internal/applications"
	"tracker/internal/civil"
	"tracker/internal/storage"
	"tracker/internal/storage/storagetest"
	"tracker/internal/workflow"
)

// TestOfferDate walks the day of the offer through its rules: refused on
// a new application, on a move to another stage, in the future of the
// user's today (in their time zone), after the move to offered and before
// the application began, and on an application that has had no offer;
// each refusal names offer_made_on and writes nothing. Set by the move to
// offered or an edit, it is named by the decline's preview, and an edit
// clears it.
func TestOfferDate(t *testing.T) {
	storagetest.Each(t, func(t *testing.T, db *storage.DB) {
		svc, clock, ctx := newService(t, db) // now: Monday 2 March 2026, 09:00 UTC
		day := func(d int) civil.Date { return civil.Of(start.AddDate(0, 0, d)) }
		zone := "Pacific/Auckland" // 22:00 on 2 March there, 13 hours ahead
		if _, err := svc.UpdateSettings(ctx, applications.SettingsPatch{TimeZone: &zone}); err != nil {
			t.Fatal(err)
		}
		applied := start.AddDate(0, 0, -20)
		newFields := applications.Fields{Company: "Acme", Role: "Analyst", ContactName: "Dana Smith", AppliedAt: &applied}
		refused := func(name string, err error, want string) {
			t.Helper()
			var e *apperr.Error
			if !errors.As(err, &e) || e.Code != apperr.EINVALID || !strings.Contains(e.Fields["offer_made_on"], want) {
				t.Errorf("%s: %v, want offer_made_on %q", name, err, want)
			}
		}
		_, err := svc.Create(ctx, applications.NewApplication{Fields: applications.Fields{Company: "Acme", Role: "Analyst", OfferMadeOn: day(-1)}})
		refused("create", err, "must be empty on a new application")
		a, err := svc.Create(ctx, applications.NewApplication{Fields: newFields})
		if err != nil {
			t.Fatal(err)
		}
		_, err = svc.Move(ctx, a.ID, applications.MoveInput{To: workflow.Invited, OfferMadeOn: day(-1)})
		refused("move to invited", err, "only with a move to offered")
		_, err = svc.Update(ctx, a.ID, applications.Patch{OfferMadeOn: ptr(day(-1))})
		refused("edit before an offer", err, "move it to offered first")
		for _, to := range []workflow.State{workflow.Invited, workflow.Scheduled, workflow.Interviewed} {
			mustDetail(t)(svc.Move(ctx, a.ID, applications.MoveInput{To: to, At: ptr(start.AddDate(0, 0, -10))}))
		}
		_, err = svc.Move(ctx, a.ID, applications.MoveInput{To: workflow.Offered, OfferMadeOn: day(2)})
		refused("move with a day in the future", err, "must not be after today (2026-03-02)")
		_, err = svc.Move(ctx, a.ID, applications.MoveInput{To: workflow.Offered, At: ptr(start.AddDate(0, 0, -1)), OfferMadeOn: day(0)})
		refused("move with a day after the move", err, "must not be after the day of the move to offered (2026-03-01)")
		if got, _ := svc.Get(ctx, a.ID); got.Status != workflow.Interviewed || !got.OfferMadeOn.IsZero() {
			t.Fatalf("a refused move wrote: %s, %v", got.Status, got.OfferMadeOn)
		}
		d, err := svc.Move(ctx, a.ID, applications.MoveInput{To: workflow.Offered, OfferMadeOn: day(-5)})
		if err != nil || d.Status != workflow.Offered || d.OfferMadeOn != day(-5) {
			t.Fatalf("move to offered with the day = %v, %v", d, err)
		}
		_, err = svc.Update(ctx, a.ID, applications.Patch{OfferMadeOn: ptr(day(2))})
		refused("edit in the future", err, "must not be after today (2026-03-02)")
		_, err = svc.Update(ctx, a.ID, applications.Patch{OfferMadeOn: ptr(day(-21))})
		refused("edit before the application", err, "must not be before 2026-02-10, when the application began (applied)")
		// At 12:00 UTC it is 3 March in Auckland: the user's today.
		clock.Advance(3 * time.Hour)
		if _, err := svc.Update(ctx, a.ID, applications.Patch{OfferMadeOn: ptr(day(1))}); err != nil {
			t.Fatalf("the user's today refused: %v", err)
		}
		mustDetail(t)(svc.Update(ctx, a.ID, applications.Patch{OfferMadeOn: ptr(day(-5))}))
		p, err := svc.PreviewDecline(ctx, a.ID, applications.DeclineInput{Reason: "timing", SenderName: "Alex Doe", Channel: "email"})
		if err != nil || !strings.Contains(p.Body, "25 February") && !strings.Contains(p.Body, "Wednesday") {
			t.Fatalf("the preview does not name the day of the offer (25 February, a Wednesday): %v\n%s", err, p.Body)
		}
		d, err = svc.Update(ctx, a.ID, applications.Patch{OfferMadeOn: &civil.Date{}})
		if err != nil || !d.OfferMadeOn.IsZero() {
			t.Fatalf("clearing the day = %v, %v", d.OfferMadeOn, err)
		}
	})
}
