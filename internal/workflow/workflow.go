// Package workflow is the stage machine of a job application: the states an
// application can be in and the moves between them. It is pure: no storage,
// no clock, no I/O. Everything else (API, CLI, UI, docs) reads the table here.
package workflow

import (
	"fmt"
	"slices"
)

// State is the stage an application is in.
type State string

// The stages of an application.
const (
	Wishlist    State = "wishlist" // a job to apply for, not applied to yet
	Applied     State = "applied"
	Invited     State = "invited"
	Scheduled   State = "scheduled" // the invitation was accepted
	Interviewed State = "interviewed"
	Offered     State = "offered"
	Hired       State = "hired"
	Declined    State = "declined"
	FollowedUp  State = "followed_up"
	Withdrawn   State = "withdrawn" // the user left before any invitation
	Rejected    State = "rejected"  // also a rescinded offer
	Ghosted     State = "ghosted"   // the employer went silent
)

// States lists every state in the order a board shows them.
var states = []State{Wishlist, Applied, Invited, Scheduled, Interviewed, Offered, Hired, Declined, FollowedUp, Withdrawn, Rejected, Ghosted}

// starts lists the states an application may be created in: a job saved for
// later, one applied to, or one that came with an invitation.
var starts = []State{Wishlist, Applied, Invited}

// transitions is the one table of allowed moves.
var transitions = map[State][]State{
	Wishlist:    {Applied, Withdrawn},
	Applied:     {Invited, Withdrawn, Rejected, Ghosted},
	Invited:     {Scheduled, Declined, Rejected, Ghosted},
	Scheduled:   {Interviewed, Declined, Rejected, Ghosted},
	Interviewed: {Invited, Offered, Declined, Rejected, Ghosted},
	Ghosted:     {Invited, Offered, Rejected},
	Offered:     {Hired, Declined, Rejected},
	Declined:    {FollowedUp},
	Hired:       nil,
	Rejected:    nil,
	FollowedUp:  nil,
	Withdrawn:   nil,
}

// Action names the only way into a state that cannot be entered by a plain
// move: declined needs a letter, followed_up needs the follow-up, and
// withdrawn needs the withdrawal (which may carry a letter).
type Action string

// The actions that guard special states.
const (
	ActionMove     Action = "move"
	ActionDecline  Action = "decline"
	ActionFollowUp Action = "follow_up"
	ActionWithdraw Action = "withdraw"
)

// guarded maps the states that need a special action to that action.
var guarded = map[State]Action{
	Declined:   ActionDecline,
	FollowedUp: ActionFollowUp,
	Withdrawn:  ActionWithdraw,
}

// States returns every state, in board order.
func States() []State { return slices.Clone(states) }

// Starts returns the states a new application may be created in.
func Starts() []State { return slices.Clone(starts) }

// CanStart reports whether an application may be created in s.
func CanStart(s State) bool { return slices.Contains(starts, s) }

// Valid reports whether s is a known state.
func (s State) Valid() bool {
	_, ok := transitions[s]
	return ok
}

// Terminal reports whether no move leads out of s.
func (s State) Terminal() bool { return s.Valid() && len(transitions[s]) == 0 }

// Next returns every state reachable from s in one move, through any action.
func Next(s State) []State { return slices.Clone(transitions[s]) }

// CanMove reports whether the table allows from -> to at all.
func CanMove(from, to State) bool { return slices.Contains(transitions[from], to) }

// ActionFor returns the action that enters s: decline, follow_up, withdraw
// or move.
func ActionFor(s State) Action {
	if a, ok := guarded[s]; ok {
		return a
	}
	return ActionMove
}

// Allowed returns the states reachable from s by a plain move, without the
// ones that need the decline or follow-up action.
func Allowed(s State) []State {
	var out []State
	for _, to := range transitions[s] {
		if ActionFor(to) == ActionMove {
			out = append(out, to)
		}
	}
	return out
}

// Check returns nil when action may move an application from -> to, and
// otherwise an error that says why.
func Check(from, to State, action Action) error {
	switch {
	case !from.Valid():
		return fmt.Errorf("unknown state %q", from)
	case !to.Valid():
		return &UnknownStateError{State: to}
	case !CanMove(from, to):
		return &TransitionError{From: from, To: to}
	case ActionFor(to) != action:
		return &TransitionError{From: from, To: to, Need: ActionFor(to)}
	}
	return nil
}

// UnknownStateError reports a state name that is not in the table.
type UnknownStateError struct{ State State }

func (e *UnknownStateError) Error() string {
	return fmt.Sprintf("%q is not a state; the states are %v", e.State, states)
}

// TransitionError reports a move the machine forbids. Need is set when the
// move exists but must be made through another action.
type TransitionError struct {
	From, To State
	Need     Action
}

func (e *TransitionError) Error() string {
	switch e.Need {
	case ActionDecline:
		return fmt.Sprintf("an application moves from %s to %s only by declining it with a letter", e.From, e.To)
	case ActionFollowUp:
		return fmt.Sprintf("an application moves from %s to %s only by recording the follow-up", e.From, e.To)
	case ActionWithdraw:
		return fmt.Sprintf("an application moves from %s to %s only by withdrawing it", e.From, e.To)
	}
	return fmt.Sprintf("an application cannot move from %s to %s", e.From, e.To)
}

// Transition is one edge of the machine, for display.
type Transition struct {
	From   State
	To     State
	Action Action
}

// Transitions returns every edge of the machine in board order.
func Transitions() []Transition {
	var out []Transition
	for _, from := range states {
		for _, to := range transitions[from] {
			out = append(out, Transition{From: from, To: to, Action: ActionFor(to)})
		}
	}
	return out
}

// Mermaid renders the machine as a Mermaid state diagram, so the README's
// diagram is generated from the table rather than kept by hand.
func Mermaid() string {
	s := "stateDiagram-v2\n"
	for _, st := range starts {
		s += fmt.Sprintf("    [*] --> %s\n", st)
	}
	for _, t := range Transitions() {
		label := ""
		if t.Action != ActionMove {
			label = " : " + string(t.Action)
		}
		s += fmt.Sprintf("    %s --> %s%s\n", t.From, t.To, label)
	}
	for _, st := range states {
		if st.Terminal() {
			s += fmt.Sprintf("    %s --> [*]\n", st)
		}
	}
	return s
}
