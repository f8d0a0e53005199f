package applications

import (
	"context"
	"time"

	"tracker/internal/decline"
	"tracker/internal/workflow"
)

// Store is the storage the service needs. Every method runs inside the
// transaction that InTx put in ctx, if any. Lookups of a missing row return
// an apperr.ENOTFOUND *apperr.Error, never a nil result.
type Store interface {
	// InTx runs fn in one transaction; fn's ctx carries it.
	InTx(ctx context.Context, fn func(ctx context.Context) error) error
	// View runs fn in one read-only transaction.
	View(ctx context.Context, fn func(ctx context.Context) error) error
	// ShortView is View for a few index lookups about one application,
	// which need not be interrupted when the request is cancelled once
	// they have begun.
	ShortView(ctx context.Context, fn func(ctx context.Context) error) error

	CreateApplication(ctx context.Context, a *Application) error
	// CreateStarted stores a new application a, hist (the history it
	// starts with, whose ApplicationID it sets) and its due time, in one
	// transaction of its own (joining the one in ctx, if any), and sets
	// their ids: CreateApplication, AddHistory and AddDue in InTx, in
	// fewer statements where the database allows.
	CreateStarted(ctx context.Context, a *Application, hist []HistoryEntry) error
	GetApplication(ctx context.Context, id int64) (*Application, error)
	// GetForMove is GetApplication with the application's last history
	// entry (nil when it has none), of which only To and At need be set.
	GetForMove(ctx context.Context, id int64) (*Application, *HistoryEntry, error)
	// ReadDetail returns the application with id and what its detail
	// shows, from one consistent read: invitations and letters oldest
	// first, the history in the order ListHistory gives, and the user's
	// settings (nil when they never saved any).
	ReadDetail(ctx context.Context, id int64) (*DetailRecords, error)
	// ExportDetails calls fn with every application of the user, lowest
	// id first, at most batch at a time, each with what ReadDetail gives,
	// all from one snapshot, without holding more than one batch: fn may
	// not keep the slice or its records once it returns.
	ExportDetails(ctx context.Context, batch int, fn func([]*DetailRecords) error) error
	// ListApplications returns the summaries of up to f.Limit
	// applications in f.Sort's order, after the cursor when it is not
	// nil, from one consistent read.
	ListApplications(ctx context.Context, f ListFilter, after *ListCursor) ([]Summary, error)
	// UpdateApplication writes the named fields of a (names of Fields'
	// fields) and its updated time, and nothing else: a concurrent edit of
	// other fields is kept.
	UpdateApplication(ctx context.Context, a *Application, fields []string) error
	DeleteApplication(ctx context.Context, id int64) error
	// OtherNames returns the companies and contacts of the user's
	// applications other than appID whose key (decline.NameKey) is one
	// of keys and that skip does not rule out, each with the newest
	// application holding it, newest first and a company before a contact.
	// version, when not nil, is the version of the user's filed names
	// read before (LetterRecords.NamesVersion): the store may answer from
	// what it knows of the names at that version without reading them.
	OtherNames(ctx context.Context, appID int64, version *int64, keys []string, skip func(name string) bool) ([]AppNames, error)
	// SetStatus moves an application from -> to only if it is still in from;
	// it returns apperr.ECONFLICT when another writer moved it first.
	SetStatus(ctx context.Context, id int64, from, to workflow.State, at time.Time) error
	// MoveStatus is SetStatus of h.ApplicationID from h.From to h.To with
	// updated time at, then AddHistory of h; when h.To is a stage no
	// warning concerns it also clears the application's due time and
	// returns settled: SetDue with h.To then has nothing to do in this
	// transaction. With answer, it is also AnswerPending of the
	// application with answer's response and time, in the same statement
	// where the database allows.
	MoveStatus(ctx context.Context, h *HistoryEntry, at time.Time, answer *Answer) (settled bool, err error)

	AddHistory(ctx context.Context, h *HistoryEntry) error
	// SetHistoryAt re-dates entry id of application appID.
	SetHistoryAt(ctx context.Context, appID, id int64, at time.Time) error
	// ListHistory returns the entries in the order they happened (by At,
	// then by insertion).
	ListHistory(ctx context.Context, appID int64) ([]HistoryEntry, error)
	// HadInterview reports whether the history records a move to
	// interviewed.
	HadInterview(ctx context.Context, appID int64) (bool, error)
	// LastHistory returns the last entry in ListHistory's order, nil when
	// there is none.
	LastHistory(ctx context.Context, appID int64) (*HistoryEntry, error)

	AddInvitation(ctx context.Context, inv *Invitation) error
	ListInvitations(ctx context.Context, appID int64) ([]Invitation, error)
	// UpdateInvitation writes an invitation's dates, format and message.
	UpdateInvitation(ctx context.Context, inv *Invitation) error
	// AnswerPending sets the response of every pending invitation of appID.
	AnswerPending(ctx context.Context, appID int64, response string, at time.Time) error

	AddLetter(ctx context.Context, l *Letter) error
	ListLetters(ctx context.Context, appID int64) ([]Letter, error)

	// GetProfile returns the sender profile, the zero profile when unset.
	GetProfile(ctx context.Context) (*Profile, error)
	SaveProfile(ctx context.Context, p *Profile) error

	// GetSettings returns the user's stored settings, ENOTFOUND when they
	// never saved any (the service then applies DefaultSettings).
	GetSettings(ctx context.Context) (*Settings, error)
	// GetSender returns the sender profile and the stored settings, as
	// GetProfile and GetSettings do (settings nil when none are stored),
	// in one read where the database allows: what every letter needs.
	GetSender(ctx context.Context) (*Profile, *Settings, error)
	// ReadForLetter returns application id with what a letter about it
	// reads (LetterRecords), from one consistent read; in a write
	// transaction it holds the application as GetForMove does.
	ReadForLetter(ctx context.Context, id int64) (*LetterRecords, error)
	// ReadForPreview is ReadForLetter without Last (nil), which only a
	// letter that moves the application needs: a preview reads less.
	ReadForPreview(ctx context.Context, id int64) (*LetterRecords, error)
	SaveSettings(ctx context.Context, st *Settings) error

	// RefreshDue rewrites the stored due time of application appID's
	// warning, or of all the user's applications when appID is zero, from
	// its invitations, letters, history and the user's settings.
	RefreshDue(ctx context.Context, appID int64) error
	// SetDue is RefreshDue of one application whose status, in this
	// transaction, is status (the store need not read it back). Every
	// write that can change an application's warning calls it in its
	// transaction.
	SetDue(ctx context.Context, appID int64, status workflow.State) error
	// AddDue writes the due time of application appID, created in this
	// transaction with the given status: RefreshDue without clearing rows
	// that a new application cannot have yet, or reading the status back.
	AddDue(ctx context.Context, appID int64, status workflow.State) error
	// ListDue returns the stored due times that q selects.
	ListDue(ctx context.Context, q DueQuery) ([]Due, error)
	// ListDueClasses returns the stored due times of each of q.Classes in
	// turn (the first after q.After, up to q.Limit in all; see DueQuery),
	// with the no-reply days of the user's settings, from one consistent
	// read: one statement where the database allows.
	ListDueClasses(ctx context.Context, q DueQuery) (DueList, error)

	// ListCalendar calls fn with each item of the user's calendar feed
	// (see Service.Calendar), from one consistent read of what the feed
	// shows; the due times are the stored ones (RefreshDue).
	ListCalendar(ctx context.Context, fn func(*CalendarItem) error) error

	// AcceptedInterviews returns, for every scheduled application, its
	// newest accepted invitation.
	AcceptedInterviews(ctx context.Context) ([]AppInvitation, error)

	// CountByStatus counts the applications in each stage.
	CountByStatus(ctx context.Context) (map[workflow.State]int, error)
	// CountReaching counts the applications whose history ever entered one
	// of states.
	CountReaching(ctx context.Context, states []workflow.State) (int, error)
	// AnsweredInvitations returns the invitations received at or after since
	// that were accepted or declined.
	AnsweredInvitations(ctx context.Context, since time.Time) ([]Invitation, error)
}

