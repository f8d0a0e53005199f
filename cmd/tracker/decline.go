package main

import (
	"context"
	"flag"
	"fmt"
	"io"
	"os"
	"strings"

	"tracker/internal/applications"
	"tracker/internal/decline"
)

// maxBodyFile bounds a letter body read from a file or standard input.
const maxBodyFile = 1 << 20

// declineFlags are the flags of the decline command.
type declineFlags struct {
	in       applications.DeclineInput
	sentAt   *timeFlag
	send     bool
	subject  string
	bodyFile string
	eml      string
}

func (f *declineFlags) register(fs *flag.FlagSet, a *app) {
	fs.StringVar(&f.in.Reason, "reason", "", "the `reason` you decline for: "+joinNames(decline.Reasons()))
	fs.StringVar(&f.in.ReasonDetail, "reason-detail", "", "the reason in your `words` (needed with --reason other)")
	fs.StringVar(&f.in.Channel, "channel", "", "the `channel` the letter goes by: "+joinNames(decline.Channels())+" (default: the profile's, else email)")
	fs.StringVar(&f.in.Tone, "tone", "", "the letter's `tone`: "+joinNames(decline.Tones())+" (default: the profile's, else formal)")
	fs.StringVar(&f.in.Detail, "detail", "", "one concrete `detail` in your words for the letter to weave in, such as\n\"meeting the platform team\" or \"an unexpected family emergency\"")
	fs.StringVar(&f.in.DetailKind, "detail-kind", "", "what the detail is: "+joinNames(decline.DetailKinds())+" (what you valued, the\noffer you took, your real reason; default: read from the words when they say)")
	fs.StringVar(&f.in.Offer, "offer", "", "the `offer` of help the letter ends with: "+joinNames(decline.Offers())+"\n(default: the one that fits the stage)")
	fs.IntVar(&f.in.Variant, "variant", 0, "another wording of the same letter: 1, 2, ... (default 0, the first)")
	fs.StringVar(&f.in.SenderName, "sender", "", "the `name` that signs the letter (env TRACKER_SENDER_NAME; default: the profile's name)")
	fs.BoolVar(&f.send, "send", false, "record the letter as sent: the application becomes declined (or withdrawn)")
	f.sentAt = timeVar(fs, "sent-at", "when the letter was sent, a `time` (default now)", a)
	fs.Var(f.sentAt, "at", "the same as --sent-at")
	fs.StringVar(&f.subject, "subject", "", "your edited subject, instead of the generated one")
	fs.StringVar(&f.bodyFile, "body-file", "", "read your edited body from this `file` (- for standard input)")
	fs.BoolVar(&f.in.Override, "override", false, "record an edited letter even though it fails a check")
	fs.StringVar(&f.eml, "eml", "", "also write the letter as an e-mail draft (.eml) to this `file`; - writes it\nto standard output and the rest to standard error")
}

// input completes the decline input from the flags given.
func (f *declineFlags) input(fs *flag.FlagSet, stdin io.Reader) (applications.DeclineInput, error) {
	in := f.in
	in.SentAt = f.sentAt.t
	fs.Visit(func(fl *flag.Flag) {
		if fl.Name == "subject" {
			in.Subject = &f.subject
		}
	})
	if f.bodyFile != "" {
		body, err := readBody(f.bodyFile, stdin)
		if err != nil {
			return in, err
		}
		in.Body = &body
	}
	return in, nil
}

// readBody reads a letter body from a file, or from stdin for "-".
func readBody(name string, stdin io.Reader) (string, error) {
	r := stdin
	if name != "-" {
		f, err := os.Open(name)
		if err != nil {
			return "", fmt.Errorf("read the body: %w", err)
		}
		defer f.Close()
		r = f
	}
	b, err := io.ReadAll(io.LimitReader(r, maxBodyFile+1))
	if err != nil {
		return "", fmt.Errorf("read the body: %w", err)
	}
	if len(b) > maxBodyFile {
		return "", fmt.Errorf("read the body: %s is larger than %d bytes", name, maxBodyFile)
	}
	return strings.TrimRight(string(b), "\n"), nil
}

