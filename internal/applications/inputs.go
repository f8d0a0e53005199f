package applications

import (
	"reflect"
	"slices"
	"strings"
	"time"

	"tracker/internal/civil"
	"tracker/internal/decline"
	"tracker/internal/workflow"
)

// Fields are the editable fields of an application. The validate tags are
// the one statement of their rules; the service checks them for every
// adapter alike. Adding a field here (and to Patch) is all the domain needs:
// the store maps the struct as a whole and the API converts it.
type Fields struct {
	Company     string `validate:"required,max=200,line"`
	Role        string `validate:"required,max=200,line"`
	Location    string `validate:"max=200,line"`
	JobURL      string `validate:"omitempty,max=2000,http_url"`
	Source      string `validate:"max=200,line"`
	ContactName string `validate:"max=200,line"`
	// ContactKind is who the letters address: person, team or none; empty
	// infers it from ContactName (an address or a name such as "Talent
	// Team" is a team).
	ContactKind  string `validate:"omitempty,oneof=person team none"`
	ContactTitle string `validate:"max=50,line"` // "Dr.", "Ms"; optional
	// GreetingName is how a letter's greeting names the contact ("Sarah",
	// "Dr. Lima"); empty derives it from the name, title and tone.
	GreetingName string `validate:"max=200,line"`
	ContactEmail string `validate:"omitempty,max=254,email"`
	Notes        string `validate:"max=20000,text"`
	// AppliedAt is when the user applied; nil while on the wishlist.
	AppliedAt *time.Time
	// OfferMadeOn is the day the employer made the offer (zero: not
	// known), which an offer's decline letter names; see checkOfferDate.
	OfferMadeOn civil.Date
}

// NewApplication is the input that creates an application. Status may be
// empty (applied), wishlist, applied or invited (workflow.Starts); an
// Invitation makes it invited.
type NewApplication struct {
	Fields
	Status     workflow.State `validate:"omitempty,oneof=wishlist applied invited"`
	Invitation *NewInvitation
}

// NewInvitation is the input that logs one round of interview invitation.
type NewInvitation struct {
	ReceivedAt  time.Time `validate:"required"`
	RespondBy   *time.Time
	InterviewAt *time.Time
	Format      string `validate:"omitempty,oneof=phone video onsite other"`
	Round       int    `validate:"omitempty,min=1,max=100"`
	Message     string `validate:"max=20000,text"`
	// Origin is set by an import; adapters leave it empty.
	Origin Origin
}

// Patch is a partial update of an application's fields: nil leaves a field
// as it is. Each field has the name of a field of Fields and its type (or a
// pointer to it). The status is never patched; it moves through the
// workflow.
type Patch struct {
	Company      *string
	Role         *string
	Location     *string
	JobURL       *string
	Source       *string
	ContactName  *string
	ContactKind  *string
	ContactTitle *string
	GreetingName *string
	ContactEmail *string
	Notes        *string
	AppliedAt    *time.Time
	// OfferMadeOn set to the zero Date clears the offer's day.
	OfferMadeOn *civil.Date
}

// Apply returns f with the patch's fields set. It matches fields by name,
// so a field added to Fields and Patch needs no code here.
func (p Patch) Apply(f Fields) Fields {
	pv, fv := reflect.ValueOf(p), reflect.ValueOf(&f).Elem()
	for i := range pv.NumField() {
		v := pv.Field(i)
		if v.IsNil() {
			continue
		}
		dst := fv.FieldByName(pv.Type().Field(i).Name)
		if dst.Type() == v.Type() {
			dst.Set(v) // a pointer field, such as AppliedAt
		} else {
			dst.Set(v.Elem())
		}
	}
	return f
}

// changed names the fields of f that differ from old.
func (f Fields) changed(old Fields) []string {
	fv, ov := reflect.ValueOf(f), reflect.ValueOf(old)
	var names []string
	for i := range fv.NumField() {
		if !reflect.DeepEqual(fv.Field(i).Interface(), ov.Field(i).Interface()) {
			names = append(names, fv.Type().Field(i).Name)
		}
	}
	return names
}

// DeclineInput is what the user chooses for a decline letter. Subject and
// Body, when set, replace the generated text with the user's edit.
type DeclineInput struct {
	Reason       string `validate:"required"`
	ReasonDetail string `validate:"max=200,line"`
	Channel      string
	Tone         string
	SenderName   string `validate:"max=200,line"`
	// Detail is one concrete detail in the user's words (what they valued,
	// the rival offer, a real reason) that the letter weaves in.
	Detail string `validate:"max=200,line"`
	// DetailKind says what the detail is to the letter: appreciated,
	// offer or reason; empty reads it from the words where that is safe.
	DetailKind string
	// Offer is the help the letter ends with: referral, reference,
	// stay_in_touch or none; empty is the default for the situation.
	Offer string
	// Variant asks for another wording of the same letter; 0 is the first.
	Variant int     `validate:"min=0,max=1000000"`
	Subject *string `validate:"omitempty,max=300,line"`
	Body    *string `validate:"omitempty,max=20000,text"`
	SentAt  *time.Time
	// Override stores an edited letter even when it fails a check.
	Override bool
	// PreviewedStatus, when set, is the status the user previewed the
	// letter in (Preview.PreviewedStatus): if the application has moved
	// since, the letter they read no longer fits and the decline is
	// refused as a conflict.
	PreviewedStatus workflow.State
}

