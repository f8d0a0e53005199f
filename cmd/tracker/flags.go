package main

import (
	"flag"
	"fmt"
	"strconv"
	"strings"
	"time"

	"tracker/internal/applications"
	"tracker/internal/civil"
)

// timeFlag is a flag that takes a time; t stays nil until the flag is set.
type timeFlag struct {
	t   *time.Time
	app *app
}

// timeVar defines a time flag on fs.
func timeVar(fs *flag.FlagSet, name, usage string, a *app) *timeFlag {
	f := &timeFlag{app: a}
	fs.Var(f, name, usage)
	return f
}

func (f *timeFlag) String() string {
	if f == nil || f.t == nil {
		return ""
	}
	return f.t.Format(time.RFC3339)
}

// Set parses s as a time; see parseTime. A time without an offset is
// remembered, so that it is placed in the account's time zone once the
// command has read it (app.setZone).
func (f *timeFlag) Set(s string) error {
	t, wall, err := parseTime(s, f.app.now(), f.app.zone())
	if err != nil {
		return err
	}
	f.t = &t
	if wall {
		f.app.wallTimes = append(f.app.wallTimes, f)
	}
	return nil
}

// Layouts a time flag accepts besides RFC 3339 and "now", read in the local
// time zone.
var localLayouts = []string{"2006-01-02T15:04", "2006-01-02 15:04", "2006-01-02"}

// parseTime reads a time given on the command line: "now", RFC 3339, or a
// date with an optional hour and minute in loc, which it reports as wall.
func parseTime(s string, now time.Time, loc *time.Location) (t time.Time, wall bool, err error) {
	if s == "now" {
		return now, false, nil
	}
	if t, err := time.Parse(time.RFC3339, s); err == nil {
		return t, false, nil
	}
	for _, layout := range localLayouts {
		if t, err := time.ParseInLocation(layout, s, loc); err == nil {
			return t, true, nil
		}
	}
	return time.Time{}, false, fmt.Errorf(`want RFC 3339 (2025-03-01T14:00:00+01:00), "now", YYYY-MM-DD or YYYY-MM-DDTHH:MM`)
}

// dateFlag is a flag that takes a day, YYYY-MM-DD; "" is no day. set
// says whether it was given.
type dateFlag struct {
	d   civil.Date
	set bool
}

func (f *dateFlag) String() string {
	if f == nil {
		return ""
	}
	return f.d.String()
}

// Set parses s as a day.
func (f *dateFlag) Set(s string) error {
	d, err := civil.Parse(s)
	if err != nil {
		return fmt.Errorf("want a date written as YYYY-MM-DD, such as 2026-11-16 (or \"\" for none)")
	}
	f.d, f.set = d, true
	return nil
}

// offerDateVar defines --offer-made-on, the day the offer was made.
func offerDateVar(fs *flag.FlagSet, usage string) *dateFlag {
	f := &dateFlag{}
	fs.Var(f, "offer-made-on", "the `date` the employer made the offer, YYYY-MM-DD"+usage)
	return f
}

// durationValue is a duration flag whose error says what a duration is.
type durationValue time.Duration

func (d *durationValue) String() string {
	s := (*time.Duration)(d).String()
	if strings.HasSuffix(s, "m0s") {
		s = strings.TrimSuffix(s, "0s")
	}
	if strings.HasSuffix(s, "h0m") {
		s = strings.TrimSuffix(s, "0m")
	}
	return s
}

// Set parses s as a Go duration.
func (d *durationValue) Set(s string) error {
	v, err := time.ParseDuration(s)
	if err != nil {
		return fmt.Errorf("want a duration such as 24h, 90m or 1h30m")
	}
	*d = durationValue(v)
	return nil
}

// parseID reads an application id given as an argument.
func parseID(s string) (int64, error) {
	id, err := strconv.ParseInt(s, 10, 64)
	if err != nil || id <= 0 {
		return 0, usageErrorf("ID must be a positive whole number, not %q", s)
	}
	return id, nil
}

// fieldFlags are the flags of an application's editable fields.
// offerMadeOn is only an edit's (registerEdit): a new application has
// no offer yet.
type fieldFlags struct {
	applications.Fields
	applied     *timeFlag
	offerMadeOn *dateFlag
}

// registerEdit defines the field flags of an edit: those of register and
// --offer-made-on.
func (f *fieldFlags) registerEdit(fs *flag.FlagSet, a *app) {
	f.register(fs, a)
	f.offerMadeOn = offerDateVar(fs, " (\"\" clears it;\nnot in the future, once the application has an offer)")
}

