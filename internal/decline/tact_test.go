package decline

import (
	"fmt"
	"regexp"
	"strings"
	"testing"
	"time"
)

// The tests of this file fail on lines a recruiter, reading our letters
// beside published human ones, found odd, untrue or off-putting: claims
// the user never made, lines with the wrong undertone, closings seen in
// too many letters, stiff follow-ups; and on a checker that let the
// user's own reason judge the employer by comparison.

// claims match, per reason, the specifics the reason does not tell: the
// user who gives "another_offer" said they accepted another offer, not
// that they signed a contract or start next month; "timing" says nothing
// of a current job or a project; "location" neither a move nor a commute;
// "personal_circumstances" nothing of family, home or health.
var claims = map[Reason]*litRegexp{
	ReasonAnotherOffer:          prefilter(regexp.MustCompile(`(?i)\bsign(ed|ing)?\b|\bsigned on\b|contract|already (signed|started)|next (week|month|year)|\bstart(ing)? (a|my|the) new\b|joining another team`)),
	ReasonPersonalCircumstances: prefilter(regexp.MustCompile(`(?i)\bfamil(y|ies)\b|\bat home\b|\bhealth\b|\bpartner\b|\bchild|\bkids?\b|\bparents?\b|\billness\b|coming months|this year`)),
	ReasonTiming:                prefilter(regexp.MustCompile(`(?i)\bcurrent (team|role|job|post|position|employer|project)\b|\bproject\b|\bpromised\b|\bsee (it )?through\b|\bsee out\b|\bneeds me\b|next year|this year`)),
	ReasonLocation:              prefilter(regexp.MustCompile(`(?i)relocat|commut|move house|\bthe move\b|\bmove for\b|\bmoving\b|\bdistance\b`)),
	ReasonCompensation:          prefilter(regexp.MustCompile(`(?i)\bsalary\b|\bmoney\b|\bbudget\b|\bbonus\b|\bequity\b|\bpay\b`)),
}

// culturePreMeeting matches a culture reason that claims a meeting the
// candidate has not had.
var culturePreMeeting = prefilter(regexp.MustCompile(`(?i)having met|meeting (the team|everyone|you)\b|talking with you|our conversations?\b|the interview helped`))

// invented matches what no letter knows, whatever the reason: how long
// the decision took, how many conversations there were, that the
// employer replied or was patient, a time of year.
var invented = prefilter(regexp.MustCompile(`(?i)so many conversations|all those conversations|after many conversations|getting back to me|your reply|so quickly about|so carefully|so thoroughly|your patience|so patient|patiently|bearing with|past few weeks|last few weeks|being so open|few days|some days|a few times|this year|next year|coming year|year ahead|coming months|months ahead|next month`))

// TestReasonsClaimNoMore: no phrasing of a reason claims more than the
// reason tells, and no letter of the corpus (every situation, channel,
// tone and reason, with contacts, offers and details) holds a claim its
// reason does not make or one that no letter can know.
func TestReasonsClaimNoMore(t *testing.T) {
	for reason, re := range claims {
		for _, table := range []map[Reason]toned{reasonSentences, reasonsAfterMeeting} {
			for _, p := range allTones(table[reason]) {
				for _, s := range phrasingsOf(p) {
					if m := re.FindString(s); m != "" {
						t.Errorf("%s: %q claims %q", reason, s, m)
					}
				}
			}
		}
	}
	for _, p := range allTones(reasonSentences[ReasonCultureFit]) {
		if m := culturePreMeeting.FindString(p); m != "" {
			t.Errorf("culture_fit before meeting: %q claims %q", p, m)
		}
	}
	seen := map[string]bool{}
	report := func(r Request, what, m string, l Letter) {
		if k := string(r.Reason) + what + strings.ToLower(m); !seen[k] {
			seen[k] = true
			t.Errorf("%s/%s/%s/%s: %s %q:\n%s\n%s", r.Situation, r.Reason, r.Channel, r.Tone, what, m, l.Body, l.Voicemail)
		}
	}
	n := 0
	for r := range tactRequests() {
		l := mustCompose(t, r)
		n++
		text := l.Subject + "\n" + l.Body + "\n" + l.Voicemail
		if re := claims[r.Reason]; re != nil {
			if m := re.FindString(text); m != "" {
				report(r, "claims", m, l)
			}
		}
		if r.Reason == ReasonCultureFit && !met(r) {
			if m := culturePreMeeting.FindString(text); m != "" {
				report(r, "claims a meeting:", m, l)
			}
		}
		if m := invented.FindString(text); m != "" {
			report(r, "invents", m, l)
		}
	}
	t.Logf("%d letters read", n)
}

