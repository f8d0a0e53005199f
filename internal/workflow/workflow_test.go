package workflow

import (
	"errors"
	"strings"
	"testing"
)

// allowed is the product's table, written out again by hand so that a change
// to the machine has to be made in two places on purpose.
var allowed = map[[2]State]Action{
	{Wishlist, Applied}: ActionMove, {Wishlist, Withdrawn}: ActionWithdraw,
	{Applied, Invited}: ActionMove, {Applied, Withdrawn}: ActionWithdraw, {Applied, Rejected}: ActionMove,
	{Applied, Ghosted}:   ActionMove,
	{Invited, Scheduled}: ActionMove, {Invited, Declined}: ActionDecline, {Invited, Rejected}: ActionMove,
	{Invited, Ghosted}:       ActionMove,
	{Scheduled, Interviewed}: ActionMove, {Scheduled, Declined}: ActionDecline,
	{Scheduled, Rejected}: ActionMove, {Scheduled, Ghosted}: ActionMove,
	{Interviewed, Invited}: ActionMove, {Interviewed, Offered}: ActionMove, {Interviewed, Declined}: ActionDecline,
	{Interviewed, Rejected}: ActionMove, {Interviewed, Ghosted}: ActionMove,
	{Ghosted, Invited}: ActionMove, {Ghosted, Offered}: ActionMove, {Ghosted, Rejected}: ActionMove,
	{Offered, Hired}: ActionMove, {Offered, Declined}: ActionDecline, {Offered, Rejected}: ActionMove,
	{Declined, FollowedUp}: ActionFollowUp,
}

func TestEveryPairOfStates(t *testing.T) {
	actions := []Action{ActionMove, ActionDecline, ActionFollowUp, ActionWithdraw}
	for _, from := range States() {
		for _, to := range States() {
			want, ok := allowed[[2]State{from, to}]
			t.Run(string(from)+"->"+string(to), func(t *testing.T) {
				if got := CanMove(from, to); got != ok {
					t.Fatalf("CanMove = %v, want %v", got, ok)
				}
				for _, a := range actions {
					err := Check(from, to, a)
					if ok && a == want {
						if err != nil {
							t.Errorf("Check(%s) = %v, want nil", a, err)
						}
						continue
					}
					var te *TransitionError
					if !errors.As(err, &te) {
						t.Errorf("Check(%s) = %v, want a TransitionError", a, err)
					}
				}
			})
		}
	}
}

func TestTerminalStates(t *testing.T) {
	for _, s := range States() {
		want := s == Hired || s == Rejected || s == FollowedUp || s == Withdrawn
		if s.Terminal() != want {
			t.Errorf("%s.Terminal() = %v, want %v", s, s.Terminal(), want)
		}
	}
}

func TestAllowedLeavesOutGuardedStates(t *testing.T) {
	got := Allowed(Invited)
	if len(got) != 3 || got[0] != Scheduled || got[1] != Rejected || got[2] != Ghosted {
		t.Fatalf("Allowed(invited) = %v, want [scheduled rejected ghosted]", got)
	}
	if len(Allowed(Declined)) != 0 {
		t.Fatalf("Allowed(declined) = %v, want none: followed_up needs the follow-up action", Allowed(Declined))
	}
}

func TestUnknownState(t *testing.T) {
	var ue *UnknownStateError
	if err := Check(Applied, "archived", ActionMove); !errors.As(err, &ue) {
		t.Fatalf("Check to an unknown state = %v, want UnknownStateError", err)
	}
	if err := Check("nowhere", Applied, ActionMove); err == nil {
		t.Fatal("Check from an unknown state = nil")
	}
}

func TestErrorsExplainTheWay(t *testing.T) {
	err := Check(Invited, Declined, ActionMove)
	if err == nil || !strings.Contains(err.Error(), "declining it with a letter") {
		t.Fatalf("got %v", err)
	}
	err = Check(Declined, FollowedUp, ActionMove)
	if err == nil || !strings.Contains(err.Error(), "follow-up") {
		t.Fatalf("got %v", err)
	}
}

func TestMermaidHasEveryEdge(t *testing.T) {
	m := Mermaid()
	for pair := range allowed {
		if !strings.Contains(m, string(pair[0])+" --> "+string(pair[1])) {
			t.Errorf("diagram lacks %s --> %s", pair[0], pair[1])
		}
	}
}
