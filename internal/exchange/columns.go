package exchange

import (
	"slices"
	"strings"
	"time"
	"unicode"

	"tracker/internal/workflow"
)

// The fields a CSV column can fill.
const (
	colCompany  = "company"
	colRole     = "role"
	colStatus   = "status"
	colApplied  = "applied"
	colURL      = "url"
	colLocation = "location"
	colSalary   = "salary"
	colSource   = "source"
	colNotes    = "notes"
	colTags     = "tags"
	colContact  = "contact"
	colEmail    = "email"
	// How letters address the contact (our own export's columns).
	colContactKind  = "contact_kind"
	colContactTitle = "contact_title"
	colGreeting     = "greeting_name"
	// The day the employer made the offer (YYYY-MM-DD).
	colOfferMadeOn = "offer_made_on"
	// The interview time of the latest invitation.
	colInterviewAt = "interview_at"
)

// columnAliases maps a header, reduced by headerKey, to the field it
// fills: our own export's names and those of common trackers (Huntr,
// JobSync, Teal-like sheets).
var columnAliases = map[string]string{
	"company": colCompany, "companyname": colCompany, "employer": colCompany, "organization": colCompany, "organisation": colCompany,
	"role": colRole, "title": colRole, "jobtitle": colRole, "position": colRole, "jobposition": colRole,
	"status": colStatus, "stage": colStatus, "statusname": colStatus, "list": colStatus, "listname": colStatus,
	"dateapplied": colApplied, "applieddate": colApplied, "appliedat": colApplied, "applicationdate": colApplied,
	"url": colURL, "link": colURL, "joburl": colURL, "joblink": colURL,
	"location": colLocation,
	"salary":   colSalary, "compensation": colSalary, "maxsalary": colSalary,
	"source": colSource, "jobsource": colSource,
	"notes": colNotes, "note": colNotes,
	"tags":    colTags,
	"contact": colContact, "contactname": colContact,
	"email": colEmail, "contactemail": colEmail,
	"contactkind": colContactKind, "contacttitle": colContactTitle, "greetingname": colGreeting, "greeting": colGreeting,
	"offermadeon": colOfferMadeOn, "offerdate": colOfferMadeOn, "dateoffered": colOfferMadeOn, "offerreceivedon": colOfferMadeOn,
	"nextinterviewat": colInterviewAt, "interviewat": colInterviewAt, "interviewdate": colInterviewAt,
}

// headerKey reduces a header to lower-case letters and digits:
// "Date Applied", "date_applied" and "DateApplied" are one key.
func headerKey(h string) string {
	var b strings.Builder
	for _, r := range strings.ToLower(h) {
		if unicode.IsLetter(r) || unicode.IsDigit(r) {
			b.WriteRune(r)
		}
	}
	return b.String()
}

// statusPlan is how an imported status lands: the stage to create the
// application in, and the moves after it, in order.
type statusPlan struct {
	start workflow.State
	then  []workflow.State
	// lossy says the status had no stage of its own and is kept in notes.
	lossy bool
}

// final is the stage the plan ends in.
func (p statusPlan) final() workflow.State {
	if len(p.then) == 0 {
		return p.start
	}
	return p.then[len(p.then)-1]
}

// throughOffer is the plan of a row that carries the day of an offer:
// a stage an offer leads to (rejected, a rescinded offer; declined;
// followed_up) is reached through offered, which keeps the day. Other
// plans are as they were (the service refuses a day that goes with no
// offer).
func (p statusPlan) throughOffer() statusPlan {
	if len(p.then) == 0 || slices.Contains(p.then, workflow.Offered) || !workflow.CanMove(workflow.Offered, p.then[0]) {
		return p
	}
	p.start, p.then = workflow.Invited, append(slices.Clone(offered), p.then...)
	return p
}

// throughInvitation is the plan of a row with an interview time: an
// application that was rejected or ghosted after an invitation starts
// invited, so that the invitation keeps the time. Other plans are as
// they were.
func (p statusPlan) throughInvitation() statusPlan {
	if p.start == workflow.Applied && len(p.then) > 0 && workflow.CanMove(workflow.Invited, p.then[0]) {
		p.start = workflow.Invited
	}
	return p
}

// withoutLetters says what an import cannot bring of a stage that here
// is entered by sending a letter, or "".
func withoutLetters(st workflow.State) string {
	switch st {
	case workflow.Declined:
		return "imported as declined without its decline letter (a CSV sheet carries no letters; the JSON backup does), so no follow-up falls due"
	case workflow.FollowedUp:
		return "imported as followed_up without its decline and follow-up letters (a CSV sheet carries no letters; the JSON backup does)"
	}
	return ""
}

