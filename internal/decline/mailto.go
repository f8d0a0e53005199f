package decline

import "strings"

// MailtoURL returns a mailto: link (RFC 6068) that opens a new message to
// the address to, with subject and body filled in. Every character other
// than the unreserved ones (and '@' in the address) is percent-encoded as
// UTF-8, so spaces are %20, never '+', and line breaks are %0D%0A.
func MailtoURL(to, subject, body string) string {
	var b strings.Builder
	b.WriteString("mailto:")
	b.WriteString(percentEncode(to, "@"))
	sep := "?"
	for _, p := range []struct{ key, value string }{{"subject", subject}, {"body", crlf(body)}} {
		if p.value == "" {
			continue
		}
		b.WriteString(sep + p.key + "=" + percentEncode(p.value, ""))
		sep = "&"
	}
	return b.String()
}

// percentEncode encodes every byte of s except unreserved characters and
// the bytes in keep.
func percentEncode(s, keep string) string {
	const upperHex = "0123456789ABCDEF"
	s = strings.ToValidUTF8(s, "\uFFFD")
	var b strings.Builder
	b.Grow(len(s) * 2)
	for i := 0; i < len(s); i++ {
		c := s[i]
		if isUnreserved(c) || strings.IndexByte(keep, c) >= 0 {
			b.WriteByte(c)
			continue
		}
		b.Write([]byte{'%', upperHex[c>>4], upperHex[c&15]})
	}
	return b.String()
}

func isUnreserved(c byte) bool {
	return 'a' <= c && c <= 'z' || 'A' <= c && c <= 'Z' || '0' <= c && c <= '9' ||
		c == '-' || c == '.' || c == '_' || c == '~'
}
