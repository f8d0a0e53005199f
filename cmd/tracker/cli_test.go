package main

import (
	"bytes"
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"
)

// result is what one run of the command line produced.
type result struct {
	code           int
	stdout, stderr string
}

// cli runs the command line in-process against one temporary database.
type cli struct {
	t   *testing.T
	db  string
	env map[string]string
}

// testPassword is the password of the tests' accounts.
const testPassword = "correct horse battery staple"

// newCLI returns a command line with a fresh database holding one account,
// me@example.com, which the data commands act for by default.
func newCLI(t *testing.T) *cli {
	t.Helper()
	c := newEmptyCLI(t)
	c.addUser("me@example.com")
	return c
}

// newEmptyCLI returns a command line with a fresh, not yet created
// database and an environment that points HOME and XDG_DATA_HOME into the
// test's temporary folder.
func newEmptyCLI(t *testing.T) *cli {
	t.Helper()
	dir := t.TempDir()
	return &cli{t: t, db: filepath.Join(dir, "data", "tracker.db"),
		env: map[string]string{"HOME": dir, "XDG_DATA_HOME": filepath.Join(dir, "xdg")}}
}

// addUser adds an account with testPassword through tracker user add.
func (c *cli) addUser(email string) {
	c.t.Helper()
	r := c.run(testPassword+"\n", "user", "add", "--email", email, "--password-stdin", "--db", c.db)
	check(c.t, r, 0, "Added account")
}

// run runs the command line with args and stdin, without adding --db.
func (c *cli) run(stdin string, args ...string) result {
	c.t.Helper()
	var out, errOut bytes.Buffer
	getenv := func(k string) string { return c.env[k] }
	code := run(context.Background(), args, strings.NewReader(stdin), &out, &errOut, getenv)
	return result{code: code, stdout: out.String(), stderr: errOut.String()}
}

// do runs a data subcommand on the test's database.
func (c *cli) do(args ...string) result {
	c.t.Helper()
	return c.run("", append(args, "--db", c.db)...)
}

// check fails the test unless r has the exit code and contains every want
// (in stdout or stderr).
func check(t *testing.T, r result, code int, want ...string) {
	t.Helper()
	if r.code != code {
		t.Errorf("exit code %d, want %d\nstdout:\n%s\nstderr:\n%s", r.code, code, r.stdout, r.stderr)
	}
	for _, w := range want {
		if !strings.Contains(r.stdout, w) && !strings.Contains(r.stderr, w) {
			t.Errorf("output lacks %q\nstdout:\n%s\nstderr:\n%s", w, r.stdout, r.stderr)
		}
	}
}

func TestHelp(t *testing.T) {
	tests := []struct {
		name   string
		args   []string
		code   int
		stream string // "stdout" or "stderr"
		want   []string
	}{
		{"--help", []string{"--help"}, 0, "stdout", []string{"Commands:", "decline", "follow-up", "TRACKER_DB", "TRACKER_SENDER_NAME", "YYYY-MM-DDTHH:MM",
			"user add", "user passwd", "user list", "token create", "token list", "token revoke", "--user",
			"TRACKER_USER", "TRACKER_ALLOW_SIGNUP", "TRACKER_SECURE_COOKIES", "TRACKER_TRUSTED_PROXIES", "TRACKER_CORS_ORIGINS"}},
		{"user --help", []string{"user", "--help"}, 0, "stdout", []string{"Usage: tracker user <add|passwd|list>", "user add --email E --password-stdin", "user passwd", "user list"}},
		{"help token", []string{"help", "token"}, 0, "stdout", []string{"Usage: tracker token", "token create --name N", "token revoke ID", "Authorization: Bearer"}},
		{"user add --help", []string{"user", "add", "--help"}, 0, "stdout", []string{"Usage: tracker user add --email E --password-stdin", "--password-stdin", "--email address", "--db path", "read -rs PASSWORD"}},
		{"help user passwd", []string{"help", "user", "passwd"}, 0, "stdout", []string{"Usage: tracker user passwd", "sign it out everywhere"}},
		{"token create --help", []string{"token", "create", "--help"}, 0, "stdout", []string{"Usage: tracker token create --name N", "--name name", "TRACKER_USER", "printed once"}},
		{"list --help", []string{"list", "--help"}, 0, "stdout", []string{"--user e-mail", "TRACKER_USER"}},
		{"help", []string{"help"}, 0, "stdout", []string{"Commands:", "warnings", "your time zone"}},
		{"help decline", []string{"help", "decline"}, 0, "stdout", []string{"Usage: tracker decline ID --reason R", "--reason reason", "another_offer", "--body-file", "TRACKER_SENDER_NAME"}},
		{"add --help", []string{"add", "--help"}, 0, "stdout", []string{"--company name", "--received time", "--db path", "--applied time"}},
		{"serve -h", []string{"serve", "-h"}, 0, "stdout", []string{"--addr host:port", "(default 127.0.0.1:8080)", "TRACKER_ADDR",
			"--allow-signup", "TRACKER_ALLOW_SIGNUP", "--secure-cookies", "--trusted-proxies networks", "TRACKER_TRUSTED_PROXIES", "--cors-origins origins", "TRACKER_CORS_ORIGINS"}},
		{"move --help", []string{"move", "--help"}, 0, "stdout", []string{"STATE is one of: wishlist, applied, invited", "--note"}},
		{"warnings --help", []string{"warnings", "--help"}, 0, "stdout", []string{"Exit status: 1"}},
		{"no command", nil, 2, "stderr", []string{"Usage:", "Commands:"}},
		{"unknown command", []string{"frobnicate"}, 2, "stderr", []string{`unknown command "frobnicate"`, "Commands:"}},
		{"help unknown", []string{"help", "frobnicate"}, 2, "stderr", []string{`unknown command "frobnicate"`}},
		{"user alone", []string{"user"}, 2, "stderr", []string{"tracker user: missing subcommand: add, passwd, list"}},
		{"unknown subcommand", []string{"token", "burn"}, 2, "stderr", []string{`tracker token: unknown subcommand "burn": the subcommands are create, list, revoke`}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			r := newEmptyCLI(t).run("", tt.args...)
			if r.code != tt.code {
				t.Fatalf("exit code %d, want %d; stderr:\n%s", r.code, tt.code, r.stderr)
			}
			got := r.stdout
			if tt.stream == "stderr" {
				got = r.stderr
			}
			for _, w := range tt.want {
				if !strings.Contains(got, w) {
					t.Errorf("%s lacks %q:\n%s", tt.stream, w, got)
				}
			}
		})
	}
}

