package main

import (
	"context"
	"flag"
	"fmt"
	"io"
	"text/tabwriter"

	"tracker/internal/applications"
)

// profileFlags are the flags that change the sender profile.
type profileFlags struct {
	name, email, phone, link, tone, channel string
}

func (f *profileFlags) register(fs *flag.FlagSet) {
	fs.StringVar(&f.name, "name", "", "the `name` that signs your letters")
	fs.StringVar(&f.email, "email", "", "your e-mail `address`, the From of .eml drafts")
	fs.StringVar(&f.phone, "phone", "", "your phone `number`, offered in letters")
	fs.StringVar(&f.link, "link", "", "a `URL` to offer in letters, such as your profile page")
	fs.StringVar(&f.tone, "tone", "", "the default `tone` of letters: formal or warm")
	fs.StringVar(&f.channel, "channel", "", "the default `channel` of letters: email, phone or message")
}

// patch returns the update made of the flags given on the command line;
// "" clears a field. Tone and channel are settings, stored apart from the
// profile.
func (f *profileFlags) patch(fs *flag.FlagSet) (applications.ProfilePatch, applications.SettingsPatch, bool) {
	var p applications.ProfilePatch
	var st applications.SettingsPatch
	given := setGiven(fs, map[string]**string{
		"name": &p.Name, "email": &p.Email, "phone": &p.Phone,
		"link": &p.Link, "tone": &st.DefaultTone, "channel": &st.DefaultChannel,
	})
	return p, st, given
}

// cmdProfile prints the sender profile, or with flags changes it first.
func cmdProfile(ctx context.Context, a *app, args []string) error {
	var cfg Config
	var pf profileFlags
	fs := newFlagSet("profile")
	cfg.registerData(fs)
	pf.register(fs)
	pos, err := a.parse(fs, &cfg, args)
	if err != nil {
		return err
	}
	if err := wantArgs(pos); err != nil {
		return err
	}
	patch, stPatch, given := pf.patch(fs)
	return a.withService(ctx, &cfg, 0, func(ctx context.Context, svc *applications.Service) error {
		if given {
			p, st, err := svc.UpdateSender(ctx, patch, stPatch)
			if err != nil {
				return err
			}
			printProfile(a.stdout, p, st)
			return nil
		}
		p, err := svc.Profile(ctx)
		if err != nil {
			return err
		}
		st, err := svc.Settings(ctx)
		if err != nil {
			return err
		}
		printProfile(a.stdout, p, st)
		return nil
	})
}

// printProfile prints the sender profile, saying which fields are unset.
func printProfile(w io.Writer, p *applications.Profile, st *applications.Settings) {
	fmt.Fprintln(w, "Sender profile:")
	tw := tabwriter.NewWriter(w, 0, 0, 2, ' ', 0)
	for _, row := range [][2]string{{"Name", p.Name}, {"E-mail", p.Email}, {"Phone", p.Phone}, {"Link", p.Link},
		{"Tone", st.DefaultTone}, {"Channel", st.DefaultChannel}} {
		if row[1] == "" {
			row[1] = "(not set)"
		}
		fmt.Fprintf(tw, "  %s\t%s\n", row[0], cell(row[1]))
	}
	if !p.UpdatedAt.IsZero() {
		fmt.Fprintf(tw, "  Updated\t%s\n", p.UpdatedAt.In(st.Location()).Format(timeLayout))
	}
	tw.Flush()
}

// profileNotes is the longer help of the profile command.
func profileNotes() string {
	return `Without flags, profile prints the profile. The name signs every letter that
gives no --sender; the e-mail is the From of .eml drafts; the phone and link are
offered in letters; tone and channel are the defaults of 'tracker decline'.
Only the flags given change; --phone "" clears the phone.`
}
