package decline

import (
	"slices"
	"strings"
	"unicode"
)

// ContactKind says who a letter is addressed to.
type ContactKind string

// The kinds of contact.
const (
	ContactPerson ContactKind = "person" // one named person
	ContactTeam   ContactKind = "team"   // a team or a shared inbox, greeted as a team
	ContactNone   ContactKind = "none"   // nobody known: the hiring team
)

// Contact is the person or team a letter is addressed to. Only Name is
// needed: Kind is inferred from it when empty, and GreetingName defaults
// from Name, Title and the tone (see Greeting).
type Contact struct {
	Kind         ContactKind
	Name         string // as the user stored it: "Sarah Johnson", "Talent Team", "山田 太郎"
	Title        string // "Dr.", "Ms", "Prof"; optional
	GreetingName string // how the greeting names them; optional
}

// titles are the honorifics recognised at the start of a stored name.
var titles = []string{"mr", "mrs", "ms", "miss", "mx", "dr", "prof", "professor", "sir", "dame"}

// teamWords mark a contact name as a team or shared inbox.
var teamWords = []string{"team", "careers", "career", "recruiting", "recruitment", "talent", "hiring", "hr", "people", "jobs", "resourcing", "department", "office"}

// ParseContactKind normalises s to a ContactKind; "" stays "".
func ParseContactKind(s string) (ContactKind, bool) {
	return parse(s, []ContactKind{ContactPerson, ContactTeam, ContactNone})
}

// normalizeContact cleans c, splits a leading title off a person's name and
// infers the kind.
func normalizeContact(c Contact) Contact {
	c.Name, c.Title, c.GreetingName = clean(c.Name), clean(c.Title), clean(c.GreetingName)
	c.Kind = ContactKind(strings.ToLower(clean(string(c.Kind))))
	if c.Kind == "" {
		c.Kind = inferKind(c.Name)
	}
	if c.Name == "" && c.Kind != ContactTeam {
		c.Kind = ContactNone
	}
	if c.Kind == ContactPerson && c.Title == "" {
		c.Title, c.Name = splitTitle(c.Name)
	}
	return c
}

// inferKind guesses the kind from a stored name: empty is none, an
// address or a name with a team word is a team, anything else a person.
func inferKind(name string) ContactKind {
	if name == "" {
		return ContactNone
	}
	if strings.Contains(name, "@") {
		return ContactTeam
	}
	for _, w := range words(name) {
		if slices.Contains(teamWords, w) {
			return ContactTeam
		}
	}
	return ContactPerson
}

// splitTitle separates a leading honorific ("Dr. Bruce Banner") from the
// name, keeping the title as typed.
func splitTitle(name string) (title, rest string) {
	first, after, ok := strings.Cut(name, " ")
	if ok && after != "" && isTitle(strings.TrimSuffix(first, ".")) {
		return first, after
	}
	return "", name
}

// isTitle reports whether strings.ToLower(w) is one of titles, without
// lower-casing a copy of a word in ASCII (a title is ASCII).
func isTitle(w string) bool {
	if !plainASCII(w) {
		return slices.Contains(titles, strings.ToLower(w))
	}
	return slices.ContainsFunc(titles, func(t string) bool { return len(t) == len(w) && equalLowerASCII(w, t) })
}

// equalLowerASCII reports whether w, in ASCII, lower-cased is t.
func equalLowerASCII(w, t string) bool {
	for i := 0; i < len(w); i++ {
		c := w[i]
		if 'A' <= c && c <= 'Z' {
			c += 'a' - 'A'
		}
		if c != t[i] {
			return false
		}
	}
	return true
}

// Greeting returns how the greeting line names the contact in tone t: the
// GreetingName when set; for a person, the first name in a warm letter,
// title + surname in a formal one when a title is known and the first
// name when none is; names that cannot be split (one word, an initial
// first, or not in Latin script) as stored; for a team, its name
// ("the Hiring Team" when it is an address); "" for none.
func (c Contact) Greeting(t Tone) string { return c.GreetingIn(t, "") }

// GreetingIn is Greeting in the variety e: a title the greeting adds
// itself is written as e writes it ("Mr." in US English; see titleIn),
// while a GreetingName the user set, like every name, is used as typed.
func (c Contact) GreetingIn(t Tone, e English) string {
	return normalizeContact(c).greetingIn(t, e)
}

