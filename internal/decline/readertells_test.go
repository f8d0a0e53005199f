package decline

import (
	"slices"
	"strings"
	"testing"
)

// TestReaderTells: what a blind reader quoted from letters the tracker
// wrote for published situations does not come back, across variants: a
// burden whose words say when ("at this point") is not followed by a
// "just now" of ours; a chat note's apology does not hedge twice ("sorry,
// but I'm afraid"); a warm e-mail to a title and surname opens "Dear",
// not "Hi Mr. Ortiz"; "in particular" singles a detail out of nothing
// but thanks for an offer; a cancelling call neither thanks for
// "thinking of me" nor says it has withdrawn.
func TestReaderTells(t *testing.T) {
	for v := range uint64(60) {
		for _, tone := range Tones() {
			r := request(SituationOffer, ReasonPersonalCircumstances, ChannelEmail, tone, v)
			r.Contact = Contact{Name: "Daniel Ortiz", Title: "Mr.", GreetingName: "Mr. Ortiz"}
			r.Detail, r.DetailKind = "urgent family concerns that make it impossible for me to relocate at this point", DetailReason
			body := mustCompose(t, r).Body
			for _, twice := range []string{"at this point just now", "at this point at the moment", "currently dealing with urgent family concerns that make it impossible for me to relocate at this point"} {
				if strings.Contains(body, twice) {
					t.Errorf("says when twice (%q):\n%s", twice, body)
				}
			}
			if !strings.HasPrefix(body, "Dear Mr. Ortiz,") {
				t.Errorf("%s e-mail to a title and surname opens %q", tone, strings.SplitN(body, "\n", 2)[0])
			}

			// A decline right after the user's appreciation says what it
			// declines: "... meant a great deal to me. Unfortunately, I
			// will not be accepting it." (after "Westfield Supply Co.",
			// whose full stop keeps the reason out of the decline).
			r = request(SituationOffer, ReasonLocation, ChannelEmail, tone, v)
			r.Company = "Westfield Supply Co."
			r.Detail, r.DetailKind = "the time and effort you and your team invested in the interview process", DetailAppreciated
			body = mustCompose(t, r).Body
			ss := splitSentences(withoutGreeting(body))
			for i, s := range ss[:len(ss)-1] {
				if strings.Contains(s, "time and effort") && slices.Contains(words(strings.Trim(ss[i+1], "."))[1:], "it") {
					t.Errorf("%q points its it at the detail:\n%s", ss[i+1], body)
				}
			}

			if strings.Contains(body, "afraid because") {
				t.Errorf("a reason hangs on a tag:\n%s", body)
			}

			// "currently dealing with commitments in my current role"
			// said when twice.
			r = request(SituationBeforeInterview, ReasonTiming, ChannelEmail, tone, v)
			r.Detail, r.DetailKind = "commitments in my current role", DetailReason
			if body := mustCompose(t, r).Body; strings.Contains(body, "currently dealing") || strings.Contains(body, "role just now") {
				t.Errorf("says when twice beside %q:\n%s", r.Detail, body)
			}

			// A call that cancels thanks for no "thinking of me" (the
			// candidate applied) and says it is withdrawing, not that it
			// has withdrawn, as its written twins do.
			r = request(SituationBeforeInterview, ReasonPersonalCircumstances, ChannelPhone, tone, v)
			r.Contact = Contact{Name: "Talent Team"}
			if l := mustCompose(t, r); containsFold(l.Body+l.Voicemail, "thinking of me") || containsFold(l.Body+l.Voicemail, "'ve withdrawn") {
				t.Errorf("a cancelling call thanks for thinking of me or says it has withdrawn:\n%s\n%s", l.Body, l.Voicemail)
			}

			r = request(SituationBeforeInterview, ReasonAnotherOffer, ChannelMessage, tone, v)
			if body := mustCompose(t, r).Body; containsFold(body, "sorry, but I'm afraid") || containsFold(body, "sorry, but I am afraid") {
				t.Errorf("a note hedges twice:\n%s", body)
			}

			r = request(SituationOffer, ReasonCompensation, ChannelEmail, tone, v)
			r.Detail, r.DetailKind = "the work you are doing in the technology sector", DetailAppreciated
			body = mustCompose(t, r).Body
			for _, s := range splitSentences(body) {
				if singlesOut.MatchString(s) && strings.Contains(s, "technology sector") {
					before := body[:strings.Index(body, s)]
					if !singledFrom.MatchString(lastSentences(before, 1)) {
						t.Errorf("%q singles the detail out of %q:\n%s", s, lastSentences(before, 1), body)
					}
				}
			}
		}
	}
}
