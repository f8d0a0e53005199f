package decline

import (
	"regexp"
	"slices"
	"strings"
	"testing"
)

// detailCase is one detail in one role and grammatical shape, with the
// sentence shapes that may carry it.
type detailCase struct {
	kind   DetailKind
	shape  string
	detail string
	// carriers: a sentence that holds the detail must match one.
	carriers *regexp.Regexp
}

var detailCases = []detailCase{
	{DetailAppreciated, "gerund", "meeting the platform team", nil},
	{DetailAppreciated, "noun", "our discussion about the team's plans", nil},
	{DetailAppreciated, "clause", "It was a pleasure to meet Ana", nil},
	{DetailAppreciated, "person doing", "you taking the time to show me the office", nil},
	{DetailOffer, "noun", "another internship that focuses on design",
		regexp.MustCompile(`(accepted|said yes to|decided to accept) another internship`)},
	{DetailOffer, "clause", "Silverline's training programme lets me study in the evenings",
		regexp.MustCompile(`(accepted|said yes to) [a-z ]+, as Silverline's training programme`)},
	{DetailOffer, "clause that says it", "I have accepted a place at Silverline",
		// Whole, as a sentence or set after a short decline: "I must
		// decline, as I have accepted a place at Silverline."
		regexp.MustCompile(`(^(As [^,]+, )?|^[^,]+(, [^,]+)?, as )I have accepted a place at Silverline\.$`)},
	{DetailOffer, "gerund", "joining Silverline's graduate scheme",
		regexp.MustCompile(`(I am|I'm) joining Silverline's`)},
	{DetailReason, "noun", "an unexpected family emergency",
		// Set into the decline, after it or in front of its subject
		// ("Due to an unexpected family emergency, I ..."), or, where
		// the decline cannot take it, in a sentence on the decision.
		// It may also be the subject of a sentence on the decision
		// ("An unexpected family emergency has led me to this
		// decision.") or what the writer is dealing with.
		regexp.MustCompile(`(?i)((because of|due to|owing to) an unexpected family emergency(, I'm afraid)?(\.$|, I\b)|with an unexpected family emergency to attend to, I\b| – an unexpected family emergency, I'm afraid\.$|dealing with an unexpected family emergency( at the moment| just now)?\.$|^an unexpected family emergency (means|has|is) )`)},
	{DetailReason, "clause", "urgent family concerns keep me here",
		regexp.MustCompile(`(^Urgent|(: |that |, |because |as |since )urgent) family concerns keep me here\.$`)},
	{DetailReason, "gerund", "caring for my father this winter",
		regexp.MustCompile(`(I am|I'm) caring for my father this winter\.$`)},
}

// praiseFrames are the frames that thank or praise; a reason or the rival
// offer is never set into one ("Thank you, too, for an unexpected family
// emergency.", "I really valued another internship ...").
var praiseFrames = regexp.MustCompile(`(?i)thank|grateful|appreciat|valued|enjoy|pleasure|highlight|loved`)

// stockReasons mark our own reason sentences for location and another
// offer, which a detail in the role of the reason or the offer replaces.
var stockReasons = map[Reason]*regexp.Regexp{
	ReasonLocation:     regexp.MustCompile(`(?i)location|relocat|commute|distance|\bmov(e|ing)\b`),
	ReasonAnotherOffer: regexp.MustCompile(`(?i)accepted|said yes|taken a|committed|agreed to|c[ao]me through|signed|joining|start a new job|made me an offer|taken up`),
}

// TestDetailRoles writes letters with a detail in each role and shape, in
// every situation, tone, channel and many wordings, and checks that the
// detail is woven in grammatically in its role: what the user appreciated
// beside the thanks, a reason or the rival offer never in a frame of
// thanks or praise, and in place of the letter's own reason, never beside
// a second, contradicting one. Every letter passes every check.
func TestDetailRoles(t *testing.T) {
	for _, dc := range detailCases {
		for _, reason := range []Reason{ReasonLocation, ReasonAnotherOffer} {
			for _, sit := range Situations() {
				if !reason.FitsSituation(sit) {
					continue
				}
				for _, ch := range Channels() {
					for _, tone := range Tones() {
						for w := range uint64(12) {
							r := request(sit, reason, ch, tone, w)
							r.Detail, r.DetailKind = dc.detail, dc.kind
							l := mustCompose(t, r)
							assertAllOK(t, l, r)
							assertDetailRole(t, l, r, dc)
						}
					}
				}
			}
		}
	}
}

