package applications

import (
	"context"
	"encoding/base64"
	"errors"
	"strconv"
	"strings"
	"time"
	"unicode/utf8"

	"github.com/go-playground/validator/v10"

	"tracker/internal/apperr"
	"tracker/internal/workflow"
)

// List page sizes.
const (
	DefaultPageSize = 50
	MaxPageSize     = 200
)

// Service is the tracker's use cases. The HTTP API and the command line both
// call it, so every rule lives here once. Each method is one transaction.
// Deadlines and prompts follow the stored Settings of the user in the
// context, so every adapter computes the same ones.
type Service struct {
	store    Store
	now      func() time.Time
	validate *validator.Validate
}

// NewService returns a service over store, reading the time from now
// (time.Now in production, a fixed clock in tests).
func NewService(store Store, now func() time.Time) *Service {
	// Times are kept to the second: both databases store that exactly, and
	// people read them.
	seconds := func() time.Time { return now().UTC().Truncate(time.Second) }
	return &Service{store: store, now: seconds, validate: newValidator()}
}

// Create stores a new application, with its first invitation when given.
func (s *Service) Create(ctx context.Context, in NewApplication) (*Detail, error) {
	in.Fields = in.Fields.trimmed()
	now := s.now()
	err := s.checkStruct(in)
	if in.Invitation != nil {
		err = mergeInvalid(err, checkInvitationDates(*in.Invitation, now, "invitation."))
	}
	if err != nil {
		return nil, err
	}
	status := workflow.Applied
	switch {
	case in.Invitation != nil:
		status = workflow.Invited
	case in.Status != "":
		status = in.Status
	}
	var d *Detail
	err = s.store.InTx(ctx, func(ctx context.Context) error {
		a := &Application{Status: status, CreatedAt: now, UpdatedAt: now}
		a.setFields(in.Fields)
		if err := s.store.CreateApplication(ctx, a); err != nil {
			return err
		}
		if err := s.store.AddHistory(ctx, &HistoryEntry{ApplicationID: a.ID, To: status, At: now, Note: "created"}); err != nil {
			return err
		}
		if status == workflow.Invited {
			inv := NewInvitation{ReceivedAt: now}
			if in.Invitation != nil {
				inv = *in.Invitation
			}
			if err := s.store.AddInvitation(ctx, newInvitation(a.ID, inv, 1)); err != nil {
				return err
			}
		}
		var err error
		d, err = s.detail(ctx, a.ID, now)
		return err
	})
	return d, err
}

// Get returns the application with its invitations, history, letters,
// allowed transitions and current warnings.
func (s *Service) Get(ctx context.Context, id int64) (*Detail, error) {
	var d *Detail
	err := s.store.View(ctx, func(ctx context.Context) error {
		var err error
		d, err = s.detail(ctx, id, s.now())
		return err
	})
	return d, err
}

// List returns one page of applications, newest first.
func (s *Service) List(ctx context.Context, f ListFilter) (*Page, error) {
	fields := map[string]string{}
	if f.Status != "" && !f.Status.Valid() {
		fields["status"] = "status must be one of " + statesList()
	}
	if f.Limit < 0 || f.Limit > MaxPageSize {
		fields["limit"] = "limit must be between 1 and " + strconv.Itoa(MaxPageSize)
	}
	if utf8.RuneCountInString(f.Query) > 200 || !plainText(f.Query, false) {
		fields["q"] = "q must be plain text of at most 200 characters"
	}
	after, ok := decodeCursor(f.Cursor)
	if !ok {
		fields["cursor"] = "cursor is not one this server gave out; start again without it"
	}
	if len(fields) > 0 {
		return nil, apperr.Invalid(fields)
	}
	if f.Limit == 0 {
		f.Limit = DefaultPageSize
	}
	f.Limit++ // one more tells whether there is a next page
	var items []Application
	err := s.store.View(ctx, func(ctx context.Context) error {
		var err error
		items, err = s.store.ListApplications(ctx, f, after)
		return err
	})
	if err != nil {
		return nil, err
	}
	page := &Page{Items: items}
	if len(items) == f.Limit {
		page.Items = items[:f.Limit-1]
		page.NextCursor = encodeCursor(page.Items[len(page.Items)-1].ID)
	}
	return page, nil
}

// Update changes the fields the patch sets; the status is never patched.
func (s *Service) Update(ctx context.Context, id int64, p Patch) (*Detail, error) {
	return s.change(ctx, id, s.now(), func(ctx context.Context, a *Application, now time.Time) error {
		f := p.Apply(a.fields()).trimmed()
		if err := s.checkStruct(NewApplication{Fields: f}); err != nil {
			return err
		}
		if f == a.fields() {
			return nil
		}
		a.setFields(f)
		a.UpdatedAt = now
		return s.store.UpdateApplication(ctx, a)
	})
}

