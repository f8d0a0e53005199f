package api

import (
	"strconv"
	"time"
	"unicode/utf8"

	"tracker/internal/applications"
	"tracker/internal/civil"
	"tracker/internal/decline"
	"tracker/internal/workflow"
)

// AppendPage appends p as encoding/json's Encoder writes it (with HTML
// escaping, and the newline after it), without its reflection: a page of
// the list is the API's largest common answer. A test holds the two equal.
func AppendPage(b []byte, p Page) []byte {
	b = append(b, `{"items":[`...)
	for i, a := range p.Items {
		if i > 0 {
			b = append(b, ',')
		}
		b = appendSummary(b, a)
	}
	b = append(b, `],"next_cursor":`...)
	b = appendStringPtr(b, p.NextCursor)
	return append(b, "}\n"...)
}

// AppendPageOf appends the API's view of p (NewPage) as AppendPage writes
// it, without making that view first: each summary is made as it is
// written, rather than a page of 50 copies that live until the answer is
// written and are then left to the garbage collector.
func AppendPageOf(b []byte, p *applications.Page) []byte {
	b = append(b, `{"items":[`...)
	for i := range p.Items {
		if i > 0 {
			b = append(b, ',')
		}
		b = appendSummary(b, NewSummary(p.Items[i]))
	}
	b = append(b, `],"next_cursor":`...)
	if p.NextCursor == "" {
		b = append(b, "null"...)
	} else {
		b = appendString(b, p.NextCursor)
	}
	return append(b, "}\n"...)
}

func appendSummary(b []byte, s Summary) []byte {
	b = strconv.AppendInt(append(b, `{"id":`...), s.ID, 10)
	b = appendString(append(b, `,"company":`...), s.Company)
	b = appendString(append(b, `,"role":`...), s.Role)
	b = appendString(append(b, `,"status":`...), s.Status)
	b = appendTimePtr(append(b, `,"applied_at":`...), s.AppliedAt)
	b = appendTime(append(b, `,"created_at":`...), s.CreatedAt)
	b = appendTime(append(b, `,"updated_at":`...), s.UpdatedAt)
	return append(b, '}')
}

// appendApplicationFields appends a's members, without the braces around
// them.
func appendApplicationFields(b []byte, a Application) []byte {
	b = append(b, `"id":`...)
	b = strconv.AppendInt(b, a.ID, 10)
	for _, f := range [...]struct{ name, value string }{
		{"company", a.Company}, {"role", a.Role}, {"location", a.Location}, {"job_url", a.JobURL},
		{"source", a.Source}, {"contact_name", a.ContactName}, {"contact_kind", a.ContactKind},
		{"contact_title", a.ContactTitle}, {"greeting_name", a.GreetingName}, {"contact_email", a.ContactEmail},
		{"notes", a.Notes},
	} {
		b = append(append(append(b, `,"`...), f.name...), `":`...)
		b = appendString(b, f.value)
	}
	b = appendTimePtr(append(b, `,"applied_at":`...), a.AppliedAt)
	b = appendDate(append(b, `,"offer_made_on":`...), a.OfferMadeOn)
	b = append(b, `,"status":`...)
	b = appendString(b, a.Status)
	b = append(b, `,"created_at":`...)
	b = appendTime(b, a.CreatedAt)
	b = append(b, `,"updated_at":`...)
	return appendTime(b, a.UpdatedAt)
}

// AppendDetail appends the API's view of d (NewDetail) as
// encoding/json's Encoder writes it, as AppendPageOf does a page, without
// making that view first: each invitation, history entry and warning is
// made as it is written, and a letter is written from d's own, its links
// straight into b. The detail is what GET /applications/{id} and every
// change answer. A test holds the two equal.
func AppendDetail(b []byte, d *applications.Detail) []byte {
	b = appendApplicationFields(append(b, '{'), NewApplication(d.Application))
	b = appendEach(append(b, `,"invitations":`...), d.Invitations, func(b []byte, inv *applications.Invitation) []byte {
		return appendInvitation(b, NewInvitation(*inv))
	})
	b = appendEach(append(b, `,"history":`...), d.History, func(b []byte, h *applications.HistoryEntry) []byte {
		return appendHistoryEntry(b, NewHistoryEntry(*h))
	})
	b = appendEach(append(b, `,"letters":`...), d.Letters, func(b []byte, l *applications.Letter) []byte {
		return appendLetter(b, &d.Application, l)
	})
	b = appendEach(append(b, `,"allowed_transitions":`...), d.AllowedTransitions, func(b []byte, s *workflow.State) []byte {
		return appendString(b, string(*s))
	})
	b = appendEach(append(b, `,"warnings":`...), d.Warnings, func(b []byte, w *applications.Warning) []byte {
		return appendWarning(b, NewWarning(*w))
	})
	b = appendTimePtr(append(b, `,"follow_up_due_at":`...), utcPtr(d.FollowUpDueAt))
	return append(b, "}\n"...)
}