// WithdrawInput records that the user withdrew an application on their
// own initiative, before any invitation.
type WithdrawInput struct {
	Note string `validate:"max=2000,text"`
	// At is when the user withdrew, now when nil.
	At *time.Time
	// Letter, when set, is the letter that withdraws the application,
	// chosen and edited as a decline letter is; it is checked and stored.
	Letter *DeclineInput `validate:"-"`
}

// FollowUpInput is the follow-up after a decline: what kind, which
// wording, the user's edit of it, and when it was sent.
type FollowUpInput struct {
	Note string `validate:"max=2000,text"`
	// Kind is confirm (no answer yet: make sure the decline arrived) or
	// thanks (the employer replied: a short close); empty is confirm.
	Kind string
	// Variant asks for another wording; 0 is the first.
	Variant int     `validate:"min=0,max=1000000"`
	Subject *string `validate:"omitempty,max=300,line"`
	Body    *string `validate:"omitempty,max=20000,text"`
	SentAt  *time.Time
	// Override records an edited follow-up even when it fails a check.
	Override bool
}

// ListFilter selects, orders and pages applications.
type ListFilter struct {
	Status workflow.State
	Query  string // words to find in company, role, contact, location or notes
	Sort   ListSort
	Limit  int
	Cursor string
}

// ListSort is the order of a list of applications.
type ListSort string

// The orders a list can have.
const (
	SortNewest  ListSort = "newest"  // most recently added first (the default)
	SortOldest  ListSort = "oldest"  // first added first
	SortCompany ListSort = "company" // by company, A to Z
	SortUpdated ListSort = "updated" // most recently changed first
	SortApplied ListSort = "applied" // most recently applied first; a wishlist job by when it was added
)

// ListSorts are the orders a list can have, the default first.
var ListSorts = []ListSort{SortNewest, SortOldest, SortCompany, SortUpdated, SortApplied}

// Valid reports whether s is one of ListSorts; empty means the default.
func (s ListSort) Valid() bool { return s == "" || slices.Contains(ListSorts, s) }

// ListCursor is where a page ended: the sort key and the id of its last
// application. Key holds the company for SortCompany, At the time for
// SortUpdated and SortApplied.
type ListCursor struct {
	Key string
	At  time.Time
	ID  int64
}

// Page is one page of applications; NextCursor is empty on the last page.
type Page struct {
	Items      []Summary
	NextCursor string
}

// Summary is an application as a list shows it: what names it, its stage
// and its times (the keys of every order), without the contact, the notes
// and the rest that only its detail shows.
type Summary struct {
	ID        int64
	Company   string
	Role      string
	Status    workflow.State
	AppliedAt *time.Time
	CreatedAt time.Time
	UpdatedAt time.Time
}

// SummaryOf returns the summary of a.
func SummaryOf(a Application) Summary {
	return Summary{ID: a.ID, Company: a.Company, Role: a.Role, Status: a.Status, AppliedAt: a.AppliedAt,
		CreatedAt: a.CreatedAt, UpdatedAt: a.UpdatedAt}
}

// Preview is a generated letter with its etiquette checks, not stored.
type Preview struct {
	Subject string
	Body    string
	// Voicemail is the short message to leave when a call is not
	// answered; only phone letters have one.
	Voicemail string
	// Offer is the offer of help the letter makes: the user's choice, or
	// the situation's default.
	Offer  string
	Checks []decline.Check
	// Mailto opens the letter in the user's mail program, to the contact.
	Mailto string
	// PreviewedStatus is the status the letter was written for; the
	// decline sends it back so that a move in between is noticed.
	PreviewedStatus workflow.State
}

// normalised returns f with the white space around its one-line fields
// removed and its times in UTC to the second, as they are stored.
func (f Fields) normalised() Fields {
	for _, s := range []*string{&f.Company, &f.Role, &f.Location, &f.JobURL, &f.Source, &f.ContactName, &f.ContactTitle, &f.GreetingName, &f.ContactEmail} {
		*s = strings.TrimSpace(*s)
	}
	f.ContactKind = strings.ToLower(strings.TrimSpace(f.ContactKind))
	if f.AppliedAt != nil {
		t := f.AppliedAt.UTC().Truncate(time.Second)
		f.AppliedAt = &t
	}
	return f
}
