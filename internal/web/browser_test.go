package web_test

import (
	"context"
	"fmt"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/chromedp"
	"github.com/chromedp/chromedp/kb"

	"tracker/internal/applications"
	"tracker/internal/fixtures"
	"tracker/internal/workflow"
)

// TestFirstRunSetup: before any account the sign-in page points at the
// server's terminal; the printed link creates the account and opens an
// empty Today that says what to do first.
func TestFirstRunSetup(t *testing.T) {
	a := newApp(t)
	a.open("/login")
	a.see("setup link")
	token, _, err := a.accts.CreateSetupToken(context.Background()) // what tracker serve prints
	if err != nil {
		t.Fatal(err)
	}
	a.open("/setup?token=" + token)
	a.run(chromedp.SendKeys(`input[name=email]`, "new@example.com"),
		chromedp.SendKeys(`input[name=password]`, testPassword),
		chromedp.SendKeys(`input[name=password_again]`, testPassword),
		chromedp.Click(`form button[type=submit]`),
		chromedp.WaitVisible(`#start-h`, chromedp.ByQuery))
	a.see("Start here")
	a.see("Log an invitation")
}

// TestDeclineStory is the main walk: an invitation received 3 days ago is
// overdue on Today; the studio declines it (a harsh word fails a check,
// removing it passes again); marked as sent, the warning is gone and the
// follow-up shows, and recording it ends the story.
func TestDeclineStory(t *testing.T) {
	a := newApp(t).signedIn()
	a.open("/applications/new")
	received := time.Now().Add(-72 * time.Hour).UTC().Format("2006-01-02T15:04") // the user's zone is UTC
	a.run(chromedp.SendKeys(`#f-company`, "Acme"),
		chromedp.SendKeys(`#f-role`, "Backend engineer"),
		chromedp.SendKeys(`#f-contact_name`, "Dana"),
		chromedp.SendKeys(`#f-contact_email`, "dana@acme.example"),
		chromedp.SetValue(`#received`, received),
		chromedp.Click(`form[action="/applications"] button[type=submit]`),
		chromedp.WaitVisible(`#next-h`, chromedp.ByQuery))
	a.see("Stage: Invited")

	a.open("/")
	a.see("Acme")
	a.see("overdue by")
	a.screenshot("today-1280")
	a.run(chromedp.Click(`a[href="/applications/1/decline"]`, chromedp.ByQuery), chromedp.WaitVisible(`#s-sender`, chromedp.ByQuery))
	a.see("Sign as is required")
	a.run(chromedp.SendKeys(`#s-sender`, "Sam Doe"+kb.Tab)) // leaving the field writes the letter
	a.run(chromedp.WaitVisible(`#s-body`, chromedp.ByQuery))
	a.see("Etiquette checklist")
	a.waitNoText("#checks", "Fails:")
	a.screenshot("studio-1280")

	a.run(chromedp.Click(`#s-body`), chromedp.KeyEvent(kb.End), chromedp.SendKeys(`#s-body`, kb.End+" Your team seemed toxic to me."))
	a.waitText("#checks", "Fails:")
	var body string
	a.run(chromedp.Value(`#s-body`, &body))
	cleaned := strings.Replace(body, " Your team seemed toxic to me.", "", 1)
	a.eval(`(() => { const b = document.querySelector('#s-body'); b.value = `+jsString(cleaned)+`; b.dispatchEvent(new Event('input', {bubbles: true})); return true; })()`, nil)
	a.waitNoText("#checks", "Fails:")

	// Changing a choice after editing asks before rewriting the letter; saying
	// no keeps the edit.
	a.eval(`(() => { window.asked = ""; window.confirm = q => { window.asked = q; return false; };
		const t = document.querySelector('#s-tone'); const was = t.value; t.value = was === 'warm' ? 'formal' : 'warm';
		t.dispatchEvent(new Event('change', {bubbles: true})); t.value = was; return true; })()`, nil)
	a.run(chromedp.Poll(`window.asked !== ""`, nil, chromedp.WithPollingTimeout(waitLimit)))
	var asked, kept string
	a.eval(`window.asked`, &asked)
	a.run(chromedp.Value(`#s-body`, &kept))
	if !strings.Contains(asked, "Your edits to it will be replaced") || kept != cleaned {
		t.Fatalf("a change of choice after an edit asked %q and left the letter:\n%s", asked, kept)
	}

	a.run(chromedp.Click(`#studio > button.primary`, chromedp.ByQuery), chromedp.WaitVisible(`#fu-h`, chromedp.ByQuery))
	a.see("Your decline is sent")
	a.see("due in")
	a.screenshot("followup-1280")
	a.run(chromedp.EmulateViewport(375, 800))
	a.open("/applications/1/decline?kind=thanks")
	a.see("thank-you that closes")
	a.noHorizontalScroll("/applications/1/decline?kind=thanks")
	a.screenshot("followup-thanks-375")
	a.run(chromedp.EmulateViewport(1280, 900))
	a.open("/")
	if got := a.text("main"); strings.Contains(got, "overdue") {
		t.Fatalf("Today still shows the answer overdue after the decline:\n%s", got)
	}
	a.open("/applications/1/decline")
	a.run(chromedp.Click(`form[action$="/follow-up"] button.primary`, chromedp.ByQuery), chromedp.WaitVisible(`#next-h`, chromedp.ByQuery))
	a.see("Stage: Followed up")
}

