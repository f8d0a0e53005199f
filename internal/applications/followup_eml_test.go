package applications_test

import (
	"strings"
	"testing"

	"tracker/internal/applications"
	"tracker/internal/storage"
	"tracker/internal/storage/storagetest"
	"tracker/internal/workflow"
)

// TestFollowUpEMLRepliesToTheDecline checks that the follow-up's .eml
// threads onto the decline's: its In-Reply-To and References name the
// decline's Message-ID.
func TestFollowUpEMLRepliesToTheDecline(t *testing.T) {
	storagetest.Each(t, func(t *testing.T, db *storage.DB) {
		svc, _, ctx := newService(t, db)
		email := "ada@example.com"
		if _, err := svc.UpdateProfile(ctx, applications.ProfilePatch{Email: &email}); err != nil {
			t.Fatal(err)
		}
		d, err := svc.Create(ctx, applications.NewApplication{Fields: applications.Fields{Company: "Acme", Role: "Dev"}, Status: workflow.Invited})
		if err != nil {
			t.Fatal(err)
		}
		if _, err := svc.Decline(ctx, d.ID, applications.DeclineInput{Reason: " Timing ", SenderName: "Ada"}); err != nil {
			t.Fatal(err)
		}
		if d, err = svc.FollowUp(ctx, d.ID, applications.FollowUpInput{}); err != nil {
			t.Fatal(err)
		}
		dec, err := svc.LetterEML(ctx, d.ID, d.Letters[0].ID)
		if err != nil {
			t.Fatal(err)
		}
		fu, err := svc.LetterEML(ctx, d.ID, d.Letters[1].ID)
		if err != nil {
			t.Fatal(err)
		}
		id := header(string(dec.Data), "Message-ID")
		if id == "" || header(string(fu.Data), "In-Reply-To") != id || header(string(fu.Data), "References") != id {
			t.Errorf("follow-up does not reply to the decline %q:\n%s", id, fu.Data)
		}
		if d.Letters[0].Reason != "timing" || !strings.Contains(d.History[len(d.History)-2].Note, "declined: timing") {
			t.Errorf("reason stored as %q, history %+v", d.Letters[0].Reason, d.History)
		}
	})
}

// header returns the value of the first header key in an RFC 5322 message.
func header(msg, key string) string {
	for _, line := range strings.Split(msg, "\r\n") {
		if v, ok := strings.CutPrefix(line, key+": "); ok {
			return v
		}
	}
	return ""
}

// TestLetterNamingAnotherApplicationIsRefused checks that a decline pasted
// from another application's letter fails rule wrong_name.
func TestLetterNamingAnotherApplicationIsRefused(t *testing.T) {
	storagetest.Each(t, func(t *testing.T, db *storage.DB) {
		svc, _, ctx := newService(t, db)
		if _, err := svc.Create(ctx, applications.NewApplication{Fields: applications.Fields{Company: "Initech", Role: "QA"}, Status: workflow.Invited}); err != nil {
			t.Fatal(err)
		}
		d, err := svc.Create(ctx, applications.NewApplication{Fields: applications.Fields{Company: "Acme", Role: "Dev"}, Status: workflow.Invited})
		if err != nil {
			t.Fatal(err)
		}
		body := "Dear Hiring Team,\n\nThank you for inviting me to interview for the Dev role at Initech. I have decided to decline.\n\nI would be glad to stay in touch.\n\nAda"
		p, err := svc.PreviewDecline(ctx, d.ID, applications.DeclineInput{Reason: "timing", SenderName: "Ada", Body: &body})
		if err != nil {
			t.Fatal(err)
		}
		for _, c := range p.Checks {
			if c.Rule == "wrong_name" && c.OK {
				t.Errorf("a letter naming Initech passes wrong_name:\n%s", body)
			}
		}
	})
}
