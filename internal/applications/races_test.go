package applications_test

import (
	"context"
	"errors"
	"fmt"
	"sync"
	"testing"

	"tracker/internal/apperr"
	"tracker/internal/applications"
	"tracker/internal/storage"
	"tracker/internal/storage/storagetest"
	"tracker/internal/workflow"
)

// TestConcurrentPatchesLoseNoField has six writers each PATCH a different
// field of one application, again and again: every acknowledged update
// must survive the others (PostgreSQL lost most of them when an update
// wrote back a whole row read without a lock).
func TestConcurrentPatchesLoseNoField(t *testing.T) {
	storagetest.Each(t, func(t *testing.T, db *storage.DB) {
		svc, _, ctx := newService(t, db)
		d := invitedApp(t, ctx, svc, "Acme", start)
		setters := map[string]func(p *applications.Patch, v string){
			"company":  func(p *applications.Patch, v string) { p.Company = &v },
			"role":     func(p *applications.Patch, v string) { p.Role = &v },
			"location": func(p *applications.Patch, v string) { p.Location = &v },
			"source":   func(p *applications.Patch, v string) { p.Source = &v },
			"contact":  func(p *applications.Patch, v string) { p.ContactName = &v },
			"notes":    func(p *applications.Patch, v string) { p.Notes = &v },
		}
		last := map[string]string{}
		var mu sync.Mutex
		var wg sync.WaitGroup
		for name, set := range setters {
			wg.Add(1)
			go func() {
				defer wg.Done()
				for i := range 10 {
					v := fmt.Sprintf("%s %d", name, i)
					var p applications.Patch
					set(&p, v)
					if _, err := svc.Update(ctx, d.ID, p); err != nil {
						t.Errorf("patch %s: %v", name, err)
						return
					}
					mu.Lock()
					last[name] = v
					mu.Unlock()
				}
			}()
		}
		wg.Wait()
		got, err := svc.Get(ctx, d.ID)
		if err != nil {
			t.Fatal(err)
		}
		f := got.Application.Fields
		have := map[string]string{"company": f.Company, "role": f.Role, "location": f.Location,
			"source": f.Source, "contact": f.ContactName, "notes": f.Notes}
		for name, want := range last {
			if have[name] != want {
				t.Errorf("%s = %q, the last acknowledged update set %q: an update was lost", name, have[name], want)
			}
		}
	})
}

// TestConcurrentInvitations logs invitations for one application from
// several writers at once: each gets its own round or a 409, never another
// error, and the application is left with distinct rounds and at most one
// pending invitation.
func TestConcurrentInvitations(t *testing.T) {
	storagetest.Each(t, func(t *testing.T, db *storage.DB) {
		svc, _, ctx := newService(t, db)
		for round := range 5 {
			d, err := svc.Create(ctx, applications.NewApplication{Fields: applications.Fields{Company: fmt.Sprint("Race ", round), Role: "Dev"}})
			if err != nil {
				t.Fatal(err)
			}
			logAtOnce(t, ctx, svc, d.ID, 8)
			checkInvitations(t, ctx, svc, d.ID)
		}
	})
}

func logAtOnce(t *testing.T, ctx context.Context, svc *applications.Service, id int64, n int) {
	t.Helper()
	var wg sync.WaitGroup
	begin := make(chan struct{})
	for range n {
		wg.Add(1)
		go func() {
			defer wg.Done()
			<-begin
			_, err := svc.AddInvitation(ctx, id, applications.NewInvitation{ReceivedAt: start, Format: "video"})
			var e *apperr.Error
			if err != nil && (!errors.As(err, &e) || e.Code != apperr.ECONFLICT) {
				t.Errorf("a concurrent invitation failed with %v; want success or a conflict", err)
			}
		}()
	}
	close(begin)
	wg.Wait()
}

func checkInvitations(t *testing.T, ctx context.Context, svc *applications.Service, id int64) {
	t.Helper()
	d, err := svc.Get(ctx, id)
	if err != nil {
		t.Fatal(err)
	}
	rounds, pending := map[int]bool{}, 0
	for _, inv := range d.Invitations {
		if rounds[inv.Round] {
			t.Errorf("round %d logged twice", inv.Round)
		}
		rounds[inv.Round] = true
		if inv.Response == applications.ResponsePending {
			pending++
		}
	}
	if pending > 1 {
		t.Errorf("%d pending invitations; at most one may wait for an answer", pending)
	}
}