func TestUsageErrors(t *testing.T) {
	tests := []struct {
		name string
		env  map[string]string
		args []string
		want string
	}{
		{"bad duration flag", nil, []string{"settings", "--response-window", "soon"}, `invalid value "soon" for flag -response-window: want a duration`},
		{"policy flag gone", nil, []string{"list", "--response-window", "72h"}, "flag provided but not defined: -response-window"},
		{"delete without a terminal", nil, []string{"delete", "1"}, "add --yes to delete application 1 without asking"},
		{"bad time", nil, []string{"add", "--company", "A", "--role", "R", "--received", "yesterday"}, `invalid value "yesterday" for flag -received: want RFC 3339`},
		{"bad offer date", nil, []string{"edit", "1", "--offer-made-on", "19/01/2026"}, `invalid value "19/01/2026" for flag -offer-made-on: want a date written as YYYY-MM-DD`},
		{"offer date with a time", nil, []string{"move", "1", "offered", "--offer-made-on", "2026-01-19T10:00"}, `invalid value "2026-01-19T10:00" for flag -offer-made-on: want a date`},
		{"bad state", nil, []string{"move", "1", "hiredd"}, `STATE: "hiredd" is not a state; the states are wishlist, applied, invited`},
		{"bad status filter", nil, []string{"list", "--status", "nope"}, `--status: "nope" is not a state`},
		{"bad order", nil, []string{"list", "--sort", "salary"}, "--sort must be one of newest, oldest, company, updated, applied"},
		{"bad id", nil, []string{"show", "abc"}, `ID must be a positive whole number, not "abc"`},
		{"missing id", nil, []string{"show"}, "missing ID"},
		{"missing state", nil, []string{"move", "1"}, "missing STATE"},
		{"extra argument", nil, []string{"list", "extra"}, `unexpected argument "extra"`},
		{"unknown flag", nil, []string{"list", "--colour"}, "flag provided but not defined: -colour"},
		{"decline without reason", nil, []string{"decline", "1"}, "--reason is required; the reasons are another_offer"},
		{"edit without fields", nil, []string{"edit", "1"}, "nothing to change"},
		{"bad log format", nil, []string{"serve", "--log-format", "xml"}, "--log-format (or TRACKER_LOG_FORMAT) must be text or json"},
		{"bad trusted proxy", nil, []string{"serve", "--trusted-proxies", "10.0.0.0/8,proxy.lan"}, `invalid value "10.0.0.0/8,proxy.lan" for flag -trusted-proxies: "proxy.lan" is neither a network`},
		{"bad trusted proxy env", map[string]string{"TRACKER_TRUSTED_PROXIES": "10.0.0.0/33"}, []string{"serve"}, `invalid value "10.0.0.0/33" for TRACKER_TRUSTED_PROXIES`},
		{"origin with a path", nil, []string{"serve", "--cors-origins", "https://app.example/x"}, `invalid value "https://app.example/x" for flag -cors-origins: "https://app.example/x" is not an origin`},
		{"origin without scheme", nil, []string{"serve", "--cors-origins", "app.example"}, "for flag -cors-origins: \"app.example\" is not an origin such as https://app.example: the scheme must be http or https"},
		{"bad origin env", map[string]string{"TRACKER_CORS_ORIGINS": "ftp://files.example"}, []string{"serve"}, `invalid value "ftp://files.example" for TRACKER_CORS_ORIGINS`},
		{"bad signup env", map[string]string{"TRACKER_ALLOW_SIGNUP": "maybe"}, []string{"serve"}, `invalid value "maybe" for TRACKER_ALLOW_SIGNUP`},
		{"no requests at once", nil, []string{"serve", "--max-active", "0"}, "--max-active (or TRACKER_MAX_ACTIVE) must be a whole number of requests, 1 or more, not 0"},
		{"bad max-active", nil, []string{"serve", "--max-active", "many"}, `invalid value "many" for flag -max-active`},
		{"bad max-active env", map[string]string{"TRACKER_MAX_ACTIVE": "-4"}, []string{"serve"}, "--max-active (or TRACKER_MAX_ACTIVE) must be a whole number of requests, 1 or more, not -4"},
		{"serve takes no user", nil, []string{"serve", "--user", "me@example.com"}, "flag provided but not defined: -user"},
		{"user add without e-mail", nil, []string{"user", "add", "--password-stdin"}, "--email is required"},
		{"user add without stdin flag", nil, []string{"user", "add", "--email", "me@example.com"}, "--password-stdin is required: pipe the password in"},
		{"user add with empty stdin", nil, []string{"user", "add", "--email", "me@example.com", "--password-stdin"}, "standard input held no password"},
		{"user add with a password flag", nil, []string{"user", "add", "--email", "me@example.com", "--password", "secret"}, "flag provided but not defined: -password"},
		{"token create without name", nil, []string{"token", "create"}, "--name is required"},
		{"token revoke without id", nil, []string{"token", "revoke"}, "missing ID"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			c := newEmptyCLI(t)
			for k, v := range tt.env {
				c.env[k] = v
			}
			r := c.do(tt.args...)
			cmd, _, _ := find(tt.args)
			check(t, r, 2, tt.want, "Run 'tracker "+cmd.name+" --help' for usage.")
			if _, err := os.Stat(c.db); err == nil {
				t.Errorf("a usage error created the database")
			}
		})
	}
}

