package web_test

import (
	"net/http"
	"net/url"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/chromedp"

	"tracker/internal/applications"
	"tracker/internal/civil"
	"tracker/internal/storage/storagetest"
	"tracker/internal/workflow"
)

// TestOfferDatePage: the move to offered asks the day of the offer beside
// its button, today by default; the day is then an edited field of the
// application, refused in the future or when it is no date, with the
// error beside the field and what the user typed kept.
func TestOfferDatePage(t *testing.T) {
	c := newClient(t)
	today := time.Now().UTC().Format("2006-01-02") // the user's zone is UTC until chosen
	tomorrow := time.Now().UTC().AddDate(0, 0, 1).Format("2006-01-02")
	if code, body := c.post("/applications", url.Values{"start": {"applied"}, "company": {"Acme"}, "role": {"Analyst"}}); code != http.StatusSeeOther {
		t.Fatalf("create = %d:\n%s", code, body)
	}
	for _, to := range []string{"invited", "scheduled", "interviewed"} {
		if code, body := c.post("/applications/1/move", url.Values{"to": {to}}); code != http.StatusSeeOther {
			t.Fatalf("move to %s = %d:\n%s", to, code, body)
		}
	}
	steps := []struct {
		name       string
		path       string
		form       url.Values
		wantStatus int
		want       []string
	}{
		{"the move asks the day", "", nil, http.StatusOK, []string{"Offer made on (optional)", `name="offer_made_on" value="` + today + `" max="` + today + `"`}},
		{"offered", "/applications/1/move", url.Values{"to": {"offered"}, "offer_made_on": {today}}, http.StatusSeeOther, nil},
		{"the field", "", nil, http.StatusOK, []string{"Offer made on (the letter thanks for it)", `id="f-offer_made_on" name="offer_made_on" type="date" value="` + today + `"`}},
		{"in the future", "/applications/1", url.Values{"offer_made_on": {tomorrow}}, http.StatusUnprocessableEntity,
			[]string{`id="offer_made_on-error"`, "Offer made on must not be after today", `value="` + tomorrow + `"`}},
		{"no date", "/applications/1", url.Values{"offer_made_on": {"16/11"}}, http.StatusUnprocessableEntity,
			[]string{"Offer made on is not a date", `value="16/11"`}},
		{"cleared", "/applications/1", url.Values{"offer_made_on": {""}}, http.StatusSeeOther, nil},
		{"empty now", "", nil, http.StatusOK, []string{`id="f-offer_made_on" name="offer_made_on" type="date" value=""`}},
	}
	for _, s := range steps {
		var code int
		var body string
		if s.path == "" {
			code, body = c.get("/applications/1")
		} else {
			code, body = c.post(s.path, s.form)
		}
		if code != s.wantStatus {
			t.Fatalf("%s = %d, want %d:\n%s", s.name, code, s.wantStatus, body)
		}
		for _, w := range s.want {
			if !strings.Contains(body, w) {
				t.Errorf("%s: the page lacks %q", s.name, w)
			}
		}
	}
}

