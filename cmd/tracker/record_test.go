package main

import (
	"encoding/json"
	"strings"
	"testing"
	"time"

	"tracker/internal/api"
)

// showJSON returns application id as show --json prints it.
func (c *cli) showJSON(id string) api.Detail {
	c.t.Helper()
	r := c.do("show", id, "--json")
	var d api.Detail
	if err := json.Unmarshal([]byte(r.stdout), &d); err != nil {
		c.t.Fatalf("show --json: %v\n%s", err, r.stdout)
	}
	return d
}

// TestBackdatedRecord records a whole search after the fact, every step
// with its own time, and checks that the history is in that order.
func TestBackdatedRecord(t *testing.T) {
	c := newCLI(t)
	check(t, c.do("add", "--company", "Acme", "--role", "Dev", "--applied", "2026-01-05T09:00:00Z"), 0)
	check(t, c.do("invite", "1", "--received", "2026-01-10T09:00:00Z", "--interview", "2026-01-20T10:00:00Z"), 0)
	check(t, c.do("move", "1", "scheduled", "--at", "2026-01-11T09:00:00Z"), 0)
	check(t, c.do("edit-invite", "1", "--interview", "2026-01-22T10:00:00Z", "--at", "2026-01-15T09:00:00Z"), 0,
		"Updated invitation 1 of application 1")
	check(t, c.do("move", "1", "interviewed", "--at", "2026-01-14T09:00:00Z"), 1,
		"--at must not be before")
	check(t, c.do("move", "1", "interviewed", "--at", "2026-01-22T12:00:00Z"), 0)
	check(t, c.do("decline", "1", "--reason", "timing", "--sender", "Ada", "--send", "--at", "2026-01-25T09:00:00Z"), 0)
	check(t, c.do("follow-up", "1", "--send", "--at", "2026-01-28T09:00:00Z"), 0)
	d := c.showJSON("1")
	if d.AppliedAt == nil || d.AppliedAt.Format("2006-01-02") != "2026-01-05" || d.Status != "followed_up" {
		t.Errorf("applied_at %v, status %s", d.AppliedAt, d.Status)
	}
	var got []string
	for _, h := range d.History {
		got = append(got, h.At.Format("01-02")+" "+h.To)
	}
	want := "01-05 applied,01-10 invited,01-11 scheduled,01-15 scheduled,01-22 interviewed,01-25 declined,01-28 followed_up"
	if strings.Join(got, ",") != want {
		t.Errorf("history\n got %s\nwant %s", strings.Join(got, ","), want)
	}
}

func TestWithdraw(t *testing.T) {
	c := newCLI(t)
	check(t, c.do("add", "--company", "Acme", "--role", "Dev", "--status", "wishlist"), 0, "(wishlist)")
	check(t, c.do("withdraw", "1", "--note", "found a better fit"), 0, "Withdrew application 1", "(withdrawn)")
	check(t, c.do("withdraw", "1"), 1, "cannot move from withdrawn")
}

func TestSettingsCommand(t *testing.T) {
	c := newCLI(t)
	check(t, c.do("settings"), 0, "Response window  24h", "never (these are the defaults)")
	check(t, c.do("settings", "--response-window", "48h", "--no-reply-days", "10", "--time-zone", "Europe/Berlin"), 0,
		"Response window  48h", "No reply after   10 days", "Europe/Berlin")
	r := c.do("settings", "--json")
	var st api.Settings
	if err := json.Unmarshal([]byte(r.stdout), &st); err != nil || st.ResponseWindow != "48h" || st.NoReplyDays != 10 {
		t.Errorf("settings --json = %+v, %v\n%s", st, err, r.stdout)
	}
	check(t, c.do("settings", "--response-window", "5m", "--time-zone", "Mars/Olympus"), 1,
		"  --response-window must be", "  --time-zone")
	check(t, c.do("settings"), 0, "Response window  48h")
}

func TestDeleteAsks(t *testing.T) {
	c := newCLI(t)
	check(t, c.do("add", "--company", "Acme", "--role", "Dev"), 0)
	check(t, c.do("delete", "1"), 2, "standard input is not a terminal", "--yes")
	check(t, c.do("show", "1"), 0, "Acme")
	check(t, c.do("delete", "1", "--yes"), 0, "Deleted application 1.")
}

// TestMessagesNameFlags checks that errors name what the CLI user typed,
// never the API's field names.
func TestMessagesNameFlags(t *testing.T) {
	c := newCLI(t)
	r := c.do("add", "--company", "Acme", "--role", "Dev", "--received", "2026-01-10T09:00:00Z", "--format", "carrier-pigeon",
		"--respond-by", "2026-01-09T09:00:00Z")
	check(t, r, 1, "  --format must be one of", "  --respond-by must not be before --received")
	for _, api := range []string{"invitation.", "received_at", "respond_by", "format:"} {
		if strings.Contains(r.stderr, api) {
			t.Errorf("the message names the API's %q:\n%s", api, r.stderr)
		}
	}
}

// TestTimeZoneFromSettings stores a time zone and checks that a time typed
// without an offset is read in it, and that times are shown in it, on any
// machine.
func TestTimeZoneFromSettings(t *testing.T) {
	c := newCLI(t)
	check(t, c.do("settings", "--time-zone", "Asia/Tokyo"), 0)
	check(t, c.do("add", "--company", "Acme", "--role", "Dev", "--received", "2026-01-10T09:00", "--interview", "2026-01-20T10:00"), 0,
		"received Sat 2026-01-10 09:00", "interview Tue 2026-01-20 10:00")
	d := c.showJSON("1")
	if got := d.Invitations[0].ReceivedAt.Format(time.RFC3339); got != "2026-01-10T00:00:00Z" {
		t.Errorf("received_at = %s, want 09:00 in Tokyo, 2026-01-10T00:00:00Z", got)
	}
	check(t, c.do("add", "--company", "Beta", "--role", "Dev", "--received", "2026-01-10T09:00:00Z"), 0,
		"received Sat 2026-01-10 18:00")
}

// TestSecondAccount checks that with two accounts every data command says
// which accounts there are, for a missing or an unknown --user.
func TestSecondAccount(t *testing.T) {
	c := newCLI(t)
	c.addUser("you@example.com")
	for _, args := range [][]string{{"list"}, {"add", "--company", "A", "--role", "R"}, {"warnings"}, {"settings"}, {"show", "1"}} {
		code := 1
		if args[0] == "warnings" {
			code = 2 // 1 would mean that something is overdue
		}
		check(t, c.do(args...), code, "this database has 2 accounts; say which one with --user EMAIL", "me@example.com, you@example.com")
	}
	check(t, c.do("list", "--user", "nobody@example.com"), 1, "no account with the e-mail nobody@example.com; the accounts are me@example.com, you@example.com")
	check(t, c.do("list", "--user", "you@example.com"), 0)
}

func TestInFlags(t *testing.T) {
	for in, want := range map[string]string{
		"invitation.respond_by must not be before invitation.received_at": "--respond-by must not be before --received",
		"reason must be one of another_offer, timing":                     "--reason must be one of another_offer, timing",
		"current_password is wrong":                                       "the current password is wrong",
		"some fields are not valid":                                       "some fields are not valid",
		"to must be one of wishlist, applied":                             "STATE must be one of wishlist, applied",
		"note must be plain text of at most 2000 characters":              "--note must be plain text of at most 2000 characters",
		"fix it, or send it with override":                                "fix it, or send it with --override",
	} {
		if got := inFlags(in); got != want {
			t.Errorf("inFlags(%q) = %q, want %q", in, got, want)
		}
	}
}