// cmdDecline previews a decline letter, or with --send records it; with
// --eml it also writes the letter as an e-mail draft.
func cmdDecline(ctx context.Context, a *app, args []string) error {
	var cfg Config
	var df declineFlags
	fs := newFlagSet("decline")
	cfg.registerData(fs)
	df.register(fs, a)
	id, err := a.parseWithID(fs, &cfg, args)
	if err != nil {
		return err
	}
	if df.in.Reason == "" {
		return usageErrorf("--reason is required; the reasons are %s", joinNames(decline.Reasons()))
	}
	if err := checkEMLPath(df.eml); err != nil {
		return err
	}
	in, err := df.input(fs, a.stdin)
	if err != nil {
		return err
	}
	return a.sendOrPreview(ctx, &cfg, id, df, letterSteps{
		preview: func(ctx context.Context, svc *applications.Service) (*applications.Preview, error) {
			return svc.PreviewDecline(ctx, id, in)
		},
		send: func(ctx context.Context, svc *applications.Service) (*applications.Detail, error) {
			return svc.Decline(ctx, id, in)
		},
		kind: applications.LetterDecline,
	})
}

// letterSteps are how a command previews its letter and records it.
type letterSteps struct {
	preview func(context.Context, *applications.Service) (*applications.Preview, error)
	send    func(context.Context, *applications.Service) (*applications.Detail, error)
	kind    string // the kind of letter send stores
}

// sendOrPreview previews the letter, or with --send records it; with --eml
// it also writes the letter as an e-mail draft.
func (a *app) sendOrPreview(ctx context.Context, cfg *Config, id int64, df declineFlags, st letterSteps) error {
	var draft *applications.EML
	err := a.withService(ctx, cfg, id, func(ctx context.Context, svc *applications.Service) error {
		var err error
		if df.send {
			draft, err = a.sendLetter(ctx, svc, id, st, df.eml)
		} else {
			draft, err = a.previewLetter(ctx, svc, id, st, df.eml)
		}
		return err
	})
	if err != nil || df.eml == "" {
		return err
	}
	err = a.writeEML(df.eml, draft.Data)
	if err != nil && df.send {
		err = fmt.Errorf("the letter was recorded, but the e-mail draft was not: %w", err)
	}
	return err
}

// previewLetter prints the letter, its checks and its mailto: link, and
// returns it as an e-mail draft when eml names where to write one; nothing
// is stored.
func (a *app) previewLetter(ctx context.Context, svc *applications.Service, id int64, st letterSteps, eml string) (*applications.EML, error) {
	p, err := st.preview(ctx, svc)
	if err != nil {
		return nil, err
	}
	t := a.textApp(eml)
	printLetter(t.stdout, p.Subject, p.Body)
	if p.Voicemail != "" {
		t.printf("\nVoicemail, if nobody answers:\n%s\n", p.Voicemail)
	}
	t.printf("\nOffer: %s. For another wording, add --variant N (1, 2, ...).\n", p.Offer)
	t.printf("\nChecks:\n")
	printChecks(t.stdout, p.Checks)
	t.printf("\nTo open it in your mail program:\n%s\n", p.Mailto)
	t.printf("\nNothing was recorded. Send the letter, then run this again with --send.\n")
	if eml == "" {
		return nil, nil
	}
	return svc.DraftEML(ctx, id, p.Subject, p.Body)
}

// sendLetter records the letter and prints it, and returns the stored
// letter as an e-mail draft when eml names where to write one.
func (a *app) sendLetter(ctx context.Context, svc *applications.Service, id int64, st letterSteps, eml string) (*applications.EML, error) {
	d, err := st.send(ctx, svc)
	if err != nil {
		return nil, err
	}
	t := a.textApp(eml)
	l := t.printSent(d, st.kind)
	if d.FollowUpDueAt != nil {
		t.printf("Follow up %s: run 'tracker follow-up %d' once you have.\n", when(*d.FollowUpDueAt, a.clock()), id)
	}
	if eml == "" || l == nil {
		return nil, nil
	}
	return svc.LetterEML(ctx, id, l.ID)
}

// printSent prints the newest letter of the kind and what was recorded,
// and returns that letter.
func (a *app) printSent(d *applications.Detail, kind string) *applications.Letter {
	printSummary(a.stdout, "Recorded for", &d.Application)
	for i := len(d.Letters) - 1; i >= 0; i-- {
		if l := &d.Letters[i]; l.Kind == kind {
			a.printf("\n")
			printLetter(a.stdout, l.Subject, l.Body)
			if l.Voicemail != "" {
				a.printf("\nVoicemail, if nobody answers:\n%s\n", l.Voicemail)
			}
			a.printf("\nSent %s via %s.\n", when(l.SentAt, a.clock()), l.Channel)
			return l
		}
	}
	return nil
}