// appendEach appends items as a JSON array, each by f; nil is [], as the
// view's lists are never null.
func appendEach[T any](b []byte, items []T, f func([]byte, *T) []byte) []byte {
	b = append(b, '[')
	for i := range items {
		if i > 0 {
			b = append(b, ',')
		}
		b = f(b, &items[i])
	}
	return append(b, ']')
}

func appendHistoryEntry(b []byte, h HistoryEntry) []byte {
	b = append(b, `{"id":`...)
	b = strconv.AppendInt(b, h.ID, 10)
	b = appendStringPtr(append(b, `,"from":`...), h.From)
	b = appendString(append(b, `,"to":`...), h.To)
	b = appendTime(append(b, `,"at":`...), h.At)
	b = appendString(append(b, `,"note":`...), h.Note)
	return append(b, '}')
}

// AppendString appends s as encoding/json writes a string, with HTML
// escaping (see appendString), for answers built outside this package.
func AppendString(b []byte, s string) []byte { return appendString(b, s) }

// AppendChecks appends cs as encoding/json writes a []Check: null when
// nil.
func AppendChecks(b []byte, cs []Check) []byte {
	if cs == nil {
		return append(b, "null"...)
	}
	b = append(b, '[')
	for i, c := range cs {
		if i > 0 {
			b = append(b, ',')
		}
		b = appendCheck(b, c)
	}
	return append(b, ']')
}

func appendCheck(b []byte, c Check) []byte {
	b = appendString(append(b, `{"rule":`...), c.Rule)
	b = strconv.AppendBool(append(b, `,"ok":`...), c.OK)
	b = appendString(append(b, `,"severity":`...), c.Severity)
	b = appendString(append(b, `,"hint":`...), c.Hint)
	return append(b, '}')
}

func appendInvitation(b []byte, inv Invitation) []byte {
	b = append(b, `{"id":`...)
	b = strconv.AppendInt(b, inv.ID, 10)
	b = appendTime(append(b, `,"received_at":`...), inv.ReceivedAt)
	b = appendTimePtr(append(b, `,"respond_by":`...), inv.RespondBy)
	b = appendTimePtr(append(b, `,"interview_at":`...), inv.InterviewAt)
	b = appendString(append(b, `,"format":`...), inv.Format)
	b = strconv.AppendInt(append(b, `,"round":`...), int64(inv.Round), 10)
	b = appendString(append(b, `,"message":`...), inv.Message)
	b = appendString(append(b, `,"response":`...), inv.Response)
	b = appendTimePtr(append(b, `,"responded_at":`...), inv.RespondedAt)
	b = appendTime(append(b, `,"deadline_at":`...), inv.DeadlineAt)
	return append(b, '}')
}

// appendLetter appends the view of l, a letter of a (NewLetter), from l
// itself: its checks and links are written as they are made.
func appendLetter(b []byte, a *applications.Application, l *applications.Letter) []byte {
	b = append(b, `{"id":`...)
	b = strconv.AppendInt(b, l.ID, 10)
	for _, f := range [...]struct{ name, value string }{
		{"kind", l.Kind}, {"reason", l.Reason}, {"reason_detail", l.ReasonDetail}, {"channel", l.Channel},
		{"tone", l.Tone}, {"sender_name", l.SenderName}, {"subject", l.Subject}, {"body", l.Body},
		{"voicemail", l.Voicemail}, {"detail", l.Detail}, {"offer", l.Offer},
	} {
		b = append(append(append(b, `,"`...), f.name...), `":`...)
		b = appendString(b, f.value)
	}
	b = strconv.AppendInt(append(b, `,"variant":`...), int64(l.Variant), 10)
	b = appendTime(append(b, `,"sent_at":`...), l.SentAt.UTC())
	b = appendEach(append(b, `,"checks":`...), l.Checks, func(b []byte, c *decline.Check) []byte {
		return appendCheck(b, NewCheck(*c))
	})
	b = appendTime(append(b, `,"created_at":`...), l.CreatedAt.UTC())
	b = append(appendLetterURL(append(b, `,"eml_url":"`...), a.ID, l.ID), '"')
	// The link needs no escaping in JSON but of its '&' (AppendMailtoURL).
	b = applications.AppendMailto(append(b, `,"mailto":"`...), a, l.Subject, l.Body, `\u0026`)
	return append(b, `"}`...)
}

func appendWarning(b []byte, w Warning) []byte {
	b = append(b, `{"application_id":`...)
	b = strconv.AppendInt(b, w.ApplicationID, 10)
	if w.InvitationID != 0 {
		b = strconv.AppendInt(append(b, `,"invitation_id":`...), w.InvitationID, 10)
	}
	for _, f := range [...]struct{ name, value string }{
		{"company", w.Company}, {"role", w.Role}, {"status", w.Status}, {"kind", w.Kind}, {"severity", w.Severity},
	} {
		b = append(append(append(b, `,"`...), f.name...), `":`...)
		b = appendString(b, f.value)
	}
	b = appendTime(append(b, `,"due_at":`...), w.DueAt)
	b = appendTimePtr(append(b, `,"interview_at":`...), w.InterviewAt)
	b = appendString(append(b, `,"next_step":`...), w.NextStep)
	return append(b, '}')
}

