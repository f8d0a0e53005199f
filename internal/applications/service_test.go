package applications_test

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"net/mail"
	"strings"
	"sync"
	"testing"
	"time"

	"tracker/internal/apperr"
	"tracker/internal/applications"
	"tracker/internal/decline"
	"tracker/internal/storage"
	"tracker/internal/storage/storagetest"
	"tracker/internal/workflow"
)

// clock is a settable clock for the service.
type clock struct {
	mu sync.Mutex
	t  time.Time
}

func (c *clock) Now() time.Time { c.mu.Lock(); defer c.mu.Unlock(); return c.t }
func (c *clock) Advance(d time.Duration) {
	c.mu.Lock()
	defer c.mu.Unlock()
	c.t = c.t.Add(d)
}

var start = time.Date(2026, 3, 2, 9, 0, 0, 0, time.UTC)

func newService(t *testing.T, db *storage.DB) (*applications.Service, *clock, context.Context) {
	t.Helper()
	c := &clock{t: start}
	return applications.NewService(db, c.Now), c, storagetest.Owner(t, db, "owner@example.com")
}

func invitedApp(t *testing.T, ctx context.Context, svc *applications.Service, company string, received time.Time) *applications.Detail {
	t.Helper()
	d, err := svc.Create(ctx, applications.NewApplication{
		Fields:     applications.Fields{Company: company, Role: "Backend Engineer", ContactName: "Dana Smith"},
		Invitation: &applications.NewInvitation{ReceivedAt: received, Format: "video"},
	})
	if err != nil {
		t.Fatalf("create: %v", err)
	}
	return d
}

func wantCode(t *testing.T, err error, code apperr.Code) *apperr.Error {
	t.Helper()
	var e *apperr.Error
	if !errors.As(err, &e) || e.Code != code {
		t.Fatalf("error = %v, want code %s", err, code)
	}
	return e
}

func TestCreateWithInvitation(t *testing.T) {
	storagetest.Each(t, func(t *testing.T, db *storage.DB) {
		svc, _, ctx := newService(t, db)
		d := invitedApp(t, ctx, svc, "Acme", start.Add(-time.Hour))
		if d.Status != workflow.Invited || len(d.Invitations) != 1 || len(d.History) != 1 {
			t.Fatalf("got status %s, %d invitations, %d history", d.Status, len(d.Invitations), len(d.History))
		}
		inv := d.Invitations[0]
		if inv.Response != applications.ResponsePending || inv.Round != 1 || !inv.DeadlineAt.Equal(start.Add(23*time.Hour)) {
			t.Fatalf("invitation = %+v", inv)
		}
		if len(d.Warnings) != 0 {
			t.Fatalf("fresh invitation has warnings %+v", d.Warnings)
		}
	})
}

func TestValidationNamesEveryField(t *testing.T) {
	db, _ := storagetest.SQLite(t)
	svc, _, ctx := newService(t, db)
	future := start.Add(time.Hour)
	before := start.Add(-48 * time.Hour)
	_, err := svc.Create(ctx, applications.NewApplication{
		Fields: applications.Fields{Company: "  ", Role: string(make([]rune, 201)), ContactEmail: "not-an-email",
			JobURL: "javascript:alert(1)", Notes: "a\x00b"},
		Status:     "hired",
		Invitation: &applications.NewInvitation{ReceivedAt: future, RespondBy: &before, Format: "carrier pigeon"},
	})
	e := wantCode(t, err, apperr.EINVALID)
	for _, f := range []string{"company", "role", "contact_email", "job_url", "notes", "status", "invitation.format"} {
		if e.Fields[f] == "" {
			t.Errorf("no message for %s in %v", f, e.Fields)
		}
	}
	_, err = svc.Create(ctx, applications.NewApplication{
		Fields:     applications.Fields{Company: "A", Role: "B"},
		Invitation: &applications.NewInvitation{ReceivedAt: future, RespondBy: &before},
	})
	e = wantCode(t, err, apperr.EINVALID)
	for _, f := range []string{"invitation.received_at", "invitation.respond_by"} {
		if e.Fields[f] == "" {
			t.Errorf("no message for %s in %v", f, e.Fields)
		}
	}
	page, err := svc.List(ctx, applications.ListFilter{})
	if err != nil || len(page.Items) != 0 {
		t.Fatalf("something was written: %v %v", page, err)
	}
}

