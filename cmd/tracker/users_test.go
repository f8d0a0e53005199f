package main

import (
	"context"
	"strings"
	"testing"
	"time"

	"tracker/internal/accounts"
	"tracker/internal/storage"
)

// canSignIn reports whether the account signs in with the password on the
// test's database.
func (c *cli) canSignIn(email, password string) bool {
	c.t.Helper()
	ctx := context.Background()
	db, err := storage.Open(ctx, c.db)
	if err != nil {
		c.t.Fatal(err)
	}
	defer db.Close()
	_, _, err = accounts.NewService(db, time.Now, accounts.Options{}).Login(ctx, email, password, "192.0.2.1")
	return err == nil
}

func TestUserCommands(t *testing.T) {
	c := newEmptyCLI(t)
	long := testPassword + "\n"
	runSteps(t, c, []step{
		{name: "list none", args: []string{"user", "list"}, want: []string{"No accounts yet."}},
		{name: "data command without an account", args: []string{"list"}, code: 1,
			want: []string{"tracker: there is no account yet: create one with 'tracker user add --email you@example.com --password-stdin', or open the setup link 'tracker serve' prints"}},
		{name: "password too short", args: []string{"user", "add", "--email", "ann@example.com", "--password-stdin"}, stdin: "short\n", code: 1,
			want: []string{"tracker: the password must be at least 12 characters long"}},
		{name: "bad e-mail", args: []string{"user", "add", "--email", "Ann <ann@example.com>", "--password-stdin"}, stdin: long, code: 1,
			want: []string{"tracker: --email must be a plain e-mail address"}},
		{name: "add", args: []string{"user", "add", "--email", " Ann@Example.com", "--password-stdin"}, stdin: long,
			want: []string{"Added account 1: ann@example.com"}},
		{name: "duplicate", args: []string{"user", "add", "--email", "ann@example.com", "--password-stdin"}, stdin: long, code: 1,
			want: []string{"tracker: an account with this e-mail already exists"}},
		{name: "add another", args: []string{"user", "add", "--email", "bob@example.com", "--password-stdin"}, stdin: "  spaces count, and only the line end goes  \r\nsecond line\n",
			want: []string{"Added account 2: bob@example.com"}},
		{name: "list", args: []string{"user", "list"}, want: []string{"ID  E-MAIL           CREATED", "1   ann@example.com", "2   bob@example.com"}},
		{name: "passwd too short", args: []string{"user", "passwd", "--email", "ann@example.com", "--password-stdin"}, stdin: "short", code: 1,
			want: []string{"password must be at least 12 characters long"}},
		{name: "passwd unknown", args: []string{"user", "passwd", "--email", "eve@example.com", "--password-stdin"}, stdin: long, code: 1,
			want: []string{"tracker: no account with this e-mail"}},
		{name: "passwd", args: []string{"user", "passwd", "--email", "ann@example.com", "--password-stdin"}, stdin: "a brand new password",
			want: []string{"Set the password of ann@example.com.", "signed out", "API tokens still work"}},
	})
	if !c.canSignIn("ann@example.com", "a brand new password") || c.canSignIn("ann@example.com", testPassword) {
		t.Error("user passwd did not replace the password")
	}
	if !c.canSignIn("bob@example.com", "  spaces count, and only the line end goes  ") {
		t.Error("the password read from standard input is not the first line less its line end")
	}
}