func assertDetailRole(t *testing.T, l Letter, r Request, dc detailCase) {
	t.Helper()
	ss := letterSentences(l, r.Channel)
	mark := dc.detail
	if dc.shape == "clause" && dc.kind == DetailReason {
		mark = "family concerns keep me here"
	}
	var holders []string
	for _, s := range ss {
		if strings.Contains(strings.ToLower(s), strings.ToLower(mark)) {
			holders = append(holders, s)
		}
	}
	where := string(dc.kind) + "/" + dc.shape + "/" + string(r.Reason) + "/" + string(r.Situation) + "/" + string(r.Channel) + "/" + string(r.Tone)
	if dc.kind == DetailAppreciated {
		if r.Channel == ChannelEmail && len(holders) != 1 {
			t.Errorf("%s: the detail is written %d times:\n%s", where, len(holders), l.Body)
		}
		for _, h := range holders {
			if dc.shape != "clause" && strings.EqualFold(strings.TrimSuffix(h, "."), dc.detail) {
				t.Errorf("%s: the detail, no sentence, stands as one: %q\n%s", where, h, l.Body)
			}
		}
		if first := splitSentences(withoutGreeting(l.Body)); len(first) > 0 && strings.Contains(first[0], mark) && afterSomething.MatchString(first[0]) {
			// "I particularly valued ..." as the first sentence sets
			// the detail beside nothing.
			t.Errorf("%s: the letter opens singling out its detail: %q\n%s", where, first[0], l.Body)
		}
		return
	}
	if len(holders) != 1 {
		t.Fatalf("%s: the detail is written %d times, want once:\n%s", where, len(holders), l.Body)
	}
	h := holders[0]
	// The part of the sentence that holds it: thanks may go before the
	// decline it is set into ("Thank you for ..., but because of ...,
	// I ...").
	part := h
	for _, join := range []string{", but ", " – "} {
		if i := strings.LastIndex(strings.ToLower(part), strings.ToLower(mark)); i >= 0 {
			if j := strings.LastIndex(part[:i], join); j >= 0 {
				part = part[j+len(join):]
			}
		}
	}
	if praiseFrames.MatchString(part) {
		t.Errorf("%s: a %s is set into thanks or praise: %q\n%s", where, dc.kind, h, l.Body)
	}
	if !dc.carriers.MatchString(h) {
		t.Errorf("%s: the detail is not woven as a %s %s should be: %q\n%s", where, dc.shape, dc.kind, h, l.Body)
	}
	for _, s := range ss {
		if s != h && stockReasons[r.Reason].MatchString(s) {
			t.Errorf("%s: a second reason %q beside the user's %q:\n%s", where, s, h, l.Body)
		}
	}
}

// TestDetailKindRead: a detail with no kind is read from its words only
// where they make it plain; otherwise the request is refused naming
// detail_kind, and an unknown kind is refused too.
func TestDetailKindRead(t *testing.T) {
	cases := []struct {
		detail string
		reason Reason
		want   DetailKind
	}{
		{"meeting the platform team", ReasonTiming, DetailAppreciated},
		{"your helpful explanation of the role", ReasonTiming, DetailAppreciated},
		{"the conversation about your on-call rota", ReasonTiming, DetailAppreciated},
		{"our meeting on Tuesday, November 24", ReasonRoleFit, DetailAppreciated},
		{"the clear way you described the role", ReasonRoleFit, DetailAppreciated},
		{"how quickly you made the offer", ReasonAnotherOffer, DetailAppreciated},
		{"It was a pleasure to meet Ana", ReasonTiming, DetailAppreciated},
		{"an unexpected family emergency", ReasonPersonalCircumstances, DetailReason},
		{"certain family matters", ReasonPersonalCircumstances, DetailReason},
		{"the responsibilities and time requirements of the role as described in the interview", ReasonRoleFit, DetailReason},
		{"urgent family concerns keep me here, so I took a one-year contract with JUM Trading", ReasonLocation, DetailReason},
		{"I've taken a contract with the BBC until June", ReasonAnotherOffer, DetailOffer},
		{"Silverline's training program in Dallas lets me pursue management", ReasonAnotherOffer, DetailOffer},
		{"another internship that focuses more directly on the skills I want", ReasonAnotherOffer, DetailOffer},
		{"the care in your job description", ReasonAnotherOffer, DetailAppreciated},
		{"the tour of the office where the role sits", ReasonAnotherOffer, DetailAppreciated},
		{"a role at Silverline", ReasonAnotherOffer, DetailOffer},
		{"the free lunches", ReasonTiming, ""},
		{"Silverline", ReasonAnotherOffer, ""},
	}
	for _, c := range cases {
		r := request(SituationOffer, c.reason, ChannelEmail, ToneFormal, 1)
		r.Detail = c.detail
		if got := detailKindOf(Normalize(r)); got != c.want {
			t.Errorf("%q (%s) is read as %q, want %q", c.detail, c.reason, got, c.want)
		}
		_, err := Compose(r)
		if c.want == "" {
			var ie *InputError
			if !asInputError(err, &ie) || !strings.Contains(ie.Fields["detail_kind"], "detail_kind") {
				t.Errorf("%q: err = %v, want an error naming detail_kind", c.detail, err)
			}
			r.DetailKind = DetailReason
			mustCompose(t, r) // with the kind given, it writes
		} else if err != nil {
			t.Errorf("%q: %v", c.detail, err)
		}
	}
	r := request(SituationOffer, ReasonTiming, ChannelEmail, ToneFormal, 1)
	r.Detail, r.DetailKind = "meeting the team", "compliment"
	_, err := Compose(r)
	assertInputError(t, err, map[string]string{"detail_kind": "detail_kind must be one of appreciated, offer, reason"})
	if k, ok := ParseDetailKind(" Offer "); !ok || k != DetailOffer {
		t.Errorf("ParseDetailKind = %q, %v", k, ok)
	}
}

