package web_test

import (
	"net/http"
	"net/url"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/chromedp"
	"github.com/chromedp/chromedp/kb"

	"tracker/internal/applications"
)

// TestStudioChoices: in the studio the user adds one detail, chooses no
// offer and asks for another wording; each rewrites the live letter, and
// after an edit another wording asks first.
func TestStudioChoices(t *testing.T) {
	a := newApp(t).signedIn()
	in := applications.NewApplication{Fields: applications.Fields{Company: "Globex", Role: "Platform engineer",
		ContactName: "Ana Lima", ContactTitle: "Dr."}}
	inv := applications.NewInvitation{ReceivedAt: time.Now().Add(-2 * time.Hour)}
	in.Invitation = &inv
	a.create(in)
	if _, err := a.apps.UpdateProfile(a.ctx(), applications.ProfilePatch{Name: ptr("Sam Doe")}); err != nil {
		t.Fatal(err)
	}
	a.open("/applications/1/decline")
	a.run(chromedp.WaitVisible(`#s-body`, chromedp.ByQuery))
	if got := a.value(`#s-offer`); got != "stay_in_touch" {
		t.Fatalf("the offer of an invitation's decline starts as %q, want stay_in_touch", got)
	}
	a.run(chromedp.SendKeys(`#s-one-detail`, "meeting the platform team"+kb.Tab))
	a.waitValue(`#s-body`, "eeting the platform team")
	a.run(chromedp.SetValue(`#s-offer`, "none", chromedp.ByQuery))
	a.eval(`document.querySelector('#s-offer').dispatchEvent(new Event('change', {bubbles: true}))`, nil)
	a.settled()
	before := a.value(`#s-body`)
	a.run(chromedp.Click(`button[name=wording]`, chromedp.ByQuery))
	a.run(chromedp.Poll(`document.querySelector('#s-body').value !== `+jsString(before), nil, chromedp.WithPollingTimeout(waitLimit)))
	a.see("Wording 2")
	// The detail may open a sentence: "Meeting the platform team ..."
	if got := a.value(`#s-body`); !strings.Contains(got, "eeting the platform team") || !strings.HasPrefix(got, "Dear Dr. Lima,") {
		t.Fatalf("another wording lost the detail or the greeting:\n%s", got)
	}
	a.screenshot("studio-choices-1280")

	// After an edit, another wording asks before replacing it.
	a.settled()
	a.run(chromedp.Click(`#s-body`), chromedp.SendKeys(`#s-body`, kb.End+" PS."))
	a.eval(`(() => { window.asked = ""; window.confirm = q => { window.asked = q; return false; }; return true; })()`, nil)
	a.run(chromedp.Click(`button[name=wording]`, chromedp.ByQuery))
	a.run(chromedp.Poll(`window.asked !== ""`, nil, chromedp.WithPollingTimeout(waitLimit)))
	if got := a.value(`#s-body`); !strings.Contains(got, " PS.") {
		t.Fatalf("another wording replaced the edited letter:\n%s", got)
	}
}

// settled waits until htmx has no request in flight and has taken charge
// of the letter's "Another wording" button (a click before that would
// submit the form the way it works without JavaScript).
func (a *app) settled() {
	a.t.Helper()
	a.run(chromedp.Poll(`document.querySelectorAll('.htmx-request').length === 0 &&
		document.querySelector('button[name=wording]')['htmx-internal-data'] !== undefined`, nil, chromedp.WithPollingTimeout(waitLimit)))
}

// value reads the value of the form field sel.
func (a *app) value(sel string) string {
	a.t.Helper()
	var v string
	a.run(chromedp.Value(sel, &v, chromedp.ByQuery))
	return v
}

// waitValue waits until the form field sel holds want.
func (a *app) waitValue(sel, want string) {
	a.t.Helper()
	a.run(chromedp.Poll(`document.querySelector(`+jsString(sel)+`).value.includes(`+jsString(want)+`)`, nil,
		chromedp.WithPollingTimeout(waitLimit)))
}

// TestStudioWithoutJavaScript: "Another wording" posts, redirects to the
// studio with the choices in the query and shows the next wording; a bad
// offer is named on the page and nothing is sent.
func TestStudioWithoutJavaScript(t *testing.T) {
	c := newClient(t)
	c.get("/applications/new")
	received := time.Now().UTC().Add(-time.Hour).Format("2006-01-02T15:04")
	if code, page := c.post("/applications", url.Values{"start": {"invited"}, "company": {"Globex"}, "role": {"SRE"}, "received_at": {received}}); code != http.StatusSeeOther {
		t.Fatalf("create = %d:\n%s", code, page)
	}
	c.get("/applications/1/decline")
	choices := url.Values{"reason": {"timing"}, "tone": {"warm"}, "channel": {"email"}, "sender_name": {"Sam Doe"},
		"detail": {"meeting the platform team"}, "offer": {"none"}, "variant": {"0"}, "wording": {"1"}, "body": {"x"}}
	code, loc := c.postForLocation("/applications/1/decline/wording", choices)
	if code != http.StatusSeeOther || !strings.Contains(loc, "variant=1") || strings.Contains(loc, "body=") {
		t.Fatalf("another wording = %d to %q", code, loc)
	}
	_, page := c.get(loc)
	if !strings.Contains(page, "Wording 2") || !strings.Contains(page, "meeting the platform team") {
		t.Fatalf("the studio does not show the next wording with the detail:\n%s", page)
	}
	if !strings.Contains(page, "No offer of help, as you chose") || strings.Contains(page, "Passes: An offer of help") {
		t.Fatalf("with offer none the checklist does not say that no offer is made by choice:\n%s", page)
	}
	choices.Set("offer", "money")
	choices.Del("body")
	code, page = c.post("/applications/1/decline", choices)
	if code != http.StatusUnprocessableEntity || !strings.Contains(page, "Offer of help must be one of") {
		t.Fatalf("a bad offer = %d:\n%s", code, page)
	}
	if _, page = c.get("/applications/1"); !strings.Contains(page, "Stage: <strong>Invited") {
		t.Fatalf("a refused decline moved the application:\n%s", page)
	}
}

