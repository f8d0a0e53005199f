package main

import (
	"context"
	"errors"
	"fmt"
	"io"
	"text/tabwriter"
	"time"

	"tracker/internal/api"
	"tracker/internal/applications"
	"tracker/internal/decline"
)

// errLate makes warnings exit 1: the list it printed says what is late.
var errLate = errors.New("an answer or a follow-up is overdue")

// warningsPageSize is how many warnings the command reads at a time.
const warningsPageSize = applications.MaxPageSize

// cmdWarnings lists the answers and follow-ups that are due or late, most
// urgent first. It exits 1 only when any is overdue or critical and 2 when
// it could not tell (a usage error, a database it cannot read), so that
// cron can mail the output and tell the two apart.
func cmdWarnings(ctx context.Context, a *app, args []string) error {
	var cfg Config
	fs := newFlagSet("warnings")
	cfg.registerData(fs)
	asJSON := fs.Bool("json", false, "print JSON instead of a table")
	pos, err := a.parse(fs, &cfg, args)
	if err != nil {
		return err
	}
	if err := wantArgs(pos); err != nil {
		return err
	}
	var ws []applications.Warning
	err = a.withService(ctx, &cfg, 0, func(ctx context.Context, svc *applications.Service) error {
		ws, err = allWarnings(ctx, svc)
		return err
	})
	if err != nil {
		return &exitError{code: 2, err: err}
	}
	if *asJSON {
		err = writeJSON(a.stdout, api.NewWarnings(&applications.WarningPage{Items: ws}))
	} else {
		printWarnings(a.stdout, ws, a.clock())
	}
	if err == nil && anyLate(ws) {
		return errLate
	}
	return err
}

// allWarnings reads every page of warnings.
func allWarnings(ctx context.Context, svc *applications.Service) ([]applications.Warning, error) {
	var out []applications.Warning
	f := applications.WarningFilter{Limit: warningsPageSize}
	for {
		p, err := svc.WarningsPage(ctx, f)
		if err != nil {
			return nil, err
		}
		out = append(out, p.Items...)
		if p.NextCursor == "" {
			return out, nil
		}
		f.Cursor = p.NextCursor
	}
}

// anyLate reports whether a warning is overdue or critical.
func anyLate(ws []applications.Warning) bool {
	for _, w := range ws {
		if w.Severity == decline.Overdue || w.Severity == decline.Critical {
			return true
		}
	}
	return false
}

// printWarnings prints warnings as a table, or says there are none.
func printWarnings(w io.Writer, ws []applications.Warning, now time.Time) {
	if len(ws) == 0 {
		fmt.Fprintln(w, "Nothing is due.")
		return
	}
	tw := tabwriter.NewWriter(w, 0, 0, 2, ' ', 0)
	fmt.Fprintln(tw, "SEVERITY\tID\tCOMPANY\tROLE\tWHAT\tDUE")
	for _, x := range ws {
		fmt.Fprintf(tw, "%s\t%d\t%s\t%s\t%s\t%s\n", x.Severity, x.ApplicationID, cell(x.Company), cell(x.Role),
			warningWhat(x, now.Location()), when(x.DueAt, now))
	}
	tw.Flush()
}

// warningWhat says in words what a warning is about.
func warningWhat(x applications.Warning, loc *time.Location) string {
	switch x.Kind {
	case applications.WarningFollowUp:
		return "follow up the decline"
	case applications.WarningInterviewPassed:
		return fmt.Sprintf("the interview has passed: record how it went (tracker move %d interviewed)", x.ApplicationID)
	case applications.WarningNoReply:
		return fmt.Sprintf("no reply: send a nudge, or tracker move %d ghosted", x.ApplicationID)
	}
	if x.InterviewAt != nil {
		return "answer the invitation (interview " + x.InterviewAt.In(loc).Format(timeLayout) + ")"
	}
	return "answer the invitation"
}
