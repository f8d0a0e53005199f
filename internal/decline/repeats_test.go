package decline

import (
	"regexp"
	"strings"
	"testing"
)

// The tests of this file fail on the lines a blind reader, comparing
// twenty of our letters with human ones, still named: lines that recur
// across letters ("I wanted you to hear it from me directly", "I do not
// take that for granted", "I was glad to be considered for the role") and
// odd ones ("I hope it makes the shortlist easier to settle", "In the
// meantime, I have taken a position", "A quick update on where I've
// landed", a lead "It's because ..." before the user's own reason), and
// the leads a later reader named in three letters of twenty ("This is
// because of ...", "I have made this decision because ...").

// repeatedLines match lines that no letter may hold any longer: each was
// seen in several of twenty letters, or read as no careful writer writes.
var repeatedLines = []*regexp.Regexp{
	regexp.MustCompile(`(?i)hear it from me`),
	regexp.MustCompile(`(?i)take (that|it|this) for granted`),
	regexp.MustCompile(`(?i)glad to be considered for the (role|position|job)`),
	regexp.MustCompile(`(?i)shortlist easier`),
	regexp.MustCompile(`(?i)in the meantime, I('ve| have) taken`),
	regexp.MustCompile(`(?i)quick update on where`),
	regexp.MustCompile(`(?i)where I('ve| have) landed`),
	regexp.MustCompile(`(^|[.!?–]\s+)It's because\b`),
	regexp.MustCompile(`(?i)this is because`),
	regexp.MustCompile(`(?i)made this decision because`),
}

// interviewTimeThought matches the thought, kept in one offer reflection,
// that the employer's people put time into the interviews.
var interviewTimeThought = regexp.MustCompile(`(?i)put (a lot of |so much )?time into the interviews|time your colleagues put`)

// maxInterviewTimeShare bounds the share of offer letters on e-mail or
// message that say the employer's people put time into the interviews.
const maxInterviewTimeShare = 0.10

// TestNoRepeatedLines: no letter of the matrix (every situation,
// channel, tone and reason, with contacts, offers and details) holds a
// line of repeatedLines, and the thought that the employer put time into
// the interviews closes at most maxInterviewTimeShare of offer letters.
func TestNoRepeatedLines(t *testing.T) {
	seen := map[string]int{}
	n, offers, timeLines := 0, 0, 0
	for r := range tactRequests() {
		l := mustCompose(t, r)
		n++
		text := l.Subject + "\n" + l.Body + "\n" + l.Voicemail
		for _, re := range repeatedLines {
			if m := re.FindString(text); m != "" {
				seen[re.String()]++
			}
			if m := re.FindString(text); m != "" && seen[re.String()] == 1 {
				t.Errorf("%s/%s/%s/%s: %q:\n%s\n%s", r.Situation, r.Reason, r.Channel, r.Tone, strings.TrimSpace(m), l.Body, l.Voicemail)
			}
		}
		if r.Situation == SituationOffer && r.Channel != ChannelPhone {
			offers++
			if interviewTimeThought.MatchString(text) {
				timeLines++
			}
		}
	}
	for _, re := range repeatedLines {
		if seen[re.String()] > 0 {
			t.Errorf("%d letters match %s", seen[re.String()], re)
		}
	}
	share := float64(timeLines) / float64(max(offers, 1))
	t.Logf("%d letters read; %d of %d offer letters (%.1f %%) say the interviews took the team's time", n, timeLines, offers, 100*share)
	if share > maxInterviewTimeShare {
		t.Errorf("%.1f %% of offer letters say the interviews took the team's time (at most %.0f %%)", 100*share, 100*maxInterviewTimeShare)
	}
}

