package main

import (
	"fmt"
	"io"
	"strings"
	"text/tabwriter"
	"time"

	"tracker/internal/applications"
	"tracker/internal/decline"
)

// timeLayout is how the command line shows times, in the user's time zone.
const timeLayout = "Mon 2006-01-02 15:04"

// when shows t in now's time zone (the user's) with how far it is from
// now.
func when(t time.Time, now time.Time) string {
	return t.In(now.Location()).Format(timeLayout) + " (" + relative(t.Sub(now)) + ")"
}

// relative says a duration the way people do: "in 5h", "2d ago".
func relative(d time.Duration) string {
	ago := d < 0
	if ago {
		d = -d
	}
	var s string
	switch {
	case d < 30*time.Second:
		return "now"
	case d < time.Hour:
		s = fmt.Sprintf("%dm", int(d.Round(time.Minute).Minutes()))
	case d < 48*time.Hour:
		s = fmt.Sprintf("%dh", int(d.Round(time.Hour).Hours()))
	default:
		s = fmt.Sprintf("%dd", int(d.Round(24*time.Hour).Hours()/24))
	}
	if ago {
		return s + " ago"
	}
	return "in " + s
}

// cell makes a value safe for one tabwriter cell.
func cell(s string) string {
	return strings.NewReplacer("\t", " ", "\n", " ", "\r", " ").Replace(s)
}

// printSummary prints one line naming an application.
func printSummary(w io.Writer, verb string, a *applications.Application) {
	fmt.Fprintf(w, "%s application %d: %s, %s (%s)\n", verb, a.ID, a.Company, a.Role, a.Status)
}

// printCreated prints what add stored.
func printCreated(w io.Writer, d *applications.Detail, now time.Time) {
	printSummary(w, "Added", &d.Application)
	printInvitations(w, d.Invitations, now)
	printWarningLines(w, d.Warnings, now)
}

// printList prints applications as a table.
func printList(w io.Writer, items []applications.Summary, loc *time.Location) {
	tw := tabwriter.NewWriter(w, 0, 0, 2, ' ', 0)
	fmt.Fprintln(tw, "ID\tSTATUS\tCOMPANY\tROLE\tUPDATED")
	for _, a := range items {
		fmt.Fprintf(tw, "%d\t%s\t%s\t%s\t%s\n", a.ID, a.Status, cell(a.Company), cell(a.Role), a.UpdatedAt.In(loc).Format(timeLayout))
	}
	tw.Flush()
}

// printDetail prints an application with everything that hangs off it.
func printDetail(w io.Writer, d *applications.Detail, now time.Time) {
	fmt.Fprintf(w, "Application %d: %s, %s\n", d.ID, d.Company, d.Role)
	tw := tabwriter.NewWriter(w, 0, 0, 2, ' ', 0)
	row := func(label, value string) {
		if value != "" {
			fmt.Fprintf(tw, "  %s\t%s\n", label, cell(value))
		}
	}
	row("Status", string(d.Status))
	row("Offer made on", d.OfferMadeOn.String())
	row("Location", d.Location)
	row("URL", d.JobURL)
	row("Source", d.Source)
	row("Contact", strings.TrimSpace(d.ContactName+" "+angle(d.ContactEmail)))
	row("Greeting", greetingText(d.Fields))
	row("Created", d.CreatedAt.In(now.Location()).Format(timeLayout))
	row("Updated", d.UpdatedAt.In(now.Location()).Format(timeLayout))
	row("Next", allowedText(d.AllowedTransitions))
	if d.FollowUpDueAt != nil {
		row("Follow-up due", when(*d.FollowUpDueAt, now))
	}
	tw.Flush()
	if d.Notes != "" {
		fmt.Fprintf(w, "\nNotes:\n%s\n", indent(d.Notes))
	}
	printInvitations(w, d.Invitations, now)
	printHistory(w, d.History, now.Location())
	printLetters(w, d.Letters, now.Location())
	printWarningLines(w, d.Warnings, now)
}

func angle(email string) string {
	if email == "" {
		return ""
	}
	return "<" + email + ">"
}

