package decline

import (
	"regexp"
	"strings"
	"testing"
	"time"
)

// The tests of this file each fail on a tell a blind reader named when
// asked how they knew which of two letters the tracker wrote.

// TestNoSemicolonsInChat: a chat message, a spoken script and a warm
// e-mail join their clauses as people do, with "but", "and" or a full
// stop; "thank you for the invitation; I will not be ..." in a message
// gave the tracker away.
func TestNoSemicolonsInChat(t *testing.T) {
	for r := range drawnRequests() {
		if r.Channel == ChannelEmail && r.Tone == ToneFormal {
			continue
		}
		l := mustCompose(t, r)
		if strings.Contains(l.Body+l.Voicemail, ";") {
			t.Errorf("%s/%s/%s: a semicolon:\n%s", r.Situation, r.Channel, r.Tone, l.Body)
		}
	}
}

// speaksOfTheReaders matches a line that speaks of the people met as
// others, which reads oddly when they are the readers.
var speaksOfTheReaders = regexp.MustCompile(`(?i)pass on my thanks|say thanks to|everyone I met`)

// TestTeamReaderNotThirdPerson: a letter to a team, an inbox or nobody
// known does not ask its reader to "pass on my thanks to everyone I met":
// the team it was sent to is the people met.
func TestTeamReaderNotThirdPerson(t *testing.T) {
	for _, ct := range []Contact{{Name: "Talent Team"}, {Name: "careers@northwind.example"}, {}} {
		for _, sit := range Situations() {
			for _, tone := range Tones() {
				for _, offer := range Offers() {
					for w := range uint64(30) {
						r := request(sit, ReasonTiming, ChannelEmail, tone, 9)
						r.Contact, r.Wording, r.Offer = ct, w, offer
						l := mustCompose(t, r)
						// The thanks of an opening may name the reader's
						// colleagues beside the reader ("you and your
						// colleagues"); what is checked is the close.
						paras := strings.Split(l.Body, "\n\n")
						closing := lastSentences(strings.Join(paras[:len(paras)-1], "\n\n"), 2)
						if speaksOfTheReaders.MatchString(closing) {
							t.Errorf("%s/%s/%s to %+v: %q", sit, tone, offer, ct, closing)
						}
					}
				}
			}
		}
	}
}

// flatOpening matches a letter that opens on a bare refusal ("I will not
// be taking up the interview ...") before any word of thanks or of
// regret: people thank first, or soften the decline with a frame.
var flatOpening = regexp.MustCompile(`^(I will not|I won't|I am not going|I'm not going|I cannot|I can't)\b`)

// minThanksFirst and maxThanksFirst bound the share of a situation's
// e-mails that thank in their first sentence. In half of them (an old
// share) the decline came before any thanks, which a blind reader named;
// in nearly all of them (the next) every letter had one skeleton, thanks
// then the decline, where a third of people's letters open with the
// decision itself or with what the letter is about.
//
// A cancellation of a booked interview is the exception: a reader of a
// few saw every one open "Thank you for taking the time to arrange our
// interview on ...", where people cancelling a slot open as often with
// the cancellation, the apology or what led to it (see
// TestCancellationOpeningsVary), so fewer thank first.
const (
	minThanksFirst = 0.55
	maxThanksFirst = 0.75

	minCancelThanksFirst = 0.12
	maxCancelThanksFirst = 0.35
)

// minOtherOpening is the least share of a situation's e-mails that open
// with the decision, and the least that open with neither thanks nor the
// decision: a line on what the letter is about, a line of the writer's
// own or what they appreciated.
const minOtherOpening = 0.08

