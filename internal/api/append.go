package api

import (
	"strconv"
	"time"
	"unicode/utf8"

	"tracker/internal/applications"
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
	b = append(b, `,"status":`...)
	b = appendString(b, a.Status)
	b = append(b, `,"created_at":`...)
	b = appendTime(b, a.CreatedAt)
	b = append(b, `,"updated_at":`...)
	return appendTime(b, a.UpdatedAt)
}

// AppendDetail appends d as encoding/json's Encoder writes it, as
// AppendPage does a page: the detail is what GET /applications/{id} and
// every change answer. A test holds the two equal.
func AppendDetail(b []byte, d Detail) []byte {
	b = appendApplicationFields(append(b, '{'), d.Application)
	b = appendList(append(b, `,"invitations":`...), d.Invitations, appendInvitation)
	b = appendList(append(b, `,"history":`...), d.History, appendHistoryEntry)
	b = appendList(append(b, `,"letters":`...), d.Letters, appendLetter)
	b = appendList(append(b, `,"allowed_transitions":`...), d.AllowedTransitions, appendString)
	b = appendList(append(b, `,"warnings":`...), d.Warnings, appendWarning)
	b = appendTimePtr(append(b, `,"follow_up_due_at":`...), d.FollowUpDueAt)
	return append(b, "}\n"...)
}

// appendList appends items as a JSON array, each by f; nil is null.
func appendList[T any](b []byte, items []T, f func([]byte, T) []byte) []byte {
	if items == nil {
		return append(b, "null"...)
	}
	b = append(b, '[')
	for i, x := range items {
		if i > 0 {
			b = append(b, ',')
		}
		b = f(b, x)
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

func appendLetter(b []byte, l Letter) []byte {
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
	b = appendTime(append(b, `,"sent_at":`...), l.SentAt)
	b = appendList(append(b, `,"checks":`...), l.Checks, appendCheck)
	b = appendTime(append(b, `,"created_at":`...), l.CreatedAt)
	b = appendString(append(b, `,"eml_url":`...), l.EmlURL)
	b = appendString(append(b, `,"mailto":`...), l.Mailto)
	return append(b, '}')
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

// appendTime appends t as time.Time's MarshalJSON writes it; a time in
// UTC, as every time of the API is, without its general formatter: two
// digits at a time from a table, which halves what a page's 150 times
// cost to write. The date and the clock come from one reading of the
// Unix seconds (civilDate) rather than from t.Date and t.Clock, which
// each look the location up and work out the absolute time again: a
// third of what writing a time cost.
func appendTime(b []byte, t time.Time) []byte {
	if t.Location() != time.UTC {
		return t.AppendFormat(b, `"`+time.RFC3339Nano+`"`)
	}
	unix := t.Unix()
	days, sec := unix/secondsPerDay, unix%secondsPerDay
	if sec < 0 {
		days, sec = days-1, sec+secondsPerDay
	}
	year, month, day, ok := civilDate(days)
	if !ok {
		return t.AppendFormat(b, `"`+time.RFC3339Nano+`"`)
	}
	// "2006-01-02T15:04:05.999999999Z", quoted, written into buf and
	// appended at once.
	var buf [32]byte
	s := uint32(sec)
	buf[0] = '"'
	putPair(buf[1:], uint32(year/100))
	putPair(buf[3:], uint32(year%100))
	buf[5] = '-'
	putPair(buf[6:], uint32(month))
	buf[8] = '-'
	putPair(buf[9:], uint32(day))
	buf[11] = 'T'
	putPair(buf[12:], s/3600)
	buf[14] = ':'
	putPair(buf[15:], s/60%60)
	buf[17] = ':'
	putPair(buf[18:], s%60)
	n := 20
	if ns := uint32(t.Nanosecond()); ns != 0 {
		buf[20] = '.'
		buf[21] = byte('0' + ns/1e8)
		rest := ns % 1e8
		putPair(buf[22:], rest/1e6)
		putPair(buf[24:], rest/1e4%100)
		putPair(buf[26:], rest/100%100)
		putPair(buf[28:], rest%100)
		n = 30
		for buf[n-1] == '0' { // the trailing zeros go
			n--
		}
	}
	buf[n], buf[n+1] = 'Z', '"'
	return append(b, buf[:n+2]...)
}

// putPair writes n, from 0 to 99, in two digits at the start of dst.
func putPair(dst []byte, n uint32) {
	dst[0], dst[1] = pairs[2*n], pairs[2*n+1]
}

const secondsPerDay = 24 * 60 * 60

// civilDate returns the date of the day days after 1970-01-01 in the
// proleptic Gregorian calendar, as time.Time's Date does, by Howard
// Hinnant's civil_from_days; ok is false outside the years 0001 to 9999,
// which appendTime leaves to the general formatter.
func civilDate(days int64) (year, month, day int, ok bool) {
	const (
		daysTo0000March1 = 719468  // from 0000-03-01 to 1970-01-01
		daysOf400Years   = 146097  // a 400-year era, from March 1st
		daysToYear10000  = 2932897 // from 1970-01-01 to 10000-01-01
		daysFromYear1    = -719162 // from 0001-01-01 to 1970-01-01
	)
	if days < daysFromYear1 || days >= daysToYear10000 {
		return 0, 0, 0, false
	}
	z := days + daysTo0000March1 // >= 0 from year 1 on
	era := z / daysOf400Years
	doe := z - era*daysOf400Years                          // day of the era, [0, 146096]
	yoe := (doe - doe/1460 + doe/36524 - doe/146096) / 365 // year of the era, [0, 399]
	doy := doe - (365*yoe + yoe/4 - yoe/100)               // day of the year from March 1st, [0, 365]
	mp := (5*doy + 2) / 153                                // month from March, [0, 11]
	day = int(doy - (153*mp+2)/5 + 1)
	month = int(mp + 3)
	if month > 12 {
		month -= 12
	}
	year = int(yoe + era*400)
	if month <= 2 {
		year++
	}
	return year, month, day, true
}

// pairs holds every number from 00 to 99 in two digits.
const pairs = "00010203040506070809101112131415161718192021222324252627282930313233343536373839" +
	"40414243444546474849505152535455565758596061626364656667686970717273747576777879" +
	"8081828384858687888990919293949596979899"

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
