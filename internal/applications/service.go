package applications

import (
	"context"
	"errors"
	"slices"
	"strconv"
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
// Its applied_at defaults to now (or to the invitation's received_at when
// that is earlier); a wishlist job has none until it is applied to.
func (s *Service) Create(ctx context.Context, in NewApplication) (*Detail, error) {
	in.Fields = in.Fields.normalised()
	now := s.now()
	status := startState(in)
	err := mergeInvalid(s.checkStruct(in), checkFieldDates(in.Fields, status, now))
	if !in.OfferMadeOn.IsZero() {
		err = mergeInvalid(err, apperr.Invalid(map[string]string{"offer_made_on": "offer_made_on must be empty on a new application; set it when you move it to offered"}))
	}
	if in.Invitation != nil {
		err = mergeInvalid(err, checkInvitationDates(*in.Invitation, now, "invitation."))
	}
	if err != nil {
		return nil, err
	}
	given := in.AppliedAt != nil
	inv, err := firstSteps(&in, status, now)
	if err != nil {
		return nil, err
	}
	a := &Application{Fields: in.Fields, Status: status, CreatedAt: now, UpdatedAt: now}
	if inv == nil {
		hist := firstHistory(a, nil, given, now)
		if err := s.store.CreateStarted(ctx, a, hist); err != nil {
			return nil, err
		}
		return s.createdDetail(ctx, a, hist, now)
	}
	err = s.store.InTx(ctx, func(ctx context.Context) error {
		if err := s.store.CreateApplication(ctx, a); err != nil {
			return err
		}
		hist := firstHistory(a, inv, given, now)
		for i := range hist {
			if err := s.store.AddHistory(ctx, &hist[i]); err != nil {
				return err
			}
		}
		if err := s.store.AddInvitation(ctx, newInvitation(a.ID, *inv, 1)); err != nil {
			return err
		}
		return s.store.AddDue(ctx, a.ID, a.Status)
	})
	if err != nil {
		return nil, err
	}
	return s.readDetail(ctx, a.ID, now)
}

// createdDetail is the detail of application a, just created with the
// history entries hist and nothing else, as readDetail would read it back:
// all of it is what the create wrote but the user's settings, which decide
// its warnings (one small read instead of the whole record). A create with
// an invitation reads its detail back.
func (s *Service) createdDetail(ctx context.Context, a *Application, hist []HistoryEntry, now time.Time) (*Detail, error) {
	st, err := s.store.GetSettings(ctx)
	if apperr.ErrorCode(err) == apperr.ENOTFOUND {
		st, err = nil, nil
	}
	if err != nil {
		return nil, err
	}
	slices.SortStableFunc(hist, func(x, y HistoryEntry) int { return x.At.Compare(y.At) }) // as the store orders them
	r := &DetailRecords{Application: *a, Settings: st, Invitations: []Invitation{}, History: hist, Letters: []Letter{}}
	return detailOf(r, now), nil
}

// firstHistory is the history a new application starts with: one entry
// for its first state, when the user applied (or when the invitation came,
// or now for a wishlist job). An invited start whose applied_at the user
// gave, earlier than the invitation, records both steps.
func firstHistory(a *Application, inv *NewInvitation, appliedGiven bool, now time.Time) []HistoryEntry {
	switch {
	case a.Status == workflow.Wishlist:
		return []HistoryEntry{{ApplicationID: a.ID, To: a.Status, At: now, Note: "created"}}
	case inv == nil:
		return []HistoryEntry{{ApplicationID: a.ID, To: a.Status, At: *a.AppliedAt, Note: "created"}}
	case appliedGiven && a.AppliedAt.Before(inv.ReceivedAt):
		return []HistoryEntry{
			{ApplicationID: a.ID, To: workflow.Applied, At: *a.AppliedAt, Note: "created"},
			{ApplicationID: a.ID, From: workflow.Applied, To: workflow.Invited, At: inv.ReceivedAt, Note: "invitation logged"},
		}
	}
	return []HistoryEntry{{ApplicationID: a.ID, To: a.Status, At: inv.ReceivedAt, Note: "created"}}
}

// startState is the state a new application starts in: invited when it
// comes with an invitation, else the status asked for, else applied.
func startState(in NewApplication) workflow.State {
	switch {
	case in.Invitation != nil:
		return workflow.Invited
	case in.Status != "":
		return in.Status
	}
	return workflow.Applied
}

// firstSteps fills in the applied_at default and returns the first
// invitation of an invited start.
func firstSteps(in *NewApplication, status workflow.State, now time.Time) (*NewInvitation, error) {
	var inv *NewInvitation
	if status == workflow.Invited {
		inv = &NewInvitation{ReceivedAt: now}
		if in.Invitation != nil {
			n := in.Invitation.normalised(now)
			inv = &n
		}
	}
	if status == workflow.Wishlist {
		return nil, nil
	}
	if in.AppliedAt != nil {
		t := notAfter(*in.AppliedAt, now)
		in.AppliedAt = &t
	}
	if in.AppliedAt == nil {
		t := now
		if inv != nil && inv.ReceivedAt.Before(t) {
			t = inv.ReceivedAt
		}
		in.AppliedAt = &t
	}
	if inv != nil && in.AppliedAt.After(inv.ReceivedAt) {
		return nil, apperr.Invalid(map[string]string{"applied_at": "applied_at must not be after the invitation's received_at"})
	}
	return inv, nil
}

// Get returns the application with its invitations, history, letters,
// allowed transitions and current warnings.
func (s *Service) Get(ctx context.Context, id int64) (*Detail, error) {
	return s.readDetail(ctx, id, s.now())
}

// readDetail reads the detail of application id as of now, with one
// read of the store (which needs no transaction around it). The write
// methods call it once their write has committed rather than inside it:
// SQLite has one writer, and holding it for reads would make every other
// write wait for them too.
func (s *Service) readDetail(ctx context.Context, id int64, now time.Time) (*Detail, error) {
	return s.detail(ctx, id, now)
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
	if !f.Sort.Valid() {
		fields["sort"] = "sort must be one of " + SortsText()
	}
	if f.Sort == "" {
		f.Sort = SortNewest
	}
	after, ok := decodeCursor(f.Cursor, f.Sort)
	if !ok {
		fields["cursor"] = "cursor is not one this server gave out for this order; start again without it"
	}
	if len(fields) > 0 {
		return nil, apperr.Invalid(fields)
	}
	if f.Limit == 0 {
		f.Limit = DefaultPageSize
	}
	f.Limit++ // one more tells whether there is a next page
	// The store reads the page consistently; it needs no transaction here.
	items, err := s.store.ListApplications(ctx, f, after)
	if err != nil {
		return nil, err
	}
	page := &Page{Items: items}
	if len(items) == f.Limit {
		page.Items = items[:f.Limit-1]
		page.NextCursor = encodeCursor(f.Sort, page.Items[len(page.Items)-1])
	}
	return page, nil
}

// Update changes the fields the patch sets; the status is never patched.
func (s *Service) Update(ctx context.Context, id int64, p Patch) (*Detail, error) {
	return s.change(ctx, id, s.now(), func(ctx context.Context, a *Application, now time.Time) error {
		f := p.Apply(a.Fields).normalised()
		if err := mergeInvalid(s.checkStruct(NewApplication{Fields: f}), checkFieldDates(f, a.Status, now)); err != nil {
			return err
		}
		changed := f.changed(a.Fields)
		if len(changed) == 0 {
			return nil
		}
		if f.OfferMadeOn != a.OfferMadeOn && !f.OfferMadeOn.IsZero() {
			if err := s.checkOfferDate(ctx, a.ID, f.OfferMadeOn, now, now, true); err != nil {
				return err
			}
		}
		if f.AppliedAt != nil && (a.AppliedAt == nil || !f.AppliedAt.Equal(*a.AppliedAt)) {
			if err := s.moveAppliedEntry(ctx, a.ID, *f.AppliedAt); err != nil {
				return err
			}
		}
		a.Fields = f
		a.UpdatedAt = now
		return s.store.UpdateApplication(ctx, a, changed)
	})
}

// moveAppliedEntry keeps the history in step with a corrected applied_at:
// the entry that records the application becoming applied moves to the
// new time, which must stay between its neighbours so the history still
// reads in order. Someone who starts tracking mid-search can thus date an
// application weeks back and then log what followed.
func (s *Service) moveAppliedEntry(ctx context.Context, appID int64, at time.Time) error {
	hist, err := s.store.ListHistory(ctx, appID)
	if err != nil {
		return err
	}
	i := slices.IndexFunc(hist, func(h HistoryEntry) bool { return h.To == workflow.Applied })
	if i < 0 {
		return nil
	}
	if i > 0 && at.Before(hist[i-1].At) {
		return apperr.Invalid(map[string]string{"applied_at": "applied_at must not be before the history entry before it (" +
			string(hist[i-1].To) + " at " + hist[i-1].At.Format(time.RFC3339) + ")"})
	}
	if i+1 < len(hist) && at.After(hist[i+1].At) {
		return apperr.Invalid(map[string]string{"applied_at": "applied_at must not be after the history entry that follows it (" +
			string(hist[i+1].To) + " at " + hist[i+1].At.Format(time.RFC3339) + ")"})
	}
	return s.store.SetHistoryAt(ctx, appID, hist[i].ID, at)
}

// checkFieldDates applies the rules of the date fields: applied_at not in
// the future, and empty while the job is only on the wishlist.
func checkFieldDates(f Fields, status workflow.State, now time.Time) error {
	if f.AppliedAt == nil {
		return nil
	}
	fields := map[string]string{}
	checkTime(fields, "applied_at", *f.AppliedAt, now, true)
	if status == workflow.Wishlist {
		fields["applied_at"] = "applied_at must be empty while the job is on the wishlist; it is set when you move it to applied"
	}
	if len(fields) > 0 {
		return apperr.Invalid(fields)
	}
	return nil
}

// change runs fn on the application with id in one write transaction and
// returns the application's detail as it is once that has committed.
func (s *Service) change(ctx context.Context, id int64, now time.Time, fn func(ctx context.Context, a *Application, now time.Time) error) (*Detail, error) {
	return s.changeWith(ctx, id, now, false, fn)
}

// move is change for a write that moves the application or logs a history
// entry (through transition or notBeforeLast): it reads the application
// with its last history entry, on PostgreSQL in one statement.
func (s *Service) move(ctx context.Context, id int64, now time.Time, fn func(ctx context.Context, a *Application, now time.Time) error) (*Detail, error) {
	return s.changeWith(ctx, id, now, true, fn)
}

func (s *Service) changeWith(ctx context.Context, id int64, now time.Time, moves bool, fn func(ctx context.Context, a *Application, now time.Time) error) (*Detail, error) {
	return s.changeRead(ctx, id, now, func(ctx context.Context, c *changing) (a *Application, err error) {
		if !moves {
			return s.store.GetApplication(ctx, id)
		}
		a, c.last, err = s.store.GetForMove(ctx, id)
		c.lastRead = err == nil
		return a, err
	}, fn)
}

// moveLetter is move for a write that sends a letter: the application is
// read with what the letter reads (ReadForLetter), in one statement.
func (s *Service) moveLetter(ctx context.Context, id int64, now time.Time, fn func(ctx context.Context, r *LetterRecords, now time.Time) error) (*Detail, error) {
	var r *LetterRecords
	return s.changeRead(ctx, id, now, func(ctx context.Context, c *changing) (*Application, error) {
		var err error
		if r, err = s.store.ReadForLetter(ctx, id); err != nil {
			return nil, err
		}
		c.last, c.lastRead = r.Last, true
		return &r.Application, nil
	}, func(ctx context.Context, _ *Application, now time.Time) error { return fn(ctx, r, now) })
}

// changeRead is change with the application read by read, in the
// transaction, which may note in c what it read of the history.
func (s *Service) changeRead(ctx context.Context, id int64, now time.Time, read func(ctx context.Context, c *changing) (*Application, error),
	fn func(ctx context.Context, a *Application, now time.Time) error) (*Detail, error) {
	err := s.store.InTx(ctx, func(ctx context.Context) error {
		c := &changing{}
		a, err := read(ctx, c)
		if err != nil {
			return err
		}
		if err := fn(context.WithValue(ctx, changeKey{}, c), a, now); err != nil {
			return err
		}
		if c.settled != "" && c.settled == a.Status {
			return nil // the move cleared it: a stage no warning concerns
		}
		return s.store.SetDue(ctx, id, a.Status) // fn moved a only through transition, which keeps a.Status
	})
	if err != nil {
		return nil, s.withAllowed(ctx, id, err)
	}
	return s.readDetail(ctx, id, now)
}

// changeKey holds, in the context of a change, the changing it passes
// to transition and notBeforeLast.
type changeKey struct{}

// changing is what a change and the transitions it runs share: the
// application's last history entry as the change read it and its moves
// keep it (when lastRead), and the stage whose due time a move settled.
type changing struct {
	last     *HistoryEntry
	lastRead bool
	settled  workflow.State
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