// tactRequests are voiceRequests and, for every reason, situation,
// channel and tone, letters for more applications, so that every
// phrasing of a reason is written.
func tactRequests() func(yield func(Request) bool) {
	return func(yield func(Request) bool) {
		for r := range voiceRequests() {
			if !yield(r) {
				return
			}
		}
		for _, sit := range Situations() {
			for _, reason := range ReasonsFor(sit) {
				for _, ch := range Channels() {
					for _, tone := range Tones() {
						for v := range uint64(24) {
							r := request(sit, reason, ch, tone, 5000+v)
							r.Contact = contacts[v%uint64(len(contacts))].c
							r.Offer = Offers()[v/2%uint64(len(offers))]
							if !yield(r) {
								return
							}
						}
					}
				}
			}
		}
	}
}

// undertone matches lines a recruiter read with the wrong undertone: sly
// ("I hope your next candidate is still available"), an opening to haggle
// in an offer's decline ("It was a close call"), a favour the recruiter
// never did, presumption ("after so many conversations", "I know you will
// want to get on with the search"), a seasonal wish, thanks for patience
// no one showed, an apology for undoing arrangements, a clipped warm line.
var undertone = prefilter(regexp.MustCompile(`(?i)` + strings.Join([]string{
	`next candidate`, `still available`, `timing still works`, `other finalists`, `close (call|thing|decision)`, `closer (choice|call)`,
	`return the favou?r`, `unwelcome news`, `so many conversations`, `all those conversations`, `get on with the search`,
	`year ahead`, `coming year`, `this year\.`, `months ahead`, `bearing with`, `your patience`, `undo the arrangements`, `sorry to undo`,
	`in advance for your understanding`, `step back from this one\.`, `made my week`, `back and forth`, `being so open`,
}, "|")))

// offerUndertone matches, in an offer's decline, talk of the other
// candidates the employer may now turn to.
var offerUndertone = prefilter(regexp.MustCompile(`(?i)other candidates|your other|the others on`))

// linkedIn matches an offer to connect on LinkedIn, which belongs only
// after the candidate has met the reader.
var linkedIn = prefilter(regexp.MustCompile(`(?i)linkedin`))

// TestNoWrongUndertone: no phrasing of any table, and no letter of the
// corpus, holds a line of undertone; an offer's decline speaks of no
// other candidate; a letter before any meeting offers no LinkedIn
// connection.
func TestNoWrongUndertone(t *testing.T) {
	for _, p := range everyPhrasing() {
		for _, s := range phrasingsOf(p) {
			if m := undertone.FindString(s); m != "" {
				t.Errorf("%q: %q", s, m)
			}
		}
	}
	for _, byTone := range []toned{courtesies[SituationOffer], wishes[SituationOffer], acknowledgments[SituationOffer], reflections[SituationOffer]} {
		for _, p := range allTones(byTone) {
			if m := offerUndertone.FindString(p); m != "" {
				t.Errorf("offer: %q: %q", p, m)
			}
		}
	}
	seen := map[string]bool{}
	for r := range tactRequests() {
		l := mustCompose(t, r)
		text := l.Body + "\n" + l.Voicemail
		var found []string
		if m := undertone.FindString(text); m != "" {
			found = append(found, m)
		}
		if m := offerUndertone.FindString(text); m != "" && r.Situation == SituationOffer {
			found = append(found, m)
		}
		if m := linkedIn.FindString(text); m != "" && !met(r) {
			found = append(found, m+" before meeting")
		}
		for _, m := range found {
			if k := string(r.Situation) + strings.ToLower(m); !seen[k] {
				seen[k] = true
				t.Errorf("%s/%s/%s: %q:\n%s", r.Situation, r.Channel, r.Tone, m, l.Body)
			}
		}
	}
}

