package exchange

import (
	"bytes"
	"context"
	"encoding/csv"
	"errors"
	"fmt"
	"io"
	"sort"
	"strings"
	"time"

	"tracker/internal/apperr"
	"tracker/internal/applications"
	"tracker/internal/civil"
	"tracker/internal/workflow"
)

// BatchSize is how many rows one transaction of a CSV import writes.
const BatchSize = 500

// BatchCreator creates applications a batch at a time; the applications
// service implements it.
type BatchCreator interface {
	CreateBatch(ctx context.Context, items []applications.BatchItem) ([]error, error)
}

// RowError is a row the import could not take, or a remark on one it took.
type RowError struct {
	Line    int    `json:"line"`
	Message string `json:"message"`
}

// Report is what a CSV import did.
type Report struct {
	Imported int        `json:"imported"`
	Errors   []RowError `json:"errors"` // rows left out
	Notes    []RowError `json:"notes"`  // rows taken with a change
}

// csvRow is one data row, parsed, with its line in the file.
type csvRow struct {
	line  int
	item  applications.BatchItem
	note  string
	error string
}

// ImportCSV reads a CSV export (ours or another tracker's), maps its
// columns and statuses, and creates one application per row, a batch per
// transaction. Rows that break a rule are reported with their line and
// left out; the others are kept. progress, when not nil, is told how many
// rows are done after each batch, and the total.
func ImportCSV(ctx context.Context, r io.Reader, svc BatchCreator, progress func(done, total int)) (*Report, error) {
	rows, err := readCSV(r)
	if err != nil {
		return nil, err
	}
	rep := &Report{Errors: []RowError{}, Notes: []RowError{}}
	for start := 0; start < len(rows); start += BatchSize {
		batch := rows[start:min(start+BatchSize, len(rows))]
		if err := importBatch(ctx, svc, batch, rep); err != nil {
			return rep, err
		}
		if progress != nil {
			progress(start+len(batch), len(rows))
		}
	}
	sort.SliceStable(rep.Errors, func(i, j int) bool { return rep.Errors[i].Line < rep.Errors[j].Line })
	return rep, nil
}

func importBatch(ctx context.Context, svc BatchCreator, batch []csvRow, rep *Report) error {
	var items []applications.BatchItem
	var taken []csvRow
	for _, row := range batch {
		if row.error != "" {
			rep.Errors = append(rep.Errors, RowError{row.line, row.error})
			continue
		}
		items, taken = append(items, row.item), append(taken, row)
	}
	errs, err := svc.CreateBatch(ctx, items)
	if err != nil {
		return err
	}
	for i, row := range taken {
		if errs[i] != nil {
			rep.Errors = append(rep.Errors, RowError{row.line, rowMessage(errs[i])})
			continue
		}
		rep.Imported++
		if row.note != "" {
			rep.Notes = append(rep.Notes, RowError{row.line, row.note})
		}
	}
	return nil
}

// rowMessage says what is wrong with a row, naming the fields.
func rowMessage(err error) string {
	var e *apperr.Error
	if !errors.As(err, &e) || len(e.Fields) == 0 {
		return err.Error()
	}
	var parts []string
	for f, m := range e.Fields {
		parts = append(parts, f+": "+m)
	}
	return strings.Join(sortStrings(parts), "; ")
}

// readCSV reads the header and every row; a file without a company or a
// role column is refused as a whole.
func readCSV(r io.Reader) ([]csvRow, error) {
	data, err := io.ReadAll(r)
	if err != nil {
		return nil, err
	}
	data = bytes.TrimPrefix(data, []byte("\ufeff"))
	cr := csv.NewReader(bytes.NewReader(data))
	cr.FieldsPerRecord = -1
	if first, _, _ := bytes.Cut(data, []byte("\n")); bytes.Count(first, []byte(";")) > bytes.Count(first, []byte(",")) {
		cr.Comma = ';'
	}
	header, err := cr.Read()
	if err != nil {
		return nil, invalid("file", "the file has no CSV header line")
	}
	cols := mapColumns(header)
	if _, ok := cols[colCompany]; !ok {
		return nil, invalid("file", "the CSV has no company column (Company, Company Name, Employer or Organization)")
	}
	if _, ok := cols[colRole]; !ok {
		return nil, invalid("file", "the CSV has no role column (Role, Title, Job Title or Position)")
	}
	var rows []csvRow
	for {
		rec, err := cr.Read()
		if errors.Is(err, io.EOF) {
			return rows, nil
		}
		if err != nil {
			return nil, invalid("file", "the file is not valid CSV: %v", err) // csv.ParseError names the line
		}
		line, _ := cr.FieldPos(0)
		if isEmpty(rec) {
			continue
		}
		rows = append(rows, parseRow(line, rec, cols))
	}
}

