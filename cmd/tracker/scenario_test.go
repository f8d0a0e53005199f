package main

import (
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"tracker/internal/api"
)

// step is one command of a scenario and what it must print.
type step struct {
	name    string
	args    []string
	stdin   string
	code    int
	want    []string // each in stdout or stderr
	notWant []string // none in stdout
}

// runSteps runs the steps in order on one database.
func runSteps(t *testing.T, c *cli, steps []step) {
	t.Helper()
	for _, s := range steps {
		t.Run(s.name, func(t *testing.T) {
			r := c.run(s.stdin, append(s.args, "--db", c.db)...)
			check(t, r, s.code, s.want...)
			for _, nw := range s.notWant {
				if strings.Contains(r.stdout, nw) {
					t.Errorf("stdout has %q:\n%s", nw, r.stdout)
				}
			}
		})
	}
}

func ago(d time.Duration) string     { return time.Now().Add(-d).Format(time.RFC3339) }
func fromNow(d time.Duration) string { return time.Now().Add(d).Format(time.RFC3339) }

// TestLifecycle walks one application from add to follow-up.
func TestLifecycle(t *testing.T) {
	c := newCLI(t)
	runSteps(t, c, []step{
		{name: "add", args: []string{"add", "--company", "Acme", "--role", "Backend Engineer", "--location", "Berlin",
			"--url", "https://acme.example/jobs/1", "--contact", "Jo Doe", "--email", "jo@acme.example"},
			want: []string{"Added application 1: Acme, Backend Engineer (applied)"}},
		{name: "add invalid", args: []string{"add", "--company", "Beta", "--url", "not a url"}, code: 1,
			want: []string{"tracker: some fields are not valid", "  --role is required", "  --url must be a web address"}},
		{name: "list", args: []string{"list"},
			want: []string{"ID  STATUS   COMPANY  ROLE", "1   applied  Acme     Backend Engineer"}},
		{name: "edit", args: []string{"edit", "1", "--notes", "referred by Sam"},
			want: []string{"Updated application 1: Acme, Backend Engineer (applied)"}},
		{name: "invite", args: []string{"invite", "1", "--received", "now", "--interview", fromNow(96 * time.Hour), "--format", "video"},
			want: []string{"Invited application 1: Acme, Backend Engineer (invited)", "Round 1 (video, pending; invitation 1)", "answer due", "(in 24h)"}},
		{name: "show", args: []string{"show", "1"},
			want: []string{"Application 1: Acme, Backend Engineer", "Status", "invited", "Jo Doe <jo@acme.example>",
				"referred by Sam", "Invitations:", "History:", "applied -> invited", "Next", "scheduled, declined (tracker decline), rejected"}},
		{name: "move scheduled", args: []string{"move", "1", "scheduled", "--note", "accepted by mail"},
			want: []string{"Moved application 1: Acme, Backend Engineer (scheduled)", "Next: interviewed"}},
		{name: "move refused", args: []string{"move", "1", "hired"}, code: 1,
			want: []string{"tracker: an application cannot move from scheduled to hired", "allowed next states: interviewed, declined (tracker decline), rejected, ghosted"}},
		{name: "move to declined needs a letter", args: []string{"move", "1", "declined"}, code: 1,
			want: []string{"only by declining it with a letter", "allowed next states:"}},
		{name: "decline preview", args: []string{"decline", "1", "--reason", "another_offer", "--sender", "Ada Lovelace"},
			want: []string{"Subject: ", "Backend Engineer", "Ada Lovelace", "Checks:", "✓ ", "Nothing was recorded"}},
		{name: "preview stored nothing", args: []string{"show", "1"}, want: []string{"scheduled"}, notWant: []string{"Letters:"}},
		{name: "follow-up before decline", args: []string{"follow-up", "1"}, code: 1,
			want: []string{"tracker: only a declined application can be followed up"}},
		{name: "decline send", args: []string{"decline", "1", "--reason", "another_offer", "--sender", "Ada Lovelace", "--send"},
			want: []string{"Recorded for application 1: Acme, Backend Engineer (declined)", "Subject: ", "Sent ", "via email", "Follow up ", "(in 3d)"}},
		{name: "decline twice", args: []string{"decline", "1", "--reason", "timing", "--sender", "Ada", "--send"}, code: 1,
			want: []string{"tracker: ", "cannot be declined"}},
		{name: "follow-up", args: []string{"follow-up", "1", "--note", "confirmed", "--send"},
			want: []string{"Recorded for application 1: Acme, Backend Engineer (followed_up)", "Ada Lovelace", "Sent "}},
		{name: "show final", args: []string{"show", "1"},
			want: []string{"followed_up", "Letters:", "decline via email", "follow_up via email", "none (this is a final state)"}},
		{name: "delete", args: []string{"delete", "1", "--yes"}, want: []string{"Deleted application 1."}},
		{name: "show deleted", args: []string{"show", "1"}, code: 1, want: []string{"tracker: no application with id 1"}},
		{name: "move missing", args: []string{"move", "42", "invited"}, code: 1, want: []string{"tracker: no application with id 42"}},
	})
}