// everyPhrasing is every phrasing of the tables of the letters, the
// phone scripts and the follow-ups.
func everyPhrasing() []string {
	var all []string
	for _, t := range []situated{declinesNamed, declinesBare, thanksNamed, thanksBare, wishes, courtesies, reflections,
		acknowledgments, thanksAgain, contextLines, spokenDeclines, spokenThanks, voicemailThanks} {
		for _, byTone := range t {
			all = append(all, allTones(byTone)...)
		}
	}
	for _, t := range []toned{declineLeads, bareLeads, apologies, spokenReasonLeads, personalLines, spokenGoodbyes,
		spokenGoodbyesNamed, goodTime, callReassurances, followUpConfirm, followUpMessage, afterCall, followUpThanks, sorryCancels, cancelsAfterReason} {
		all = append(all, allTones(t)...)
	}
	for _, t := range []map[Reason]toned{reasonSentences, reasonsAfterMeeting} {
		for _, byTone := range t {
			all = append(all, allTones(byTone)...)
		}
	}
	for _, t := range []map[Offer]toned{offerSentences, shortOffers, spokenOfferSentences} {
		for _, byTone := range t {
			all = append(all, allTones(byTone)...)
		}
	}
	for _, t := range []map[Situation]map[Offer]toned{offersBySituation, spokenOffersBySit} {
		for _, byOffer := range t {
			for _, byTone := range byOffer {
				all = append(all, allTones(byTone)...)
			}
		}
	}
	return all
}

// maxClosingShare bounds the share of one situation's letters on a
// channel that hold any one closing line (a courtesy, a wish, thanks
// once more, an acknowledgment or a reflection): "I hope you understand."
// in one offer letter of thirteen was a line a reader of a few letters
// sees twice.
const maxClosingShare = 0.05

// TestClosingLinesSpread writes the corpus of TestNoStockSentence and
// fails when one closing line is in more than maxClosingShare of a
// situation's e-mails or messages.
func TestClosingLinesSpread(t *testing.T) {
	closing := closingPhrasings()
	for _, sit := range Situations() {
		for _, ch := range []Channel{ChannelEmail, ChannelMessage} {
			shares, n := sentenceShares(t, sit, ch)
			top := ""
			for _, s := range mostShared(shares) {
				if !closing[s] {
					continue
				}
				if top == "" {
					top = s
					t.Logf("%s/%s: %.1f %% of %d letters close with %q", sit, ch, 100*shares[s], n, s)
				}
				if shares[s] > maxClosingShare {
					t.Errorf("%s/%s: %.1f %% of %d letters say %q (at most %.0f %%)", sit, ch, 100*shares[s], n, s, 100*maxClosingShare)
				}
			}
		}
	}
}

// closingPhrasings are every phrasing, in British and American English,
// of the lines that close a letter: courtesies, wishes, thanks once more,
// acknowledgments and reflections.
func closingPhrasings() map[string]bool {
	set := map[string]bool{}
	var all []string
	for _, t := range []situated{courtesies, wishes, thanksAgain, acknowledgments, reflections} {
		for _, byTone := range t {
			all = append(all, allTones(byTone)...)
		}
	}
	for _, p := range all {
		for _, s := range phrasingsOf(p) {
			set[s], set[usWords.Replace(s)] = true, true
		}
	}
	return set
}

