package storage_test

import (
	"context"
	"reflect"
	"testing"
	"time"

	"tracker/internal/apperr"
	"tracker/internal/applications"
	"tracker/internal/decline"
	"tracker/internal/storage"
	"tracker/internal/storage/storagetest"
	"tracker/internal/workflow"
)

// TestReadDetailAsSeparateReads checks the one-statement detail against
// the reads it replaces (the application, the settings, the invitations,
// history and letters one by one) on an application with every kind of
// row: times with and without a value, sub-second times, text that JSON
// must escape, history out of the order of its ids and at the same time,
// a letter with its checks, and settings saved or not.
func TestReadDetailAsSeparateReads(t *testing.T) {
	storagetest.Each(t, func(t *testing.T, db *storage.DB) {
		ctx := ownerCtx(t, db)
		a := create(t, db, workflow.Declined)
		bare := create(t, db, workflow.Applied)
		odd := "quotes \" and \\ back, a tab\t, a line\nbreak, <html> & ünïcödé, emoji 🎉, nul-free"
		interview := at.Add(50*time.Hour + 123*time.Millisecond)
		err := db.InTx(ctx, func(ctx context.Context) error {
			for _, inv := range []*applications.Invitation{
				{ApplicationID: a.ID, ReceivedAt: at, Format: "video", Round: 1, Message: odd, Response: applications.ResponseAccepted,
					InterviewAt: &interview, RespondedAt: &at, Origin: applications.Origin{UID: "u1", Sequence: 2, Attendees: []string{"a@x", "b@y"}}},
				{ApplicationID: a.ID, ReceivedAt: at.Add(time.Hour), Format: "onsite", Round: 2, Response: applications.ResponsePending},
			} {
				if err := db.AddInvitation(ctx, inv); err != nil {
					return err
				}
			}
			for i, h := range []applications.HistoryEntry{
				{ApplicationID: a.ID, To: workflow.Applied, At: at, Note: "created"},
				{ApplicationID: a.ID, From: workflow.Applied, To: workflow.Invited, At: at.Add(2 * time.Hour), Note: odd},
				{ApplicationID: a.ID, From: workflow.Invited, To: workflow.Declined, At: at.Add(time.Hour), Note: "backdated"},
				{ApplicationID: a.ID, From: workflow.Applied, To: workflow.Applied, At: at, Note: "at the same time as the first"},
			} {
				h.Note += string(rune('a' + i))
				if err := db.AddHistory(ctx, &h); err != nil {
					return err
				}
			}
			return db.AddLetter(ctx, &applications.Letter{ApplicationID: a.ID, Kind: applications.LetterDecline, Reason: "timing",
				Channel: "email", Tone: "formal", SenderName: "Sam", Subject: "Re: " + odd, Body: odd,
				Checks: []decline.Check{{Rule: "clear", OK: true, Severity: "error", Hint: odd}}, SentAt: at.Add(3 * time.Hour), CreatedAt: at})
		})
		if err != nil {
			t.Fatal(err)
		}
		check := func(id int64) {
			t.Helper()
			got, err := db.ReadDetail(ctx, id)
			if err != nil {
				t.Fatal(err)
			}
			want := separateReads(t, db, ctx, id)
			if !reflect.DeepEqual(got, want) {
				t.Errorf("ReadDetail(%d) =\n%+v\nthe separate reads give\n%+v", id, got, want)
			}
		}
		check(a.ID)
		check(bare.ID)
		st := applications.DefaultSettings()
		st.TimeZone, st.NoReplyDays, st.UpdatedAt = "Europe/Berlin", 9, at
		if err := db.SaveSettings(ctx, &st); err != nil {
			t.Fatal(err)
		}
		check(a.ID)
		// In a transaction it reads what the transaction sees.
		err = db.View(ctx, func(ctx context.Context) error {
			d, err := db.ReadDetail(ctx, a.ID)
			if err == nil && (d.Settings == nil || d.Settings.NoReplyDays != 9 || len(d.Invitations) != 2) {
				t.Errorf("in a transaction: %+v", d)
			}
			return err
		})
		if err != nil {
			t.Fatal(err)
		}
		other := storagetest.Owner(t, db, "other@example.com")
		if _, err := db.ReadDetail(other, a.ID); apperr.ErrorCode(err) != apperr.ENOTFOUND {
			t.Fatalf("another user's application: %v", err)
		}
	})
}

// separateReads is what ReadDetail must return, from the store's other reads.
func separateReads(t *testing.T, db *storage.DB, ctx context.Context, id int64) *applications.DetailRecords {
	t.Helper()
	var d applications.DetailRecords
	err := db.View(ctx, func(ctx context.Context) error {
		a, err := db.GetApplication(ctx, id)
		if err != nil {
			return err
		}
		d.Application = *a
		if d.Settings, err = db.GetSettings(ctx); apperr.ErrorCode(err) == apperr.ENOTFOUND {
			d.Settings, err = nil, nil
		}
		if err != nil {
			return err
		}
		if d.Invitations, err = db.ListInvitations(ctx, id); err != nil {
			return err
		}
		if d.History, err = db.ListHistory(ctx, id); err != nil {
			return err
		}
		d.Letters, err = db.ListLetters(ctx, id)
		return err
	})
	if err != nil {
		t.Fatal(err)
	}
	return &d
}
