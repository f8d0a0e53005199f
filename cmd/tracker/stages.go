package main

import (
	"context"
	"fmt"
	"strings"
	"text/tabwriter"

	"tracker/internal/applications"
	"tracker/internal/workflow"
)

// cmdInvite logs a new round of interview invitation.
func cmdInvite(ctx context.Context, a *app, args []string) error {
	var cfg Config
	var inv inviteFlags
	fs := newFlagSet("invite")
	cfg.registerData(fs)
	inv.register(fs, a, true)
	id, err := a.parseWithID(fs, &cfg, args)
	if err != nil {
		return err
	}
	return a.withService(ctx, &cfg, id, func(ctx context.Context, svc *applications.Service) error {
		d, err := svc.AddInvitation(ctx, id, inv.input(a.now()))
		if err != nil {
			return err
		}
		printSummary(a.stdout, "Invited", &d.Application)
		if n := len(d.Invitations); n > 0 {
			printInvitations(a.stdout, d.Invitations[n-1:], a.clock())
		}
		return nil
	})
}

// cmdMove makes a plain move of the stage machine. A refused move prints
// the states the application may move to.
func cmdMove(ctx context.Context, a *app, args []string) error {
	var cfg Config
	fs := newFlagSet("move")
	cfg.registerData(fs)
	note := fs.String("note", "", "a note for the history")
	at := atVar(fs, "it happened", a)
	offered := offerDateVar(fs, ", with a move to offered")
	pos, err := a.parse(fs, &cfg, args)
	if err != nil {
		return err
	}
	if err := wantArgs(pos, "ID", "STATE"); err != nil {
		return err
	}
	id, err := parseID(pos[0])
	if err != nil {
		return err
	}
	to := workflow.State(pos[1])
	if err := checkState(pos[1], "STATE"); err != nil {
		return err
	}
	return a.withService(ctx, &cfg, id, func(ctx context.Context, svc *applications.Service) error {
		d, err := svc.Move(ctx, id, applications.MoveInput{To: to, Note: *note, At: at.t, OfferMadeOn: offered.d})
		if err != nil {
			return err
		}
		printSummary(a.stdout, "Moved", &d.Application)
		a.printf("Next: %s\n", allowedText(d.AllowedTransitions))
		return nil
	})
}

// cmdWorkflow prints the stage machine, as text or as a Mermaid diagram.
func cmdWorkflow(_ context.Context, a *app, args []string) error {
	fs := newFlagSet("workflow")
	mermaid := fs.Bool("mermaid", false, "print a Mermaid state diagram instead")
	pos, err := a.parse(fs, nil, args)
	if err != nil {
		return err
	}
	if err := wantArgs(pos); err != nil {
		return err
	}
	if *mermaid {
		a.printf("%s", workflow.Mermaid())
		return nil
	}
	a.printf("States: %s\n\nMoves:\n", statesText())
	tw := tabwriter.NewWriter(a.stdout, 0, 0, 2, ' ', 0)
	for _, t := range workflow.Transitions() {
		how := "tracker move"
		switch t.Action {
		case workflow.ActionDecline:
			how = "tracker decline"
		case workflow.ActionFollowUp:
			how = "tracker follow-up"
		case workflow.ActionWithdraw:
			how = "tracker withdraw"
		}
		fmt.Fprintf(tw, "  %s\t-> %s\t%s\n", t.From, t.To, how)
	}
	return tw.Flush()
}

// statesText lists every state, in board order.
func statesText() string {
	var names []string
	for _, s := range workflow.States() {
		names = append(names, string(s))
	}
	return strings.Join(names, ", ")
}
