package decline

import (
	"iter"
	"regexp"
	"strings"
	"testing"
)

// The tests of this file fail on wording a reader named as written by no
// one: stiff or bookish lines, lines on sparing the reader's time in
// every other letter, phone scripts that open alike and a voicemail that
// thanks twice.

// voiceRequests yields drawnRequests with the contacts, offers, varieties
// of English and details real applications have.
func voiceRequests() iter.Seq[Request] {
	return func(yield func(Request) bool) {
		i := 0
		for r := range drawnRequests() {
			r.Contact = contacts[i%len(contacts)].c
			r.Offer = Offers()[i/3%len(offers)]
			r.English = []English{"", EnglishUS, EnglishGB}[i/7%3]
			if i%5 == 0 {
				r.Detail = drawnDetails[i/5%len(drawnDetails)]
			}
			i++
			if !yield(r) {
				return
			}
		}
	}
}

// bookish matches the stiff, formulaic or bookish wording a reader found
// in the letters: lines no one writes in a short e-mail, a message or a
// call today.
var bookish = prefilter(regexp.MustCompile(`(?i)` + strings.Join([]string{
	`I am sorry to say, is`, `apologi[sz]e for undoing`, `sorry to undo`, `good deal of work`, `no small job`,
	`which I have taken up`, `which I've taken up`, `nearer to my aims`, `how the team gets on`, `simply put`, `quite simply`,
	`the reason is simply`, `in truth,`, `I thank you for`, `and I thank you\b`, `I thank you\.`, `with some regret`,
	`having weighed`, `I have come to the view`, `I remain very grateful`, `every good wish`, `I trust the`,
	`your candou?r`, `bring us together`, `come across a candidate`, `recommend that they apply`, `has reached me`,
	`this note concerns`, `this concerns our`, `with regard to`, `care you took over`, `trouble you took`,
	`honou?red to be offered`, `generosity`, `trust you have placed`, `a generous welcome`, `opportunity of`,
	`sustainable for me`, `a close thing`, `deserved a careful answer`, `I am conscious`, `I am aware that`,
	`unwelcome news`, `end things after`, `without delay`, `useful for another candidate`, `role finds the right person`,
	`my file`, `upset your schedule`, `changing the plan at this stage`, `some way from what`,
	`I have concluded`, `rather different`, `somewhat different`, `in a somewhat`, `on this occasion`, `at present`,
	`I am doing so`, `for the time being`, `now and then`, `cross paths`, `as the team grows`, `my candidacy`,
	`to see out a project that runs`, `have commitments in my current role`, `where I'm for`, `keep the position in mind`,
	`the lead to`, `I must respectfully`, `thank you for your patience`, `remove myself from consideration`,
	`Have a good afternoon`, `may I speak to`,
}, "|")))

// TestNoBookishWording writes every situation, channel and tone for many
// applications and fails on any of the bookish lines above, in the
// letter, the phone script or the voicemail.
func TestNoBookishWording(t *testing.T) {
	seen := map[string]int{}
	n := 0
	for r := range voiceRequests() {
		l := mustCompose(t, r)
		n++
		text := strings.Join([]string{l.Subject, l.Body, l.Voicemail}, "\n")
		for _, m := range bookish.FindAllString(text, -1) {
			if seen[strings.ToLower(m)]++; seen[strings.ToLower(m)] == 1 {
				t.Errorf("%s/%s/%s: %q:\n%s\n%s", r.Situation, r.Channel, r.Tone, m, l.Body, l.Voicemail)
			}
		}
	}
	for m, k := range seen {
		t.Logf("%q in %d of %d letters", m, k, n)
	}
}

// sparing matches a line on sparing the reader's time or not holding them
// up ("I didn't want to keep you waiting.", "I would rather tell you now
// than hold up your process."): one such line in a letter is kind, the
// same thought in every other letter a template.
var sparing = prefilter(regexp.MustCompile(`(?i)keep(ing)? you waiting|hold(ing)? (up|open)|held open|rather tell you now|spend(ing)? (any )?more time|more of your time|take up more|set time aside|book time|get on with the search|press on|move on to the next|move ahead with|before you spend|replying now|letting you know now|telling you now|as much notice|the most notice|holding the job`))

// maxSparing is the most e-mails and messages of a situation that speak
// of sparing the reader's time.
const maxSparing = 0.04