// postForLocation posts a form and returns the status and the Location
// the answer redirects to.
func (c *client) postForLocation(path string, form url.Values) (int, string) {
	c.t.Helper()
	form.Set("_csrf", c.csrf)
	res, err := c.http.PostForm(c.base+path, form)
	if err != nil {
		c.t.Fatal(err)
	}
	res.Body.Close()
	return res.StatusCode, res.Header.Get("Location")
}

// TestFollowUpStudio: after the decline the studio offers the follow-up
// in both kinds; an edit that fails a check is refused with the check
// named and the text kept, and nothing is recorded.
func TestFollowUpStudio(t *testing.T) {
	c := newClient(t)
	c.get("/applications/new")
	received := time.Now().UTC().Add(-time.Hour).Format("2006-01-02T15:04")
	c.post("/applications", url.Values{"start": {"invited"}, "company": {"Globex"}, "role": {"SRE"}, "received_at": {received}})
	c.get("/applications/1/decline")
	body := "Dear Hiring Team,\n\nThank you for inviting me to interview for the SRE role at Globex. I have decided to decline, " +
		"as I have accepted another offer.\n\nI would be glad to stay in touch.\n\nKind regards,\nSam Doe"
	form := url.Values{"reason": {"another_offer"}, "sender_name": {"Sam Doe"}, "body": {body}, "subject": {"Declining"},
		"detail": {"meeting the platform team"}, "offer": {"stay_in_touch"}, "variant": {"1"}}
	code, page := c.post("/applications/1/decline", form)
	if code != http.StatusSeeOther {
		t.Fatalf("decline = %d:\n%s", code, page)
	}
	if _, page = c.get("/applications/1"); !strings.Contains(page, "offer: stay in touch; detail: “meeting the platform team”; wording 2") {
		t.Fatalf("the application page does not show what was chosen for the sent letter:\n%s", page)
	}
	if _, page = c.get("/applications/1/decline?kind=thanks"); !strings.Contains(page, "thank-you that closes") || !strings.Contains(page, "kind reply") {
		t.Fatalf("the thanks follow-up is not offered:\n%s", page)
	}
	code, page = c.post("/applications/1/follow-up", url.Values{"kind": {"thanks"}, "body": {"ok bye"}, "subject": {"Re: x"}})
	if code != http.StatusUnprocessableEntity || !strings.Contains(page, "Fails: Thanks") || !strings.Contains(page, "ok bye") {
		t.Fatalf("a failing follow-up edit = %d:\n%s", code, page)
	}
	if _, page = c.get("/applications/1"); !strings.Contains(page, "Stage: <strong>Declined") {
		t.Fatalf("a refused follow-up moved the application:\n%s", page)
	}
}

// TestWithdrawalStudio: before any invitation the studio writes the letter
// that withdraws the application; marking it sent withdraws it with the
// letter, and the application page offers the way there.
func TestWithdrawalStudio(t *testing.T) {
	c := newClient(t)
	c.get("/applications/new")
	c.post("/applications", url.Values{"start": {"applied"}, "company": {"Globex"}, "role": {"SRE"}})
	if _, page := c.get("/applications/1"); !strings.Contains(page, "Withdraw with a letter") {
		t.Fatalf("the application page does not offer a withdrawal letter:\n%s", page)
	}
	if _, page := c.get("/applications/1/decline"); !strings.Contains(page, "Withdraw from Globex") {
		t.Fatalf("the studio of an applied application:\n%s", page)
	}
	choices := url.Values{"leave": {"withdraw"}, "reason": {"timing"}, "sender_name": {"Sam Doe"}, "tone": {"formal"}, "channel": {"email"}}
	code, page := c.post("/applications/1/decline/preview", choices)
	if code != http.StatusOK || !strings.Contains(page, "my application for the SRE position") {
		t.Fatalf("the withdrawal preview = %d:\n%s", code, page)
	}
	choices.Set("body", "Dear Hiring Team,\n\nThank you for considering my application for the SRE position at Globex; I have decided to withdraw it.\n\nI would be glad to stay in touch.\n\nKind regards,\nSam Doe")
	choices.Set("subject", "Withdrawing my application")
	if code, page = c.post("/applications/1/decline", choices); code != http.StatusSeeOther {
		t.Fatalf("mark the withdrawal letter sent = %d:\n%s", code, page)
	}
	if _, page = c.get("/applications/1"); !strings.Contains(page, "Stage: <strong>Withdrawn") || !strings.Contains(page, "Withdraw letter sent by email") {
		t.Fatalf("the application after the withdrawal letter:\n%s", page)
	}
}