// TestThanksBeforeTheDecline: no e-mail or message opens with a bare
// refusal; most e-mails of every situation thank in their first sentence,
// then decline in the next, but not nearly all: the others open with the
// decision or a line on what the letter is about.
func TestThanksBeforeTheDecline(t *testing.T) {
	for _, sit := range Situations() {
		n, first, decision, other := 0, 0, 0, 0
		for _, ch := range []Channel{ChannelEmail, ChannelMessage} {
			for i := range 240 {
				reasons := ReasonsFor(sit)
				r := request(sit, reasons[i%len(reasons)], ch, Tones()[i%2], uint64(1+i))
				r.Contact = contacts[(i/2)%len(contacts)].c
				if i%5 == 0 {
					r.Detail = appreciatedAt(sit)
				}
				l := mustCompose(t, r)
				ss := splitSentences(withoutGreeting(l.Body))
				if flatOpening.MatchString(ss[0]) {
					t.Errorf("%s/%s/%s: opens on a bare refusal: %q", sit, ch, r.Tone, ss[0])
				}
				if ch == ChannelEmail {
					n++
					switch {
					case thanks(ss[0]):
						first++
					case declines(words(ss[0])):
						decision++
					default:
						other++
					}
				}
			}
		}
		share := float64(first) / float64(n)
		t.Logf("%s: e-mails open with thanks %.0f %%, the decision %.0f %%, another line %.0f %%", sit, 100*share, 100*float64(decision)/float64(n), 100*float64(other)/float64(n))
		least, most := minThanksFirst, maxThanksFirst
		if sit == SituationBeforeInterview {
			least, most = minCancelThanksFirst, maxCancelThanksFirst
		}
		if share < least || share > most {
			t.Errorf("%s: %.0f %% of e-mails thank in their first sentence (%.0f-%.0f %%)", sit, 100*share, 100*least, 100*most)
		}
		if float64(decision) < minOtherOpening*float64(n) || float64(other) < minOtherOpening*float64(n) {
			t.Errorf("%s: %d e-mails of %d open with the decision, %d with another line (at least %.0f %% each)", sit, decision, n, other, 100*minOtherOpening)
		}
	}
}

// maxStockShare bounds the share of one situation's letters on a channel
// that hold any one sentence of ours, once the user's values are
// replaced by placeholders: a blind reader shown twenty letters noticed
// lines that recurred in two or three of them.
const maxStockShare = 0.08

// TestNoStockSentence writes e-mails and messages for every tone, reason
// and kind of contact and many applications per situation (see
// sentenceShares), and fails when one sentence of ours is in more than
// maxStockShare of them. With -v it prints each situation's most shared
// sentences. A phone script is heard once, by someone who hears no other,
// and is not bounded here.
func TestNoStockSentence(t *testing.T) {
	for _, sit := range Situations() {
		for _, ch := range []Channel{ChannelEmail, ChannelMessage} {
			shares, n := sentenceShares(t, sit, ch)
			for i, s := range mostShared(shares) {
				if i < 3 {
					t.Logf("%s/%s: %.1f %% of %d letters say %q", sit, ch, 100*shares[s], n, s)
				}
				if shares[s] > maxStockShare {
					t.Errorf("%s/%s: %.1f %% of %d letters say %q (at most %.0f %%)", sit, ch, 100*shares[s], n, s, 100*maxStockShare)
				}
			}
		}
	}
}

// TestLengthFitsTheSituation: an offer turned down after several rounds
// is longer and in more paragraphs than a note declining an invitation or
// withdrawing an application; a blind reader saw one skeleton, of one
// length, in every situation.
func TestLengthFitsTheSituation(t *testing.T) {
	words, multi, three := map[Situation]float64{}, map[Situation]float64{}, map[Situation]float64{}
	for _, sit := range []Situation{SituationWithdrawal, SituationInvitation, SituationOffer} {
		n := 0
		for i := range 120 {
			reasons := ReasonsFor(sit)
			r := request(sit, reasons[i%len(reasons)], ChannelEmail, Tones()[i%2], uint64(1+i))
			r.Contact = contacts[(i/2)%len(contacts)].c
			body := withoutGreeting(mustCompose(t, r).Body)
			body = body[:strings.LastIndex(body, "\n\n")] // without the signature
			n++
			words[sit] += float64(len(strings.Fields(body)))
			if strings.Contains(body, "\n\n") {
				multi[sit]++
			}
			if strings.Count(body, "\n\n") >= 2 {
				three[sit]++
			}
		}
		words[sit] /= float64(n)
		multi[sit] /= float64(n)
		three[sit] /= float64(n)
		t.Logf("%s: %.1f words on average, %.0f %% in two paragraphs or more, %.0f %% in three or more", sit, words[sit], 100*multi[sit], 100*three[sit])
	}
	if words[SituationOffer] < words[SituationInvitation]+15 || multi[SituationOffer] < 0.75 {
		t.Errorf("an offer's decline has %.0f words (an invitation's %.0f; want 15 more) and is in two paragraphs in %.0f %% (want 75 %%)",
			words[SituationOffer], words[SituationInvitation], 100*multi[SituationOffer])
	}
	// Nor is every offer's decline in two paragraphs, nor every
	// withdrawal in more than one: the shape varies within a situation.
	if three[SituationOffer] < 0.15 || multi[SituationWithdrawal] > 0.6 || words[SituationWithdrawal] > words[SituationOffer]-15 {
		t.Errorf("offers in three paragraphs %.0f %% (want 15 %%), withdrawals in more than one %.0f %% (at most 60 %%), a withdrawal %.0f words (an offer %.0f; want 15 fewer)",
			100*three[SituationOffer], 100*multi[SituationWithdrawal], words[SituationWithdrawal], words[SituationOffer])
	}
}

