package decline

import (
	"fmt"
	"regexp"
	"slices"
	"strings"
	"testing"
	"time"
)

// britishOnly are the forms an American reader takes for a British house
// style: a blind reader named "Many thanks", "taking up" and "Yours
// sincerely," in a New York user's letters.
var britishOnly = prefilter(regexp.MustCompile(`Many thanks|many thanks|taking up|take up the|on this occasion|at present|straight away|Kindest regards|` +
	`Yours sincerely|Yours faithfully|Cheers,|All good wishes|With many thanks|With best wishes|Very best wishes|Do keep in touch|Do get in touch|Every success to|with the recruitment|` +
	`realis|organis|apologis|recognis|prioritis|favour|colour|honour|candour|neighbour|behaviour|centre|programme|enquir|cancelled|cancelling|Cancelling|` +
	`towards|whilst|amongst|ringing|brilliant|lovely|has got busy|I'm after|reach me on|in your diary`))

// usOnly are the spellings and idioms of US English our British letters
// must not take.
var usOnly = prefilter(regexp.MustCompile(`realiz|organiz|apologiz|recogniz|favor\b|color\b|center|Canceling|canceling|canceled|on your calendar|reach me at`))

// TestEnglishVarieties: a letter in each variety greets, thanks and signs
// off as people there write: "Dear Mr. Hughes," and "Sincerely," in US
// English, "Dear Mr Hughes," and the British closes in British English.
// A title typed with its full stop, and a greeting the user set, are kept
// as typed in both.
func TestEnglishVarieties(t *testing.T) {
	cases := []struct {
		name    string
		contact Contact
		us, gb  string // the formal e-mail's greeting line
	}{
		{"title", Contact{Name: "Daniel Hughes", Title: "Mr"}, "Dear Mr. Hughes,", "Dear Mr Hughes,"},
		{"title in the name", Contact{Name: "Ms Helen Carter"}, "Dear Ms. Carter,", "Dear Ms Carter,"},
		{"title with a full stop", Contact{Name: "Paula Lima", Title: "Dr."}, "Dear Dr. Lima,", "Dear Dr. Lima,"},
		{"doctor", Contact{Name: "Paula Lima", Title: "dr"}, "Dear dr. Lima,", "Dear dr Lima,"},
		{"a word, not an abbreviation", Contact{Name: "Ada Gray", Title: "Miss"}, "Dear Miss Gray,", "Dear Miss Gray,"},
		{"professor", Contact{Name: "Ada Gray", Title: "Professor"}, "Dear Professor Gray,", "Dear Professor Gray,"},
		{"greeting as typed", Contact{Name: "Daniel Hughes", Title: "Mr", GreetingName: "Mr Hughes"}, "Dear Mr Hughes,", "Dear Mr Hughes,"},
		// No title: the first name, as people write to a recruiter they
		// know by name ("Dear Daniel Hughes," read as a mail merge).
		{"no title", Contact{Name: "Daniel Hughes"}, "Dear Daniel,", "Dear Daniel,"},
	}
	for _, tc := range cases {
		for _, e := range []English{EnglishUS, EnglishGB} {
			t.Run(fmt.Sprintf("%s/%s", tc.name, e), func(t *testing.T) {
				want := map[English]string{EnglishUS: tc.us, EnglishGB: tc.gb}[e]
				for _, sit := range Situations() {
					for w := range uint64(12) {
						r := request(sit, ReasonsFor(sit)[int(w)%len(ReasonsFor(sit))], ChannelEmail, ToneFormal, 3)
						r.Contact, r.English, r.Wording = tc.contact, e, w
						l := mustCompose(t, r)
						if got, _, _ := strings.Cut(l.Body, "\n"); got != want {
							t.Fatalf("%s/%d opens %q, want %q", sit, w, got, want)
						}
						assertAllOK(t, l, r)
					}
				}
			})
		}
	}
}

