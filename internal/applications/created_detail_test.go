package applications_test

import (
	"bytes"
	"testing"
	"time"

	"tracker/internal/api"
	"tracker/internal/applications"
	"tracker/internal/storage"
	"tracker/internal/storage/storagetest"
	"tracker/internal/workflow"
)

// TestCreateAnswersWhatAReadGives checks that the detail a create answers
// with, which it builds from what it wrote rather than reading it back, is
// byte for byte the detail a read of the application gives right after:
// applications of every start without an invitation (with a no-reply
// warning due and not), with every field, padded and in mixed case, for a
// user with and without saved settings, and a start with an invitation
// (read back) beside them.
func TestCreateAnswersWhatAReadGives(t *testing.T) {
	storagetest.Each(t, func(t *testing.T, db *storage.DB) {
		svc, clk, ctx := newService(t, db)
		ago := func(d time.Duration) *time.Time { t := start.Add(-d); return &t }
		full := applications.Fields{Company: "  Ünïcode GmbH ", Role: "Engineer ", Location: " Berlin", JobURL: "https://example.com/jobs/1",
			Source: "referral", ContactName: " Dana Smith", ContactKind: " Person ", ContactTitle: "Head of Hiring", GreetingName: "Dana",
			ContactEmail: "dana@example.com", Notes: "line one\nline two – with “quotes” and \\ and \t", AppliedAt: ago(90*time.Minute + 17*time.Second)}
		inputs := map[string]applications.NewApplication{
			"applied now":          {Fields: applications.Fields{Company: "Acme", Role: "Dev"}},
			"every field":          {Fields: full},
			"no reply due":         {Fields: applications.Fields{Company: "Silent", Role: "Dev", AppliedAt: ago(40 * 24 * time.Hour)}},
			"wishlist":             {Fields: applications.Fields{Company: "Someday", Role: "Dev"}, Status: workflow.Wishlist},
			"applied, status said": {Fields: applications.Fields{Company: "Said", Role: "Dev"}, Status: workflow.Applied},
			"invited":              {Fields: applications.Fields{Company: "Invited", Role: "Dev"}, Invitation: &applications.NewInvitation{ReceivedAt: start.Add(-time.Hour), Format: "video"}},
		}
		check := func(settings string) {
			t.Helper()
			for name, in := range inputs {
				created, err := svc.Create(ctx, in)
				if err != nil {
					t.Fatalf("%s, %s: %v", settings, name, err)
				}
				read, err := svc.Get(ctx, created.ID)
				if err != nil {
					t.Fatal(err)
				}
				got, want := api.AppendDetail(nil, created), api.AppendDetail(nil, read)
				if !bytes.Equal(got, want) {
					t.Errorf("%s, %s: the create answered\n%s\nthe read gives\n%s", settings, name, got, want)
				}
			}
		}
		check("default settings")
		days := 30
		if _, err := svc.UpdateSettings(ctx, applications.SettingsPatch{NoReplyDays: &days}); err != nil {
			t.Fatal(err)
		}
		clk.Advance(time.Hour)
		check("saved settings")
	})
}
