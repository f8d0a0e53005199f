package applications_test

import (
	"strings"
	"testing"
	"time"

	"tracker/internal/apperr"
	"tracker/internal/applications"
	"tracker/internal/storage"
	"tracker/internal/storage/storagetest"
	"tracker/internal/workflow"
)

func at(d time.Duration) *time.Time { t := start.Add(d); return &t }

// TestBackdatedHistoryIsOrderedByTime enters a search that began weeks ago:
// the application, its invitation, the accepted interview and the decline
// are all dated in the past, and the history reads in the order they
// happened, not the order they were typed.
func TestBackdatedHistoryIsOrderedByTime(t *testing.T) {
	storagetest.Each(t, func(t *testing.T, db *storage.DB) {
		svc, _, ctx := newService(t, db)
		day := 24 * time.Hour
		d, err := svc.Create(ctx, applications.NewApplication{Fields: applications.Fields{Company: "Acme", Role: "Dev", AppliedAt: at(-30 * day)}})
		if err != nil || !d.AppliedAt.Equal(start.Add(-30*day)) || !d.History[0].At.Equal(start.Add(-30*day)) {
			t.Fatalf("create applied 30 days ago = %+v, %v", d, err)
		}
		steps := []func() (*applications.Detail, error){
			func() (*applications.Detail, error) {
				return svc.AddInvitation(ctx, d.ID, applications.NewInvitation{ReceivedAt: start.Add(-20 * day), InterviewAt: at(-10 * day)})
			},
			func() (*applications.Detail, error) {
				return svc.Move(ctx, d.ID, applications.MoveInput{To: workflow.Scheduled, At: at(-19 * day)})
			},
			func() (*applications.Detail, error) {
				return svc.Decline(ctx, d.ID, applications.DeclineInput{Reason: "timing", SenderName: "Ada", SentAt: at(-15 * day)})
			},
		}
		for _, step := range steps {
			if d, err = step(); err != nil {
				t.Fatal(err)
			}
		}
		var got []string
		for _, h := range d.History {
			got = append(got, string(h.To)+"@"+h.At.Format("01-02"))
		}
		want := "applied@01-31 invited@02-10 scheduled@02-11 declined@02-15"
		if strings.Join(got, " ") != want {
			t.Fatalf("history = %v, want %s", got, want)
		}
		if r := d.Invitations[0]; r.Response != applications.ResponseAccepted || !r.RespondedAt.Equal(start.Add(-19*day)) {
			t.Fatalf("the invitation was not accepted at the move's time: %+v", r)
		}
		if d.FollowUpDueAt == nil || !d.FollowUpDueAt.Equal(start.Add(-15*day+72*time.Hour)) {
			t.Fatalf("follow-up due = %v, want 72h after the backdated decline", d.FollowUpDueAt)
		}
	})
}

// TestDatesRefused checks the rules of every at: not in the future, not
// before the history's last entry, each named.
func TestDatesRefused(t *testing.T) {
	storagetest.Each(t, func(t *testing.T, db *storage.DB) {
		svc, _, ctx := newService(t, db)
		d := invitedApp(t, ctx, svc, "Acme", start.Add(-48*time.Hour))
		e := wantCode(t, moveErr(svc.Move(ctx, d.ID, applications.MoveInput{To: workflow.Scheduled, At: at(72 * time.Hour)})), apperr.EINVALID)
		if !strings.Contains(e.Fields["at"], "must not be in the future") {
			t.Fatalf("future move: %v", e.Fields)
		}
		e = wantCode(t, moveErr(svc.Move(ctx, d.ID, applications.MoveInput{To: workflow.Scheduled, At: at(-72 * time.Hour)})), apperr.EINVALID)
		if !strings.Contains(e.Fields["at"], "must not be before the last entry of the history (invited at") {
			t.Fatalf("move before the invitation: %v", e.Fields)
		}
		e = wantCode(t, moveErr(svc.Decline(ctx, d.ID, applications.DeclineInput{Reason: "timing", SenderName: "Ada", SentAt: at(-72 * time.Hour)})), apperr.EINVALID)
		if e.Fields["sent_at"] == "" {
			t.Fatalf("decline before the invitation: %v", e.Fields)
		}
		_, err := svc.Create(ctx, applications.NewApplication{Fields: applications.Fields{Company: "A", Role: "B", AppliedAt: at(time.Hour * 24)}})
		if e := wantCode(t, err, apperr.EINVALID); e.Fields["applied_at"] == "" {
			t.Fatalf("applied in the future: %v", e.Fields)
		}
		_, err = svc.Create(ctx, applications.NewApplication{Fields: applications.Fields{Company: "A", Role: "B", AppliedAt: at(-time.Hour)}, Status: workflow.Wishlist})
		if e := wantCode(t, err, apperr.EINVALID); !strings.Contains(e.Fields["applied_at"], "wishlist") {
			t.Fatalf("applied date on a wishlist job: %v", e.Fields)
		}
		if got, _ := svc.Get(ctx, d.ID); len(got.History) != 1 || got.Status != workflow.Invited {
			t.Fatalf("a refused move was written: %+v", got.History)
		}
	})
}

