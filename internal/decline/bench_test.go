package decline

import (
	"strconv"
	"testing"
	"time"
)

// BenchmarkPolicy measures the promptness rules of one pending invitation
// and one sent decline: a deadline, a severity and a follow-up due time.
func BenchmarkPolicy(b *testing.B) {
	p := DefaultPolicy()
	now := time.Date(2026, 11, 20, 12, 0, 0, 0, time.UTC)
	at := now.Add(30 * time.Hour)
	inv := Invitation{ReceivedAt: now.Add(-20 * time.Hour), InterviewAt: &at, Pending: true}
	for b.Loop() {
		_ = p.Deadline(inv)
		_, _ = p.ResponseSeverity(inv, now)
		_ = p.FollowUpDue(now.Add(-80 * time.Hour))
		_, _ = p.FollowUpSeverity(now.Add(-80*time.Hour), now)
	}
}

// BenchmarkLetter measures what a decline preview costs in this package:
// writing one letter and running every check on it, over the situations,
// channels and tones in turn. The target is under 100 us a letter.
func BenchmarkLetter(b *testing.B) {
	var reqs []Request
	for _, sit := range []Situation{SituationInvitation, SituationBeforeInterview, SituationAfterInterview, SituationOffer} {
		for _, ch := range []Channel{ChannelEmail, ChannelPhone, ChannelMessage} {
			for _, tone := range []Tone{ToneFormal, ToneWarm} {
				reqs = append(reqs, request(sit, ReasonAnotherOffer, ch, tone, uint64(len(reqs))))
			}
		}
	}
	i := 0
	for b.Loop() {
		r := reqs[i%len(reqs)]
		i++
		l, err := Compose(r)
		if err != nil {
			b.Fatal(err)
		}
		_ = CheckLetter(l, Normalize(r))
	}
}

// BenchmarkFollowUp measures writing and checking one follow-up letter.
func BenchmarkFollowUp(b *testing.B) {
	r := FollowUpRequest{Company: "Northwind Traders", Role: "Senior Go Engineer", Contact: Contact{Name: "Sarah Johnson"},
		Situation: SituationInvitation, DeclineChannel: ChannelEmail, Tone: ToneWarm,
		Sender: Sender{Name: "Sam Lee", Email: "sam@example.com"}, DeclinedOn: time.Date(2026, 3, 2, 0, 0, 0, 0, time.UTC)}
	for b.Loop() {
		l, err := ComposeFollowUp(r)
		if err != nil {
			b.Fatal(err)
		}
		_ = CheckFollowUp(l, r)
	}
}

// BenchmarkLetterManyNames is BenchmarkLetter for a user with a thousand
// other applications: the checker looks for 2,000 of their names.
func BenchmarkLetterManyNames(b *testing.B) {
	r := request(SituationInvitation, ReasonAnotherOffer, ChannelEmail, ToneFormal, 1)
	for i := range 1000 {
		r.Others = append(r.Others, "Company "+strconv.Itoa(i), "Contact Person "+strconv.Itoa(i))
	}
	for b.Loop() {
		l, err := Compose(r)
		if err != nil {
			b.Fatal(err)
		}
		_ = CheckLetter(l, Normalize(r))
	}
}

// BenchmarkPreview is what POST .../decline/preview asks of this package
// (ComposeChecked): the request normalised once, the letter written and
// checked with the names of the user's other applications looked up by
// its keys (here three, as a callback would return them).
func BenchmarkPreview(b *testing.B) {
	var reqs []Request
	for _, sit := range []Situation{SituationInvitation, SituationBeforeInterview, SituationAfterInterview, SituationOffer} {
		for _, ch := range []Channel{ChannelEmail, ChannelPhone, ChannelMessage} {
			for _, tone := range []Tone{ToneFormal, ToneWarm} {
				reqs = append(reqs, request(sit, ReasonAnotherOffer, ch, tone, uint64(len(reqs))))
			}
		}
	}
	others := func([]string) ([]string, error) { return []string{"Initech", "Hooli", "Jane Doe"}, nil }
	i := 0
	for b.Loop() {
		r := reqs[i%len(reqs)]
		i++
		r.Others = nil
		if _, _, _, err := ComposeChecked(r, nil, others); err != nil {
			b.Fatal(err)
		}
	}
}
