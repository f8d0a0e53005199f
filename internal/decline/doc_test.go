package decline

import (
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"time"
)

// The examples in docs/letters.md are written by this test, so they cannot
// drift from the generator: go test ./internal/decline -run TestLettersDoc
// -update rewrites them between the markers.
const (
	docPath    = "../../docs/letters.md"
	docBegin   = "<!-- BEGIN generated examples (go test ./internal/decline -run TestLettersDoc -update) -->"
	docEnd     = "<!-- END generated examples -->"
	docCompany = "Northwind Traders"
)

// situationRules say what a letter in each situation does and may say.
var situationRules = map[Situation]string{
	SituationWithdrawal: "From `wishlist` or `applied`, before any invitation: the letter withdraws the application and " +
		"thanks them for considering it. Default offer: none (a short note that thanks them is enough when stepping away early).",
	SituationInvitation: "From `invited`: the letter declines the interview and thanks them for the invitation. " +
		"Pay is not a reason yet (422 with the reasons that fit). Default offer: stay in touch; to a team or an inbox in words a team can take up (\"please do keep me in mind for future vacancies\", \"I would be glad to stay in touch\", never \"I'll look you up on LinkedIn\"), to nobody known only to be kept in mind for other roles (a referral only when the user chooses it: nobody declining an interview offers to recruit for the employer unasked); none when the reason is culture or location, which an offer to be kept in mind would contradict, nor in one application in three, whose letter simply closes.",
	SituationBeforeInterview: "From `scheduled`: the letter cancels the interview (withdrawing, asking them to cancel it, or saying the writer can no longer attend), naming it " +
		"by its date and time in the user's English (\"our interview on 3 December at 14:00\", en-US \"Thursday, December 3 at 2 p.m.\"; on the phone as people say it: \"tomorrow's interview\", \"Thursday at 2 p.m.\"), so the slot can be found and freed, and apologises plainly, once (\"I apologise for any inconvenience\"; \"sorry for the short notice\" only within two days); its thanks are for arranging it, the invitation, the chance or the reader's time, and a thanks that says \"arranging it\" comes straight after the sentence that names the interview, or names it itself (`TestThanksItFollowsTheInterview`). Default offer: none (offering to keep in touch while undoing their arrangements reads as a formula).",
	SituationAfterInterview: "From `interviewed`: the letter withdraws from the process and thanks them for the time at the " +
		"interview, in some wordings naming its day as people name a recent meeting (\"thank you for meeting me on Tuesday\", \"yesterday\", \"on 19 November\" after a week: the accepted round's time in the user's time zone); culture and location are worded as learned from meeting the team. Default offer: stay in touch, to a team or nobody known in the words an invitation's letter uses for them; none after culture or location, nor in one application in three.",
	SituationOffer: "From `offered`: the letter declines the offer and thanks them for their confidence, naming the day the offer was made when it is known " +
		"(`offer_made_on`), as people answer a letter of offer: \"your offer of 16 November\", \"the offer you sent over on Monday\" within the week (en-US \"November 16\"); pay may now be " +
		"the reason. Default offer: stay in touch to a named person; to a team or nobody known a good word for the employer (reference), which a team can use from a candidate it will not hire.",
}

// channelRules say the shape each channel takes.
var channelRules = map[Channel]string{
	ChannelEmail: "E-mail: a subject that names the role in words that fit the situation and tone (\"Declining the Senior Go Engineer interview\", \"Cancelling tomorrow's Senior Go Engineer interview\", \"Thank you – Senior Go Engineer offer\"), and the sender as people put it (\"Senior Go Engineer interview – Sam Lee\", \"Sam Lee – Senior Go Engineer offer\", \"Job offer: Sam Lee, Senior Go Engineer\", now and then \"(Sam Lee)\"), no frame in more than two subjects in five; " +
		"where the From line names the sender (the profile has an address) two subjects in five leave the name to it; an invitation that came by " +
		"e-mail is answered in its thread instead (\"Re: \" and its own subject; the .eml sets In-Reply-To and References). " +
		"The decline in the first paragraph (thanks may " +
		"come first); one short reason, or the user's detail in its place when it is the rival offer or the real reason; what the user " +
		"appreciated beside the first thanks, never after the reason as an afterthought; " +
		"the offer; thanks at most twice, sign-off included; a sign-off with the name and the profile's phone and link (not its address, which the From line gives). About 50-110 words.",
	ChannelMessage: "Message (chat, LinkedIn): one to three sentences, about 15-50 words, in several shapes: the greeting " +
		"on its own line, run into the first sentence (\"Hi Sarah, thanks so much for ...\") or left out with the reader named " +
		"in the thanks; never \"Dear\": a title and surname are greeted \"Hello Ms Carter,\" in British English and " +
		"\"Hi Ms. Carter,\" in US English; signed with the name alone, after a dash, or after a short close (\"Thanks again,\", \"Best,\"), " +
		"never a letter's \"Yours sincerely,\" (the first name when warm).",
	ChannelPhone: "Phone: a spoken script in short sentences (who I am, what it is about and a check on the listener's time – " +
		"\"Is now a good time?\", \"Have you got a minute?\" before or after, or \"I won't keep you long.\" – the decline, the reason, " +
		"thanks, the offer, a goodbye in one of several shapes; after an invitation, an interview or an offer, now and then the thanks before the decline) " +
		"and, apart, a voicemail under about 30 seconds with the number to call back.",
}