// TestSchemaRefusesDuplicateInvitations writes past the service: the
// schema itself must refuse a second invitation in the same round and a
// second pending one, and the store must call that a conflict.
func TestSchemaRefusesDuplicateInvitations(t *testing.T) {
	storagetest.Each(t, func(t *testing.T, db *storage.DB) {
		svc, _, ctx := newService(t, db)
		d := invitedApp(t, ctx, svc, "Acme", start)
		add := func(round int, response string) error {
			return db.InTx(ctx, func(ctx context.Context) error {
				return db.AddInvitation(ctx, &applications.Invitation{ApplicationID: d.ID, ReceivedAt: start,
					Format: "video", Round: round, Response: response})
			})
		}
		wantCode(t, add(1, applications.ResponseCancelled), apperr.ECONFLICT)
		wantCode(t, add(2, applications.ResponsePending), apperr.ECONFLICT)
		if err := add(2, applications.ResponseAccepted); err != nil {
			t.Fatalf("a new round that waits for nothing: %v", err)
		}
	})
}

// TestStaleDeclineRefused previews a decline while the application is
// invited, moves it to scheduled, and sends the previewed decline: the
// letter the user read no longer fits, so the decline is a 409 and nothing
// is stored.
func TestStaleDeclineRefused(t *testing.T) {
	storagetest.Each(t, func(t *testing.T, db *storage.DB) {
		svc, _, ctx := newService(t, db)
		d := invitedApp(t, ctx, svc, "Acme", start)
		in := applications.DeclineInput{Reason: "timing", SenderName: "Alex"}
		p, err := svc.PreviewDecline(ctx, d.ID, in)
		if err != nil {
			t.Fatal(err)
		}
		if p.PreviewedStatus != workflow.Invited {
			t.Fatalf("preview made from %q, want invited", p.PreviewedStatus)
		}
		if _, err := svc.Move(ctx, d.ID, applications.MoveInput{To: workflow.Scheduled}); err != nil {
			t.Fatal(err)
		}
		in.PreviewedStatus = p.PreviewedStatus
		_, err = svc.Decline(ctx, d.ID, in)
		e := wantCode(t, err, apperr.ECONFLICT)
		if e.Message == "" || len(e.Allowed) == 0 {
			t.Errorf("the conflict must say why and list the allowed moves: %+v", e)
		}
		got, err := svc.Get(ctx, d.ID)
		if err != nil {
			t.Fatal(err)
		}
		if got.Application.Status != workflow.Scheduled || len(got.Letters) != 0 {
			t.Fatalf("after the refused decline: status %s, %d letters", got.Application.Status, len(got.Letters))
		}
		in.PreviewedStatus = workflow.Scheduled
		if _, err := svc.Decline(ctx, d.ID, in); err != nil {
			t.Fatalf("a decline previewed in the current state: %v", err)
		}
	})
}

// TestConcurrentMovesOneWinner moves one application from applied to
// invited from several writers at once, round after round: exactly one
// move wins, every other gets a 409, and the history records the move
// once. On SQLite the writers share transactions (group commit), so this
// also checks that a call sees the writes of the calls before it in its
// group.
func TestConcurrentMovesOneWinner(t *testing.T) {
	storagetest.Each(t, func(t *testing.T, db *storage.DB) {
		svc, _, ctx := newService(t, db)
		const writers = 8
		for round := range 10 {
			d, err := svc.Create(ctx, applications.NewApplication{Fields: applications.Fields{Company: fmt.Sprint("Move race ", round), Role: "Dev"}})
			if err != nil {
				t.Fatal(err)
			}
			errs := make([]error, writers)
			var wg sync.WaitGroup
			for w := range writers {
				wg.Go(func() {
					_, errs[w] = svc.Move(ctx, d.ID, applications.MoveInput{To: workflow.Invited})
				})
			}
			wg.Wait()
			won := 0
			for _, err := range errs {
				var e *apperr.Error
				switch {
				case err == nil:
					won++
				case !errors.As(err, &e) || e.Code != apperr.ECONFLICT:
					t.Fatalf("round %d: a losing move got %v, want a conflict", round, err)
				}
			}
			got, err := svc.Get(ctx, d.ID)
			if err != nil {
				t.Fatal(err)
			}
			moves := 0
			for _, h := range got.History {
				if h.To == workflow.Invited {
					moves++
				}
			}
			if won != 1 || moves != 1 || got.Application.Status != workflow.Invited {
				t.Fatalf("round %d: %d moves won, %d recorded, status %s; want one of each", round, won, moves, got.Application.Status)
			}
		}
	})
}