// TestAppliedAtFromWishlist sets applied_at when a wishlist job is applied
// to, at the time of the move.
func TestAppliedAtFromWishlist(t *testing.T) {
	storagetest.Each(t, func(t *testing.T, db *storage.DB) {
		svc, clk, ctx := newService(t, db)
		d, err := svc.Create(ctx, applications.NewApplication{Fields: applications.Fields{Company: "A", Role: "B"}, Status: workflow.Wishlist})
		if err != nil || d.AppliedAt != nil {
			t.Fatalf("wishlist job = %+v, %v", d, err)
		}
		clk.Advance(3 * time.Hour)
		d, err = svc.Move(ctx, d.ID, applications.MoveInput{To: workflow.Applied, At: at(time.Hour)})
		if err != nil {
			t.Fatal(err)
		}
		if d.AppliedAt == nil || !d.AppliedAt.Equal(start.Add(time.Hour)) {
			t.Fatalf("after applying = %+v, %v", d.AppliedAt, err)
		}
		earlier := start.Add(30 * time.Minute)
		if d, err = svc.Update(ctx, d.ID, applications.Patch{AppliedAt: &earlier}); err != nil || !d.AppliedAt.Equal(earlier) {
			t.Fatalf("patched applied_at = %+v, %v", d, err)
		}
		tooEarly := start.Add(-24 * time.Hour)
		_, err = svc.Update(ctx, d.ID, applications.Patch{AppliedAt: &tooEarly})
		if e := wantCode(t, err, apperr.EINVALID); !strings.Contains(e.Fields["applied_at"], "before the history entry before it (wishlist") {
			t.Fatalf("applied before it was on the wishlist: %v", e.Fields)
		}
	})
}

// TestRescheduleKeepsTheOldTime edits an invitation's interview time: the
// invitation holds the new one, the history the old one.
func TestRescheduleKeepsTheOldTime(t *testing.T) {
	storagetest.Each(t, func(t *testing.T, db *storage.DB) {
		svc, _, ctx := newService(t, db)
		d := invitedApp(t, ctx, svc, "Acme", start.Add(-time.Hour))
		inv := d.Invitations[0].ID
		first, second := start.Add(48*time.Hour), start.Add(72*time.Hour)
		video := "phone"
		d, err := svc.UpdateInvitation(ctx, d.ID, inv, applications.InvitationPatch{InterviewAt: &first, Format: &video})
		if err != nil || !d.Invitations[0].InterviewAt.Equal(first) || d.Invitations[0].Format != "phone" {
			t.Fatalf("set the interview = %+v, %v", d.Invitations, err)
		}
		if d, err = svc.UpdateInvitation(ctx, d.ID, inv, applications.InvitationPatch{InterviewAt: &second}); err != nil {
			t.Fatal(err)
		}
		last := d.History[len(d.History)-1]
		if !d.Invitations[0].InterviewAt.Equal(second) || last.From != workflow.Invited || last.To != workflow.Invited ||
			!strings.Contains(last.Note, first.Format(time.RFC3339)) || !strings.Contains(last.Note, second.Format(time.RFC3339)) {
			t.Fatalf("after the reschedule: invitation %+v, last entry %+v", d.Invitations[0], last)
		}
		wantCode(t, moveErr(svc.UpdateInvitation(ctx, d.ID, 999, applications.InvitationPatch{})), apperr.ENOTFOUND)
		late := start.Add(-48 * time.Hour)
		_, err = svc.UpdateInvitation(ctx, d.ID, inv, applications.InvitationPatch{InterviewAt: &late})
		if e := wantCode(t, err, apperr.EINVALID); e.Fields["interview_at"] == "" {
			t.Fatalf("interview before the invitation: %v", e.Fields)
		}
	})
}

// TestClockSkewDoesNotBlockTheNextStep dates a move a little ahead of the
// server's clock (allowed as skew): it is stored as now, so the next move,
// dated now, is not refused as earlier.
func TestClockSkewDoesNotBlockTheNextStep(t *testing.T) {
	db, _ := storagetest.SQLite(t)
	svc, _, ctx := newService(t, db)
	d := invitedApp(t, ctx, svc, "Acme", start.Add(2*time.Minute))
	d, err := svc.Move(ctx, d.ID, applications.MoveInput{To: workflow.Scheduled, At: at(3 * time.Minute)})
	if err != nil || !d.History[len(d.History)-1].At.Equal(start) {
		t.Fatalf("skewed move = %v, %v", d, err)
	}
	if _, err := svc.Move(ctx, d.ID, applications.MoveInput{To: workflow.Interviewed}); err != nil {
		t.Fatalf("the next move, dated now: %v", err)
	}
}

// TestCorrectedAppliedAtMovesTheHistory starts tracking mid-search: the
// application is added today, its applied_at corrected to three weeks ago,
// and an invitation from two weeks ago can then be logged.
func TestCorrectedAppliedAtMovesTheHistory(t *testing.T) {
	storagetest.Each(t, func(t *testing.T, db *storage.DB) {
		svc, _, ctx := newService(t, db)
		day := 24 * time.Hour
		d, _ := svc.Create(ctx, applications.NewApplication{Fields: applications.Fields{Company: "Acme", Role: "Dev"}})
		weeksAgo := start.Add(-21 * day)
		d, err := svc.Update(ctx, d.ID, applications.Patch{AppliedAt: &weeksAgo})
		if err != nil || !d.History[0].At.Equal(weeksAgo) {
			t.Fatalf("corrected applied_at: history %+v, %v", d, err)
		}
		if _, err := svc.AddInvitation(ctx, d.ID, applications.NewInvitation{ReceivedAt: start.Add(-14 * day)}); err != nil {
			t.Fatalf("an invitation after the corrected date: %v", err)
		}
		later := start.Add(-7 * day)
		_, err = svc.Update(ctx, d.ID, applications.Patch{AppliedAt: &later})
		if e := wantCode(t, err, apperr.EINVALID); !strings.Contains(e.Fields["applied_at"], "after the history entry that follows it") {
			t.Fatalf("applied after the invitation: %v", e.Fields)
		}
	})
}
