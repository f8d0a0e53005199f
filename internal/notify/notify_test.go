package notify_test

import (
	"context"
	"encoding/json"
	"errors"
	"io"
	"net"
	"net/http"
	"net/http/httptest"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/emersion/go-smtp"

	"tracker/internal/apperr"
	"tracker/internal/applications"
	"tracker/internal/notify"
	"tracker/internal/storage"
	"tracker/internal/storage/storagetest"
	"tracker/internal/workflow"
)

// t0 is when the invitation of the tests arrives: a Monday, 09:00 UTC.
var t0 = time.Date(2026, 3, 2, 9, 0, 0, 0, time.UTC)

// clock is the tests' injectable clock, shared by the services.
type clock struct {
	mu sync.Mutex
	t  time.Time
}

func (c *clock) now() time.Time      { c.mu.Lock(); defer c.mu.Unlock(); return c.t }
func (c *clock) set(t time.Time)     { c.mu.Lock(); defer c.mu.Unlock(); c.t = t }
func (c *clock) add(d time.Duration) { c.set(c.now().Add(d)) }

// mailbox is a local SMTP server that keeps what it receives.
type mailbox struct {
	mu   sync.Mutex
	msgs []string
	addr string
}

func newMailbox(t *testing.T) *mailbox {
	t.Helper()
	mb := &mailbox{}
	s := smtp.NewServer(mb)
	s.Domain = "localhost"
	s.AllowInsecureAuth = true
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	mb.addr = ln.Addr().String()
	go s.Serve(ln)
	t.Cleanup(func() { s.Close() })
	return mb
}

func (mb *mailbox) NewSession(*smtp.Conn) (smtp.Session, error) { return &mailSession{mb: mb}, nil }

func (mb *mailbox) messages() []string {
	mb.mu.Lock()
	defer mb.mu.Unlock()
	return append([]string(nil), mb.msgs...)
}

type mailSession struct {
	mb *mailbox
	to string
}

func (s *mailSession) Mail(string, *smtp.MailOptions) error { return nil }
func (s *mailSession) Rcpt(to string, _ *smtp.RcptOptions) error {
	s.to = to
	return nil
}
func (s *mailSession) Data(r io.Reader) error {
	b, err := io.ReadAll(r)
	if err != nil {
		return err
	}
	s.mb.mu.Lock()
	s.mb.msgs = append(s.mb.msgs, "To-Rcpt: "+s.to+"\r\n"+string(b))
	s.mb.mu.Unlock()
	return nil
}
func (s *mailSession) Reset()        {}
func (s *mailSession) Logout() error { return nil }

// hook is a local webhook receiver; fail makes its next answers 500s.
type hook struct {
	mu     sync.Mutex
	bodies []string
	heads  []http.Header
	fail   int
	srv    *httptest.Server
}

func newHook(t *testing.T) *hook {
	h := &hook{}
	h.srv = httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		b, _ := io.ReadAll(r.Body)
		h.mu.Lock()
		defer h.mu.Unlock()
		if h.fail > 0 {
			h.fail--
			http.Error(w, "busy", http.StatusInternalServerError)
			return
		}
		h.bodies = append(h.bodies, string(b))
		h.heads = append(h.heads, r.Header.Clone())
		w.WriteHeader(http.StatusNoContent)
	}))
	t.Cleanup(h.srv.Close)
	return h
}

func (h *hook) received() []string {
	h.mu.Lock()
	defer h.mu.Unlock()
	return append([]string(nil), h.bodies...)
}

// world is one database with one user, their applications service, and
// the reminder services of as many servers as a test starts.
type world struct {
	db   *storage.DB
	ctx  context.Context
	clk  *clock
	apps *applications.Service
	mail *mailbox
	hook *hook
}

func newWorld(t *testing.T, db *storage.DB) *world {
	w := &world{db: db, ctx: storagetest.Owner(t, db, "sam@example.com"), clk: &clock{t: t0}, mail: newMailbox(t), hook: newHook(t)}
	w.apps = applications.NewService(db, w.clk.now)
	return w
}