func asInputError(err error, ie **InputError) bool {
	e, ok := err.(*InputError)
	*ie = e
	return ok
}

// restated is an "X, so Y" sentence whose X already does what Y says: "I
// am withdrawing, so I must cancel", "I have accepted a position with
// another company, so I have decided to decline".
var restated = regexp.MustCompile(`(?i)\bI('ve| have| am|'m)?\b[^,]*(withdraw|accepted|pulling out|step back|taken a|said yes)[^,]*, so (I|please)[^.]*(cancel|attend|decline|not be|won't|call|make it|turn|say no|take me out|there|taking)`)

// TestDecisionSaidOnce: no letter states one act twice as cause and
// effect, in any situation, reason, channel, tone or wording.
func TestDecisionSaidOnce(t *testing.T) {
	for r := range drawnRequests() {
		for _, reason := range []Reason{r.Reason, ReasonAnotherOffer} {
			r.Reason = reason
			l := mustCompose(t, r)
			for _, s := range letterSentences(l, r.Channel) {
				if restated.MatchString(s) {
					t.Errorf("%s/%s/%s: the decision is said twice: %q", r.Situation, r.Channel, r.Tone, s)
				}
			}
		}
	}
}

// TestInternshipIsNoJob: a letter for an internship or a residency never
// calls it, or the place taken instead, a job.
func TestInternshipIsNoJob(t *testing.T) {
	job := regexp.MustCompile(`(?i)\b(a|another|new) job\b`)
	for _, role := range []string{"Communications Intern", "Summer Internship", "Surgical Residency"} {
		for _, sit := range Situations() {
			for _, reason := range ReasonsFor(sit) {
				if reason == ReasonOther {
					continue // the user's own words may say "job"
				}
				for _, ch := range Channels() {
					for _, tone := range Tones() {
						for w := range uint64(10) {
							r := request(sit, reason, ch, tone, w)
							r.Role = role
							if l := mustCompose(t, r); job.MatchString(l.Body) {
								t.Errorf("%s/%s/%s/%s: the %s is called a job:\n%s", role, sit, reason, ch, role, l.Body)
							}
						}
					}
				}
			}
		}
	}
}

