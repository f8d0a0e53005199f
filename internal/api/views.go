package api

import (
	"strconv"
	"time"

	"tracker/internal/applications"
	"tracker/internal/decline"
	"tracker/internal/workflow"
)

// The response types: the API's view of the domain types, with JSON names
// and every time in UTC. Lists are never null.

// Application is an application in the API: its id, its editable Fields
// (flattened into the same object), its stage and its times.
type Application struct {
	ID int64 `json:"id"`
	Fields
	Status    string    `json:"status"`
	CreatedAt time.Time `json:"created_at"`
	UpdatedAt time.Time `json:"updated_at"`
}

// Detail is an application with everything that hangs off it, as GET
// /applications/{id} and every change return it.
type Detail struct {
	Application
	Invitations        []Invitation   `json:"invitations"`
	History            []HistoryEntry `json:"history"`
	Letters            []Letter       `json:"letters"`
	AllowedTransitions []string       `json:"allowed_transitions"`
	Warnings           []Warning      `json:"warnings"`
	FollowUpDueAt      *time.Time     `json:"follow_up_due_at"`
}

// Invitation is one round of interview invitation; deadline_at is when
// the answer is due under the user's settings.
type Invitation struct {
	ID          int64      `json:"id"`
	ReceivedAt  time.Time  `json:"received_at"`
	RespondBy   *time.Time `json:"respond_by"`
	InterviewAt *time.Time `json:"interview_at"`
	Format      string     `json:"format"`
	Round       int        `json:"round"`
	Message     string     `json:"message"`
	Response    string     `json:"response"`
	RespondedAt *time.Time `json:"responded_at"`
	DeadlineAt  time.Time  `json:"deadline_at"`
}

// HistoryEntry is one entry of an application's history, in the order
// things happened.
type HistoryEntry struct {
	ID   int64     `json:"id"`
	From *string   `json:"from"` // null on the entry that records the creation
	To   string    `json:"to"`
	At   time.Time `json:"at"`
	Note string    `json:"note"`
}

// Letter is a stored letter with the links that hand it to a mail program.
type Letter struct {
	ID           int64  `json:"id"`
	Kind         string `json:"kind"`
	Reason       string `json:"reason"`
	ReasonDetail string `json:"reason_detail"`
	Channel      string `json:"channel"`
	Tone         string `json:"tone"`
	SenderName   string `json:"sender_name"`
	Subject      string `json:"subject"`
	Body         string `json:"body"`
	// Voicemail is a phone letter's message for an unanswered call.
	Voicemail string `json:"voicemail"`
	// Detail, Offer and Variant are what the user chose for the letter:
	// the true detail, the offer of help ("" for a follow-up or a letter
	// stored before it was kept) and the wording, 0 the first.
	Detail    string    `json:"detail"`
	Offer     string    `json:"offer"`
	Variant   int       `json:"variant"`
	SentAt    time.Time `json:"sent_at"`
	Checks    []Check   `json:"checks"`
	CreatedAt time.Time `json:"created_at"`
	EmlURL    string    `json:"eml_url"`
	Mailto    string    `json:"mailto"`
}

// Check is one etiquette verdict on a letter.
type Check struct {
	Rule     string `json:"rule"`
	OK       bool   `json:"ok"`
	Severity string `json:"severity"`
	Hint     string `json:"hint"`
}

// Warning is an answer, follow-up or stale stage that needs the user.
type Warning struct {
	ApplicationID int64      `json:"application_id"`
	InvitationID  int64      `json:"invitation_id,omitempty"`
	Company       string     `json:"company"`
	Role          string     `json:"role"`
	Status        string     `json:"status"`
	Kind          string     `json:"kind"`
	Severity      string     `json:"severity"`
	DueAt         time.Time  `json:"due_at"`
	InterviewAt   *time.Time `json:"interview_at"`
	NextStep      string     `json:"next_step"`
}

// NewApplication returns the API's view of a.
func NewApplication(a applications.Application) Application {
	return Application{ID: a.ID, Fields: FieldsOf(a.Fields), Status: string(a.Status),
		CreatedAt: a.CreatedAt.UTC(), UpdatedAt: a.UpdatedAt.UTC()}
}

// NewDetail returns the API's view of d.
func NewDetail(d *applications.Detail) Detail {
	return Detail{
		Application:        NewApplication(d.Application),
		Invitations:        mapAll(d.Invitations, NewInvitation),
		History:            mapAll(d.History, NewHistoryEntry),
		Letters:            mapAll(d.Letters, func(l applications.Letter) Letter { return NewLetter(&d.Application, l) }),
		AllowedTransitions: StateNames(d.AllowedTransitions),
		Warnings:           mapAll(d.Warnings, NewWarning),
		FollowUpDueAt:      utcPtr(d.FollowUpDueAt),
	}
}

// NewInvitation returns the API's view of inv.
func NewInvitation(inv applications.Invitation) Invitation {
	return Invitation{
		ID: inv.ID, ReceivedAt: inv.ReceivedAt.UTC(), RespondBy: utcPtr(inv.RespondBy),
		InterviewAt: utcPtr(inv.InterviewAt), Format: inv.Format, Round: inv.Round, Message: inv.Message,
		Response: inv.Response, RespondedAt: utcPtr(inv.RespondedAt), DeadlineAt: inv.DeadlineAt.UTC(),
	}
}