// server returns the reminder service of one more server.
func (w *world) server() *notify.Service {
	return notify.NewService(w.db, w.apps, w.clk.now, notify.Options{
		Mailer:  &notify.SMTP{Addr: w.mail.addr, From: "tracker@example.com", TLS: notify.TLSNone},
		BaseURL: "https://tracker.example.com",
	})
}

// invite adds an application invited at t0 to an interview three days on.
func (w *world) invite(t *testing.T, company string) int64 {
	t.Helper()
	interview := t0.Add(72 * time.Hour)
	d, err := w.apps.Create(w.ctx, applications.NewApplication{Fields: applications.Fields{Company: company, Role: "Go Engineer"},
		Invitation: &applications.NewInvitation{ReceivedAt: t0, InterviewAt: &interview, Format: "video"}})
	if err != nil {
		t.Fatal(err)
	}
	return d.ID
}

func str(s string) *string { return &s }

// TestScanInBatches: a user with more warnings than a scan reads at a time
// gets one reminder for each, however many times the servers scan.
func TestScanInBatches(t *testing.T) {
	storagetest.Each(t, func(t *testing.T, db *storage.DB) {
		w := newWorld(t, db)
		const n = 2*applications.MaxPageSize + 50
		storagetest.SeedInvited(t, db, w.ctx, n, t0.Add(-48*time.Hour))
		a, b := w.server(), w.server()
		if _, err := a.UpdateSettings(w.ctx, notify.SettingsPatch{WebhookURL: str(w.hook.srv.URL)}); err != nil {
			t.Fatal(err)
		}
		for _, s := range []*notify.Service{a, b, a} {
			if err := s.Scan(context.Background()); err != nil {
				t.Fatal(err)
			}
		}
		ns, err := db.ListNotifications(w.ctx, 2*n)
		if err != nil {
			t.Fatal(err)
		}
		apps := map[int64]bool{}
		for _, x := range ns {
			if x.Channel != notify.ChannelWebhook || x.Severity != "overdue" || apps[x.ApplicationID] {
				t.Fatalf("notification %+v: want one overdue webhook reminder per application", x)
			}
			apps[x.ApplicationID] = true
		}
		if len(apps) != n {
			t.Fatalf("%d reminders queued, want %d (one per warning)", len(apps), n)
		}
	})
}

// TestDeliveredOnceByTwoServers: two servers scan and deliver at the same
// time, over and over, as the invitations go from due soon to overdue to
// critical; each warning reaches each channel exactly once.
func TestDeliveredOnceByTwoServers(t *testing.T) {
	storagetest.Each(t, func(t *testing.T, db *storage.DB) {
		w := newWorld(t, db)
		a, b := w.server(), w.server()
		if _, err := a.UpdateSettings(w.ctx, notify.SettingsPatch{Email: str("sam@example.com"), WebhookURL: str(w.hook.srv.URL)}); err != nil {
			t.Fatal(err)
		}
		for _, c := range []string{"Acme", "Globex", "Initech"} {
			w.invite(t, c)
		}
		seen := map[string]bool{}
		for _, at := range []time.Duration{20 * time.Hour, 25 * time.Hour, 50 * time.Hour} {
			w.clk.set(t0.Add(at))
			ws, err := w.apps.WarningsPage(w.ctx, applications.WarningFilter{})
			if err != nil || ws.NextCursor != "" {
				t.Fatalf("warnings: %+v, %v; want one page", ws, err)
			}
			for _, x := range ws.Items {
				seen[x.Company+"/"+string(x.Severity)] = true
			}
			var wg sync.WaitGroup
			for _, s := range []*notify.Service{a, b, a, b} {
				wg.Add(1)
				go func() {
					defer wg.Done()
					for range 3 {
						if err := s.Scan(context.Background()); err != nil {
							t.Error(err)
						}
						if _, err := s.Deliver(context.Background()); err != nil {
							t.Error(err)
						}
					}
				}()
			}
			wg.Wait()
		}
		if len(seen) != 9 {
			t.Fatalf("the scenario should pass through 3 severities for 3 applications, saw %v", seen)
		}
		mails, posts := w.mail.messages(), w.hook.received()
		if len(mails) != len(seen) || len(posts) != len(seen) {
			t.Fatalf("%d e-mails and %d webhook posts for %d warnings", len(mails), len(posts), len(seen))
		}
		subjects := map[string]int{}
		for _, m := range mails {
			for _, line := range strings.Split(m, "\r\n") {
				if s, ok := strings.CutPrefix(line, "Subject: "); ok {
					subjects[s]++
				}
			}
			if !strings.Contains(m, "To-Rcpt: sam@example.com") || !strings.Contains(m, "https://tracker.example.com/applications/") {
				t.Fatalf("e-mail:\n%s", m)
			}
		}
		for _, want := range []string{"Due soon: Acme, Go Engineer", "Overdue: Globex, Go Engineer", "Urgent: Initech, Go Engineer"} {
			if subjects[want] != 1 {
				t.Fatalf("subject %q sent %d times; all: %v", want, subjects[want], subjects)
			}
		}
		var body struct{ Kind, Severity, Title, Message string }
		if err := json.Unmarshal([]byte(posts[0]), &body); err != nil || body.Kind != "response" || body.Title == "" {
			t.Fatalf("webhook body %s: %v", posts[0], err)
		}
		list, err := a.List(w.ctx, 50)
		if err != nil {
			t.Fatal(err)
		}
		for _, n := range list {
			if n.Status != notify.StatusSent || n.Attempts != 1 || n.SentAt == nil {
				t.Fatalf("notification %+v", n)
			}
		}
	})
}

