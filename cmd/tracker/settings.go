package main

import (
	"context"
	"flag"
	"fmt"
	"io"
	"strconv"
	"text/tabwriter"
	"time"

	"tracker/internal/api"
	"tracker/internal/applications"
)

// settingsFlags are the flags that change the stored settings.
type settingsFlags struct {
	responseWindow, followUpAfter durationValue
	noReplyDays                   int
	timeZone, tone, channel       string
}

func (f *settingsFlags) register(fs *flag.FlagSet) {
	fs.Var(&f.responseWindow, "response-window", "how long after it arrives an invitation without --respond-by must be answered, a `duration`")
	fs.Var(&f.followUpAfter, "follow-up-after", "how long after a decline the follow-up falls due, a `duration`")
	fs.IntVar(&f.noReplyDays, "no-reply-days", 0, "after how many `days` without movement an application is worth a nudge")
	fs.StringVar(&f.timeZone, "time-zone", "", "your IANA time `zone`, such as Europe/Berlin")
	fs.StringVar(&f.tone, "tone", "", "the default `tone` of letters: formal or warm")
	fs.StringVar(&f.channel, "channel", "", "the default `channel` of letters: email, phone or message")
}

// patch returns the update made of the flags given on the command line.
func (f *settingsFlags) patch(fs *flag.FlagSet) (applications.SettingsPatch, bool) {
	var p applications.SettingsPatch
	given := setGiven(fs, map[string]**string{"time-zone": &p.TimeZone, "tone": &p.DefaultTone, "channel": &p.DefaultChannel})
	fs.Visit(func(fl *flag.Flag) {
		switch fl.Name {
		case "response-window":
			p.ResponseWindow, given = (*time.Duration)(&f.responseWindow), true
		case "follow-up-after":
			p.FollowUpAfter, given = (*time.Duration)(&f.followUpAfter), true
		case "no-reply-days":
			p.NoReplyDays, given = &f.noReplyDays, true
		}
	})
	return p, given
}

// cmdSettings prints the settings stored for the account, or with flags
// changes them first. The server reads the same settings.
func cmdSettings(ctx context.Context, a *app, args []string) error {
	var cfg Config
	var sf settingsFlags
	fs := newFlagSet("settings")
	cfg.registerData(fs)
	sf.register(fs)
	asJSON := fs.Bool("json", false, "print JSON (as GET /api/v1/settings) instead of text")
	if err := a.parseFlagsOnly(fs, &cfg, args); err != nil {
		return err
	}
	patch, given := sf.patch(fs)
	return a.withService(ctx, &cfg, 0, func(ctx context.Context, svc *applications.Service) error {
		var st *applications.Settings
		var err error
		if given {
			st, err = svc.UpdateSettings(ctx, patch)
		} else {
			st, err = svc.Settings(ctx)
		}
		if err != nil {
			return err
		}
		if *asJSON {
			return writeJSON(a.stdout, api.NewSettings(st))
		}
		printSettings(a.stdout, st)
		return nil
	})
}

// printSettings prints the settings, one per line.
func printSettings(w io.Writer, st *applications.Settings) {
	fmt.Fprintln(w, "Settings:")
	tw := tabwriter.NewWriter(w, 0, 0, 2, ' ', 0)
	for _, row := range [][2]string{
		{"Response window", applications.FormatDuration(st.ResponseWindow)},
		{"Follow up after", applications.FormatDuration(st.FollowUpAfter)},
		{"No reply after", strconv.Itoa(st.NoReplyDays) + " days"},
		{"Time zone", st.TimeZone},
		{"Tone", st.DefaultTone},
		{"Channel", st.DefaultChannel},
	} {
		fmt.Fprintf(tw, "  %s\t%s\n", row[0], row[1])
	}
	if st.UpdatedAt.IsZero() {
		fmt.Fprintf(tw, "  Updated\tnever (these are the defaults)\n")
	} else {
		fmt.Fprintf(tw, "  Updated\t%s\n", st.UpdatedAt.In(st.Location()).Format(timeLayout))
	}
	tw.Flush()
}

// settingsNotes is the longer help of the settings command.
func settingsNotes() string {
	return `Without flags, settings prints them. They are stored with your account, so the
server (GET and PATCH /api/v1/settings) and every command compute the same
deadlines. Only the flags given change.
` + durationHelp
}