// TestComparisonsAreNotRespectful: a letter whose reason judges the
// employer by comparison with the writer's other choice fails rule
// respectful, naming the words; one that says what the writer chose, or
// what fits them better, passes.
func TestComparisonsAreNotRespectful(t *testing.T) {
	for _, tt := range []struct {
		reason string
		quoted string // "" when the reason is neutral
	}{
		{"My current job is better than this offer.", "better than this"},
		{"Your offer was not competitive.", "not competitive"},
		{"Your offer wasn't very competitive.", "wasn't very competitive"},
		{"The package is not as competitive as the other one.", "not as competitive"},
		{"The other company pays more than you.", "pays more than"},
		{"I have accepted a role at a better company.", "a better company"},
		{"I found a much better opportunity elsewhere.", "much better opportunity"},
		{"Another firm offered a higher salary.", "higher salary"},
		{"I received a more competitive offer.", "more competitive"},
		{"You could not match the other offer.", "could not match"},
		{"Northwind Traders couldn't match what Initech offered.", "couldn't match"},
		{"The other role is better paid.", "better paid"},
		{"I have accepted another offer.", ""},
		{"The other role is closer to home.", ""},
		{"The new role is a better fit for my family.", ""},
		{"I think I would fit better in a team with a different way of working.", ""},
		{"The other role suits me better than this one.", ""},
		{"The package is not quite what I need right now.", ""},
		{"I have accepted an offer that is closer to the work I want to do.", ""},
		{"It went better than I expected.", ""},
	} {
		body := strings.Replace(politeBody, "The timing is not right for me at the moment.", tt.reason, 1)
		c := CheckLetter(Letter{Body: body}, checkReq)[3]
		if c.Rule != RuleRespectful {
			t.Fatalf("check 3 is %s", c.Rule)
		}
		switch {
		case tt.quoted == "" && !c.OK:
			t.Errorf("%q: flagged (%s)", tt.reason, c.Hint)
		case tt.quoted != "" && c.OK:
			t.Errorf("%q: passes rule respectful", tt.reason)
		case tt.quoted != "" && !strings.Contains(c.Hint, fmt.Sprintf("%q", tt.quoted)):
			t.Errorf("%q: the hint does not name %q: %s", tt.reason, tt.quoted, c.Hint)
		}
	}
	// The user's own reason is checked in the letter written with it.
	r := request(SituationOffer, ReasonOther, ChannelEmail, ToneFormal, 3)
	r.ReasonDetail = "my current job is better than this offer"
	c := CheckLetter(mustCompose(t, r), r)[3]
	if c.OK || !strings.Contains(c.Hint, "not how they compare") {
		t.Errorf("a letter whose own reason compares: %+v", c)
	}
}

// stiff matches follow-up lines no one writes in a short note today.
var stiff = prefilter(regexp.MustCompile(`(?i)simply confirms|this note (simply|only)? ?confirms|do sometimes go astray|would be welcome|if anything (further )?is needed|anything further|paths cross|so promptly|letting me know about|in writing what we discussed|for your understanding|arrived safely|writing only to`))

// TestFollowUpsPlain writes every follow-up (situation, channel, tone,
// kind, several wordings) and fails on stiff lines or on what the
// follow-up cannot know.
func TestFollowUpsPlain(t *testing.T) {
	seen := map[string]bool{}
	for _, sit := range Situations() {
		for _, ch := range Channels() {
			for _, tone := range Tones() {
				for _, kind := range followUpKinds {
					for v := range uint64(8) {
						r := FollowUpRequest{Company: "Northwind Traders", Role: "Senior Go Engineer", Contact: contacts[v%uint64(len(contacts))].c,
							Situation: sit, DeclineChannel: ch, Tone: tone, Kind: kind, Sender: Sender{Name: "Sam Lee"}, Variant: v, Wording: v / 2,
							DeclinedOn: time.Date(2026, 3, 2, 0, 0, 0, 0, time.UTC)}
						l, err := ComposeFollowUp(r)
						if err != nil {
							t.Fatal(err)
						}
						for _, re := range []*litRegexp{stiff, undertone} {
							if m := re.FindString(l.Body); m != "" && !seen[strings.ToLower(m)] {
								seen[strings.ToLower(m)] = true
								t.Errorf("%s/%s/%s/%s: %q:\n%s", sit, ch, tone, kind, m, l.Body)
							}
						}
					}
				}
			}
		}
	}
}
