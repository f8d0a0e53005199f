package decline

import (
	"fmt"
	"slices"
	"strings"
	"testing"
)

// The tests here hold the engine's faster paths to the plainer ones they
// replaced, kept below as references: both must give the same answers,
// since no letter may change by being written faster.

// refAllows is said.allows as first written: the acts of next and the
// pointing back read afresh for every phrasing.
func (w said) refAllows(s, next string) bool {
	a := actsOf(s)
	switch {
	case a&actThanks != 0 && !w.mayThank():
		return false
	case a&actRegret != 0 && w.regrets > 0:
		return false
	case a&actWish != 0 && w.wishes > 0:
		return false
	case a&actTeam != 0 && (w.last&actTeam != 0 || next != "" && teamWord.MatchString(next)):
		return false
	case pointsBack.MatchString(strings.TrimPrefix(s, "^")) && (w.last&actThanks != 0 || next != "" && thanks(next)):
		return false
	}
	return true
}

// refFresh is said.fresh as first written, on refAllows.
func (w said) refFresh(list []string, next string) []string {
	out := slices.DeleteFunc(slices.Clone(list), func(s string) bool { return !w.refAllows(s, next) })
	if len(out) == 0 {
		return list
	}
	return out
}

// sameResultPhrasings are every phrasing as the tables hold it (with
// their "^" and alternatives) and spelled out, and lines made to trip
// each act.
func sameResultPhrasings() []string {
	all := append(everyPhrasing(), docPhrasings()...)
	return append(all, "Hopefully that helps with your planning.", "^Hopefully that helps.", "I hope that's useful.",
		"I hope that makes sense.", "I hope that gives you time.", "Hopefully thatch.", "I hope thats fine.",
		"I hope the team does well.", "Thanks again, and best of luck to the team.", "I regret it.", "")
}

// TestAllowsAsBefore: allows and fresh, which read the next sentence once
// and the pointing back with the acts, answer as refAllows and refFresh
// for every phrasing, every record and next sentences that thank, name
// the team, do both or neither.
func TestAllowsAsBefore(t *testing.T) {
	list := sameResultPhrasings()
	nexts := []string{"", "meeting the platform team", "Thank you again.", "Thanks to the team.", "I start in May.", "Ça va, merci."}
	var records []said
	for n := range 3 * 2 * 2 {
		for _, last := range []act{0, actThanks, actTeam, actThanks | actTeam, actWish | actRegret} {
			records = append(records, said{thanks: n % 3, regrets: n / 3 % 2, wishes: n / 6, last: last, prev: actTeam})
		}
	}
	differ := 0
	for _, w := range records {
		for _, next := range nexts {
			for _, s := range list {
				if got, want := w.allows(s, next), w.refAllows(s, next); got != want {
					if differ++; differ < 10 {
						t.Errorf("%+v allows(%q, %q) = %v, was %v", w, s, next, got, want)
					}
				}
			}
			// The lists of the letters' parts, and the whole lot.
			for _, part := range [][]string{list, list[:40], list[100:110], {"Thanks again."}, nil} {
				if got, want := w.fresh(part, next), w.refFresh(part, next); !slices.Equal(got, want) {
					t.Errorf("%+v fresh(%d phrasings, %q): %d left, was %d", w, len(part), next, len(got), len(want))
				}
			}
		}
	}
}

