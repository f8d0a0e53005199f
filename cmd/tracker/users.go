package main

import (
	"bufio"
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"strings"
	"text/tabwriter"

	"tracker/internal/accounts"
)

// userCommands are the subcommands of tracker user.
func userCommands() []command {
	return []command{
		{"user add", "--email E --password-stdin [flags]", "add an account, its password read from standard input", cmdUserAdd},
		{"user passwd", "--email E --password-stdin [flags]", "set an account's password from standard input and sign it out everywhere", cmdUserPasswd},
		{"user list", "[flags]", "list the accounts", cmdUserList},
	}
}

// cmdUser is tracker user without a known subcommand.
func cmdUser(_ context.Context, a *app, args []string) error { return a.runGroup("user", args) }

// passwordFlags are the flags of the subcommands that set a password. The
// password itself is never a flag: it would show in the shell history and
// in ps.
type passwordFlags struct {
	email string
	stdin bool
}

func (f *passwordFlags) register(fs *flag.FlagSet) {
	fs.StringVar(&f.email, "email", "", "the account's e-mail `address`")
	fs.BoolVar(&f.stdin, "password-stdin", false, "read the password from the first line of standard input (required)")
}

// withPassword parses the flags of the subcommand name, which sets a
// password, reads the password, and runs fn with the accounts service, the
// --email value and the password.
func (a *app) withPassword(ctx context.Context, name string, args []string, fn func(acc *accounts.Service, email, password string) error) error {
	var cfg Config
	var f passwordFlags
	fs := newFlagSet(name)
	cfg.registerDB(fs)
	f.register(fs)
	if err := a.parseFlagsOnly(fs, &cfg, args); err != nil {
		return err
	}
	switch {
	case strings.TrimSpace(f.email) == "":
		return usageErrorf("--email is required")
	case !f.stdin:
		return usageErrorf("--password-stdin is required: pipe the password in, for example\n  %s", pipeExample(name))
	}
	password, err := a.readPassword(name)
	if err != nil {
		return err
	}
	return a.withAccounts(ctx, &cfg, func(acc *accounts.Service) error { return fn(acc, f.email, password) })
}

// pipeExample shows how to give cmd a password without it reaching the
// shell history.
func pipeExample(cmd string) string {
	return fmt.Sprintf(`read -rs PASSWORD && printf '%%s\n' "$PASSWORD" | tracker %s --email you@example.com --password-stdin`, cmd)
}

// readPassword reads the first line of standard input, without its line
// end; the rest of the line is the password, spaces included. It refuses
// an empty line, which is what an unintended Enter at a terminal gives.
func (a *app) readPassword(cmd string) (string, error) {
	if isTerminal(a.stdin) {
		a.note("Type the password and press Enter (it shows as you type; piping it in is safer):")
	}
	line, err := bufio.NewReader(a.stdin).ReadString('\n')
	if err != nil && !errors.Is(err, io.EOF) {
		return "", fmt.Errorf("read the password from standard input: %w", err)
	}
	line = strings.TrimSuffix(strings.TrimSuffix(line, "\n"), "\r")
	if line == "" {
		return "", usageErrorf("standard input held no password: pipe it in, for example\n  %s", pipeExample(cmd))
	}
	return line, nil
}

// isTerminal reports whether r is an interactive terminal.
func isTerminal(r io.Reader) bool {
	f, ok := r.(*os.File)
	if !ok {
		return false
	}
	fi, err := f.Stat()
	return err == nil && fi.Mode()&os.ModeCharDevice != 0
}

// cmdUserAdd adds an account.
func cmdUserAdd(ctx context.Context, a *app, args []string) error {
	return a.withPassword(ctx, "user add", args, func(acc *accounts.Service, email, password string) error {
		u, err := acc.CreateUser(ctx, email, password)
		if err != nil {
			return err
		}
		a.printf("Added account %d: %s\n", u.ID, u.Email)
		return nil
	})
}

// cmdUserPasswd sets an account's password, which ends all its sessions.
func cmdUserPasswd(ctx context.Context, a *app, args []string) error {
	return a.withPassword(ctx, "user passwd", args, func(acc *accounts.Service, email, password string) error {
		if err := acc.SetPassword(ctx, email, password); err != nil {
			return err
		}
		a.printf("Set the password of %s. Every browser signed in to the account is now signed out;\n", strings.TrimSpace(email))
		a.printf("its API tokens still work (tracker token list).\n")
		return nil
	})
}

// cmdUserList lists the accounts, oldest first.
func cmdUserList(ctx context.Context, a *app, args []string) error {
	var cfg Config
	fs := newFlagSet("user list")
	cfg.registerDB(fs)
	if err := a.parseFlagsOnly(fs, &cfg, args); err != nil {
		return err
	}
	return a.withAccounts(ctx, &cfg, func(acc *accounts.Service) error {
		users, err := acc.ListUsers(ctx)
		if err != nil {
			return err
		}
		if len(users) == 0 {
			a.printf("No accounts yet.\n")
			return nil
		}
		tw := tabwriter.NewWriter(a.stdout, 0, 0, 2, ' ', 0)
		fmt.Fprintln(tw, "ID\tE-MAIL\tCREATED")
		for _, u := range users {
			fmt.Fprintf(tw, "%d\t%s\t%s\n", u.ID, cell(u.Email), u.CreatedAt.Local().Format(timeLayout))
		}
		return tw.Flush()
	})
}

// accountNotes is the longer help of the account commands.
func accountNotes(name string) string {
	switch name {
	case "user":
		return "Accounts made here sign in to the web page with their e-mail and password.\nPasswords are read from standard input only, never from a flag."
	case "user add", "user passwd":
		return "The password is the first line of standard input, at least 12 characters; only\nthe line end is removed. For example:\n  " + pipeExample(name)
	case "token":
		return "An API token lets a script call the API as the account:\n  curl -H \"Authorization: Bearer $TOKEN\" http://127.0.0.1:8080/api/v1/applications"
	case "token create":
		return "The token is printed once, alone on standard output; only its hash is kept."
	}
	return ""
}