// jsString quotes s for JavaScript.
func jsString(s string) string {
	r := strings.NewReplacer(`\`, `\\`, "`", "\\`", "$", "\\$")
	return "`" + r.Replace(s) + "`"
}

// TestBoardMoves: dragging a card to a stage it may move to moves it; to
// one it may not, the board says why and the card stays; the card's "Move
// to…" menu does the same from the keyboard.
func TestBoardMoves(t *testing.T) {
	a := newApp(t).signedIn()
	in := applications.NewApplication{Status: workflow.Applied}
	in.Company, in.Role = "Beta", "Designer"
	a.create(in)
	in.Company = "Gamma"
	a.create(in)

	a.open("/board")
	a.screenshot("board-1280")
	a.eval(`window.beforeMove = true`, nil)
	a.drag(`.bcard[data-company="Beta"]`, `.column[data-stage="invited"] .column-cards`)
	a.waitReloaded()
	a.run(chromedp.WaitVisible(`.column[data-stage="invited"] .bcard[data-company="Beta"]`, chromedp.ByQuery))

	a.drag(`.bcard[data-company="Beta"]`, `.column[data-stage="wishlist"] .column-cards`)
	a.waitText(`#board-status`, "Not moved")
	a.run(chromedp.WaitVisible(`.column[data-stage="invited"] .bcard[data-company="Beta"]`, chromedp.ByQuery))
	if n := a.count(`.column[data-stage="wishlist"] .bcard`); n != 0 {
		t.Fatalf("the refused card stayed in wishlist (%d cards there)", n)
	}

	a.run(chromedp.Focus(`.bcard[data-company="Gamma"] summary`), chromedp.KeyEvent(kb.Enter))
	a.run(chromedp.Focus(`//li[@data-company="Gamma"]//button[contains(., "Move to Invited")]`), chromedp.KeyEvent(kb.Enter))
	a.run(chromedp.WaitVisible(`.column[data-stage="invited"] .bcard[data-company="Gamma"]`, chromedp.ByQuery))
}

// count returns how many elements match sel.
func (a *app) count(sel string) int {
	a.t.Helper()
	var n int
	a.eval(`document.querySelectorAll(`+jsString(sel)+`).length`, &n)
	return n
}

// TestHostileCompanyIsText: a company named like HTML shows as text on
// every page and runs nothing (a dialog would fail the test).
func TestHostileCompanyIsText(t *testing.T) {
	a := newApp(t).signedIn()
	const name = `<img src=x onerror=alert(1)>`
	in := applications.NewApplication{}
	in.Company, in.Role = name, "Role"
	inv := applications.NewInvitation{ReceivedAt: time.Now().Add(-30 * time.Hour)}
	in.Invitation = &inv
	a.create(in)
	for _, path := range []string{"/", "/board", "/applications", "/applications/1", "/applications/1/decline"} {
		a.open(path)
		if got := a.text("main"); !strings.Contains(got, name) {
			t.Errorf("%s does not show the name as text:\n%s", path, got)
		}
		if n := a.count(`main img`); n != 0 {
			t.Errorf("%s holds %d img elements", path, n)
		}
	}
}

// TestNarrowScreens: at 375 px Today, the board, the application page,
// the studio and the list fit the width.
func TestNarrowScreens(t *testing.T) {
	a := newApp(t).signedIn()
	in := applications.NewApplication{}
	in.Company, in.Role = "Initech International Holdings", "Senior platform reliability engineer"
	inv := applications.NewInvitation{ReceivedAt: time.Now().Add(-20 * time.Hour)}
	in.Invitation = &inv
	a.create(in)
	if _, err := a.apps.UpdateProfile(a.ctx(), applications.ProfilePatch{Name: ptr("Sam Doe")}); err != nil {
		t.Fatal(err)
	}
	a.run(chromedp.EmulateViewport(375, 800))
	for _, p := range []struct{ path, shot string }{{"/", "today-375"}, {"/board", "board-375"},
		{"/applications/1", "application-375"}, {"/applications/1/decline", "studio-375"},
		{"/applications?sort=company", "list-375"}} {
		a.open(p.path)
		a.noHorizontalScroll(p.path)
		a.screenshot(p.shot)
	}
	a.run(chromedp.EmulateViewport(1280, 900))
	a.open("/applications/1")
	a.screenshot("application-1280")
	a.open("/applications?sort=company")
	a.screenshot("list-1280")
	a.run(theme("dark"))
	a.open("/applications/1/decline")
	a.screenshot("studio-1280-dark")
}

// TestTokenReloadCreatesNone: the token form posts, redirects and gets, so
// reloading the page that shows the new token makes no second one.
func TestTokenReloadCreatesNone(t *testing.T) {
	a := newApp(t).signedIn()
	a.open("/settings")
	a.run(chromedp.SendKeys(`#f-token_name`, "laptop"),
		chromedp.Click(`form[action="/settings/tokens"] button`, chromedp.ByQuery),
		chromedp.WaitVisible(`#new-token`, chromedp.ByQuery),
		chromedp.Reload(), chromedp.WaitReady(`#tokens-h`))
	tokens, err := a.accts.ListTokens(context.Background(), a.user.ID)
	if err != nil || len(tokens) != 1 {
		t.Fatalf("after a reload there are %d tokens (%v), want 1", len(tokens), err)
	}
	a.see("Revoke token ‘laptop’")
	if n := a.count(`#new-token`); n != 0 {
		t.Fatal("the reloaded page shows the token again")
	}
}

// TestInvitationFileStory: picking a calendar invite on the "Log an
// invitation" form reads it at once and fills the form in; saving it logs
// the application.
func TestInvitationFileStory(t *testing.T) {
	a := newApp(t).signedIn()
	invite := filepath.Join(fixtures.Real(t), "ics", "nylas-exchange2010-request-romance-tz.ics")
	a.run(chromedp.EmulateViewport(375, 900))
	a.open("/applications/new")
	a.noHorizontalScroll("/applications/new")
	a.screenshot("new-375")
	a.run(chromedp.EmulateViewport(1280, 900))
	a.open("/applications/new")
	// The pick submits the form at once, so the page may be gone before
	// the action returns: its error says so, and the wait below decides.
	_ = chromedp.Run(a.tab, chromedp.SetUploadFiles(`#f-file`, []string{invite}, chromedp.ByQuery))
	a.waitLoaded("Read from nylas-exchange2010-request-romance-tz.ics")
	var email string
	a.run(chromedp.Value(`#f-contact_email`, &email, chromedp.ByQuery))
	if email != "test2@example.com" {
		t.Fatalf("contact e-mail = %q, want the organizer's", email)
	}
	a.screenshot("new-file-1280")
	a.run(chromedp.SetValue(`#f-company`, "Spot", chromedp.ByQuery), chromedp.SetValue(`#f-role`, "Engineer", chromedp.ByQuery),
		chromedp.Click(`form.fields button[type=submit]`, chromedp.ByQuery))
	a.waitLoaded("Stage: Invited")
}

// waitLoaded waits until a page that shows want is fully loaded; errors
// while the browser navigates to it are expected.
func (a *app) waitLoaded(want string) {
	a.t.Helper()
	js := fmt.Sprintf(`document.readyState === "complete" && !!document.querySelector("main") && document.querySelector("main").innerText.includes(%q)`, want)
	deadline := time.Now().Add(waitLimit)
	for time.Now().Before(deadline) {
		var done bool
		if err := chromedp.Run(a.tab, chromedp.Evaluate(js, &done)); err == nil && done {
			return
		}
		time.Sleep(100 * time.Millisecond)
	}
	a.t.Fatalf("no page showing %q loaded", want)
}

// TestRemindersStory: on the settings page the user says where reminders
// go, saves, and sends a test, which shows among the recent reminders; on
// a phone the section fits the screen.
func TestRemindersStory(t *testing.T) {
	a := newApp(t).signedIn()
	a.open("/settings")
	a.run(chromedp.SendKeys(`#f-reminder_email`, "sam@example.com", chromedp.ByQuery),
		chromedp.SendKeys(`#f-webhook_url`, "https://ntfy.sh/sam-jobs", chromedp.ByQuery),
		chromedp.SetValue(`#f-webhook_format`, "ntfy", chromedp.ByQuery),
		chromedp.SendKeys(`#f-quiet_hours`, "22:00-07:00", chromedp.ByQuery),
		chromedp.Click(`form[action="/settings/reminders"] button`, chromedp.ByQuery),
		chromedp.WaitVisible(`form[action="/settings/reminders/test"]`, chromedp.ByQuery))
	a.see("Reminders go where you set them")
	a.run(chromedp.Click(`form[action="/settings/reminders/test"] button`, chromedp.ByQuery),
		chromedp.WaitVisible(`#reminders table`, chromedp.ByQuery))
	a.see("Test reminder from the tracker")
	a.screenshot("settings-1280")
	a.run(chromedp.EmulateViewport(375, 900))
	a.open("/settings#reminders")
	a.noHorizontalScroll("/settings")
	a.screenshot("settings-375")
}

// TestBoardDatesAnOffer: dropping a card on Offered dates the offer the
// user's today, as the page's move does by default, and the board says so
// after it reloads, with a link to the application where the day can be
// changed.
func TestBoardDatesAnOffer(t *testing.T) {
	a := newApp(t).signedIn()
	in := applications.NewApplication{Status: workflow.Applied}
	in.Company, in.Role = "Delta", "Analyst"
	d := a.create(in)
	for _, to := range []workflow.State{workflow.Invited, workflow.Scheduled, workflow.Interviewed} {
		if _, err := a.apps.Move(a.ctx(), d.ID, applications.MoveInput{To: to}); err != nil {
			t.Fatal(err)
		}
	}
	a.open("/board")
	a.eval(`window.beforeMove = true`, nil)
	a.drag(`.bcard[data-company="Delta"]`, `.column[data-stage="offered"] .column-cards`)
	a.waitReloaded()
	a.run(chromedp.WaitVisible(`.column[data-stage="offered"] .bcard[data-company="Delta"]`, chromedp.ByQuery))
	today := time.Now().UTC() // the user's zone is UTC until chosen
	a.waitText(`#board-status`, "Delta moved. The offer is dated today, "+today.Format("2 Jan 2006"))
	if n := a.count(`#board-status a[href="/applications/` + strconv.FormatInt(d.ID, 10) + `"]`); n != 1 {
		t.Fatalf("the board's note has %d links to the application", n)
	}
	a.eval(`document.querySelector('.column[data-stage="offered"]').scrollIntoView({inline: "center"})`, nil)
	a.screenshot("board-offer-1280")
	a.run(chromedp.EmulateViewport(375, 800))
	a.see("The offer is dated today")
	a.screenshot("board-offer-375")
	got, err := a.apps.Get(a.ctx(), d.ID)
	if err != nil {
		t.Fatal(err)
	}
	if got.Status != workflow.Offered || got.OfferMadeOn.String() != today.Format("2006-01-02") {
		t.Fatalf("after the drop: %s, offer made on %q", got.Status, got.OfferMadeOn)
	}
	a.open("/applications/" + strconv.FormatInt(d.ID, 10))
	a.see("Offer made on")
	a.screenshot("board-offer-application-375")

	// The card's menu posts a form, without the script: the board it
	// returns to says the same.
	in.Company = "Echo"
	e := a.create(in)
	for _, to := range []workflow.State{workflow.Invited, workflow.Scheduled, workflow.Interviewed} {
		if _, err := a.apps.Move(a.ctx(), e.ID, applications.MoveInput{To: to}); err != nil {
			t.Fatal(err)
		}
	}
	a.open("/board")
	menu := `.bcard[data-company="Echo"] .move-menu`
	a.run(chromedp.Click(menu+` summary`, chromedp.ByQuery),
		chromedp.WaitVisible(menu+` form:has(input[value="offered"]) button`, chromedp.ByQuery))
	// clicked from a timer: the page it loads would cut a click's answer
	a.eval(`window.beforeMove = true`, nil)
	a.eval(`setTimeout(() => document.querySelector(`+jsString(menu+` form:has(input[value="offered"]) button`)+`).click(), 0)`, nil)
	a.waitReloaded()
	a.waitText(`main .notice`, "Echo moved. The offer is dated today, "+today.Format("2 Jan 2006"))
}
