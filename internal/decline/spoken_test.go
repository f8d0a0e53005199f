package decline

import (
	"regexp"
	"strings"
	"testing"
	"time"
)

// The tests of this file read the phone scripts and voicemails of the
// generator matrix (voiceRequests: every situation, tone, contact, offer
// and variety of English) as a listener hears them, and fail on what a
// person would not say on a call.

// writtenChannel matches an offer a call cannot make, which belongs to a
// written channel: a LinkedIn connection, "drop me a line", "reach out",
// "anyone in my network".
var writtenChannel = regexp.MustCompile(`(?i)linked ?in|connect (with|on)\b|look you up|drop me a line|reach out|e-?mail me\b|message me\b|in my network`)

// spokenTells match the lines a listener hears as an e-mail read aloud:
// stiff thanks ("Thank you so much for wanting me.", "your confidence in
// me"), a letter's frames of the user's own reason ("It's because my
// partner ...", "I have made this decision because ..."), a word left
// uncontracted in our own frames ("It is a family matter") or contracted
// where it cannot be ("where I'm is"), and a goodbye
// that promises another call ("Goodbye for now.") after a decline.
var spokenTells = map[string]*regexp.Regexp{
	"stiff thanks":        regexp.MustCompile(`(?i)for wanting me|confidence in me|attention you gave|took the time to look at it`),
	"written own reason":  regexp.MustCompile(`It's because (my|I|the|we|it|they|he|she|our|your|there)\b|I('ve| have) made this decision|This is because|My reason is|It is (just|a|for|down)\b|The reason is a\b`),
	"goodbye for now":     regexp.MustCompile(`(?i)\bbye for now`),
	"uncontracted phrase": regexp.MustCompile(`\bIt is a\b|\b(It is|I am|I have|I would|I will) (the|just|for|down|glad|happy|decided|afraid|sorry|calling|phoning|withdrawing|looking)\b`),
	// "staying where I am is right" cannot be said "where I'm is".
	"wrong contraction": regexp.MustCompile(`\bI'm (is|was|and|but)\b|\bI'm[,.]|\bI've (to|a|an|the|no)\b`),
}

// farewell and wish match the goodbyes and the closing wishes of a call.
var (
	farewell = regexp.MustCompile(`(?i)\b(good)?bye\b`)
	wish     = regexp.MustCompile(`(?i)all the best|good luck|take care|best wishes|have a (good|great|nice)|enjoy the rest`)
)

// TestCallsMakeNoWrittenOffer: no phone script or voicemail offers what
// only a written channel can ("I'll look you up on LinkedIn", "connect on
// LinkedIn", "drop me a line").
func TestCallsMakeNoWrittenOffer(t *testing.T) {
	n, bad := 0, 0
	for r := range voiceRequests() {
		if r.Channel != ChannelPhone {
			continue
		}
		l := mustCompose(t, r)
		n++
		if m := writtenChannel.FindString(l.Body + "\n" + l.Voicemail); m != "" {
			if bad++; bad <= 5 {
				t.Errorf("%s/%s/%s: a call says %q:\n%s\n%s", r.Situation, r.Tone, r.Contact.Name, m, l.Body, l.Voicemail)
			}
		}
	}
	t.Logf("%d of %d calls make an offer of a written channel", bad, n)
}

// TestCallsSoundSpoken: no phone script or voicemail says one of the
// spokenTells.
func TestCallsSoundSpoken(t *testing.T) {
	n, found := 0, map[string]int{}
	for r := range voiceRequests() {
		if r.Channel != ChannelPhone {
			continue
		}
		l := mustCompose(t, r)
		n++
		text := l.Body + "\n" + l.Voicemail
		for what, re := range spokenTells {
			if m := re.FindString(text); m != "" {
				if found[what]++; found[what] <= 3 {
					t.Errorf("%s/%s/%s: %s %q:\n%s\n%s", r.Situation, r.Tone, r.Reason, what, m, l.Body, l.Voicemail)
				}
			}
		}
	}
	for what := range spokenTells {
		t.Logf("%s: %d of %d calls", what, found[what], n)
	}
}

// TestCallsSayGoodbyeOnce: a call and a voicemail each say goodbye once,
// at the end, with at most one wish before it ("Take care. Bye." but not
// "All the best with the search. Good luck with it all. Bye.").
func TestCallsSayGoodbyeOnce(t *testing.T) {
	n, bad := 0, 0
	for r := range voiceRequests() {
		if r.Channel != ChannelPhone {
			continue
		}
		l := mustCompose(t, r)
		n++
		for _, text := range []string{l.Body, l.Voicemail} {
			paras := strings.Split(strings.TrimSpace(text), "\n\n")
			last := paras[len(paras)-1]
			if len(farewell.FindAllString(text, -1)) != 1 || !farewell.MatchString(lastSentences(text, 1)) || len(wish.FindAllString(last, -1)) > 1 {
				if bad++; bad <= 5 {
					t.Errorf("%s/%s: the call does not say goodbye once, at its end, after one wish at most:\n%s", r.Situation, r.Tone, text)
				}
			}
		}
	}
	t.Logf("%d of %d calls or voicemails say goodbye more than once", bad, 2*n)
}

