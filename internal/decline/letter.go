package decline

import (
	"strings"
)

// maxSubjectRole caps how much of the role a subject line repeats, so a very
// long role cannot make an unwieldy header; the body names it in full.
const maxSubjectRole = 80

// values are the cleaned request values a letter is filled with.
type values struct {
	company, role, contact, sender string
	email, phone, link             string
	detail, date                   string
}

// fill replaces the placeholders of one of our phrasings with the values.
// strings.Replacer works in a single pass, so a placeholder that appears
// inside a user value is copied as plain text and never expanded.
func (v values) fill(tmpl string) string {
	return strings.NewReplacer(
		"{company}", v.company, "{role}", v.role, "{contact}", v.contact,
		"{sender}", v.sender, "{phone}", v.phone,
		"{detail}", v.detail, "{Detail}", capitalize(v.detail), "{date}", v.date,
	).Replace(tmpl)
}

// hasDetails reports whether the sender gave any way to reach them.
func (v values) hasDetails() bool { return v.email != "" || v.phone != "" || v.link != "" }

// signature is the sign-off block: the closing word, the name and any
// contact details, one per line.
func (v values) signature(signoff string) string {
	lines := []string{signoff, v.sender}
	for _, d := range []string{v.email, v.phone, v.link} {
		if d != "" {
			lines = append(lines, d)
		}
	}
	return strings.Join(lines, "\n")
}

// chooser picks phrasings deterministically from a letter's Variant.
type chooser uint64

// The parts of a letter, mixed into the Variant so that each part varies
// independently of the others.
const (
	partGreeting = iota + 1
	partOpening
	partThanks
	partReason
	partOffer
	partDetails
	partClosing
	partSignoff
	partIntro
	partSignature
)

// pick returns the phrasing of part chosen by the Variant: the splitmix64
// finaliser spreads neighbouring Variants over all phrasings.
func (c chooser) pick(part int, list []string) string {
	x := uint64(c) + uint64(part)*0x9E3779B97F4A7C15
	x = (x ^ (x >> 30)) * 0xBF58476D1CE4E5B9
	x = (x ^ (x >> 27)) * 0x94D049BB133111EB
	x ^= x >> 31
	return list[x%uint64(len(list))]
}

// Compose validates r and writes its decline letter. An empty Tone means
// formal, an empty Channel email and an empty Situation invitation. Errors
// are *InputError. User values are cleaned (see clean) and used as data only.
func Compose(r Request) (Letter, error) {
	r = normalizeRequest(r)
	if err := validate(r); err != nil {
		return Letter{}, err
	}
	v := requestValues(r)
	c := chooser(r.Variant)
	switch r.Channel {
	case ChannelPhone:
		return Letter{Body: phoneScript(r, v, c)}, nil
	case ChannelMessage:
		return Letter{Body: messageNote(r, v, c)}, nil
	}
	return Letter{Subject: subjectValues(v).fill(subjects[r.Situation]), Body: emailBody(r, v, c)}, nil
}

// normalizeRequest cleans every user value and applies the defaults.
func normalizeRequest(r Request) Request {
	r.Company, r.Role, r.ContactName = clean(r.Company), clean(r.Role), clean(r.ContactName)
	r.ReasonDetail = cleanDetail(r.ReasonDetail)
	r.Sender = cleanSender(r.Sender)
	r.Channel = Channel(clean(string(r.Channel)))
	r.Tone = Tone(clean(string(r.Tone)))
	r.Situation = Situation(clean(string(r.Situation)))
	r.Reason = Reason(clean(string(r.Reason)))
	if r.Channel == "" {
		r.Channel = ChannelEmail
	}
	if r.Tone == "" {
		r.Tone = ToneFormal
	}
	if r.Situation == "" {
		r.Situation = SituationInvitation
	}
	return r
}

func cleanSender(s Sender) Sender {
	return Sender{Name: clean(s.Name), Email: clean(s.Email), Phone: clean(s.Phone), Link: clean(s.Link)}
}

func requestValues(r Request) values {
	return values{
		company: r.Company, role: r.Role, contact: r.ContactName, sender: r.Sender.Name,
		email: r.Sender.Email, phone: r.Sender.Phone, link: r.Sender.Link,
		detail: r.ReasonDetail,
	}
}

// subjectValues is v with the role shortened for a subject line.
func subjectValues(v values) values {
	v.role = truncate(v.role, maxSubjectRole)
	return v
}

// joinSentences joins the non-empty sentences of one paragraph.
func joinSentences(s ...string) string {
	return strings.Join(nonEmpty(s), " ")
}

// paragraphs joins the non-empty paragraphs of a letter.
func paragraphs(p ...string) string {
	return strings.Join(nonEmpty(p), "\n\n")
}

func nonEmpty(s []string) []string {
	out := make([]string, 0, len(s))
	for _, x := range s {
		if x != "" {
			out = append(out, x)
		}
	}
	return out
}