// TestEnglishIdioms writes every situation, channel and tone in both
// varieties and reads them for the other variety's forms: none of
// britishOnly in a US letter, none of usOnly in a British one; and the
// British closes are still written in British letters.
func TestEnglishIdioms(t *testing.T) {
	gbSignoffs := map[string]bool{}
	for _, e := range []English{EnglishUS, EnglishGB} {
		for r := range drawnRequests() {
			if r.Variant%3 != 0 {
				continue // a third of them is enough to see every phrasing often
			}
			r.English = e
			r.Contact = contacts[int(r.Variant)%len(contacts)].c
			if r.Variant%2 == 0 {
				r.Contact = Contact{Name: "Daniel Hughes", Title: "Mr"}
			}
			l := mustCompose(t, r)
			text := l.Subject + "\n" + l.Body + "\n" + l.Voicemail
			bad := britishOnly
			if e == EnglishGB {
				bad = usOnly
			}
			if m := bad.FindString(text); m != "" {
				t.Errorf("%s %s/%s/%s says %q:\n%s", e, r.Situation, r.Channel, r.Tone, m, text)
			}
			if e == EnglishGB && r.Channel == ChannelEmail {
				paras := strings.Split(l.Body, "\n\n")
				signoff, _, _ := strings.Cut(paras[len(paras)-1], "\n")
				gbSignoffs[signoff] = true
			}
		}
	}
	for _, s := range []string{"Yours sincerely,", "Kind regards,", "Many thanks,", "Best wishes,"} {
		if !gbSignoffs[s] {
			t.Errorf("no British letter signs off %q", s)
		}
	}
}

// TestEnglishKeepsTheUsersWords: US English changes our phrasings only; the
// user's names, title as typed and details, even spelt the British way,
// are copied into the letter as they were typed.
func TestEnglishKeepsTheUsersWords(t *testing.T) {
	at := time.Date(2026, 12, 9, 15, 0, 0, 0, time.UTC)
	for _, ch := range Channels() {
		for _, tone := range Tones() {
			for w := range uint64(8) {
				r := Request{Company: "Colour Centre Organisation", Role: "Programme Analyst", Situation: SituationBeforeInterview,
					Contact: Contact{Name: "Harriet Favour", GreetingName: "Mrs Favour"}, Reason: ReasonOther,
					ReasonDetail: "I realised my travelling would be too much", Detail: "the tour of your colour lab", DetailKind: DetailAppreciated,
					Channel: ch, Tone: tone, Sender: Sender{Name: "Ms Jo Honour-Cancelliere"}, English: EnglishUS, Wording: w, InterviewAt: &at}
				l := mustCompose(t, r)
				text := l.Body + l.Voicemail
				for _, keep := range []string{"Programme Analyst", "Mrs Favour", "realised", "travelling", "colour lab", "Honour-Cancelliere"} {
					if keep == "Honour-Cancelliere" && (ch == ChannelPhone || ch == ChannelMessage && tone == ToneWarm) ||
						keep == "colour lab" && ch != ChannelEmail {
						continue // a call and a chat give the first name, and only an e-mail the detail
					}
					if !strings.Contains(text, keep) {
						t.Errorf("%s/%s/%d: %q is not in the letter as typed:\n%s", ch, tone, w, keep, text)
					}
				}
				if strings.Contains(text, "Mrs. Favour") || strings.Contains(text, "Colour Center") {
					t.Errorf("%s/%s/%d: a user's value was changed:\n%s", ch, tone, w, text)
				}
			}
		}
	}
}

// TestUSSignoffs: a US e-mail signs off from the American closes that fit
// its greeting, and "Sincerely," or "Best regards," sign many of those to a
// title and surname.
func TestUSSignoffs(t *testing.T) {
	seen := map[string]int{}
	for sit := range slices.Values(Situations()) {
		for w := range uint64(40) {
			r := request(sit, ReasonNone, ChannelEmail, ToneFormal, 11)
			r.Contact, r.English, r.Wording = Contact{Name: "Daniel Hughes", Title: "Mr"}, EnglishUS, w
			paras := strings.Split(mustCompose(t, r).Body, "\n\n")
			signoff, _, _ := strings.Cut(paras[len(paras)-1], "\n")
			if !slices.Contains(usSignoffs[greetTitled][ToneFormal], signoff) {
				t.Errorf("%s/%d: signed %q", sit, w, signoff)
			}
			seen[signoff]++
		}
	}
	if seen["Sincerely,"]+seen["Best regards,"] < 40 {
		t.Errorf("of 200 letters to Mr. Hughes %d sign \"Sincerely,\" and %d \"Best regards,\"", seen["Sincerely,"], seen["Best regards,"])
	}
}

