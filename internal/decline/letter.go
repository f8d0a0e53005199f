package decline

import (
	"regexp"
	"slices"
	"strings"

	"tracker/internal/civil"
)

// maxSubjectRole caps how much of the role a subject line repeats, so a very
// long role cannot make an unwieldy header; the body names it in full.
const maxSubjectRole = 80

// values are the cleaned request values a letter is filled with.
type values struct {
	company, role, greet, sender, first string
	phone, link                         string
	reason, slot, date                  string
	// met follows "meeting me" in an after_interview letter: " on
	// Tuesday", " yesterday", "" when the day is not known (see metDay).
	met string
	// offered and offerOf name the day an offer was made, after a verb
	// (" on Monday") and after "offer" (" of 16 November"); "" when it is
	// not known (see offeredDay).
	offered, offerOf string
	// slotPoss, when not empty, names the interview in place of "our
	// interview" and slot together ("Wednesday's"; see slotNames).
	slotPoss string
	// dayof opens a subject with the interview's day ("Wednesday's").
	dayof string
	// at is " at " and the company, or "" when the letter leaves the
	// company to the subject and the greeting; detail is the user's
	// detail, np and adj the same with its adjective moved (see
	// shapeOf).
	at, detail, np, adj string
	// us writes our phrasings in US English (see usWords).
	us bool
}

// fill replaces the placeholders of one of our phrasings with the values.
// It reads the template once, left to right, so a placeholder that appears
// inside a user value is copied as plain text and never expanded.
func (v values) fill(tmpl string) string {
	if v.us {
		tmpl = usWords.Replace(tmpl)
	}
	if v.slotPoss != "" && strings.Contains(tmpl, "interview{slot}") {
		tmpl = strings.NewReplacer("our interview{slot}", v.slotPoss+" interview", "the interview{slot}", v.slotPoss+" interview").Replace(tmpl)
	}
	var b strings.Builder
	b.Grow(len(tmpl) + len(v.company) + len(v.role) + len(v.greet) + len(v.sender))
	for {
		i := strings.IndexByte(tmpl, '{')
		if i < 0 {
			b.WriteString(tmpl)
			break
		}
		b.WriteString(tmpl[:i])
		tmpl = tmpl[i:]
		name, _, ok := strings.Cut(tmpl[1:], "}")
		val, known := v.placeholder(name)
		if !ok || !known {
			b.WriteByte('{')
			tmpl = tmpl[1:]
			continue
		}
		b.WriteString(val)
		tmpl = tmpl[len(name)+2:]
	}
	return tidy(b.String())
}

// placeholder is the value {name} stands for in a phrasing.
func (v values) placeholder(name string) (string, bool) {
	switch name {
	case "company":
		return v.company, true
	case "role":
		return v.role, true
	case "greet":
		return v.greet, true
	case "sender":
		return v.sender, true
	case "first":
		return v.first, true
	case "phone":
		return v.phone, true
	case "reason":
		return v.reason, true
	case "dayof":
		return v.dayof, true
	case "slot":
		return v.slot, true
	case "met":
		return v.met, true
	case "offered":
		return v.offered, true
	case "offerof":
		return v.offerOf, true
	case "date":
		return v.date, true
	case "at":
		return v.at, true
	case "detail":
		return v.detail, true
	case "Detail":
		return capitalizeSafe(v.detail), true
	case "np":
		return v.np, true
	case "Np":
		return capitalizeSafe(v.np), true
	case "adj":
		return v.adj, true
	}
	return "", false
}

// doubleStop is a full stop after a name that ends in one ("Acme Inc.").
var doubleStop = regexp.MustCompile(`([^.])\.\.(\s|$)`)

// tidy removes the doubled full stop a company ending in "." leaves.
func tidy(s string) string {
	if !strings.Contains(s, "..") {
		return s // most letters: nothing for the pattern to find
	}
	return doubleStop.ReplaceAllString(s, "$1.$2")
}

// signature is the sign-off block of an e-mail: the closing word, the
// name and the phone number and link, one per line. Not the sender's
// e-mail address: the mail program sends the letter from it (the .eml's
// From, the user's own account for a mailto link) and may add its own
// signature, and an address under the name of every letter was a blind
// reader's most common tell (17 letters of 20).
func (v values) signature(signoff string) string {
	lines := []string{signoff, v.sender}
	for _, d := range []string{v.phone, v.link} {
		if d != "" {
			lines = append(lines, d)
		}
	}
	return strings.Join(lines, "\n")
}

