package applications_test

import (
	"context"
	"fmt"
	"reflect"
	"slices"
	"testing"
	"time"

	"tracker/internal/applications"
	"tracker/internal/storage"
	"tracker/internal/storage/storagetest"
	"tracker/internal/workflow"
)

// TestStoredDueTimesMatchTheDetail walks one search through every write
// that can change a warning (invitations logged, edited and answered,
// moves, a decline and its follow-up, a backdated application, a delete,
// a change of settings) and the clock moving on. After each step the
// warnings read from the stored due times, whole and page by page, must be
// exactly those each application's detail computes from its full record.
func TestStoredDueTimesMatchTheDetail(t *testing.T) {
	storagetest.Each(t, func(t *testing.T, db *storage.DB) {
		svc, clk, ctx := newService(t, db)
		day := 24 * time.Hour
		var ids []int64
		check := func(step string) {
			t.Helper()
			checkWarnings(t, ctx, svc, ids, step)
		}
		create := func(in applications.NewApplication) int64 {
			t.Helper()
			d, err := svc.Create(ctx, in)
			if err != nil {
				t.Fatal(err)
			}
			ids = append(ids, d.ID)
			return d.ID
		}
		must := func(_ *applications.Detail, err error) {
			t.Helper()
			if err != nil {
				t.Fatal(err)
			}
		}
		interview := start.Add(30 * time.Hour)
		invited := create(applications.NewApplication{Fields: applications.Fields{Company: "Invited", Role: "Dev"},
			Invitation: &applications.NewInvitation{ReceivedAt: start.Add(-20 * time.Hour), InterviewAt: &interview}})
		byDate := create(applications.NewApplication{Fields: applications.Fields{Company: "ByDate", Role: "Dev"},
			Invitation: &applications.NewInvitation{ReceivedAt: start.Add(-time.Hour), RespondBy: at(3 * time.Hour)}})
		soon := start.Add(10 * time.Hour)
		create(applications.NewApplication{Fields: applications.Fields{Company: "Urgent", Role: "Dev"},
			Invitation: &applications.NewInvitation{ReceivedAt: start.Add(-30 * time.Hour), InterviewAt: &soon}})
		create(applications.NewApplication{Fields: applications.Fields{Company: "Silent", Role: "Dev", AppliedAt: at(-25 * day)}})
		later := create(applications.NewApplication{Fields: applications.Fields{Company: "Later", Role: "Dev", AppliedAt: at(-2 * day)}})
		declined := create(applications.NewApplication{Fields: applications.Fields{Company: "Declined", Role: "Dev"},
			Invitation: &applications.NewInvitation{ReceivedAt: start.Add(-100 * time.Hour)}})
		gone := create(applications.NewApplication{Fields: applications.Fields{Company: "Gone", Role: "Dev", AppliedAt: at(-40 * day)}})
		check("created")

		must(svc.Decline(ctx, declined, applications.DeclineInput{Reason: "timing", SenderName: "Ada", SentAt: at(-80 * time.Hour)}))
		check("declined")
		must(svc.UpdateInvitation(ctx, byDate, firstInvitation(t, ctx, svc, byDate), applications.InvitationPatch{RespondBy: at(-time.Hour)}))
		check("respond_by moved earlier")
		must(svc.Move(ctx, invited, applications.MoveInput{To: workflow.Scheduled}))
		check("accepted")
		must(svc.Update(ctx, later, applications.Patch{AppliedAt: at(-30 * day)}))
		check("applied_at backdated")
		must(svc.Move(ctx, later, applications.MoveInput{To: workflow.Invited}))
		check("invited by a move")
		must(svc.Move(ctx, byDate, applications.MoveInput{To: workflow.Scheduled}))
		check("accepted without an interview date")
		// Its answer's due time goes, and none takes its place (the
		// warnings above would hide a stale row of a kind its stage
		// cannot have).
		if rows, err := db.ListDue(ctx, applications.DueQuery{Now: clk.Now().Add(1000 * day), Applications: []int64{byDate}}); err != nil || len(rows) > 0 {
			t.Fatalf("due times of an accepted invitation without an interview date = %+v, %v; want none", rows, err)
		}
		if err := svc.Delete(ctx, gone); err != nil {
			t.Fatal(err)
		}
		ids = slices.DeleteFunc(ids, func(id int64) bool { return id == gone })
		check("deleted")

		window, follow, days := 2*time.Hour, 10*day, 10
		if _, err := svc.UpdateSettings(ctx, applications.SettingsPatch{ResponseWindow: &window, FollowUpAfter: &follow, NoReplyDays: &days}); err != nil {
			t.Fatal(err)
		}
		check("settings changed")
		// A create reads the settings for its own due time (on PostgreSQL
		// in the statement that inserts it, not the kind's own).
		create(applications.NewApplication{Fields: applications.Fields{Company: "After settings", Role: "Dev", AppliedAt: at(-12 * day)}})
		create(applications.NewApplication{Fields: applications.Fields{Company: "Recent", Role: "Dev", AppliedAt: at(-2 * day)}})
		create(applications.NewApplication{Fields: applications.Fields{Company: "Wished", Role: "Dev"}, Status: workflow.Wishlist})
		check("created after the settings changed")
		for _, step := range []time.Duration{5 * time.Hour, day, 3 * day, 8 * day} {
			clk.Advance(step)
			check(fmt.Sprintf("clock +%s", step))
		}
		must(svc.FollowUp(ctx, declined, applications.FollowUpInput{}))
		check("followed up")
		must(svc.Move(ctx, invited, applications.MoveInput{To: workflow.Interviewed}))
		check("interviewed")
		must(svc.AddInvitation(ctx, invited, applications.NewInvitation{ReceivedAt: clk.Now()}))
		check("second round")
		must(svc.Move(ctx, later, applications.MoveInput{To: workflow.Rejected}))
		check("rejected with an invitation pending")
	})
}

