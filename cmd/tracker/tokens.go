package main

import (
	"context"
	"flag"
	"fmt"
	"io"
	"strings"
	"text/tabwriter"
	"time"

	"tracker/internal/accounts"
)

// tokenCommands are the subcommands of tracker token.
func tokenCommands() []command {
	return []command{
		{"token create", "--name N [--email E] [flags]", "create an API token and print it, once", cmdTokenCreate},
		{"token list", "[--email E] [flags]", "list an account's API tokens", cmdTokenList},
		{"token revoke", "ID [--email E] [flags]", "revoke an API token", cmdTokenRevoke},
	}
}

// cmdToken is tracker token without a known subcommand.
func cmdToken(_ context.Context, a *app, args []string) error { return a.runGroup("token", args) }

// tokenCmd is what every token subcommand has: --db and --email.
type tokenCmd struct {
	fs      *flag.FlagSet
	cfg     Config
	account accountFlag
}

// newTokenCmd returns the flags of the token subcommand name.
func newTokenCmd(name string) *tokenCmd {
	tc := &tokenCmd{fs: newFlagSet(name)}
	tc.cfg.registerDB(tc.fs)
	tc.account.register(tc.fs)
	return tc
}

// withUser opens the database and runs fn with the accounts service and
// the account --email names.
func (tc *tokenCmd) withUser(ctx context.Context, a *app, fn func(*accounts.Service, *accounts.User) error) error {
	return a.withAccounts(ctx, &tc.cfg, func(acc *accounts.Service) error {
		u, err := tc.account.user(ctx, a, acc)
		if err != nil {
			return err
		}
		return fn(acc, u)
	})
}

// cmdTokenCreate creates an API token. The token alone goes to standard
// output, so that a script can capture it; the notes go to standard error.
func cmdTokenCreate(ctx context.Context, a *app, args []string) error {
	tc := newTokenCmd("token create")
	name := tc.fs.String("name", "", "a `name` that says where the token is used, such as \"backup script\" (required)")
	if err := a.parseFlagsOnly(tc.fs, &tc.cfg, args); err != nil {
		return err
	}
	if strings.TrimSpace(*name) == "" {
		return usageErrorf("--name is required: say where the token will be used, such as --name \"backup script\"")
	}
	return tc.withUser(ctx, a, func(acc *accounts.Service, u *accounts.User) error {
		token, t, err := acc.CreateToken(ctx, u.ID, *name)
		if err != nil {
			return err
		}
		a.note(fmt.Sprintf("Created API token %d %q for %s. Copy it now: it cannot be shown again.", t.ID, t.Name, u.Email))
		a.note("Send it with each API request:\n  Authorization: Bearer <the token>")
		a.printf("%s\n", token)
		return nil
	})
}

// cmdTokenList lists an account's API tokens, newest first.
func cmdTokenList(ctx context.Context, a *app, args []string) error {
	tc := newTokenCmd("token list")
	if err := a.parseFlagsOnly(tc.fs, &tc.cfg, args); err != nil {
		return err
	}
	return tc.withUser(ctx, a, func(acc *accounts.Service, u *accounts.User) error {
		tokens, err := acc.ListTokens(ctx, u.ID)
		if err != nil {
			return err
		}
		if len(tokens) == 0 {
			a.printf("%s has no API tokens.\n", u.Email)
			return nil
		}
		return printTokens(a.stdout, tokens)
	})
}

// printTokens prints API tokens as a table.
func printTokens(w io.Writer, tokens []accounts.Token) error {
	tw := tabwriter.NewWriter(w, 0, 0, 2, ' ', 0)
	fmt.Fprintln(tw, "ID\tNAME\tPREFIX\tCREATED\tLAST USED\tREVOKED")
	for _, t := range tokens {
		fmt.Fprintf(tw, "%d\t%s\t%s…\t%s\t%s\t%s\n", t.ID, cell(t.Name), t.Prefix,
			t.CreatedAt.Local().Format(timeLayout), optionalTime(t.LastUsedAt, "never"), optionalTime(t.RevokedAt, "-"))
	}
	return tw.Flush()
}

// optionalTime shows t, or none when it is unset.
func optionalTime(t *time.Time, none string) string {
	if t == nil {
		return none
	}
	return t.Local().Format(timeLayout)
}

// cmdTokenRevoke revokes an API token: requests with it fail from then on.
func cmdTokenRevoke(ctx context.Context, a *app, args []string) error {
	tc := newTokenCmd("token revoke")
	id, err := a.parseWithID(tc.fs, &tc.cfg, args)
	if err != nil {
		return err
	}
	return tc.withUser(ctx, a, func(acc *accounts.Service, u *accounts.User) error {
		if err := acc.RevokeToken(ctx, u.ID, id); err != nil {
			return err
		}
		a.printf("Revoked API token %d of %s; requests that send it are refused from now on.\n", id, u.Email)
		return nil
	})
}