// TestSaidOfAsSaidIn: the record a chooser keeps of the text its last
// choice followed, extended by what is added, is the record saidIn reads
// from the whole text: for texts growing a sentence, a word or a letter
// at a time, cut anywhere, shrinking, and with invalid UTF-8.
func TestSaidOfAsSaidIn(t *testing.T) {
	var texts []string
	for _, ch := range Channels() {
		for _, sit := range Situations() {
			for v := range uint64(4) {
				l := mustCompose(t, request(sit, ReasonAnotherOffer, ch, ToneWarm, v))
				texts = append(texts, l.Body)
			}
		}
	}
	texts = append(texts, "Thanks.\nThank you!  Thanks again?\r\nSorry.Sorry. I hope the team is well.\u00a0Best wishes to the team.",
		"Thank you \xff. Thanks\xfe again.\n\nI wish I had better news.", "I hope all goes well. 2 p.m. is fine. Thanks")
	extended, n := 0, 0
	for _, text := range texts {
		c := newChooser(1, 2)
		var cuts []int
		for i := range len(text) + 1 {
			cuts = append(cuts, i)
		}
		// Growing byte by byte, then at every sixth byte, then shrinking.
		for _, step := range []int{1, 6, -5} {
			for k := range cuts {
				i := cuts[k]
				if step < 0 {
					i = cuts[len(cuts)-1-k]
				}
				if step != 1 && i%step != 0 {
					continue
				}
				before := c.said.text
				got, want := c.saidOf(text[:i]), saidIn(text[:i])
				if len(before) > 0 && len(before) < i {
					extended++
				}
				n++
				if got != want {
					t.Fatalf("saidOf(%q) after %q = %+v, saidIn %+v", text[:i], before, got, want)
				}
			}
		}
	}
	if extended == 0 || n == 0 {
		t.Fatalf("no record was extended (%d read)", n)
	}
}

// sameResultTexts are letters of every channel and situation, the
// hand-written corpus, and text made to trip the word scanner.
func sameResultTexts(t *testing.T) []string {
	var texts []string
	for _, ch := range Channels() {
		for _, sit := range Situations() {
			for v := range uint64(3) {
				r := request(sit, ReasonAnotherOffer, ch, ToneFormal, v)
				l := mustCompose(t, r)
				texts = append(texts, l.Subject+"\n\n"+l.Body, l.Voicemail)
			}
		}
	}
	for _, l := range readCorpus(t) {
		texts = append(texts, l.body)
	}
	return append(texts, "", "THANK YOU. I'M NOT ABLE TO ATTEND!!", "It's 'Quoted' -- O'Brien's U.S.A. 3.5 e-mail.\r\nNext",
		"Café Zoë, ÉCOLE: naïve’s “quotes” – dashes", "back`tick and \xff bad byte. Done?", "İstanbul KELVIN \u212a. Straße")
}

// TestSentenceWordsOfLowered: the checker reads the words and sentences
// of a letter from a copy with its ASCII capitals lower-cased; they are
// those of the letter itself.
func TestSentenceWordsOfLowered(t *testing.T) {
	lowered := 0
	for _, text := range sameResultTexts(t) {
		ws, start, sents := sentenceWords(text)
		low := lowerASCII(text)
		if low != text {
			lowered++
		}
		lws, lstart, lsents := sentenceWords(low)
		if !slices.Equal(ws, lws) || !slices.Equal(start, lstart) || !slices.EqualFunc(sents, lsents, slices.Equal) {
			t.Errorf("the words of %q lower-cased differ:\n%q\n%q", text, ws, lws)
		}
	}
	if lowered == 0 {
		t.Fatal("no text was lower-cased")
	}
}

// TestShortBodyAsBefore: shortBody, which stops at the fifth sentence and
// copies the text only to drop clock dots, answers as it did when it
// split every sentence of the copy.
func TestShortBodyAsBefore(t *testing.T) {
	texts := append(sameResultTexts(t), "Thanks. See you at 2 p.m. on Monday. Or 9 a.m. Bye. Thanks.",
		"One. Two. Three. Four at 3 p.m. Done.", "One. Two. Three. Four. Five.", "One. Two. Three. Four.")
	short := 0
	for _, text := range texts {
		want := len(splitSentences(clockDots.Replace(text))) <= 4
		if got := shortBody(text); got != want {
			t.Errorf("shortBody(%q) = %v, was %v", text, got, want)
		}
		if want {
			short++
		}
	}
	if short == 0 || short == len(texts) {
		t.Fatalf("%d of %d texts short: the test tells nothing apart", short, len(texts))
	}
}

// TestDraftWordsAsCounted: the count a draft keeps of its words is the
// count of its text after every change, made through add and br or to
// its paragraphs directly.
func TestDraftWordsAsCounted(t *testing.T) {
	var d draft
	check := func(step string) {
		t.Helper()
		if got, want := d.words(), countWords(d.text()); got != want {
			t.Fatalf("%s: words() = %d, the text has %d", step, got, want)
		}
	}
	check("empty")
	d.add("Thank you for the invitation.")
	check("add")
	check("again")
	d.add("I have accepted another offer, so I will not go ahead.")
	check("add")
	d.br()
	d.add("Best of luck.")
	check("br and add")
	d.paras[0] = d.paras[0][:1]
	d.valid = false
	check("a sentence dropped")
	d.paras = d.paras[:1]
	d.valid = false
	check("a paragraph dropped")
}

