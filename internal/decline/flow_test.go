package decline

import (
	"regexp"
	"slices"
	"strings"
	"testing"
	"time"
)

// flowLetter is one letter of the generator matrix the flow tests read:
// every situation, e-mail and message, both tones, every reason that
// fits, the contacts of the letter tests, and now and then the user's
// detail (what they appreciated).
type flowLetter struct {
	r    Request
	body string // without greeting and sign-off
}

// flowDetails are the details of the matrix, with the words that find
// the sentence that carries each, however it is woven in.
var flowDetails = []struct{ detail, mark string }{
	{"meeting the platform team", "platform team"},
	{"the way you described the role", "way you described"},
}

// flowMatrix composes the letters of the flow tests: per situation,
// channel and tone, per reasons each contact and variants variants.
func flowMatrix(t *testing.T, variants int) map[Situation][]flowLetter {
	t.Helper()
	out := map[Situation][]flowLetter{}
	n := 0
	for _, sit := range Situations() {
		for _, ch := range []Channel{ChannelEmail, ChannelMessage} {
			for _, tone := range Tones() {
				for _, reason := range ReasonsFor(sit) {
					for i, ct := range contacts {
						for v := range variants {
							n++
							r := request(sit, reason, ch, tone, uint64(9001+37*n+v))
							r.Contact = ct.c
							r.Offer = Offers()[n%len(Offers())]
							if (i+v)%3 == 0 {
								d := flowDetails[n%len(flowDetails)]
								r.Detail, r.DetailKind = d.detail, DetailAppreciated
							}
							out[sit] = append(out[sit], flowLetter{r, withoutGreeting(mustCompose(t, r).Body)})
						}
					}
				}
			}
		}
	}
	return out
}

// stockFrames are the frames a blind reader took for the program's
// before a reason: none ever opens a sentence of a letter.
var stockFrames = []string{"To be honest,", "In the end,", "It is down to", "It's down to", "The main thing is that",
	"The main reason is that", "The short version is that", "In brief,", "My reason, briefly"}

// otherFrames are frames a person may write now and then: none opens a
// sentence in more than maxFrameOpenShare of a situation's letters.
var otherFrames = []string{"Honestly,", "The reason is that", "The reason is", "It comes down to", "My reason is that",
	"The thing is,", "It is just that", "It's just that", "Simply put,", "In short,", "Frankly,", "Truthfully,", "This is because", "In the meantime,"}

// maxFrameOpenShare bounds the share of a situation's letters in which
// one frame opens a sentence.
const maxFrameOpenShare = 0.05

// clausesOf are the sentences of body and the clauses that follow ", but"
// or a dash in them, each of which a frame may open.
func clausesOf(body string) []string {
	var out []string
	for _, s := range splitSentences(body) {
		out = append(out, s)
		for _, join := range []string{", but ", " – "} {
			if _, after, ok := strings.Cut(s, join); ok {
				out = append(out, after)
			}
		}
	}
	return out
}

// opensWith reports whether s opens with frame, in any case.
func opensWith(s, frame string) bool {
	return len(s) >= len(frame) && strings.EqualFold(s[:len(frame)], frame)
}

// TestNoReasonFrames: the stock frames never open a sentence of an e-mail
// or a message, and no other frame opens one in more than 5 % of a
// situation's letters: people join the reason to the decline or give it
// plainly. It prints the share of letters with any frame.
func TestNoReasonFrames(t *testing.T) {
	for sit, letters := range flowMatrix(t, 2) {
		counts, any := map[string]int{}, 0
		for _, l := range letters {
			found := false
			for _, s := range clausesOf(l.body) {
				for _, f := range stockFrames {
					if opensWith(s, f) {
						t.Errorf("%s/%s/%s: a stock frame %q opens %q\n%s", sit, l.r.Channel, l.r.Tone, f, s, l.body)
						found = true
					}
				}
				for _, f := range otherFrames {
					if opensWith(s, f) {
						counts[f]++
						found = true
					}
				}
			}
			if found {
				any++
			}
		}
		t.Logf("%s: %.1f %% of %d letters open a sentence with a frame", sit, 100*float64(any)/float64(len(letters)), len(letters))
		for f, k := range counts {
			share := float64(k) / float64(len(letters))
			if share > maxFrameOpenShare {
				t.Errorf("%s: %q opens a sentence in %.1f %% of letters (at most %.0f %%)", sit, f, 100*share, 100*maxFrameOpenShare)
			}
		}
	}
}

// thoughtAfter marks a sentence that says the writer thought it over: it
// belongs before the decision or in it ("After a lot of thought, I am
// declining it."), not after ("I am declining it. ... I have given the
// offer a great deal of thought.").
var thoughtAfter = regexp.MustCompile(`(?i)\b(given (it|the offer|this|the role|my decision)( a great deal of| a lot of| much| careful| some)? thought|thought (it|this|about it) (over|through)|thought about it|thought it over)\b`)

// bareGratitude marks thanks with no object, which float free of what
// came before ("I am very grateful to you.", "Thank you.").
var bareGratitude = regexp.MustCompile(`(?i)^((I am|I'm)( very| really| so| truly| genuinely)? grateful( to you)?|(Thank you|Thanks)( so much| very much| again| once more)?|I( really| truly)? appreciate (it|that))[.!]$`)

