package applications_test

import (
	"context"
	"strings"
	"testing"
	"time"

	"tracker/internal/applications"
	"tracker/internal/storage"
	"tracker/internal/storage/storagetest"
	"tracker/internal/workflow"
)

// mustDetail fails the test on err.
func mustDetail(t *testing.T) func(*applications.Detail, error) {
	return func(_ *applications.Detail, err error) {
		t.Helper()
		if err != nil {
			t.Fatal(err)
		}
	}
}

// previewBodies are the e-mail bodies of the decline of application id in
// the first n wordings.
func previewBodies(t *testing.T, svc *applications.Service, ctx context.Context, id int64, reason string, n int) []string {
	t.Helper()
	var out []string
	for v := range n {
		p, err := svc.PreviewDecline(ctx, id, applications.DeclineInput{Reason: reason, SenderName: "Alex Doe", Channel: "email", Variant: v})
		if err != nil {
			t.Fatal(err)
		}
		out = append(out, p.Body)
	}
	return out
}

// TestLaterRoundDeclineThanksForTheInterview: an application invited to
// a second round after an interview is declined with thanks for the
// interview held ("asking me back"); a first invitation never is.
func TestLaterRoundDeclineThanksForTheInterview(t *testing.T) {
	storagetest.Each(t, func(t *testing.T, db *storage.DB) {
		svc, _, ctx := newService(t, db)
		must := mustDetail(t)
		first := invitedApp(t, ctx, svc, "Acme", start.Add(-time.Hour))
		later := invitedApp(t, ctx, svc, "Initech", start.Add(-time.Hour))
		for _, to := range []workflow.State{workflow.Scheduled, workflow.Interviewed} {
			must(svc.Move(ctx, later.ID, applications.MoveInput{To: to}))
		}
		must(svc.AddInvitation(ctx, later.ID, applications.NewInvitation{ReceivedAt: start, Format: "onsite"}))
		back := func(body string) bool {
			for _, w := range []string{"me back", "earlier", "next round", "next stage", "our interview", "meeting you", "to meet you", "our chat", "our conversation"} {
				if strings.Contains(body, w) {
					return true
				}
			}
			return false
		}
		for _, body := range previewBodies(t, svc, ctx, later.ID, "another_offer", 12) {
			if !back(body) || strings.Contains(body, "inviting me to interview") {
				t.Errorf("a second round's decline does not thank for the interview held:\n%s", body)
			}
		}
		for _, body := range previewBodies(t, svc, ctx, first.ID, "another_offer", 12) {
			if back(body) {
				t.Errorf("a first invitation's decline thanks for an interview never held:\n%s", body)
			}
		}
	})
}

// TestCancellationShortNoticeFromTheDates: cancelling an interview eleven
// days ahead never apologises for short notice; cancelling it the next day
// may, in some wordings.
func TestCancellationShortNoticeFromTheDates(t *testing.T) {
	storagetest.Each(t, func(t *testing.T, db *storage.DB) {
		svc, _, ctx := newService(t, db)
		must := mustDetail(t)
		scheduled := func(company string, in time.Duration) int64 {
			d := invitedApp(t, ctx, svc, company, start.Add(-time.Hour))
			at := start.Add(in)
			must(svc.UpdateInvitation(ctx, d.ID, d.Invitations[0].ID, applications.InvitationPatch{InterviewAt: &at}))
			must(svc.Move(ctx, d.ID, applications.MoveInput{To: workflow.Scheduled}))
			return d.ID
		}
		ahead, tomorrow := scheduled("Acme", 11*24*time.Hour), scheduled("Initech", 20*time.Hour)
		for _, body := range previewBodies(t, svc, ctx, ahead, "timing", 40) {
			if strings.Contains(body, "short notice") {
				t.Errorf("eleven days ahead, the letter speaks of short notice:\n%s", body)
			}
		}
		short := 0
		for _, body := range previewBodies(t, svc, ctx, tomorrow, "timing", 40) {
			if strings.Contains(body, "short notice") {
				short++
			}
		}
		if short == 0 {
			t.Error("no wording of a cancellation the next day apologises for the short notice")
		}
	})
}

// TestAfterInterviewDeclineNamesTheDayMet: withdrawing after an interview
// held on Monday may thank for "meeting me on Monday" (the accepted
// round's time, counted from the letter's date), never names another day,
// and names none while that interview is still ahead.
func TestAfterInterviewDeclineNamesTheDayMet(t *testing.T) {
	storagetest.Each(t, func(t *testing.T, db *storage.DB) {
		svc, clk, ctx := newService(t, db)
		must := mustDetail(t)
		d := invitedApp(t, ctx, svc, "Acme", start.Add(-time.Hour))
		at := start.Add(5 * time.Hour) // Monday 2 March, 14:00
		must(svc.UpdateInvitation(ctx, d.ID, d.Invitations[0].ID, applications.InvitationPatch{InterviewAt: &at}))
		must(svc.Move(ctx, d.ID, applications.MoveInput{To: workflow.Scheduled}))
		clk.Advance(2 * 24 * time.Hour) // Wednesday
		must(svc.Move(ctx, d.ID, applications.MoveInput{To: workflow.Interviewed}))
		named := 0
		for _, body := range previewBodies(t, svc, ctx, d.ID, "role_fit", 24) {
			if strings.Contains(body, "on Monday") {
				named++
			}
			for _, day := range []string{"Tuesday", "Wednesday", "yesterday", "today", "2 March"} {
				if strings.Contains(body, day) {
					t.Errorf("the letter names %q for an interview held on Monday:\n%s", day, body)
				}
			}
		}
		if named == 0 {
			t.Error("no wording of a withdrawal after Monday's interview names the day")
		}
	})
}
