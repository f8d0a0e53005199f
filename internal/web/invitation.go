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
	// ContactKinds are the choices of who letters address.
	ContactKinds []option
	// Existing are recent applications an invitation can be added to.
	Existing []applications.Summary
}

// newFormData lists what the form offers: the starts of the workflow
// table and the newest applications that may receive an invitation.
func (p *Pages) newFormData(c echo.Context) (newData, error) {
	d := newData{Starts: workflow.Starts(), Formats: formats, ContactKinds: contactKinds}
	page, err := p.Apps.List(c.Request().Context(), applications.ListFilter{Limit: listPageSize * 2})
	if err != nil {
		return d, err
	}
	for _, a := range page.Items {
		if workflow.CanMove(a.Status, workflow.Invited) {
			d.Existing = append(d.Existing, a)
		}
	}
	return d, nil
}

func (p *Pages) handleNewForm(c echo.Context) error {
	k := p.clock(c)
	form := map[string][]string{"start": {string(workflow.Invited)}, "received_at": {k.Input(k.now)}}
	d, err := p.newFormData(c)
	if err != nil {
		return err
	}
	return p.render(c, http.StatusOK, "new", view{Title: "Log an invitation", Nav: "new", Form: form, Data: d})
}

// handleCreate logs a new application, with its invitation when the form
// says one came.
func (p *Pages) handleCreate(c echo.Context) error {
	k := p.clock(c)
	if c.FormValue("existing") != "" {
		return p.handleInvitationOnExisting(c, k)
	}
	in := applications.NewApplication{Status: workflow.State(c.FormValue("start"))}
	in.Company, in.Role = c.FormValue("company"), c.FormValue("role")
	in.ContactName, in.ContactEmail = c.FormValue("contact_name"), c.FormValue("contact_email")
	in.ContactKind, in.ContactTitle, in.GreetingName = c.FormValue("contact_kind"), c.FormValue("contact_title"), c.FormValue("greeting_name")
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
		return p.newFormError(c, err)
	}
	return redirect(c, "/applications/"+strconv.FormatInt(d.ID, 10))
}

// newFormError shows the form again with the refusal beside its fields.
func (p *Pages) newFormError(c echo.Context, err error) error {
	d, lerr := p.newFormData(c)
	if lerr != nil {
		return lerr
	}
	return p.formError(c, "new", view{Title: "Log an invitation", Nav: "new", Data: d}, plainFields(err))
}

// handleInvitationOnExisting logs the invitation on the application the
// form picked instead of creating one.
func (p *Pages) handleInvitationOnExisting(c echo.Context, k *clock) error {
	id, err := strconv.ParseInt(c.FormValue("existing"), 10, 64)
	if err != nil {
		return p.newFormError(c, apperr.Invalid(map[string]string{"existing": "pick an application from the list"}))
	}
	in, err := invitationForm(c, k)
	if err == nil {
		_, err = p.Apps.AddInvitation(c.Request().Context(), id, in)
	}
	if err != nil {
		return p.newFormError(c, err)
	}
	return redirect(c, "/applications/"+strconv.FormatInt(id, 10)+"#invitations")
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
	if in.Origin, err = parseOrigin(c.FormValue("origin")); err != nil {
		bad["file"] = "the details read from the file were damaged: read the file again"
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