func indent(s string) string {
	return "  " + strings.ReplaceAll(strings.TrimRight(s, "\n"), "\n", "\n  ")
}

// printInvitations prints invitations with their deadlines.
func printInvitations(w io.Writer, invs []applications.Invitation, now time.Time) {
	if len(invs) == 0 {
		return
	}
	fmt.Fprintln(w, "\nInvitations:")
	for _, inv := range invs {
		fmt.Fprintf(w, "  Round %d (%s, %s; invitation %d): received %s\n", inv.Round, inv.Format, inv.Response, inv.ID, when(inv.ReceivedAt, now))
		if inv.Response == applications.ResponsePending {
			fmt.Fprintf(w, "    answer due %s\n", when(inv.DeadlineAt, now))
		}
		if inv.InterviewAt != nil {
			fmt.Fprintf(w, "    interview %s\n", when(*inv.InterviewAt, now))
		}
		if inv.Message != "" {
			fmt.Fprintln(w, indent(indent(inv.Message)))
		}
	}
}

// printHistory prints the moves of an application.
func printHistory(w io.Writer, h []applications.HistoryEntry, loc *time.Location) {
	if len(h) == 0 {
		return
	}
	fmt.Fprintln(w, "\nHistory:")
	tw := tabwriter.NewWriter(w, 0, 0, 2, ' ', 0)
	for _, e := range h {
		move := string(e.To)
		if e.From != "" {
			move = string(e.From) + " -> " + move
		}
		fmt.Fprintf(tw, "  %s\t%s\t%s\n", e.At.In(loc).Format(timeLayout), move, cell(e.Note))
	}
	tw.Flush()
}

// printLetters lists the letters sent, without their bodies.
func printLetters(w io.Writer, ls []applications.Letter, loc *time.Location) {
	if len(ls) == 0 {
		return
	}
	fmt.Fprintln(w, "\nLetters:")
	for _, l := range ls {
		fmt.Fprintf(w, "  %s %s via %s", l.SentAt.In(loc).Format(timeLayout), l.Kind, l.Channel)
		if l.Subject != "" {
			fmt.Fprintf(w, ": %q", l.Subject)
		}
		if c := l.Choices(); c != "" {
			fmt.Fprintf(w, " (%s)", c)
		}
		fmt.Fprintln(w)
	}
}

// printWarningLines prints an application's warnings, one a line.
func printWarningLines(w io.Writer, ws []applications.Warning, now time.Time) {
	if len(ws) == 0 {
		return
	}
	fmt.Fprintln(w, "\nWarnings:")
	for _, x := range ws {
		fmt.Fprintf(w, "  %s: %s, due %s\n", strings.ToUpper(string(x.Severity)), warningWhat(x, now.Location()), when(x.DueAt, now))
	}
}

// printLetter prints a letter; phone and message letters have no subject.
func printLetter(w io.Writer, subject, body string) {
	if subject != "" {
		fmt.Fprintf(w, "Subject: %s\n\n", subject)
	}
	fmt.Fprintln(w, strings.TrimRight(body, "\n"))
}

// printChecks prints the etiquette checks: ✓ for a pass, ✗ with the hint
// for a failure.
func printChecks(w io.Writer, checks []decline.Check) {
	for _, c := range checks {
		if c.OK {
			fmt.Fprintf(w, "  ✓ %s\n", c.Rule)
			continue
		}
		fmt.Fprintf(w, "  ✗ %s (%s): %s\n", c.Rule, c.Severity, c.Hint)
	}
}

// greetingText says how letters address the contact when the user set any
// of it: "Dr. Lima (person, title Dr.)"; empty when all is derived.
func greetingText(f applications.Fields) string {
	if f.ContactKind == "" && f.ContactTitle == "" && f.GreetingName == "" {
		return ""
	}
	var parts []string
	for _, p := range [][2]string{{"", f.ContactKind}, {"title ", f.ContactTitle}} {
		if p[1] != "" {
			parts = append(parts, p[0]+p[1])
		}
	}
	s := f.GreetingName
	if len(parts) > 0 {
		s = strings.TrimSpace(s + " (" + strings.Join(parts, ", ") + ")")
	}
	return s
}