func appendTimePtr(b []byte, t *time.Time) []byte {
	if t == nil {
		return append(b, "null"...)
	}
	return appendTime(b, *t)
}

// appendDate appends d as its MarshalJSON writes it.
func appendDate(b []byte, d civil.Date) []byte {
	if d.IsZero() {
		return append(b, "null"...)
	}
	return append(append(append(b, '"'), d.String()...), '"')
}

// appendTime appends t as time.Time's MarshalJSON writes it; a time in
// UTC, as every time of the API is, without its general formatter: two
// digits at a time from a table, which halves what a page's 150 times
// cost to write.
func appendTime(b []byte, t time.Time) []byte {
	year, month, day := t.Date()
	if t.Location() != time.UTC || year < 0 || year > 9999 {
		return t.AppendFormat(b, `"`+time.RFC3339Nano+`"`)
	}
	hour, minute, sec := t.Clock()
	b = appendPair(appendPair(append(b, '"'), year/100), year%100)
	b = appendPair(append(b, '-'), int(month))
	b = appendPair(append(b, '-'), day)
	b = appendPair(append(b, 'T'), hour)
	b = appendPair(append(b, ':'), minute)
	b = appendPair(append(b, ':'), sec)
	if ns := t.Nanosecond(); ns != 0 {
		var frac [9]byte // the nine digits, of which the trailing zeros go
		frac[0] = byte('0' + ns/1e8)
		rest := ns % 1e8
		for i, div := 1, 1_000_000; i < 9; i, div = i+2, div/100 {
			p := rest / div % 100
			frac[i], frac[i+1] = pairs[2*p], pairs[2*p+1]
		}
		n := len(frac)
		for frac[n-1] == '0' {
			n--
		}
		b = append(append(b, '.'), frac[:n]...)
	}
	return append(b, `Z"`...)
}

// pairs holds every number from 00 to 99 in two digits.
const pairs = "00010203040506070809101112131415161718192021222324252627282930313233343536373839" +
	"40414243444546474849505152535455565758596061626364656667686970717273747576777879" +
	"8081828384858687888990919293949596979899"

// appendPair appends n, from 0 to 99, in two digits.
func appendPair(b []byte, n int) []byte {
	return append(b, pairs[2*n], pairs[2*n+1])
}

func appendStringPtr(b []byte, s *string) []byte {
	if s == nil {
		return append(b, "null"...)
	}
	return appendString(b, *s)
}

// plainASCII holds the ASCII bytes a JSON string holds as they are: not
// control characters, quotes, backslashes, or <, > and &.
var plainASCII = func() (plain [utf8.RuneSelf]bool) {
	for c := byte(0x20); c < utf8.RuneSelf; c++ {
		plain[c] = c != '"' && c != '\\' && c != '<' && c != '>' && c != '&'
	}
	return plain
}()

// appendString appends s as a JSON string the way encoding/json does with
// HTML escaping: <, > and & as \u003c, \u003e and \u0026, other control
// characters as \n, \t... or \u00XX, invalid UTF-8 as \ufffd, and the line
// and paragraph separators U+2028 and U+2029 escaped.
func appendString(b []byte, s string) []byte {
	const hex = "0123456789abcdef"
	b = append(b, '"')
	start := 0
	for i := 0; i < len(s); {
		if c := s[i]; c < utf8.RuneSelf {
			if plainASCII[c] {
				i++
				continue
			}
			b = append(b, s[start:i]...)
			switch c {
			case '"', '\\':
				b = append(b, '\\', c)
			case '\b':
				b = append(b, '\\', 'b')
			case '\f':
				b = append(b, '\\', 'f')
			case '\n':
				b = append(b, '\\', 'n')
			case '\r':
				b = append(b, '\\', 'r')
			case '\t':
				b = append(b, '\\', 't')
			default:
				b = append(b, '\\', 'u', '0', '0', hex[c>>4], hex[c&0xF])
			}
			i++
			start = i
			continue
		}
		r, size := utf8.DecodeRuneInString(s[i:])
		if r == utf8.RuneError && size == 1 {
			b = append(append(b, s[start:i]...), `\ufffd`...)
			i += size
			start = i
			continue
		}
		if r == '\u2028' || r == '\u2029' {
			b = append(append(b, s[start:i]...), '\\', 'u', '2', '0', '2', hex[r&0xF])
			i += size
			start = i
			continue
		}
		i += size
	}
	return append(append(b, s[start:]...), '"')
}
