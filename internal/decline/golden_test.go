package decline

import (
	"fmt"
	"testing"
	"time"
)

// goldenContacts give each golden letter a different kind of contact.
var goldenContacts = []Contact{{Name: "Sarah Johnson"}, {Name: "Paula Lima", Title: "Dr."}, {Name: "Talent Team"}, {}, {Name: "Ana Souza"}}

func TestGolden(t *testing.T) {
	for i, sit := range Situations() {
		for j, ch := range Channels() {
			tone := Tones()[(i+j)%2]
			name := fmt.Sprintf("%s_%s_%s", sit, ch, tone)
			t.Run(name, func(t *testing.T) {
				reason := ReasonsFor(sit)[(i*3+j)%len(ReasonsFor(sit))]
				r := request(sit, reason, ch, tone, uint64(i*3+j))
				r.Contact = goldenContacts[(i+j)%len(goldenContacts)]
				if sit == SituationBeforeInterview {
					r.DeclinedOn = r.InterviewAt.AddDate(0, 0, -j-1) // the day before, and two and three days ahead
				}
				if sit == SituationAfterInterview {
					r.Detail = "the conversation about your on-call rota"
				}
				l := mustCompose(t, r)
				assertGolden(t, name, fmt.Sprintf("Reason: %s\nContact: %+v\nSubject: %s\n\n%s\n", reason, r.Contact, l.Subject, l.Body)+
					voicemailText(l))
			})
		}
	}
}

func voicemailText(l Letter) string {
	if l.Voicemail == "" {
		return ""
	}
	return "\nVoicemail:\n" + l.Voicemail + "\n"
}

func TestGoldenFollowUps(t *testing.T) {
	base := FollowUpRequest{Company: "Northwind Traders", Role: "Senior Go Engineer", Contact: Contact{Name: "Sarah Johnson"},
		Situation: SituationInvitation, Tone: ToneWarm, Sender: Sender{Name: "Sam Lee", Email: "sam@example.com"},
		DeclinedOn: time.Date(2026, 3, 2, 0, 0, 0, 0, time.UTC), Variant: 3}
	tests := map[string]func(*FollowUpRequest){
		"followup_confirm_email": func(r *FollowUpRequest) { r.DeclineChannel = ChannelEmail },
		"followup_after_call": func(r *FollowUpRequest) {
			r.DeclineChannel, r.Situation, r.Tone = ChannelPhone, SituationOffer, ToneFormal
		},
		"followup_confirm_message": func(r *FollowUpRequest) { r.DeclineChannel, r.Situation = ChannelMessage, SituationAfterInterview },
		"followup_thanks":          func(r *FollowUpRequest) { r.Kind, r.Contact = FollowUpThanks, Contact{Name: "Dr. Paula Lima"} },
	}
	for name, edit := range tests {
		t.Run(name, func(t *testing.T) {
			r := base
			edit(&r)
			l, err := ComposeFollowUp(r)
			if err != nil {
				t.Fatal(err)
			}
			assertGolden(t, name, "Subject: "+l.Subject+"\n\n"+l.Body+"\n")
		})
	}
}

func TestEveryFollowUpPassesEveryCheck(t *testing.T) {
	for _, sit := range Situations() {
		for _, ch := range Channels() {
			for _, kind := range followUpKinds {
				for _, tone := range Tones() {
					for i, ct := range contacts {
						r := FollowUpRequest{Company: "Bluebird Health", Role: "Data Analyst", Contact: ct.c, Situation: sit,
							DeclineChannel: ch, Kind: kind, Tone: tone, Sender: Sender{Name: "Sam Lee"},
							DeclinedOn: time.Date(2026, 3, 2, 0, 0, 0, 0, time.UTC), Variant: uint64(i)}
						l, err := ComposeFollowUp(r)
						if err != nil {
							t.Fatal(err)
						}
						for _, c := range CheckFollowUp(l, r) {
							if !c.OK {
								t.Errorf("%s/%s/%s: %s failed: %s\n%s", sit, ch, kind, c.Rule, c.Hint, l.Body)
							}
						}
						if ch == ChannelPhone && l.Subject == "" {
							t.Errorf("after a call the follow-up is no e-mail:\n%s", l.Body)
						}
					}
				}
			}
		}
	}
}
