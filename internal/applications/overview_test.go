package applications_test

import (
	"context"
	"slices"
	"testing"
	"time"

	"tracker/internal/applications"
	"tracker/internal/storage"
	"tracker/internal/storage/storagetest"
	"tracker/internal/workflow"
)

// TestOverview: the home page's figures count every application of the
// user and only theirs, the funnel counts how far each got (not where it
// stands now), only accepted interviews still to come are upcoming, and
// promptness measures answers against the user's deadlines.
func TestOverview(t *testing.T) {
	storagetest.Each(t, func(t *testing.T, db *storage.DB) {
		svc, _, ctx := newService(t, db)
		other := storagetest.Owner(t, db, "other@example.com")
		invitedApp(t, other, svc, "Elsewhere", start.Add(-time.Hour))

		interview := start.Add(48 * time.Hour)
		scheduled := createWith(t, ctx, svc, "Acme", &applications.NewInvitation{ReceivedAt: start.Add(-time.Hour), InterviewAt: &interview})
		move(t, ctx, svc, scheduled, workflow.Scheduled) // answered in 1 h, in time
		declined := invitedApp(t, ctx, svc, "Globex", start.Add(-30*time.Hour))
		if _, err := svc.Decline(ctx, declined.ID, applications.DeclineInput{Reason: "another_offer", SenderName: "Alex Doe"}); err != nil {
			t.Fatal(err) // answered in 30 h, late under the 24 h window
		}
		past := start.Add(-time.Hour)
		offered := createWith(t, ctx, svc, "Initech", &applications.NewInvitation{ReceivedAt: start.Add(-2 * time.Hour), InterviewAt: &past})
		for _, to := range []workflow.State{workflow.Scheduled, workflow.Interviewed, workflow.Offered} {
			move(t, ctx, svc, offered, to) // answered in 2 h, in time
		}
		rejected, err := svc.Create(ctx, applications.NewApplication{Fields: applications.Fields{Company: "Umbrella", Role: "Dev"}, Status: workflow.Applied})
		if err != nil {
			t.Fatal(err)
		}
		move(t, ctx, svc, rejected.ID, workflow.Rejected)
		if _, err := svc.Create(ctx, applications.NewApplication{Fields: applications.Fields{Company: "Hooli", Role: "Dev"}, Status: workflow.Wishlist}); err != nil {
			t.Fatal(err)
		}

		o, err := svc.Overview(ctx)
		if err != nil {
			t.Fatal(err)
		}
		wantCounts := map[workflow.State]int{workflow.Scheduled: 1, workflow.Declined: 1, workflow.Offered: 1, workflow.Rejected: 1, workflow.Wishlist: 1}
		for _, st := range workflow.States() {
			if o.Counts[st] != wantCounts[st] {
				t.Errorf("%s: %d applications, want %d", st, o.Counts[st], wantCounts[st])
			}
		}
		if want := []int{4, 3, 1, 1}; !slices.Equal(o.Funnel, want) {
			t.Errorf("funnel = %v, want %v (applied, invited, interviewed, offered)", o.Funnel, want)
		}
		if len(o.Upcoming) != 1 || o.Upcoming[0].Application.ID != scheduled || !o.Upcoming[0].Invitation.InterviewAt.Equal(interview) {
			t.Errorf("upcoming = %+v, want Acme's interview only", o.Upcoming)
		}
		want := applications.Promptness{Answered: 3, Median: 2 * time.Hour, OnTime: 66}
		if o.Promptness != want {
			t.Errorf("promptness = %+v, want %+v", o.Promptness, want)
		}
	})
}

func createWith(t *testing.T, ctx context.Context, svc *applications.Service, company string, inv *applications.NewInvitation) int64 {
	t.Helper()
	inv.Format = "video"
	d, err := svc.Create(ctx, applications.NewApplication{Fields: applications.Fields{Company: company, Role: "Dev"}, Invitation: inv})
	if err != nil {
		t.Fatal(err)
	}
	return d.ID
}

func move(t *testing.T, ctx context.Context, svc *applications.Service, id int64, to workflow.State) {
	t.Helper()
	if _, err := svc.Move(ctx, id, applications.MoveInput{To: to}); err != nil {
		t.Fatalf("move %d to %s: %v", id, to, err)
	}
}
