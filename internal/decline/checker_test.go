package decline

import (
	"reflect"
	"slices"
	"strings"
	"testing"
)

// checkReq is the request the checker table's letters were written for.
var checkReq = Request{Company: "Northwind Traders", Role: "Data Analyst", Contact: Contact{Name: "Maria Anders"},
	Reason: ReasonTiming, Sender: Sender{Name: "Sam Lee"}}

// politeBody is a good letter; the table swaps parts of it.
const politeBody = `Dear Maria Anders,

I am writing to decline your invitation to interview for the Data Analyst role at Northwind Traders. Thank you for your time and for considering me.

The timing is not right for me at the moment. I would be glad to stay in touch and to refer anyone suitable.

I wish everyone at Northwind Traders every success with the search.

Kind regards,
Sam Lee`

// verdicts maps rule names to the expected OK.
type verdicts map[string]bool

func TestCheckLetterTable(t *testing.T) {
	tests := []struct {
		name string
		body string
		want verdicts
	}{
		// respectful: harsh words, matched on whole words
		{"waste of time", "That interview process was a waste of time.", verdicts{RuleRespectful: false}},
		{"assessment is fine", "I appreciated the assessment.", verdicts{RuleRespectful: true, RuleGratitude: true}},
		{"Scunthorpe", "I live near Scunthorpe and Middlesex, and I passed the class.", verdicts{RuleRespectful: true}},
		{"lowball hyphen", "Your low-ball offer was a surprise.", verdicts{RuleRespectful: false}},
		{"lowball curly dash", "That was a low\u2011ball offer.", verdicts{RuleRespectful: false}},
		{"lowball one word", "Frankly, a LOWBALL package.", verdicts{RuleRespectful: false}},
		{"disorganised", "The process felt disorganised.", verdicts{RuleRespectful: false}},
		{"disorganized", "Your recruiters are disorganized.", verdicts{RuleRespectful: false}},
		{"toxic", "The team seemed toxic.", verdicts{RuleRespectful: false}},
		{"unprofessional", "Your recruiter was unprofessional and rude.", verdicts{RuleRespectful: false}},
		{"insulting", "Honestly the salary was insulting.", verdicts{RuleRespectful: false}},
		{"ridiculous", "The take-home test was ridiculous.", verdicts{RuleRespectful: false}},
		{"joke", "The offer is a joke.", verdicts{RuleRespectful: false}},
		{"scam", "This looks like a scam.", verdicts{RuleRespectful: false}},
		{"underpaid", "I would be underpaid there.", verdicts{RuleRespectful: false}},
		{"cheap", "The company is cheap.", verdicts{RuleRespectful: false}},
		{"red flag", "There were several red flags during the interview.", verdicts{RuleRespectful: false}},
		{"bait and switch", "It was a bait-and-switch.", verdicts{RuleRespectful: false}},
		{"not worth", "The role is not worth my time.", verdicts{RuleRespectful: false}},
		{"beneath me", "Frankly the position is beneath me.", verdicts{RuleRespectful: false}},
		{"greedy", "Your greedy founders should pay more.", verdicts{RuleRespectful: false}},
		{"hate", "I hate open-plan offices like yours.", verdicts{RuleRespectful: false}},
		{"curly apostrophe", "Your process sucks and it\u2019s chaotic.", verdicts{RuleRespectful: false}},
		{"incompetent interviewer", "The interviewer was clueless, even incompetent.", verdicts{RuleRespectful: false}},
		{"exploitative", "The hours are exploitative.", verdicts{RuleRespectful: false}},
		{"worst", "It was the worst interview I have had.", verdicts{RuleRespectful: false}},
		{"disappointing", "The offer was disappointing.", verdicts{RuleRespectful: false}},
		{"polite pay", "The package is not the right match for my current needs.", verdicts{RuleRespectful: true}},
		{"polite culture", "I am looking for a somewhat different team culture.", verdicts{RuleRespectful: true}},
		{"class and passion", "I enjoyed the classy office and the passionate team.", verdicts{RuleRespectful: true}},
		// clear: the decline in plain words in the first two sentences
		{"unfortunately alone", "Unfortunately I must inform you of my decision.", verdicts{RuleClear: false}},
		{"regret without saying what", "Dear Maria,\nI regret to say this. It has been a hard week. It is a lot.\n\nI will not attend.", verdicts{RuleClear: false}},
		{"decline", "Dear Maria,\nI must respectfully decline the offer.", verdicts{RuleClear: true}},
		{"withdraw second sentence", "Thank you for your time. I have decided to withdraw my application.", verdicts{RuleClear: true, RuleGratitude: true}},
		{"not be moving forward", "Hello,\nI will not be moving forward with the interview.", verdicts{RuleClear: true}},
		{"not able to accept", "I regret that I won't be able to accept your offer.", verdicts{RuleClear: true}},
		{"turn down", "After some thought I am turning down the offer.", verdicts{RuleClear: true}},
		{"greeting with abbreviation", "Dear Dr. Anders,\nI am writing to decline the invitation.", verdicts{RuleClear: true}},
		// gratitude
		{"no thanks", "I decline the offer.", verdicts{RuleGratitude: false}},
		{"grateful", "I am grateful for the chance.", verdicts{RuleGratitude: true}},
		// offer
		{"keep in touch", "Let's keep in touch.", verdicts{RuleOffer: true}},
		{"happy to recommend", "I am happy to recommend a former colleague.", verdicts{RuleOffer: true}},
		{"reach me", "You can reach me at sam@example.com.", verdicts{RuleOffer: true}},
		{"no offer", "I decline.", verdicts{RuleOffer: false}},
		{"pass it on", "I will pass it on to anyone suitable.", verdicts{RuleOffer: true}},
		{"pass the role on", "I will pass the role on to friends.", verdicts{RuleOffer: true}},
		// brief_reason
		{"no reason is fine", "I decline the offer. Thank you.", verdicts{RuleBriefReason: true}},
		{"one reason", "I decline because the commute is too far for me.", verdicts{RuleBriefReason: true}},
		{"three reasons", "I decline because the commute is long. Also the salary does not work for my family. And the timing is off since I just moved.",
			verdicts{RuleBriefReason: false}},
		{"one long reason", "I decline because " + strings.Repeat("of many things and ", 10) + "so on.", verdicts{RuleBriefReason: false}},
		// personal and signed on a whole letter
		{"polite letter", politeBody, verdicts{RuleClear: true, RuleGratitude: true, RuleBriefReason: true, RuleRespectful: true,
			RuleOffer: true, RulePersonal: true, RuleSigned: true, RuleLength: true}},
		{"placeholder name", strings.Replace(politeBody, "Maria Anders", "[Name]", 1), verdicts{RulePersonal: false}},
		{"placeholder braces", politeBody + "\n{{.Company}}", verdicts{RulePersonal: false}},
		{"placeholder todo", politeBody + "\nTODO: add phone", verdicts{RulePersonal: false}},
		{"placeholder printf", politeBody + "\n%s", verdicts{RulePersonal: false}},
		{"placeholder angle", politeBody + "\n<company>", verdicts{RulePersonal: false}},
		{"company and role missing", strings.ReplaceAll(strings.ReplaceAll(politeBody, "Northwind Traders", "your company"), "Data Analyst", "open"), verdicts{RulePersonal: false}},
		{"unsigned", strings.TrimSuffix(politeBody, "Sam Lee"), verdicts{RuleSigned: false}},
		{"signed with first name", strings.Replace(politeBody, "Sam Lee", "Sam", 1), verdicts{RuleSigned: true}},
		{"too short", "Dear Maria Anders, I decline. Thanks. Sam Lee", verdicts{RuleLength: false}},
		{"too long", politeBody + strings.Repeat(" More words here.", 80), verdicts{RuleLength: false}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			assertVerdicts(t, CheckLetter(Letter{Body: tt.body}, checkReq), tt.want)
		})
	}
}