// DetailRecords are the stored records an application's detail is made of.
type DetailRecords struct {
	Application Application
	Settings    *Settings
	Invitations []Invitation
	History     []HistoryEntry
	Letters     []Letter
}

// LetterRecords are what a letter about an application is written from.
type LetterRecords struct {
	Application Application
	// Last is the application's last history entry, as GetForMove
	// gives it (To and At), nil when it has none.
	Last *HistoryEntry
	// Profile is the sender profile, the zero profile when unset.
	Profile Profile
	// Settings are the stored settings, nil when none are stored.
	Settings *Settings
	// Invitations are the application's, oldest first.
	Invitations []Invitation
	// Interviewed reports a move to interviewed in the history.
	Interviewed bool
	// NamesVersion is the version of the user's filed names read with
	// the application (0 when none was filed), for OtherNames; nil when
	// the store did not read it.
	NamesVersion *int64
	// Recent are the bodies of the user's latest letters that left
	// other applications (at most RecentLetters of the applications of
	// each stage a letter leaves one in, declined, followed up and
	// withdrawn, the latest first), whose sentences the letter avoids
	// (decline.Request.Recent).
	Recent []string
}

// RecentLetters is how many of the user's latest letters of each stage
// a letter reads to avoid their sentences.
const RecentLetters = decline.RecentLetters

// AppNames are the names an application holds that another application's
// letter must not: its company and its contact.
type AppNames struct {
	ID          int64
	Company     string
	ContactName string
}

// AppInvitation is a pending invitation with the application it belongs to.
type AppInvitation struct {
	Application Application
	Invitation  Invitation
}
