package web

import (
	"slices"
	"testing"
	"time"

	"tracker/internal/applications"
	"tracker/internal/decline"
	"tracker/internal/workflow"
)

// TestEveryRuleHasALabel keeps the studio's checklist in words when the
// checker gains a rule.
func TestEveryRuleHasALabel(t *testing.T) {
	for _, r := range decline.Rules() {
		if _, ok := ruleLabels[r]; !ok {
			t.Errorf("rule %q has no checklist label", r)
		}
	}
}

// TestCheckLine: the checklist says what each check found, and an offer
// rule that passes because the user chose no offer says so.
func TestCheckLine(t *testing.T) {
	tests := []struct {
		c    decline.Check
		want string
	}{
		{decline.Check{Rule: decline.RuleGratitude, OK: true, Severity: decline.SeverityError}, "Passes: Thanks"},
		{decline.Check{Rule: decline.RuleOffer, OK: true, Severity: decline.SeverityWarning, Hint: "The letter offers to stay in touch or help."}, "Passes: An offer of help"},
		{decline.Check{Rule: decline.RuleOffer, OK: true, Severity: decline.SeverityWarning, Hint: "You chose to offer nothing."}, "No offer of help, as you chose"},
		{decline.Check{Rule: decline.RuleOffer, Severity: decline.SeverityWarning, Hint: "Offer something."}, "Consider: An offer of help — Offer something."},
		{decline.Check{Rule: decline.RuleRespectful, Severity: decline.SeverityError, Hint: "Drop it."}, "Fails: Respectful — Drop it."},
	}
	for _, tt := range tests {
		if got := checkLine(tt.c); got != tt.want {
			t.Errorf("checkLine(%+v) = %q, want %q", tt.c, got, tt.want)
		}
	}
}

// TestTimelineKeepsTheOrderOfOneInstant: moves made at the same instant,
// as an import makes them, read newest first like the rest.
func TestTimelineKeepsTheOrderOfOneInstant(t *testing.T) {
	at := time.Date(2026, 3, 2, 9, 0, 0, 0, time.UTC)
	d := &applications.Detail{History: []applications.HistoryEntry{
		{At: at.Add(-time.Hour), To: workflow.Applied, Note: "created"},
		{At: at, From: workflow.Applied, To: workflow.Invited},
		{At: at, From: workflow.Invited, To: workflow.Scheduled},
		{At: at, From: workflow.Scheduled, To: workflow.Interviewed},
	}}
	var got []string
	for _, e := range timelineOf(d) {
		got = append(got, e.Text)
	}
	want := []string{"Scheduled → Interviewed", "Invited → Scheduled", "Applied → Invited", "Created as Applied"}
	if !slices.Equal(got, want) {
		t.Fatalf("timeline %q, want %q", got, want)
	}
}
