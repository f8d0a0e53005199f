package exchange_test

import (
	"bytes"
	"context"
	"encoding/json"
	"reflect"
	"slices"
	"testing"
	"time"

	"tracker/internal/applications"
	"tracker/internal/civil"
	"tracker/internal/exchange"
	"tracker/internal/invite"
	"tracker/internal/storage"
	"tracker/internal/storage/storagetest"
	"tracker/internal/workflow"
)

var now = time.Date(2026, 3, 2, 9, 0, 0, 0, time.UTC)

// seed fills the user's tracker with one application in each shape: a
// wishlist job, an imported invite with its origin, a declined one with
// its letter (with the detail, offer and wording chosen for it), one
// whose offer (made on a day it keeps) was rescinded, and one withdrawn
// with a letter.
func seed(t *testing.T, ctx context.Context, svc *applications.Service) {
	t.Helper()
	must := func(_ *applications.Detail, err error) {
		t.Helper()
		if err != nil {
			t.Fatal(err)
		}
	}
	must(svc.Create(ctx, applications.NewApplication{Fields: applications.Fields{Company: "Initech", Role: "Dev", Notes: "línea 1\nline 2, \"quoted\""}, Status: workflow.Wishlist}))
	interview := now.Add(48 * time.Hour)
	received := now.Add(-time.Hour)
	must(svc.ImportInvitation(ctx, &invite.Draft{Company: "Contoso", Role: "SRE", ContactEmail: "anna@contoso.example",
		InterviewAt: &interview, ReceivedAt: &received, UID: "uid-1@contoso", Sequence: 3, Organizer: "anna@contoso.example",
		Attendees: []string{"me@example.org", "bob@contoso.example"}, MessageID: "m1@contoso", Subject: "Interview", Format: "video"}))
	must(svc.Create(ctx, applications.NewApplication{Fields: applications.Fields{Company: "Globex", Role: "PM", ContactName: "Zoë"},
		Invitation: &applications.NewInvitation{ReceivedAt: received, Message: "Hi"}}))
	must(svc.Decline(ctx, 3, applications.DeclineInput{Reason: "another_offer", SenderName: "Sam",
		Detail: "meeting the platform team", Offer: "reference", Variant: 2}))
	must(svc.Create(ctx, applications.NewApplication{Fields: applications.Fields{Company: "Umbrella", Role: "QA"}}))
	for _, to := range []workflow.State{workflow.Invited, workflow.Scheduled, workflow.Interviewed} {
		must(svc.Move(ctx, 4, applications.MoveInput{To: to}))
	}
	must(svc.Move(ctx, 4, applications.MoveInput{To: workflow.Offered, OfferMadeOn: civil.Of(now)}))
	must(svc.Move(ctx, 4, applications.MoveInput{To: workflow.Rejected, Note: "offer rescinded"}))
	must(svc.Create(ctx, applications.NewApplication{Fields: applications.Fields{Company: "Hooli", Role: "SRE", ContactName: "Gavin"}}))
	must(svc.Withdraw(ctx, 5, applications.WithdrawInput{Letter: &applications.DeclineInput{Reason: "timing", SenderName: "Sam"}}))
}

