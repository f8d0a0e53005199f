package decline

import (
	"errors"
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"tracker/internal/workflow"
)

var update = flag.Bool("update", false, "rewrite golden files")

// variantsPerLetter is how many Variants every combination is checked with,
// half of them with a contact and half without: enough that every phrasing
// of every part is chosen in both halves (TestEveryPhrasingIsUsed).
const variantsPerLetter = 32

// request returns a complete request that Compose accepts.
func request(sit Situation, reason Reason, ch Channel, tone Tone, variant uint64) Request {
	r := Request{
		Company: "Northwind Traders", Role: "Senior Go Engineer", ContactName: "Maria Anders",
		Situation: sit, Reason: reason, Channel: ch, Tone: tone, Variant: variant,
		Sender: Sender{Name: "Sam Lee", Email: "sam@example.com", Phone: "+44 20 7946 0000", Link: "https://example.com/sam"},
	}
	if reason == ReasonOther {
		r.ReasonDetail = "I have decided to stay in my current team for another year"
	}
	return r
}

// mustCompose composes r and fails the test on error.
func mustCompose(t *testing.T, r Request) Letter {
	t.Helper()
	l, err := Compose(r)
	if err != nil {
		t.Fatalf("Compose(%+v): %v", r, err)
	}
	return l
}

// assertAllOK fails for every check of l that is not OK.
func assertAllOK(t *testing.T, l Letter, r Request) {
	t.Helper()
	for _, c := range CheckLetter(l, r) {
		if !c.OK {
			t.Errorf("%s failed: %s\nSubject: %s\n%s", c.Rule, c.Hint, l.Subject, l.Body)
		}
	}
}

func TestEveryLetterPassesEveryCheck(t *testing.T) {
	for _, sit := range Situations() {
		for _, reason := range Reasons() {
			for _, ch := range Channels() {
				for _, tone := range Tones() {
					t.Run(fmt.Sprintf("%s/%s/%s/%s", sit, reason, ch, tone), func(t *testing.T) {
						for v := range uint64(variantsPerLetter) {
							r := request(sit, reason, ch, tone, v)
							if v%2 == 1 {
								r.ContactName = "" // thank the hiring team
							}
							l := mustCompose(t, r)
							assertAllOK(t, l, r)
							assertLetterShape(t, l, r)
						}
					})
				}
			}
		}
	}
}

// assertLetterShape checks what every letter of r's channel must hold.
func assertLetterShape(t *testing.T, l Letter, r Request) {
	t.Helper()
	for _, want := range []string{r.Company, r.Role, r.Sender.Name} {
		if !strings.Contains(l.Body, want) {
			t.Errorf("body does not name %q:\n%s", want, l.Body)
		}
	}
	switch r.Channel {
	case ChannelEmail:
		if l.Subject == "" || strings.ContainsAny(l.Subject, "\r\n") {
			t.Errorf("email subject %q", l.Subject)
		}
	case ChannelMessage:
		if len(l.Body) > 600 {
			t.Errorf("message is %d bytes, want at most 600:\n%s", len(l.Body), l.Body)
		}
	}
	if strings.ContainsAny(l.Body, "{}") {
		t.Errorf("unfilled placeholder in:\n%s", l.Body)
	}
}

func TestEveryPhrasingIsUsed(t *testing.T) {
	parts := map[int]int{partGreeting: 3, partOpening: 3, partThanks: 3, partReason: 3, partOffer: 3,
		partDetails: 2, partClosing: 3, partSignoff: 3, partIntro: 2, partSignature: 2}
	for part, n := range parts {
		list := make([]string, n)
		for i := range list {
			list[i] = fmt.Sprint(i)
		}
		for half := range uint64(2) {
			seen := map[string]bool{}
			for v := half; v < variantsPerLetter; v += 2 {
				seen[chooser(v).pick(part, list)] = true
			}
			if len(seen) != n {
				t.Errorf("part %d: Variants %d, %d, ... choose only %d of %d phrasings", part, half, half+2, len(seen), n)
			}
		}
	}
}

func TestSameVariantSameLetter(t *testing.T) {
	r := request(SituationAfterInterview, ReasonTiming, ChannelEmail, ToneWarm, 42)
	if a, b := mustCompose(t, r), mustCompose(t, r); a != b {
		t.Errorf("two letters for the same Variant differ:\n%s\n---\n%s", a.Body, b.Body)
	}
}