func TestMoveAnswersInvitationAndRefusesForbiddenMoves(t *testing.T) {
	storagetest.Each(t, func(t *testing.T, db *storage.DB) {
		svc, _, ctx := newService(t, db)
		d := invitedApp(t, ctx, svc, "Acme", start.Add(-20*time.Hour))
		if len(d.Warnings) != 1 || d.Warnings[0].Severity != decline.DueSoon {
			t.Fatalf("warnings = %+v, want one due_soon", d.Warnings)
		}
		_, err := svc.Move(ctx, d.ID, applications.MoveInput{To: workflow.Offered})
		e := wantCode(t, err, apperr.ECONFLICT)
		if len(e.Allowed) == 0 {
			t.Fatal("a refused move lists no allowed states")
		}
		wantCode(t, moveErr(svc.Move(ctx, d.ID, applications.MoveInput{To: workflow.Declined})), apperr.ECONFLICT)
		wantCode(t, moveErr(svc.Move(ctx, d.ID, applications.MoveInput{To: "archived"})), apperr.EINVALID)
		wantCode(t, moveErr(svc.Move(ctx, 9999, applications.MoveInput{To: workflow.Scheduled})), apperr.ENOTFOUND)
		d, err = svc.Move(ctx, d.ID, applications.MoveInput{To: workflow.Scheduled, Note: "Tuesday 10:00"})
		if err != nil {
			t.Fatal(err)
		}
		if d.Invitations[0].Response != applications.ResponseAccepted || len(d.Warnings) != 0 {
			t.Fatalf("after accepting: invitation %+v, warnings %+v", d.Invitations[0], d.Warnings)
		}
		if h := d.History[len(d.History)-1]; h.From != workflow.Invited || h.To != workflow.Scheduled || h.Note != "Tuesday 10:00" {
			t.Fatalf("history = %+v", h)
		}
	})
}

func moveErr(_ *applications.Detail, err error) error { return err }

func TestConcurrentMovesOneWins(t *testing.T) {
	storagetest.Each(t, func(t *testing.T, db *storage.DB) {
		svc, _, ctx := newService(t, db)
		d := invitedApp(t, ctx, svc, "Acme", start.Add(-time.Hour))
		const n = 8
		errs := make([]error, n)
		var wg sync.WaitGroup
		for i := range n {
			wg.Add(1)
			go func() {
				defer wg.Done()
				_, errs[i] = svc.Move(ctx, d.ID, applications.MoveInput{To: workflow.Scheduled, Note: fmt.Sprint("writer ", i)})
			}()
		}
		wg.Wait()
		wins := 0
		for _, err := range errs {
			if err == nil {
				wins++
				continue
			}
			// Every refusal lists where the application may go now, also
			// when it was a lost race rather than a forbidden move.
			if e := wantCode(t, err, apperr.ECONFLICT); len(e.Allowed) == 0 {
				t.Errorf("refused move lists no allowed states: %+v", e)
			}
		}
		if wins != 1 {
			t.Fatalf("%d moves won, want exactly 1 (errors %v)", wins, errs)
		}
		got, _ := svc.Get(ctx, d.ID)
		if len(got.History) != 2 {
			t.Fatalf("history has %d entries, want created + one move: %+v", len(got.History), got.History)
		}
	})
}

