package exchange_test

import (
	"bytes"
	"context"
	"encoding/csv"
	"fmt"
	"slices"
	"strings"
	"testing"
	"time"

	"tracker/internal/applications"
	"tracker/internal/civil"
	"tracker/internal/exchange"
	"tracker/internal/storage"
	"tracker/internal/storage/storagetest"
	"tracker/internal/workflow"
)

func newService(t *testing.T) (context.Context, *applications.Service) {
	t.Helper()
	db, _ := storagetest.SQLite(t)
	return storagetest.Owner(t, db, "me@example.com"), applications.NewService(db, func() time.Time { return now })
}

// TestImportOtherTrackers reads files in the column shapes of Huntr's and
// JobSync's exports (see the fixtures' SOURCES.md) and of a Teal-like
// sheet, and checks where each row lands.
func TestImportOtherTrackers(t *testing.T) {
	files := map[string]string{
		"huntr": "id,createdAt,title,salary,location,url,rootDomain,htmlDescription,deadline,color,lastMovedAt,boardId,boardName,listId,listName,companyId,companyName,companyDomain\r\n" +
			"1,2026-01-05 10:00:00,Go Engineer,120k,Berlin,https://acme.example/jobs/1,acme.example,-,-,#fff,-,b,Board,l,Applied,c,Acme,acme.example\r\n" +
			"2,2026-01-06 10:00:00,SRE,-,-,-,-,-,-,-,-,b,Board,l,Offer,c,Globex,-\r\n",
		"jobsync": "index,createdAt,applied,appliedDate,Company,JobTitle,jobType,workplaceType,Location,JobSource,Status\n" +
			"1,2026-01-05,Yes,2026-01-05,Acme,Go Engineer,Full Time,Remote,Berlin,LinkedIn,Interview\n" +
			"2,2026-01-06,No,N/A,Initech,Dev,Contract,Onsite,N/A,N/A,Draft\n" +
			"3,2026-01-07,Yes,2026-01-07,Umbrella,QA,Full Time,Hybrid,Paris,Indeed,Rejected\n",
		"teal": "Job Position,Company,Max. Salary,Location,Status,Date Saved,Deadline,Date Applied,Follow up,Excitement\n" +
			"Analyst,Hooli,90k,Remote,Applied,2026-01-01,,01/15/2026,,3\n",
		"later stages": "Company,Role,Status,Date Applied,Interview Date\n" +
			"Acme,Dev,Offer Accepted,2026-01-05,\nGlobex,Dev,Interviewed,2026-01-06,\n" +
			"Initech,Dev,Interview Scheduled,2026-01-07,2026-03-09 10:00\nHooli,Dev,Offer Declined,2026-01-08,\n" +
			"Umbrella,Dev,Ghosted,2026-01-09,2026-01-20\nStark,Dev,Applied,2026-01-10,2026-03-10\n",
	}
	want := map[string][]workflow.State{
		"huntr":        {workflow.Applied, workflow.Offered},
		"jobsync":      {workflow.Invited, workflow.Wishlist, workflow.Rejected},
		"teal":         {workflow.Applied},
		"later stages": {workflow.Hired, workflow.Interviewed, workflow.Scheduled, workflow.Declined, workflow.Ghosted, workflow.Applied},
	}
	for name, data := range files {
		t.Run(name, func(t *testing.T) {
			ctx, svc := newService(t)
			rep, err := exchange.ImportCSV(ctx, strings.NewReader(data), svc, nil)
			if err != nil || len(rep.Errors) != 0 || rep.Imported != len(want[name]) {
				t.Fatalf("report %+v, err %v", rep, err)
			}
			all, _ := exchange.AllDetails(ctx, svc)
			for i, d := range all {
				if d.Status != want[name][i] || d.Company == "" || d.Role == "" {
					t.Errorf("row %d: %s %q %q, want %s", i+1, d.Status, d.Company, d.Role, want[name][i])
				}
				// An interview time goes on the invitation, or into the
				// notes of an application that has none (applied).
				if name == "later stages" && (d.Company == "Initech" || d.Company == "Umbrella") {
					if len(d.Invitations) != 1 || d.Invitations[0].InterviewAt == nil {
						t.Errorf("%s: the interview time is not on its invitation: %+v", d.Company, d.Invitations)
					}
				}
				if name == "later stages" && d.Company == "Stark" && d.Notes != "Next interview: 2026-03-10" {
					t.Errorf("Stark's notes %q", d.Notes)
				}
			}
		})
	}
}