// followUpFlags are the flags of the follow-up command.
type followUpFlags struct {
	in                applications.FollowUpInput
	sentAt            *timeFlag
	send              bool
	subject, bodyFile string
	eml               string
}

func (f *followUpFlags) register(fs *flag.FlagSet, a *app) {
	fs.StringVar(&f.in.Kind, "kind", "", "the `kind` of follow-up: confirm (no answer yet: make sure the decline arrived)\nor thanks (they replied: a short thank-you that closes) (default confirm)")
	fs.IntVar(&f.in.Variant, "variant", 0, "another wording of the same letter: 1, 2, ... (default 0, the first)")
	fs.StringVar(&f.subject, "subject", "", "your edited subject, instead of the generated one")
	fs.StringVar(&f.bodyFile, "body-file", "", "read your edited body from this `file` (- for standard input)")
	fs.BoolVar(&f.in.Override, "override", false, "record an edited letter even though it fails a check")
	fs.BoolVar(&f.send, "send", false, "record the follow-up as sent: the application becomes followed_up")
	fs.StringVar(&f.in.Note, "note", "", "a note for the history")
	fs.StringVar(&f.eml, "eml", "", "also write the letter as an e-mail draft (.eml) that replies to the decline, to this\n`file`; - writes it to standard output and the rest to standard error")
	f.sentAt = timeVar(fs, "sent-at", "when the follow-up was sent, a `time` (default now)", a)
	fs.Var(f.sentAt, "at", "the same as --sent-at")
}

// input completes the follow-up input from the flags given.
func (f *followUpFlags) input(fs *flag.FlagSet, stdin io.Reader) (applications.FollowUpInput, error) {
	d := declineFlags{sentAt: f.sentAt, subject: f.subject, bodyFile: f.bodyFile}
	edit, err := d.input(fs, stdin)
	in := f.in
	in.SentAt, in.Subject, in.Body = edit.SentAt, edit.Subject, edit.Body
	return in, err
}

// cmdFollowUp previews the follow-up letter, or with --send records it.
func cmdFollowUp(ctx context.Context, a *app, args []string) error {
	var cfg Config
	var ff followUpFlags
	fs := newFlagSet("follow-up")
	cfg.registerData(fs)
	ff.register(fs, a)
	id, err := a.parseWithID(fs, &cfg, args)
	if err != nil {
		return err
	}
	in, err := ff.input(fs, a.stdin)
	if err != nil {
		return err
	}
	if err := checkEMLPath(ff.eml); err != nil {
		return err
	}
	t := a.textApp(ff.eml)
	var draft *applications.EML
	err = a.withService(ctx, &cfg, id, func(ctx context.Context, svc *applications.Service) error {
		if ff.send {
			d, err := svc.FollowUp(ctx, id, in)
			if err != nil {
				return err
			}
			if l := t.printSent(d, applications.LetterFollowUp); l != nil && ff.eml != "" {
				draft, err = svc.LetterEML(ctx, id, l.ID)
			}
			return err
		}
		p, err := svc.PreviewFollowUp(ctx, id, in)
		if err != nil {
			return err
		}
		printLetter(t.stdout, p.Subject, p.Body)
		t.printf("\nChecks:\n")
		printChecks(t.stdout, p.Checks)
		t.printf("\nNothing was recorded. Send the letter, then run this again with --send.\n")
		if ff.eml != "" {
			draft, err = svc.DraftFollowUpEML(ctx, id, p.Subject, p.Body)
		}
		return err
	})
	if err != nil || draft == nil {
		return err
	}
	return a.writeEML(ff.eml, draft.Data)
}

// declineNotes is the longer help of the decline command.
func declineNotes() string {
	return `Without --send, decline prints the generated letter and its etiquette checks
and records nothing. Send the letter yourself, then run the same command with
--send: the application becomes declined and the follow-up falls due.
To edit the letter, pass --subject and --body-file (--body-file - reads stdin).
The sender name, tone and channel default to the profile ('tracker profile').
With --eml, the letter is also written as an e-mail draft for your mail
program: the preview, or with --send the letter recorded.`
}

// joinNames joins the names of options such as the decline reasons.
func joinNames[S ~string](names []S) string {
	parts := make([]string, len(names))
	for i, n := range names {
		parts[i] = string(n)
	}
	return strings.Join(parts, ", ")
}
