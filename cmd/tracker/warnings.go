package main

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"strings"
	"text/tabwriter"
	"time"

	"tracker/internal/api"
	"tracker/internal/applications"
	"tracker/internal/decline"
)

// errLate makes warnings exit 1: the list it printed says what is late.
var errLate = errors.New("an answer or a follow-up is overdue")

// warningsPageSize is how many warnings the command reads, and prints, at
// a time: it holds no more than a page however many the user has.
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
	kind := fs.String("kind", "", "only warnings of this `kind`: "+strings.Join(applications.WarningKinds(), ", ")+" (default all)")
	pos, err := a.parse(fs, &cfg, args)
	if err != nil {
		return err
	}
	if err := wantArgs(pos); err != nil {
		return err
	}
	show := func(ws []applications.Warning, first, last bool) error {
		printWarnings(a.stdout, ws, a.clock(), first)
		return nil
	}
	if *asJSON {
		show = func(ws []applications.Warning, first, last bool) error {
			return writeWarningsJSON(a.stdout, ws, first, last)
		}
	}
	late := false
	err = a.withService(ctx, &cfg, 0, func(ctx context.Context, svc *applications.Service) error {
		f := applications.WarningFilter{Limit: warningsPageSize, Kind: *kind}
		for first := true; ; first = false {
			p, err := svc.WarningsPage(ctx, f)
			if err != nil {
				return err
			}
			late = late || anyLate(p.Items)
			if err := show(p.Items, first, p.NextCursor == ""); err != nil {
				return err
			}
			if p.NextCursor == "" {
				return nil
			}
			f.Cursor = p.NextCursor
		}
	})
	if err != nil {
		return &exitError{code: 2, err: err}
	}
	if late {
		return errLate
	}
	return nil
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

// printWarnings prints a page of warnings as a table, the first with its
// header or, empty, saying there are none. Each page's columns line up.
func printWarnings(w io.Writer, ws []applications.Warning, now time.Time, first bool) {
	if first && len(ws) == 0 {
		fmt.Fprintln(w, "Nothing is due.")
		return
	}
	tw := tabwriter.NewWriter(w, 0, 0, 2, ' ', 0)
	if first {
		fmt.Fprintln(tw, "SEVERITY\tID\tCOMPANY\tROLE\tWHAT\tDUE")
	}
	for _, x := range ws {
		fmt.Fprintf(tw, "%s\t%d\t%s\t%s\t%s\t%s\n", x.Severity, x.ApplicationID, cell(x.Company), cell(x.Role),
			warningWhat(x, now.Location()), when(x.DueAt, now))
	}
	tw.Flush()
}

// writeWarningsJSON writes a page of warnings as part of one api.Warnings
// value, as GET /warnings returns a page of them (the last page's
// next_cursor, null), so that the whole list is never held at once.
func writeWarningsJSON(w io.Writer, ws []applications.Warning, first, last bool) error {
	var b []byte
	if first {
		b = append(b, "{\n  \"items\": ["...)
	}
	written := !first // the items of the pages before
	for _, x := range ws {
		item, err := json.MarshalIndent(api.NewWarning(x), "    ", "  ")
		if err != nil {
			return err
		}
		if written {
			b = append(b, ',')
		}
		b = append(append(b, "\n    "...), item...)
		written = true
	}
	if last {
		if written {
			b = append(b, "\n  "...)
		}
		b = append(b, "],\n  \"next_cursor\": null\n}\n"...)
	}
	_, err := w.Write(b)
	return err
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
