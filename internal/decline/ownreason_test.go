package decline

import (
	"regexp"
	"slices"
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
	{"health issues", `[Hh]ealth issues`},
	{"my wife is expecting our first child 👶", `[Mm]y wife is expecting our first child 👶`},
	{"I need to care for my mother. She has just had surgery.", `I need to care for my mother`},
	{"the salary was lower than I expected", `[Tt]he salary was lower than I expected`},
	{"Moving to Berlin", `(I am|I'm) moving to Berlin`},
	{"an unexpected family emergency", `[Aa]n unexpected family emergency`},
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
	{"a family bereavement", `[Aa] family bereavement`},
	{"want to focus on freelance work", `I want to focus on freelance work`},
	{"I realised I want to stay in academia!", `I realised I want to stay in academia`},
	{"care responsibilities for my father", `[Cc]are responsibilities for my father`},
	{"the job requires too much travel for me", `[Tt]he job requires too much travel for me`},
	{"Going travelling for a year 🌍", `(I am|I'm) going travelling for a year 🌍`},
	{"my current employer has offered me a promotion", `[Mm]y current employer has offered me a promotion`},
	{"ongoing health treatment", `[Oo]ngoing health treatment`},
	{"changes in my job search situation", `[Cc]hanges in my job search situation`},
	{"the role needs regular weekend on-call duty, which I cannot commit to", `[Tt]he role needs regular weekend on-call duty, which I cannot commit to`},
	{"moving to Leeds in the spring", `(I am|I'm) moving to Leeds in the spring`},
	{"As a new parent I can't commit to the on-call rota", `[Aa]s a new parent I can't commit to the on-call rota`},
	{"Relocating with my family to Spain", `(I am|I'm) relocating with my family to Spain`},
	{"my mum is ill 😢 and I need to be with her", `[Mm]y mum is ill 😢 and I need to be with her`},
	{"Salary", `[Ss]alary`},
	{"the position involves far more travel than I can commit to", `[Tt]he position involves far more travel than I can commit to`},
	{"it seems the team is moving to a different office", `[Ii]t seems the team is moving to a different office`},
	{"urgent family concerns make it impossible for me to relocate at this point", `[Uu]rgent family concerns make it impossible for me to relocate at this point`},
}

// ownFrame marks the words of ours that make the user's words the reason:
// a lead ("The reason is that", "It is a family matter:"), a join to the
// decline (", as", "because", ", so") or "because of", "for".
var ownFrame = regexp.MustCompile(`(?i)reason|because|\bas\b|since|\bso\b|\bfor\b|due to|owing to|matter|comes down|thing is|simply|just that|down to|:|–|^ (means?|has|have|is|are) |dealing with|to attend to`)