// docRequest is the request of the i-th example: the situation and
// channel it shows, and choices that vary from one example to the next.
func docRequest(i int, sit Situation, ch Channel) Request {
	reasons := ReasonsFor(sit)
	r := request(sit, reasons[(i*4+1)%len(reasons)], ch, Tones()[i%2], uint64(i))
	r.Contact = goldenContacts[i%len(goldenContacts)]
	if sit == SituationBeforeInterview {
		// Written a few days ahead, as most cancellations are.
		r.DeclinedOn = r.InterviewAt.AddDate(0, 0, -2-i%4)
	}
	if ch == ChannelEmail {
		r.Detail, r.DetailKind = docDetails[sit], docDetailKinds[sit]
	}
	return r
}

// docDetails are the true details of the e-mail examples, one that fits
// what the writer has seen of the employer at each stage.
var docDetails = map[Situation]string{
	SituationWithdrawal:      "the care that went into the job description",
	SituationInvitation:      "the clear way you described the role",
	SituationBeforeInterview: "an unexpected family emergency",
	SituationAfterInterview:  "meeting the platform team",
	SituationOffer:           "how quickly you made the offer",
}

// docDetailKinds are the kinds the examples give their details; the rest
// are read from the words.
var docDetailKinds = map[Situation]DetailKind{SituationBeforeInterview: DetailReason}

func TestLettersDoc(t *testing.T) {
	var b strings.Builder
	b.WriteString(docBegin + "\n")
	i := 0
	for _, sit := range Situations() {
		fmt.Fprintf(&b, "\n#### %s\n\n%s\n", sit, situationRules[sit])
		for _, ch := range Channels() {
			r := docRequest(i, sit, ch)
			i++
			l := mustCompose(t, r)
			assertAllOK(t, l, r)
			fmt.Fprintf(&b, "\n%s\n\n%s\n\n```text\n%s```\n", channelRules[ch], docChoices(r), docLetter(l))
		}
	}
	b.WriteString("\n#### Follow-ups\n\nA `confirm` follow-up makes sure the decline arrived and names what it was about, without " +
		"announcing the decision again (no \"I have decided to ...\"); after a phone decline it is an e-mail that puts what was said on the call in writing. A `thanks` follow-up answers the employer's reply with a short " +
		"close. An e-mail follow-up replies to the decline (\"Re: \" and its subject; its .eml sets In-Reply-To and References).\n")
	for _, f := range docFollowUps() {
		l, err := ComposeFollowUp(f.r)
		if err != nil {
			t.Fatal(err)
		}
		for _, c := range CheckFollowUp(l, f.r) {
			if !c.OK {
				t.Errorf("the %s example fails %s: %s", f.name, c.Rule, c.Hint)
			}
		}
		fmt.Fprintf(&b, "\n%s\n\n```text\n%s```\n", f.name, docLetter(l))
	}
	b.WriteString(englishDoc(idiomsInUse()))
	for _, ex := range docEnglishExamples() {
		l := mustCompose(t, ex.r)
		assertAllOK(t, l, ex.r)
		fmt.Fprintf(&b, "\n%s\n\n```text\n%s```\n", ex.name, docLetter(l))
	}
	b.WriteString("\n" + docEnd)
	checkDoc(t, b.String())
}

type docFollowUp struct {
	name string
	r    FollowUpRequest
}