func TestWorkflow(t *testing.T) {
	tests := []step{
		{name: "workflow", args: []string{"workflow"},
			want: []string{"States: wishlist, applied, invited", "invited      -> declined", "tracker decline", "declined     -> followed_up", "tracker follow-up"}},
		{name: "workflow mermaid", args: []string{"workflow", "--mermaid"}, want: []string{"stateDiagram-v2", "declined --> followed_up : follow_up"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) { check(t, newEmptyCLI(t).run("", tt.args...), tt.code, tt.want...) })
	}
}

func TestShowAndListJSON(t *testing.T) {
	c := newCLI(t)
	check(t, c.do("add", "--company", "Acme", "--role", "SRE", "--received", ago(time.Hour), "--respond-by", fromNow(time.Hour)), 0)
	r := c.do("show", "1", "--json")
	check(t, r, 0)
	var d api.Detail
	if err := json.Unmarshal([]byte(r.stdout), &d); err != nil {
		t.Fatalf("show --json: %v\n%s", err, r.stdout)
	}
	if d.ID != 1 || d.Status != "invited" || len(d.Invitations) != 1 || len(d.History) != 1 {
		t.Errorf("show --json = %+v", d)
	}
	if len(d.Warnings) != 1 || d.Warnings[0].Severity != "due_soon" {
		t.Errorf("warnings = %+v, want one due_soon (respond-by in 1h)", d.Warnings)
	}
	r = c.do("list", "--json")
	check(t, r, 0)
	var p api.Page
	if err := json.Unmarshal([]byte(r.stdout), &p); err != nil || len(p.Items) != 1 || p.Items[0].Company != "Acme" {
		t.Errorf("list --json = %+v, %v\n%s", p, err, r.stdout)
	}
}

func TestListPages(t *testing.T) {
	c := newCLI(t)
	for _, company := range []string{"Alpha", "Beta", "Gamma"} {
		check(t, c.do("add", "--company", company, "--role", "Dev"), 0)
	}
	r := c.do("list", "--limit", "2")
	check(t, r, 0, "Gamma", "Beta", "use --all")
	if strings.Contains(r.stdout, "Alpha") {
		t.Errorf("one page of 2 shows Alpha:\n%s", r.stdout)
	}
	check(t, c.do("list", "--limit", "1", "--all"), 0, "Alpha", "Beta", "Gamma")
	r = c.do("list", "-q", "gam") // a word's start, as search matches with the full-text index and without
	check(t, r, 0, "Gamma")
	if strings.Contains(r.stdout, "Beta") {
		t.Errorf("-q gam shows Beta:\n%s", r.stdout)
	}
	check(t, c.do("list", "--limit", "500"), 1, "  --limit must be between 1 and 200")
}

func TestWarningsExitCode(t *testing.T) {
	tests := []struct {
		name string
		add  []string
		args []string
		code int
		want []string
	}{
		{"nothing", []string{"--status", "applied"}, nil, 0, []string{"Nothing is due."}},
		{"answer not yet due", []string{"--received", "now"}, nil, 0, []string{"Nothing is due."}},
		{"due soon", []string{"--received", ago(20 * time.Hour)}, nil, 0, []string{"due_soon", "answer the invitation"}},
		{"overdue", []string{"--received", ago(48 * time.Hour)}, nil, 1, []string{"overdue", "Acme", "24h ago", "tracker: an answer or a follow-up is overdue"}},
		{"critical", []string{"--received", ago(48 * time.Hour), "--interview", fromNow(2 * time.Hour)}, nil, 1, []string{"critical", "interview"}},
		{"overdue, of its kind", []string{"--received", ago(48 * time.Hour)}, []string{"--kind", "response"}, 1, []string{"overdue", "Acme"}},
		{"overdue, of another kind", []string{"--received", ago(48 * time.Hour)}, []string{"--kind", "follow_up"}, 0, []string{"Nothing is due."}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			c := newCLI(t)
			check(t, c.do(append([]string{"add", "--company", "Acme", "--role", "Dev"}, tt.add...)...), 0)
			check(t, c.do(append([]string{"warnings"}, tt.args...)...), tt.code, tt.want...)
			r := c.do(append([]string{"warnings", "--json"}, tt.args...)...)
			var ws api.Warnings
			if r.code != tt.code || json.Unmarshal([]byte(r.stdout), &ws) != nil {
				t.Errorf("warnings --json: exit %d, want %d\n%s", r.code, tt.code, r.stdout)
			}
		})
	}
}