// TestImportReportsBadRows checks that each bad row is reported with its
// line (a quoted field spans two lines) and the good rows are kept.
func TestImportReportsBadRows(t *testing.T) {
	ctx, svc := newService(t)
	data := "Company,Role,Status,Date Applied,Notes,Tags\n" +
		"Acme,Dev,Applied,2026-01-05,\"two\nlines\",go\n" + // lines 2-3
		",Dev,Applied,2026-01-05,,\n" + // 4: no company
		"Globex,Dev,Applied,yesterday,,\n" + // 5: bad date
		"Initech,Dev,Dreaming,2026-01-05,,\n" + // 6: unknown status
		"Hooli,Dev,Applied,2030-01-01,,\n" // 7: in the future
	rep, err := exchange.ImportCSV(ctx, strings.NewReader(data), svc, nil)
	if err != nil {
		t.Fatal(err)
	}
	if rep.Imported != 2 || len(rep.Errors) != 3 || len(rep.Notes) != 1 {
		t.Fatalf("report %+v", rep)
	}
	for i, line := range []int{4, 5, 7} {
		if rep.Errors[i].Line != line {
			t.Errorf("error %d on line %d, want %d: %s", i, rep.Errors[i].Line, line, rep.Errors[i].Message)
		}
	}
	if !strings.Contains(rep.Errors[0].Message, "company") || !strings.Contains(rep.Errors[1].Message, "yesterday") ||
		rep.Notes[0].Line != 6 || !strings.Contains(rep.Notes[0].Message, "Dreaming") {
		t.Errorf("messages %+v %+v", rep.Errors, rep.Notes)
	}
	all, _ := exchange.AllDetails(ctx, svc)
	if all[0].Notes != "two\nlines\nTags: go" || all[1].Status != workflow.Applied || !strings.Contains(all[1].Notes, "Imported status: Dreaming") {
		t.Errorf("kept rows %+v %+v", all[0].Fields, all[1].Fields)
	}
	for _, bad := range []string{"Name,Job\nA,B\n", "Company,Position\n\"unclosed,x\n"} {
		if _, err := exchange.ImportCSV(ctx, strings.NewReader(bad), svc, nil); err == nil {
			t.Errorf("accepted %q", bad)
		}
	}
}

// TestCSVExportImport exports, imports the file back into another account
// and finds the same applications; batches report progress.
func TestCSVExportImport(t *testing.T) {
	ctx, svc := newService(t)
	var src strings.Builder
	src.WriteString("company,role,applied_at,notes\n")
	for i := range exchange.BatchSize + 7 {
		fmt.Fprintf(&src, "Company %d,Role %d,2026-01-%02d,=SUM(1)\n", i, i, i%28+1)
	}
	var calls []int
	rep, err := exchange.ImportCSV(ctx, strings.NewReader(src.String()), svc, func(done, total int) { calls = append(calls, done) })
	if err != nil || rep.Imported != exchange.BatchSize+7 || len(calls) != 2 || calls[1] != exchange.BatchSize+7 {
		t.Fatalf("import %+v %v, progress %v", rep, err, calls)
	}
	all, _ := exchange.AllDetails(ctx, svc)
	var out bytes.Buffer
	if err := exchange.WriteCSV(ctx, &out, svc); err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(out.String(), "'=SUM") {
		t.Error("a formula cell was not defused")
	}
	ctx2, svc2 := newService(t)
	if rep, err := exchange.ImportCSV(ctx2, &out, svc2, nil); err != nil || rep.Imported != len(all) || len(rep.Errors) != 0 {
		t.Fatalf("re-import %+v %v", rep, err)
	}
	again, _ := exchange.AllDetails(ctx2, svc2)
	if again[10].Company != all[10].Company || !again[10].AppliedAt.Equal(*all[10].AppliedAt) {
		t.Errorf("row 10: %+v vs %+v", again[10].Fields, all[10].Fields)
	}
}