// Compose validates r and writes its decline letter: for e-mail a subject
// and body, for a message a short note, for the phone a live script in Body
// and a voicemail. Empty choices take the defaults (see Defaults). Errors
// are *InputError. User values are cleaned (see clean) and used as data.
func Compose(r Request) (Letter, error) {
	return compose(normalizeRequest(r))
}

// compose is Compose for r already normalised (see normalizeRequest).
func compose(r Request) (Letter, error) {
	if err := validate(r); err != nil {
		return Letter{}, err
	}
	c := newChooser(r.Variant, r.Wording)
	c.recent = recentShapes(r.Recent)
	if !r.OfferMadeOn.IsZero() && c.index(partThanks+7*partLead, 5) >= offerDayNamed {
		r.OfferMadeOn = civil.Date{} // this letter thanks for the offer without its day
	}
	v := requestValues(r, c)
	if c.index(partPlace+partLead, placeDrop(r.Contact)) == 0 || r.Channel == ChannelEmail && (&emailWriter{r: r, c: c}).brief() {
		v.at = "" // the letter leaves the company out: its reader knows it, and a short note does not restate it
	}
	if !mayTellHard(r, c) {
		c.keepCalm()
	}
	switch r.Channel {
	case ChannelPhone:
		return Letter{Body: anchorIt(phoneScript(r, v, c)), Voicemail: anchorIt(voicemail(r, v, c))}, nil
	case ChannelMessage:
		return Letter{Body: anchorIt(messageNote(r, v, c))}, nil
	}
	return Letter{Subject: subjectLine(r, v, c), Body: anchorIt(emailBody(r, v, c))}, nil
}

// offerDayNamed is in how many offer letters of five the day of the
// offer, when it is known, is named ("your offer of 16 November", "the
// offer you sent over on Monday"): people sometimes do, but a reader took
// the day in every letter for a program's habit, and two later ones,
// shown it in four or five offers of eight, still did; one of the eight
// published letters named it.
const offerDayNamed = 2

// placeDrop is one in how many letters to c leave the company out of the
// sentence that names the role: one in two to a named person, who works
// there and needs no reminder, one in four to a team or an inbox, whose
// reader may sort mail for several employers. The letter still names the
// role, which is all rule personal asks.
func placeDrop(c Contact) int {
	if c.Kind == ContactPerson && !stranger(c) {
		return 2
	}
	return 4
}

// mayTellHard reports a letter that may say, once, that the decision was
// hard: two e-mails in five that turn down an offer, one in four after an
// interview, one call in three about an offer; never a message, nor a
// letter that declines before meeting anyone, which is short.
func mayTellHard(r Request, c chooser) bool {
	k := c.index(partReflect+3*partLead, 20)
	switch {
	case r.Channel == ChannelEmail && r.Situation == SituationOffer:
		return k < 8
	case r.Channel == ChannelEmail && r.Situation == SituationAfterInterview:
		return k < 5
	case r.Channel == ChannelPhone && r.Situation == SituationOffer:
		return k < 7
	}
	return false
}

// normalizeRequest cleans every user value and applies the defaults; the
// choices are parsed once here, so " Timing " is the reason timing.
func normalizeRequest(r Request) Request {
	r.Company, r.Role, r.ThreadSubject = clean(r.Company), clean(r.Role), clean(r.ThreadSubject)
	r.Contact = normalizeContact(r.Contact)
	r.ReasonDetail = cleanDetail(r.ReasonDetail)
	r.Detail = cleanOwnDetail(r.Detail)
	r.DetailKind = parsed(r.DetailKind, detailKinds, "")
	r.Sender = cleanSender(r.Sender)
	r.Channel = parsed(r.Channel, channels, DefaultChannel)
	r.Tone = parsed(r.Tone, tones, DefaultTone)
	r.Situation = parsed(r.Situation, situations, DefaultSituation)
	r.Reason = parsed(r.Reason, reasons, "")
	r.Offer = parsed(r.Offer, offers, defaultOfferOf(r))
	r.English = parseEnglish(r.English)
	return r
}

// parsed normalises a choice; an unknown value is kept (trimmed) for
// validate to report, an empty one gets def.
func parsed[T ~string](v T, list []T, def T) T {
	p, ok := parse(string(v), list)
	switch {
	case !ok:
		return T(clean(string(v)))
	case p == "":
		return def
	}
	return p
}

func cleanSender(s Sender) Sender {
	return Sender{Name: clean(s.Name), Email: clean(s.Email), Phone: clean(s.Phone), Link: clean(s.Link)}
}

