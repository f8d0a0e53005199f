package decline

import (
	"slices"
	"testing"
)

// TestOffersMemo: the offers remembered for a request's offersKey are
// those read afresh for it, for every table, situation, offer, tone,
// reason, detail, channel, signature and reader, asked in an order that
// has many requests share a key.
func TestOffersMemo(t *testing.T) {
	tables := []struct {
		list  func(r Request) []string
		bySit map[Situation]map[Offer]toned
	}{
		{func(r Request) []string { return offerSentences[r.Offer][r.Tone] }, offersBySituation},
		{func(r Request) []string { return shortOffers[r.Offer][r.Tone] }, shortOffersBySituation},
		{func(r Request) []string { return spokenOfferSentences[r.Offer][r.Tone] }, spokenOffersBySit},
	}
	details := []struct{ detail, kind string }{{"", ""}, {"another company's offer", ""}, {"a role closer to home", "reason"},
		{"the way you described the team", "appreciated"}, {"another offer came first", "offer"}}
	senders := []Sender{{Name: "Sam Lee"}, {Name: "Sam Lee", Email: "sam@example.com"}, {Name: "Sam Lee", Link: "https://example.com"}}
	n := 0
	for _, reason := range []Reason{ReasonAnotherOffer, ReasonOther, ReasonTiming, ReasonNone} {
		for _, d := range details {
			for _, ch := range Channels() {
				for _, snd := range senders {
					for _, interviewed := range []bool{false, true} {
						for _, sit := range Situations() {
							for _, o := range Offers() {
								for _, tone := range Tones() {
									for _, ct := range contacts {
										r := normalizeRequest(request(sit, reason, ch, tone, 1))
										r.Offer, r.Contact, r.Sender, r.Interviewed = o, ct.c, snd, interviewed
										r.Detail, r.DetailKind = d.detail, DetailKind(d.kind)
										for _, tb := range tables {
											want := readOffersFor(r, tb.list(r), tb.bySit)
											if got := offersFor(r, tb.list(r), tb.bySit); !slices.Equal(got, want) {
												t.Fatalf("%s/%s/%s/%s/%s %+v: offersFor = %q, read afresh %q", sit, o, tone, ch, ct.name, r, got, want)
											}
											n++
										}
									}
								}
							}
						}
					}
				}
			}
		}
	}
	t.Logf("%d requests", n)
}
