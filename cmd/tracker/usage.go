package main

import (
	"flag"
	"fmt"
	"io"
	"strings"
	"text/tabwriter"
)

// timeHelp and durationHelp explain the value formats, in every help text.
const (
	timeHelp = `Times: RFC 3339 (2025-03-01T14:00:00+01:00 or ...Z), "now",
YYYY-MM-DD (midnight) or YYYY-MM-DDTHH:MM; the last two in your time zone
(tracker settings --time-zone; UTC until you set it), as times are shown.`
	durationHelp = `Durations: Go durations such as 24h, 90m or 1h30m.`
)

// printUsage prints the overview of the command line.
func printUsage(w io.Writer) {
	fmt.Fprint(w, `tracker keeps track of job applications, interview invitations, and the
letters that decline them, and warns when an answer or a follow-up is due.

Usage:
  tracker <command> [arguments] [flags]

Commands:
`)
	tw := tabwriter.NewWriter(w, 0, 0, 2, ' ', 0)
	for _, c := range commands() {
		if subs := subcommands(c.name); subs != nil {
			for _, sub := range subs {
				fmt.Fprintf(tw, "  %s\t%s\n", sub.name, sub.summary)
			}
			continue
		}
		fmt.Fprintf(tw, "  %s\t%s\n", c.name, c.summary)
	}
	fmt.Fprintf(tw, "  help\t%s\n", "show this overview, or with a command name that command's flags")
	tw.Flush()
	fmt.Fprint(w, "\nRun 'tracker <command> --help' for the flags of a command.\n\n"+accountsHelp+"\n\n")
	fmt.Fprint(w, timeHelp+"\n"+durationHelp+"\n\nEnvironment (a flag wins over its variable):\n")
	printEnv(w)
}

// accountsHelp explains, in the overview, whom the data commands act for.
const accountsHelp = `Every application belongs to an account. The data commands act for the one
account there is, or for the account --user (or TRACKER_USER) names.`

// printGroupUsage prints the help of a command group such as user.
func printGroupUsage(w io.Writer, group string) {
	cmd, _ := lookup(group)
	fmt.Fprintf(w, "Usage: tracker %s %s\n\n%s.\n\nSubcommands:\n", cmd.name, cmd.args, capitalize(cmd.summary))
	tw := tabwriter.NewWriter(w, 0, 0, 2, ' ', 0)
	for _, sub := range subcommands(group) {
		fmt.Fprintf(tw, "  %s %s\t%s\n", sub.name, sub.args, sub.summary)
	}
	tw.Flush()
	if more := commandNotes(group); more != "" {
		fmt.Fprintf(w, "\n%s\n", more)
	}
	fmt.Fprintf(w, "\nRun 'tracker %s <subcommand> --help' for the flags of a subcommand.\n", group)
}

// printEnv lists the environment variables.
func printEnv(w io.Writer) {
	tw := tabwriter.NewWriter(w, 0, 0, 2, ' ', 0)
	for _, e := range envVars {
		fmt.Fprintf(tw, "  %s\t%s\n", e.name, e.help)
	}
	fmt.Fprintf(tw, "  %s\t%s\n", "XDG_DATA_HOME", "where the default database lives ($XDG_DATA_HOME/tracker/tracker.db)")
	tw.Flush()
}

// printCommandUsage prints the help of the subcommand fs belongs to.
func printCommandUsage(w io.Writer, fs *flag.FlagSet) {
	cmd, _ := lookup(fs.Name())
	fmt.Fprintf(w, "Usage: tracker %s %s\n\n%s.\n", cmd.name, cmd.args, capitalize(cmd.summary))
	if more := commandNotes(cmd.name); more != "" {
		fmt.Fprintf(w, "\n%s\n", more)
	}
	if hasFlags(fs, false) {
		fmt.Fprint(w, "\nFlags:\n")
		printFlags(w, fs, false)
	}
	if hasFlags(fs, true) {
		heading := "Database flags:"
		if fs.Lookup("user") != nil {
			heading = "Account and database flags:"
		}
		fmt.Fprint(w, "\n"+heading+"\n")
		printFlags(w, fs, true)
	}
	if fs.Lookup("user") != nil {
		fmt.Fprint(w, "\n"+timeHelp+"\n")
	}
}

// printFlags lists the flags of fs with their defaults, spelled with two
// dashes (the flag package accepts one or two): the data flags, or the
// command's own.
func printFlags(w io.Writer, fs *flag.FlagSet, data bool) {
	fs.VisitAll(func(f *flag.Flag) {
		if dataFlags[f.Name] != data {
			return
		}
		name, usage := flag.UnquoteUsage(f)
		line := "  --" + f.Name
		if name != "" {
			line += " " + name
		}
		fmt.Fprintln(w, line)
		usage = strings.ReplaceAll(usage, "\n", "\n        ")
		if f.DefValue != "" && f.DefValue != "false" && f.DefValue != "0" && f.DefValue != "0s" {
			usage += fmt.Sprintf(" (default %s)", f.DefValue)
		}
		fmt.Fprintf(w, "        %s\n", usage)
	})
}

// hasFlags reports whether fs has data flags, or flags of its own.
func hasFlags(fs *flag.FlagSet, data bool) bool {
	found := false
	fs.VisitAll(func(f *flag.Flag) { found = found || dataFlags[f.Name] == data })
	return found
}

// commandNotes is the longer explanation some subcommands need.
func commandNotes(name string) string {
	switch name {
	case "add":
		return "With --received, or any other invitation flag, the application starts as\ninvited with its first invitation (received now unless --received says when)."
	case "edit":
		return "Only the flags given change; --notes \"\" clears the notes."
	case "move":
		return "STATE is one of: " + statesText() + ".\nDeclined, followed_up and withdrawn are entered with 'tracker decline',\n'tracker follow-up' and 'tracker withdraw'."
	case "decline":
		return declineNotes()
	case "profile":
		return profileNotes()
	case "settings":
		return settingsNotes()
	case "edit-invite":
		return "Only the flags given change. A new --interview is a reschedule: the history\nkeeps the old time."
	case "warnings":
		return "Exit status: 1 when anything is overdue or critical, 0 when nothing is, 2 on an\nerror (a bad flag, a database it cannot read), so it can run from cron."
	case "list":
		return "Without --all only the first page is shown."
	}
	return accountNotes(name)
}

func capitalize(s string) string {
	if s == "" {
		return s
	}
	return strings.ToUpper(s[:1]) + s[1:]
}