// TestSparingTheReaderRare counts the letters that speak of sparing the
// reader's time over the corpus of each situation, and fails when more
// than maxSparing of them do.
func TestSparingTheReaderRare(t *testing.T) {
	count, total := map[Situation]int{}, map[Situation]int{}
	for r := range voiceRequests() {
		if r.Channel == ChannelPhone {
			continue
		}
		l := mustCompose(t, r)
		total[r.Situation]++
		if sparing.MatchString(l.Body) {
			count[r.Situation]++
		}
	}
	for sit, n := range total {
		share := float64(count[sit]) / float64(n)
		t.Logf("%s: %.1f %% of %d letters speak of sparing the reader's time", sit, 100*share, n)
		if share > maxSparing {
			t.Errorf("%s: %.1f %% of letters speak of sparing the reader's time (at most %.0f %%)", sit, 100*share, 100*maxSparing)
		}
	}
}

// maxVoicemailWords is about thirty seconds spoken.
const maxVoicemailWords = 75

// TestVoicemailThanksOnce: a voicemail thanks once, and is short enough
// to say in thirty seconds.
func TestVoicemailThanksOnce(t *testing.T) {
	for r := range voiceRequests() {
		if r.Channel != ChannelPhone {
			continue
		}
		l := mustCompose(t, r)
		n := 0
		for _, s := range splitSentences(l.Voicemail) {
			if thanks(s) || strings.HasPrefix(s, "Thanks") {
				n++
			}
		}
		if n != 1 {
			t.Errorf("%s/%s: the voicemail thanks %d times:\n%s", r.Situation, r.Tone, n, l.Voicemail)
		}
		if strings.Contains(l.Voicemail, "?") {
			t.Errorf("%s/%s: the voicemail asks a recording a question:\n%s", r.Situation, r.Tone, l.Voicemail)
		}
		if w := countWords(l.Voicemail); w > maxVoicemailWords {
			t.Errorf("%s/%s: the voicemail is %d words (at most %d):\n%s", r.Situation, r.Tone, w, maxVoicemailWords, l.Voicemail)
		}
	}
}

// maxOpenerShare is the most calls (or voicemails) of one situation and
// tone that open with the same sentence, or say the same sentence before
// the decline.
const maxOpenerShare = 0.2

// spokenDecline matches the decline of a voicemail.
var spokenDecline = regexp.MustCompile(`(?i)withdraw|declin|turn|pass on|cancel|call off|won't|not |pull|step|take myself|say no\b|be no\b`)

// TestPhoneOpenersSpread: calls to different people open in many ways;
// a reader heard the same opening in a third of the scripts.
func TestPhoneOpenersSpread(t *testing.T) {
	type key struct {
		sit  Situation
		tone Tone
		vm   bool
	}
	first, any, total := map[key]map[string]int{}, map[key]map[string]int{}, map[key]int{}
	for r := range voiceRequests() {
		if r.Channel != ChannelPhone {
			continue
		}
		l := mustCompose(t, r)
		for _, vm := range []bool{false, true} {
			text := l.Body
			if vm {
				text = l.Voicemail
			}
			k := key{r.Situation, r.Tone, vm}
			if first[k] == nil {
				first[k], any[k] = map[string]int{}, map[string]int{}
			}
			total[k]++
			opener, _, _ := strings.Cut(text, "\n\n")
			ss := splitSentences(opener)
			if vm {
				// What a voicemail says before its decline.
				ss = nil
				for _, s := range splitSentences(text) {
					if spokenDecline.MatchString(s) {
						break
					}
					ss = append(ss, s)
				}
			}
			first[k][placeheld(ss[0], r)]++
			for _, s := range ss {
				any[k][placeheld(s, r)]++
			}
		}
	}
	worst := map[bool]float64{}
	for k, n := range total {
		for what, counts := range map[string]map[string]int{"opens with": first[k], "says before the decline": any[k]} {
			s, share := topShare(counts, n)
			worst[k.vm] = max(worst[k.vm], share)
			if share > maxOpenerShare {
				t.Errorf("%s/%s (voicemail %v): %.0f %% of calls %s %q (at most %.0f %%)", k.sit, k.tone, k.vm, 100*share, what, s, 100*maxOpenerShare)
			}
		}
	}
	t.Logf("the most shared opening sentence: %.0f %% of calls, %.0f %% of voicemails", 100*worst[false], 100*worst[true])
}

// TestWarmMessagesSoundLikeMessages: a warm chat message neither speaks
// nor signs off like a letter.
func TestWarmMessagesSoundLikeMessages(t *testing.T) {
	letterish := regexp.MustCompile(`(?i)on this occasion|at present|\n(Best wishes|With best wishes|Kind regards|Warm regards|Regards|Sincerely),\n`)
	for r := range voiceRequests() {
		if r.Channel != ChannelMessage || r.Tone != ToneWarm {
			continue
		}
		l := mustCompose(t, r)
		if m := letterish.FindString(l.Body); m != "" {
			t.Errorf("%s: a warm message says %q:\n%s", r.Situation, strings.TrimSpace(m), l.Body)
		}
	}
}