// disconnected reports the first sentence of a letter that does not
// follow from those before it, and why; "" when each follows.
func disconnected(l flowLetter) (string, string) {
	ss := splitSentences(l.body)
	declined := -1
	for i, s := range ss {
		if declined < 0 && declines(words(s)) {
			declined = i
			continue
		}
		if declined < 0 {
			continue
		}
		if thoughtAfter.MatchString(s) && !declines(words(s)) {
			return s, "says the writer thought it over after the decision"
		}
		if bareGratitude.MatchString(s) {
			return s, "thanks with no object after the decision"
		}
	}
	// What the user appreciated sits beside the first thanks, before the
	// decision, or opens the letter; never after the decline and its
	// reason, where it reads as an afterthought.
	if l.r.Detail != "" && l.r.Channel == ChannelEmail && declined >= 0 {
		for _, d := range flowDetails {
			if d.detail != l.r.Detail {
				continue
			}
			for i, s := range ss {
				if strings.Contains(s, d.mark) && i > declined && !declines(words(s)) {
					return s, "what the user appreciated comes after the decision"
				}
			}
		}
	}
	return "", ""
}

// TestSentencesConnect: across the generator matrix each sentence
// follows from the one before it: the writer's thinking comes before the
// decision, not after it; gratitude after the decision names what it is
// for; what the user appreciated sits beside the first thanks, before the
// decline. No letter after a meeting hopes its news is "not too much of a
// surprise", and a cancellation says it is withdrawing, not that it has
// withdrawn (announcing as done what the letter itself does).
func TestSentencesConnect(t *testing.T) {
	bad := 0
	total := 0
	for sit, letters := range flowMatrix(t, 2) {
		for _, l := range letters {
			total++
			if s, why := disconnected(l); s != "" {
				bad++
				if bad <= 10 {
					t.Errorf("%s/%s/%s: %q %s\n%s", sit, l.r.Channel, l.r.Tone, s, why, l.body)
				}
			}
			if met(l.r) && containsFold(l.body, "surprise") {
				t.Errorf("%s/%s/%s: a letter after meeting the people hopes it is no surprise\n%s", sit, l.r.Channel, l.r.Tone, l.body)
			}
			if sit == SituationBeforeInterview && (containsFold(l.body, "have withdrawn") || containsFold(l.body, "'ve withdrawn")) {
				t.Errorf("%s/%s/%s: announces the withdrawal as done\n%s", sit, l.r.Channel, l.r.Tone, l.body)
			}
		}
	}
	t.Logf("%d of %d letters have a sentence that does not connect", bad, total)
}

// apologyWords mark a sentence that apologises, in so many words or by
// hoping the trouble caused is small.
var apologyWords = regexp.MustCompile(`(?i)\b(sorry|apolog\w*|inconvenien\w*|hassle|disrupt\w*|trouble|bother|mess up)\b`)

// TestCancellationApologisesOnce: a letter that cancels an interview
// apologises once, on e-mail and by message alike: "I am sorry to leave a
// gap in your schedule. I hope it is not too much of an inconvenience."
// says sorry twice, and half the messages used to say it not at all.
func TestCancellationApologisesOnce(t *testing.T) {
	letters := flowMatrix(t, 3)[SituationBeforeInterview]
	twice, none := 0, 0
	for _, l := range letters {
		n := 0
		var said []string
		for _, s := range splitSentences(l.body) {
			if apologyWords.MatchString(s) {
				n++
				said = append(said, s)
			}
		}
		if n == 0 {
			none++
		}
		if n > 1 {
			twice++
			if twice <= 10 {
				t.Errorf("%s/%s: apologises %d times: %s\n%s", l.r.Channel, l.r.Tone, n, strings.Join(said, " | "), l.body)
			}
		}
	}
	t.Logf("cancellations: %d of %d apologise more than once, %d not at all", twice, len(letters), none)
	if twice > 0 {
		t.Errorf("%d of %d cancellations apologise more than once", twice, len(letters))
	}
	if none > 0 {
		t.Errorf("%d of %d cancellations do not apologise", none, len(letters))
	}
}

// TestShortNoticeNeverInGoodTime: a cancellation a day or two before the
// interview, which owns up to the short notice, never also says the news
// comes early ("I am sorry for the short notice. I wanted to let you know
// in good time.").
func TestShortNoticeNeverInGoodTime(t *testing.T) {
	at := time.Date(2026, 12, 3, 13, 0, 0, 0, time.UTC)
	n, bad := 0, 0
	for _, tone := range Tones() {
		for _, reason := range ReasonsFor(SituationBeforeInterview) {
			for _, ct := range contacts {
				for v := range uint64(12) {
					for _, ahead := range []int{0, 1, 2} {
						r := request(SituationBeforeInterview, reason, ChannelEmail, tone, 4001+v*31+uint64(ahead))
						r.Contact, r.DeclinedOn = ct.c, at.AddDate(0, 0, -ahead).Add(-4*time.Hour)
						if !shortNotice(r) {
							t.Fatalf("%d days ahead is not short notice", ahead)
						}
						body := mustCompose(t, r).Body
						n++
						for _, s := range splitSentences(body) {
							if slices.ContainsFunc(earlyWords, func(w string) bool { return containsFold(s, w) }) {
								bad++
								if bad <= 5 {
									t.Errorf("%s: says the news comes early at short notice: %q\n%s", tone, s, body)
								}
							}
						}
					}
				}
			}
		}
	}
	t.Logf("%d of %d short-notice cancellations say the news comes early", bad, n)
}
