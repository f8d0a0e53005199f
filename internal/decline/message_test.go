package decline

import (
	"fmt"
	"strings"
	"testing"
)

// messageShapeOf names the greeting and the signature of a message as a
// reader sees them.
func messageShapeOf(body string) (greeting, signature string) {
	first, _, _ := strings.Cut(body, "\n")
	switch {
	case strings.HasSuffix(first, ","):
		greeting = "own line"
	case strings.HasPrefix(first, "Hi ") && strings.Contains(first, ", "):
		greeting = "inline"
	default:
		greeting = "none"
	}
	paras := strings.Split(body, "\n\n")
	last := paras[len(paras)-1]
	switch {
	case strings.HasPrefix(last, "– "):
		signature = "dash"
	case strings.Contains(last, "\n"):
		signature = "close"
	default:
		signature = "bare"
	}
	return greeting, signature
}

// Bounds on the shapes of messages: a blind reader saw the greeting on a
// line of its own, "..., but I ..." and the bare name in almost every one.
const (
	maxOwnLineGreeting = 0.65
	minInlineGreeting  = 0.15
	minNoGreeting      = 0.05
	maxBareName        = 0.55
	minClose           = 0.25
	maxButJoin         = 0.55
)

// TestMessagesTakeManyShapes writes messages for every situation, reason,
// tone, contact and variety and fails when one shape of greeting, of
// signature or of the thanks-and-decline join is in too many of them.
// Every message keeps to one to three sentences, names a person it does
// not greet in its first sentence, and passes every check.
func TestMessagesTakeManyShapes(t *testing.T) {
	greetings, signatures := map[string]int{}, map[string]int{}
	n, but := 0, 0
	for r := range drawnRequests() {
		if r.Channel != ChannelMessage {
			continue
		}
		r.Contact = contacts[int(r.Variant)%len(contacts)].c
		r.English = []English{EnglishGB, EnglishUS}[r.Variant/3%2]
		l := mustCompose(t, r)
		g, s := messageShapeOf(l.Body)
		greetings[g]++
		signatures[s]++
		n++
		if strings.Contains(l.Body, ", but ") {
			but++
		}
		what := fmt.Sprintf("%s/%s/%s/%s", r.Situation, r.Tone, r.English, r.Contact.Name)
		if c := normalizeContact(r.Contact); g == "none" && c.Kind == ContactPerson {
			first := strings.Fields(c.Name)[0]
			if c.Title != "" && r.Tone == ToneFormal || !latin(first) {
				t.Errorf("%s: a titled reader is not greeted:\n%s", what, l.Body)
			} else if ss := splitSentences(l.Body); !strings.Contains(ss[0], first) {
				t.Errorf("%s: the reader is neither greeted nor named in the first sentence:\n%s", what, l.Body)
			}
		}
		if paras := strings.Split(l.Body, "\n\n"); s == "close" && thanks(paras[len(paras)-1]) && !strings.Contains(paras[len(paras)-1], "again") {
			t.Errorf("%s: the note thanks, and its close thanks as if it had not:\n%s", what, l.Body)
		}
		if r.English == EnglishUS && strings.Contains(l.Body, "Cheers,") {
			t.Errorf("%s: an American message signs \"Cheers,\":\n%s", what, l.Body)
		}
		assertAllOK(t, l, r)
		assertLetterShape(t, l, r)
	}
	share := func(k, of int) float64 { return float64(k) / float64(of) }
	t.Logf("greetings %v, signatures %v, \", but\" in %d of %d", greetings, signatures, but, n)
	for _, b := range []struct {
		what     string
		got      float64
		min, max float64
	}{
		{"greeting on its own line", share(greetings["own line"], n), 0, maxOwnLineGreeting},
		{"greeting run into the first sentence", share(greetings["inline"], n), minInlineGreeting, 1},
		{"no greeting", share(greetings["none"], n), minNoGreeting, 1},
		{"the bare name", share(signatures["bare"], n), 0, maxBareName},
		{"a close before the name", share(signatures["close"], n), minClose, 1},
		{"\", but\"", share(but, n), 0, maxButJoin},
	} {
		if b.got < b.min || b.got > b.max {
			t.Errorf("%s in %.0f %% of messages (want %.0f-%.0f %%)", b.what, 100*b.got, 100*b.min, 100*b.max)
		}
	}
}

