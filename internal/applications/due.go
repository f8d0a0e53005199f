package applications

import (
	"context"
	"strconv"
	"time"

	"tracker/internal/apperr"
	"tracker/internal/decline"
	"tracker/internal/workflow"
)

// Due is the stored due time of an application's warning, as the store
// lists it, with what the warnings list shows of the application. The
// store keeps one per application that has something due (the stages of
// the four kinds exclude each other), rewritten on every write that can
// change it (Store.RefreshDue).
type Due struct {
	ApplicationID int64
	InvitationID  int64 // the pending or accepted invitation; zero otherwise
	Company       string
	Role          string
	Status        workflow.State
	Kind          string // one of the Warning* kinds
	DueAt         time.Time
	InterviewAt   *time.Time
	AppliedAt     *time.Time // as the list shows it
	// Class is the index in DueQuery.Classes of the severity that
	// selected the row (zero for ListDue).
	Class int
}

// DueList is what ListDueClasses returns: the due times, and the no-reply
// days of the user's stored settings (zero when they saved none: the
// service's default applies).
type DueList struct {
	Dues        []Due
	NoReplyDays int
}

// DueQuery selects stored due times of the user's warnings that show at
// Now, in the order of their due time, then application id.
type DueQuery struct {
	Now time.Time
	// Severity limits the rows to those of one severity (critical,
	// overdue, due_soon); empty means all that show.
	Severity decline.Severity
	// Classes, for ListDueClasses, are severities (as Severity) whose
	// rows are listed one after the other, each in the order of due time,
	// then application id; After applies to the first. Empty means
	// Severity alone.
	Classes []decline.Severity
	// After starts the list after this key; nil starts at the beginning.
	After *DueKey
	// Limit caps the rows; zero means no cap.
	Limit int
	// Applications limits the rows to these applications'; empty means all.
	Applications []int64
	// Kind limits the rows to one kind of warning (a Warning* kind); empty
	// means all.
	Kind string
}

// DueKey is a place in the due-time order.
type DueKey struct {
	DueAt         time.Time
	ApplicationID int64
}

// dueWarning is the warning a stored due time makes at now, if it shows,
// built by the same helpers the detail uses so both read alike. A user's
// stored due times follow their settings, so the times here are final.
func dueWarning(d Due, noReplyDays int, now time.Time) (Warning, bool) {
	a := &Application{ID: d.ApplicationID, Status: d.Status}
	a.Company, a.Role, a.AppliedAt = d.Company, d.Role, d.AppliedAt
	pol := decline.DefaultPolicy()
	switch d.Kind {
	case WarningResponse:
		due := d.DueAt
		return responseWarning(pol, a, Invitation{ID: d.InvitationID, RespondBy: &due, InterviewAt: d.InterviewAt,
			Response: ResponsePending}, now)
	case WarningFollowUp:
		pol.FollowUpAfter = 0 // DueAt is the follow-up's due time already
		return followUpWarning(pol, a, Letter{SentAt: d.DueAt}, now)
	case WarningInterviewPassed:
		at := d.DueAt
		return interviewWarning(a, Invitation{ID: d.InvitationID, InterviewAt: &at}, now)
	case WarningNoReply:
		return noReplyWarning(a, d.DueAt.Add(-time.Duration(noReplyDays)*24*time.Hour), noReplyDays, now)
	}
	return Warning{}, false
}

// noReplyDays are the no-reply days of the user's settings that l was
// read with, or the default's when they saved none.
func noReplyDays(l DueList) int {
	if l.NoReplyDays == 0 {
		return DefaultSettings().NoReplyDays
	}
	return l.NoReplyDays
}

// dueWarnings turns stored due times into the warnings they make at now,
// leaving out those of another severity than want (when it is set).
func dueWarnings(dues []Due, want decline.Severity, noReplyDays int, now time.Time) []Warning {
	return appendDueWarnings(nil, dues, want, noReplyDays, now)
}

// appendDueWarnings appends the warnings of dues to out, as dueWarnings.
func appendDueWarnings(out []Warning, dues []Due, want decline.Severity, noReplyDays int, now time.Time) []Warning {
	for _, d := range dues {
		if w, ok := dueWarning(d, noReplyDays, now); ok && (want == "" || w.Severity == want) {
			out = append(out, w)
		}
	}
	return out
}

// ApplicationWarnings returns the warnings application id shows now, if
// any: one row of the stored due times, found by its key.
func (s *Service) ApplicationWarnings(ctx context.Context, id int64) ([]Warning, error) {
	return s.WarningsOf(ctx, []int64{id})
}

// WarningsOf returns the warnings that the applications ids (a page of a
// list, at most MaxWarningsOf) show now, most urgent first: one row of
// the stored due times per application, found by its key, so that a page
// that marks its rows reads no more warnings than it has rows. All of the
// user's warnings are read a page at a time (WarningsPage).
func (s *Service) WarningsOf(ctx context.Context, ids []int64) ([]Warning, error) {
	if len(ids) == 0 {
		return nil, nil
	}
	if len(ids) > MaxWarningsOf {
		return nil, apperr.Invalid(map[string]string{"ids": "at most " + strconv.Itoa(MaxWarningsOf) + " applications at a time"})
	}
	return s.warningsWhere(ctx, DueQuery{Applications: ids})
}

// MaxWarningsOf is how many applications WarningsOf takes at a time: more
// than a board shows (seven columns of fifty).
const MaxWarningsOf = 1000

// warningsWhere returns the warnings of the stored due times q selects as
// of now, most urgent first.
func (s *Service) warningsWhere(ctx context.Context, q DueQuery) ([]Warning, error) {
	q.Now = s.now()
	l, err := s.store.ListDueClasses(ctx, q)
	if err != nil {
		return nil, err
	}
	out := dueWarnings(l.Dues, "", noReplyDays(l), q.Now)
	SortWarnings(out)
	return out, nil
}