// assertVerdicts checks the rules named in want, and that every rule is
// reported once, in order.
func assertVerdicts(t *testing.T, checks []Check, want verdicts) {
	t.Helper()
	order := Rules()
	got := make([]string, len(checks))
	for i, c := range checks {
		got[i] = c.Rule
		if c.Hint == "" {
			t.Errorf("%s has no hint", c.Rule)
		}
		if w, ok := want[c.Rule]; ok && c.OK != w {
			t.Errorf("%s: OK = %v, want %v (hint: %s)", c.Rule, c.OK, w, c.Hint)
		}
	}
	if !slices.Equal(got, order) {
		t.Errorf("rules = %v, want %v", got, order)
	}
}

func TestRespectfulHintQuotesTheWord(t *testing.T) {
	checks := CheckLetter(Letter{Body: "That was a waste of time, and the salary was a joke."}, checkReq)
	hint := checks[3].Hint
	for _, want := range []string{`"waste of time"`, `"joke"`} {
		if !strings.Contains(hint, want) {
			t.Errorf("hint %q does not quote %s", hint, want)
		}
	}
}

func TestUserValuesAreNotJudged(t *testing.T) {
	r := request(SituationOffer, ReasonNone, ChannelEmail, ToneFormal, 5)
	r.Company, r.Role, r.Contact.Name = "Garbage Pail {{Kids}} Ltd", "Waste of Time Analyst [Senior]", "<name>"
	assertAllOK(t, mustCompose(t, r), r)
}

