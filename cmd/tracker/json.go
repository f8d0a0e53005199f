package main

import (
	"encoding/json"
	"io"
	"time"

	"tracker/internal/applications"
	"tracker/internal/workflow"
)

// The --json output. The domain types carry no JSON tags, so the command
// line states its own output here, in the API's snake_case.

type applicationJSON struct {
	ID           int64          `json:"id"`
	Company      string         `json:"company"`
	Role         string         `json:"role"`
	Location     string         `json:"location,omitempty"`
	JobURL       string         `json:"job_url,omitempty"`
	Source       string         `json:"source,omitempty"`
	ContactName  string         `json:"contact_name,omitempty"`
	ContactEmail string         `json:"contact_email,omitempty"`
	Notes        string         `json:"notes,omitempty"`
	Status       workflow.State `json:"status"`
	CreatedAt    time.Time      `json:"created_at"`
	UpdatedAt    time.Time      `json:"updated_at"`
}

type pageJSON struct {
	Items      []applicationJSON `json:"items"`
	NextCursor string            `json:"next_cursor,omitempty"`
}

type invitationJSON struct {
	ID          int64      `json:"id"`
	Round       int        `json:"round"`
	ReceivedAt  time.Time  `json:"received_at"`
	RespondBy   *time.Time `json:"respond_by,omitempty"`
	InterviewAt *time.Time `json:"interview_at,omitempty"`
	DeadlineAt  time.Time  `json:"deadline_at"`
	Format      string     `json:"format"`
	Message     string     `json:"message,omitempty"`
	Response    string     `json:"response"`
	RespondedAt *time.Time `json:"responded_at,omitempty"`
}

type historyJSON struct {
	From workflow.State `json:"from,omitempty"`
	To   workflow.State `json:"to"`
	At   time.Time      `json:"at"`
	Note string         `json:"note,omitempty"`
}

type letterJSON struct {
	ID      int64     `json:"id"`
	Kind    string    `json:"kind"`
	Reason  string    `json:"reason,omitempty"`
	Channel string    `json:"channel"`
	Tone    string    `json:"tone"`
	Subject string    `json:"subject,omitempty"`
	Body    string    `json:"body"`
	SentAt  time.Time `json:"sent_at"`
}

type warningJSON struct {
	ApplicationID int64          `json:"application_id"`
	InvitationID  int64          `json:"invitation_id,omitempty"`
	Company       string         `json:"company"`
	Role          string         `json:"role"`
	Status        workflow.State `json:"status"`
	Kind          string         `json:"kind"`
	Severity      string         `json:"severity"`
	DueAt         time.Time      `json:"due_at"`
	InterviewAt   *time.Time     `json:"interview_at,omitempty"`
}

type detailJSON struct {
	applicationJSON
	Invitations        []invitationJSON `json:"invitations"`
	History            []historyJSON    `json:"history"`
	Letters            []letterJSON     `json:"letters"`
	AllowedTransitions []workflow.State `json:"allowed_transitions"`
	Warnings           []warningJSON    `json:"warnings"`
	FollowUpDueAt      *time.Time       `json:"follow_up_due_at,omitempty"`
}

// writeJSON prints v as indented JSON.
func writeJSON(w io.Writer, v any) error {
	enc := json.NewEncoder(w)
	enc.SetIndent("", "  ")
	return enc.Encode(v)
}

func newApplicationJSON(a *applications.Application) applicationJSON {
	return applicationJSON{ID: a.ID, Company: a.Company, Role: a.Role, Location: a.Location, JobURL: a.JobURL,
		Source: a.Source, ContactName: a.ContactName, ContactEmail: a.ContactEmail, Notes: a.Notes,
		Status: a.Status, CreatedAt: a.CreatedAt, UpdatedAt: a.UpdatedAt}
}

func newPageJSON(p *applications.Page) pageJSON {
	out := pageJSON{Items: make([]applicationJSON, 0, len(p.Items)), NextCursor: p.NextCursor}
	for i := range p.Items {
		out.Items = append(out.Items, newApplicationJSON(&p.Items[i]))
	}
	return out
}

func newDetailJSON(d *applications.Detail) detailJSON {
	out := detailJSON{applicationJSON: newApplicationJSON(&d.Application), FollowUpDueAt: d.FollowUpDueAt,
		Invitations: []invitationJSON{}, History: []historyJSON{}, Letters: []letterJSON{},
		AllowedTransitions: append([]workflow.State{}, d.AllowedTransitions...), Warnings: newWarningsJSON(d.Warnings)}
	for _, i := range d.Invitations {
		out.Invitations = append(out.Invitations, invitationJSON{ID: i.ID, Round: i.Round, ReceivedAt: i.ReceivedAt,
			RespondBy: i.RespondBy, InterviewAt: i.InterviewAt, DeadlineAt: i.DeadlineAt, Format: i.Format,
			Message: i.Message, Response: i.Response, RespondedAt: i.RespondedAt})
	}
	for _, h := range d.History {
		out.History = append(out.History, historyJSON{From: h.From, To: h.To, At: h.At, Note: h.Note})
	}
	for _, l := range d.Letters {
		out.Letters = append(out.Letters, letterJSON{ID: l.ID, Kind: l.Kind, Reason: l.Reason, Channel: l.Channel,
			Tone: l.Tone, Subject: l.Subject, Body: l.Body, SentAt: l.SentAt})
	}
	return out
}

func newWarningsJSON(ws []applications.Warning) []warningJSON {
	out := make([]warningJSON, 0, len(ws))
	for _, w := range ws {
		out = append(out, warningJSON{ApplicationID: w.ApplicationID, InvitationID: w.InvitationID, Company: w.Company,
			Role: w.Role, Status: w.Status, Kind: w.Kind, Severity: string(w.Severity), DueAt: w.DueAt, InterviewAt: w.InterviewAt})
	}
	return out
}