// NewHistoryEntry returns the API's view of h.
func NewHistoryEntry(h applications.HistoryEntry) HistoryEntry {
	v := HistoryEntry{ID: h.ID, To: string(h.To), At: h.At.UTC(), Note: h.Note}
	if h.From != "" {
		from := string(h.From)
		v.From = &from
	}
	return v
}

// NewLetter shows a letter of a with the links that hand it to the
// user's mail program.
func NewLetter(a *applications.Application, l applications.Letter) Letter {
	return Letter{
		ID: l.ID, Kind: l.Kind, Reason: l.Reason, ReasonDetail: l.ReasonDetail, Channel: l.Channel,
		Tone: l.Tone, SenderName: l.SenderName, Subject: l.Subject, Body: l.Body, Voicemail: l.Voicemail,
		Detail: l.Detail, Offer: l.Offer, Variant: l.Variant, SentAt: l.SentAt.UTC(), Checks: mapAll(l.Checks, NewCheck), CreatedAt: l.CreatedAt.UTC(),
		EmlURL: LetterURL(a.ID, l.ID), Mailto: applications.Mailto(a, l.Subject, l.Body),
	}
}

// NewCheck returns the API's view of c.
func NewCheck(c decline.Check) Check {
	return Check{Rule: c.Rule, OK: c.OK, Severity: c.Severity, Hint: c.Hint}
}

// NewWarning returns the API's view of w.
func NewWarning(w applications.Warning) Warning {
	return Warning{
		ApplicationID: w.ApplicationID, InvitationID: w.InvitationID, Company: w.Company, Role: w.Role,
		Status: string(w.Status), Kind: w.Kind, Severity: string(w.Severity), DueAt: w.DueAt.UTC(),
		InterviewAt: utcPtr(w.InterviewAt), NextStep: w.NextStep,
	}
}

// Prefix is where the API is mounted.
const Prefix = "/api/v1"

// LetterURL is where a stored letter downloads as an .eml draft.
func LetterURL(appID, letterID int64) string {
	return string(appendLetterURL(nil, appID, letterID))
}

// appendLetterURL appends LetterURL's path to b.
func appendLetterURL(b []byte, appID, letterID int64) []byte {
	b = strconv.AppendInt(append(b, Prefix+"/applications/"...), appID, 10)
	return append(strconv.AppendInt(append(b, "/letters/"...), letterID, 10), ".eml"...)
}

// mapAll maps every element of in with f; the result is never nil, so an
// empty list is [] in JSON.
func mapAll[T, V any](in []T, f func(T) V) []V {
	out := make([]V, 0, len(in))
	for _, x := range in {
		out = append(out, f(x))
	}
	return out
}

// StateNames returns the names of states, never nil.
func StateNames(states []workflow.State) []string {
	return mapAll(states, func(s workflow.State) string { return string(s) })
}

func utcPtr(t *time.Time) *time.Time {
	if t == nil {
		return nil
	}
	u := t.UTC()
	return &u
}

// Page is one page of applications, as GET /applications returns it;
// next_cursor is null on the last page.
type Page struct {
	Items      []Summary `json:"items"`
	NextCursor *string   `json:"next_cursor"`
}

// Summary is an application as a list shows it: what names it, its stage
// and its times. GET /applications/{id} has the rest.
type Summary struct {
	ID        int64      `json:"id"`
	Company   string     `json:"company"`
	Role      string     `json:"role"`
	Status    string     `json:"status"`
	AppliedAt *time.Time `json:"applied_at"`
	CreatedAt time.Time  `json:"created_at"`
	UpdatedAt time.Time  `json:"updated_at"`
}

// NewSummary returns the API's view of s. Its applied time is s's own
// when that is in UTC already, as the store hands it over, rather than a
// copy: a page holds 50.
func NewSummary(s applications.Summary) Summary {
	applied := s.AppliedAt
	if applied != nil && applied.Location() != time.UTC {
		applied = utcPtr(applied)
	}
	return Summary{ID: s.ID, Company: s.Company, Role: s.Role, Status: string(s.Status), AppliedAt: applied,
		CreatedAt: s.CreatedAt.UTC(), UpdatedAt: s.UpdatedAt.UTC()}
}

// NewPage returns the API's view of p.
func NewPage(p *applications.Page) Page {
	v := Page{Items: mapAll(p.Items, NewSummary)}
	if p.NextCursor != "" {
		next := p.NextCursor
		v.NextCursor = &next
	}
	return v
}

// Warnings is one page of the answers, follow-ups and stale stages that
// need the user, most urgent first, as GET /warnings returns them;
// next_cursor is null on the last page.
type Warnings struct {
	Items      []Warning `json:"items"`
	NextCursor *string   `json:"next_cursor"`
}

// NewWarnings returns the API's view of p.
func NewWarnings(p *applications.WarningPage) Warnings {
	v := Warnings{Items: mapAll(p.Items, NewWarning)}
	if p.NextCursor != "" {
		next := p.NextCursor
		v.NextCursor = &next
	}
	return v
}
