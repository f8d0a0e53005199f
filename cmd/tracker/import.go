package main

import (
	"context"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"
	"time"

	"tracker/internal/api"
	"tracker/internal/applications"
	"tracker/internal/invite"
)

// maxInviteFile is the largest invitation file read, as over HTTP.
const maxInviteFile = 1 << 20

// cmdImportInvite reads a calendar invite (.ics) or an e-mail (.eml) and
// prints the draft it makes; with --create it logs it as a new invited
// application. FILE "-" reads standard input.
func cmdImportInvite(ctx context.Context, a *app, args []string) error {
	var cfg Config
	fs := newFlagSet("import-invite")
	cfg.registerData(fs)
	company := fs.String("company", "", "the company's `name`, instead of the one guessed")
	role := fs.String("role", "", "the `role`, instead of the one guessed")
	create := fs.Bool("create", false, "log the invitation as a new application instead of printing the draft")
	asJSON := fs.Bool("json", false, "print JSON instead of text")
	pos, err := a.parse(fs, &cfg, args)
	if err != nil {
		return err
	}
	if err := wantArgs(pos, "FILE"); err != nil {
		return err
	}
	d, err := a.readInvite(pos[0])
	if err != nil {
		return err
	}
	if *company != "" {
		d.Company = *company
	}
	if *role != "" {
		d.Role = *role
	}
	if !*create {
		if *asJSON {
			return writeJSON(a.stdout, api.InviteDraftOf(d))
		}
		printDraft(a.stdout, d)
		return nil
	}
	return a.withService(ctx, &cfg, 0, func(ctx context.Context, svc *applications.Service) error {
		det, err := svc.ImportInvitation(ctx, d)
		if err != nil {
			return err
		}
		if *asJSON {
			return writeJSON(a.stdout, api.NewDetail(det))
		}
		printCreated(a.stdout, det, a.clock())
		return nil
	})
}

// readInvite reads and parses the file, "-" for standard input.
func (a *app) readInvite(name string) (*invite.Draft, error) {
	var r io.Reader = a.stdin
	if name != "-" {
		f, err := os.Open(name)
		if err != nil {
			return nil, fmt.Errorf("read the invitation: %w", err)
		}
		defer f.Close()
		r = f
	}
	data, err := io.ReadAll(io.LimitReader(r, maxInviteFile+1))
	if err != nil {
		return nil, fmt.Errorf("read the invitation: %w", err)
	}
	if len(data) > maxInviteFile {
		return nil, fmt.Errorf("the invitation file is larger than 1 MiB")
	}
	return invite.Parse(filepath.Base(name), data)
}

// printDraft prints the draft for the user to check before --create.
func printDraft(w io.Writer, d *invite.Draft) {
	at := "(none: enter it by hand)"
	if d.InterviewAt != nil {
		at = d.InterviewAt.UTC().Format(time.RFC3339) + " (" + d.TimeZone + ")"
		if d.AllDay {
			at = d.InterviewAt.Format("2006-01-02") + " (all day)"
		}
	}
	rows := [][2]string{{"Company", d.Company}, {"Role", d.Role}, {"Contact", strings.TrimSpace(d.ContactName + " " + angle(d.ContactEmail))},
		{"Summary", d.Summary}, {"Interview", at}, {"Format", d.Format}, {"Meeting link", d.MeetingURL}, {"Location", d.Location}}
	if d.ReceivedAt != nil {
		rows = append(rows, [2]string{"Received", d.ReceivedAt.UTC().Format(time.RFC3339)})
	}
	for _, r := range rows {
		if r[1] != "" {
			fmt.Fprintf(w, "%-13s %s\n", r[0]+":", r[1])
		}
	}
	for _, n := range d.Notes {
		fmt.Fprintf(w, "Note:         %s\n", n)
	}
	if d.Message != "" {
		fmt.Fprintf(w, "\n%s\n", indent(d.Message))
	}
}
