package decline

import (
	"regexp"
	"strings"
	"testing"
	"unicode"
)

// ownCases are reasons as users type them in the "other" box: clauses,
// fragments, first and third person, with and without a leading
// "because", end punctuation, capitals, typos and emoji. want matches the
// user's words as the letter must write them (a subject supplied, a
// capital mended, "dont" made "don't").
var ownCases = []struct{ own, want string }{
	{"My parents are very aged and living alone in Frankfurt.", `[Mm]y parents are very aged and living alone in Frankfurt`},
	{"because my partner has taken a job in Lyon", `[Mm]y partner has taken a job in Lyon`},
	{"relocation to Lisbon", `(I am|I'm) moving to Lisbon`},
	{"I'm moving back to Canada next month", `I'm moving back to Canada next month`},
	{"i'm going back to university in september", `I'm going back to university in September`},
	{"family reasons", `family reasons`},
	{"Personal reasons.", `personal reasons`},
	{"health issues", `health issues`},
	{"my wife is expecting our first child 👶", `[Mm]y wife is expecting our first child 👶`},
	{"I need to care for my mother. She has just had surgery.", `I need to care for my mother`},
	{"the salary was lower than I expected", `[Tt]he salary was lower than I expected`},
	{"Moving to Berlin", `(I am|I'm) moving to Berlin`},
	{"an unexpected family emergency", `an unexpected family emergency`},
	{"iOS isn't where I want to focus", `iOS isn't where I want to focus`},
	{"decided to stay at my current company", `I decided to stay at my current company`},
	{"got a counteroffer from my current employer", `I got a counteroffer from my current employer`},
	{"the role is fully on-site and I need to work remotely", `[Tt]he role is fully on-site and I need to work remotely`},
	{"we are relocating to Australia", `[Ww]e are relocating to Australia`},
	{"too far to commute", `[Ii]t would be too far to commute`},
	{"starting my own business", `(I am|I'm) starting my own business`},
	{"my visa does not allow me to change employers this year", `[Mm]y visa does not allow me to change employers this year`},
	{"since I'm starting a PhD in October", `I'm starting a PhD in October`},
	{"Burnout, I need a break from work for a few months", `burnout: I need a break from work for a few months`},
	{"the hours dont fit with childcare", `[Tt]he hours don't fit with childcare`},
	{"my partner got a job in another city so we're moving", `[Mm]y partner got a job in another city so we're moving`},
	{"a family bereavement", `a family bereavement`},
	{"want to focus on freelance work", `I want to focus on freelance work`},
	{"I realised I want to stay in academia!", `I realised I want to stay in academia`},
	{"care responsibilities for my father", `care responsibilities for my father`},
	{"the job requires too much travel for me", `[Tt]he job requires too much travel for me`},
	{"Going travelling for a year 🌍", `(I am|I'm) going travelling for a year 🌍`},
	{"my current employer has offered me a promotion", `[Mm]y current employer has offered me a promotion`},
	{"ongoing health treatment", `ongoing health treatment`},
	{"changes in my job search situation", `changes in my job search situation`},
	{"the role needs regular weekend on-call duty, which I cannot commit to", `[Tt]he role needs regular weekend on-call duty, which I cannot commit to`},
	{"moving to Leeds in the spring", `(I am|I'm) moving to Leeds in the spring`},
	{"As a new parent I can't commit to the on-call rota", `[Aa]s a new parent I can't commit to the on-call rota`},
	{"Relocating with my family to Spain", `(I am|I'm) relocating with my family to Spain`},
	{"my mum is ill 😢 and I need to be with her", `[Mm]y mum is ill 😢 and I need to be with her`},
	{"Salary", `salary`},
}

// ownFrame marks the words of ours that make the user's words the reason:
// a lead ("The reason is that", "It is a family matter:"), a join to the
// decline (", as", "because", ", so") or "because of", "for".
var ownFrame = regexp.MustCompile(`(?i)reason|because|\bas\b|since|\bso\b|\bfor\b|due to|matter|comes down|thing is|simply|just that|down to|:|–`)

// ownSlips are what pasting the words as they came used to write.
var ownSlips = prefilter(regexp.MustCompile(`(?i)because of (want|decided|got|I\b|the hours|my partner)|\b(I am|I'm) (ongoing|(?-i:Moving|Going))\b|due to (want|decided|got)|\bdont\b|as as\b|that that\b|(?-i:in september)`))

// TestOwnReasonFramed: the user's own reason (reason other), however they
// typed it, is written once, grammatically: a clause joined to the decline
// or standing as a whole sentence of its own, a noun phrase framed as the
// reason ("because of", "for", "The reason is"); on every channel, situation,
// tone and several wordings, passing every check but the emoji warning
// the user's own emoji draws.
func TestOwnReasonFramed(t *testing.T) {
	for _, c := range ownCases {
		want := regexp.MustCompile(c.want)
		for _, sit := range Situations() {
			for _, ch := range Channels() {
				for _, tone := range Tones() {
					for w := range uint64(4) {
						r := request(sit, ReasonOther, ch, tone, 40+w)
						r.ReasonDetail = c.own
						l := mustCompose(t, r)
						assertOwnReason(t, l, r, want)
					}
				}
			}
		}
	}
}

func assertOwnReason(t *testing.T, l Letter, r Request, want *regexp.Regexp) {
	t.Helper()
	where := string(r.Situation) + "/" + string(r.Channel) + "/" + string(r.Tone)
	for _, c := range CheckLetter(l, r) {
		if !c.OK && c.Rule != RuleEmoji {
			t.Errorf("%q %s: %s failed: %s\n%s", r.ReasonDetail, where, c.Rule, c.Hint, l.Body)
		}
	}
	if ownSlips.MatchString(l.Body) {
		t.Errorf("%q %s: %q in:\n%s", r.ReasonDetail, where, ownSlips.FindString(l.Body), l.Body)
	}
	var holders []string
	for _, s := range letterSentences(l, r.Channel) {
		if want.MatchString(s) {
			holders = append(holders, s)
		}
	}
	if len(holders) != 1 {
		t.Errorf("%q %s: the reason is written %d times as %s, want once:\n%s", r.ReasonDetail, where, len(holders), want, l.Body)
		return
	}
	// A clause stands as a sentence of its own, as people give a reason:
	// capitalised and ended, with nothing of ours around it. A noun
	// phrase cannot (its lower-case want does not match it capitalised).
	rest := want.ReplaceAllString(holders[0], "")
	if own := strings.TrimSpace(rest); own == "." || own == "!" || own == "?" {
		if first, _, _ := strings.Cut(holders[0], " "); !strings.ContainsFunc(first, unicode.IsUpper) { // "iOS" as typed
			t.Errorf("%q %s: the reason stands alone but does not open with a capital: %q\n%s", r.ReasonDetail, where, holders[0], l.Body)
		}
		return
	}
	if !ownFrame.MatchString(rest) {
		t.Errorf("%q %s: the reason is pasted bare: %q\n%s", r.ReasonDetail, where, holders[0], l.Body)
	}
}