func docFollowUps() []docFollowUp {
	base := FollowUpRequest{Company: docCompany, Role: "Senior Go Engineer", Contact: Contact{Name: "Sarah Johnson"},
		Situation: SituationInvitation, DeclineChannel: ChannelEmail, Tone: ToneWarm,
		Sender: Sender{Name: "Sam Lee", Email: "sam@example.com"}, DeclinedOn: time.Date(2026, 3, 2, 0, 0, 0, 0, time.UTC), Variant: 3}
	call, thanks := base, base
	call.DeclineChannel, call.Situation, call.Tone, call.Contact = ChannelPhone, SituationOffer, ToneFormal, Contact{Name: "Paula Lima", Title: "Dr."}
	thanks.Kind, thanks.Situation = FollowUpThanks, SituationAfterInterview
	return []docFollowUp{
		{"`confirm` after an e-mail declining an invitation (warm, first name):", base},
		{"`confirm` after a phone call declining an offer (formal, title and surname):", call},
		{"`thanks` after the employer replied to a withdrawal after the interview (warm):", thanks},
	}
}

// docChoices names the choices an example was written from.
func docChoices(r Request) string {
	r = normalizeRequest(r)
	s := fmt.Sprintf("Example: %s, reason `%s`, offer `%s`, contact %s", r.Tone, r.Reason, r.Offer, docContact(r.Contact))
	if r.Detail != "" {
		s += fmt.Sprintf(", detail \"%s\"", r.Detail)
		if r.DetailKind != "" {
			s += fmt.Sprintf(" (`%s`)", r.DetailKind)
		}
	}
	return s + ":"
}

func docContact(c Contact) string {
	switch {
	case c.Kind == ContactNone:
		return "none"
	case c.Title != "":
		return fmt.Sprintf("%s %s", c.Title, c.Name)
	}
	return fmt.Sprintf("%s (%s)", c.Name, c.Kind)
}

func docLetter(l Letter) string {
	s := l.Body + "\n"
	if l.Subject != "" {
		s = "Subject: " + l.Subject + "\n\n" + s
	}
	if l.Voicemail != "" {
		s += "\nVoicemail:\n" + l.Voicemail + "\n"
	}
	return s
}

// checkDoc compares the generated block with the one in docs/letters.md,
// or puts it there under -update.
func checkDoc(t *testing.T, block string) {
	t.Helper()
	raw, err := os.ReadFile(filepath.FromSlash(docPath))
	if err != nil {
		t.Fatal(err)
	}
	doc := string(raw)
	start, end := strings.Index(doc, docBegin), strings.Index(doc, docEnd)
	if start < 0 || end < start {
		t.Fatalf("%s lacks the markers %q and %q", docPath, docBegin, docEnd)
	}
	current := doc[start : end+len(docEnd)]
	if current == block {
		return
	}
	if !*update {
		t.Fatalf("the examples in %s are not what the generator writes; run go test ./internal/decline -run TestLettersDoc -update", docPath)
	}
	if err := os.WriteFile(filepath.FromSlash(docPath), []byte(doc[:start]+block+doc[end+len(docEnd):]), 0o644); err != nil {
		t.Fatal(err)
	}
}

// TestDocsNameTheDefaultOffer: the rules docs/letters.md gives for each
// situation name the offer the letters make by default.
func TestDocsNameTheDefaultOffer(t *testing.T) {
	said := map[Offer]string{OfferNone: "Default offer: none", OfferStayInTouch: "Default offer: stay in touch"}
	for _, sit := range Situations() {
		if want := said[DefaultOffer(sit)]; want == "" || !strings.Contains(situationRules[sit], want) {
			t.Errorf("%s: the docs do not say %q", sit, want)
		}
		if DefaultOfferTo(sit, Contact{Name: "Talent Team"}) == OfferReference && !strings.Contains(situationRules[sit], "good word") {
			t.Errorf("%s: the docs do not say a letter to a team offers a good word by default", sit)
		}
	}
}