// TestRetriesWithBackoff: a webhook that fails twice is tried again a
// minute, then two minutes later, each failure shown to the user, and then
// delivered; one that keeps failing ends as failed after six attempts.
func TestRetriesWithBackoff(t *testing.T) {
	storagetest.Each(t, func(t *testing.T, db *storage.DB) {
		w := newWorld(t, db)
		s := w.server()
		if _, err := s.UpdateSettings(w.ctx, notify.SettingsPatch{WebhookURL: str(w.hook.srv.URL)}); err != nil {
			t.Fatal(err)
		}
		w.invite(t, "Acme")
		w.clk.set(t0.Add(25 * time.Hour))
		w.hook.fail = 2
		step := func(wait time.Duration, wantStatus string, wantAttempts int) notify.Notification {
			t.Helper()
			w.clk.add(wait)
			if err := s.Scan(w.ctx); err != nil {
				t.Fatal(err)
			}
			if _, err := s.Deliver(w.ctx); err != nil {
				t.Fatal(err)
			}
			list, err := s.List(w.ctx, 10)
			if err != nil || len(list) != 1 {
				t.Fatalf("list: %v %+v", err, list)
			}
			if n := list[0]; n.Status != wantStatus || n.Attempts != wantAttempts {
				t.Fatalf("after %v: status %s, %d attempts (%s); want %s, %d", wait, n.Status, n.Attempts, n.LastError, wantStatus, wantAttempts)
			}
			return list[0]
		}
		n := step(0, notify.StatusPending, 1)
		if !strings.Contains(n.LastError, "500") || !n.NextAttemptAt.Equal(w.clk.now().Add(time.Minute)) {
			t.Fatalf("first failure: %q, next at %v", n.LastError, n.NextAttemptAt)
		}
		step(59*time.Second, notify.StatusPending, 1) // not yet
		n = step(time.Second, notify.StatusPending, 2)
		if !n.NextAttemptAt.Equal(w.clk.now().Add(2 * time.Minute)) {
			t.Fatalf("second retry at %v", n.NextAttemptAt)
		}
		n = step(2*time.Minute, notify.StatusSent, 3)
		if n.LastError != "" || len(w.hook.received()) != 1 {
			t.Fatalf("sent: %+v, %d received", n, len(w.hook.received()))
		}

		// A second user whose webhook never answers 2xx.
		ctx2 := storagetest.Owner(t, db, "kim@example.com")
		if _, err := s.UpdateSettings(ctx2, notify.SettingsPatch{WebhookURL: str(w.hook.srv.URL + "/gone")}); err != nil {
			t.Fatal(err)
		}
		w.hook.fail = 1000
		if _, err := w.apps.Create(ctx2, applications.NewApplication{Fields: applications.Fields{Company: "Hooli", Role: "SRE"},
			Invitation: &applications.NewInvitation{ReceivedAt: w.clk.now().Add(-30 * time.Hour)}}); err != nil {
			t.Fatal(err)
		}
		for range 8 {
			if err := s.Scan(w.ctx); err != nil {
				t.Fatal(err)
			}
			if _, err := s.Deliver(w.ctx); err != nil {
				t.Fatal(err)
			}
			w.clk.add(time.Hour)
		}
		list, err := s.List(ctx2, 10)
		if err != nil || len(list) != 1 || list[0].Status != notify.StatusFailed || list[0].Attempts != 6 {
			t.Fatalf("after an hour of failures: %v %+v", err, list)
		}
	})
}