// checkWarnings compares the warnings of the stored due times with those
// of each application's detail (the computation from the full record),
// and the pages with the whole list.
func checkWarnings(t *testing.T, ctx context.Context, svc *applications.Service, ids []int64, step string) {
	t.Helper()
	var want []applications.Warning
	for _, id := range ids {
		d, err := svc.Get(ctx, id)
		if err != nil {
			t.Fatal(err)
		}
		want = append(want, d.Warnings...)
		one, err := svc.ApplicationWarnings(ctx, id)
		if err != nil {
			t.Fatalf("%s: %v", step, err)
		}
		if len(one) != len(d.Warnings) || len(one) > 0 && !reflect.DeepEqual(one, d.Warnings) {
			t.Fatalf("%s: application %d's stored warnings\n%s\nwant (from its detail)\n%s", step, id, describe(one), describe(d.Warnings))
		}
	}
	applications.SortWarnings(want)
	got, err := storagetest.AllWarnings(ctx, svc)
	if err != nil {
		t.Fatalf("%s: %v", step, err)
	}
	if !reflect.DeepEqual(got, want) {
		t.Fatalf("%s: stored warnings\n%s\nwant (from the details)\n%s", step, describe(got), describe(want))
	}
	if paged := allPages(t, ctx, svc, 1); !reflect.DeepEqual(paged, want) {
		t.Fatalf("%s: pages of one\n%s\nwant\n%s", step, describe(paged), describe(want))
	}
	if of, err := svc.WarningsOf(ctx, ids); err != nil || len(of)+len(want) > 0 && !reflect.DeepEqual(of, want) {
		t.Fatalf("%s: warnings of the applications by id (%v)\n%s\nwant\n%s", step, err, describe(of), describe(want))
	}
	for _, kind := range []string{applications.WarningResponse, applications.WarningFollowUp, applications.WarningInterviewPassed, applications.WarningNoReply} {
		var wantKind []applications.Warning
		for _, w := range want {
			if w.Kind == kind {
				wantKind = append(wantKind, w)
			}
		}
		got, err := storagetest.WarningPages(ctx, svc, applications.WarningFilter{Limit: 2, Kind: kind})
		if err != nil || len(got)+len(wantKind) > 0 && !reflect.DeepEqual(got, wantKind) {
			t.Fatalf("%s: pages of %s (%v)\n%s\nwant\n%s", step, kind, err, describe(got), describe(wantKind))
		}
	}
}