// change runs fn on the application with id in one write transaction and
// returns the application's detail as it is afterwards.
func (s *Service) change(ctx context.Context, id int64, now time.Time, fn func(ctx context.Context, a *Application, now time.Time) error) (*Detail, error) {
	var d *Detail
	err := s.store.InTx(ctx, func(ctx context.Context) error {
		a, err := s.store.GetApplication(ctx, id)
		if err != nil {
			return err
		}
		if err := fn(ctx, a, now); err != nil {
			return err
		}
		d, err = s.detail(ctx, id, now)
		return err
	})
	if err != nil {
		return nil, s.withAllowed(ctx, id, err)
	}
	return d, nil
}

// withAllowed makes a refused move list the states the application may move
// to, even when the refusal was a lost race that the store reported without
// them: every adapter then shows the same choices.
func (s *Service) withAllowed(ctx context.Context, id int64, err error) error {
	var e *apperr.Error
	if !errors.As(err, &e) || e.Code != apperr.ECONFLICT || e.Allowed != nil {
		return err
	}
	var a *Application
	if s.store.View(ctx, func(ctx context.Context) error {
		var gerr error
		a, gerr = s.store.GetApplication(ctx, id)
		return gerr
	}) != nil {
		return err
	}
	withStates := *e
	withStates.Allowed = workflow.Next(a.Status)
	return &withStates
}

// Delete removes an application and everything that hangs off it.
func (s *Service) Delete(ctx context.Context, id int64) error {
	return s.store.InTx(ctx, func(ctx context.Context) error {
		return s.store.DeleteApplication(ctx, id)
	})
}

// Move makes a plain move of the stage machine. Declining and following up
// have their own methods, since they need a letter.
func (s *Service) Move(ctx context.Context, id int64, to workflow.State, note string) (*Detail, error) {
	if err := s.checkNote(to, note); err != nil {
		return nil, err
	}
	return s.change(ctx, id, s.now(), func(ctx context.Context, a *Application, now time.Time) error {
		if err := s.transition(ctx, a, to, workflow.ActionMove, note, now); err != nil {
			return err
		}
		switch to {
		case workflow.Invited:
			return s.logInvitation(ctx, id, NewInvitation{ReceivedAt: now, Message: note})
		case workflow.Scheduled:
			return s.store.AnswerPending(ctx, id, ResponseAccepted, now)
		case workflow.Rejected:
			return s.store.AnswerPending(ctx, id, ResponseCancelled, now)
		}
		return nil
	})
}

// Withdraw records that the user withdrew the application on their own
// initiative (from wishlist or applied): it becomes withdrawn.
func (s *Service) Withdraw(ctx context.Context, id int64, in WithdrawInput) (*Detail, error) {
	if err := s.checkStruct(in); err != nil {
		return nil, err
	}
	note := or(strings.TrimSpace(in.Note), "withdrawn")
	return s.change(ctx, id, s.now(), func(ctx context.Context, a *Application, now time.Time) error {
		return s.transition(ctx, a, workflow.Withdrawn, workflow.ActionWithdraw, note, now)
	})
}

// checkNote validates the target state and the note of a move.
func (s *Service) checkNote(to workflow.State, note string) error {
	fields := map[string]string{}
	if !to.Valid() {
		fields["to"] = "to must be one of " + statesList()
	}
	if utf8.RuneCountInString(note) > 2000 || !plainText(note, true) {
		fields["note"] = "note must be plain text of at most 2000 characters"
	}
	if len(fields) > 0 {
		return apperr.Invalid(fields)
	}
	return nil
}

// transition moves a from its status to to by action and records it in the
// history. The store's conditional update makes a lost race an apperr.ECONFLICT.
func (s *Service) transition(ctx context.Context, a *Application, to workflow.State, action workflow.Action, note string, now time.Time) error {
	if err := workflow.Check(a.Status, to, action); err != nil {
		return &apperr.Error{Code: apperr.ECONFLICT, Message: err.Error(), Allowed: workflow.Next(a.Status)}
	}
	if err := s.store.SetStatus(ctx, a.ID, a.Status, to, now); err != nil {
		return err
	}
	from := a.Status
	a.Status, a.UpdatedAt = to, now
	return s.store.AddHistory(ctx, &HistoryEntry{ApplicationID: a.ID, From: from, To: to, At: now, Note: note})
}

