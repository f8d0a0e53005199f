package web

import (
	"context"
	"net/http"
	"net/url"
	"sort"
	"strconv"

	"github.com/labstack/echo/v4"

	"tracker/internal/applications"
	"tracker/internal/decline"
	"tracker/internal/workflow"
)

// studioData is the decline studio: the choices, the letter with its
// checklist, and after the decline the follow-up.
type studioData struct {
	*applications.Detail
	Reasons  []decline.Reason
	Tones    []decline.Tone
	Channels []decline.Channel
	Offers   []decline.Offer
	// DetailKinds are what the user's detail can be to the letter.
	DetailKinds []decline.DetailKind
	// Variant is the wording the letter is in; "Another wording" asks
	// for the next.
	Variant int
	Preview *applications.Preview
	// Failed is set when the letter has a failing check of severity error.
	Failed   bool
	FollowUp *applications.Preview
	// FollowUpKind is the follow-up chosen: confirm (the default) or thanks.
	FollowUpKind string
	Declined     bool
	// Problem lists why no letter can be written, such as a company name
	// a letter cannot carry.
	Problem []string
	// CanDecline is set when the application's stage has a decline letter.
	CanDecline bool
	// Withdrawing is set before any invitation: the letter withdraws the
	// application, and no follow-up comes after it.
	Withdrawing bool
}

// problems lists a refusal's field errors as sentences, in a stable
// order, or its message when it names no field.
func problems(r refusal) []string {
	var out []string
	for _, m := range r.fields {
		out = append(out, m)
	}
	if len(out) == 0 {
		return []string{r.message}
	}
	sort.Strings(out)
	return out
}

func (p *Pages) handleStudio(c echo.Context) error {
	return p.showStudio(c, http.StatusOK, view{})
}

// showStudio renders the studio for the application of the path.
func (p *Pages) showStudio(c echo.Context, status int, v view) error {
	id, err := pathID(c, "id")
	if err != nil {
		return err
	}
	ctx := c.Request().Context()
	d, err := p.Apps.Get(ctx, id)
	if err != nil {
		return err
	}
	sd := studioData{Detail: d, Reasons: decline.Reasons(), Tones: decline.Tones(), Channels: decline.Channels(),
		Offers: decline.Offers(), DetailKinds: decline.DetailKinds(), Declined: d.Status == workflow.Declined}
	if sd.Declined {
		sd.FollowUpKind = or(v.Form.Get("kind"), c.QueryParam("kind"))
		in := followUpInput(v.Form)
		in.Kind = sd.FollowUpKind
		if sd.FollowUp, err = p.Apps.PreviewFollowUp(ctx, id, in); err != nil {
			return err
		}
		sd.Failed = len(decline.FailedErrors(sd.FollowUp.Checks)) > 0
	} else if _, sd.CanDecline = decline.SituationFor(d.Status); sd.CanDecline {
		sd.Withdrawing = workflow.CanMove(d.Status, workflow.Withdrawn)
		if v.Form == nil {
			st, err := p.Apps.Settings(ctx)
			if err != nil {
				return err
			}
			prof, err := p.Apps.Profile(ctx)
			if err != nil {
				return err
			}
			v.Form = map[string][]string{"reason": {string(decline.ReasonAnotherOffer)}, "tone": {st.DefaultTone},
				"channel": {st.DefaultChannel}, "sender_name": {prof.Name}}
			for _, k := range choiceNames { // "Another wording" without JavaScript: the choices in the query
				if q := c.QueryParam(k); q != "" {
					v.Form.Set(k, q)
				}
			}
		}
		in := declineInput(v.Form.Get, v.Form.Has("body"))
		sd.Variant = in.Variant
		if sd.Preview, err = p.previewLetter(ctx, id, sd.Withdrawing, in); err != nil {
			r, ok := asRefusal(err)
			if !ok {
				return err
			}
			sd.Problem = problems(r)
		} else {
			sd.Failed = len(decline.FailedErrors(sd.Preview.Checks)) > 0
			if v.Form.Get("offer") == "" {
				v.Form.Set("offer", sd.Preview.Offer) // the situation's default, selected
			}
		}
	}
	v.Title, v.Nav, v.Data = "Decline "+d.Company, "list", sd
	return p.render(c, status, "studio", v)
}

// declineInput reads the studio's choices; edited says whether to take the
// subject and body as typed rather than write them afresh.
func declineInput(get func(string) string, edited bool) applications.DeclineInput {
	in := applications.DeclineInput{Reason: get("reason"), ReasonDetail: get("reason_detail"),
		Channel: get("channel"), Tone: get("tone"), SenderName: get("sender_name"),
		Detail: get("detail"), DetailKind: get("detail_kind"), Offer: get("offer"), Variant: variant(get("variant"))}
	if w := get("wording"); w != "" { // the "Another wording" button's
		in.Variant = variant(w)
	}
	if edited {
		subject, body := get("subject"), get("body")
		in.Subject, in.Body = &subject, &body
	}
	return in
}

// choiceNames are the studio's choices, as the form and the query name them.
var choiceNames = []string{"reason", "reason_detail", "tone", "channel", "sender_name", "detail", "detail_kind", "offer", "variant"}

// variant reads the wording asked for; what is not a whole number is -1,
// which the service refuses naming the field.
func variant(s string) int {
	if s == "" {
		return 0
	}
	n, err := strconv.Atoi(s)
	if err != nil {
		return -1
	}
	return n
}

