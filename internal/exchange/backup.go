// Package exchange moves data in and out of the tracker: a full,
// versioned JSON backup that restores with nothing lost, a CSV export, and
// a CSV import that understands the columns of other trackers' exports.
package exchange

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"io"
	"time"

	"tracker/internal/api"
	"tracker/internal/applications"
	"tracker/internal/decline"
	"tracker/internal/workflow"
)

// The backup format's name and version; a reader refuses other versions.
const (
	BackupFormat  = "tracker-backup"
	BackupVersion = 1
)

// Backup is the JSON backup: every application of one user with its
// invitations, history and letters, as stored (ids are not kept: a restore
// gives new ones).
type Backup struct {
	Format       string              `json:"format"`
	Version      int                 `json:"version"`
	ExportedAt   time.Time           `json:"exported_at"`
	Applications []BackupApplication `json:"applications"`
}

// BackupApplication is one application in a backup.
type BackupApplication struct {
	api.Fields
	Status      string             `json:"status"`
	CreatedAt   time.Time          `json:"created_at"`
	UpdatedAt   time.Time          `json:"updated_at"`
	Invitations []BackupInvitation `json:"invitations"`
	History     []BackupHistory    `json:"history"`
	Letters     []BackupLetter     `json:"letters"`
}

// BackupInvitation is one round of invitation in a backup.
type BackupInvitation struct {
	ReceivedAt  time.Time    `json:"received_at"`
	RespondBy   *time.Time   `json:"respond_by"`
	InterviewAt *time.Time   `json:"interview_at"`
	Format      string       `json:"format"`
	Round       int          `json:"round"`
	Message     string       `json:"message"`
	Response    string       `json:"response"`
	RespondedAt *time.Time   `json:"responded_at"`
	Origin      BackupOrigin `json:"origin"`
}

// BackupOrigin is where an imported invitation came from.
type BackupOrigin struct {
	UID       string   `json:"uid"`
	Sequence  int      `json:"sequence"`
	Summary   string   `json:"summary"`
	Organizer string   `json:"organizer"`
	Attendees []string `json:"attendees"`
	MessageID string   `json:"message_id"`
	Subject   string   `json:"subject"`
}

// BackupHistory is one history entry in a backup; From is empty for the
// entry that records the creation.
type BackupHistory struct {
	From string    `json:"from"`
	To   string    `json:"to"`
	At   time.Time `json:"at"`
	Note string    `json:"note"`
}

// BackupLetter is one letter in a backup, with the checks it was stored with.
type BackupLetter struct {
	Kind         string `json:"kind"`
	Reason       string `json:"reason"`
	ReasonDetail string `json:"reason_detail"`
	Channel      string `json:"channel"`
	Tone         string `json:"tone"`
	SenderName   string `json:"sender_name"`
	Subject      string `json:"subject"`
	Body         string `json:"body"`
	// Voicemail is absent from backups written before phone letters kept it.
	Voicemail string `json:"voicemail,omitempty"`
	// Detail, Offer and Variant are what the user chose for the letter;
	// absent from backups written before letters kept them.
	Detail    string        `json:"detail,omitempty"`
	Offer     string        `json:"offer,omitempty"`
	Variant   int           `json:"variant,omitempty"`
	SentAt    time.Time     `json:"sent_at"`
	Checks    []BackupCheck `json:"checks"`
	CreatedAt time.Time     `json:"created_at"`
}

// BackupCheck is one etiquette verdict of a stored letter.
type BackupCheck struct {
	Rule     string `json:"rule"`
	OK       bool   `json:"ok"`
	Severity string `json:"severity"`
	Hint     string `json:"hint"`
}

// Exporter reads every application of the user in the context with what
// hangs off it, oldest first, from one snapshot, handing them to fn one at
// a time (applications.Service.Export): an export holds one batch, never
// the whole account.
type Exporter interface {
	Export(ctx context.Context, fn func(*applications.Detail) error) error
}

// AllDetails reads every application of the user with what hangs off it,
// oldest first, into memory: for tests and small accounts; the exports
// write as they read (WriteBackup, WriteCSV).
func AllDetails(ctx context.Context, src Exporter) ([]*applications.Detail, error) {
	var out []*applications.Detail
	err := src.Export(ctx, func(d *applications.Detail) error {
		out = append(out, d)
		return nil
	})
	if err != nil {
		return nil, err
	}
	return out, nil
}

// backupHead is a backup without its applications, which WriteBackup
// writes after it one at a time.
type backupHead struct {
	Format     string    `json:"format"`
	Version    int       `json:"version"`
	ExportedAt time.Time `json:"exported_at"`
}

// WriteBackup writes the JSON backup of every application of the user in
// ctx as it reads them from src: the bytes a json.Encoder writes for
// NewBackup of AllDetails (indented by two spaces when indent is set),
// without holding more than one application's. On an error part of the
// backup may have been written.
func WriteBackup(ctx context.Context, w io.Writer, src Exporter, now time.Time, indent bool) error {
	var buf bytes.Buffer
	enc := json.NewEncoder(&buf)
	// The head is an object of its own; its closing brace gives way to the
	// array of applications.
	closing, open, sep, elemIndent, end, endEmpty := "}\n", `,"applications":[`, ",", "", "]}\n", "]}\n"
	if indent {
		enc.SetIndent("", "  ")
		closing, open, sep, elemIndent, end, endEmpty = "\n}\n", ",\n  \"applications\": [", ",\n    ", "    ", "\n  ]\n}\n", "]\n}\n"
	}
	if err := enc.Encode(backupHead{Format: BackupFormat, Version: BackupVersion, ExportedAt: now.UTC()}); err != nil {
		return err
	}
	head, ok := bytes.CutSuffix(buf.Bytes(), []byte(closing))
	if !ok {
		return fmt.Errorf("backup: the head does not end in %q", closing)
	}
	if _, err := w.Write(append(head, open...)); err != nil {
		return err
	}
	if indent {
		enc.SetIndent(elemIndent, "  ")
	}
	n := 0
	err := src.Export(ctx, func(d *applications.Detail) error {
		buf.Reset()
		switch {
		case n > 0:
			buf.WriteString(sep)
		case indent:
			buf.WriteString("\n    ")
		}
		n++
		if err := enc.Encode(backupOf(d)); err != nil {
			return err
		}
		_, err := w.Write(bytes.TrimSuffix(buf.Bytes(), []byte("\n")))
		return err
	})
	if err != nil {
		return err
	}
	if n == 0 {
		end = endEmpty
	}
	_, err = io.WriteString(w, end)
	return err
}

