package decline

import (
	"strings"
	"testing"
)

// TestImpersonalGreetings: a greeting name that addresses nobody in
// particular ("Sir or Madam", "To whom it may concern") opens a formal
// e-mail as it is, whatever the tone, and a call or a chat message with a
// plain hello; a person whose title is Sir keeps their name. Each letter
// passes every check.
func TestImpersonalGreetings(t *testing.T) {
	bad := []string{"Hi Sir", "Hello Sir", "Hi Madam", "Hello Madam", "Dear To whom", "Hi To whom", "Hello To whom",
		"Hi to whom", "Hello to whom", "is that Sir", "speak to Sir", "is that To whom", "speak to To whom", "speak to to whom"}
	cases := []struct{ greet, want string }{
		{"Sir or Madam", "Dear Sir or Madam,"},
		{"Sir/Madam", "Dear Sir/Madam,"},
		{"to whom it may concern", "To whom it may concern,"},
	}
	for _, tc := range cases {
		for _, tone := range []Tone{ToneWarm, ToneFormal} {
			for _, ch := range []Channel{ChannelEmail, ChannelMessage, ChannelPhone} {
				r := Request{Situation: SituationInvitation, Reason: ReasonTiming, Channel: ch, Tone: tone, Company: "Acme", Role: "Engineer",
					Contact: Contact{Kind: ContactPerson, Name: "Jane Roe", GreetingName: tc.greet}, Sender: Sender{Name: "Sam Lee"}}
				l, err := Compose(r)
				if err != nil {
					t.Fatal(err)
				}
				text := l.Body + "\n" + l.Voicemail
				for _, b := range bad {
					if strings.Contains(text, b) {
						t.Errorf("%q, %s %s: %q in\n%s", tc.greet, tone, ch, b, text)
					}
				}
				if ch == ChannelEmail && !strings.HasPrefix(l.Body, tc.want+"\n") {
					t.Errorf("%q, %s e-mail opens %q, want %q", tc.greet, tone, strings.SplitN(l.Body, "\n", 2)[0], tc.want)
				}
				for _, c := range CheckLetter(l, r) {
					if !c.OK {
						t.Errorf("%q, %s %s: %s %s: %s\n%s", tc.greet, tone, ch, c.Severity, c.Rule, c.Hint, l.Body)
					}
				}
			}
		}
	}
	r := Request{Situation: SituationInvitation, Reason: ReasonTiming, Channel: ChannelMessage, Tone: ToneWarm, Company: "Acme", Role: "Engineer",
		Contact: Contact{Kind: ContactPerson, Name: "Alex Ferguson", GreetingName: "Sir Alex"}, Sender: Sender{Name: "Sam Lee"}}
	if l, err := Compose(r); err != nil || !strings.HasPrefix(l.Body, "Hi Sir Alex,") {
		t.Errorf("a knight is greeted by name: %v\n%s", err, l.Body)
	}
}