// TestUSFollowUp: a US follow-up names the decline's day month first and
// speaks US English.
func TestUSFollowUp(t *testing.T) {
	for _, kind := range followUpKinds {
		for w := range uint64(10) {
			r := FollowUpRequest{Company: "Acme", Role: "Analyst", Contact: Contact{Name: "Daniel Hughes", Title: "Mr"}, Kind: kind,
				Situation: SituationOffer, DeclineChannel: ChannelPhone, Tone: ToneFormal, Sender: Sender{Name: "Sam Lee"},
				DeclinedOn: time.Date(2026, 12, 3, 10, 0, 0, 0, time.UTC), English: EnglishUS, Variant: w}
			l, err := ComposeFollowUp(r)
			if err != nil {
				t.Fatal(err)
			}
			if !strings.HasPrefix(l.Body, "Dear Mr. Hughes,") || britishOnly.MatchString(l.Body) || strings.Contains(l.Body, "3 December") {
				t.Errorf("%s/%d:\n%s", kind, w, l.Body)
			}
		}
	}
}

// TestCallsSayCallingOnce: a call that opens "I'm calling about ..." does
// not go on "I'm calling to say ..." two sentences later (9 of 1,200
// calls did, British and American: the check for a repeated word looks
// at the sentence before only).
func TestCallsSayCallingOnce(t *testing.T) {
	twice := regexp.MustCompile(`(?i)\bcalling\b[^\n]*\n*[^\n]*\bcalling to\b`)
	n := 0
	defer func() {
		if n > 0 {
			t.Errorf("%d calls say calling twice", n)
		}
	}()
	for _, sit := range situations {
		for _, tone := range tones {
			for v := range uint64(120) {
				r := request(sit, ReasonAnotherOffer, ChannelPhone, tone, v)
				r.English = englishes[v%2]
				l := mustCompose(t, r)
				script, _, _ := strings.Cut(l.Body, "Voicemail")
				if twice.MatchString(script) {
					n++
					t.Logf("%s says calling twice:\n%s", r.English, script)
				}
			}
		}
	}
}

// TestCallReasonsNameTheMatterOnce: a call's reason does not repeat the
// noun its decline just said ("I've decided not to accept the position.
// I've taken a position with another company.") where another wording
// exists.
func TestCallReasonsNameTheMatterOnce(t *testing.T) {
	twice := regexp.MustCompile(`(?i)\b(position|role|job)\b[^.?!]*[.?!] [^.?!]*\b(position|role|job)\b`)
	n, all := 0, 0
	for _, sit := range situations {
		for _, reason := range []Reason{ReasonAnotherOffer, ReasonRoleFit, ReasonLocation, ReasonTiming} {
			for v := range uint64(60) {
				r := request(sit, reason, ChannelPhone, tones[v%2], v)
				script, _, _ := strings.Cut(mustCompose(t, r).Body, "Voicemail")
				paras := strings.Split(script, "\n\n")
				all++
				for _, p := range paras[1:2] {
					if m := twice.FindStringSubmatch(p); m != nil && m[1] == m[2] {
						n++
						t.Logf("%s", p)
					}
				}
			}
		}
	}
	if n > 0 {
		t.Errorf("%d of %d calls name the position, role or job twice in a row (19 did before)", n, all)
	}
}

// TestUSWordsWholeWords: a British word or idiom of usWords is changed
// only where it stands as words of its own, never inside a longer word:
// "in the team" once turned "glad to join the team" into "glad to joon
// the team".
func TestUSWordsWholeWords(t *testing.T) {
	isLetter := func(s string, i int) bool {
		if i < 0 || i >= len(s) {
			return false
		}
		c := s[i]
		return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z'
	}
	for _, p := range docPhrasings() {
		for _, pair := range append(slices.Clone(usIdioms), usSpellings...) {
			for off := 0; ; {
				i := strings.Index(p[off:], pair[0])
				if i < 0 {
					break
				}
				i += off
				old := pair[0]
				if isLetter(old, 0) && isLetter(p, i-1) || isLetter(old, len(old)-1) && isLetter(p, i+len(old)) && !isSpellingStem(old) {
					t.Errorf("%q inside a longer word in %q: the US letter reads %q", pair[0], p, usWords.Replace(p))
				}
				off = i + len(pair[0])
			}
		}
	}
}

// isSpellingStem reports a spelling of usSpellings that is a stem, meant
// to change the words it begins ("enquir" in "enquiry", "realise" in
// "realised").
func isSpellingStem(s string) bool {
	for _, p := range usSpellings {
		if p[0] == s {
			return true
		}
	}
	return false
}