// greetingIn is GreetingIn for c normalised.
func (c Contact) greetingIn(t Tone, e English) string {
	c.Title = titleIn(e, c.Title)
	switch {
	case c.GreetingName != "":
		return c.GreetingName
	case c.Kind == ContactNone:
		return ""
	case c.Kind == ContactTeam:
		if c.Name == "" || strings.Contains(c.Name, "@") {
			return "Hiring Team"
		}
		return teamGreeting(strings.TrimPrefix(strings.TrimPrefix(c.Name, "the "), "The "))
	}
	first, _, two := firstTwoFields(c.Name) // two words or more
	switch {
	case !latin(c.Name):
		return c.Name
	case !two && c.Title != "":
		// One word with a title is a surname: "Mr. Gilhooley", never
		// "Dear Gilhooley," nor "Hi Gilhooley,".
		return c.Title + " " + c.Name
	case !two:
		return c.Name
	case t == ToneFormal && c.Title != "":
		return c.Title + " " + surname(strings.Fields(c.Name))
	case !givenName(first):
		return c.Name // "J. R. Smith": no first name to greet by
	}
	// The first name, warm or formal when no title is known: people
	// write "Dear Sarah," to a recruiter they know by name, and "Dear
	// Sarah Johnson," reads as a mail merge; guessing "Mr" or "Ms" is
	// the mistake careful guides warn against.
	return first
}

// givenName reports a first word that can greet on its own: not an
// initial ("J.", "J").
func givenName(w string) bool {
	letters := 0
	for _, r := range w {
		if unicode.IsLetter(r) {
			letters++
		}
	}
	return letters >= 2 && !strings.HasSuffix(w, ".")
}

// surnameParticles join the word after them into a surname: "Dela Cruz",
// "van der Berg", "de la Fuente".
var surnameParticles = []string{"de", "del", "dela", "della", "der", "den", "da", "das", "di", "do", "dos", "du", "la", "le", "van", "von", "ten", "ter", "st", "st.", "bin", "ibn", "al", "el"}

// surname is the last word of a name with the particles before it, so a
// formal greeting keeps "Mrs. Dela Cruz" whole; the first word is never
// part of it.
func surname(parts []string) string {
	i := len(parts) - 1
	for i > 1 && slices.Contains(surnameParticles, strings.ToLower(parts[i-1])) {
		i--
	}
	return strings.Join(parts[i:], " ")
}

// collectiveWords end a team's name that already says it is a group.
var collectiveWords = []string{"team", "department", "office", "group", "committee", "panel", "board", "unit", "staff"}

// roleWords end a contact name that is a post, not a group: "Hiring
// Manager", "HR Manager", "Recruiter". It is greeted as it stands ("Dear
// Hiring Manager,"), never as "Hiring Manager Team".
var roleWords = []string{"manager", "recruiter", "director", "coordinator", "officer", "partner", "lead", "head", "specialist", "administrator", "adviser", "advisor", "assistant", "executive", "chair", "secretary"}

// teamGreeting greets a team by a name that says it is one: "Talent
// Acquisition" and "HR" become "Talent Acquisition Team" and "HR Team",
// so that "Dear Talent Acquisition," does not read as a person's name. A
// post ("Hiring Manager") is greeted as it stands.
func teamGreeting(name string) string {
	words := strings.Fields(name)
	if len(words) == 0 {
		return name
	}
	last := strings.ToLower(words[len(words)-1])
	if slices.Contains(collectiveWords, last) || slices.Contains(roleWords, last) {
		return name
	}
	return name + " Team"
}

// nameForms are the ways a letter may name the contact by hand and still be
// personal: the greeting names of both tones, the full name, the first name,
// the surname with the title.
func (c Contact) nameForms() []string {
	c = normalizeContact(c)
	g := normalizeContact(c) // as each greeting normalises c: once for the three
	forms := []string{g.greetingIn(ToneFormal, ""), g.greetingIn(ToneWarm, ""), g.greetingIn(ToneFormal, EnglishUS), c.Name}
	if parts := strings.Fields(c.Name); len(parts) > 1 {
		forms = append(forms, parts[0], parts[len(parts)-1])
	}
	if c.Title != "" {
		forms = append(forms, c.Title+" "+c.Name)
	}
	return slices.DeleteFunc(forms, func(s string) bool { return s == "" })
}

// latin reports whether every letter of s is in the Latin script, which is
// when splitting the name into first and last is safe.
func latin(s string) bool {
	for _, r := range s {
		if unicode.IsLetter(r) && !unicode.Is(unicode.Latin, r) {
			return false
		}
	}
	return true
}