func TestSeverities(t *testing.T) {
	checks := CheckLetter(Letter{}, Request{})
	want := map[string]string{RuleClear: SeverityError, RuleGratitude: SeverityError, RuleBriefReason: SeverityWarning,
		RuleRespectful: SeverityError, RuleOffer: SeverityWarning, RulePersonal: SeverityError, RuleSigned: SeverityError, RuleLength: SeverityWarning,
		RuleWrongName: SeverityError, RuleShouting: SeverityError, RuleEmoji: SeverityWarning}
	for _, c := range checks {
		if c.Severity != want[c.Rule] {
			t.Errorf("%s severity %q, want %q", c.Rule, c.Severity, want[c.Rule])
		}
	}
	var failed []string
	for _, c := range FailedErrors(checks) {
		failed = append(failed, c.Rule)
	}
	if w := []string{RuleClear, RuleGratitude, RuleSigned}; !slices.Equal(failed, w) {
		t.Errorf("FailedErrors = %v, want %v", failed, w)
	}
}

func TestSplitSentences(t *testing.T) {
	got := splitSentences("Dear Maria,\nI decline. Mail me at sam@example.com! Is 3.5 ok?No\n\nBye")
	want := []string{"Dear Maria,", "I decline.", "Mail me at sam@example.com!", "Is 3.5 ok?No", "Bye"}
	if !slices.Equal(got, want) {
		t.Errorf("splitSentences = %q, want %q", got, want)
	}
}

// TestNoOfferIsAChoice: a letter that offers nothing is never blocked by
// the offer rule. With the offer none, chosen or the default of the
// situation (a withdrawal, a cancelled interview), the rule passes and
// says so; with an offer chosen but not written, it warns and does not
// block sending.
func TestNoOfferIsAChoice(t *testing.T) {
	l := Letter{Subject: "My application – Sam Lee", Body: "Dear Ms Johnson,\n\nI would like to withdraw my application for the " +
		"Senior Go Engineer position. I have accepted a role elsewhere. Thank you for your time and consideration.\n\nKind regards,\nSam Lee"}
	base := Request{Company: "Northwind Traders", Role: "Senior Go Engineer", Contact: Contact{Name: "Sarah Johnson", Title: "Ms"},
		Situation: SituationWithdrawal, Reason: ReasonAnotherOffer, Sender: Sender{Name: "Sam Lee"}}
	for _, tc := range []struct {
		name   string
		offer  Offer
		sit    Situation
		ok     bool
		chosen bool
	}{
		{"chosen none", OfferNone, SituationOffer, true, true},
		{"the withdrawal's default", "", SituationWithdrawal, true, true},
		{"the cancelled interview's default", "", SituationBeforeInterview, true, true},
		{"stay in touch chosen, not written", OfferStayInTouch, SituationWithdrawal, false, false},
		{"the offer's default, not written", "", SituationOffer, false, false},
		{"the cancelled interview's default to a team", "", SituationBeforeInterview, true, true},
		{"the offer's default to a team (a good word), not written", "", SituationOffer, false, false},
	} {
		t.Run(tc.name, func(t *testing.T) {
			r := base
			r.Offer, r.Situation = tc.offer, tc.sit
			if strings.Contains(tc.name, "team") {
				r.Contact = Contact{Name: "Talent Team"}
			}
			checks := CheckLetter(l, r)
			if errs := FailedErrors(checks); len(errs) > 0 {
				t.Errorf("a letter without an offer is blocked: %+v", errs)
			}
			for _, c := range checks {
				if c.Rule != RuleOffer {
					continue
				}
				if c.OK != tc.ok || NoOfferByChoice(c) != tc.chosen || c.Severity != SeverityWarning {
					t.Errorf("offer check %+v; want ok %v, by choice %v, a warning", c, tc.ok, tc.chosen)
				}
			}
		})
	}
}