// allPages reads every page of warnings, size at a time.
func allPages(t *testing.T, ctx context.Context, svc *applications.Service, size int) []applications.Warning {
	t.Helper()
	out, err := storagetest.WarningPages(ctx, svc, applications.WarningFilter{Limit: size})
	if err != nil {
		t.Fatal(err)
	}
	return out
}

func describe(ws []applications.Warning) string {
	s := ""
	for _, w := range ws {
		s += fmt.Sprintf("  %s %s %s due %s inv %d interview %v\n", w.Severity, w.Kind, w.Company, w.DueAt.Format(time.RFC3339), w.InvitationID, w.InterviewAt)
	}
	return s
}

func firstInvitation(t *testing.T, ctx context.Context, svc *applications.Service, id int64) int64 {
	t.Helper()
	d, err := svc.Get(ctx, id)
	if err != nil || len(d.Invitations) == 0 {
		t.Fatalf("get %d: %v", id, err)
	}
	return d.Invitations[0].ID
}

// TestStoredDueTimesAtTheirBoundaries sets the clock to each instant where
// a warning appears or changes severity, a second before and a second
// after: the stored due times must draw every line where the details do.
func TestStoredDueTimesAtTheirBoundaries(t *testing.T) {
	storagetest.Each(t, func(t *testing.T, db *storage.DB) {
		svc, clk, ctx := newService(t, db)
		h := func(n int) time.Time { return start.Add(time.Duration(n) * time.Hour) }
		var ids []int64
		create := func(in applications.NewApplication) int64 {
			t.Helper()
			d, err := svc.Create(ctx, in)
			if err != nil {
				t.Fatal(err)
			}
			ids = append(ids, d.ID)
			return d.ID
		}
		interview, passed := h(40), h(30)
		create(applications.NewApplication{Fields: applications.Fields{Company: "Alphaco", Role: "Dev"},
			Invitation: &applications.NewInvitation{ReceivedAt: h(-2)}})
		create(applications.NewApplication{Fields: applications.Fields{Company: "Bravoco", Role: "Dev"},
			Invitation: &applications.NewInvitation{ReceivedAt: h(-1), InterviewAt: &interview}})
		met := create(applications.NewApplication{Fields: applications.Fields{Company: "Charlieco", Role: "Dev"},
			Invitation: &applications.NewInvitation{ReceivedAt: h(-3), InterviewAt: &passed}})
		declined := create(applications.NewApplication{Fields: applications.Fields{Company: "Deltaco", Role: "Dev"},
			Invitation: &applications.NewInvitation{ReceivedAt: h(-5)}})
		create(applications.NewApplication{Fields: applications.Fields{Company: "Echoco", Role: "Dev", AppliedAt: at(-20 * 24 * time.Hour)}})
		if _, err := svc.Move(ctx, met, applications.MoveInput{To: workflow.Scheduled}); err != nil {
			t.Fatal(err)
		}
		if _, err := svc.Decline(ctx, declined, applications.DeclineInput{Reason: "timing", SenderName: "Ada"}); err != nil {
			t.Fatal(err)
		}
		// Alphaco: due h(22), shows h(16); Bravoco: due h(23), critical h(23)
		// (its interview at h(40) is then 17 hours away), shows h(17); Charlieco:
		// passed at h(30); Deltaco: follow-up due h(72), shows h(66),
		// critical h(96); Echoco: no reply at h(24).
		for _, b := range []int{16, 17, 22, 23, 24, 30, 66, 72, 96} {
			for _, d := range []time.Duration{-time.Second, 0, time.Second} {
				clk.mu.Lock()
				clk.t = h(b).Add(d)
				clk.mu.Unlock()
				checkWarnings(t, ctx, svc, ids, fmt.Sprintf("at h(%d)%+v", b, d))
			}
		}
	})
}
