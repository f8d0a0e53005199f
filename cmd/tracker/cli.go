package main

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"strings"
	"time"
)

// app is one invocation of the command line: its streams, its environment
// and its clock.
type app struct {
	stdin  io.Reader
	stdout io.Writer
	stderr io.Writer
	getenv func(string) string
	now    func() time.Time
	// loc is the account's time zone (tracker settings) once a data
	// command has read it, else nil: the machine's. Times are shown in
	// it, and times typed without an offset are read in it.
	loc *time.Location
	// wallTimes are the time flags typed without an offset, to be placed
	// in loc once it is known.
	wallTimes []*timeFlag
}

// zone is the time zone times are shown and read in.
func (a *app) zone() *time.Location {
	if a.loc == nil {
		return time.Local
	}
	return a.loc
}

// clock is now in the user's time zone, for the output.
func (a *app) clock() time.Time { return a.now().In(a.zone()) }

// setZone makes loc the time zone of the output and places the times
// typed without an offset in it, keeping their wall clock: "10:00" means
// 10:00 where the user lives, whatever the machine's zone.
func (a *app) setZone(loc *time.Location) {
	a.loc = loc
	for _, f := range a.wallTimes {
		if f.t != nil {
			t := *f.t
			*f.t = time.Date(t.Year(), t.Month(), t.Day(), t.Hour(), t.Minute(), t.Second(), t.Nanosecond(), loc)
		}
	}
}

// command is one subcommand.
type command struct {
	name    string
	args    string // the synopsis after the name
	summary string
	run     func(ctx context.Context, a *app, args []string) error
}

// commands lists the subcommands in the order the help shows them.
func commands() []command {
	return []command{
		{"serve", "[flags]", "run the web server and the JSON API", cmdServe},
		{"add", "--company C --role R [flags]", "add an application, optionally with its first invitation", cmdAdd},
		{"list", "[flags]", "list applications, newest first", cmdList},
		{"show", "ID [flags]", "show an application with its invitations, history, letters and warnings", cmdShow},
		{"edit", "ID [flags]", "change the fields of an application", cmdEdit},
		{"invite", "ID [--received T] [flags]", "log a new round of interview invitation", cmdInvite},
		{"export", "[--format json|csv] [--out FILE]", "write every application as a JSON backup or a CSV sheet", cmdExport},
		{"import", "FILE [--format json|csv]", "add applications from a JSON backup or a CSV export (ours or another tracker's)", cmdImport},
		{"import-invite", "FILE [--create] [flags]", "read an invitation from a calendar invite (.ics) or an e-mail (.eml)", cmdImportInvite},
		{"edit-invite", "ID [--invitation N] [flags]", "edit or reschedule a logged invitation (default the latest)", cmdEditInvite},
		{"move", "ID STATE [--note N] [--at T] [--offer-made-on DATE]", "move an application to another state", cmdMove},
		{"withdraw", "ID [--reason R [flags]] [--note N] [--at T]", "record that you withdrew an application before any invitation; with --reason, write its letter", cmdWithdraw},
		{"decline", "ID --reason R [flags]", "write a decline letter; with --send, record it", cmdDecline},
		{"follow-up", "ID [flags]", "write the follow-up after a decline; with --send, record it", cmdFollowUp},
		{"profile", "[--name N] [--email E] [flags]", "show or change the sender profile that signs your letters", cmdProfile},
		{"settings", "[flags]", "show or change your settings: response window, follow-up delay, time zone", cmdSettings},
		{"reminders", "[--email E] [--webhook-url U] [flags]", "show or change where reminders reach you, and how they went", cmdReminders},
		{"warnings", "[flags]", "list answers and follow-ups that are due or late; exit 1 if any is late", cmdWarnings},
		{"workflow", "[--mermaid]", "print the states and the moves between them", cmdWorkflow},
		{"delete", "ID [flags]", "delete an application and everything that hangs off it", cmdDelete},
		{"user", "<add|passwd|list> [flags]", "manage the accounts", cmdUser},
		{"token", "<create|list|revoke> [flags]", "manage an account's API tokens", cmdToken},
		{"backup", "FILE [--db D]", "copy the SQLite database to a new FILE, safe while the server writes", cmdBackup},
		{"restore", "FILE [--db D]", "replace the SQLite database's content with the backup FILE (stop the servers first)", cmdRestore},
	}
}

// subcommands returns the subcommands of a command group such as user, or
// nil for a plain command. Their names include the group's: "user add".
func subcommands(group string) []command {
	switch group {
	case "user":
		return userCommands()
	case "token":
		return tokenCommands()
	}
	return nil
}

// run is the whole program; main only supplies the process's streams.
// It returns the exit status: 0 on success, 1 when the command failed, 2 on
// a usage error.
func run(ctx context.Context, args []string, stdin io.Reader, stdout, stderr io.Writer, getenv func(string) string) int {
	a := &app{stdin: stdin, stdout: stdout, stderr: stderr, getenv: getenv, now: time.Now}
	if len(args) == 0 {
		printUsage(stderr)
		return 2
	}
	switch args[0] {
	case "help", "-h", "-help", "--help":
		return a.help(ctx, args[1:])
	}
	cmd, rest, ok := find(args)
	if !ok {
		fmt.Fprintf(stderr, "tracker: unknown command %q\n\n", args[0])
		printUsage(stderr)
		return 2
	}
	return a.report(cmd.name, cmd.run(ctx, a, rest))
}

