package exchange

import (
	"encoding/csv"
	"io"
	"strings"
	"time"

	"tracker/internal/applications"
)

// csvHeader is the header of our CSV export; ImportCSV reads it back.
var csvHeader = []string{"company", "role", "status", "applied_at", "location", "job_url", "source",
	"contact_name", "contact_kind", "contact_title", "greeting_name", "contact_email", "notes", "next_interview_at",
	"created_at", "updated_at"}

// WriteCSV writes one row per application, times in RFC 3339 UTC. A cell
// that a spreadsheet would run as a formula is prefixed with a quote.
func WriteCSV(w io.Writer, details []*applications.Detail) error {
	cw := csv.NewWriter(w)
	if err := cw.Write(csvHeader); err != nil {
		return err
	}
	for _, d := range details {
		rec := []string{d.Company, d.Role, string(d.Status), timeCell(d.AppliedAt), d.Location, d.JobURL, d.Source,
			d.ContactName, d.ContactKind, d.ContactTitle, d.GreetingName, d.ContactEmail, d.Notes, timeCell(nextInterview(d)),
			timeCell(&d.CreatedAt), timeCell(&d.UpdatedAt)}
		for i := range rec {
			rec[i] = defuse(rec[i])
		}
		if err := cw.Write(rec); err != nil {
			return err
		}
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
