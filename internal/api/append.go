package api

import (
	"strconv"
	"time"
	"unicode/utf8"
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
		b = appendApplication(b, a)
	}
	b = append(b, `],"next_cursor":`...)
	b = appendStringPtr(b, p.NextCursor)
	return append(b, "}\n"...)
}

func appendApplication(b []byte, a Application) []byte {
	b = append(b, `{"id":`...)
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
	b = append(b, `,"applied_at":`...)
	if a.AppliedAt == nil {
		b = append(b, "null"...)
	} else {
		b = appendTime(b, *a.AppliedAt)
	}
	b = append(b, `,"status":`...)
	b = appendString(b, a.Status)
	b = append(b, `,"created_at":`...)
	b = appendTime(b, a.CreatedAt)
	b = append(b, `,"updated_at":`...)
	b = appendTime(b, a.UpdatedAt)
	return append(b, '}')
}

// appendTime appends t as time.Time's MarshalJSON writes it.
func appendTime(b []byte, t time.Time) []byte {
	return t.AppendFormat(b, `"`+time.RFC3339Nano+`"`)
}

func appendStringPtr(b []byte, s *string) []byte {
	if s == nil {
		return append(b, "null"...)
	}
	return appendString(b, *s)
}

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
			if c >= 0x20 && c != '"' && c != '\\' && c != '<' && c != '>' && c != '&' {
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