// TestOfferListRead: the offers an e-mail keeps once read are those
// offersFor and toReader give its request, for every situation, offer,
// tone and reader.
func TestOfferListRead(t *testing.T) {
	n := 0
	for _, sit := range Situations() {
		for _, o := range Offers() {
			for _, tone := range Tones() {
				for _, ct := range contacts {
					r := normalizeRequest(request(sit, ReasonAnotherOffer, ChannelEmail, tone, 1))
					r.Offer, r.Contact = o, ct.c
					e := emailWriter{r: r}
					want := toReader(r, offersFor(r, offerSentences[r.Offer][r.Tone], offersBySituation))
					for range 2 {
						if got := e.offerList(); !slices.Equal(got, want) {
							t.Fatalf("%s/%s/%s/%s: offerList() = %q, want %q", sit, o, tone, ct.name, got, want)
						}
					}
					n += len(want)
				}
			}
		}
	}
	if n == 0 {
		t.Fatal("no offers")
	}
}

// TestCountFieldsAsFields: countFields counts what strings.Fields
// returns, over every phrasing and text made to trip it.
func TestCountFieldsAsFields(t *testing.T) {
	texts := append(sameResultPhrasings(), sameResultTexts(t)...)
	texts = append(texts, "  a\u00a0b\u0085c\u2003d\te\n\vf\fg\rh  ", "\xff \xfe", " ", "x")
	for _, s := range texts {
		if got, want := countFields(s), len(strings.Fields(s)); got != want {
			t.Errorf("countFields(%q) = %d, Fields %d", s, got, want)
		}
	}
}

// refReplaceFold is replaceFold as first written, which looked for old
// twice before replacing it.
func refReplaceFold(s, low, old, repl string) (string, string) {
	lo := strings.ToLower(old)
	if len(low) == len(s) && len(lo) == len(old) && !strings.Contains(low, lo) {
		return s, low
	}
	lrepl := strings.ToLower(repl)
	if len(low) != len(s) || len(lo) != len(old) || len(lrepl) != len(repl) {
		s = strings.ReplaceAll(s, old, repl)
		return s, strings.ToLower(s)
	}
	if !strings.Contains(low, lo) {
		return s, low
	}
	var b, lb strings.Builder
	for {
		i := strings.Index(low, lo)
		if i < 0 {
			b.WriteString(s)
			lb.WriteString(low)
			return b.String(), lb.String()
		}
		b.WriteString(s[:i])
		b.WriteString(repl)
		lb.WriteString(low[:i])
		lb.WriteString(lrepl)
		s, low = s[i+len(old):], low[i+len(old):]
	}
}

// TestReplaceFoldAsBefore: replaceFold, which finds the first place once,
// replaces as refReplaceFold did, over letters and the names in them in
// any case, names that are not there, and text whose lower case is
// longer or shorter than itself.
func TestReplaceFoldAsBefore(t *testing.T) {
	texts := append(sameResultTexts(t), "Kelvin \u212a and Northwind NORTHWIND northwind", "İstanbul Northwind",
		"northwind traders, all lower case", strings.Repeat("Sam Lee and ", 40))
	olds := []string{"Northwind Traders", "northwind", "NORTHWIND", "Sam Lee", "Maria Anders", "Senior Go Engineer", "Zed", "zz",
		"Café Zoë", "\u212a", "İstanbul", "sam@example.com", "+44 20 7946 0000", "https://example.com/sam", "Thank"}
	replaced := 0
	for _, text := range texts {
		for _, old := range olds {
			low := strings.ToLower(text)
			for _, repl := range []string{"Zed", "\u212a"} {
				gs, gl := replaceFold(text, low, old, repl)
				ws, wl := refReplaceFold(text, low, old, repl)
				if gs != ws || gl != wl {
					t.Errorf("replaceFold(%q, %q, %q) = %q, %q; was %q, %q", text, old, repl, gs, gl, ws, wl)
				}
				if gs != text {
					replaced++
				}
			}
		}
	}
	if replaced == 0 {
		t.Fatal("nothing was replaced")
	}
}

