package decline

import "unicode/utf8"

// MailtoURL returns a mailto: link (RFC 6068) that opens a new message to
// the address to, with subject and body filled in. Every character other
// than the unreserved ones (and '@' in the address) is percent-encoded as
// UTF-8, so spaces are %20, never '+', and line breaks are %0D%0A.
func MailtoURL(to, subject, body string) string {
	return string(AppendMailtoURL(make([]byte, 0, mailtoSize(to, subject, body)), to, subject, body, "&"))
}

// AppendMailtoURL appends MailtoURL's link to b, with amp for the '&'
// between its subject and its body: "&" in the link itself, `\u0026` in a
// JSON string written as encoding/json writes one (escaping HTML). Nothing
// else of the link needs escaping in JSON: every other character of it is
// unreserved, a '%' or one of ":?=@", so the API writes it straight into
// its answer, without making the link a string first.
func AppendMailtoURL(b []byte, to, subject, body, amp string) []byte {
	b = appendPercentEncoded(append(b, "mailto:"...), to, true, false)
	sep := "?"
	if subject != "" {
		b = appendPercentEncoded(append(append(b, sep...), "subject="...), subject, false, false)
		sep = amp
	}
	if body != "" {
		b = appendPercentEncoded(append(append(b, sep...), "body="...), body, false, true)
	}
	return b
}

// mailtoSize is about the length of MailtoURL's link: most text of a
// letter is unreserved, and a third of it encoded is as long again.
func mailtoSize(to, subject, body string) int {
	n := len("mailto:?subject=&body=") + len(to) + len(subject) + len(body)
	return n + n/3
}

// appendPercentEncoded appends s to b with every byte percent-encoded but
// the unreserved characters (and '@' with at): invalid UTF-8 as U+FFFD, a
// run of it as one (as strings.ToValidUTF8 replaces it), and, with lines,
// each line break (CRLF, CR or LF) as CRLF.
func appendPercentEncoded(b []byte, s string, at, lines bool) []byte {
	invalid := false // the byte before was of invalid UTF-8
	for i := 0; i < len(s); {
		c := s[i]
		switch {
		case unreserved[c] || at && c == '@':
			b = append(b, c)
		case lines && (c == '\r' || c == '\n'):
			b = append(b, "%0D%0A"...)
			if c == '\r' && i+1 < len(s) && s[i+1] == '\n' {
				i++
			}
		case c < utf8.RuneSelf:
			b = appendPercent(b, c)
		default:
			r, size := utf8.DecodeRuneInString(s[i:])
			if r == utf8.RuneError && size == 1 {
				if !invalid {
					b = append(b, "%EF%BF%BD"...)
				}
				invalid = true
				i++
				continue
			}
			for j := range size {
				b = appendPercent(b, s[i+j])
			}
			i += size
			invalid = false
			continue
		}
		invalid = false
		i++
	}
	return b
}

// appendPercent appends c as %XX.
func appendPercent(b []byte, c byte) []byte {
	const upperHex = "0123456789ABCDEF"
	return append(b, '%', upperHex[c>>4], upperHex[c&15])
}

// unreserved holds the characters RFC 3986 leaves unreserved: letters,
// digits and "-._~".
var unreserved = func() (u [256]bool) {
	for c := 0; c < 256; c++ {
		u[c] = 'a' <= c && c <= 'z' || 'A' <= c && c <= 'Z' || '0' <= c && c <= '9' ||
			c == '-' || c == '.' || c == '_' || c == '~'
	}
	return u
}()