// TestCSVKeepsHowLettersAddressTheContact: the contact's kind, title and
// greeting name leave in our CSV export and come back on import; a kind
// that is not one is reported on its line, naming the field.
func TestCSVKeepsHowLettersAddressTheContact(t *testing.T) {
	ctx, svc := newService(t)
	for _, f := range []applications.Fields{
		{Company: "Acme", Role: "Dev", ContactName: "Paula Lima", ContactKind: "person", ContactTitle: "Dr.", GreetingName: "Dr. Lima"},
		{Company: "Globex", Role: "SRE", ContactName: "Talent Acquisition", ContactKind: "team"},
	} {
		if _, err := svc.Create(ctx, applications.NewApplication{Fields: f}); err != nil {
			t.Fatal(err)
		}
	}
	all, _ := exchange.AllDetails(ctx, svc)
	var out bytes.Buffer
	if err := exchange.WriteCSV(ctx, &out, svc); err != nil {
		t.Fatal(err)
	}
	ctx2, svc2 := newService(t)
	if rep, err := exchange.ImportCSV(ctx2, &out, svc2, nil); err != nil || rep.Imported != 2 || len(rep.Errors) != 0 {
		t.Fatalf("re-import %+v %v", rep, err)
	}
	again, _ := exchange.AllDetails(ctx2, svc2)
	for i := range all {
		w, g := all[i].Fields, again[i].Fields
		if g.ContactKind != w.ContactKind || g.ContactTitle != w.ContactTitle || g.GreetingName != w.GreetingName || g.ContactName != w.ContactName {
			t.Errorf("row %d: %+v after the round trip, want %+v", i, g, w)
		}
	}
	rep, err := exchange.ImportCSV(ctx2, strings.NewReader("company,role,contact_name,contact_kind\nInitech,Dev,Bill,robot\n"), svc2, nil)
	if err != nil || len(rep.Errors) != 1 || rep.Errors[0].Line != 2 || !strings.Contains(rep.Errors[0].Message, "contact_kind") {
		t.Fatalf("a bad contact kind: %+v %v", rep, err)
	}
}

// TestCSVKeepsTheOfferDate: the day of an offer leaves in our CSV export
// and comes back on import, on both databases; a day the API would refuse
// is reported on its line, naming the column, and its row is not written.
func TestCSVKeepsTheOfferDate(t *testing.T) {
	storagetest.Each(t, func(t *testing.T, db *storage.DB) {
		ctx := storagetest.Owner(t, db, "me@example.com")
		svc := applications.NewService(db, func() time.Time { return now })
		data := "Company,Role,Status,Date Applied,Offer Made On\n" +
			"Acme,Dev,Offered,2026-01-05,2026-02-20\n" + // 2: kept
			"Globex,Dev,Offer Accepted,2026-01-06,\n" + // 3: an offer without its day
			"Initech,Dev,Offered,2026-01-05,20 Feb\n" + // 4: not a date
			"Hooli,Dev,Offered,2026-01-05,2026-03-03\n" + // 5: after today
			"Umbrella,Dev,Offered,2026-01-05,2025-12-31\n" + // 6: before the application began
			"Stark,Dev,Applied,2026-01-05,2026-02-20\n" // 7: never offered
		rep, err := exchange.ImportCSV(ctx, strings.NewReader(data), svc, nil)
		if err != nil || rep.Imported != 2 || len(rep.Errors) != 4 {
			t.Fatalf("report %+v, err %v", rep, err)
		}
		for i, want := range []struct {
			line int
			says string
		}{{4, `"20 Feb" is not a date`}, {5, "must not be after today (2026-03-02)"}, {6, "must not be before 2026-01-05"}, {7, "its status has no offer"}} {
			if e := rep.Errors[i]; e.Line != want.line || !strings.Contains(e.Message, "offer_made_on") || !strings.Contains(e.Message, want.says) {
				t.Errorf("error %d: line %d %q, want line %d saying %q", i, e.Line, e.Message, want.line, want.says)
			}
		}
		all, _ := exchange.AllDetails(ctx, svc)
		if len(all) != 2 || all[0].OfferMadeOn.String() != "2026-02-20" || !all[1].OfferMadeOn.IsZero() || all[1].Status != workflow.Hired {
			t.Fatalf("kept %+v", all)
		}
		var out bytes.Buffer
		if err := exchange.WriteCSV(ctx, &out, svc); err != nil {
			t.Fatal(err)
		}
		if !strings.Contains(out.String(), ",2026-02-20,") {
			t.Errorf("the export has no offer date:\n%s", out.String())
		}
		ctx2 := storagetest.Owner(t, db, "other@example.com")
		if rep, err := exchange.ImportCSV(ctx2, &out, svc, nil); err != nil || rep.Imported != 2 || len(rep.Errors) != 0 {
			t.Fatalf("re-import %+v %v", rep, err)
		}
		again, _ := exchange.AllDetails(ctx2, svc)
		if again[0].OfferMadeOn != all[0].OfferMadeOn || !again[1].OfferMadeOn.IsZero() {
			t.Errorf("after the round trip: %v and %v", again[0].OfferMadeOn, again[1].OfferMadeOn)
		}
	})
}