func TestDeclineAndFollowUp(t *testing.T) {
	storagetest.Each(t, func(t *testing.T, db *storage.DB) {
		svc, clk, ctx := newService(t, db)
		d := invitedApp(t, ctx, svc, "Acme", start.Add(-time.Hour))
		in := applications.DeclineInput{Reason: "another_offer", SenderName: "Alex Doe"}
		p, err := svc.PreviewDecline(ctx, d.ID, in)
		if err != nil {
			t.Fatal(err)
		}
		for _, c := range p.Checks {
			if !c.OK {
				t.Errorf("generated letter fails %s: %s", c.Rule, c.Hint)
			}
		}
		bad := "Your process was a waste of time."
		_, err = svc.Decline(ctx, d.ID, applications.DeclineInput{Reason: "other", ReasonDetail: "x", SenderName: "Alex", Body: &bad})
		wantCode(t, err, apperr.EINVALID)
		if got, _ := svc.Get(ctx, d.ID); got.Status != workflow.Invited || len(got.Letters) != 0 {
			t.Fatalf("a refused letter changed the application: %s, %d letters", got.Status, len(got.Letters))
		}
		d, err = svc.Decline(ctx, d.ID, in)
		if err != nil {
			t.Fatal(err)
		}
		if d.Status != workflow.Declined || len(d.Letters) != 1 || d.Invitations[0].Response != applications.ResponseDeclined {
			t.Fatalf("after decline: %s, %d letters, invitation %s", d.Status, len(d.Letters), d.Invitations[0].Response)
		}
		if d.FollowUpDueAt == nil || !d.FollowUpDueAt.Equal(start.Add(72*time.Hour)) {
			t.Fatalf("follow-up due at %v", d.FollowUpDueAt)
		}
		clk.Advance(73 * time.Hour)
		ws, err := storagetest.AllWarnings(ctx, svc)
		if err != nil || len(ws) != 1 || ws[0].Kind != applications.WarningFollowUp || ws[0].Severity != decline.Overdue {
			t.Fatalf("warnings = %+v, %v; want one overdue follow_up", ws, err)
		}
		d, err = svc.FollowUp(ctx, d.ID, applications.FollowUpInput{Note: "called, they got it"})
		if err != nil {
			t.Fatal(err)
		}
		if d.Status != workflow.FollowedUp || len(d.Letters) != 2 || d.Letters[1].Kind != applications.LetterFollowUp {
			t.Fatalf("after follow-up: %s, letters %+v", d.Status, d.Letters)
		}
		if ws, _ := storagetest.AllWarnings(ctx, svc); len(ws) != 0 {
			t.Fatalf("warnings after follow-up: %+v", ws)
		}
		wantCode(t, moveErr(svc.FollowUp(ctx, d.ID, applications.FollowUpInput{})), apperr.ECONFLICT)
	})
}

func TestWarningsMostUrgentFirst(t *testing.T) {
	storagetest.Each(t, func(t *testing.T, db *storage.DB) {
		svc, _, ctx := newService(t, db)
		invitedApp(t, ctx, svc, "Soon", start.Add(-20*time.Hour)) // due in 4h
		invitedApp(t, ctx, svc, "Late", start.Add(-30*time.Hour)) // 6h overdue
		invitedApp(t, ctx, svc, "Fresh", start.Add(-1*time.Hour)) // no warning
		interview := start.Add(10 * time.Hour)
		_, err := svc.Create(ctx, applications.NewApplication{
			Fields:     applications.Fields{Company: "Urgent", Role: "SRE"},
			Invitation: &applications.NewInvitation{ReceivedAt: start.Add(-26 * time.Hour), InterviewAt: &interview},
		})
		if err != nil {
			t.Fatal(err)
		}
		ws, err := storagetest.AllWarnings(ctx, svc)
		if err != nil {
			t.Fatal(err)
		}
		var got []string
		for _, w := range ws {
			got = append(got, w.Company+":"+string(w.Severity))
		}
		want := []string{"Urgent:critical", "Late:overdue", "Soon:due_soon"}
		if fmt.Sprint(got) != fmt.Sprint(want) {
			t.Fatalf("warnings = %v, want %v", got, want)
		}
	})
}