// TestWarningsErrorIsNotLate checks that a warnings run that cannot read
// the database, or is called wrongly, exits 2, never the 1 that means
// "something is overdue".
func TestWarningsErrorIsNotLate(t *testing.T) {
	c := newCLI(t)
	check(t, c.do("add", "--company", "Acme", "--role", "Dev", "--received", ago(48*time.Hour)), 0)
	check(t, c.do("warnings"), 1, "overdue")
	check(t, c.do("warnings", "--kind", "late"), 2, "kind must be one of")
	if err := os.WriteFile(c.db, []byte("this is not a database, just some text long enough to be read as a header"), 0o600); err != nil {
		t.Fatal(err)
	}
	check(t, c.do("warnings"), 2, "tracker: ")
	check(t, c.do("warnings", "--json"), 2)
	check(t, c.do("warnings", "extra"), 2)
}

func TestDeclineEditedLetter(t *testing.T) {
	c := newCLI(t)
	check(t, c.do("add", "--company", "Acme", "--role", "Dev", "--received", "now"), 0)
	rude := "no."
	preview := c.run(rude, "decline", "1", "--reason", "timing", "--sender", "Ada", "--subject", "Re: Dev", "--body-file", "-", "--db", c.db)
	check(t, preview, 0, "Subject: Re: Dev", "no.", "✗ ")
	check(t, c.run(rude, "decline", "1", "--reason", "timing", "--sender", "Ada", "--body-file", "-", "--send", "--db", c.db), 1,
		"tracker: the letter fails the checks", "send it with --override", "  check clear: ")
	check(t, c.do("show", "1"), 0, "invited")

	body := filepath.Join(t.TempDir(), "body.txt")
	if err := os.WriteFile(body, []byte(rude+"\n"), 0o600); err != nil {
		t.Fatal(err)
	}
	check(t, c.do("decline", "1", "--reason", "timing", "--sender", "Ada", "--body-file", body, "--send", "--override"), 0, "(declined)", "no.")
	check(t, c.do("decline", "1", "--reason", "timing", "--body-file", filepath.Join(t.TempDir(), "missing")), 1, "read the body")
}

func TestEnvironment(t *testing.T) {
	t.Run("TRACKER_DB", func(t *testing.T) {
		c := newCLI(t)
		c.env["TRACKER_DB"] = c.db
		check(t, c.run("", "add", "--company", "Acme", "--role", "Dev"), 0, "Added application 1")
		check(t, c.run("", "list"), 0, "Acme")
		// The other database has no account: --db won over TRACKER_DB.
		check(t, c.run("", "list", "--db", filepath.Join(t.TempDir(), "other.db")), 1, "there is no account yet")
	})
	t.Run("XDG_DATA_HOME", func(t *testing.T) {
		c := newEmptyCLI(t)
		check(t, c.run(testPassword, "user", "add", "--email", "me@example.com", "--password-stdin"), 0)
		check(t, c.run("", "add", "--company", "Acme", "--role", "Dev"), 0)
		if _, err := os.Stat(filepath.Join(c.env["XDG_DATA_HOME"], "tracker", "tracker.db")); err != nil {
			t.Errorf("the default database is not in XDG_DATA_HOME: %v", err)
		}
	})
	t.Run("TRACKER_SENDER_NAME", func(t *testing.T) {
		c := newCLI(t)
		c.env["TRACKER_SENDER_NAME"] = "Grace Hopper"
		check(t, c.do("add", "--company", "Acme", "--role", "Dev", "--received", "now"), 0)
		check(t, c.do("decline", "1", "--reason", "timing"), 0, "Grace Hopper")
		check(t, c.do("decline", "1", "--reason", "timing", "--sender", "Ada"), 0, "Ada")
	})
}

// TestAddNotesADuplicate adds the same company and role twice: the second
// add still works, and says which application it may duplicate.
func TestAddNotesADuplicate(t *testing.T) {
	c := newCLI(t)
	check(t, c.do("add", "--company", "Acme", "--role", "Dev"), 0)
	r := c.do("add", "--company", "acme", "--role", "Dev")
	check(t, r, 0, "Added application 2", "Note: application 1 is also Acme, Dev (applied)", "tracker delete 2")
	r = c.do("add", "--company", "Acme", "--role", "SRE")
	if strings.Contains(r.stderr, "Note:") {
		t.Errorf("another role is noted as a duplicate:\n%s", r.stderr)
	}
}