// nameForms are the ways a subject holds the sender's name.
var nameForms = map[string]*regexp.Regexp{
	"– name at the end": regexp.MustCompile(`[–-] Sam Lee$`),
	", name at the end": regexp.MustCompile(`, Sam Lee$`),
	"name first":        regexp.MustCompile(`^Sam Lee\b`),
	"from name":         regexp.MustCompile(`\bfrom Sam Lee\b`),
	"(name)":            regexp.MustCompile(`\(Sam Lee\)`),
	"name's":            regexp.MustCompile(`Sam Lee's`),
}

// maxNameForm bounds the share of a situation's subjects that name the
// sender in one form: the issue asks for the name in the subject, and a
// blind reader saw it bolted on after a dash in most of them.
const maxNameForm = 0.35

// Where the From line names the sender (the profile has an address), the
// share of subjects that leave the name to it is between minUnnamed and
// maxUnnamed: human subjects often name only the role ("Senior Go
// Engineer offer"), and a name in every one was a tell.
const (
	minUnnamed = 0.25
	maxUnnamed = 0.55
)

// TestSubjectNamesTheSenderInManyForms: every subject names the role; it
// names the sender too unless the From line does, and then not always;
// no one form of naming the sender is in more than maxNameForm of a
// situation's subjects.
func TestSubjectNamesTheSenderInManyForms(t *testing.T) {
	for _, sit := range Situations() {
		counts, n, unnamed := map[string]int{}, 0, 0
		for w := range uint64(100) {
			r := request(sit, ReasonTiming, ChannelEmail, Tones()[w%2], 3)
			r.Wording = w
			s := mustCompose(t, r).Subject
			n++
			if !strings.Contains(s, r.Role) {
				t.Errorf("%s: subject %q does not name the role", sit, s)
			}
			if !strings.Contains(s, "Sam Lee") {
				unnamed++
			}
			for name, re := range nameForms {
				if re.MatchString(s) {
					counts[name]++
				}
			}
			r.Sender.Email = ""
			if s := mustCompose(t, r).Subject; !strings.Contains(s, "Sam Lee") || !strings.Contains(s, r.Role) {
				t.Errorf("%s: with no address for the From line, subject %q does not name the sender and the role", sit, s)
			}
		}
		for name, k := range counts {
			if share := float64(k) / float64(n); share > maxNameForm {
				t.Errorf("%s: %.0f %% of subjects name the sender as %q (at most %.0f %%)", sit, 100*share, name, 100*maxNameForm)
			}
		}
		share := float64(unnamed) / float64(n)
		t.Logf("%s: %.0f %% of subjects leave the sender to the From line", sit, 100*share)
		if share < minUnnamed || share > maxUnnamed {
			t.Errorf("%s: %.0f %% of subjects leave the sender to the From line (want %.0f-%.0f %%)", sit, 100*share, 100*minUnnamed, 100*maxUnnamed)
		}
	}
}

// subjectShape is the pattern a reader sees across subjects: the role, the
// sender and the interview's day as R, N and D, every run of other words
// as w, dashes as one: "Withdrawing my application - Senior Go Engineer,
// Sam Lee" and "Update on my application - Senior Go Engineer, Sam Lee"
// are both "w - <R>, <N>".
func subjectShape(s string, r Request) string {
	s = strings.NewReplacer(r.Role, "\x01", r.Sender.Name, "\x02", "–", "-").Replace(s)
	for _, d := range []string{"Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday", "Today", "Tomorrow", "today", "tomorrow"} {
		s = strings.ReplaceAll(s, d, "\x03")
	}
	s = subjectWords.ReplaceAllString(s, "w")
	return strings.NewReplacer("\x01", "<R>", "\x02", "<N>", "\x03", "<D>").Replace(s)
}