func TestListPagesAndSearches(t *testing.T) {
	storagetest.Each(t, func(t *testing.T, db *storage.DB) {
		svc, _, ctx := newService(t, db)
		for i := range 5 {
			_, err := svc.Create(ctx, applications.NewApplication{Fields: applications.Fields{Company: fmt.Sprintf("Co%d_%%", i), Role: "Dev"}})
			if err != nil {
				t.Fatal(err)
			}
		}
		var seen []string
		cursor := ""
		for {
			page, err := svc.List(ctx, applications.ListFilter{Limit: 2, Cursor: cursor})
			if err != nil {
				t.Fatal(err)
			}
			for _, a := range page.Items {
				seen = append(seen, a.Company)
			}
			if cursor = page.NextCursor; cursor == "" {
				break
			}
		}
		if fmt.Sprint(seen) != "[Co4_% Co3_% Co2_% Co1_% Co0_%]" {
			t.Fatalf("pages gave %v", seen)
		}
		page, err := svc.List(ctx, applications.ListFilter{Query: "co2_%"})
		if err != nil || len(page.Items) != 1 {
			t.Fatalf("search = %v, %v", page, err)
		}
		if page, err := svc.List(ctx, applications.ListFilter{Query: "_"}); err != nil || len(page.Items) != 0 {
			t.Fatalf("a search for punctuation alone (no word) = %d, %v; want nothing", len(page.Items), err)
		}
		if page, _ := svc.List(ctx, applications.ListFilter{Query: "x%"}); len(page.Items) != 0 {
			t.Fatalf("%% is not literal: %d", len(page.Items))
		}
		wantCode(t, listErr(svc.List(ctx, applications.ListFilter{Cursor: "garbage"})), apperr.EINVALID)
		wantCode(t, listErr(svc.List(ctx, applications.ListFilter{Status: "nope"})), apperr.EINVALID)
		wantCode(t, listErr(svc.List(ctx, applications.ListFilter{Limit: 1000})), apperr.EINVALID)
	})
}

func listErr(_ *applications.Page, err error) error { return err }

func TestInvitationRoundsAndDelete(t *testing.T) {
	storagetest.Each(t, func(t *testing.T, db *storage.DB) {
		svc, _, ctx := newService(t, db)
		d := invitedApp(t, ctx, svc, "Acme", start.Add(-time.Hour))
		for _, to := range []workflow.State{workflow.Scheduled, workflow.Interviewed} {
			if _, err := svc.Move(ctx, d.ID, applications.MoveInput{To: to}); err != nil {
				t.Fatal(err)
			}
		}
		d, err := svc.AddInvitation(ctx, d.ID, applications.NewInvitation{ReceivedAt: start, Format: "onsite"})
		if err != nil {
			t.Fatal(err)
		}
		if d.Status != workflow.Invited || len(d.Invitations) != 2 || d.Invitations[1].Round != 2 {
			t.Fatalf("second round: %s %+v", d.Status, d.Invitations)
		}
		if _, err := svc.Move(ctx, d.ID, applications.MoveInput{To: workflow.Rejected}); err != nil {
			t.Fatal(err)
		}
		wantCode(t, moveErr(svc.AddInvitation(ctx, d.ID, applications.NewInvitation{ReceivedAt: start})), apperr.ECONFLICT)
		if err := svc.Delete(ctx, d.ID); err != nil {
			t.Fatal(err)
		}
		wantCode(t, moveErr(svc.Get(ctx, d.ID)), apperr.ENOTFOUND)
		wantCode(t, svc.Delete(ctx, d.ID), apperr.ENOTFOUND)
	})
}