// help prints the overview, or with a command name that command's help.
func (a *app) help(ctx context.Context, args []string) int {
	if len(args) == 0 {
		printUsage(a.stdout)
		return 0
	}
	cmd, rest, ok := find(args)
	if !ok || len(rest) > 0 {
		fmt.Fprintf(a.stderr, "tracker help: unknown command %q\n\n", strings.Join(args, " "))
		printUsage(a.stderr)
		return 2
	}
	return a.report(cmd.name, cmd.run(ctx, a, []string{"--help"}))
}

// find returns the command args name, with a group's subcommand when args
// names one, and the arguments after the name.
func find(args []string) (command, []string, bool) {
	cmd, ok := lookup(args[0])
	if !ok {
		return command{}, nil, false
	}
	if len(args) > 1 {
		if sub, ok := lookup(cmd.name + " " + args[1]); ok {
			return sub, args[2:], true
		}
	}
	return cmd, args[1:], true
}

// lookup returns the command or subcommand ("user add") with the name.
func lookup(name string) (command, bool) {
	for _, c := range commands() {
		if c.name == name {
			return c, true
		}
		for _, sub := range subcommands(c.name) {
			if sub.name == name {
				return sub, true
			}
		}
	}
	return command{}, false
}

// runGroup is the command group itself, given no known subcommand: its
// help, or a usage error naming the subcommands.
func (a *app) runGroup(group string, args []string) error {
	var names []string
	for _, sub := range subcommands(group) {
		names = append(names, strings.TrimPrefix(sub.name, group+" "))
	}
	switch {
	case len(args) == 0:
		return usageErrorf("missing subcommand: %s", strings.Join(names, ", "))
	case args[0] == "-h" || args[0] == "-help" || args[0] == "--help" || args[0] == "help":
		printGroupUsage(a.stdout, group)
		return errHelpShown
	}
	return usageErrorf("unknown subcommand %q: the subcommands are %s", args[0], strings.Join(names, ", "))
}

// errHelpShown reports that the user asked for help and got it.
var errHelpShown = errors.New("help shown")

// usageError is a mistake in the command line: exit status 2.
type usageError struct{ msg string }

func (e *usageError) Error() string { return e.msg }

func usageErrorf(format string, args ...any) error {
	return &usageError{msg: fmt.Sprintf(format, args...)}
}

// newFlagSet returns the flag set of a subcommand. Its errors are reported
// by parse, not by the flag package, so its own output is discarded.
func newFlagSet(name string) *flag.FlagSet {
	fs := flag.NewFlagSet(name, flag.ContinueOnError)
	fs.SetOutput(io.Discard)
	fs.Usage = func() {}
	return fs
}

// parse parses args into fs, allowing flags before and after the
// positional arguments (which it returns), then applies the environment.
// With cfg, the data flags are checked and completed.
func (a *app) parse(fs *flag.FlagSet, cfg *Config, args []string) ([]string, error) {
	var pos []string
	for {
		if err := fs.Parse(args); err != nil {
			if errors.Is(err, flag.ErrHelp) {
				printCommandUsage(a.stdout, fs)
				return nil, errHelpShown
			}
			return nil, &usageError{msg: err.Error()}
		}
		rest := fs.Args()
		if len(rest) == 0 {
			break
		}
		if n := len(args) - len(rest); n > 0 && args[n-1] == "--" {
			pos = append(pos, rest...)
			break
		}
		pos, args = append(pos, rest[0]), rest[1:]
	}
	if err := applyEnv(fs, a.getenv); err != nil {
		return nil, err
	}
	if cfg != nil {
		if err := cfg.finish(fs, a.getenv); err != nil {
			return nil, err
		}
	}
	return pos, nil
}

// parseFlagsOnly parses the flags of a command that takes no arguments.
func (a *app) parseFlagsOnly(fs *flag.FlagSet, cfg *Config, args []string) error {
	pos, err := a.parse(fs, cfg, args)
	if err != nil {
		return err
	}
	return wantArgs(pos)
}

// wantArgs checks the number of positional arguments.
func wantArgs(pos []string, names ...string) error {
	switch {
	case len(pos) < len(names):
		return usageErrorf("missing %s", names[len(pos)])
	case len(pos) > len(names):
		return usageErrorf("unexpected argument %q", pos[len(names)])
	}
	return nil
}

// parseWithID parses the flags of a command whose one argument is an id.
func (a *app) parseWithID(fs *flag.FlagSet, cfg *Config, args []string) (int64, error) {
	pos, err := a.parse(fs, cfg, args)
	if err != nil {
		return 0, err
	}
	if err := wantArgs(pos, "ID"); err != nil {
		return 0, err
	}
	return parseID(pos[0])
}

// printf writes to standard output.
func (a *app) printf(format string, args ...any) { fmt.Fprintf(a.stdout, format, args...) }

// note writes a remark for the user to standard error, off the output a
// script would read.
func (a *app) note(msg string) { fmt.Fprintln(a.stderr, msg) }
