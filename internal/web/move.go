package web

import (
	"net/http"
	"strconv"
	"strings"

	"github.com/labstack/echo/v4"

	"tracker/internal/applications"
	"tracker/internal/civil"
	"tracker/internal/workflow"
)

// moveAnswer is the board script's answer to a drop: whether the move was
// made, and if not why, or where to go instead (the studio).
type moveAnswer struct {
	OK       bool     `json:"ok"`
	Message  string   `json:"message,omitempty"`
	Allowed  []string `json:"allowed,omitempty"`
	Redirect string   `json:"redirect,omitempty"`
}

// fromScript reports whether the board's script sent the request; it then
// gets JSON instead of a redirect.
func fromScript(c echo.Context) bool {
	return strings.Contains(c.Request().Header.Get(echo.HeaderAccept), echo.MIMEApplicationJSON)
}

// handleMove makes a move from a button, the board or the keyboard menu.
// Declining and following up open the studio instead of moving silently.
func (p *Pages) handleMove(c echo.Context) error {
	id, err := pathID(c, "id")
	if err != nil {
		return err
	}
	to := workflow.State(c.FormValue("to"))
	back := c.FormValue("back")
	if back != "/board" {
		back = "/applications/" + strconv.FormatInt(id, 10)
	}
	switch workflow.ActionFor(to) {
	case workflow.ActionDecline, workflow.ActionFollowUp:
		return p.moveAnswer(c, back, moveAnswer{Redirect: "/applications/" + strconv.FormatInt(id, 10) + "/decline"}, nil)
	case workflow.ActionWithdraw:
		_, err = p.Apps.Withdraw(c.Request().Context(), id, applications.WithdrawInput{})
	default:
		in := applications.MoveInput{To: to}
		var ans moveAnswer
		if to == workflow.Offered {
			ans.Message, err = p.offerDay(c, &in.OfferMadeOn)
		}
		if err == nil {
			_, err = p.Apps.Move(c.Request().Context(), id, in)
		}
		ans.OK = err == nil
		if ans.OK && ans.Message != "" && back == "/board" {
			back = "/board?dated=" + strconv.FormatInt(id, 10) // the board says so (see datedNotice)
		}
		return p.moveAnswer(c, back, ans, err)
	}
	return p.moveAnswer(c, back, moveAnswer{OK: err == nil}, err)
}

// offerDay reads the day of the offer a move to offered records. The
// application page's form sends it (empty when the user cleared it);
// a drop on the board and the card's menu send none, and the offer is
// then dated the user's today, as the page's form is by default, with a
// note for the board saying so and where to change it.
func (p *Pages) offerDay(c echo.Context, d *civil.Date) (note string, err error) {
	if _, ok := c.Request().PostForm["offer_made_on"]; ok {
		return "", offerDateOf(c, d)
	}
	k := p.clock(c)
	*d = k.today()
	return offerDated(k, *d), nil
}

// offerDated is the note that the offer was dated day, the user's today
// when it was moved without a day.
func offerDated(k *clock, day civil.Date) string {
	on := day.Midnight().Format("2 Jan 2006")
	if day == k.today() {
		on = "today, " + on
	}
	return "The offer is dated " + on + "; if it came earlier, change the day on its page."
}

// datedNotice is the board's note after a move to offered from a card's
// menu, which posts without the board's script and is redirected to
// /board?dated=ID: the day the offer was dated, read back from the
// application, or "" when there is none to tell of.
func (p *Pages) datedNotice(c echo.Context) string {
	id, err := strconv.ParseInt(c.QueryParam("dated"), 10, 64)
	if err != nil {
		return ""
	}
	a, err := p.Apps.Get(c.Request().Context(), id)
	if err != nil || a.Status != workflow.Offered || a.OfferMadeOn.IsZero() {
		return ""
	}
	return a.Company + " moved. " + offerDated(p.clock(c), a.OfferMadeOn)
}

// moveAnswer answers a move: JSON for the board's script, else a redirect
// (or the application page with the refusal).
func (p *Pages) moveAnswer(c echo.Context, back string, a moveAnswer, err error) error {
	if err != nil {
		r, ok := asRefusal(err)
		if !ok {
			return err
		}
		if !fromScript(c) {
			return p.refusedOnApplication(c, err)
		}
		a.Message, a.Allowed = r.message, r.allowed
		return c.JSON(r.status, a)
	}
	if fromScript(c) {
		return c.JSON(http.StatusOK, a)
	}
	if a.Redirect != "" {
		return redirect(c, a.Redirect)
	}
	return redirect(c, back)
}