func TestUpdatePatchesFields(t *testing.T) {
	storagetest.Each(t, func(t *testing.T, db *storage.DB) {
		svc, clk, ctx := newService(t, db)
		d := invitedApp(t, ctx, svc, "Acme", start)
		clk.Advance(time.Minute)
		loc, empty := "Berlin", ""
		d, err := svc.Update(ctx, d.ID, applications.Patch{Location: &loc})
		if err != nil || d.Location != "Berlin" || d.Company != "Acme" || !d.UpdatedAt.Equal(clk.Now()) {
			t.Fatalf("update = %+v, %v", d, err)
		}
		wantCode(t, moveErr(svc.Update(ctx, d.ID, applications.Patch{Company: &empty})), apperr.EINVALID)
		if got, _ := svc.Get(ctx, d.ID); got.Company != "Acme" {
			t.Fatal("a refused patch was written")
		}
	})
}

func TestProfileSignsLetters(t *testing.T) {
	storagetest.Each(t, func(t *testing.T, db *storage.DB) {
		svc, _, ctx := newService(t, db)
		name, email, phone, tone, bad := "Robin Roe", "robin@example.org", "+1 555 0100", "warm", "loud"
		if _, err := svc.UpdateSettings(ctx, applications.SettingsPatch{DefaultTone: &bad}); apperr.ErrorCode(err) != apperr.EINVALID {
			t.Fatalf("a bad tone was taken: %v", err)
		}
		if _, err := svc.UpdateProfile(ctx, applications.ProfilePatch{Email: &bad}); apperr.ErrorCode(err) != apperr.EINVALID {
			t.Fatalf("a bad e-mail was taken: %v", err)
		}
		p, err := svc.UpdateProfile(ctx, applications.ProfilePatch{Name: &name, Email: &email, Phone: &phone})
		if err != nil || p.Name != name {
			t.Fatalf("profile = %+v, %v", p, err)
		}
		if st, err := svc.UpdateSettings(ctx, applications.SettingsPatch{DefaultTone: &tone}); err != nil || st.DefaultChannel != "email" {
			t.Fatalf("settings = %+v, %v", st, err)
		}
		d := invitedApp(t, ctx, svc, "Acme", start.Add(-time.Hour))
		d, err = svc.Decline(ctx, d.ID, applications.DeclineInput{Reason: "timing"})
		if err != nil {
			t.Fatal(err)
		}
		l := d.Letters[0]
		// The phone number is signed; the e-mail address is the letter's
		// sender, not repeated under the name.
		if l.SenderName != name || l.Tone != "warm" || l.Channel != "email" || !strings.Contains(l.Body, phone) || strings.Contains(l.Body, email) {
			t.Fatalf("letter not from the profile: %+v", l)
		}
		empty := ""
		if p, err := svc.UpdateProfile(ctx, applications.ProfilePatch{Email: &empty}); err != nil || p.Email != "" || p.Name != name {
			t.Fatalf("clearing the e-mail: %+v, %v", p, err)
		}
	})
}

func TestEveryInvitedApplicationWaitsOnAnInvitation(t *testing.T) {
	db, _ := storagetest.SQLite(t)
	svc, clk, ctx := newService(t, db)
	d, err := svc.Create(ctx, applications.NewApplication{Fields: applications.Fields{Company: "A", Role: "B"}, Status: workflow.Invited})
	if err != nil || len(d.Invitations) != 1 || !d.Invitations[0].ReceivedAt.Equal(start) {
		t.Fatalf("invited without an invitation: %+v, %v", d, err)
	}
	d, err = svc.Create(ctx, applications.NewApplication{Fields: applications.Fields{Company: "C", Role: "D"}})
	if err != nil {
		t.Fatal(err)
	}
	clk.Advance(time.Hour)
	d, err = svc.Move(ctx, d.ID, applications.MoveInput{To: workflow.Invited, Note: "phone call"})
	if err != nil || len(d.Invitations) != 1 || d.Invitations[0].Message != "phone call" || !d.Invitations[0].ReceivedAt.Equal(clk.Now()) {
		t.Fatalf("move to invited: %+v, %v", d.Invitations, err)
	}
	_, err = svc.AddInvitation(ctx, d.ID, applications.NewInvitation{ReceivedAt: clk.Now(), Round: 1})
	if e := wantCode(t, err, apperr.EINVALID); e.Fields["round"] == "" {
		t.Fatalf("a duplicate round was not named: %v", e.Fields)
	}
	d, err = svc.AddInvitation(ctx, d.ID, applications.NewInvitation{ReceivedAt: clk.Now()})
	if err != nil || len(d.Invitations) != 2 || d.Invitations[0].Response != applications.ResponseCancelled {
		t.Fatalf("a new round did not supersede the pending one: %+v, %v", d.Invitations, err)
	}
}