func TestDifferentVariantsDiffer(t *testing.T) {
	const n = 16
	letters := make([]Letter, n)
	for v := range letters {
		letters[v] = mustCompose(t, request(SituationInvitation, ReasonLocation, ChannelEmail, ToneFormal, uint64(v)))
	}
	same := 0
	for i := range letters {
		for j := i + 1; j < n; j++ {
			if letters[i] == letters[j] {
				same++
			}
		}
	}
	if pairs := n * (n - 1) / 2; same*10 > pairs {
		t.Errorf("%d of %d pairs of Variants give the same letter", same, pairs)
	}
}

func TestDefaults(t *testing.T) {
	r := request("", ReasonNone, "", "", 7)
	want := request(SituationInvitation, ReasonNone, ChannelEmail, ToneFormal, 7)
	if got, exp := mustCompose(t, r), mustCompose(t, want); got != exp {
		t.Errorf("defaults differ from email/formal/invitation:\n%s\n---\n%s", got.Body, exp.Body)
	}
	r.ContactName = ""
	if l := mustCompose(t, r); !strings.Contains(l.Body, "hiring team") {
		t.Errorf("no contact, yet no hiring team thanked:\n%s", l.Body)
	}
}

func TestNoReasonForNone(t *testing.T) {
	for v := range uint64(variantsPerLetter) {
		r := request(SituationOffer, ReasonNone, ChannelEmail, ToneFormal, v)
		l := mustCompose(t, r)
		for _, s := range splitSentences(l.Body) {
			if containsPhrase(words(s), reasonMarkers) {
				t.Errorf("reason none, yet %q gives one", s)
			}
		}
	}
}

func TestComposeRejects(t *testing.T) {
	ok := request(SituationInvitation, ReasonTiming, ChannelEmail, ToneFormal, 0)
	tests := []struct {
		name   string
		edit   func(*Request)
		fields map[string]string
	}{
		{"unknown reason", func(r *Request) { r.Reason = "bored" }, map[string]string{"reason": "reason must be one of another_offer, personal_circumstances, culture_fit, role_fit, timing, location, compensation, none, other"}},
		{"missing reason", func(r *Request) { r.Reason = "" }, map[string]string{"reason": "reason must be one of another_offer, personal_circumstances, culture_fit, role_fit, timing, location, compensation, none, other"}},
		{"other without detail", func(r *Request) { r.Reason, r.ReasonDetail = ReasonOther, " \t" }, map[string]string{"reason_detail": "reason_detail is required when reason is other"}},
		{"detail too long", func(r *Request) { r.Reason, r.ReasonDetail = ReasonOther, strings.Repeat("é", 201) }, map[string]string{"reason_detail": "reason_detail must be at most 200 characters"}},
		{"no sender", func(r *Request) { r.Sender.Name = "\x00 " }, map[string]string{"sender_name": "sender_name is required: the letter must be signed"}},
		{"bad channel, tone, situation", func(r *Request) { r.Channel, r.Tone, r.Situation = "fax", "angry", "hired" }, map[string]string{
			"channel":   "channel must be one of email, phone, message",
			"tone":      "tone must be one of formal, warm",
			"situation": "situation must be one of invitation, before_interview, after_interview, offer",
		}},
		{"no company or role", func(r *Request) { r.Company, r.Role = "", "  " }, map[string]string{
			"company": "company is required: the letter must name the company",
			"role":    "role is required: the letter must name the role",
		}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			r := ok
			tt.edit(&r)
			_, err := Compose(r)
			assertInputError(t, err, tt.fields)
		})
	}
}

// assertInputError checks that err is an *InputError with exactly fields.
func assertInputError(t *testing.T, err error, fields map[string]string) {
	t.Helper()
	var ie *InputError
	if !errors.As(err, &ie) {
		t.Fatalf("err = %v, want *InputError", err)
	}
	if len(ie.Fields) != len(fields) {
		t.Errorf("fields = %v, want %v", ie.Fields, fields)
	}
	for k, want := range fields {
		if got := ie.Fields[k]; got != want {
			t.Errorf("field %s = %q, want %q", k, got, want)
		}
		if !strings.Contains(ie.Error(), want) {
			t.Errorf("Error() = %q lacks %q", ie.Error(), want)
		}
	}
}