// subjectWords are the runs of words (and numbers) of a subject other than
// its role, sender and day.
var subjectWords = regexp.MustCompile(`(?:\b(?:[A-Za-z][a-z']*|[0-9]+)\b\s*)*\b(?:[A-Za-z][a-z']*|[0-9]+)\b`)

// maxSubjectShape bounds the share of a situation's subjects that have one
// shape (see subjectShape); maxPooledShape the share of all situations'
// subjects, as a reader sees them side by side whatever each declines.
const (
	maxSubjectShape = 0.35
	maxPooledShape  = 0.20
)

// TestSubjectShapesVary: no one shape of subject, whatever its words, is in
// more than maxSubjectShape of a situation's subjects nor maxPooledShape
// of all of them, and none begins "Re:" (only a reply may).
func TestSubjectShapesVary(t *testing.T) {
	notes := []time.Time{time.Time{}, time.Date(2026, 12, 2, 9, 0, 0, 0, time.UTC), time.Date(2026, 11, 30, 9, 0, 0, 0, time.UTC), time.Date(2026, 11, 20, 9, 0, 0, 0, time.UTC)}
	pooled, all := map[string]int{}, 0
	for _, sit := range Situations() {
		counts, n := map[string]int{}, 0
		for w := range uint64(120) {
			r := request(sit, ReasonTiming, ChannelEmail, Tones()[w%2], 3)
			r.Wording, r.DeclinedOn = w, notes[w%4]
			s := mustCompose(t, r).Subject
			if strings.HasPrefix(s, "Re:") || strings.HasPrefix(s, "Re ") {
				t.Errorf("%s: %q reads as a reply", sit, s)
			}
			counts[subjectShape(s, r)]++
			pooled[subjectShape(s, r)]++
			n++
			all++
		}
		for shape, k := range counts {
			if share := float64(k) / float64(n); share > maxSubjectShape {
				t.Errorf("%s: %.0f %% of subjects have the shape %q (at most %.0f %%)", sit, 100*share, shape, 100*maxSubjectShape)
			}
		}
		t.Logf("%s: %d shapes %v", sit, len(counts), counts)
	}
	for shape, k := range pooled {
		if share := float64(k) / float64(all); share > maxPooledShape {
			t.Errorf("%.0f %% of all subjects have the shape %q (at most %.0f %%)", 100*share, shape, 100*maxPooledShape)
		}
	}
}

// TestCallsSometimesThankFirst: after an invitation or an interview some
// calls thank before the decline, as people do, and most still decline
// first; declining an offer, most thank first, as every published offer
// call does, and some still decline first. Every one passes the checker.
func TestCallsSometimesThankFirst(t *testing.T) {
	for _, sit := range []Situation{SituationInvitation, SituationAfterInterview, SituationOffer} {
		first, n := 0, 0
		for i := range 90 {
			r := request(sit, ReasonsFor(sit)[i%len(ReasonsFor(sit))], ChannelPhone, Tones()[i%2], uint64(1+i))
			r.Contact = contacts[(i/2)%len(contacts)].c
			l := mustCompose(t, r)
			assertAllOK(t, l, r)
			paras := strings.Split(l.Body, "\n\n")
			n++
			if len(paras) > 1 && thanks(splitSentences(paras[1])[0]) {
				first++
			}
		}
		share := float64(first) / float64(n)
		t.Logf("%s: %.0f %% of calls thank before the decline", sit, 100*share)
		lo, hi := 0.08, 0.5
		if sit == SituationOffer {
			lo, hi = 0.5, 0.85
		}
		if share < lo || share > hi {
			t.Errorf("%s: %.0f %% of calls thank before the decline (want %.0f-%.0f %%)", sit, 100*share, 100*lo, 100*hi)
		}
	}
}

// maxChoppyReason bounds the share of e-mails and messages in which a
// short decline is followed by the reason as a short sentence of its own
// ("I'd rather not go ahead with it. I've accepted a job somewhere
// else."): a blind reader took the pair for the program's.
const maxChoppyReason = 0.07

// choppyReason reports a short decline (or a sentence that ends in one)
// followed by a short sentence that neither thanks, declines nor offers:
// the bare reason.
func choppyReason(ss []string) bool { return choppyAfter(ss, 10) }

