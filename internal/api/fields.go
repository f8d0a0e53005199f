// Package api holds the JSON types of the HTTP API: the editable fields of
// an application as requests carry them, and the response views of the
// domain types. The server writes them and the command line's --json output
// prints the same types, so the two cannot drift.
package api

import (
	"time"

	"tracker/internal/applications"
	"tracker/internal/civil"
)

// Fields are the editable fields of an application in JSON. They have the
// fields of applications.Fields, in the same order and types, so one
// converts to the other; a field added there and not here (or the other
// way round) does not compile.
type Fields struct {
	Company      string     `json:"company"`
	Role         string     `json:"role"`
	Location     string     `json:"location"`
	JobURL       string     `json:"job_url"`
	Source       string     `json:"source"`
	ContactName  string     `json:"contact_name"`
	ContactKind  string     `json:"contact_kind"`
	ContactTitle string     `json:"contact_title"`
	GreetingName string     `json:"greeting_name"`
	ContactEmail string     `json:"contact_email"`
	Notes        string     `json:"notes"`
	AppliedAt    *time.Time `json:"applied_at"`
	// OfferMadeOn is a date, "2026-11-16", or null when not known.
	OfferMadeOn civil.Date `json:"offer_made_on"`
}

// FieldsPatch is the body of PATCH /applications/{id}: a field that is
// absent or null stays as it is. It converts to applications.Patch.
type FieldsPatch struct {
	Company      *string    `json:"company"`
	Role         *string    `json:"role"`
	Location     *string    `json:"location"`
	JobURL       *string    `json:"job_url"`
	Source       *string    `json:"source"`
	ContactName  *string    `json:"contact_name"`
	ContactKind  *string    `json:"contact_kind"`
	ContactTitle *string    `json:"contact_title"`
	GreetingName *string    `json:"greeting_name"`
	ContactEmail *string    `json:"contact_email"`
	Notes        *string    `json:"notes"`
	AppliedAt    *time.Time `json:"applied_at"`
	// OfferMadeOn "" clears the date.
	OfferMadeOn *civil.Date `json:"offer_made_on"`
}

// FieldsOf returns the JSON form of the domain's fields, times in UTC.
func FieldsOf(f applications.Fields) Fields {
	v := Fields(f)
	v.AppliedAt = utcPtr(v.AppliedAt)
	return v
}

// Domain returns the fields as the service takes them.
func (f Fields) Domain() applications.Fields { return applications.Fields(f) }

// Domain returns the patch as the service takes it.
func (p FieldsPatch) Domain() applications.Patch { return applications.Patch(p) }