func TestCreateNamesAllBadFieldsAtOnce(t *testing.T) {
	db, _ := storagetest.SQLite(t)
	svc, _, ctx := newService(t, db)
	before := start.Add(-48 * time.Hour)
	_, err := svc.Create(ctx, applications.NewApplication{
		Fields:     applications.Fields{Company: "A", Role: "B", JobURL: "foo"},
		Invitation: &applications.NewInvitation{ReceivedAt: start, RespondBy: &before},
	})
	e := wantCode(t, err, apperr.EINVALID)
	if e.Fields["job_url"] == "" || e.Fields["invitation.respond_by"] == "" {
		t.Fatalf("fields = %v, want job_url and invitation.respond_by", e.Fields)
	}
}

func TestFollowUpNotBeforeTheDecline(t *testing.T) {
	db, _ := storagetest.SQLite(t)
	svc, _, ctx := newService(t, db)
	d := invitedApp(t, ctx, svc, "Acme", start.Add(-time.Hour))
	if _, err := svc.Decline(ctx, d.ID, applications.DeclineInput{Reason: "none", SenderName: "Al"}); err != nil {
		t.Fatal(err)
	}
	early := start.Add(-time.Minute)
	_, err := svc.FollowUp(ctx, d.ID, applications.FollowUpInput{SentAt: &early})
	if e := wantCode(t, err, apperr.EINVALID); e.Fields["sent_at"] == "" {
		t.Fatalf("fields = %v", e.Fields)
	}
}

func TestLetterEMLIsAMailDraft(t *testing.T) {
	db, _ := storagetest.SQLite(t)
	svc, _, ctx := newService(t, db)
	name, email := "Zoë Ångström", "zoe@example.org"
	if _, err := svc.UpdateProfile(ctx, applications.ProfilePatch{Name: &name, Email: &email}); err != nil {
		t.Fatal(err)
	}
	d, err := svc.Create(ctx, applications.NewApplication{
		Fields:     applications.Fields{Company: "Acme", Role: "Dev", ContactName: "李雷", ContactEmail: "li@acme.test"},
		Invitation: &applications.NewInvitation{ReceivedAt: start},
	})
	if err != nil {
		t.Fatal(err)
	}
	d, err = svc.Decline(ctx, d.ID, applications.DeclineInput{Reason: "location"})
	if err != nil {
		t.Fatal(err)
	}
	raw, err := svc.LetterEML(ctx, d.ID, d.Letters[0].ID)
	if err != nil {
		t.Fatal(err)
	}
	msg, err := mail.ReadMessage(bytes.NewReader(raw.Data))
	if err != nil {
		t.Fatalf("not an RFC 5322 message: %v\n%s", err, raw)
	}
	to, err := msg.Header.AddressList("To")
	if err != nil || to[0].Name != "李雷" || to[0].Address != "li@acme.test" {
		t.Fatalf("To = %v, %v", to, err)
	}
	from, _ := msg.Header.AddressList("From")
	if len(from) != 1 || from[0].Name != name {
		t.Fatalf("From = %v", from)
	}
	if id := msg.Header.Get("Message-Id"); !strings.HasSuffix(id, "@example.org>") {
		t.Fatalf("Message-ID = %q", id)
	}
	if raw.Filename != "Acme-decline-"+fmt.Sprint(d.Letters[0].ID)+".eml" {
		t.Fatalf("filename = %q", raw.Filename)
	}
	if _, err := svc.LetterEML(ctx, d.ID, 999); apperr.ErrorCode(err) != apperr.ENOTFOUND {
		t.Fatalf("unknown letter: %v", err)
	}
	if link := applications.Mailto(&d.Application, "Hi there", "a\nb"); link != "mailto:li@acme.test?subject=Hi%20there&body=a%0D%0Ab" {
		t.Fatalf("mailto = %s", link)
	}
}