// refJoinable is joinable as first written, with the dash in the set of
// strings.ContainsAny.
func refJoinable(s string) bool {
	return !strings.ContainsAny(s, ";:–!?") && !strings.Contains(s, ", and") && countWords(s) <= 16 && !strings.HasPrefix(s, "With ")
}

// TestJoinableAsBefore: joinable, which looks for the dash apart from the
// ASCII marks, answers as refJoinable for every phrasing and text.
func TestJoinableAsBefore(t *testing.T) {
	texts := append(sameResultPhrasings(), sameResultTexts(t)...)
	texts = append(texts, "I said no – sorry.", "Bad \xe2\x80 byte", "Bad \xe2\x80\x93 dash", "\xf0\xe2\x80\x93", "Fine, and done.", "Short one.")
	yes := 0
	for _, s := range texts {
		got, want := joinable(s), refJoinable(s)
		if got != want {
			t.Errorf("joinable(%q) = %v, was %v", s, got, want)
		}
		if want {
			yes++
		}
	}
	if yes == 0 || yes == len(texts) {
		t.Fatalf("%d of %d joinable: the test tells nothing apart", yes, len(texts))
	}
}

// TestFirstTwoFieldsAndHasWord: firstTwoFields gives the first two of
// strings.Fields, and hasWord answers as a look through words, for every
// phrasing and text and the words that trip them.
func TestFirstTwoFieldsAndHasWord(t *testing.T) {
	texts := append(sameResultPhrasings(), sameResultTexts(t)...)
	texts = append(texts, "  Thanks\u00a0AGAIN  ", "Again", "again,", "AGAINST again", "one", " \t ", "\xff\xfe again\xff", "Twice Again-and")
	found := 0
	for _, s := range texts {
		fs := strings.Fields(s)
		a, b, ok := firstTwoFields(s)
		if ok != (len(fs) >= 2) || ok && (a != fs[0] || b != fs[1]) {
			t.Errorf("firstTwoFields(%q) = %q, %q, %v; Fields %q", s, a, b, ok, fs)
		}
		for _, w := range []string{"again", "thank", "you"} {
			if got, want := hasWord(s, w), slices.Contains(words(s), w); got != want {
				t.Errorf("hasWord(%q, %q) = %v, words %v", s, w, got, want)
			} else if got {
				found++
			}
		}
	}
	if found == 0 {
		t.Fatal("no word found")
	}
}

// refRuleWrongName is ruleWrongName as first written, which split every
// name whose first word the letter holds.
func refRuleWrongName(t letterText) Check {
	ws := t.neutralWs
	inLetter := func(w string) bool { return slices.Contains(ws, w) }
	for _, o := range t.req.Others {
		if w, ok := firstASCIIWord(o); ok && !inLetter(w) {
			continue
		}
		o = clean(o)
		vw := words(o)
		if len(vw) > 0 && !inLetter(vw[0]) {
			continue
		}
		if o != "" && mentionsWords(t.neutral, ws, o, vw) {
			return fail(RuleWrongName, SeverityError, fmt.Sprintf("%q belongs to another of your applications; is this letter meant for %s?", o, t.req.Company))
		}
	}
	return pass(RuleWrongName, SeverityError, "No name from another application.")
}

