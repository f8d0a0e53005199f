package main

import (
	"context"
	"testing"
	"time"

	"tracker/internal/applications"
	"tracker/internal/storage"
)

// saveSettings stores settings for the test's account the way the server's
// PATCH /api/v1/settings does: through the service, in the database. The
// command line must then compute its deadlines from them.
func (c *cli) saveSettings(patch applications.SettingsPatch) {
	c.t.Helper()
	ctx := context.Background()
	db, err := storage.Open(ctx, c.db)
	if err != nil {
		c.t.Fatal(err)
	}
	defer db.Close()
	u, err := db.UserByEmail(ctx, "me@example.com")
	if err != nil {
		c.t.Fatal(err)
	}
	if _, err := applications.NewService(db, time.Now).UpdateSettings(applications.WithOwner(ctx, u.ID), patch); err != nil {
		c.t.Fatal(err)
	}
}

// TestStoredSettingsSetTheDeadlines stores a longer response window and a
// short follow-up delay and checks that the command line's warnings follow
// them, with no flag or environment variable.
func TestStoredSettingsSetTheDeadlines(t *testing.T) {
	t.Run("response window", func(t *testing.T) {
		c := newCLI(t)
		check(t, c.do("add", "--company", "Acme", "--role", "Dev", "--received", ago(48*time.Hour)), 0)
		check(t, c.do("warnings"), 1, "overdue")
		window := 96 * time.Hour
		c.saveSettings(applications.SettingsPatch{ResponseWindow: &window})
		check(t, c.do("warnings"), 0, "Nothing is due.")
	})
	t.Run("follow-up delay", func(t *testing.T) {
		c := newCLI(t)
		after := time.Hour
		c.saveSettings(applications.SettingsPatch{FollowUpAfter: &after})
		check(t, c.do("add", "--company", "Acme", "--role", "Dev", "--received", ago(3*time.Hour)), 0)
		check(t, c.do("decline", "1", "--reason", "timing", "--sender", "Ada", "--send", "--sent-at", ago(2*time.Hour)), 0, "Follow up ", "(1h ago)")
		check(t, c.do("warnings"), 1, "overdue", "follow up the decline")
	})
}

// TestStalePromptsSetTheExitCode checks that an interview whose time has
// passed is a warning like an overdue answer: listed, with exit status 1.
func TestStalePromptsSetTheExitCode(t *testing.T) {
	c := newCLI(t)
	check(t, c.do("add", "--company", "Acme", "--role", "Dev", "--received", ago(72*time.Hour), "--interview", ago(time.Hour)), 0)
	check(t, c.do("move", "1", "scheduled"), 0)
	check(t, c.do("warnings"), 1, "overdue", "Acme", "the interview has passed")
}
