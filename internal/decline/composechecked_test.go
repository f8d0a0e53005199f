package decline

import (
	"errors"
	"reflect"
	"slices"
	"strings"
	"testing"
)

// TestComposeChecked: the preview's one call gives what Compose, Normalize
// and CheckLetterNames give in turn, edits included, for messy values and
// every situation, channel and tone.
func TestComposeChecked(t *testing.T) {
	others := func(keys []string) ([]string, error) { return []string{"Initech", "Maria"}, nil }
	for _, sit := range []Situation{SituationInvitation, SituationBeforeInterview, SituationAfterInterview, SituationOffer} {
		for _, ch := range []Channel{ChannelEmail, ChannelPhone, ChannelMessage} {
			for _, tone := range []Tone{ToneFormal, ToneWarm} {
				for _, edited := range []bool{false, true} {
					r := request(sit, ReasonOther, ch, tone, 7)
					r.Others = nil
					r.Company, r.Role, r.Tone = "  Northwind   Traders ", "senior Go engineer\t", " "+tone+" "
					edit := func(l *Letter) {
						if edited {
							l.Body = "Hi,\n\nNo thanks, Initech.\n\nSam"
						}
					}
					want, err := Compose(r)
					if err != nil {
						t.Fatal(err)
					}
					edit(&want)
					wantReq, wantChecks, err := CheckLetterNames(want, Normalize(r), others)
					if err != nil {
						t.Fatal(err)
					}
					gotReq, got, gotChecks, err := ComposeChecked(r, edit, others)
					if err != nil {
						t.Fatal(err)
					}
					if got != want || !reflect.DeepEqual(gotReq, wantReq) || !reflect.DeepEqual(gotChecks, wantChecks) {
						t.Errorf("%s %s %s edited=%v: ComposeChecked differs from Compose and CheckLetterNames:\n%+v\n%+v\n%+v\n%+v",
							sit, ch, tone, edited, got, want, gotChecks, wantChecks)
					}
				}
			}
		}
	}
	// An invalid request is Compose's error, and the request as given.
	r := request(SituationOffer, ReasonOther, ChannelEmail, ToneWarm, 1)
	r.Channel = "pigeon"
	_, wantErr := Compose(r)
	gotReq, _, _, err := ComposeChecked(r, nil, others)
	var ie *InputError
	if !errors.As(err, &ie) || err.Error() != wantErr.Error() || gotReq.Channel != "pigeon" {
		t.Errorf("invalid channel: got %v (%q), want %v", err, gotReq.Channel, wantErr)
	}
	// The lookup's error comes back.
	boom := errors.New("boom")
	if _, _, _, err := ComposeChecked(request(SituationOffer, ReasonOther, ChannelEmail, ToneWarm, 1), nil,
		func([]string) ([]string, error) { return nil, boom }); !errors.Is(err, boom) {
		t.Errorf("lookup error: got %v", err)
	}
	// Without a lookup the request's own Others stand: a pasted name of
	// another application is still caught, and nothing panics.
	r = request(SituationOffer, ReasonOther, ChannelEmail, ToneWarm, 1)
	r.Others = []string{"Initech"}
	paste := func(l *Letter) { l.Body = strings.Replace(l.Body, "Northwind Traders", "Initech", 1) }
	gotReq, _, checks, err := ComposeChecked(r, paste, nil)
	if err != nil || !reflect.DeepEqual(gotReq.Others, []string{"Initech"}) || !slices.ContainsFunc(checks, func(c Check) bool { return !c.OK && strings.Contains(c.Hint, "Initech") }) {
		t.Errorf("nil lookup: err %v, Others %v, checks %+v", err, gotReq.Others, checks)
	}
}
