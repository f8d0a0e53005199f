package exchange

import (
	"context"
	"encoding/json"
	"fmt"
	"io"
	"slices"

	"tracker/internal/apperr"
	"tracker/internal/applications"
	"tracker/internal/decline"
	"tracker/internal/workflow"
)

// Restorer writes stored rows as they are, in one transaction; the
// storage adapter implements it.
type Restorer interface {
	InTx(ctx context.Context, fn func(ctx context.Context) error) error
	CreateApplication(ctx context.Context, a *applications.Application) error
	AddHistory(ctx context.Context, h *applications.HistoryEntry) error
	AddInvitation(ctx context.Context, inv *applications.Invitation) error
	AddLetter(ctx context.Context, l *applications.Letter) error
	// RefreshDue recomputes the due times of the user's warnings (zero:
	// of all their applications) from the rows written.
	RefreshDue(ctx context.Context, appID int64) error
}

// ReadBackup decodes a JSON backup and checks its format and version.
func ReadBackup(r io.Reader) (*Backup, error) {
	var b Backup
	if err := json.NewDecoder(r).Decode(&b); err != nil {
		return nil, invalid("file", "the file is not a tracker JSON backup (%v)", err)
	}
	if b.Format != BackupFormat {
		return nil, invalid("format", "the file is not a tracker backup: format is %q, want %q", b.Format, BackupFormat)
	}
	if b.Version != BackupVersion {
		return nil, invalid("version", "backup version %d is not one this tracker reads (it reads %d)", b.Version, BackupVersion)
	}
	return &b, checkBackup(&b)
}

// letterKinds are the kinds of letter a backup may hold.
var letterKinds = []string{applications.LetterDecline, applications.LetterFollowUp, applications.LetterWithdrawal}

// checkBackup refuses a backup whose rows the tracker could not hold, so
// that a restore writes all of it or nothing.
func checkBackup(b *Backup) error {
	fields := map[string]string{}
	responses := []string{applications.ResponsePending, applications.ResponseAccepted, applications.ResponseDeclined, applications.ResponseCancelled}
	for i, a := range b.Applications {
		at := fmt.Sprintf("applications[%d]", i)
		if a.Company == "" || a.Role == "" {
			fields[at] = "company and role are required"
		}
		if !slices.Contains(workflow.States(), workflow.State(a.Status)) {
			fields[at+".status"] = fmt.Sprintf("%q is not a stage", a.Status)
		}
		for j, inv := range a.Invitations {
			if !slices.Contains(responses, inv.Response) {
				fields[fmt.Sprintf("%s.invitations[%d].response", at, j)] = fmt.Sprintf("%q is not an answer", inv.Response)
			}
			// As the tracker keeps them: only an invited application waits
			// for an answer (see applications.holdsPending).
			if inv.Response == applications.ResponsePending && a.Status != string(workflow.Invited) {
				fields[fmt.Sprintf("%s.invitations[%d].response", at, j)] = "only an invited application can have a pending invitation; this one is " + a.Status
			}
		}
		for j, l := range a.Letters {
			lat := fmt.Sprintf("%s.letters[%d]", at, j)
			if !slices.Contains(letterKinds, l.Kind) {
				fields[lat+".kind"] = fmt.Sprintf("%q is not a kind of letter", l.Kind)
			}
			if l.Offer != "" && !decline.Offer(l.Offer).Valid() {
				fields[lat+".offer"] = fmt.Sprintf("%q is not an offer of help", l.Offer)
			}
			if l.Variant < 0 {
				fields[lat+".variant"] = "variant must not be negative"
			}
		}
	}
	if len(fields) > 0 {
		return apperr.Invalid(fields)
	}
	return nil
}

// Restore adds every application of the backup, with its invitations,
// history and letters as they were, to the user in ctx, in one
// transaction: all of it or, on any error, nothing. It returns how many
// applications it added.
func Restore(ctx context.Context, store Restorer, b *Backup) (int, error) {
	err := store.InTx(ctx, func(ctx context.Context) error {
		for _, ba := range b.Applications {
			if err := restoreOne(ctx, store, ba); err != nil {
				return err
			}
		}
		return store.RefreshDue(ctx, 0)
	})
	if err != nil {
		return 0, err
	}
	return len(b.Applications), nil
}

func restoreOne(ctx context.Context, store Restorer, ba BackupApplication) error {
	app, invs, hist, letters := ba.domain()
	if err := store.CreateApplication(ctx, &app); err != nil {
		return err
	}
	for i := range hist {
		hist[i].ApplicationID = app.ID
		if err := store.AddHistory(ctx, &hist[i]); err != nil {
			return err
		}
	}
	for i := range invs {
		invs[i].ApplicationID = app.ID
		if err := store.AddInvitation(ctx, &invs[i]); err != nil {
			return err
		}
	}
	for i := range letters {
		letters[i].ApplicationID = app.ID
		if err := store.AddLetter(ctx, &letters[i]); err != nil {
			return err
		}
	}
	return nil
}

// invalid is the error of a file the import refuses, naming the field.
func invalid(field, format string, args ...any) error {
	msg := fmt.Sprintf(format, args...)
	return &apperr.Error{Code: apperr.EINVALID, Message: msg, Fields: map[string]string{field: msg}}
}