func TestParseTime(t *testing.T) {
	now := time.Date(2025, 3, 1, 12, 0, 0, 0, time.UTC)
	berlin, err := time.LoadLocation("Europe/Berlin")
	if err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		in   string
		want time.Time
		ok   bool
	}{
		{"now", now, true},
		{"2025-03-01T14:00:00+01:00", time.Date(2025, 3, 1, 13, 0, 0, 0, time.UTC), true},
		{"2025-03-01T14:00:00Z", time.Date(2025, 3, 1, 14, 0, 0, 0, time.UTC), true},
		{"2025-03-01T14:30", time.Date(2025, 3, 1, 14, 30, 0, 0, berlin), true},
		{"2025-03-01 14:30", time.Date(2025, 3, 1, 14, 30, 0, 0, berlin), true},
		{"2025-03-01", time.Date(2025, 3, 1, 0, 0, 0, 0, berlin), true},
		{"yesterday", time.Time{}, false},
		{"2025-13-01", time.Time{}, false},
		{"", time.Time{}, false},
	}
	for _, tt := range tests {
		t.Run(tt.in, func(t *testing.T) {
			got, _, err := parseTime(tt.in, now, berlin)
			if (err == nil) != tt.ok {
				t.Fatalf("parseTime(%q) error %v, want ok=%v", tt.in, err, tt.ok)
			}
			if tt.ok && !got.Equal(tt.want) {
				t.Errorf("parseTime(%q) = %v, want %v", tt.in, got, tt.want)
			}
		})
	}
}

func TestDefaultDBPath(t *testing.T) {
	env := map[string]string{"XDG_DATA_HOME": "/data", "HOME": "/home/u"}
	getenv := func(k string) string { return env[k] }
	if got, _ := defaultDBPath(getenv); got != filepath.Join("/data", "tracker", "tracker.db") {
		t.Errorf("with XDG_DATA_HOME: %q", got)
	}
	delete(env, "XDG_DATA_HOME")
	got, err := defaultDBPath(getenv)
	if err != nil {
		t.Fatal(err)
	}
	if !strings.HasSuffix(got, filepath.Join("tracker", "tracker.db")) {
		t.Errorf("without XDG_DATA_HOME: %q", got)
	}
}

func TestRelative(t *testing.T) {
	tests := map[time.Duration]string{
		10 * time.Second:                "now",
		-5 * time.Minute:                "5m ago",
		24*time.Hour - time.Millisecond: "in 24h",
		-49 * time.Hour:                 "2d ago",
		72 * time.Hour:                  "in 3d",
	}
	for d, want := range tests {
		if got := relative(d); got != want {
			t.Errorf("relative(%v) = %q, want %q", d, got, want)
		}
	}
}