// ownSlips are what pasting the words as they came used to write.
var ownSlips = prefilter(regexp.MustCompile(`(?i)(because of|due to|owing to) (want|decided|got|I\b|the hours|my partner|the position|it seems|urgent family concerns make)|\b(I am|I'm) (ongoing|(?-i:Moving|Going))\b|due to (want|decided|got)|\bdont\b|as as\b|that that\b|(?-i:in september)`))

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
	// A decline after the user's words takes no "it", which would point
	// at their last noun ("... six months of it remain, so I am not able
	// to take it up").
	if _, after, ok := strings.Cut(holders[0], ", so "); ok && slices.Contains(words(after), "it") {
		t.Errorf("%q %s: an \"it\" after the user's words: %q", r.ReasonDetail, where, holders[0])
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

// nounReasons are own reasons typed as noun phrases, which cannot stand
// as a sentence.
var nounReasons = []string{"time constraints", "an unexpected family emergency", "family reasons", "Personal reasons", "health issues",
	"a family bereavement", "ongoing health treatment", "care responsibilities for my father", "changes in my job search situation"}

// flatFrames are the sentences that once stood a noun-phrase reason
// apart from the decline, slots a blind reader spotted.
var flatFrames = regexp.MustCompile(`^(The reason is|The reason's|This is due to|I am afraid it is because of|It's (mostly |just )?down to|It is for|It's for [^,]+\.$|It's just for|This is for|I am doing this for|I'm doing this for|I have made this decision|I've made this decision|I have decided this|I've decided this)`)

// eachOwnReason calls fn with a request for each own reason, situation,
// channel, tone and of variants wordings (from base), once as reason
// other and once as a detail of kind reason beside a reason of the list.
func eachOwnReason(owns []string, variants, base uint64, fn func(own string, r Request)) {
	for _, own := range owns {
		for _, sit := range Situations() {
			for _, ch := range Channels() {
				for _, tone := range Tones() {
					for w := range variants {
						for _, asDetail := range []bool{false, true} {
							r := request(sit, ReasonOther, ch, tone, base+w)
							r.ReasonDetail = own
							if asDetail {
								r.Reason, r.ReasonDetail, r.Detail, r.DetailKind = ReasonAnotherOffer, "", own, DetailReason
								if !r.Reason.FitsSituation(sit) {
									r.Reason = ReasonTiming
								}
							}
							fn(own, r)
						}
					}
				}
			}
		}
	}
}

// TestOwnPhraseInDecision: a noun-phrase reason of the user's own, in
// reason other or in a detail of kind reason, is set into the sentence
// that carries the decision ("Due to time constraints, I have decided
// to withdraw ...", "..., for family reasons.") in most letters of every
// channel, as people give one, or leads a sentence of its own on what
// it led to ("Time constraints mean I couldn't ...", "I am currently
// dealing with ..."), and never in one of the flat frames that stood it
// apart; every letter passes every check.
func TestOwnPhraseInDecision(t *testing.T) {
	in, led, all := map[Channel]int{}, map[Channel]int{}, map[Channel]int{}
	eachOwnReason(nounReasons, 4, 40, func(own string, r Request) {
		l := mustCompose(t, r)
		assertAllOK(t, l, r)
		for _, s := range letterSentences(l, r.Channel) {
			if flatFrames.MatchString(s) {
				t.Errorf("%q %s/%s/%s: a flat frame: %q\n%s", own, r.Situation, r.Channel, r.Tone, s, l.Body)
			}
			if strings.Contains(strings.ToLower(s), strings.ToLower(own)) {
				all[r.Channel]++
				switch low := strings.ToLower(s); {
				case declines(words(s)):
					in[r.Channel]++
				case strings.HasPrefix(low, strings.ToLower(own)+" ") || strings.Contains(low, "dealing with "+strings.ToLower(own)):
					led[r.Channel]++
				}
			}
		}
	})
	for _, ch := range Channels() {
		if all[ch] == 0 || in[ch]*100 < all[ch]*50 || (in[ch]+led[ch])*100 < all[ch]*75 {
			t.Errorf("%s: the reason is in the decline in %d of %d letters and leads a sentence of its own in %d, want at least 50 %% and 75 %% with those",
				ch, in[ch], all[ch], led[ch])
		}
	}
}

// TestJoinPhrase: a noun-phrase reason goes in front of the decline's
// subject or after a short decline, as the wording chooses, with its
// grammar mended: "that, " after "I'm afraid" or "to say", ", for" before
// "... reasons", a company's own full stop kept; a decline that can take
// it nowhere gives "".
func TestJoinPhrase(t *testing.T) {
	v := values{company: "Acme Inc."}
	cases := []struct {
		decl, phrase string
		want         []string
	}{
		{"I have decided to withdraw my application.", "due to time constraints",
			[]string{"Due to time constraints, I have decided to withdraw my application.", "I have decided to withdraw my application due to time constraints."}},
		{"I'm afraid I won't be able to attend.", "for family reasons",
			[]string{"I'm afraid that, for family reasons, I won't be able to attend.", "I'm afraid I won't be able to attend, for family reasons."}},
		{"I'm calling to say I won't be taking up the interview.", "because of a family bereavement",
			[]string{"I'm calling to say that, because of a family bereavement, I won't be taking up the interview.", "I'm calling to say I won't be taking up the interview because of a family bereavement."}},
		{"Unfortunately, I must decline the offer from Acme Inc.", "because of health issues",
			[]string{"Unfortunately, because of health issues, I must decline the offer from Acme Inc."}},
		{"I'm so sorry, but I need to cancel our interview, which I regret, and withdraw my application.", "because of time constraints",
			[]string{"I'm so sorry, but because of time constraints, I need to cancel our interview, which I regret, and withdraw my application."}},
		{"I am sorry to have to cancel my interview, and withdraw my application.", "because of time constraints", []string{""}},
	}
	for _, tc := range cases {
		got := map[string]bool{}
		for seed := range uint64(16) {
			got[joinPhrase(tc.decl, tc.phrase, v, chooser{seed: seed}, false)] = true
		}
		for _, w := range tc.want {
			if !got[w] {
				t.Errorf("%q + %q: no wording gives %q; got %v", tc.decl, tc.phrase, w, got)
			}
		}
		if len(got) != len(tc.want) {
			t.Errorf("%q + %q: got %v, want only %q", tc.decl, tc.phrase, got, tc.want)
		}
	}
}

// maxBecauseOfSets bounds the share of sets of twenty letters (see
// setFamilies) in which three or more letters give the user's own reason
// after "because of": 18.6 % when nearly every noun phrase followed it,
// 1.6 % once it also led a sentence of its own as its subject, followed
// a dash ("– time constraints, I'm afraid") or, for a burden, was what
// the writer is dealing with.
const maxBecauseOfSets = 0.04

// TestOwnPhraseShapes: a noun phrase of the user's own is set into
// several shapes, not "because of" in letter after letter: across every
// situation, channel, tone and 24 wordings, no one lead before it is
// in more than half the letters, the noun phrase also leads a sentence
// of its own with its verb agreeing ("Health issues have ...", "A family
// bereavement has ..."), and across sets of twenty letters "because of"
// before it is a family in few.
func TestOwnPhraseShapes(t *testing.T) {
	if _, rates := setFamilies(t); rates["because of xownx"] > maxBecauseOfSets {
		t.Errorf("\"because of\" the user's words is in three or more letters of %.1f %% of sets (at most %.0f %%)",
			100*rates["because of xownx"], 100*maxBecauseOfSets)
	}
	plural := map[string]bool{"time constraints": true, "health issues": true, "care responsibilities for my father": true,
		"changes in my job search situation": true, "urgent family concerns that keep me from relocating": true}
	lead := regexp.MustCompile(`(?i)(because of|due to|owing to|with|dealing with|–) $`)
	for _, own := range []string{"time constraints", "an unexpected family emergency", "health issues", "a family bereavement",
		"ongoing health treatment", "care responsibilities for my father", "changes in my job search situation"} {
		leads, total := map[string]int{}, 0
		verb := regexp.MustCompile(`(?i)^` + regexp.QuoteMeta(own) + ` (\w+) `)
		for _, sit := range Situations() {
			for _, ch := range Channels() {
				for _, tone := range Tones() {
					for w := range uint64(24) {
						r := request(sit, ReasonOther, ch, tone, 300+w)
						r.ReasonDetail = own
						for _, s := range letterSentences(mustCompose(t, r), ch) {
							i := strings.Index(strings.ToLower(s), own)
							if i < 0 {
								continue
							}
							total++
							switch m := verb.FindStringSubmatch(s); {
							case m != nil:
								leads["subject"]++
								if v := m[1]; plural[own] != slices.Contains([]string{"mean", "have", "are"}, v) {
									t.Errorf("%q: the verb %q does not agree with it: %q", own, v, s)
								}
							case lead.MatchString(s[:i]):
								leads[strings.ToLower(lead.FindStringSubmatch(s[:i])[1])]++
							default:
								leads["other"]++
							}
						}
					}
				}
			}
		}
		t.Logf("%q: %v of %d", own, leads, total)
		for l, n := range leads {
			if l != "other" && 2*n > total {
				t.Errorf("%q follows %q in %d of %d letters (at most half)", own, l, n, total)
			}
		}
		if leads["subject"] == 0 {
			t.Errorf("%q never leads a sentence of its own", own)
		}
	}
}

// TestOwnPhraseWithAClause: a noun phrase with a clause after its head
// ("concerns that keep me from relocating") is plural by its head, not by
// the clause's last word, and never leads a sentence as its subject,
// where a reader took "... concerns that make relocating impossible mean
// that I could not ..." for garbled, nor takes "with ... to attend to"
// after its clause; "I am dealing with" carries it.
func TestOwnPhraseWithAClause(t *testing.T) {
	w := readOwn("urgent family concerns that keep me from relocating", ToneFormal)
	if w.head() != "concerns" || !w.plural() || !w.relative() {
		t.Fatalf("head %q, plural %v, relative %v", w.head(), w.plural(), w.relative())
	}
	for v := range uint64(60) {
		if p := w.phrase(ToneFormal, newChooser(v, 0)); strings.HasSuffix(p, attendTo) {
			t.Errorf("variant %d: %q", v, p)
		}
	}
	for _, tone := range Tones() {
		for _, spoken := range []bool{false, true} {
			for _, s := range w.shapes(tone, spoken, false) {
				if strings.HasPrefix(s, "{Detail}") {
					t.Errorf("%s spoken %v: %q leads with the phrase", tone, spoken, s)
				}
			}
		}
	}
}