// TestRuleWrongNameAsBefore: ruleWrongName, which rules out a plain name
// by any word the letter lacks, reports as refRuleWrongName did, for few
// and many names, names in the letter, names whose words are all in it
// but apart, and names that are not plain.
func TestRuleWrongNameAsBefore(t *testing.T) {
	names := []string{"Initech", "Hooli", "Jane Doe", "Company 7", "the Company", "Thank You Ltd", "you for", "your time",
		"Best wishes", "Sam", "Lee Sam", "O'Brien & Co", "'quoted' name", "Café Zoë", "  spaced  name ", "{{}}", "!!", "",
		"THANK", "decision", "Decision Makers", "time thank", "e-mail", "Zed", "zed zed", "opportunity", "the role of"}
	var many []string
	for i := range 40 {
		many = append(many, fmt.Sprintf("Company %d", i), fmt.Sprintf("Contact Person %d", i))
	}
	found := 0
	for _, text := range sameResultTexts(t) {
		r := normalizeRequest(request(SituationInvitation, ReasonAnotherOffer, ChannelEmail, ToneFormal, 1))
		lt := readLetter(Letter{Subject: "Re: interview", Body: text}, r, false)
		for k := range names {
			for _, others := range [][]string{names[k : k+1], names[:k+1], append(slices.Clone(many), names[k:]...)} {
				lt.req.Others = others
				got, want := ruleWrongName(lt), refRuleWrongName(lt)
				if got != want {
					t.Fatalf("ruleWrongName with %d names (%q...) = %+v, was %+v\n%s", len(others), others[0], got, want, text)
				}
				if !want.OK {
					found++
				}
			}
		}
	}
	if found == 0 {
		t.Fatal("no name was found in any letter")
	}
}

// TestJoinDraftAsParagraphs: a draft's text, joined in one pass, is the
// paragraphs of the sentences of its paragraphs, joined as before, for
// drafts with empty sentences and paragraphs anywhere.
func TestJoinDraftAsParagraphs(t *testing.T) {
	parts := []string{"", "Thank you.", "I must decline.", "", "Best of luck with the search."}
	var drafts [][][]string
	for a := range 1 << len(parts) {
		var paras [][]string
		var p []string
		for i, s := range parts {
			p = append(p, s)
			if a&(1<<i) != 0 {
				paras, p = append(paras, p), nil
			}
		}
		drafts = append(drafts, append(paras, p), append(paras, nil, p, nil))
	}
	drafts = append(drafts, nil, [][]string{nil}, [][]string{{""}, {""}})
	for _, paras := range drafts {
		ps := make([]string, len(paras))
		for i, p := range paras {
			ps[i] = sentences(p...)
		}
		if got, want := joinDraft(paras), paragraphs(ps...); got != want {
			t.Errorf("joinDraft(%q) = %q, want %q", paras, got, want)
		}
	}
}

// refNameForms is Contact.nameForms as first written, each greeting
// normalising the contact again.
func refNameForms(c Contact) []string {
	c = normalizeContact(c)
	forms := []string{c.Greeting(ToneFormal), c.Greeting(ToneWarm), c.GreetingIn(ToneFormal, EnglishUS), c.Name}
	if parts := strings.Fields(c.Name); len(parts) > 1 {
		forms = append(forms, parts[0], parts[len(parts)-1])
	}
	if c.Title != "" {
		forms = append(forms, c.Title+" "+c.Name)
	}
	return slices.DeleteFunc(forms, func(s string) bool { return s == "" })
}

// TestNameFormsAsBefore: nameForms, which normalises the contact for its
// greetings once, gives the forms it gave, for the test contacts and
// contacts that normalising twice changes.
func TestNameFormsAsBefore(t *testing.T) {
	cs := []Contact{{}, {Name: "Mr."}, {Name: "Dr"}, {Name: "Mr.", Kind: ContactPerson}, {Name: "hr@acme.com"}, {Name: "the Talent Team"},
		{Name: "J. R. Smith"}, {Name: "Gilhooley", Title: "Mr"}, {Name: "王 小明"}, {Name: "  Sarah   Johnson "}, {Name: "Sarah", GreetingName: "Sally"},
		{Name: "Ms. Lucius Fox-Evans", Kind: "PERSON"}, {Name: "Hiring Manager"}, {Kind: ContactTeam}, {Name: "Dr. Mr. Smith"}}
	for _, ct := range contacts {
		cs = append(cs, ct.c)
	}
	for _, c := range cs {
		if got, want := c.nameForms(), refNameForms(c); !slices.Equal(got, want) {
			t.Errorf("nameForms(%+v) = %q, was %q", c, got, want)
		}
		for _, tone := range Tones() {
			for _, e := range []English{"", EnglishUS, EnglishGB} {
				if got, want := normalizeContact(c).greetingIn(tone, e), c.GreetingIn(tone, e); got != want {
					t.Errorf("greetingIn(%+v, %s, %s) = %q, GreetingIn %q", c, tone, e, got, want)
				}
			}
		}
	}
}
