package applications_test

import (
	"context"
	"testing"

	"tracker/internal/applications"
	"tracker/internal/storage"
	"tracker/internal/storage/storagetest"
	"tracker/internal/workflow"
)

// TestPendingOnlyWhileInvited takes every move of the stage machine, by
// every way the service offers into its target (a plain move, an
// invitation logged, a decline, a follow-up, a withdrawal), from an
// application brought to its source by the shortest path, and checks
// after each step that only an invited application has a pending
// invitation: a move out of any other stage relies on it to skip looking
// for one.
func TestPendingOnlyWhileInvited(t *testing.T) {
	storagetest.Each(t, func(t *testing.T, db *storage.DB) {
		svc, _, ctx := newService(t, db)
		paths := shortestPaths()
		steps := 0
		for _, from := range workflow.States() {
			path, ok := paths[from]
			if !ok {
				t.Fatalf("%s cannot be reached", from)
			}
			targets := workflow.Next(from)
			if from == workflow.Invited {
				targets = append(targets, workflow.Invited) // another round logged
			}
			for _, to := range targets {
				for _, how := range waysInto(to) {
					if from == to && how.name == "move" {
						continue
					}
					d, err := svc.Create(ctx, applications.NewApplication{Fields: applications.Fields{Company: "Acme", Role: "Dev"},
						Status: path[0], Invitation: startInvitation(path[0])})
					if err != nil {
						t.Fatal(err)
					}
					for _, st := range append(path[1:], to) {
						way := waysInto(st)[0]
						if st == to {
							way = how
						}
						if err := way.do(ctx, svc, d.ID, st); err != nil {
							t.Fatalf("%v then %s to %s: %v", path, way.name, st, err)
						}
						checkPending(t, ctx, svc, d.ID)
						steps++
					}
				}
			}
		}
		if steps < 40 {
			t.Fatalf("only %d steps taken", steps)
		}
	})
}

// way is one way the service moves an application into a stage.
type way struct {
	name string
	do   func(ctx context.Context, svc *applications.Service, id int64, to workflow.State) error
}

func waysInto(to workflow.State) []way {
	move := way{"move", func(ctx context.Context, svc *applications.Service, id int64, to workflow.State) error {
		_, err := svc.Move(ctx, id, applications.MoveInput{To: to})
		return err
	}}
	switch to {
	case workflow.Invited:
		return []way{move, {"log an invitation", func(ctx context.Context, svc *applications.Service, id int64, _ workflow.State) error {
			_, err := svc.AddInvitation(ctx, id, applications.NewInvitation{ReceivedAt: start, Format: "video"})
			return err
		}}}
	case workflow.Declined:
		return []way{{"decline", func(ctx context.Context, svc *applications.Service, id int64, _ workflow.State) error {
			_, err := svc.Decline(ctx, id, applications.DeclineInput{Reason: "timing", SenderName: "Ada"})
			return err
		}}}
	case workflow.FollowedUp:
		return []way{{"follow up", func(ctx context.Context, svc *applications.Service, id int64, _ workflow.State) error {
			_, err := svc.FollowUp(ctx, id, applications.FollowUpInput{})
			return err
		}}}
	case workflow.Withdrawn:
		return []way{{"withdraw", func(ctx context.Context, svc *applications.Service, id int64, _ workflow.State) error {
			_, err := svc.Withdraw(ctx, id, applications.WithdrawInput{})
			return err
		}}}
	}
	return []way{move}
}

// shortestPaths is, for every stage, the shortest list of stages from a
// start to it (the start first).
func shortestPaths() map[workflow.State][]workflow.State {
	paths := map[workflow.State][]workflow.State{}
	var queue []workflow.State
	for _, s := range workflow.Starts() {
		paths[s] = []workflow.State{s}
		queue = append(queue, s)
	}
	for len(queue) > 0 {
		s := queue[0]
		queue = queue[1:]
		for _, n := range workflow.Next(s) {
			if _, seen := paths[n]; !seen {
				paths[n] = append(append([]workflow.State{}, paths[s]...), n)
				queue = append(queue, n)
			}
		}
	}
	return paths
}

func startInvitation(st workflow.State) *applications.NewInvitation {
	if st == workflow.Invited {
		return &applications.NewInvitation{ReceivedAt: start, Format: "video"}
	}
	return nil
}

// checkPending fails when application id has a pending invitation while
// it is not invited, or is invited without one.
func checkPending(t *testing.T, ctx context.Context, svc *applications.Service, id int64) {
	t.Helper()
	d, err := svc.Get(ctx, id)
	if err != nil {
		t.Fatal(err)
	}
	pending := 0
	for _, inv := range d.Invitations {
		if inv.Response == applications.ResponsePending {
			pending++
		}
	}
	if (d.Status == workflow.Invited) != (pending == 1) {
		t.Fatalf("application %d is %s with %d pending invitations: %+v", id, d.Status, pending, d.Invitations)
	}
}
