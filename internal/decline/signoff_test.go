package decline

import (
	"fmt"
	"slices"
	"strings"
	"testing"
)

// formalOnlySignoffs belong after a greeting by title and surname or
// "Dear Sir or Madam"; coolSignoffs read as cold after a first name.
var (
	formalOnlySignoffs = []string{"Respectfully,", "Yours sincerely,", "Yours faithfully,"}
	coolSignoffs       = []string{"Sincerely,", "Kind regards,", "Best regards,", "Regards,", "With kind regards,", "Yours,"}
)

// TestSignoffMatchesGreeting reads the greeting and the sign-off of every
// generated e-mail, as the reader does: a first name ("Dear Emily,", "Hi
// Priya,") is signed off warmly or plainly, and "Respectfully," or "Yours
// sincerely," follow only a title and surname or "Sir or Madam".
func TestSignoffMatchesGreeting(t *testing.T) {
	for _, ct := range contacts {
		for _, sit := range Situations() {
			for _, tone := range Tones() {
				for w := range uint64(40) {
					r := request(sit, ReasonTiming, ChannelEmail, tone, 5)
					r.Contact, r.Wording = ct.c, w
					l := mustCompose(t, r)
					paras := strings.Split(l.Body, "\n\n")
					greeting := paras[0]
					signoff, _, _ := strings.Cut(paras[len(paras)-1], "\n")
					name := strings.TrimSuffix(greeting, ",")
					for _, p := range []string{"Dear ", "Hi ", "Hello "} {
						name = strings.TrimPrefix(name, p)
					}
					first, _, _ := strings.Cut(name, " ")
					titled := slices.Contains(titles, strings.ToLower(strings.TrimSuffix(first, "."))) || name == "Sir or Madam"
					byFirstName := !titled && !strings.Contains(name, " ") && slices.Contains(strings.Fields(ct.c.Name), name)
					switch {
					case slices.Contains(formalOnlySignoffs, signoff) && !(titled && strings.HasPrefix(greeting, "Dear ")):
						t.Errorf("%s/%s/%s: %q signed %q", ct.name, sit, tone, greeting, signoff)
					case byFirstName && slices.Contains(coolSignoffs, signoff):
						t.Errorf("%s/%s/%s: first name %q signed %q", ct.name, sit, tone, greeting, signoff)
					}
				}
			}
		}
	}
}

// formalRegister are the closes a reader expects under "Dear Mr. Lee,":
// a blind reader took "Yours," after it for a machine's, as people sign
// a letter to a title and surname in the greeting's own register.
var formalRegister = []string{"Kind regards,", "Best regards,", "Yours sincerely,", "With kind regards,", "Sincerely,",
	"Kindest regards,", "Regards,", "With best wishes,", "Best wishes,", "Many thanks,", "With many thanks,", "Respectfully,", "Yours faithfully,"}

// TestSignoffRegisterAfterTitle: an e-mail or a follow-up that greets
// its reader by title and surname signs off in that register, and no
// letter signs "Yours," or "Yours truly,".
func TestSignoffRegisterAfterTitle(t *testing.T) {
	titled := []Contact{{Name: "Paula Lima", Title: "Dr."}, {Name: "Mr. Lee"}, {Name: "Ms. Lucius Fox-Evans"}, {Name: "James Lee", GreetingName: "Mr. Lee"}}
	check := func(l Letter, what string) {
		paras := strings.Split(l.Body, "\n\n")
		greeting := paras[0]
		signoff, _, _ := strings.Cut(paras[len(paras)-1], "\n")
		if signoff == "Yours," || signoff == "Yours truly," {
			t.Errorf("%s: signed %q", what, signoff)
		}
		if strings.HasPrefix(greeting, "Dear ") && strings.ContainsAny(greeting, ".") && !slices.Contains(formalRegister, signoff) {
			t.Errorf("%s: %q signed %q", what, greeting, signoff)
		}
	}
	for _, ct := range titled {
		for _, sit := range Situations() {
			for w := range uint64(60) {
				r := request(sit, ReasonTiming, ChannelEmail, ToneFormal, 5)
				r.Contact, r.Wording = ct, w
				check(mustCompose(t, r), fmt.Sprintf("%s/%d", sit, w))
				for _, kind := range followUpKinds {
					f, err := ComposeFollowUp(FollowUpRequest{Company: r.Company, Role: r.Role, Contact: ct, Kind: kind, Situation: sit,
						DeclineChannel: ChannelEmail, Tone: ToneFormal, Sender: r.Sender, Variant: w})
					if err != nil {
						t.Fatal(err)
					}
					check(f, fmt.Sprintf("follow-up %s/%s/%d", kind, sit, w))
				}
			}
		}
	}
}