// choppyAfter is choppyReason after a decline of at most maxShort words.
func choppyAfter(ss []string, maxShort int) bool {
	for i := 1; i < len(ss); i++ {
		a, b := ss[i-1], ss[i]
		// "Thanks for ..., but I'd rather not go ahead with it." ends in
		// a short decline too.
		for _, join := range []string{", but ", " – "} {
			if j := strings.LastIndex(a, join); j >= 0 {
				a = a[j+len(join):]
			}
		}
		if countWords(a) <= maxShort && declines(words(a)) && countWords(b) <= 10 && !strings.Contains(b, ",") &&
			!thanks(b) && !declines(words(b)) && !offersHelp(b) && !hasAny(b, wishMarks) {
			return true
		}
	}
	return false
}

// maxChoppedAfterLong bounds the share of letters in which one of our
// reasons stands as a sentence of its own that does not connect to the
// decline before it: opened by a frame phrase ("To be honest, ...", "The
// main reason is that ..."), or hanging off thanks ("..., but thanks for
// reading my application. I've accepted another offer."). None in an
// e-mail; a few messages, whose every layout runs long with the
// interview's slot, keep one.
var maxChoppedAfterLong = map[Channel]float64{ChannelEmail: 0, ChannelMessage: 0.05}

// bareReasons are every reason of the tables as a sentence of its own
// ("I have agreed to join another team."), and the user's own reason of
// the test requests so.
func bareReasons() map[string]bool {
	out := map[string]bool{"My partner has taken a job in Lyon.": true}
	for _, t := range []map[Reason]toned{reasonSentences, reasonsAfterMeeting} {
		for _, byTone := range t {
			for _, list := range byTone {
				for _, p := range list {
					if ownLead(p) {
						continue // "For my next step, ..." is led in by its own words
					}
					for _, s := range phrasingsOf(strings.TrimPrefix(p, "^")) {
						out[s] = true
						out[usWords.Replace(s)] = true
					}
				}
			}
		}
	}
	return out
}

// reasonFrameWords are the frames that a reason standing alone never
// opens with: with one it reads as the program's.
var reasonFrameWords = append(append([]string{}, stockFrames...), "Honestly,", "The reason is that", "The reason is simply that")

// unconnectedReason reports a reason of bare that stands as a sentence
// of its own and does not connect to the sentence before it: framed
// ("In the end, I have accepted another role."), or after a sentence
// that ends in thanks rather than the decline.
func unconnectedReason(ss []string, bare map[string]bool) bool {
	for i := 1; i < len(ss); i++ {
		s := ss[i]
		for _, f := range reasonFrameWords {
			if opensWith(s, f) && len(s) > len(f)+2 && bare[strings.ToUpper(s[len(f)+1:len(f)+2])+s[len(f)+2:]] {
				return true
			}
		}
		if !bare[s] {
			continue
		}
		tail := ss[i-1]
		for _, join := range []string{", but ", " – "} {
			if j := strings.LastIndex(tail, join); j >= 0 {
				tail = tail[j+len(join):]
			}
		}
		if thanks(tail) && !declines(words(tail)) {
			return true
		}
	}
	return false
}

// offersHelp reports a sentence the checker reads as an offer of help.
func offersHelp(s string) bool {
	ws := words(s)
	for i := range ws {
		for _, p := range offerIndex.at(ws[i]) {
			if p.matchAt(ws, i) {
				return true
			}
		}
	}
	return false
}

