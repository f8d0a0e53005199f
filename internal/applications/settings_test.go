package applications_test

import (
	"testing"
	"time"

	"tracker/internal/apperr"
	"tracker/internal/applications"
	"tracker/internal/storage"
	"tracker/internal/storage/storagetest"
)

// TestSettingsAreReadPerUser stores a long response window and follow-up
// delay for one user: their deadlines and warnings follow it, another
// user's stay on the defaults.
func TestSettingsAreReadPerUser(t *testing.T) {
	storagetest.Each(t, func(t *testing.T, db *storage.DB) {
		svc, clk, ctx := newService(t, db)
		other := storagetest.Owner(t, db, "other@example.com")
		mine := invitedApp(t, ctx, svc, "Acme", start)
		theirs := invitedApp(t, other, svc, "Globex", start)

		window, after := 96*time.Hour, 5*24*time.Hour
		st, err := svc.UpdateSettings(ctx, applications.SettingsPatch{ResponseWindow: &window, FollowUpAfter: &after})
		if err != nil || st.ResponseWindow != window || st.NoReplyDays != 21 || !st.UpdatedAt.Equal(start) {
			t.Fatalf("update = %+v, %v", st, err)
		}
		d, _ := svc.Get(ctx, mine.ID)
		if got := d.Invitations[0].DeadlineAt; !got.Equal(start.Add(window)) {
			t.Fatalf("my deadline = %v, want the stored window", got)
		}
		o, _ := svc.Get(other, theirs.ID)
		if got := o.Invitations[0].DeadlineAt; !got.Equal(start.Add(24 * time.Hour)) {
			t.Fatalf("the other user's deadline = %v, want the default window", got)
		}
		clk.Advance(48 * time.Hour)
		if ws, _ := storagetest.AllWarnings(ctx, svc); len(ws) != 0 {
			t.Fatalf("warnings under a 96h window after 48h = %+v", ws)
		}
		if ws, _ := storagetest.AllWarnings(other, svc); len(ws) != 1 {
			t.Fatalf("the other user's warnings = %+v, want their overdue answer", ws)
		}
		d, err = svc.Decline(ctx, mine.ID, applications.DeclineInput{Reason: "timing", SenderName: "Ada"})
		if err != nil || d.FollowUpDueAt == nil || !d.FollowUpDueAt.Equal(clk.Now().Add(after)) {
			t.Fatalf("follow-up due = %v, %v; want the stored delay", d.FollowUpDueAt, err)
		}
	})
}

func TestSettingsRefusedSaveNothing(t *testing.T) {
	storagetest.Each(t, func(t *testing.T, db *storage.DB) {
		svc, _, ctx := newService(t, db)
		short, zone, days := 10*time.Minute, "Nowhere/Else", 0
		_, err := svc.UpdateSettings(ctx, applications.SettingsPatch{ResponseWindow: &short, TimeZone: &zone, NoReplyDays: &days})
		e := wantCode(t, err, apperr.EINVALID)
		for _, f := range []string{"response_window", "time_zone", "no_reply_days"} {
			if e.Fields[f] == "" {
				t.Errorf("no message for %s: %v", f, e.Fields)
			}
		}
		if st, _ := svc.Settings(ctx); *st != applications.DefaultSettings() {
			t.Fatalf("a refused update was saved: %+v", st)
		}
	})
}

// TestSettingsEnglish: letters follow the English of the user's time zone.
func TestSettingsEnglish(t *testing.T) {
	for zone, want := range map[string]string{"America/Denver": "en-US", "Pacific/Honolulu": "en-US", "Europe/Berlin": "en-GB", "UTC": "en-GB"} {
		if got := (applications.Settings{TimeZone: zone}).English(); string(got) != want {
			t.Errorf("%s: %q, want %q", zone, got, want)
		}
	}
}