// handleStudioPreview answers htmx: after a choice, the letter written
// afresh with its checklist; after an edit, the checklist of the text as
// typed.
func (p *Pages) handleStudioPreview(c echo.Context) error {
	id, err := pathID(c, "id")
	if err != nil {
		return err
	}
	edited := c.FormValue("edited") == "1"
	in := declineInput(c.FormValue, edited)
	pv, err := p.previewLetter(c.Request().Context(), id, c.FormValue("leave") == "withdraw", in)
	if err != nil {
		r, ok := asRefusal(err)
		if !ok {
			return err
		}
		pv = nil
		sd := studioData{Detail: &applications.Detail{Application: applications.Application{ID: id}}, Problem: problems(r)}
		name := "studio-letter"
		if edited {
			name = "studio-problems"
		}
		return p.renderFragment(c, http.StatusOK, "studio", name, view{Data: sd})
	}
	sd := studioData{Detail: &applications.Detail{Application: applications.Application{ID: id}}, Preview: pv,
		Failed: len(decline.FailedErrors(pv.Checks)) > 0, Variant: in.Variant}
	name := "studio-letter"
	if edited {
		name = "studio-checks"
	}
	return p.renderFragment(c, http.StatusOK, "studio", name, view{Data: sd})
}

// handleStudioWording is "Another wording" without JavaScript: the studio
// again, its choices in the query and the next wording asked for.
func (p *Pages) handleStudioWording(c echo.Context) error {
	id, err := pathID(c, "id")
	if err != nil {
		return err
	}
	q := url.Values{}
	for _, k := range choiceNames {
		if v := c.FormValue(k); v != "" {
			q.Set(k, v)
		}
	}
	q.Set("variant", c.FormValue("wording"))
	return redirect(c, "/applications/"+strconv.FormatInt(id, 10)+"/decline?"+q.Encode())
}

// handleStudioEML downloads the letter as typed as an .eml draft.
func (p *Pages) handleStudioEML(c echo.Context) error {
	id, err := pathID(c, "id")
	if err != nil {
		return err
	}
	eml, err := p.Apps.DraftEML(c.Request().Context(), id, c.FormValue("subject"), c.FormValue("body"))
	if err != nil {
		return p.studioRefused(c, err)
	}
	c.Response().Header().Set(echo.HeaderContentDisposition, `attachment; filename="`+eml.Filename+`"`)
	return c.Blob(http.StatusOK, "message/rfc822", eml.Data)
}

// handleStudioSend marks the letter as sent: the application is declined
// and the follow-up falls due, or before any invitation it is withdrawn.
func (p *Pages) handleStudioSend(c echo.Context) error {
	id, err := pathID(c, "id")
	if err != nil {
		return err
	}
	in := declineInput(c.FormValue, true)
	in.Override = c.FormValue("override") == "1"
	ctx, path := c.Request().Context(), "/applications/"+strconv.FormatInt(id, 10)
	if c.FormValue("leave") == "withdraw" {
		if _, err := p.Apps.Withdraw(ctx, id, applications.WithdrawInput{Letter: &in}); err != nil {
			return p.studioRefused(c, err)
		}
		return redirect(c, path+"?saved=1")
	}
	if _, err := p.Apps.Decline(ctx, id, in); err != nil {
		return p.studioRefused(c, err)
	}
	return redirect(c, path+"/decline#follow-up")
}

// previewLetter writes the studio's letter: the one that withdraws the
// application before any invitation, else the decline.
func (p *Pages) previewLetter(ctx context.Context, id int64, withdraw bool, in applications.DeclineInput) (*applications.Preview, error) {
	if withdraw {
		return p.Apps.PreviewWithdrawal(ctx, id, in)
	}
	return p.Apps.PreviewDecline(ctx, id, in)
}

// studioRefused shows the studio again with the refusal and the text as
// typed.
func (p *Pages) studioRefused(c echo.Context, err error) error {
	r, ok := asRefusal(err)
	if !ok {
		return err
	}
	return p.showStudio(c, r.status, view{Error: r.message, Errors: r.fields, Form: formValues(c)})
}

// handleFollowUp records the follow-up after a decline.
func (p *Pages) handleFollowUp(c echo.Context) error {
	id, err := pathID(c, "id")
	if err != nil {
		return err
	}
	in := followUpInput(formValues(c))
	in.Note, in.Override = c.FormValue("note"), c.FormValue("override") == "1"
	if _, err := p.Apps.FollowUp(c.Request().Context(), id, in); err != nil {
		return p.studioRefused(c, err)
	}
	return redirect(c, "/applications/"+strconv.FormatInt(id, 10)+"?followed_up=1")
}

// NextVariant is the wording "Another wording" asks for.
func (d studioData) NextVariant() int { return d.Variant + 1 }

// followUpInput reads the follow-up's kind and, once the user has edited
// it, its text, from a refused form (nil on a first visit).
func followUpInput(f url.Values) applications.FollowUpInput {
	in := applications.FollowUpInput{Kind: f.Get("kind")}
	if f.Has("body") {
		subject, body := f.Get("subject"), f.Get("body")
		in.Subject, in.Body = &subject, &body
	}
	return in
}

// or returns s, or def when s is empty.
func or(s, def string) string {
	if s == "" {
		return def
	}
	return s
}
