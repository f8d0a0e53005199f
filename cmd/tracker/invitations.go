package main

import (
	"context"
	"flag"
	"strconv"

	"tracker/internal/applications"
)

// cmdEditInvite edits a logged invitation: its dates, format or message.
// A new --interview is a reschedule, which the history keeps.
func cmdEditInvite(ctx context.Context, a *app, args []string) error {
	var cfg Config
	var inv inviteFlags
	fs := newFlagSet("edit-invite")
	cfg.registerData(fs)
	inv.register(fs, a, false)
	fs.Lookup("received").Usage = "when the invitation arrived, a `time`"
	which := fs.Int64("invitation", 0, "the invitation's `id` (default the latest; tracker show ID lists them)")
	at := atVar(fs, "the change happened (it dates a reschedule in the history)", a)
	id, err := a.parseWithID(fs, &cfg, args)
	if err != nil {
		return err
	}
	patch, given := inv.patch(fs)
	if !given {
		return usageErrorf("nothing to change: give at least one of --received, --respond-by, --interview, --format, --message")
	}
	patch.At = at.t
	return a.withService(ctx, &cfg, id, func(ctx context.Context, svc *applications.Service) error {
		invID, err := latestInvitation(ctx, svc, id, *which)
		if err != nil {
			return err
		}
		d, err := svc.UpdateInvitation(ctx, id, invID, patch)
		if err != nil {
			return err
		}
		printSummary(a.stdout, "Updated invitation "+strconv.FormatInt(invID, 10)+" of", &d.Application)
		for i := range d.Invitations {
			if d.Invitations[i].ID == invID {
				printInvitations(a.stdout, d.Invitations[i:i+1], a.clock())
			}
		}
		return nil
	})
}

// latestInvitation returns which when it is set, else the id of the
// application's latest invitation.
func latestInvitation(ctx context.Context, svc *applications.Service, appID, which int64) (int64, error) {
	if which != 0 {
		return which, nil
	}
	d, err := svc.Get(ctx, appID)
	if err != nil {
		return 0, err
	}
	if len(d.Invitations) == 0 {
		return 0, usageErrorf("application %d has no invitation yet: log one with tracker invite %d", appID, appID)
	}
	return d.Invitations[len(d.Invitations)-1].ID, nil
}

// patch returns the edit made of the invitation flags given.
func (f *inviteFlags) patch(fs *flag.FlagSet) (applications.InvitationPatch, bool) {
	p := applications.InvitationPatch{ReceivedAt: f.received.t, RespondBy: f.respondBy.t, InterviewAt: f.interview.t}
	given := p.ReceivedAt != nil || p.RespondBy != nil || p.InterviewAt != nil
	fs.Visit(func(fl *flag.Flag) {
		switch fl.Name {
		case "format":
			p.Format, given = &f.format, true
		case "message":
			p.Message, given = &f.message, true
		}
	})
	return p, given
}

// cmdWithdraw records that the user withdrew an application on their own
// initiative, before any invitation. With --reason it writes the letter
// that says so, as decline does: a preview unless --send records it.
func cmdWithdraw(ctx context.Context, a *app, args []string) error {
	var cfg Config
	var df declineFlags
	fs := newFlagSet("withdraw")
	cfg.registerData(fs)
	df.register(fs, a)
	note := fs.String("note", "", "a note for the history, such as why")
	id, err := a.parseWithID(fs, &cfg, args)
	if err != nil {
		return err
	}
	if err := checkEMLPath(df.eml); err != nil {
		return err
	}
	in, err := df.input(fs, a.stdin)
	if err != nil {
		return err
	}
	w := applications.WithdrawInput{Note: *note, At: in.SentAt}
	if in.Reason == "" {
		return a.withService(ctx, &cfg, id, func(ctx context.Context, svc *applications.Service) error {
			d, err := svc.Withdraw(ctx, id, w)
			if err == nil {
				printSummary(a.stdout, "Withdrew", &d.Application)
			}
			return err
		})
	}
	w.Letter = &in
	return a.sendOrPreview(ctx, &cfg, id, df, letterSteps{
		preview: func(ctx context.Context, svc *applications.Service) (*applications.Preview, error) {
			return svc.PreviewWithdrawal(ctx, id, in)
		},
		send: func(ctx context.Context, svc *applications.Service) (*applications.Detail, error) {
			return svc.Withdraw(ctx, id, w)
		},
		kind: applications.LetterWithdrawal,
	})
}