// AddInvitation logs a new round of invitation and moves the application to
// invited when the machine allows it. An earlier invitation still pending is
// superseded: it is marked cancelled.
func (s *Service) AddInvitation(ctx context.Context, id int64, in NewInvitation) (*Detail, error) {
	now := s.now()
	if err := mergeInvalid(s.checkStruct(in), checkInvitationDates(in, now, "")); err != nil {
		return nil, err
	}
	return s.change(ctx, id, now, func(ctx context.Context, a *Application, now time.Time) error {
		if a.Status != workflow.Invited && !workflow.CanMove(a.Status, workflow.Invited) {
			return &apperr.Error{Code: apperr.ECONFLICT, Allowed: workflow.Next(a.Status),
				Message: "an invitation cannot be logged while the application is " + string(a.Status)}
		}
		if err := s.logInvitation(ctx, id, in); err != nil {
			return err
		}
		if a.Status == workflow.Invited {
			return nil
		}
		return s.transition(ctx, a, workflow.Invited, workflow.ActionMove, "invitation logged", now)
	})
}

// logInvitation adds a pending invitation as the next round (or the round
// the input names, if it is free); an earlier one still pending is
// superseded, so an application waits on one answer at a time.
func (s *Service) logInvitation(ctx context.Context, appID int64, in NewInvitation) error {
	invs, err := s.store.ListInvitations(ctx, appID)
	if err != nil {
		return err
	}
	for _, inv := range invs {
		if inv.Round == in.Round {
			return apperr.Invalid(map[string]string{"round": "round " + strconv.Itoa(in.Round) + " is already logged; leave round out to log the next one"})
		}
	}
	if err := s.store.AnswerPending(ctx, appID, ResponseCancelled, in.ReceivedAt); err != nil {
		return err
	}
	return s.store.AddInvitation(ctx, newInvitation(appID, in, len(invs)+1))
}

// newInvitation builds a pending invitation from the input.
func newInvitation(appID int64, in NewInvitation, round int) *Invitation {
	if in.Round != 0 {
		round = in.Round
	}
	if in.Format == "" {
		in.Format = "other"
	}
	return &Invitation{
		ApplicationID: appID, ReceivedAt: in.ReceivedAt.UTC(), RespondBy: utcPtr(in.RespondBy),
		InterviewAt: utcPtr(in.InterviewAt), Format: in.Format, Round: round, Message: in.Message,
		Response: ResponsePending,
	}
}

// checkInvitationDates applies the date rules: received_at not in the
// future, respond_by and interview_at not before received_at.
func checkInvitationDates(in NewInvitation, now time.Time, prefix string) error {
	fields := map[string]string{}
	checkTime(fields, prefix+"received_at", in.ReceivedAt, now, true)
	if in.RespondBy != nil {
		checkTime(fields, prefix+"respond_by", *in.RespondBy, now, false)
		if in.RespondBy.Before(in.ReceivedAt) {
			fields[prefix+"respond_by"] = prefix + "respond_by must not be before received_at"
		}
	}
	if in.InterviewAt != nil {
		checkTime(fields, prefix+"interview_at", *in.InterviewAt, now, false)
		if in.InterviewAt.Before(in.ReceivedAt) {
			fields[prefix+"interview_at"] = prefix + "interview_at must not be before received_at"
		}
	}
	if len(fields) > 0 {
		return apperr.Invalid(fields)
	}
	return nil
}

func utcPtr(t *time.Time) *time.Time {
	if t == nil {
		return nil
	}
	u := t.UTC()
	return &u
}

func (a *Application) fields() Fields {
	return Fields{Company: a.Company, Role: a.Role, Location: a.Location, JobURL: a.JobURL, Source: a.Source,
		ContactName: a.ContactName, ContactEmail: a.ContactEmail, Notes: a.Notes}
}

func (a *Application) setFields(f Fields) {
	a.Company, a.Role, a.Location, a.JobURL = f.Company, f.Role, f.Location, f.JobURL
	a.Source, a.ContactName, a.ContactEmail, a.Notes = f.Source, f.ContactName, f.ContactEmail, f.Notes
}

func statesList() string {
	s := ""
	for i, st := range workflow.States() {
		if i > 0 {
			s += ", "
		}
		s += string(st)
	}
	return s
}

// Cursors are opaque to clients: the last id of a page, encoded.
func encodeCursor(id int64) string {
	return base64.RawURLEncoding.EncodeToString([]byte("a" + strconv.FormatInt(id, 10)))
}

func decodeCursor(c string) (int64, bool) {
	if c == "" {
		return 0, true
	}
	b, err := base64.RawURLEncoding.DecodeString(c)
	if err != nil || len(b) < 2 || b[0] != 'a' {
		return 0, false
	}
	id, err := strconv.ParseInt(string(b[1:]), 10, 64)
	return id, err == nil && id > 0
}