// TestQuietHoursAcrossMidnight: in New York, with quiet hours 22:00-07:00,
// a warning that appears at 23:30 is sent at 07:00 the next morning.
func TestQuietHoursAcrossMidnight(t *testing.T) {
	storagetest.Each(t, func(t *testing.T, db *storage.DB) {
		w := newWorld(t, db)
		s := w.server()
		ny, _ := time.LoadLocation("America/New_York")
		if _, err := w.apps.UpdateSettings(w.ctx, applications.SettingsPatch{TimeZone: str("America/New_York")}); err != nil {
			t.Fatal(err)
		}
		if _, err := s.UpdateSettings(w.ctx, notify.SettingsPatch{Email: str("sam@example.com"), Quiet: str("22:00-07:00")}); err != nil {
			t.Fatal(err)
		}
		w.invite(t, "Acme") // the deadline is t0+24h: 3 March, 04:00 in New York
		w.clk.set(time.Date(2026, 3, 3, 23, 30, 0, 0, ny))
		run := func() {
			t.Helper()
			if err := s.Scan(w.ctx); err != nil {
				t.Fatal(err)
			}
			if _, err := s.Deliver(w.ctx); err != nil {
				t.Fatal(err)
			}
		}
		run()
		list, err := s.List(w.ctx, 10)
		if err != nil || len(list) != 1 || len(w.mail.messages()) != 0 {
			t.Fatalf("at 23:30: %v %+v, %d sent", err, list, len(w.mail.messages()))
		}
		if want := time.Date(2026, 3, 4, 7, 0, 0, 0, ny); !list[0].NextAttemptAt.Equal(want) {
			t.Fatalf("held until %v, want %v", list[0].NextAttemptAt.In(ny), want)
		}
		w.clk.set(time.Date(2026, 3, 4, 6, 59, 0, 0, ny))
		run()
		if len(w.mail.messages()) != 0 {
			t.Fatal("sent in quiet hours")
		}
		w.clk.set(time.Date(2026, 3, 4, 7, 0, 0, 0, ny))
		run()
		if m := w.mail.messages(); len(m) != 1 || !strings.Contains(m[0], "EST") {
			t.Fatalf("at 07:00: %d sent: %v", len(m), m)
		}
	})
}

// TestAnsweredBeforeSentIsCancelled: a reminder queued for an invitation
// the user answers before it goes out is not sent.
func TestAnsweredBeforeSentIsCancelled(t *testing.T) {
	storagetest.Each(t, func(t *testing.T, db *storage.DB) {
		w := newWorld(t, db)
		s := w.server()
		if _, err := s.UpdateSettings(w.ctx, notify.SettingsPatch{Email: str("sam@example.com"), Quiet: str("00:00-23:59")}); err != nil {
			t.Fatal(err)
		}
		id := w.invite(t, "Acme")
		w.clk.set(t0.Add(25 * time.Hour))
		if err := s.Scan(w.ctx); err != nil {
			t.Fatal(err)
		}
		if _, err := w.apps.Move(w.ctx, id, applications.MoveInput{To: workflow.Scheduled}); err != nil {
			t.Fatal(err)
		}
		w.clk.add(24 * time.Hour)
		if _, err := s.Deliver(w.ctx); err != nil {
			t.Fatal(err)
		}
		list, err := s.List(w.ctx, 10)
		if err != nil || len(list) != 1 || list[0].Status != notify.StatusCancelled || len(w.mail.messages()) != 0 {
			t.Fatalf("%v %+v, %d sent", err, list, len(w.mail.messages()))
		}
	})
}