// TestCSVRoundTripKeepsEveryStage exports an application in each stage of
// the machine (declined and followed_up with their letters, rejected and
// declined after an offer, ghosted after an invitation), imports the sheet
// into another account, on both databases, and exports it again: every
// column but the record's own times is as it was. The stages entered by a
// letter come back without it, and the report says so on their lines.
func TestCSVRoundTripKeepsEveryStage(t *testing.T) {
	storagetest.Each(t, func(t *testing.T, db *storage.DB) {
		svc := applications.NewService(db, func() time.Time { return now })
		from, to := storagetest.Owner(t, db, "from@example.com"), storagetest.Owner(t, db, "to@example.com")
		seen := seedEveryStage(t, from, svc)
		if len(seen) != len(workflow.States()) {
			t.Fatalf("the seed reaches %d stages of %d", len(seen), len(workflow.States()))
		}
		var first bytes.Buffer
		if err := exchange.WriteCSV(from, &first, svc); err != nil {
			t.Fatal(err)
		}
		rep, err := exchange.ImportCSV(to, bytes.NewReader(first.Bytes()), svc, nil)
		if err != nil || len(rep.Errors) != 0 {
			t.Fatalf("import: %+v %v", rep, err)
		}
		var second bytes.Buffer
		if err := exchange.WriteCSV(to, &second, svc); err != nil {
			t.Fatal(err)
		}
		before, after := csvRecords(t, first.Bytes()), csvRecords(t, second.Bytes())
		if rep.Imported != len(before)-1 || len(after) != len(before) {
			t.Fatalf("imported %d of %d rows; the second export has %d", rep.Imported, len(before)-1, len(after)-1)
		}
		for i := range before {
			if w, g := before[i][:len(before[i])-2], after[i][:len(after[i])-2]; !slices.Equal(w, g) { // created_at, updated_at aside
				t.Errorf("line %d after the round trip:\n%q\nwant\n%q", i+1, g, w)
			}
		}
		var remarks []string
		for _, n := range rep.Notes {
			remarks = append(remarks, fmt.Sprintf("%s: %s", before[n.Line-1][2], n.Message))
		}
		if len(remarks) != 3 || !strings.Contains(strings.Join(remarks, "\n"), "followed_up: imported as followed_up without its decline and follow-up letters") ||
			strings.Count(strings.Join(remarks, "\n"), "declined: imported as declined without its decline letter") != 2 {
			t.Errorf("remarks:\n%s", strings.Join(remarks, "\n"))
		}
		all, err := exchange.AllDetails(to, svc)
		if err != nil {
			t.Fatal(err)
		}
		var backup bytes.Buffer // a backup of what the import wrote reads back: no pending invitation outside invited
		if err := exchange.WriteBackup(to, &backup, svc, now, false); err != nil {
			t.Fatal(err)
		}
		if _, err := exchange.ReadBackup(&backup); err != nil {
			t.Errorf("the imported applications break a rule of the backup: %v", err)
		}
		for _, d := range all {
			if d.Status == workflow.Declined {
				_, err := svc.FollowUp(to, d.ID, applications.FollowUpInput{})
				if len(d.Letters) != 0 || d.FollowUpDueAt != nil || err == nil || !strings.Contains(err.Error(), "no decline letter to follow up") {
					t.Errorf("an imported decline: letters %v, follow-up due %v, a follow-up: %v", d.Letters, d.FollowUpDueAt, err)
				}
			}
		}
	})
}

