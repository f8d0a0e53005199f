package exchange

import (
	"context"
	"encoding/csv"
	"io"
	"strings"
	"time"

	"tracker/internal/applications"
)

// csvHeader is the header of our CSV export; ImportCSV reads it back.
var csvHeader = []string{"company", "role", "status", "applied_at", "location", "job_url", "source",
	"contact_name", "contact_kind", "contact_title", "greeting_name", "contact_email", "notes", "next_interview_at",
	"offer_made_on", "created_at", "updated_at"}

// WriteCSV writes one row per application of the user in ctx as it
// reads them from src, times in RFC 3339 UTC and the offer's day as
// YYYY-MM-DD. A cell that a spreadsheet
// would run as a formula is prefixed with a quote. On an error part of the
// sheet may have been written.
func WriteCSV(ctx context.Context, w io.Writer, src Exporter) error {
	cw := csv.NewWriter(w)
	if err := cw.Write(csvHeader); err != nil {
		return err
	}
	rec := make([]string, len(csvHeader))
	err := src.Export(ctx, func(d *applications.Detail) error {
		rec = append(rec[:0], d.Company, d.Role, string(d.Status), timeCell(d.AppliedAt), d.Location, d.JobURL, d.Source,
			d.ContactName, d.ContactKind, d.ContactTitle, d.GreetingName, d.ContactEmail, d.Notes, timeCell(nextInterview(d)),
			d.OfferMadeOn.String(), timeCell(&d.CreatedAt), timeCell(&d.UpdatedAt))
		for i := range rec {
			rec[i] = defuse(rec[i])
		}
		return cw.Write(rec)
	})
	if err != nil {
		return err
	}
	cw.Flush()
	return cw.Error()
}

// nextInterview is the interview time of the latest invitation, if any.
func nextInterview(d *applications.Detail) *time.Time {
	for i := len(d.Invitations) - 1; i >= 0; i-- {
		if d.Invitations[i].InterviewAt != nil {
			return d.Invitations[i].InterviewAt
		}
	}
	return nil
}

func timeCell(t *time.Time) string {
	if t == nil {
		return ""
	}
	return t.UTC().Format(time.RFC3339)
}

// defuse keeps spreadsheets from running a cell as a formula (CSV
// injection): one that starts with = + - @ or a tab gets a leading quote.
func defuse(s string) string {
	if s != "" && strings.ContainsRune("=+-@\t\r", rune(s[0])) {
		return "'" + s
	}
	return s
}
