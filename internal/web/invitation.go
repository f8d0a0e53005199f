package web

import (
	"net/http"
	"strconv"
	"strings"

	"github.com/labstack/echo/v4"

	"tracker/internal/apperr"
	"tracker/internal/applications"
	"tracker/internal/workflow"
)

// newData is the "Log an invitation" form.
type newData struct {
	Starts  []workflow.State
	Formats []string
}

func (p *Pages) handleNewForm(c echo.Context) error {
	k := p.clock(c)
	form := map[string][]string{"start": {string(workflow.Invited)}, "received_at": {k.Input(k.now)}}
	return p.render(c, http.StatusOK, "new", view{Title: "Log an invitation", Nav: "new", Form: form,
		Data: newData{Starts: workflow.Starts(), Formats: formats}})
}

// handleCreate logs a new application, with its invitation when the form
// says one came.
func (p *Pages) handleCreate(c echo.Context) error {
	k := p.clock(c)
	in := applications.NewApplication{Status: workflow.State(c.FormValue("start"))}
	in.Company, in.Role = c.FormValue("company"), c.FormValue("role")
	in.ContactName, in.ContactEmail = c.FormValue("contact_name"), c.FormValue("contact_email")
	in.JobURL = c.FormValue("job_url")
	var err error
	if in.Status == workflow.Invited {
		var inv applications.NewInvitation
		if inv, err = invitationForm(c, k); err == nil {
			in.Invitation = &inv
		}
	}
	var d *applications.Detail
	if err == nil {
		d, err = p.Apps.Create(c.Request().Context(), in)
	}
	if err != nil {
		v := view{Title: "Log an invitation", Nav: "new", Data: newData{Starts: workflow.Starts(), Formats: formats}}
		return p.formError(c, "new", v, plainFields(err))
	}
	return redirect(c, "/applications/"+strconv.FormatInt(d.ID, 10))
}

// invitationForm reads the invitation fields of a form, times typed in
// the user's zone; a time that does not parse is a field error.
func invitationForm(c echo.Context, k *clock) (applications.NewInvitation, error) {
	in := applications.NewInvitation{Format: c.FormValue("format"), Message: c.FormValue("message")}
	bad := map[string]string{}
	received, err := k.parseInput(c.FormValue("received_at"))
	switch {
	case err != nil:
		bad["received_at"] = "received_at is not a date and time"
	case received == nil:
		bad["received_at"] = "received_at is required: when did the invitation arrive?"
	default:
		in.ReceivedAt = *received
	}
	if in.RespondBy, err = k.parseInput(c.FormValue("respond_by")); err != nil {
		bad["respond_by"] = "respond_by is not a date and time"
	}
	if in.InterviewAt, err = k.parseInput(c.FormValue("interview_at")); err != nil {
		bad["interview_at"] = "interview_at is not a date and time"
	}
	if len(bad) > 0 {
		return in, apperr.Invalid(bad)
	}
	return in, nil
}

// plainFields names the invitation's fields as the form does: the
// service calls them invitation.received_at and so on.
func plainFields(err error) error {
	e, ok := err.(*apperr.Error)
	if !ok || e.Fields == nil {
		return err
	}
	out := *e
	out.Fields = map[string]string{}
	for k, v := range e.Fields {
		out.Fields[strings.TrimPrefix(k, "invitation.")] = v
	}
	return &out
}

// handleInvitationAdd logs another invitation on the application page.
func (p *Pages) handleInvitationAdd(c echo.Context) error {
	id, err := pathID(c, "id")
	if err != nil {
		return err
	}
	in, err := invitationForm(c, p.clock(c))
	if err == nil {
		_, err = p.Apps.AddInvitation(c.Request().Context(), id, in)
	}
	if err != nil {
		return p.refusedOnApplication(c, plainFields(err))
	}
	return redirect(c, "/applications/"+c.Param("id")+"#invitations")
}

// handleInvitationEdit edits or reschedules one invitation.
func (p *Pages) handleInvitationEdit(c echo.Context) error {
	id, err := pathID(c, "id")
	if err != nil {
		return err
	}
	invID, err := pathID(c, "inv")
	if err != nil {
		return err
	}
	k := p.clock(c)
	in, err := invitationForm(c, k)
	if err == nil {
		patch := applications.InvitationPatch{ReceivedAt: &in.ReceivedAt, RespondBy: in.RespondBy, InterviewAt: in.InterviewAt,
			Format: &in.Format, Message: &in.Message}
		_, err = p.Apps.UpdateInvitation(c.Request().Context(), id, invID, patch)
	}
	if err != nil {
		return p.refusedOnApplication(c, err)
	}
	return redirect(c, "/applications/"+c.Param("id")+"#invitations")
}
