package web

import (
	"encoding/json"
	"errors"
	"io"
	"net/http"
	"net/url"
	"strings"

	"github.com/labstack/echo/v4"

	"tracker/internal/apperr"
	"tracker/internal/applications"
	"tracker/internal/invite"
	"tracker/internal/workflow"
)

// maxInvitationFile bounds an uploaded invite, as the command line does:
// real invites are a few kilobytes.
const maxInvitationFile = 1 << 20

// handleInvitationFile reads a calendar invite or an e-mail picked or
// dropped on the "Log an invitation" form and shows the form again filled
// in with its draft, for the user to check and save. Nothing is written:
// the draft is the same one the API's import answers.
func (p *Pages) handleInvitationFile(c echo.Context) error {
	k := p.clock(c)
	d, err := p.newFormData(c)
	if err != nil {
		return err
	}
	v := view{Title: "Log an invitation", Nav: "new", Data: d, Loc: k}
	name, data, err := invitationFile(c)
	var draft *invite.Draft
	if err == nil {
		draft, err = invite.Parse(name, data)
	}
	if err != nil {
		return p.invitationFileError(c, v, k, err)
	}
	v.Form = draftForm(draft, k)
	v.Notice = "Read from " + name + ": check the fields and save." + notes(draft.Notes)
	return p.render(c, http.StatusOK, "new", v)
}

// invitationFileError shows the empty form again with why the file was
// not read beside the file field.
func (p *Pages) invitationFileError(c echo.Context, v view, k *clock, err error) error {
	r, ok := asRefusal(err)
	if !ok {
		return err
	}
	v.Form = url.Values{"start": {string(workflow.Invited)}, "received_at": {k.Input(k.now)}}
	v.Error, v.Errors = "The file was not read, and nothing was saved.", r.fields
	return p.render(c, r.status, "new", v)
}

// draftForm is the form filled in from a draft, through the rules that
// log an imported invitation (received time, meeting link in the message).
func draftForm(d *invite.Draft, k *clock) url.Values {
	in := applications.FromDraft(d, k.now)
	return url.Values{"start": {string(in.Status)}, "company": {in.Company}, "role": {in.Role},
		"contact_name": {in.ContactName}, "contact_email": {in.ContactEmail},
		"received_at": {k.Input(in.Invitation.ReceivedAt)}, "interview_at": {k.Input(in.Invitation.InterviewAt)},
		"format": {in.Invitation.Format}, "message": {in.Invitation.Message}, "origin": {originField(in.Invitation.Origin)}}
}

// originField carries an imported invite's identity (its UID, organizer,
// Message-ID) through the form in a hidden field, so that the invitation
// saved from the form is answered in the organizer's calendar and threads
// onto the e-mail as one imported through the API is.
func originField(o applications.Origin) string {
	if o.UID == "" && o.MessageID == "" {
		return ""
	}
	b, err := json.Marshal(o)
	if err != nil {
		return ""
	}
	return string(b)
}

// parseOrigin reads the hidden origin field back; empty means the
// invitation was typed, not read from a file.
func parseOrigin(s string) (applications.Origin, error) {
	var o applications.Origin
	if s == "" {
		return o, nil
	}
	err := json.Unmarshal([]byte(s), &o)
	return o, err
}

// notes tells the user what the importer guessed or left out.
func notes(ns []string) string {
	if len(ns) == 0 {
		return ""
	}
	return " Note: " + strings.Join(ns, "; ") + "."
}

// invitationFile returns the name and content of the form's file field.
func invitationFile(c echo.Context) (string, []byte, error) {
	fh, err := c.FormFile("file")
	if errors.Is(err, http.ErrMissingFile) || errors.Is(err, http.ErrNotMultipart) {
		return "", nil, fileError("pick a calendar invite (.ics) or an e-mail (.eml)")
	}
	if err != nil {
		return "", nil, fileError("the file could not be read")
	}
	if fh.Size > maxInvitationFile {
		return "", nil, fileError("the file is larger than 1 MiB: an invitation is a few kilobytes")
	}
	f, err := fh.Open()
	if err != nil {
		return "", nil, fileError("the file could not be read")
	}
	defer f.Close()
	data, err := io.ReadAll(f)
	if err != nil {
		return "", nil, fileError("the file could not be read")
	}
	return fh.Filename, data, nil
}

func fileError(msg string) error {
	return apperr.Invalid(map[string]string{"file": msg})
}