// seedEveryStage creates an application in every stage of the machine
// through the service, and returns the stages reached.
func seedEveryStage(t *testing.T, ctx context.Context, svc *applications.Service) map[workflow.State]bool {
	t.Helper()
	must := func(d *applications.Detail, err error) *applications.Detail {
		t.Helper()
		if err != nil {
			t.Fatal(err)
		}
		return d
	}
	applied, received := now.Add(-20*24*time.Hour), now.Add(-10*24*time.Hour)
	past, future := now.Add(-5*24*time.Hour), now.Add(3*24*time.Hour)
	create := func(company string, interview *time.Time, through ...workflow.State) *applications.Detail {
		in := applications.NewApplication{Fields: applications.Fields{Company: company, Role: "Dev", AppliedAt: &applied,
			ContactName: "Paula Lima", ContactKind: "person", GreetingName: "Paula"}}
		if interview != nil {
			in.Invitation = &applications.NewInvitation{ReceivedAt: received, InterviewAt: interview}
		}
		d := must(svc.Create(ctx, in))
		for _, st := range through {
			in := applications.MoveInput{To: st}
			if st == workflow.Offered {
				in.OfferMadeOn = civil.Of(now.Add(-24 * time.Hour))
			}
			d = must(svc.Move(ctx, d.ID, in))
		}
		return d
	}
	decline := func(d *applications.Detail) *applications.Detail {
		return must(svc.Decline(ctx, d.ID, applications.DeclineInput{Reason: "timing", SenderName: "Sam", Override: true}))
	}
	offer := []workflow.State{workflow.Scheduled, workflow.Interviewed, workflow.Offered}
	must(svc.Create(ctx, applications.NewApplication{Fields: applications.Fields{Company: "Wishlist Co", Role: "Dev"}, Status: workflow.Wishlist}))
	create("Applied Co", nil)
	create("Invited Co", &future)
	create("Scheduled Co", &future, workflow.Scheduled)
	create("Interviewed Co", &past, workflow.Scheduled, workflow.Interviewed)
	create("Offered Co", &past, offer...)
	create("Hired Co", &past, append(offer, workflow.Hired)...)
	decline(create("Declined Co", &future))
	decline(create("Declined Offer Co", &past, offer...))
	must(svc.FollowUp(ctx, decline(create("Followed Up Co", &past, workflow.Scheduled)).ID, applications.FollowUpInput{}))
	must(svc.Withdraw(ctx, create("Withdrawn Co", nil).ID, applications.WithdrawInput{}))
	create("Rejected Co", nil, workflow.Rejected)
	create("Rescinded Co", &past, append(offer, workflow.Rejected)...)
	create("Ghosted Co", &past, workflow.Ghosted)
	all, err := exchange.AllDetails(ctx, svc)
	if err != nil {
		t.Fatal(err)
	}
	seen := map[workflow.State]bool{}
	for _, d := range all {
		seen[d.Status] = true
	}
	return seen
}

func csvRecords(t *testing.T, data []byte) [][]string {
	t.Helper()
	recs, err := csv.NewReader(bytes.NewReader(data)).ReadAll()
	if err != nil {
		t.Fatal(err)
	}
	return recs
}