// TestReasonNotChopped: the reason is mostly set into the decline; a
// reason standing alone is a whole, plain sentence that connects to the
// decline before it: not a short one after a short decline ("I am
// declining it. I have accepted another role."), not opened by a frame
// phrase, and not after thanks.
//
// (Before, a reason standing alone after a decline of any length had to
// be framed; frames before every reason were themselves a blind reader's
// tell, so the test now asks for a plain sentence that connects instead,
// within the same limits.)
func TestReasonNotChopped(t *testing.T) {
	bare := bareReasons()
	for _, sit := range Situations() {
		for _, ch := range []Channel{ChannelEmail, ChannelMessage} {
			n, choppy, chopped := 0, 0, 0
			for _, tone := range Tones() {
				for _, reason := range ReasonsFor(sit) {
					for i := range 12 {
						r := request(sit, reason, ch, tone, uint64(501+97*i))
						r.Contact = contacts[i%len(contacts)].c
						n++
						l := mustCompose(t, r)
						for _, para := range strings.Split(withoutGreeting(l.Body), "\n\n") {
							if choppyReason(splitSentences(para)) {
								choppy++
								break
							}
						}
						for _, para := range strings.Split(withoutGreeting(l.Body), "\n\n") {
							if unconnectedReason(splitSentences(para), bare) {
								chopped++
								break
							}
						}
					}
				}
			}
			share, longShare := float64(choppy)/float64(n), float64(chopped)/float64(n)
			t.Logf("%s/%s: %.1f %% of letters give the reason bare after a short decline, %.1f %% framed or after thanks", sit, ch, 100*share, 100*longShare)
			if share > maxChoppyReason {
				t.Errorf("%s/%s: %.1f %% of letters give the reason bare after a short decline (at most %.0f %%)", sit, ch, 100*share, 100*maxChoppyReason)
			}
			if longShare > maxChoppedAfterLong[ch] {
				t.Errorf("%s/%s: %.1f %% of letters give a reason of ours framed or after thanks (at most %.0f %%)", sit, ch, 100*longShare, 100*maxChoppedAfterLong[ch])
			}
		}
	}
}

// maxCompanyToPerson bounds the share of e-mails and messages to a named
// person that name the company, and maxFullSlot the share of letters
// cancelling an interview that give its weekday, date and time together:
// a blind reader saw every detail restated in one letter. The person
// works there; the date and the time are enough to free the slot.
const (
	maxCompanyToPerson = 0.45
	maxFullSlot        = 0.40
)

// TestDetailsNotRestated: letters to a named person often leave the
// company to the reader, and a cancelled interview is mostly named by its
// date and time without the weekday as well.
func TestDetailsNotRestated(t *testing.T) {
	n, company, slots, full := 0, 0, 0, 0
	for _, sit := range Situations() {
		for _, ch := range []Channel{ChannelEmail, ChannelMessage} {
			for _, tone := range Tones() {
				for i := range 40 {
					reasons := ReasonsFor(sit)
					r := request(sit, reasons[i%len(reasons)], ch, tone, uint64(301+59*i))
					r.Contact = []Contact{{Name: "Sarah Johnson"}, {Name: "Sarah"}, {Name: "Paula Lima", Title: "Dr."}}[i%3]
					body := withoutGreeting(mustCompose(t, r).Body)
					n++
					if strings.Contains(body, r.Company) {
						company++
					}
					if sit == SituationBeforeInterview {
						slots++
						if strings.Contains(body, "Thursday") && (strings.Contains(body, "December") || strings.Contains(body, "Dec")) {
							full++
						}
					}
				}
			}
		}
	}
	cs, fs := float64(company)/float64(n), float64(full)/float64(slots)
	t.Logf("letters to a person naming the company: %.0f %%; cancellations naming weekday, date and time: %.0f %%", 100*cs, 100*fs)
	if cs > maxCompanyToPerson {
		t.Errorf("%.0f %% of letters to a named person name the company (at most %.0f %%)", 100*cs, 100*maxCompanyToPerson)
	}
	if fs > maxFullSlot {
		t.Errorf("%.0f %% of cancellations give the weekday, the date and the time (at most %.0f %%)", 100*fs, 100*maxFullSlot)
	}
}

// TestReplyInTheInvitationsThread: a letter that answers an invitation
// which came by e-mail replies in its thread, as people answer a
// recruiter ("Re: " and its subject, once), and passes every check with
// the recruiter's subject, which may name the company, in it.
func TestReplyInTheInvitationsThread(t *testing.T) {
	for _, thread := range []string{"Interview invitation – Senior Go Engineer at Northwind Traders", "RE: Next steps", "re: Your application"} {
		want := thread
		if !strings.HasPrefix(strings.ToLower(thread), "re:") {
			want = "Re: " + thread
		}
		for _, sit := range Situations() {
			for _, tone := range Tones() {
				r := request(sit, ReasonTiming, ChannelEmail, tone, 7)
				r.ThreadSubject = thread
				l := mustCompose(t, r)
				if l.Subject != want {
					t.Errorf("%s/%s: subject %q, want %q", sit, tone, l.Subject, want)
				}
				assertAllOK(t, l, r)
				r.Channel = ChannelMessage
				if l := mustCompose(t, r); l.Subject != "" {
					t.Errorf("%s/%s: a message has the subject %q", sit, tone, l.Subject)
				}
			}
		}
	}
}