// NewBackup makes the backup of the details.
func NewBackup(details []*applications.Detail, now time.Time) Backup {
	b := Backup{Format: BackupFormat, Version: BackupVersion, ExportedAt: now.UTC(), Applications: []BackupApplication{}}
	for _, d := range details {
		b.Applications = append(b.Applications, backupOf(d))
	}
	return b
}

func backupOf(d *applications.Detail) BackupApplication {
	a := BackupApplication{Fields: api.FieldsOf(d.Fields), Status: string(d.Status), CreatedAt: d.CreatedAt.UTC(),
		UpdatedAt: d.UpdatedAt.UTC(), Invitations: []BackupInvitation{}, History: []BackupHistory{}, Letters: []BackupLetter{}}
	for _, inv := range d.Invitations {
		o := inv.Origin
		a.Invitations = append(a.Invitations, BackupInvitation{ReceivedAt: inv.ReceivedAt.UTC(), RespondBy: utc(inv.RespondBy),
			InterviewAt: utc(inv.InterviewAt), Format: inv.Format, Round: inv.Round, Message: inv.Message,
			Response: inv.Response, RespondedAt: utc(inv.RespondedAt), Origin: BackupOrigin{UID: o.UID, Sequence: o.Sequence,
				Summary: o.Summary, Organizer: o.Organizer, Attendees: append([]string{}, o.Attendees...), MessageID: o.MessageID, Subject: o.Subject}})
	}
	for _, h := range d.History {
		a.History = append(a.History, BackupHistory{From: string(h.From), To: string(h.To), At: h.At.UTC(), Note: h.Note})
	}
	for _, l := range d.Letters {
		bl := BackupLetter{Kind: l.Kind, Reason: l.Reason, ReasonDetail: l.ReasonDetail, Channel: l.Channel, Tone: l.Tone,
			SenderName: l.SenderName, Subject: l.Subject, Body: l.Body, Voicemail: l.Voicemail, Detail: l.Detail,
			Offer: l.Offer, Variant: l.Variant, SentAt: l.SentAt.UTC(), CreatedAt: l.CreatedAt.UTC(), Checks: []BackupCheck{}}
		for _, c := range l.Checks {
			bl.Checks = append(bl.Checks, BackupCheck{Rule: c.Rule, OK: c.OK, Severity: c.Severity, Hint: c.Hint})
		}
		a.Letters = append(a.Letters, bl)
	}
	return a
}

// domain returns the application and what hangs off it, without ids.
func (b BackupApplication) domain() (applications.Application, []applications.Invitation, []applications.HistoryEntry, []applications.Letter) {
	app := applications.Application{Fields: b.Fields.Domain(), Status: workflow.State(b.Status),
		CreatedAt: b.CreatedAt.UTC(), UpdatedAt: b.UpdatedAt.UTC()}
	var invs []applications.Invitation
	for _, i := range b.Invitations {
		o := i.Origin
		invs = append(invs, applications.Invitation{ReceivedAt: i.ReceivedAt.UTC(), RespondBy: utc(i.RespondBy),
			InterviewAt: utc(i.InterviewAt), Format: i.Format, Round: i.Round, Message: i.Message, Response: i.Response,
			RespondedAt: utc(i.RespondedAt), Origin: applications.Origin{UID: o.UID, Sequence: o.Sequence, Summary: o.Summary,
				Organizer: o.Organizer, Attendees: o.Attendees, MessageID: o.MessageID, Subject: o.Subject}})
	}
	var hist []applications.HistoryEntry
	for _, h := range b.History {
		hist = append(hist, applications.HistoryEntry{From: workflow.State(h.From), To: workflow.State(h.To), At: h.At.UTC(), Note: h.Note})
	}
	var letters []applications.Letter
	for _, l := range b.Letters {
		var checks []decline.Check
		for _, c := range l.Checks {
			checks = append(checks, decline.Check{Rule: c.Rule, OK: c.OK, Severity: c.Severity, Hint: c.Hint})
		}
		letters = append(letters, applications.Letter{Kind: l.Kind, Reason: l.Reason, ReasonDetail: l.ReasonDetail,
			Channel: l.Channel, Tone: l.Tone, SenderName: l.SenderName, Subject: l.Subject, Body: l.Body,
			Voicemail: l.Voicemail, Detail: l.Detail, Offer: l.Offer, Variant: l.Variant, SentAt: l.SentAt.UTC(),
			Checks: checks, CreatedAt: l.CreatedAt.UTC()})
	}
	return app, invs, hist, letters
}

func utc(t *time.Time) *time.Time {
	if t == nil {
		return nil
	}
	u := t.UTC()
	return &u
}