// register defines the field flags; call fields after parsing.
func (f *fieldFlags) register(fs *flag.FlagSet, a *app) {
	f.applied = timeVar(fs, "applied", "when you applied, a `time` (default: when it is added; not on the wishlist)", a)
	fs.StringVar(&f.Company, "company", "", "the company's `name`")
	fs.StringVar(&f.Role, "role", "", "the `role` applied for")
	fs.StringVar(&f.Location, "location", "", "where the job is")
	fs.StringVar(&f.JobURL, "url", "", "the job posting's `URL` (http or https)")
	fs.StringVar(&f.Source, "source", "", "where the job was found")
	fs.StringVar(&f.ContactName, "contact", "", "the contact's `name`: a person, or a team such as \"Talent Team\"")
	fs.StringVar(&f.ContactKind, "contact-kind", "", "who letters address: `person`, team or none (default: from the name)")
	fs.StringVar(&f.ContactTitle, "contact-title", "", "the contact's `title`, such as Dr. or Ms (optional)")
	fs.StringVar(&f.GreetingName, "greeting-name", "", "how a letter greets the contact, such as \"Sarah\" or \"Dr. Lima\"\n(default: from the name, title and tone)")
	fs.StringVar(&f.ContactEmail, "email", "", "the contact person's e-mail `address`")
	fs.StringVar(&f.Notes, "notes", "", "free-text notes")
}

// fields returns the fields the flags set.
func (f *fieldFlags) fields() applications.Fields {
	out := f.Fields
	out.AppliedAt = f.applied.t
	return out
}

// patch returns the update made of the field flags given on the command
// line; the others are left as they are.
func (f *fieldFlags) patch(fs *flag.FlagSet) (applications.Patch, bool) {
	var p applications.Patch
	targets := map[string]**string{
		"company": &p.Company, "role": &p.Role, "location": &p.Location, "url": &p.JobURL,
		"source": &p.Source, "contact": &p.ContactName, "email": &p.ContactEmail, "notes": &p.Notes,
		"contact-kind": &p.ContactKind, "contact-title": &p.ContactTitle, "greeting-name": &p.GreetingName,
	}
	given := setGiven(fs, targets)
	if f.applied.t != nil {
		p.AppliedAt, given = f.applied.t, true
	}
	if f.offerMadeOn != nil && f.offerMadeOn.set {
		p.OfferMadeOn, given = &f.offerMadeOn.d, true
	}
	return p, given
}

// atVar defines --at, when a step happened (default now).
func atVar(fs *flag.FlagSet, what string, a *app) *timeFlag {
	return timeVar(fs, "at", "when "+what+", a `time` (default now; not in the future, not before the history's last entry)", a)
}

// setGiven points each target at the value of its flag when the flag was
// given on the command line, and reports whether any was.
func setGiven(fs *flag.FlagSet, targets map[string]**string) bool {
	given := false
	fs.Visit(func(fl *flag.Flag) {
		if target, ok := targets[fl.Name]; ok {
			v := fl.Value.String()
			*target, given = &v, true
		}
	})
	return given
}

// inviteFlags are the flags of an interview invitation.
type inviteFlags struct {
	received, respondBy, interview *timeFlag
	format, message                string
	round                          int
}

func (f *inviteFlags) register(fs *flag.FlagSet, a *app, withRound bool) {
	f.received = timeVar(fs, "received", "when the invitation arrived, a `time` (default now)", a)
	f.respondBy = timeVar(fs, "respond-by", "the `time` the employer wants an answer by; without it the answer is due\nthe response window (tracker settings) after --received", a)
	f.interview = timeVar(fs, "interview", "the `time` of the interview", a)
	fs.StringVar(&f.format, "format", "", "the interview `format`: phone, video, onsite or other")
	fs.StringVar(&f.message, "message", "", "the invitation's text or a note about it")
	if withRound {
		fs.IntVar(&f.round, "round", 0, "the round `number` (default: one more than the rounds logged)")
	}
}

// given reports whether any invitation flag was set.
func (f *inviteFlags) given(fs *flag.FlagSet) bool {
	set := false
	fs.Visit(func(fl *flag.Flag) {
		switch fl.Name {
		case "received", "respond-by", "interview", "format", "message", "round":
			set = true
		}
	})
	return set
}

// input returns the invitation the flags describe, received now by default.
func (f *inviteFlags) input(now time.Time) applications.NewInvitation {
	in := applications.NewInvitation{ReceivedAt: now, RespondBy: f.respondBy.t, InterviewAt: f.interview.t,
		Format: f.format, Round: f.round, Message: f.message}
	if f.received.t != nil {
		in.ReceivedAt = *f.received.t
	}
	return in
}
