package applications_test

import (
	"slices"
	"strings"
	"testing"
	"time"

	"tracker/internal/applications"
	"tracker/internal/storage"
	"tracker/internal/storage/storagetest"
)

// TestLettersAvoidRecentOnes: a decline is written knowing the user's
// latest letters to other applications (the latest first, at most
// RecentLetters, none of another user's), and its preview is the letter
// the decline then records.
func TestLettersAvoidRecentOnes(t *testing.T) {
	storagetest.Each(t, func(t *testing.T, db *storage.DB) {
		svc, clk, ctx := newService(t, db)
		other := storagetest.Owner(t, db, "other@example.com")
		theirs := invitedApp(t, other, svc, "Elsewhere Ltd", start.Add(-time.Hour))
		if _, err := svc.Decline(other, theirs.ID, applications.DeclineInput{Reason: "timing", SenderName: "Kim"}); err != nil {
			t.Fatal(err)
		}
		var sent []string // the bodies, the latest first
		for i := range applications.RecentLetters + 2 {
			clk.Advance(time.Minute)
			d := invitedApp(t, ctx, svc, "Company "+string(rune('A'+i)), clk.Now().Add(-time.Hour))
			d, err := svc.Decline(ctx, d.ID, applications.DeclineInput{Reason: "another_offer", SenderName: "Sam Lee"})
			if err != nil {
				t.Fatal(err)
			}
			sent = slices.Insert(sent, 0, d.Letters[0].Body)
		}
		clk.Advance(time.Minute)
		next := invitedApp(t, ctx, svc, "Company Z", clk.Now().Add(-time.Hour))
		r, err := db.ReadForPreview(ctx, next.ID)
		if err != nil {
			t.Fatal(err)
		}
		if !slices.Equal(r.Recent, sent[:applications.RecentLetters]) {
			t.Fatalf("recent letters: %d, want the latest %d of %d sent, the latest first", len(r.Recent), applications.RecentLetters, len(sent))
		}
		for _, b := range r.Recent {
			if strings.Contains(b, "Kim") {
				t.Fatal("another user's letter is among the recent ones")
			}
		}
		in := applications.DeclineInput{Reason: "another_offer", SenderName: "Sam Lee"}
		p, err := svc.PreviewDecline(ctx, next.ID, in)
		if err != nil {
			t.Fatal(err)
		}
		d, err := svc.Decline(ctx, next.ID, in)
		if err != nil {
			t.Fatal(err)
		}
		if got := d.Letters[0].Body; got != p.Body {
			t.Fatalf("the recorded letter is not the preview:\n%s\n---\n%s", got, p.Body)
		}
		// Its own letter is not among a later read's recent letters of
		// itself.
		if r, err = db.ReadForPreview(ctx, next.ID); err != nil || slices.Contains(r.Recent, p.Body) {
			t.Fatalf("an application's own letter is among its recent ones (%v)", err)
		}
	})
}