// The paths through the stages that an interview, an offer and a hire
// imply: each step is one the stage machine allows.
var (
	scheduled   = []workflow.State{workflow.Scheduled}
	interviewed = []workflow.State{workflow.Scheduled, workflow.Interviewed}
	offered     = []workflow.State{workflow.Scheduled, workflow.Interviewed, workflow.Offered}
	hired       = []workflow.State{workflow.Scheduled, workflow.Interviewed, workflow.Offered, workflow.Hired}
)

// statusWords maps the words other trackers use for their stages to ours.
var statusWords = map[string]statusPlan{
	"wishlist": {start: workflow.Wishlist}, "saved": {start: workflow.Wishlist}, "bookmarked": {start: workflow.Wishlist},
	"draft": {start: workflow.Wishlist}, "interested": {start: workflow.Wishlist}, "toapply": {start: workflow.Wishlist},
	"wanttoapply": {start: workflow.Wishlist},
	"applied":     {start: workflow.Applied}, "applying": {start: workflow.Applied}, "submitted": {start: workflow.Applied},
	"applicationsent": {start: workflow.Applied}, "": {start: workflow.Applied},
	"invited": {start: workflow.Invited}, "interview": {start: workflow.Invited}, "interviewing": {start: workflow.Invited},
	"phonescreen": {start: workflow.Invited}, "screening": {start: workflow.Invited}, "onsite": {start: workflow.Invited},
	"scheduled": {start: workflow.Invited, then: scheduled}, "interviewscheduled": {start: workflow.Invited, then: scheduled},
	"rejected": {start: workflow.Applied, then: []workflow.State{workflow.Rejected}}, "notselected": {start: workflow.Applied, then: []workflow.State{workflow.Rejected}},
	"ghosted": {start: workflow.Applied, then: []workflow.State{workflow.Ghosted}}, "noresponse": {start: workflow.Applied, then: []workflow.State{workflow.Ghosted}},
	"interviewed": {start: workflow.Invited, then: interviewed}, "interviewdone": {start: workflow.Invited, then: interviewed},
	"offer": {start: workflow.Invited, then: offered}, "offered": {start: workflow.Invited, then: offered},
	"offerreceived": {start: workflow.Invited, then: offered},
	"hired":         {start: workflow.Invited, then: hired}, "accepted": {start: workflow.Invited, then: hired},
	"offeraccepted": {start: workflow.Invited, then: hired},
	"withdrawn":     {start: workflow.Applied, then: []workflow.State{workflow.Withdrawn}}, "withdrew": {start: workflow.Applied, then: []workflow.State{workflow.Withdrawn}},
	// The user declined (an invitation, or an offer), and followed it up.
	"declined":      {start: workflow.Invited, then: []workflow.State{workflow.Declined}},
	"offerdeclined": {start: workflow.Invited, then: append(slices.Clone(offered), workflow.Declined)},
	"followedup":    {start: workflow.Invited, then: []workflow.State{workflow.Declined, workflow.FollowedUp}},
}

// planStatus maps a status; a status it does not know becomes applied,
// the safe stage, with the original kept in notes. A later stage (an
// offer, a hire) is reached through the moves that lead to it, each in
// the history marked as imported.
func planStatus(s string) statusPlan {
	if p, ok := statusWords[headerKey(s)]; ok {
		return p
	}
	return statusPlan{start: workflow.Applied, lossy: true}
}

// dateLayouts are the date forms of common exports, most specific first.
var dateLayouts = []string{time.RFC3339, "2006-01-02 15:04:05", "2006-01-02T15:04:05", "2006-01-02 15:04", "2006-01-02",
	"2006/01/02", "01/02/2006", "1/2/2006", "02.01.2006", "Jan 2, 2006", "January 2, 2006", "2 Jan 2006"}

// parseDate reads a date in one of dateLayouts, as UTC.
func parseDate(s string) (time.Time, bool) {
	for _, l := range dateLayouts {
		if t, err := time.Parse(l, s); err == nil {
			return t.UTC(), true
		}
	}
	return time.Time{}, false
}

// blank reports the values exports write for "nothing".
func blank(s string) bool {
	switch strings.ToLower(strings.TrimSpace(s)) {
	case "", "-", "n/a", "na", "none", "null":
		return true
	}
	return false
}
