package web

import (
	"net/http"
	"slices"
	"sort"
	"strconv"
	"strings"
	"time"

	"github.com/labstack/echo/v4"

	"tracker/internal/apperr"
	"tracker/internal/applications"
	"tracker/internal/civil"
	"tracker/internal/workflow"
)

// applicationData is the application page.
type applicationData struct {
	*applications.Detail
	Moves    []move
	Timeline []event
	Formats  []string
	// ContactKinds are the choices of who letters address.
	ContactKinds []option
	// HadOffer says the application has been offered, so the day of the
	// offer can be edited; Today is the user's, the latest that day may be.
	HadOffer bool
	Today    string
}

// option is one choice of a select: the value the form posts and its label.
type option struct{ Value, Label string }

// contactKinds are the kinds of contact, the one derived from the name first.
var contactKinds = []option{{"", "Derive from the name"}, {"person", "A person"},
	{"team", "A team or shared inbox"}, {"none", "Nobody by name (the hiring team)"}}

// move is one allowed next step as a button: a plain move posts, the
// guarded ones open the studio or post the withdrawal.
type move struct {
	To     workflow.State
	Label  string
	Studio string // the studio's URL for decline and follow-up
}

// event is one line of the timeline.
type event struct {
	At   time.Time
	Text string
}

// formats are the interview formats the forms offer.
var formats = []string{"phone", "video", "onsite", "other"}

// pathID reads the :id of the path; a bad one is a 404 page.
func pathID(c echo.Context, name string) (int64, error) {
	id, err := strconv.ParseInt(c.Param(name), 10, 64)
	if err != nil || id <= 0 {
		return 0, apperr.Errorf(apperr.ENOTFOUND, "application not found")
	}
	return id, nil
}

func (p *Pages) handleApplication(c echo.Context) error {
	return p.showApplication(c, http.StatusOK, view{})
}

// showApplication renders the application of the path with v's messages.
func (p *Pages) showApplication(c echo.Context, status int, v view) error {
	id, err := pathID(c, "id")
	if err != nil {
		return err
	}
	d, err := p.Apps.Get(c.Request().Context(), id)
	if err != nil {
		return err
	}
	v.Title, v.Nav = d.Company+" · "+d.Role, "list"
	k := p.clock(c)
	v.Data = applicationData{Detail: d, Moves: movesOf(d.ID, d.AllowedTransitions), Timeline: timelineOf(d), Formats: formats, ContactKinds: contactKinds,
		HadOffer: hadOffer(d), Today: k.Today()}
	if v.Form == nil {
		v.Form = fieldsForm(d.Fields, k)
	}
	return p.render(c, status, "application", v)
}

// hadOffer reports whether d's history has a move to offered.
func hadOffer(d *applications.Detail) bool {
	return slices.ContainsFunc(d.History, func(h applications.HistoryEntry) bool { return h.To == workflow.Offered })
}

// movesOf lists the allowed next steps from the workflow table.
func movesOf(id int64, allowed []workflow.State) []move {
	var out []move
	for _, to := range allowed {
		m := move{To: to, Label: "Move to " + stageLabel(to)}
		switch workflow.ActionFor(to) {
		case workflow.ActionDecline:
			m.Label, m.Studio = "Decline…", "/applications/"+strconv.FormatInt(id, 10)+"/decline"
		case workflow.ActionFollowUp:
			m.Label, m.Studio = "Record follow-up…", "/applications/"+strconv.FormatInt(id, 10)+"/decline#follow-up"
		case workflow.ActionWithdraw:
			m.Label = "Withdraw"
			out = append(out, move{To: to, Label: "Withdraw with a letter…", Studio: "/applications/" + strconv.FormatInt(id, 10) + "/decline"})
		}
		if to == workflow.Scheduled {
			m.Label = "Accept the invitation"
		}
		out = append(out, m)
	}
	return out
}