// repeatedFamilies are lines a blind reader named in several of twenty
// letters, each however worded: a person writes such a line sometimes,
// not in a third of letters.
var repeatedFamilies = []struct {
	name string
	re   *regexp.Regexp
}{
	{"the answer is not the one hoped for", regexp.MustCompile(`(?i)not the (answer|news) you|(answer|news) (is not|isn't) the one you|hoped for a different answer|hoping for a yes|to disappoint you|different answer for you|answer isn't a yes|isn't better news|not to have better news`)},
	{"every conversation", regexp.MustCompile(`(?i)every conversation|each conversation|every one of them`)},
	{"thanks for trust", regexp.MustCompile(`(?i)believing in me|confidence (in me|you('ve| have) shown)|trust (you have|you've) (shown|given)|time and trust`)},
	{"the interviews go well", regexp.MustCompile(`(?i)interviews go (well|smoothly)`)},
	{"read my application and ask me in", regexp.MustCompile(`(?i)ask me in\b|read my application`)},
	{"it comes down to", regexp.MustCompile(`(?i)comes down to`)},
}

// maxFamilyShare bounds the share of one situation's e-mails and
// messages that carry a line of one repeatedFamilies family.
const maxFamilyShare = 0.08

// TestRepeatedFamiliesRare: in no situation does a line of one
// repeatedFamilies family, however worded, appear in more than
// maxFamilyShare of the e-mails and messages of the matrix.
func TestRepeatedFamiliesRare(t *testing.T) {
	type key struct {
		sit    Situation
		family string
	}
	hits := map[key]int{}
	letters := map[Situation]int{}
	for r := range tactRequests() {
		if r.Channel == ChannelPhone {
			continue
		}
		l := mustCompose(t, r)
		letters[r.Situation]++
		text := l.Subject + "\n" + l.Body
		for _, f := range repeatedFamilies {
			if f.re.MatchString(text) {
				hits[key{r.Situation, f.name}]++
			}
		}
	}
	for _, sit := range Situations() {
		n := max(letters[sit], 1)
		for _, f := range repeatedFamilies {
			share := float64(hits[key{sit, f.name}]) / float64(n)
			if share > 0 {
				t.Logf("%s (%d letters): %q %.1f %%", sit, n, f.name, 100*share)
			}
			if share > maxFamilyShare {
				t.Errorf("%s: %.1f %% of e-mails and messages say %q (at most %.0f %%)", sit, 100*share, f.name, 100*maxFamilyShare)
			}
		}
	}
}

// inlineGreeting is the greeting a message opens its first sentence with.
var inlineGreeting = regexp.MustCompile(`^(Hi|Hello|Hey|Dear) [^,]*, `)

// TestNoWordTwiceInASentence: no sentence of the matrix says a word of
// ours twice, not even one too common to count between sentences ("I
// have decided to withdraw my application for the ... position, as I
// have taken a position with another company", "the timing just isn't
// right for me just now"); the user's own words, and the few words any
// sentence may hold twice ("that", "your", "would"), aside.
func TestNoWordTwiceInASentence(t *testing.T) {
	n, bad := 0, 0
	for r := range tactRequests() {
		l := mustCompose(t, r)
		users := strings.ToLower(strings.Join([]string{r.Company, r.Role, r.Contact.Name, r.Detail, r.ReasonDetail, r.Sender.Name, r.Sender.Email, r.Sender.Phone}, " "))
		for _, s := range splitSentences(withoutGreeting(l.Body) + "\n" + l.Voicemail) {
			s = inlineGreeting.ReplaceAllString(s, "") // a message's "Hi everyone, ..." is the greeting
			n++
			seen := map[string]bool{}
			for w := range wordSeq(s) {
				if len(w) < 4 || functionWord(w) || strings.Contains(users, w) {
					continue
				}
				if st := stemOf(w); seen[st] {
					if bad++; bad <= 20 {
						t.Errorf("%s/%s/%s/%s: %q twice in %q", r.Situation, r.Reason, r.Channel, r.Tone, w, s)
					}
					break
				} else {
					seen[st] = true
				}
			}
		}
	}
	if bad > 0 {
		t.Errorf("%d of %d sentences say a word twice", bad, n)
	}
}
