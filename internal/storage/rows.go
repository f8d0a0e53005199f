package storage

import (
	"encoding/json"
	"strings"
	"time"

	"tracker/internal/applications"
	"tracker/internal/decline"
	"tracker/internal/workflow"
)

// The GORM models are private to this package: one per table, mapped to
// and from the domain types at the boundary.

// applicationRow embeds the domain's editable fields whole: GORM names
// their columns (JobURL -> job_url), so a new field needs only its column
// in a migration.
type applicationRow struct {
	ID                  int64 `gorm:"primaryKey"`
	OwnerID             int64
	applications.Fields `gorm:"embedded"`
	Status              string
	CreatedAt           time.Time `gorm:"autoCreateTime:false"`
	UpdatedAt           time.Time `gorm:"autoUpdateTime:false"`
}

func (applicationRow) TableName() string { return "applications" }

func toApplicationRow(a *applications.Application) applicationRow {
	return applicationRow{ID: a.ID, Fields: a.Fields, Status: string(a.Status),
		CreatedAt: a.CreatedAt.UTC(), UpdatedAt: a.UpdatedAt.UTC()}
}

func (r applicationRow) domain() applications.Application {
	f := r.Fields
	f.AppliedAt = utc(f.AppliedAt)
	return applications.Application{ID: r.ID, Fields: f, Status: workflow.State(r.Status),
		CreatedAt: r.CreatedAt.UTC(), UpdatedAt: r.UpdatedAt.UTC()}
}

type invitationRow struct {
	ID            int64 `gorm:"primaryKey"`
	ApplicationID int64
	ReceivedAt    time.Time
	RespondBy     *time.Time
	InterviewAt   *time.Time
	Format        string
	Round         int
	Message       string
	Response      string
	RespondedAt   *time.Time
	// The origin of an imported invitation (migration 00010).
	OriginUID       string
	OriginSequence  int
	OriginSummary   string
	OriginOrganizer string
	OriginAttendees string // one address per line
	OriginMessageID string
	OriginSubject   string
}

func (invitationRow) TableName() string { return "invitations" }

func toInvitationRow(i *applications.Invitation) invitationRow {
	return invitationRow{ID: i.ID, ApplicationID: i.ApplicationID, ReceivedAt: i.ReceivedAt.UTC(),
		RespondBy: utc(i.RespondBy), InterviewAt: utc(i.InterviewAt), Format: i.Format, Round: i.Round,
		Message: i.Message, Response: i.Response, RespondedAt: utc(i.RespondedAt),
		OriginUID: i.Origin.UID, OriginSequence: i.Origin.Sequence, OriginSummary: i.Origin.Summary,
		OriginOrganizer: i.Origin.Organizer, OriginAttendees: strings.Join(i.Origin.Attendees, "\n"),
		OriginMessageID: i.Origin.MessageID, OriginSubject: i.Origin.Subject}
}

func (r invitationRow) domain() applications.Invitation {
	return applications.Invitation{ID: r.ID, ApplicationID: r.ApplicationID, ReceivedAt: r.ReceivedAt.UTC(),
		RespondBy: utc(r.RespondBy), InterviewAt: utc(r.InterviewAt), Format: r.Format, Round: r.Round,
		Message: r.Message, Response: r.Response, RespondedAt: utc(r.RespondedAt),
		Origin: applications.Origin{UID: r.OriginUID, Sequence: r.OriginSequence, Summary: r.OriginSummary,
			Organizer: r.OriginOrganizer, Attendees: splitLines(r.OriginAttendees),
			MessageID: r.OriginMessageID, Subject: r.OriginSubject}}
}

// splitLines splits a stored list, one item per line; empty is none.
func splitLines(s string) []string {
	if s == "" {
		return nil
	}
	return strings.Split(s, "\n")
}

type letterRow struct {
	ID            int64 `gorm:"primaryKey"`
	ApplicationID int64
	Kind          string
	Reason        string
	ReasonDetail  string
	Channel       string
	Tone          string
	SenderName    string
	Subject       string
	Body          string
	Voicemail     string // migration 00021
	Detail        string // migration 00022
	Offer         string // migration 00022
	Variant       int    // migration 00022
	Checks        string // as stored, when read from the table (fields)
	SentAt        time.Time
	CreatedAt     time.Time `gorm:"autoCreateTime:false"`
	// checks are the checks when read from a detail's JSON, which holds
	// them as JSON (jsonSQL.letterColumns), and checksRead says so.
	checks     []decline.Check
	checksRead bool
}

func (letterRow) TableName() string { return "letters" }

func toLetterRow(l *applications.Letter) (letterRow, error) {
	checks, err := json.Marshal(nonNil(l.Checks))
	return letterRow{ID: l.ID, ApplicationID: l.ApplicationID, Kind: l.Kind, Reason: l.Reason,
		ReasonDetail: l.ReasonDetail, Channel: l.Channel, Tone: l.Tone, SenderName: l.SenderName,
		Subject: l.Subject, Body: l.Body, Voicemail: l.Voicemail, Detail: l.Detail, Offer: l.Offer, Variant: l.Variant,
		Checks: string(checks), SentAt: l.SentAt.UTC(), CreatedAt: l.CreatedAt.UTC()}, err
}

// domain returns the row as a letter; row reads its checks from their
// stored text unless they were read with the row.
func (r letterRow) domain(row *jsonRow) (applications.Letter, error) {
	checks, err := r.checks, error(nil)
	if !r.checksRead {
		checks, err = row.checks(r.Checks)
	}
	return applications.Letter{ID: r.ID, ApplicationID: r.ApplicationID, Kind: r.Kind, Reason: r.Reason,
		ReasonDetail: r.ReasonDetail, Channel: r.Channel, Tone: r.Tone, SenderName: r.SenderName,
		Subject: r.Subject, Body: r.Body, Voicemail: r.Voicemail, Detail: r.Detail, Offer: r.Offer, Variant: r.Variant,
		Checks: checks, SentAt: r.SentAt.UTC(), CreatedAt: r.CreatedAt.UTC()}, err
}

type historyRow struct {
	ID            int64 `gorm:"primaryKey"`
	ApplicationID int64
	FromStatus    string
	ToStatus      string
	At            time.Time
	Note          string
}

func (historyRow) TableName() string { return "history" }

func (r historyRow) domain() applications.HistoryEntry {
	return applications.HistoryEntry{ID: r.ID, ApplicationID: r.ApplicationID, From: workflow.State(r.FromStatus),
		To: workflow.State(r.ToStatus), At: r.At.UTC(), Note: r.Note}
}

func utc(t *time.Time) *time.Time {
	if t == nil {
		return nil
	}
	u := t.UTC()
	return &u
}

func nonNil[T any](s []T) []T {
	if s == nil {
		return []T{}
	}
	return s
}
