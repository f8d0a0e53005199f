package decline

import (
	"testing"
)

// TestThanksItFollowsTheInterview: "Thank you for your help in arranging
// it." reads right only straight after the sentence that names the
// interview; a blind reader saw it after the reason ("This is due to an
// unexpected family emergency. I am grateful to you for organising it.")
// and after an apology ("Sorry for the trouble. Thanks for all your help
// setting it up."), where "it" points at them. In every channel, tone and
// situation, such a line follows only a sentence that names the interview.
func TestThanksItFollowsTheInterview(t *testing.T) {
	seen := 0
	for _, sit := range Situations() {
		reasons := ReasonsFor(sit)
		for _, ch := range Channels() {
			for _, tone := range Tones() {
				for i := range 90 {
					r := request(sit, reasons[i%len(reasons)], ch, tone, uint64(3000+53*i))
					r.Contact = contacts[i%len(contacts)].c
					if sit == SituationBeforeInterview {
						r.DeclinedOn = r.InterviewAt.AddDate(0, 0, -1-i%5)
					}
					if i%3 == 0 {
						r.Detail, r.DetailKind = docDetails[sit], docDetailKinds[sit]
					}
					l := mustCompose(t, r)
					for _, text := range []string{l.Body, l.Voicemail} {
						ss := splitSentences(text)
						for j, s := range ss {
							if !thanksIt(s) {
								continue
							}
							seen++
							prev := ""
							if j > 0 {
								prev = ss[j-1]
							}
							if itDangles(prev, s) {
								t.Errorf("%s/%s/%s: %q does not follow the sentence that names the interview:\n%s", sit, ch, tone, s, text)
							}
						}
					}
				}
			}
		}
	}
	if seen == 0 {
		t.Error("no letter thanked for arranging \"it\": the test reads nothing")
	}
}