// englishDoc says how the two varieties of English differ; idioms are
// the British idioms the phrase tables use, with their US forms.
func englishDoc(idioms [][2]string) string {
	var gb, us []string
	for _, p := range idioms {
		gb, us = append(gb, strings.TrimSpace(p[0])), append(us, strings.TrimSpace(p[1]))
	}
	return `
#### US and British English

A user's letters are written in the English of their time zone (` + "`en-US`" + ` in the Americas' and the United
States' zones, ` + "`en-GB`" + ` elsewhere). The variety changes our own wording only; the user's names, titles, details and
reasons are used as typed.

| | en-GB | en-US |
| --- | --- | --- |
| title the greeting adds | Dear Mr Hughes, | Dear Mr. Hughes, (a title typed with a full stop keeps it in both; Miss, Sir and Professor take none) |
| a formal message to a title | Hello Ms Carter, | Hi Ms. Carter, |
| e-mail sign-offs to a title | Kind regards, Yours sincerely, Best regards, Many thanks, ... | Sincerely, Best regards, Kind regards, Regards, Respectfully, Best wishes, |
| e-mail sign-offs to a first name | Best wishes, Many thanks, Cheers, Warm regards, ... | Best, Thank you, Thanks again, Warm regards, ... |
| idioms (those our phrasings use) | ` + strings.Join(gb, "; ") + ` | ` + strings.Join(us, "; ") + ` |
| spelling | realised, organisation, centre, programme, cancelling | realized, organization, center, program, canceling |
| interview slot | Thursday 3 December at 14:00 | Thursday, December 3 at 2 p.m. |
| follow-up date | my note of 2 March | my note of March 2 |
`
}

// docPhrasings are every phrasing of the letters, the phone scripts, the
// subjects and sign-offs and the follow-ups, each alternative spelled out.
func docPhrasings() []string {
	all := everyPhrasing()
	for _, t := range subjects {
		all = append(all, allTones(t)...)
	}
	for _, t := range subjectLabels {
		all = append(all, allTones(t)...)
	}
	for _, list := range append(append(slices.Clone(phoneHellos), voicemailHellos...), confirmByEmail, signoffsTitled, callBacks) {
		all = append(all, list...)
	}
	for _, list := range callingAbout {
		all = append(all, list...)
	}
	for _, t := range []toned{signoffs, signoffsByName, voicemailGoodbyes, spokenGoodbyes, spokenGoodbyesNamed, goodTime, callReassurances} {
		all = append(all, allTones(t)...)
	}
	var out []string
	for _, p := range all {
		out = append(out, phrasingsOf(p)...)
	}
	return out
}

// idiomsInUse are the idioms of usIdioms that some phrasing uses, in
// their order, once each whatever its case; an idiom found only inside a
// longer one ("your diary" in "in your diary") counts for the longer.
func idiomsInUse() [][2]string {
	used := map[int]bool{}
	for _, p := range docPhrasings() {
		for i, pair := range usIdioms {
			if strings.Contains(p, pair[0]) {
				used[i] = true
				p = strings.ReplaceAll(p, pair[0], "\x00")
			}
		}
	}
	var out [][2]string
	seen := map[string]bool{}
	for i, pair := range usIdioms {
		if k := strings.ToLower(pair[0]); used[i] && !seen[k] {
			seen[k] = true
			out = append(out, pair)
		}
	}
	return out
}

// TestDocIdiomsArePlain: every idiom docs/letters.md lists, in either
// variety, passes the plain-wording test (a reader found "on this
// occasion" and "at present" bookish, and the table listed them), and
// the list is not empty.
func TestDocIdiomsArePlain(t *testing.T) {
	idioms := idiomsInUse()
	if len(idioms) == 0 {
		t.Fatal("no idiom of usIdioms is in any phrasing")
	}
	for _, p := range idioms {
		for _, s := range p {
			if m := bookish.FindString(s); m != "" {
				t.Errorf("the doc lists the idiom %q, which the plain-wording test bans (%q)", s, m)
			}
		}
	}
	doc := englishDoc(idioms)
	for _, banned := range []string{"on this occasion", "at present"} {
		if strings.Contains(doc, banned) {
			t.Errorf("the US and British English table lists %q", banned)
		}
	}
}

// docEnglishExamples are the letters that show US English.
func docEnglishExamples() []struct {
	name string
	r    Request
} {
	email := request(SituationInvitation, ReasonAnotherOffer, ChannelEmail, ToneFormal, 2)
	email.Contact, email.English = Contact{Name: "Daniel Hughes", Title: "Mr"}, EnglishUS
	msg := request(SituationInvitation, ReasonAnotherOffer, ChannelMessage, ToneFormal, 2)
	msg.Contact, msg.English = Contact{Name: "Helen Carter", Title: "Ms"}, EnglishUS
	return []struct {
		name string
		r    Request
	}{
		{"A US e-mail declining an invitation (formal, title `Mr`, reason `another_offer`):", email},
		{"A US message for the same (formal, title `Ms`):", msg},
	}
}