// TestUsersSeeOnlyTheirOwn runs every service call that takes an id as
// user B against user A's application: each answers not found and changes
// nothing, and lists, warnings and profiles stay apart.
func TestUsersSeeOnlyTheirOwn(t *testing.T) {
	storagetest.Each(t, func(t *testing.T, db *storage.DB) {
		svc, _, alice := newService(t, db)
		bob := storagetest.Owner(t, db, "bob@example.com")
		name := "Alice"
		if _, err := svc.UpdateProfile(alice, applications.ProfilePatch{Name: &name}); err != nil {
			t.Fatal(err)
		}
		a := invitedApp(t, alice, svc, "Acme", start.Add(-20*time.Hour))
		before, _ := svc.Get(alice, a.ID)
		note, in := "x", applications.DeclineInput{Reason: "none", SenderName: "Bob"}
		calls := map[string]error{
			"get":     moveErr(svc.Get(bob, a.ID)),
			"update":  moveErr(svc.Update(bob, a.ID, applications.Patch{Notes: &note})),
			"move":    moveErr(svc.Move(bob, a.ID, applications.MoveInput{To: workflow.Scheduled})),
			"invite":  moveErr(svc.AddInvitation(bob, a.ID, applications.NewInvitation{ReceivedAt: start})),
			"decline": moveErr(svc.Decline(bob, a.ID, in)),
			"follow":  moveErr(svc.FollowUp(bob, a.ID, applications.FollowUpInput{})),
			"delete":  svc.Delete(bob, a.ID),
			"eml":     emlErr(svc.LetterEML(bob, a.ID, 1)),
			"draft":   emlErr(svc.DraftEML(bob, a.ID, "s", "b")),
		}
		_, err := svc.PreviewDecline(bob, a.ID, in)
		calls["preview"] = err
		for name, err := range calls {
			if apperr.ErrorCode(err) != apperr.ENOTFOUND {
				t.Errorf("%s as another user: %v, want not found", name, err)
			}
		}
		after, _ := svc.Get(alice, a.ID)
		if fmt.Sprint(before) != fmt.Sprint(after) {
			t.Fatalf("another user changed the application:\n%+v\n%+v", before, after)
		}
		if page, _ := svc.List(bob, applications.ListFilter{}); len(page.Items) != 0 {
			t.Fatalf("bob lists %d applications", len(page.Items))
		}
		if ws, _ := storagetest.AllWarnings(bob, svc); len(ws) != 0 {
			t.Fatalf("bob sees warnings %+v", ws)
		}
		if ws, _ := storagetest.AllWarnings(alice, svc); len(ws) != 1 {
			t.Fatalf("alice sees %d warnings", len(ws))
		}
		if p, _ := svc.Profile(bob); p.Name != "" {
			t.Fatalf("bob sees alice's profile: %+v", p)
		}
		if _, err := svc.List(context.Background(), applications.ListFilter{}); err == nil {
			t.Fatal("a call without a user was answered")
		}
	})
}

func emlErr(_ *applications.EML, err error) error { return err }
