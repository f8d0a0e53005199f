package decline

import (
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
