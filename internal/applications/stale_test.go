package applications_test

import (
	"strings"
	"testing"
	"time"

	"tracker/internal/applications"
	"tracker/internal/decline"
	"tracker/internal/storage"
	"tracker/internal/storage/storagetest"
	"tracker/internal/workflow"
)

// TestStaleStagePrompts builds a search with an interview that has passed,
// an application silent for a month and one that moved yesterday, and
// checks the warnings list, the detail, and the user's no-reply days.
func TestStaleStagePrompts(t *testing.T) {
	storagetest.Each(t, func(t *testing.T, db *storage.DB) {
		svc, clk, ctx := newService(t, db)
		day := 24 * time.Hour
		interview := start.Add(2 * day)
		met, err := svc.Create(ctx, applications.NewApplication{Fields: applications.Fields{Company: "Met", Role: "Dev"},
			Invitation: &applications.NewInvitation{ReceivedAt: start, InterviewAt: &interview}})
		if err != nil {
			t.Fatal(err)
		}
		if _, err := svc.Move(ctx, met.ID, applications.MoveInput{To: workflow.Scheduled}); err != nil {
			t.Fatal(err)
		}
		_, _ = svc.Create(ctx, applications.NewApplication{Fields: applications.Fields{Company: "Silent", Role: "Dev", AppliedAt: at(-30 * day)}})
		fresh, _ := svc.Create(ctx, applications.NewApplication{Fields: applications.Fields{Company: "Fresh", Role: "Dev"}})
		gone, _ := svc.Create(ctx, applications.NewApplication{Fields: applications.Fields{Company: "Gone", Role: "Dev", AppliedAt: at(-60 * day)}})
		if _, err := svc.Move(ctx, gone.ID, applications.MoveInput{To: workflow.Ghosted}); err != nil {
			t.Fatal(err)
		}

		ws, err := storagetest.AllWarnings(ctx, svc)
		if err != nil || kinds(ws) != "no_reply:Silent" {
			t.Fatalf("before the interview: %s, %v", kinds(ws), err)
		}
		clk.Advance(2*day + time.Minute)
		ws, _ = storagetest.AllWarnings(ctx, svc)
		if kinds(ws) != "no_reply:Silent interview_passed:Met" { // the longer overdue first
			t.Fatalf("after the interview: %s", kinds(ws))
		}
		for _, w := range ws {
			if w.NextStep == "" || w.Severity != decline.Overdue {
				t.Errorf("warning %s: next step %q, severity %s", w.Kind, w.NextStep, w.Severity)
			}
		}
		if !strings.Contains(ws[0].NextStep, "21 days") || !ws[0].DueAt.Equal(start.Add(-9*day)) {
			t.Fatalf("no_reply = %+v", ws[0])
		}
		d, _ := svc.Get(ctx, met.ID)
		if len(d.Warnings) != 1 || d.Warnings[0].Kind != applications.WarningInterviewPassed {
			t.Fatalf("detail warnings = %+v", d.Warnings)
		}
		if f, _ := svc.Get(ctx, fresh.ID); len(f.Warnings) != 0 {
			t.Fatalf("a fresh application warns: %+v", f.Warnings)
		}

		days := 40
		if _, err := svc.UpdateSettings(ctx, applications.SettingsPatch{NoReplyDays: &days}); err != nil {
			t.Fatal(err)
		}
		if _, err := svc.Move(ctx, met.ID, applications.MoveInput{To: workflow.Interviewed}); err != nil {
			t.Fatal(err)
		}
		if ws, _ = storagetest.AllWarnings(ctx, svc); len(ws) != 0 {
			t.Fatalf("after recording the interview, with 40 no-reply days: %s", kinds(ws))
		}
	})
}

// kinds lists warnings as kind:company, in order.
func kinds(ws []applications.Warning) string {
	var out []string
	for _, w := range ws {
		out = append(out, w.Kind+":"+w.Company)
	}
	return strings.Join(out, " ")
}