func TestComposeFollowUp(t *testing.T) {
	for _, ch := range Channels() {
		for _, tone := range Tones() {
			for v := range uint64(8) {
				r := FollowUpRequest{Company: "Northwind Traders", Role: "Go Engineer", ContactName: "Maria Anders",
					Channel: ch, Tone: tone, Variant: v, Sender: Sender{Name: "Sam Lee", Phone: "555 0100"},
					DeclinedOn: time.Date(2026, 3, 2, 0, 0, 0, 0, time.UTC)}
				l, err := ComposeFollowUp(r)
				if err != nil {
					t.Fatal(err)
				}
				asDecline := Request{Company: r.Company, Role: r.Role, ContactName: r.ContactName, Channel: ch, Sender: r.Sender}
				for _, c := range CheckLetter(l, asDecline) {
					if !c.OK && c.Rule != RuleLength && c.Rule != RuleClear {
						t.Errorf("%s/%s/%d: %s failed: %s\n%s", ch, tone, v, c.Rule, c.Hint, l.Body)
					}
				}
				if ch == ChannelEmail && !strings.HasPrefix(l.Subject, "Re: ") {
					t.Errorf("subject %q", l.Subject)
				}
				if !strings.Contains(l.Body, "2 March 2026") {
					t.Errorf("no date in:\n%s", l.Body)
				}
			}
		}
	}
	_, err := ComposeFollowUp(FollowUpRequest{Channel: "pigeon"})
	assertInputError(t, err, map[string]string{
		"company": "company is required: the letter must name the company", "role": "role is required: the letter must name the role",
		"sender_name": "sender_name is required: the letter must be signed", "channel": "channel must be one of email, phone, message",
	})
}

func TestSituationFor(t *testing.T) {
	want := map[workflow.State]Situation{workflow.Invited: SituationInvitation, workflow.Scheduled: SituationBeforeInterview,
		workflow.Interviewed: SituationAfterInterview, workflow.Offered: SituationOffer}
	for _, s := range workflow.States() {
		got, ok := SituationFor(s)
		if w, exp := want[s]; ok != exp || got != w {
			t.Errorf("SituationFor(%s) = %q, %v; want %q, %v", s, got, ok, w, exp)
		}
		if ok && !workflow.CanMove(s, workflow.Declined) {
			t.Errorf("%s has a situation but cannot be declined", s)
		}
	}
}

func TestGolden(t *testing.T) {
	followUp := FollowUpRequest{Company: "Northwind Traders", Role: "Senior Go Engineer", ContactName: "Maria Anders",
		Tone: ToneWarm, Sender: Sender{Name: "Sam Lee", Email: "sam@example.com"}, DeclinedOn: time.Date(2026, 3, 2, 0, 0, 0, 0, time.UTC), Variant: 3}
	tests := []struct {
		name   string
		letter func() (Letter, error)
	}{
		{"email_formal_invitation_another_offer", func() (Letter, error) {
			return Compose(request(SituationInvitation, ReasonAnotherOffer, ChannelEmail, ToneFormal, 1))
		}},
		{"email_warm_offer_compensation", func() (Letter, error) {
			return Compose(request(SituationOffer, ReasonCompensation, ChannelEmail, ToneWarm, 2))
		}},
		{"phone_formal_before_interview_timing", func() (Letter, error) {
			return Compose(request(SituationBeforeInterview, ReasonTiming, ChannelPhone, ToneFormal, 3))
		}},
		{"message_warm_after_interview_role_fit", func() (Letter, error) {
			return Compose(request(SituationAfterInterview, ReasonRoleFit, ChannelMessage, ToneWarm, 4))
		}},
		{"followup_email_warm", func() (Letter, error) { return ComposeFollowUp(followUp) }},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			l, err := tt.letter()
			if err != nil {
				t.Fatal(err)
			}
			assertGolden(t, tt.name, "Subject: "+l.Subject+"\n\n"+l.Body+"\n")
		})
	}
}

// assertGolden compares got with testdata/name.golden, or rewrites the file
// under -update.
func assertGolden(t *testing.T, name, got string) {
	t.Helper()
	path := filepath.Join("testdata", name+".golden")
	if *update {
		if err := os.WriteFile(path, []byte(got), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	want, err := os.ReadFile(path)
	if err != nil {
		t.Fatalf("%v (run go test -update to create it)", err)
	}
	if got != string(want) {
		t.Errorf("%s differs from the golden file (run go test -update if the change is right)\n--- got\n%s\n--- want\n%s", path, got, want)
	}
}