// TestLetterReadOnce: the checker reads a letter's words once and takes
// the words of the body, and of each sentence after the greeting, from
// those; they must be what reading each again gives, for every letter of
// the labelled corpus and many generated ones, with and without a
// subject.
func TestLetterReadOnce(t *testing.T) {
	var letters []Letter
	for _, l := range readCorpus(t) {
		letters = append(letters, Letter{Body: l.body}, Letter{Subject: "Re: Data Analyst – Sam", Body: l.body})
	}
	n := 0
	for r := range drawnRequests() {
		if n++; n%7 == 0 {
			letters = append(letters, mustCompose(t, r))
		}
	}
	letters = append(letters, Letter{Subject: "a\n\nb", Body: "Hi,\r\n\r\nNo. Thanks!\n\n\n"}, Letter{Body: "Dear Sam,"}, Letter{})
	for _, l := range letters {
		lt := readLetter(l, normalizeRequest(corpusRequest), false)
		if want := words(l.Body); !slices.Equal(lt.words, want) {
			t.Errorf("body words %q, read again %q", lt.words, want)
		}
		if len(lt.sentWs) != len(lt.sentences) {
			t.Fatalf("%d sentences, %d lists of words:\n%s", len(lt.sentences), len(lt.sentWs), l.Body)
		}
		for i, s := range lt.sentences {
			if want := words(s); !slices.Equal(lt.sentWs[i], want) {
				t.Errorf("sentence %q: words %q, read again %q", s, lt.sentWs[i], want)
			}
		}
	}
}

// TestCheckLetterNames checks that reading a letter once for its name keys
// and its checks gives what NameKeys and CheckLetter give apart, with a
// name of another application in the letter and without.
func TestCheckLetterNames(t *testing.T) {
	for _, sit := range []Situation{SituationInvitation, SituationBeforeInterview, SituationAfterInterview, SituationOffer} {
		for _, ch := range []Channel{ChannelEmail, ChannelPhone, ChannelMessage} {
			for _, tone := range []Tone{ToneFormal, ToneWarm} {
				r := request(sit, ReasonAnotherOffer, ch, tone, 3)
				l, err := Compose(r)
				if err != nil {
					t.Fatal(err)
				}
				for _, body := range []string{l.Body, l.Body + "\n\nP.S. Say hello to Jane Doe at Initech."} {
					l.Body = body
					var keys []string
					got, checks, err := CheckLetterNames(l, r, func(k []string) ([]string, error) {
						keys = k
						return r.Others, nil
					})
					if err != nil {
						t.Fatal(err)
					}
					if want := NameKeys(l, r); !slices.Equal(keys, want) {
						t.Errorf("%s %s %s: keys %q, want %q", sit, ch, tone, keys, want)
					}
					if want := CheckLetter(l, r); !reflect.DeepEqual(checks, want) || !slices.Equal(got.Others, r.Others) {
						t.Errorf("%s %s %s: checks %+v, want %+v", sit, ch, tone, checks, want)
					}
				}
			}
		}
	}
}