// TestLapsedClaimIsRetried: a server that claimed a notification and died
// leaves it to another once the claim's lease has run out, and not before.
func TestLapsedClaimIsRetried(t *testing.T) {
	storagetest.Each(t, func(t *testing.T, db *storage.DB) {
		w := newWorld(t, db)
		s := w.server()
		if _, err := s.UpdateSettings(w.ctx, notify.SettingsPatch{Email: str("sam@example.com")}); err != nil {
			t.Fatal(err)
		}
		w.invite(t, "Acme")
		w.clk.set(t0.Add(25 * time.Hour))
		if err := s.Scan(w.ctx); err != nil {
			t.Fatal(err)
		}
		now := w.clk.now()
		if n, err := db.ClaimNotification(w.ctx, now, now.Add(2*time.Minute)); err != nil || n == nil {
			t.Fatalf("claim: %v %v", n, err)
		}
		if sent, err := s.Deliver(w.ctx); err != nil || sent != 0 {
			t.Fatalf("delivered %d (%v) while claimed", sent, err)
		}
		w.clk.add(3 * time.Minute)
		if sent, err := s.Deliver(w.ctx); err != nil || sent != 1 || len(w.mail.messages()) != 1 {
			t.Fatalf("after the lease: %d sent (%v)", sent, err)
		}
	})
}

// TestSettingsRefuseBadInput names each bad field and saves nothing.
func TestSettingsRefuseBadInput(t *testing.T) {
	storagetest.Each(t, func(t *testing.T, db *storage.DB) {
		w := newWorld(t, db)
		s := w.server()
		_, err := s.UpdateSettings(w.ctx, notify.SettingsPatch{Email: str("sam at example"), WebhookURL: str("ftp://x"),
			WebhookFormat: str("xml"), Quiet: str("22-7")})
		var ae *apperr.Error
		if !errors.As(err, &ae) || ae.Code != apperr.EINVALID || len(ae.Fields) != 4 {
			t.Fatalf("got %v", err)
		}
		st, err := s.Settings(w.ctx)
		if err != nil || st.Enabled() || !st.UpdatedAt.IsZero() {
			t.Fatalf("saved after a refusal: %+v %v", st, err)
		}
		if _, err := s.SendTest(w.ctx); apperr.ErrorCode(err) != apperr.EINVALID {
			t.Fatalf("a test without a channel: %v", err)
		}
	})
}

// TestNtfyAndTest: a test notification goes out at once; the ntfy format
// sends the text with a title and priority header.
func TestNtfyAndTest(t *testing.T) {
	storagetest.Each(t, func(t *testing.T, db *storage.DB) {
		w := newWorld(t, db)
		s := w.server()
		if _, err := s.UpdateSettings(w.ctx, notify.SettingsPatch{WebhookURL: str(w.hook.srv.URL), WebhookFormat: str("ntfy"),
			Quiet: str("00:00-23:59")}); err != nil {
			t.Fatal(err)
		}
		if _, err := s.SendTest(w.ctx); err != nil {
			t.Fatal(err)
		}
		if sent, err := s.Deliver(w.ctx); err != nil || sent != 1 {
			t.Fatalf("test: %d sent, %v", sent, err)
		}
		w.invite(t, "Café Noir")
		w.clk.set(t0.Add(50 * time.Hour))
		if err := s.Scan(w.ctx); err != nil {
			t.Fatal(err)
		}
		w.clk.set(time.Date(2026, 3, 4, 23, 59, 0, 0, time.UTC))
		if _, err := s.Deliver(w.ctx); err != nil {
			t.Fatal(err)
		}
		w.hook.mu.Lock()
		defer w.hook.mu.Unlock()
		if len(w.hook.bodies) != 2 || w.hook.heads[1].Get("Priority") != "5" ||
			!strings.Contains(w.hook.heads[1].Get("Title"), "Urgent") || !strings.HasPrefix(w.hook.heads[1].Get("Content-Type"), "text/plain") {
			t.Fatalf("ntfy posts: %q %v", w.hook.bodies, w.hook.heads)
		}
	})
}