// mapColumns finds the column of each field; the first of two columns
// for one field wins.
func mapColumns(header []string) map[string]int {
	cols := map[string]int{}
	for i, h := range header {
		if f, ok := columnAliases[headerKey(h)]; ok {
			if _, seen := cols[f]; !seen {
				cols[f] = i
			}
		}
	}
	return cols
}

func isEmpty(rec []string) bool {
	for _, v := range rec {
		if strings.TrimSpace(v) != "" {
			return false
		}
	}
	return true
}

// parseRow turns a record into the application it creates.
func parseRow(line int, rec []string, cols map[string]int) csvRow {
	get := func(f string) string {
		i, ok := cols[f]
		if !ok || i >= len(rec) || blank(rec[i]) {
			return ""
		}
		return strings.TrimSpace(rec[i])
	}
	f := applications.Fields{Company: get(colCompany), Role: get(colRole), Location: get(colLocation), JobURL: get(colURL),
		Source: get(colSource), ContactName: get(colContact), ContactKind: get(colContactKind), ContactTitle: get(colContactTitle),
		GreetingName: get(colGreeting), ContactEmail: get(colEmail), Notes: get(colNotes)}
	row := csvRow{line: line}
	for _, extra := range []struct{ label, value string }{{"Salary", get(colSalary)}, {"Tags", get(colTags)}} {
		if extra.value != "" {
			f.Notes = strings.TrimSpace(f.Notes + "\n" + extra.label + ": " + extra.value)
		}
	}
	plan := planStatus(get(colStatus))
	if plan.lossy {
		f.Notes = strings.TrimSpace(f.Notes + "\nImported status: " + get(colStatus))
		row.note = fmt.Sprintf("status %q has no stage of its own here; imported as applied", get(colStatus))
	}
	offerDay, interview, msg := stageDates(get)
	if msg != "" {
		row.error = msg
		return row
	}
	if !offerDay.IsZero() {
		plan = plan.throughOffer() // the service checks the day goes with an offer, and its rules
	}
	if interview != nil {
		plan = plan.throughInvitation()
	}
	if s := get(colApplied); s != "" && plan.start != workflow.Wishlist {
		t, ok := parseDate(s)
		if !ok {
			row.error = fmt.Sprintf("applied date %q is not a date (use YYYY-MM-DD)", s)
			return row
		}
		f.AppliedAt = &t
	}
	row.item = applications.BatchItem{New: applications.NewApplication{Fields: f, Status: plan.start}, Then: plan.then, Note: "imported", OfferMadeOn: offerDay}
	if plan.start == workflow.Invited && f.AppliedAt != nil { // without a date the service logs it as received now
		row.item.New.Invitation = &applications.NewInvitation{ReceivedAt: *f.AppliedAt, InterviewAt: interview, Message: "imported"}
	} else if interview != nil { // no invitation to hold it
		row.item.New.Notes = strings.TrimSpace(f.Notes + "\nNext interview: " + get(colInterviewAt))
	}
	if n := withoutLetters(plan.final()); n != "" {
		row.note = n
	}
	return row
}

// stageDates reads the day of the offer and the interview time of a row,
// if any, or says what is wrong with them.
func stageDates(get func(field string) string) (offerDay civil.Date, interview *time.Time, msg string) {
	if s := get(colOfferMadeOn); s != "" {
		day, err := civil.Parse(s)
		if err != nil {
			return offerDay, nil, fmt.Sprintf("offer_made_on: %q is not a date (use YYYY-MM-DD)", s)
		}
		offerDay = day
	}
	if s := get(colInterviewAt); s != "" {
		t, ok := parseDate(s)
		if !ok {
			return offerDay, nil, fmt.Sprintf("interview time %q is not a date (use RFC 3339 or YYYY-MM-DD)", s)
		}
		interview = &t
	}
	return offerDay, interview, ""
}
