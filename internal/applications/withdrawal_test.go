package applications_test

import (
	"testing"

	"tracker/internal/apperr"
	"tracker/internal/applications"
	"tracker/internal/storage"
	"tracker/internal/storage/storagetest"
	"tracker/internal/workflow"
)

// TestWithdrawWithALetter stores the letter that withdraws an application,
// on both databases; a failing edit is refused and nothing is written.
func TestWithdrawWithALetter(t *testing.T) {
	storagetest.Each(t, func(t *testing.T, db *storage.DB) {
		svc, _, ctx := newService(t, db)
		d, err := svc.Create(ctx, applications.NewApplication{Fields: applications.Fields{Company: "Globex", Role: "SRE"}})
		if err != nil {
			t.Fatal(err)
		}
		bad := "bye"
		_, err = svc.Withdraw(ctx, d.ID, applications.WithdrawInput{Letter: &applications.DeclineInput{Reason: "timing", SenderName: "Sam", Body: &bad}})
		wantCode(t, err, apperr.EINVALID)
		if got, _ := svc.Get(ctx, d.ID); got.Status != workflow.Applied || len(got.Letters) != 0 {
			t.Fatalf("a refused withdrawal wrote: %s, %d letters", got.Status, len(got.Letters))
		}
		d, err = svc.Withdraw(ctx, d.ID, applications.WithdrawInput{Letter: &applications.DeclineInput{Reason: "timing", SenderName: "Sam", Offer: "none"}})
		if err != nil {
			t.Fatal(err)
		}
		if d.Status != workflow.Withdrawn || len(d.Letters) != 1 || d.Letters[0].Kind != applications.LetterWithdrawal || d.Letters[0].Reason != "timing" {
			t.Fatalf("withdrawn as %s with letters %+v", d.Status, d.Letters)
		}
		if _, err := svc.LetterEML(ctx, d.ID, d.Letters[0].ID); err != nil {
			t.Errorf("the withdrawal letter as .eml: %v", err)
		}
	})
}