// timelineOf merges moves, invitations and letters, newest first. Each
// list comes oldest first; what happened at the same instant (an
// imported application's moves, made together) keeps its order, reversed
// with the rest: "Created as Applied" stays below "Applied → Offered".
func timelineOf(d *applications.Detail) []event {
	var out []event
	for _, h := range d.History {
		text := "Created as " + stageLabel(h.To)
		if h.From != "" {
			text = stageLabel(h.From) + " → " + stageLabel(h.To)
		}
		if h.Note != "" && h.Note != "created" {
			text += ": " + h.Note
		}
		out = append(out, event{At: h.At, Text: text})
	}
	for _, inv := range d.Invitations {
		out = append(out, event{At: inv.ReceivedAt, Text: "Invitation received (round " + strconv.Itoa(inv.Round) + ")"})
	}
	for _, l := range d.Letters {
		out = append(out, event{At: l.SentAt, Text: words(l.Kind) + " letter sent by " + l.Channel})
	}
	slices.Reverse(out)
	sort.SliceStable(out, func(i, j int) bool { return out[i].At.After(out[j].At) })
	return out
}

// fieldsForm fills the edit form from the stored fields.
func fieldsForm(f applications.Fields, k *clock) map[string][]string {
	return map[string][]string{"company": {f.Company}, "role": {f.Role}, "location": {f.Location},
		"job_url": {f.JobURL}, "source": {f.Source}, "contact_name": {f.ContactName},
		"contact_kind": {f.ContactKind}, "contact_title": {f.ContactTitle}, "greeting_name": {f.GreetingName},
		"contact_email": {f.ContactEmail}, "notes": {f.Notes}, "applied_at": {k.Input(f.AppliedAt)},
		"offer_made_on": {f.OfferMadeOn.String()}}
}

// handleUpdate saves the edited fields.
func (p *Pages) handleUpdate(c echo.Context) error {
	id, err := pathID(c, "id")
	if err != nil {
		return err
	}
	k := p.clock(c)
	if err := c.Request().ParseForm(); err != nil {
		return err
	}
	patch := applications.Patch{}
	for name, dst := range map[string]**string{"company": &patch.Company, "role": &patch.Role, "location": &patch.Location,
		"job_url": &patch.JobURL, "source": &patch.Source, "contact_name": &patch.ContactName,
		"contact_kind": &patch.ContactKind, "contact_title": &patch.ContactTitle, "greeting_name": &patch.GreetingName,
		"contact_email": &patch.ContactEmail, "notes": &patch.Notes} {
		if v, ok := c.Request().PostForm[name]; ok {
			s := strings.Join(v, "")
			*dst = &s
		}
	}
	if _, ok := c.Request().PostForm["offer_made_on"]; ok {
		patch.OfferMadeOn = new(civil.Date)
	}
	if patch.AppliedAt, err = k.parseInput(c.FormValue("applied_at")); err != nil {
		err = apperr.Invalid(map[string]string{"applied_at": "applied_at is not a date and time"})
	} else if err = offerDateOf(c, patch.OfferMadeOn); err == nil {
		_, err = p.Apps.Update(c.Request().Context(), id, patch)
	}
	if err != nil {
		return p.refusedOnApplication(c, err)
	}
	return redirect(c, "/applications/"+c.Param("id")+"?saved=1")
}

// offerDateOf reads the form's offer_made_on, a date input's YYYY-MM-DD
// ("" is none), into d; nil d reads nothing.
func offerDateOf(c echo.Context, d *civil.Date) error {
	if d == nil {
		return nil
	}
	v, err := civil.Parse(strings.TrimSpace(c.FormValue("offer_made_on")))
	if err != nil {
		return apperr.Invalid(map[string]string{"offer_made_on": "offer_made_on is not a date"})
	}
	*d = v
	return nil
}

// refusedOnApplication shows the application page again with a refusal.
func (p *Pages) refusedOnApplication(c echo.Context, err error) error {
	r, ok := asRefusal(err)
	if !ok {
		return err
	}
	msg := r.message
	if len(r.allowed) > 0 {
		msg += " Allowed from here: " + strings.Join(labels(r.allowed), ", ") + "."
	}
	return p.showApplication(c, r.status, view{Error: msg, Errors: r.fields, Form: formValues(c)})
}

func labels(states []string) []string {
	out := make([]string, len(states))
	for i, s := range states {
		out[i] = stageLabel(s)
	}
	return out
}

// handleDelete deletes the application after the page's confirmation.
func (p *Pages) handleDelete(c echo.Context) error {
	id, err := pathID(c, "id")
	if err != nil {
		return err
	}
	if err := p.Apps.Delete(c.Request().Context(), id); err != nil {
		return err
	}
	return redirect(c, "/applications?deleted=1")
}
