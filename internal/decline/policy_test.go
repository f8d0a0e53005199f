package decline

import (
	"slices"
	"testing"
	"time"
)

var t0 = time.Date(2026, 3, 2, 9, 0, 0, 0, time.UTC)

func ptr(t time.Time) *time.Time { return &t }

func TestDefaultPolicy(t *testing.T) {
	p := DefaultPolicy()
	want := Policy{ResponseWindow: 24 * time.Hour, DueSoonWithin: 6 * time.Hour, CriticalWithin: 24 * time.Hour, FollowUpAfter: 72 * time.Hour}
	if p != want {
		t.Fatalf("DefaultPolicy() = %+v, want %+v", p, want)
	}
}

func TestDeadline(t *testing.T) {
	p := DefaultPolicy()
	tests := []struct {
		name string
		inv  Invitation
		want time.Time
	}{
		{"window", Invitation{ReceivedAt: t0}, t0.Add(24 * time.Hour)},
		{"respond_by earlier", Invitation{ReceivedAt: t0, RespondBy: ptr(t0.Add(3 * time.Hour))}, t0.Add(3 * time.Hour)},
		{"respond_by later", Invitation{ReceivedAt: t0, RespondBy: ptr(t0.Add(72 * time.Hour))}, t0.Add(72 * time.Hour)},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := p.Deadline(tt.inv); !got.Equal(tt.want) {
				t.Errorf("Deadline = %v, want %v", got, tt.want)
			}
		})
	}
}

// checkSeverity compares a severity result with the expected one; want ""
// means no warning.
func checkSeverity(t *testing.T, got Severity, ok bool, want Severity) {
	t.Helper()
	if want == "" {
		if ok {
			t.Errorf("got %q, want no warning", got)
		}
		return
	}
	if !ok || got != want {
		t.Errorf("got (%q, %v), want %q", got, ok, want)
	}
}

func TestResponseSeverity(t *testing.T) {
	p := DefaultPolicy()
	deadline := t0.Add(24 * time.Hour)
	pending := Invitation{ReceivedAt: t0, Pending: true}
	withInterview := func(at time.Time) Invitation {
		inv := pending
		inv.InterviewAt = ptr(at)
		return inv
	}
	after := deadline.Add(time.Nanosecond)
	tests := []struct {
		name string
		inv  Invitation
		now  time.Time
		want Severity
	}{
		{"just received", pending, t0, ""},
		{"1ns before due-soon window", pending, deadline.Add(-6*time.Hour - time.Nanosecond), ""},
		{"exactly deadline-6h", pending, deadline.Add(-6 * time.Hour), DueSoon},
		{"1ns before deadline", pending, deadline.Add(-time.Nanosecond), DueSoon},
		{"at the deadline", pending, deadline, DueSoon},
		{"1ns after the deadline", pending, after, Overdue},
		{"long overdue, no interview", pending, deadline.Add(240 * time.Hour), Overdue},
		{"not pending, overdue", Invitation{ReceivedAt: t0}, after, ""},
		{"not pending, due soon", Invitation{ReceivedAt: t0}, deadline, ""},
		{"respond_by overrides window: due soon", Invitation{ReceivedAt: t0, RespondBy: ptr(t0.Add(8 * time.Hour)), Pending: true}, t0.Add(2 * time.Hour), DueSoon},
		{"respond_by overrides window: overdue", Invitation{ReceivedAt: t0, RespondBy: ptr(t0.Add(8 * time.Hour)), Pending: true}, t0.Add(9 * time.Hour), Overdue},
		{"respond_by later than window: quiet", Invitation{ReceivedAt: t0, RespondBy: ptr(t0.Add(72 * time.Hour)), Pending: true}, after, ""},
		{"interview 23h59m away", withInterview(after.Add(23*time.Hour + 59*time.Minute)), after, Critical},
		{"interview exactly 24h away", withInterview(after.Add(24 * time.Hour)), after, Overdue},
		{"interview 24h01m away", withInterview(after.Add(24*time.Hour + time.Minute)), after, Overdue},
		{"interview already passed", withInterview(deadline.Add(-time.Hour)), after, Critical},
		{"interview close but not overdue", withInterview(deadline.Add(time.Hour)), deadline, DueSoon},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, ok := p.ResponseSeverity(tt.inv, tt.now)
			checkSeverity(t, got, ok, tt.want)
		})
	}
}

func TestFollowUp(t *testing.T) {
	p := DefaultPolicy()
	due := t0.Add(72 * time.Hour)
	if got := p.FollowUpDue(t0); !got.Equal(due) {
		t.Fatalf("FollowUpDue = %v, want %v", got, due)
	}
	tests := []struct {
		name string
		now  time.Time
		want Severity
	}{
		{"just sent", t0, ""},
		{"1ns before due-soon window", due.Add(-6*time.Hour - time.Nanosecond), ""},
		{"exactly due-6h", due.Add(-6 * time.Hour), DueSoon},
		{"at due", due, DueSoon},
		{"1ns after due", due.Add(time.Nanosecond), Overdue},
		{"overdue by exactly 24h", due.Add(24 * time.Hour), Overdue},
		{"overdue by 24h+1ns", due.Add(24*time.Hour + time.Nanosecond), Critical},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, ok := p.FollowUpSeverity(t0, tt.now)
			checkSeverity(t, got, ok, tt.want)
		})
	}
}

func TestSeverityRank(t *testing.T) {
	got := []Severity{DueSoon, Critical, "", Overdue}
	slices.SortFunc(got, func(a, b Severity) int { return b.Rank() - a.Rank() })
	want := []Severity{Critical, Overdue, DueSoon, ""}
	if !slices.Equal(got, want) {
		t.Errorf("sorted = %v, want %v", got, want)
	}
}

func TestStalePrompts(t *testing.T) {
	at := time.Date(2026, 3, 2, 10, 0, 0, 0, time.UTC)
	tests := []struct {
		name string
		got  bool
		want bool
	}{
		{"interview at its own instant", InterviewPassed(at, at), false},
		{"a second after the interview", InterviewPassed(at, at.Add(time.Second)), true},
		{"before the interview", InterviewPassed(at, at.Add(-time.Hour)), false},
		{"silent a second short of 14 days", NoReply(at, at.Add(14*24*time.Hour-time.Second), 14), false},
		{"silent exactly 14 days", NoReply(at, at.Add(14*24*time.Hour), 14), true},
		{"zero days never prompts", NoReply(at, at.Add(1000*time.Hour), 0), false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if tt.got != tt.want {
				t.Fatalf("got %v, want %v", tt.got, tt.want)
			}
		})
	}
	if due := NoReplyDue(at, 21); !due.Equal(at.AddDate(0, 0, 21)) {
		t.Fatalf("NoReplyDue = %v", due)
	}
}