// contrivedSubject matches the subjects a blind reader called a
// machine's ("Update on my application - ...", "Our ... interview on
// Thursday", "My answer on the ... offer"), and a subject with two dashes
// or a name after a comma that follows no dash.
var (
	contrivedSubject = regexp.MustCompile(`(?i)^update on|update on the|my answer|my reply|reply to your|my decision on|^our |after our interview:| [–-] .* [–-] `)
	subjectDash      = regexp.MustCompile(` [–-] `)
)

// TestSubjectsNotContrived writes the subjects of every situation in both
// tones, with and without an address for the From line, and fails on a
// contrived one.
func TestSubjectsNotContrived(t *testing.T) {
	n, bad := 0, 0
	for _, sit := range Situations() {
		for w := range uint64(120) {
			r := request(sit, ReasonTiming, ChannelEmail, Tones()[w%2], 3)
			r.Wording = w
			if w%3 == 0 {
				r.Sender.Email = ""
			}
			s := mustCompose(t, r).Subject
			n++
			m := contrivedSubject.FindString(s)
			if strings.HasSuffix(s, ", Sam Lee") && !subjectDash.MatchString(s) {
				m = "a name after a comma, with no dash before"
			}
			if m != "" {
				if bad++; bad <= 5 {
					t.Errorf("%s: the subject %q is contrived (%q)", sit, s, m)
				}
			}
		}
	}
	t.Logf("%d of %d subjects are contrived", bad, n)
}

// TestCallsSayTheTime: a call that cancels an interview says its time as
// people say it ("at 2 p.m."), never as a 24-hour clock ("at 14:00"), nor
// a US time read twice ("at 2:30 a.m. p.m.").
func TestCallsSayTheTime(t *testing.T) {
	clock := regexp.MustCompile(`\b[0-9]{1,2}:[0-9]{2}\b`)
	twice := regexp.MustCompile(`[ap]\.m\. [ap]\.m\.`) // "2:30 a.m. p.m.": a US time said again
	n, bad := 0, 0
	for r := range voiceRequests() {
		if r.Channel != ChannelPhone || r.Situation != SituationBeforeInterview {
			continue
		}
		for _, hour := range []int{9, 12, 14} {
			at := time.Date(2026, 12, 3, hour, 30*(hour%2), 0, 0, time.UTC)
			r.InterviewAt = &at
			l := mustCompose(t, r)
			n++
			if m := twice.FindString(l.Body + "\n" + l.Voicemail); m != "" {
				t.Errorf("%s: a call says %q:\n%s\n%s", r.English, m, l.Body, l.Voicemail)
			}
			if m := clock.FindString(l.Body + "\n" + l.Voicemail); m != "" && r.English != EnglishUS {
				if bad++; bad <= 3 {
					t.Errorf("%s: a call says %q:\n%s\n%s", r.English, m, l.Body, l.Voicemail)
				}
			}
		}
	}
	t.Logf("%d of %d calls say a 24-hour clock", bad, n)
}

// TestDeclineAvoidsTheOwnReason: the decline said before the user's own
// reason, or joined to it, does not repeat its "decided" in an e-mail or
// a call ("I've decided not to
// accept the position. I have decided to accept a position in the
// Chicago area."; "I have decided to withdraw it, as I have decided to
// accept ...", in 43 of 542 e-mails and messages before).
func TestDeclineAvoidsTheOwnReason(t *testing.T) {
	own := "I have decided to accept a position in the Chicago area"
	for _, ch := range []Channel{ChannelEmail, ChannelPhone} {
		for _, sit := range Situations() {
			for _, tone := range Tones() {
				for w := range uint64(30) {
					r := request(sit, ReasonOther, ch, tone, w)
					r.ReasonDetail = own
					l := mustCompose(t, r)
					ss := splitSentences(l.Body)
					for i, s := range ss {
						if !strings.Contains(s, "Chicago") {
							continue
						}
						before := strings.Replace(s, own, "", 1)
						if i > 0 {
							before += " " + ss[i-1]
						}
						if strings.Contains(before, "decided") {
							t.Errorf("%s %s %s wording %d: %q | %q", ch, sit, tone, w, ss[max(i-1, 0)], s)
						}
					}
				}
			}
		}
	}
}
