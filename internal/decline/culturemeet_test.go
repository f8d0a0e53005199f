package decline

import (
	"strings"
	"testing"
)

// TestCultureFitBesideMeetingDetail: an offer declined for culture fit
// whose detail already speaks of the meetings or the team ("meeting the
// platform team") gives a reason that names no meeting. "Meeting the team
// helped me see ..." a few sentences after "Meeting the platform team was
// a real pleasure" says the meetings twice; it did in about 3 letters of
// 400.
func TestCultureFitBesideMeetingDetail(t *testing.T) {
	details := []string{"meeting the platform team", "our discussion about the team's plans",
		"the conversation about your on-call rota", "talking with the engineers"}
	// The openings of the reasons that speak of the meetings, as a
	// letter writes them after a lead or ", as".
	var meetingReasons []string
	for _, list := range reasonsAfterMeeting[ReasonCultureFit] {
		for _, s := range list {
			ws := strings.Fields(strings.ToLower(strings.TrimPrefix(s, "^")))
			meetingReasons = append(meetingReasons, strings.Join(ws[:4], " "))
		}
	}
	n := 0
	for _, sit := range []Situation{SituationOffer, SituationAfterInterview} {
		for _, ch := range Channels() {
			for _, tone := range Tones() {
				for v := range uint64(25) {
					for _, d := range details {
						r := request(sit, ReasonCultureFit, ch, tone, v)
						r.Detail, r.DetailKind = d, DetailAppreciated
						if v%2 == 1 {
							r.English = EnglishUS
						}
						l := mustCompose(t, r)
						body := strings.ToLower(l.Body)
						for _, m := range meetingReasons {
							if strings.Contains(body, m) {
								n++
								if n <= 5 {
									t.Errorf("%s %s %s, detail %q: the reason speaks of the meetings again (%q):\n%s", sit, ch, tone, d, m, l.Body)
								}
							}
						}
					}
				}
			}
		}
	}
	if n > 0 {
		t.Errorf("%d letters give a culture-fit reason that speaks of the meetings after a detail that did", n)
	}
	// Without such a detail the reason may still say what the meetings
	// showed: the rule is narrow.
	r := request(SituationOffer, ReasonCultureFit, ChannelEmail, ToneFormal, 0)
	r.Detail, r.DetailKind = "how quickly you made the offer", DetailAppreciated
	if detailOfMeetings(r) {
		t.Errorf("detailOfMeetings(%q) = true, want false", r.Detail)
	}
}
