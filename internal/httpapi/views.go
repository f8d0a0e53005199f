package httpapi

import (
	"time"

	"tracker/internal/applications"
	"tracker/internal/decline"
	"tracker/internal/workflow"
)

// The response types: the API's view of the domain types, with JSON names
// and every time in UTC. Lists are never null.

type applicationView struct {
	ID           int64     `json:"id"`
	Company      string    `json:"company"`
	Role         string    `json:"role"`
	Location     string    `json:"location"`
	JobURL       string    `json:"job_url"`
	Source       string    `json:"source"`
	ContactName  string    `json:"contact_name"`
	ContactEmail string    `json:"contact_email"`
	Notes        string    `json:"notes"`
	Status       string    `json:"status"`
	CreatedAt    time.Time `json:"created_at"`
	UpdatedAt    time.Time `json:"updated_at"`
}

type detailView struct {
	applicationView
	Invitations        []invitationView `json:"invitations"`
	History            []historyView    `json:"history"`
	Letters            []letterView     `json:"letters"`
	AllowedTransitions []string         `json:"allowed_transitions"`
	Warnings           []warningView    `json:"warnings"`
	FollowUpDueAt      *time.Time       `json:"follow_up_due_at"`
}

type invitationView struct {
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

type historyView struct {
	ID   int64     `json:"id"`
	From *string   `json:"from"` // null on the entry that records the creation
	To   string    `json:"to"`
	At   time.Time `json:"at"`
	Note string    `json:"note"`
}

type letterView struct {
	ID           int64       `json:"id"`
	Kind         string      `json:"kind"`
	Reason       string      `json:"reason"`
	ReasonDetail string      `json:"reason_detail"`
	Channel      string      `json:"channel"`
	Tone         string      `json:"tone"`
	SenderName   string      `json:"sender_name"`
	Subject      string      `json:"subject"`
	Body         string      `json:"body"`
	SentAt       time.Time   `json:"sent_at"`
	Checks       []checkView `json:"checks"`
	CreatedAt    time.Time   `json:"created_at"`
	EmlURL       string      `json:"eml_url"`
	Mailto       string      `json:"mailto"`
}

type checkView struct {
	Rule     string `json:"rule"`
	OK       bool   `json:"ok"`
	Severity string `json:"severity"`
	Hint     string `json:"hint"`
}

type warningView struct {
	ApplicationID int64      `json:"application_id"`
	InvitationID  int64      `json:"invitation_id,omitempty"`
	Company       string     `json:"company"`
	Role          string     `json:"role"`
	Status        string     `json:"status"`
	Kind          string     `json:"kind"`
	Severity      string     `json:"severity"`
	DueAt         time.Time  `json:"due_at"`
	InterviewAt   *time.Time `json:"interview_at"`
}

func newApplicationView(a applications.Application) applicationView {
	return applicationView{
		ID: a.ID, Company: a.Company, Role: a.Role, Location: a.Location, JobURL: a.JobURL,
		Source: a.Source, ContactName: a.ContactName, ContactEmail: a.ContactEmail, Notes: a.Notes,
		Status: string(a.Status), CreatedAt: a.CreatedAt.UTC(), UpdatedAt: a.UpdatedAt.UTC(),
	}
}

func newDetailView(d *applications.Detail) detailView {
	return detailView{
		applicationView:    newApplicationView(d.Application),
		Invitations:        mapAll(d.Invitations, newInvitationView),
		History:            mapAll(d.History, newHistoryView),
		Letters:            mapAll(d.Letters, func(l applications.Letter) letterView { return newLetterView(&d.Application, l) }),
		AllowedTransitions: stateNames(d.AllowedTransitions),
		Warnings:           mapAll(d.Warnings, newWarningView),
		FollowUpDueAt:      utcPtr(d.FollowUpDueAt),
	}
}

func newInvitationView(inv applications.Invitation) invitationView {
	return invitationView{
		ID: inv.ID, ReceivedAt: inv.ReceivedAt.UTC(), RespondBy: utcPtr(inv.RespondBy),
		InterviewAt: utcPtr(inv.InterviewAt), Format: inv.Format, Round: inv.Round, Message: inv.Message,
		Response: inv.Response, RespondedAt: utcPtr(inv.RespondedAt), DeadlineAt: inv.DeadlineAt.UTC(),
	}
}

func newHistoryView(h applications.HistoryEntry) historyView {
	v := historyView{ID: h.ID, To: string(h.To), At: h.At.UTC(), Note: h.Note}
	if h.From != "" {
		from := string(h.From)
		v.From = &from
	}
	return v
}

// newLetterView shows a letter of a with the links that hand it to the
// user's mail program.
func newLetterView(a *applications.Application, l applications.Letter) letterView {
	return letterView{
		ID: l.ID, Kind: l.Kind, Reason: l.Reason, ReasonDetail: l.ReasonDetail, Channel: l.Channel,
		Tone: l.Tone, SenderName: l.SenderName, Subject: l.Subject, Body: l.Body, SentAt: l.SentAt.UTC(),
		Checks: mapAll(l.Checks, newCheckView), CreatedAt: l.CreatedAt.UTC(),
		EmlURL: letterURL(a.ID, l.ID), Mailto: applications.Mailto(a, l.Subject, l.Body),
	}
}

func newCheckView(c decline.Check) checkView {
	return checkView{Rule: c.Rule, OK: c.OK, Severity: c.Severity, Hint: c.Hint}
}

func newWarningView(w applications.Warning) warningView {
	return warningView{
		ApplicationID: w.ApplicationID, InvitationID: w.InvitationID, Company: w.Company, Role: w.Role,
		Status: string(w.Status), Kind: w.Kind, Severity: string(w.Severity), DueAt: w.DueAt.UTC(),
		InterviewAt: utcPtr(w.InterviewAt),
	}
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

func stateNames(states []workflow.State) []string {
	return mapAll(states, func(s workflow.State) string { return string(s) })
}

func utcPtr(t *time.Time) *time.Time {
	if t == nil {
		return nil
	}
	u := t.UTC()
	return &u
}