// TestOfferDayStory: after the interview the user moves the application
// to offered, giving the day the offer came beside the button; the page
// shows the day and lets them edit it, and the decline studio's letter
// thanks for the offer made on that weekday.
func TestOfferDayStory(t *testing.T) {
	a := newApp(t).signedIn()
	in := applications.NewApplication{}
	in.Company, in.Role, in.ContactName = "Contoso", "Data Engineer", "Ana Lima"
	in.Invitation = &applications.NewInvitation{ReceivedAt: time.Now().Add(-10 * 24 * time.Hour)}
	d := a.create(in)
	for _, to := range []workflow.State{workflow.Scheduled, workflow.Interviewed} {
		if _, err := a.apps.Move(a.ctx(), d.ID, applications.MoveInput{To: to}); err != nil {
			t.Fatal(err)
		}
	}
	if _, err := a.apps.UpdateProfile(a.ctx(), applications.ProfilePatch{Name: ptr("Sam Doe")}); err != nil {
		t.Fatal(err)
	}
	offered := time.Now().UTC().AddDate(0, 0, -3) // the user's zone is UTC
	a.open("/applications/1")
	a.see("Offer made on (optional)")
	a.run(chromedp.EmulateViewport(375, 800))
	a.noHorizontalScroll("/applications/1")
	a.screenshot("offer-move-375")
	a.run(chromedp.EmulateViewport(1280, 900))
	a.screenshot("offer-move-1280")
	a.run(chromedp.SetValue(`form.with-date input[name=offer_made_on]`, offered.Format("2006-01-02"), chromedp.ByQuery))
	a.eval(`window.beforeMove = true`, nil)
	a.run(chromedp.Click(`form.with-date button`, chromedp.ByQuery))
	a.waitReloaded()
	a.waitText("p.stage", "offer made "+offered.Format("2 Jan 2006"))
	a.see("Offer made on (the letter thanks for it)")
	a.screenshot("offer-1280")
	a.run(chromedp.EmulateViewport(375, 800))
	a.open("/applications/1")
	a.noHorizontalScroll("/applications/1")
	a.screenshot("offer-375")
	a.run(chromedp.EmulateViewport(1280, 900))
	a.open("/applications/1/decline")
	a.run(chromedp.WaitVisible(`#s-body`, chromedp.ByQuery))
	var body string
	a.eval(`document.querySelector('#s-body').value`, &body)
	if !strings.Contains(body, "on "+offered.Weekday().String()) {
		t.Errorf("the letter does not thank for the offer made on %s:\n%s", offered.Weekday(), body)
	}
}

// TestBoardDatesTheOfferInTheUsersZone: a card moved to offered from its
// menu on the board (a form, without the board's script) is dated the
// user's today in their time zone, and the board it returns to says so.
// Kiritimati and Pago Pago are 25 hours apart: their days always differ.
func TestBoardDatesTheOfferInTheUsersZone(t *testing.T) {
	for _, zone := range []string{"Pacific/Kiritimati", "Pacific/Pago_Pago"} {
		t.Run(zone, func(t *testing.T) {
			db, _ := storagetest.SQLite(t)
			c, ctx := newClientOn(t, db, "sam@example.com")
			apps := applications.NewService(db, time.Now)
			if _, err := apps.UpdateSettings(ctx, applications.SettingsPatch{TimeZone: &zone}); err != nil {
				t.Fatal(err)
			}
			in := applications.NewApplication{Status: workflow.Applied}
			in.Company, in.Role = "Echo", "Analyst"
			a, err := apps.Create(ctx, in)
			if err != nil {
				t.Fatal(err)
			}
			for _, to := range []workflow.State{workflow.Invited, workflow.Scheduled, workflow.Interviewed} {
				if _, err := apps.Move(ctx, a.ID, applications.MoveInput{To: to}); err != nil {
					t.Fatal(err)
				}
			}
			loc, _ := time.LoadLocation(zone)
			before := civil.Of(time.Now().In(loc))
			c.get("/board")
			form := url.Values{"to": {"offered"}, "back": {"/board"}, "_csrf": {c.csrf}}
			req, _ := http.NewRequest(http.MethodPost, c.base+"/applications/"+strconv.FormatInt(a.ID, 10)+"/move", strings.NewReader(form.Encode()))
			req.Header.Set("Content-Type", "application/x-www-form-urlencoded")
			res, err := c.http.Do(req)
			if err != nil {
				t.Fatal(err)
			}
			res.Body.Close()
			after := civil.Of(time.Now().In(loc))
			where := res.Header.Get("Location")
			if res.StatusCode != http.StatusSeeOther || where != "/board?dated="+strconv.FormatInt(a.ID, 10) {
				t.Fatalf("the move = %d to %q, want a redirect to the board naming the dated offer", res.StatusCode, where)
			}
			got, err := apps.Get(ctx, a.ID)
			if err != nil {
				t.Fatal(err)
			}
			if got.Status != workflow.Offered || (got.OfferMadeOn != before && got.OfferMadeOn != after) {
				t.Fatalf("offer made on %s, want %s in %s", got.OfferMadeOn, before, zone)
			}
			_, body := c.get(where)
			want := "Echo moved. The offer is dated today, " + got.OfferMadeOn.Midnight().Format("2 Jan 2006")
			if !strings.Contains(body, `<p class="notice" role="status">`+want) {
				t.Fatalf("the board does not say %q", want)
			}
		})
	}
}