// TestFramingDetail: a detail that frames the decision ("as I explained
// when we spoke this morning") opens the sentence that gives the reason,
// which is kept; with no reason, it opens the decline. It is never left a
// sentence of its own.
func TestFramingDetail(t *testing.T) {
	const frame = "as I explained when we spoke by telephone this morning"
	for _, reason := range []Reason{ReasonAnotherOffer, ReasonPersonalCircumstances, ReasonNone, ReasonOther} {
		for _, tone := range Tones() {
			for w := range uint64(20) {
				r := request(SituationOffer, reason, ChannelEmail, tone, w)
				r.Detail = frame
				l := mustCompose(t, r)
				assertAllOK(t, l, r)
				var held string
				for _, s := range letterSentences(l, ChannelEmail) {
					if strings.Contains(s, "explained") {
						held = s
					}
				}
				if !strings.HasPrefix(held, "As I explained when we spoke by telephone this morning, ") {
					t.Fatalf("%s/%s: the frame is not set before a sentence: %q\n%s", reason, tone, held, l.Body)
				}
				rest := strings.TrimPrefix(held, "As I explained when we spoke by telephone this morning, ")
				switch {
				case reason == ReasonNone && !declines(words(rest)):
					t.Errorf("%s/%s: the frame opens %q, not the decline:\n%s", reason, tone, rest, l.Body)
				case reason == ReasonAnotherOffer && !stockReasons[reason].MatchString(rest):
					t.Errorf("%s/%s: the frame opens %q, not the reason:\n%s", reason, tone, rest, l.Body)
				case reason == ReasonOther && !strings.Contains(rest, "Lyon"):
					t.Errorf("%s/%s: the frame opens %q, not the user's reason:\n%s", reason, tone, rest, l.Body)
				}
				if countWords(rest) < 4 || slices.Contains([]string{"I", "It"}, strings.TrimSuffix(rest, ".")) {
					t.Errorf("%s/%s: the frame stands nearly alone: %q", reason, tone, held)
				}
			}
		}
	}
}

// TestNoVerblessJoin: thanks without a verb ("With thanks for your time")
// never take ", and" and a clause after them, in any letter.
func TestNoVerblessJoin(t *testing.T) {
	bad := regexp.MustCompile(`(^|\. )With [^.]*, and (it|I|I'd|I'm|I'll|let's|please|do)\b`)
	for r := range drawnRequests() {
		if r.Channel != ChannelEmail {
			continue
		}
		r.Detail = drawnDetails[r.Variant%uint64(len(drawnDetails))]
		if l := mustCompose(t, r); bad.MatchString(l.Body) {
			t.Errorf("%s/%s: a verbless thanks joined to a clause:\n%s", r.Situation, r.Tone, l.Body)
		}
	}
}

// TestEventEnjoyed: a meeting or a conversation the user appreciated is
// something they enjoyed or are grateful for, never "appreciated" or
// "valued" as if it were a favour ("In particular, I appreciated our
// meeting on Tuesday, November 24.").
func TestEventEnjoyed(t *testing.T) {
	for r := range drawnRequests() {
		if r.Channel != ChannelEmail {
			continue
		}
		r.Detail = "our meeting on Tuesday, November 24"
		l := mustCompose(t, r)
		for _, s := range letterSentences(l, r.Channel) {
			if strings.Contains(s, "our meeting on Tuesday") && regexp.MustCompile(`appreciated|valued`).MatchString(s) {
				t.Errorf("%s/%s: %q", r.Situation, r.Tone, s)
			}
		}
	}
}

// appreciatedAt is a detail the user appreciated that is true at the
// stage sit declines: nobody has met the platform team before an
// interview.
func appreciatedAt(sit Situation) string {
	switch sit {
	case SituationWithdrawal:
		return "hearing back so quickly"
	case SituationInvitation:
		return "hearing about the team's plans"
	case SituationBeforeInterview:
		return "speaking with you on the phone last week"
	}
	return "meeting the platform team"
}

// TestParticipleIsNoVerb: a detail whose only verb-like word is a past
// participle after its noun ("the knowledge demonstrated by your team",
// "the questions asked during the interview") is a noun phrase, woven
// into a sentence; one with a verb of its own is a sentence.
func TestParticipleIsNoVerb(t *testing.T) {
	for d, want := range map[string]bool{
		"the professionalism and knowledge demonstrated by your team during the interview process": false,
		"the questions asked during the interview":                                                 false,
		"the team explained the role in detail":                                                    true,
		"Ana walked me through the product":                                                        true,
		"the responsibilities and time requirements described in the interview":                    false,
		"the salary offered for the role":                                                          false,
		"my partner moved to Lyon":                                                                 true,
	} {
		if got := isSentence(d); got != want {
			t.Errorf("isSentence(%q) = %v, want %v", d, got, want)
		}
	}
	for _, tone := range Tones() {
		for w := range uint64(20) {
			r := request(SituationOffer, ReasonTiming, ChannelEmail, tone, w)
			r.Detail, r.DetailKind = "the professionalism and knowledge demonstrated by your team during the interview process", DetailAppreciated
			l := mustCompose(t, r)
			for _, s := range splitSentences(l.Body) {
				if strings.EqualFold(strings.TrimSuffix(s, "."), r.Detail) || strings.Contains(s, "process was") {
					t.Fatalf("the detail stands alone as a sentence with no verb, or its two nouns take 'was':\n%s", l.Body)
				}
			}
		}
	}
}