// TestAccountsOwnTheirApplications runs data commands on a database with
// two accounts: --user or TRACKER_USER picks the account, and neither sees
// the other's applications.
func TestAccountsOwnTheirApplications(t *testing.T) {
	c := newCLI(t)
	check(t, c.do("add", "--company", "Acme", "--role", "Dev"), 0, "Added application 1")
	c.addUser("you@example.com")
	runSteps(t, c, []step{
		{name: "several accounts", args: []string{"list"}, code: 1,
			want: []string{"tracker: this database has 2 accounts; say which one with --user EMAIL (or TRACKER_USER=EMAIL): me@example.com, you@example.com"}},
		{name: "add as you", args: []string{"add", "--company", "Globex", "--role", "SRE", "--user", "you@example.com"},
			want: []string{"Added application 2: Globex"}},
		{name: "list as me", args: []string{"list", "--user", "ME@example.com"}, want: []string{"Acme"}, notWant: []string{"Globex"}},
		{name: "list as you", args: []string{"list", "--user", "you@example.com"}, want: []string{"Globex"}, notWant: []string{"Acme"}},
		{name: "show another's", args: []string{"show", "1", "--user", "you@example.com"}, code: 1,
			want: []string{"tracker: no application with id 1"}},
		{name: "move another's", args: []string{"move", "2", "rejected", "--user", "me@example.com"}, code: 1,
			want: []string{"tracker: no application with id 2"}},
		{name: "unknown account", args: []string{"list", "--user", "eve@example.com"}, code: 1,
			want: []string{"tracker: no account with the e-mail eve@example.com"}},
	})
	c.env["TRACKER_USER"] = "you@example.com"
	runSteps(t, c, []step{
		{name: "TRACKER_USER", args: []string{"list"}, want: []string{"Globex"}, notWant: []string{"Acme"}},
		{name: "--user wins over TRACKER_USER", args: []string{"list", "--user", "me@example.com"}, want: []string{"Acme"}, notWant: []string{"Globex"}},
		{name: "profile is per account", args: []string{"profile", "--name", "You"}, want: []string{"Name     You"}},
		{name: "profile of me", args: []string{"profile", "--user", "me@example.com"}, want: []string{"Name     (not set)"}},
	})
}

func TestTokenCommands(t *testing.T) {
	c := newCLI(t)
	check(t, c.do("token", "list"), 0, "me@example.com has no API tokens.")
	created := c.do("token", "create", "--name", "backup script")
	check(t, created, 0, `Created API token 1 "backup script" for me@example.com`, "cannot be shown again", "Authorization: Bearer")
	token := strings.TrimSpace(created.stdout)
	if !strings.HasPrefix(token, accounts.TokenPrefix) || strings.Contains(token, "\n") {
		t.Fatalf("standard output is not the token alone: %q", created.stdout)
	}
	if strings.Contains(created.stderr, token) {
		t.Error("the token is on standard error too")
	}
	r := c.do("token", "list")
	check(t, r, 0, "ID  NAME           PREFIX", "1   backup script  "+token[:8]+"…", "never      -")
	if strings.Contains(r.stdout, token) {
		t.Error("token list shows the whole token")
	}

	c.addUser("you@example.com")
	check(t, c.do("token", "list"), 1, "tracker: this database has 2 accounts; say which one with --email EMAIL")
	check(t, c.do("token", "revoke", "1", "--email", "you@example.com"), 1, "tracker: no API token with id 1")
	check(t, c.do("token", "create", "--name", "yours", "--email", "you@example.com"), 0, `Created API token 2 "yours" for you@example.com`)
	c.env["TRACKER_USER"] = "you@example.com"
	r = c.do("token", "list")
	check(t, r, 0, "yours")
	if strings.Contains(r.stdout, "backup script") {
		t.Errorf("TRACKER_USER's list shows another account's token:\n%s", r.stdout)
	}
	check(t, c.do("token", "revoke", "1", "--email", "me@example.com"), 0, "Revoked API token 1 of me@example.com")
	r = c.do("token", "list", "--email", "me@example.com")
	check(t, r, 0, "backup script")
	if strings.HasSuffix(strings.TrimSpace(r.stdout), "-") {
		t.Errorf("the revoked token shows no revocation time:\n%s", r.stdout)
	}
	check(t, c.do("token", "create", "--name", strings.Repeat("n", 101)), 1, "tracker: --name must be 1 to 100 characters long")
}