// TestBackupRoundTrip restores a backup into another account and finds
// every application as it was, field for field, ids aside.
func TestBackupRoundTrip(t *testing.T) {
	storagetest.Each(t, func(t *testing.T, db *storage.DB) {
		svc := applications.NewService(db, func() time.Time { return now })
		from, to := storagetest.Owner(t, db, "from@example.com"), storagetest.Owner(t, db, "to@example.com")
		seed(t, from, svc)
		before, err := exchange.AllDetails(from, svc)
		if err != nil {
			t.Fatal(err)
		}
		var buf bytes.Buffer
		if err := exchange.WriteBackup(from, &buf, svc, now, false); err != nil {
			t.Fatal(err)
		}
		for _, indent := range []bool{false, true} { // the streamed backup is what encoding the whole one wrote
			var whole, streamed bytes.Buffer
			enc := json.NewEncoder(&whole)
			if indent {
				enc.SetIndent("", "  ")
			}
			if err := enc.Encode(exchange.NewBackup(before, now)); err != nil {
				t.Fatal(err)
			}
			if err := exchange.WriteBackup(from, &streamed, svc, now, indent); err != nil {
				t.Fatal(err)
			}
			if !bytes.Equal(whole.Bytes(), streamed.Bytes()) {
				t.Errorf("indent %v: streamed backup\n%s\nwant\n%s", indent, streamed.Bytes(), whole.Bytes())
			}
		}
		b, err := exchange.ReadBackup(&buf)
		if err != nil {
			t.Fatal(err)
		}
		if n, err := exchange.Restore(to, db, b); err != nil || n != 5 {
			t.Fatalf("restore: %d %v", n, err)
		}
		after, err := exchange.AllDetails(to, svc)
		if err != nil {
			t.Fatal(err)
		}
		if len(after) != len(before) {
			t.Fatalf("%d applications after, %d before", len(after), len(before))
		}
		var chosen []applications.Letter
		for _, d := range after {
			chosen = append(chosen, d.Letters...)
		}
		if !slices.ContainsFunc(chosen, func(l applications.Letter) bool {
			return l.Detail == "meeting the platform team" && l.Offer == "reference" && l.Variant == 2
		}) || !slices.ContainsFunc(chosen, func(l applications.Letter) bool { return l.Kind == applications.LetterWithdrawal }) {
			t.Fatalf("the restored letters lost the choices or the withdrawal letter: %+v", chosen)
		}
		for i := range before {
			want, got := withoutIDs(*before[i]), withoutIDs(*after[i])
			if !reflect.DeepEqual(want, got) {
				w, _ := json.MarshalIndent(want, "", " ")
				g, _ := json.MarshalIndent(got, "", " ")
				t.Errorf("application %d differs after the round trip:\nbefore %s\nafter  %s", i, w, g)
			}
		}
	})
}

// withoutIDs blanks the ids a restore gives anew.
func withoutIDs(d applications.Detail) applications.Detail {
	d.ID = 0
	for i := range d.Invitations {
		d.Invitations[i].ID, d.Invitations[i].ApplicationID = 0, 0
	}
	for i := range d.History {
		d.History[i].ID, d.History[i].ApplicationID = 0, 0
	}
	for i := range d.Letters {
		d.Letters[i].ID, d.Letters[i].ApplicationID = 0, 0
	}
	for i := range d.Warnings {
		d.Warnings[i].ApplicationID, d.Warnings[i].InvitationID = 0, 0
	}
	return d
}

// TestBackupRefused: a file that is not a backup, a newer version, or a
// row the tracker cannot hold is refused, and nothing is written.
func TestBackupRefused(t *testing.T) {
	for name, doc := range map[string]string{
		"not JSON":     "Company,Role\n",
		"other format": `{"format":"x","version":1}`,
		"newer":        `{"format":"tracker-backup","version":2}`,
		"bad status":   `{"format":"tracker-backup","version":1,"applications":[{"company":"A","role":"B","status":"dreaming"}]}`,
		"bad offer": `{"format":"tracker-backup","version":1,"applications":[{"company":"A","role":"B","status":"declined",` +
			`"letters":[{"kind":"decline","channel":"email","tone":"warm","body":"x","offer":"money"}]}]}`,
		"pending, not invited": `{"format":"tracker-backup","version":1,"applications":[{"company":"A","role":"B","status":"rejected",` +
			`"invitations":[{"received_at":"2026-01-02T00:00:00Z","format":"video","round":1,"response":"pending"}]}]}`,
	} {
		t.Run(name, func(t *testing.T) {
			if _, err := exchange.ReadBackup(bytes.NewBufferString(doc)); err == nil {
				t.Error("accepted")
			}
		})
	}
}