// TestMessageGreetsATitleAsPeopleDo: a formal message to a reader with a
// title opens "Hello Ms Carter," in British English and "Hi Ms. Carter,"
// in US English, never "Dear Ms Carter,", which is a letter's salutation
// (issue 9: a message has no "Dear" and no formal sign-off); a warm one
// greets the first name. A greeting the user set is used as typed. No
// message to any contact of the fixtures says "Dear".
func TestMessageGreetsATitleAsPeopleDo(t *testing.T) {
	cases := []struct {
		contact  Contact
		english  English
		tone     Tone
		want     string
		wantLine bool // on a line of its own
	}{
		{Contact{Name: "Helen Carter", Title: "Ms"}, EnglishGB, ToneFormal, "Hello Ms Carter,", true},
		{Contact{Name: "Helen Carter", Title: "Ms"}, EnglishUS, ToneFormal, "Hi Ms. Carter,", true},
		{Contact{Name: "Ms. Helen Carter"}, EnglishGB, ToneFormal, "Hello Ms. Carter,", true},
		{Contact{Name: "Ms. Helen Carter"}, EnglishUS, ToneFormal, "Hi Ms. Carter,", true},
		{Contact{Name: "Priya Patel", Title: "Dr"}, EnglishGB, ToneFormal, "Hello Dr Patel,", true},
		{Contact{Name: "Helen Carter", Title: "Ms"}, EnglishGB, ToneWarm, "Helen", false},
		{Contact{Name: "Helen Carter", GreetingName: "Mrs Carter"}, EnglishUS, ToneFormal, "Hi Mrs Carter,", true},
	}
	for _, tc := range cases {
		for _, sit := range Situations() {
			for w := range uint64(10) {
				r := request(sit, ReasonsFor(sit)[int(w)%len(ReasonsFor(sit))], ChannelMessage, tc.tone, 5)
				r.Contact, r.English, r.Wording = tc.contact, tc.english, w
				l := mustCompose(t, r)
				ok := strings.HasPrefix(l.Body, tc.want+"\n\n")
				if !tc.wantLine {
					ok = strings.Contains(l.Body, tc.want) && !strings.Contains(l.Body, "Ms")
				}
				// A message greets without "Dear" and signs without a
				// letter's close (issue 9), in British and US English.
				if !ok || strings.Contains(l.Body, "Dear") || strings.Contains(l.Body, "sincerely") || strings.Contains(l.Body, "faithfully") {
					t.Errorf("%+v %s %s/%s/%d, want %q:\n%s", tc.contact, tc.english, tc.tone, sit, w, tc.want, l.Body)
				}
				assertAllOK(t, l, r)
			}
		}
	}
	for _, ct := range contacts {
		for _, english := range []English{EnglishGB, EnglishUS} {
			for _, sit := range Situations() {
				for _, tone := range Tones() {
					r := request(sit, ReasonsFor(sit)[0], ChannelMessage, tone, 7)
					r.Contact, r.English = ct.c, english
					if l := mustCompose(t, r); strings.Contains(l.Body, "Dear") {
						t.Errorf("%+v %s %s/%s: a message greets with \"Dear\":\n%s", ct.c, english, tone, sit, l.Body)
					}
				}
			}
		}
	}
}

// TestMessagesSpeakAsChat: no chat message speaks of the writing itself
// ("I am writing to withdraw ...", "formally"), as a letter does: a
// reader found it in one message in fourteen.
func TestMessagesSpeakAsChat(t *testing.T) {
	n, bad := 0, 0
	for r := range voiceRequests() {
		if r.Channel != ChannelMessage {
			continue
		}
		l := mustCompose(t, r)
		n++
		if m := ofLetters.FindString(l.Body); m != "" {
			if bad++; bad <= 3 {
				t.Errorf("%s/%s: a message says %q:\n%s", r.Situation, r.Tone, m, l.Body)
			}
		}
	}
	t.Logf("%d of %d messages speak of writing", bad, n)
}

// TestTeamGreetedByTone: a formal message greets a team "Hello Talent
// Team," (never "Hi", which reads as warm); warm messages and e-mails to
// a team greet it in more than one way ("Hi Talent Team,", "Hi all,"), no
// way in more than half of them.
func TestTeamGreetedByTone(t *testing.T) {
	warm := map[string]int{}
	n, hi := 0, 0
	for _, ch := range []Channel{ChannelMessage, ChannelEmail} {
		for _, sit := range Situations() {
			for w := range uint64(40) {
				for _, tone := range Tones() {
					r := request(sit, ReasonsFor(sit)[int(w)%len(ReasonsFor(sit))], ch, tone, w)
					r.Contact = Contact{Name: "Talent Team"}
					l := mustCompose(t, r)
					greeting, _, _ := strings.Cut(l.Body, ",")
					if tone == ToneFormal {
						if ch == ChannelMessage && strings.HasPrefix(l.Body, "Hi") {
							if hi++; hi <= 3 {
								t.Errorf("%s: a formal message greets a team %q:\n%s", sit, greeting, l.Body)
							}
						}
						continue
					}
					if strings.HasPrefix(greeting, "Hi") || strings.HasPrefix(greeting, "Hello") {
						warm[greeting]++
						n++
					}
				}
			}
		}
	}
	top, share := topShare(warm, n)
	t.Logf("%d formal messages greet a team with \"Hi\"; warm greetings of a team: %s", hi, shares(warm, n))
	if share > 0.5 {
		t.Errorf("%.0f %% of warm letters greet a team %q (at most 50 %%)", 100*share, top)
	}
}

// TestMessageCloseSaysNothingTwice: a message never signs with words its
// note has already said ("Hi Sarah, thanks again for the interview ...
// Thanks again, Alex").
func TestMessageCloseSaysNothingTwice(t *testing.T) {
	n, bad := 0, 0
	for r := range tactRequests() {
		if r.Channel != ChannelMessage {
			continue
		}
		l := mustCompose(t, r)
		paras := strings.Split(l.Body, "\n\n")
		last := paras[len(paras)-1]
		close, _, ok := strings.Cut(last, "\n")
		if !ok || !strings.HasSuffix(close, ",") {
			continue // the name alone, or a dash and the name
		}
		n++
		note := strings.Join(paras[:len(paras)-1], "\n\n")
		if strings.Contains(strings.ToLower(note), strings.ToLower(strings.TrimSuffix(close, ","))) {
			if bad++; bad <= 3 {
				t.Errorf("%s/%s: the close %q says again what the note said:\n%s", r.Situation, r.Tone, close, l.Body)
			}
		}
	}
	if n == 0 {
		t.Fatal("no message signed with a close")
	}
	t.Logf("%d of %d closes repeat the note", bad, n)
}