func requestValues(r Request, c chooser) values {
	v := values{
		company: companyRef(r.Company), role: r.Role, greet: r.Contact.GreetingIn(r.Tone, r.English),
		sender: r.Sender.Name, first: firstWord(r.Sender.Name),
		phone: r.Sender.Phone, link: r.Sender.Link,
		reason: r.ReasonDetail, at: " at " + companyRef(r.Company), detail: r.Detail,
		us: r.English == EnglishUS,
	}
	if r.InterviewAt != nil && r.Situation == SituationBeforeInterview {
		s := slotNamesOf(r, c)
		v.slot, v.slotPoss = s.suffix, s.poss
	}
	if r.MetAt != nil && r.Situation == SituationAfterInterview {
		v.met = metDay(r)
	}
	v.offered, v.offerOf = offeredDay(r), offeredDate(r)
	return v
}

// publicBodies start the names that take "the" in running text when an
// "of" follows: "the Department of the Interior", "the University of
// Leeds" (but "Bank of America" keeps none).
var publicBodies = []string{"department", "ministry", "office", "agency", "bureau", "council", "board", "commission", "institute", "university", "home", "foreign", "state", "national", "royal", "federal"}

// bodyNouns end the names of bodies that take "the" in running text
// whatever comes before them: "the Riverside Arts Council", "the Linux
// Foundation", "the British Museum". A blind reader took "at Riverside
// Arts Council" for a machine's missing article.
var bodyNouns = []string{"council", "commission", "foundation", "museum", "institution", "society", "association", "authority",
	"federation", "library", "gallery", "institute", "orchestra", "ministry", "department", "committee"}

// bodyNounsOfFor end the names that take "the" only when "of" or "for"
// follows them: "the Citizens Network for Foreign Affairs", "the Center
// for American Progress", "the London School of Economics"; but
// "Cartoon Network", "Lincoln Center" and "Stanford University" keep
// none.
var bodyNounsOfFor = []string{"network", "center", "centre", "university", "college", "school", "fund", "agency", "bureau", "board",
	"office", "coalition", "alliance", "campaign", "institute", "museum", "city", "county", "church", "union", "chamber"}

// companyRef is the company as running text names it: "the Department of
// the Interior", "the Riverside Arts Council", "Acme Inc." unchanged.
func companyRef(company string) string {
	ws := strings.Fields(company)
	if len(ws) < 2 {
		return company
	}
	low := strings.ToLower(company)
	if first := strings.ToLower(ws[0]); first == "the" {
		return company
	} else if slices.Contains(publicBodies, first) && strings.Contains(low, " of ") {
		return "the " + company
	}
	head, ofFor := low, false
	for _, sep := range []string{" of ", " for "} {
		if i := strings.Index(head, sep); i > 0 {
			head, ofFor = head[:i], true
		}
	}
	last := head[strings.LastIndexByte(head, ' ')+1:]
	if slices.Contains(bodyNouns, last) || ofFor && slices.Contains(bodyNounsOfFor, last) {
		return "the " + company
	}
	return company
}

func firstWord(s string) string {
	if f := strings.Fields(s); len(f) > 0 {
		return f[0]
	}
	return ""
}

// subjectValues is v with the role shortened for a subject line.
func subjectValues(v values) values {
	v.role = truncate(v.role, maxSubjectRole)
	return v
}

// sentences joins the non-empty sentences of one paragraph.
func sentences(s ...string) string {
	return joinNonEmpty(s, " ")
}

// paragraphs joins the non-empty paragraphs of a letter.
func paragraphs(p ...string) string {
	return joinNonEmpty(p, "\n\n")
}

// joinNonEmpty joins the non-empty strings of s with sep, in one
// allocation, or none when at most one of them is not empty.
func joinNonEmpty(s []string, sep string) string {
	n, k, one := 0, 0, ""
	for _, x := range s {
		if x != "" {
			n += len(x)
			k++
			one = x
		}
	}
	switch k {
	case 0:
		return ""
	case 1:
		return one
	}
	var b strings.Builder
	b.Grow(n + (k-1)*len(sep))
	for _, x := range s {
		if x == "" {
			continue
		}
		if b.Len() > 0 {
			b.WriteString(sep)
		}
		b.WriteString(x)
	}
	return b.String()
}

// Normalize returns r as Compose and CheckLetter read it: values cleaned,
// choices parsed, defaults applied. Callers store these values, so what
// is recorded is what the letter was written from.
func Normalize(r Request) Request { return normalizeRequest(r) }
