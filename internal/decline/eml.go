package decline

import (
	"bytes"
	"errors"
	"fmt"
	"mime"
	"mime/quotedprintable"
	"net/mail"
	"strings"
	"time"
)

// Message is an e-mail to hand to the user's mail program as a draft.
type Message struct {
	FromName, FromEmail string // optional: the mail program fills in the account
	ToName, ToEmail     string // ToEmail optional: a draft may be addressed later
	Subject, Body       string
	Date                time.Time // omitted when zero; the caller passes its clock
	MessageID           string    // without angle brackets; omitted when empty
	Draft               bool      // add "X-Unsent: 1" so Outlook opens it as a draft
	// InReplyTo is the Message-ID (without angle brackets) of the e-mail
	// the letter answers; it becomes In-Reply-To and References, so mail
	// programs thread the letter onto it. Omitted when empty.
	InReplyTo string
	// Calendar is an iCalendar object sent beside the text (RFC 6047), such
	// as an iTIP reply to the invitation; CalendarMethod is its METHOD.
	// With it the message is multipart/alternative.
	Calendar       []byte
	CalendarMethod string
}

// ErrHeaderInjection reports a header value that holds a line break or
// another control character, which could add headers of its own.
var ErrHeaderInjection = errors.New("header value contains a line break or control character")

// ErrHeaderTooLong reports a header with a word too long to fold within
// the 998 characters RFC 5322 allows on a line.
var ErrHeaderTooLong = errors.New("header has a word longer than an e-mail line may be")

// maxLineLength is the longest line RFC 5322 allows, without its CRLF.
const maxLineLength = 998

// maxHeaderLine is the length a folded header line aims to stay within.
const maxHeaderLine = 76

// BuildEML renders m as an RFC 5322 message in UTF-8 with a quoted-printable
// body and CRLF line ends, ready to save as a .eml file. Names and the
// subject are RFC 2047 encoded when they are not plain ASCII.
func BuildEML(m Message) ([]byte, error) {
	headers, err := emlHeaders(m)
	if err != nil {
		return nil, err
	}
	var buf bytes.Buffer
	for _, h := range headers {
		folded := foldHeader(h[0], h[1])
		if longestLine(folded) > maxLineLength {
			return nil, fmt.Errorf("%s: %w", h[0], ErrHeaderTooLong)
		}
		buf.WriteString(folded)
	}
	buf.WriteString("\r\n")
	if m.Calendar != nil {
		return writeWithCalendar(&buf, m)
	}
	qp := quotedprintable.NewWriter(&buf)
	body := crlf(strings.ToValidUTF8(m.Body, "\uFFFD"))
	if !strings.HasSuffix(body, "\r\n") {
		body += "\r\n" // a message ends with a line break
	}
	if _, err := qp.Write([]byte(body)); err != nil {
		return nil, err
	}
	if err := qp.Close(); err != nil {
		return nil, err
	}
	return buf.Bytes(), nil
}

// emlHeaders checks every header value of m and returns the headers in order.
func emlHeaders(m Message) ([][2]string, error) {
	for _, v := range []string{m.FromName, m.FromEmail, m.ToName, m.ToEmail, m.Subject, m.MessageID, m.InReplyTo, m.CalendarMethod} {
		if hasControl(v) {
			return nil, fmt.Errorf("%w: %q", ErrHeaderInjection, v)
		}
	}
	h, err := addressHeaders(m)
	if err != nil {
		return nil, err
	}
	h = append(h, [2]string{"Subject", mime.QEncoding.Encode("utf-8", m.Subject)})
	if !m.Date.IsZero() {
		h = append(h, [2]string{"Date", m.Date.Format(time.RFC1123Z)})
	}
	if id := strings.Trim(m.MessageID, "<>"); id != "" {
		h = append(h, [2]string{"Message-ID", "<" + id + ">"})
	}
	if id := strings.Trim(m.InReplyTo, "<>"); id != "" {
		h = append(h, [2]string{"In-Reply-To", "<" + id + ">"}, [2]string{"References", "<" + id + ">"})
	}
	if m.Draft {
		h = append(h, [2]string{"X-Unsent", "1"})
	}
	if m.Calendar != nil {
		return append(h, [2]string{"MIME-Version", "1.0"},
			[2]string{"Content-Type", `multipart/alternative; boundary="` + calendarBoundary + `"`}), nil
	}
	return append(h, [2]string{"MIME-Version", "1.0"},
		[2]string{"Content-Type", "text/plain; charset=utf-8"},
		[2]string{"Content-Transfer-Encoding", "quoted-printable"}), nil
}

// addressHeaders returns the From and To headers, each only when its
// address is known.
func addressHeaders(m Message) ([][2]string, error) {
	var h [][2]string
	for _, a := range []struct{ key, name, email string }{{"From", m.FromName, m.FromEmail}, {"To", m.ToName, m.ToEmail}} {
		if a.email == "" {
			continue
		}
		addr, err := formatAddress(a.name, a.email)
		if err != nil {
			return nil, fmt.Errorf("%s: %w", a.key, err)
		}
		h = append(h, [2]string{a.key, addr})
	}
	return h, nil
}

// formatAddress checks email and renders it with name, encoding a non-ASCII
// name as net/mail does.
func formatAddress(name, email string) (string, error) {
	parsed, err := mail.ParseAddress(email)
	if err != nil {
		return "", fmt.Errorf("invalid e-mail address %q: %w", email, err)
	}
	return (&mail.Address{Name: name, Address: parsed.Address}).String(), nil
}

// hasControl reports line breaks and other control characters.
func hasControl(s string) bool {
	return strings.ContainsFunc(s, func(r rune) bool { return r < 0x20 || r == 0x7f })
}

// crlf turns every line end of s into CRLF.
func crlf(s string) string {
	s = strings.ReplaceAll(s, "\r\n", "\n")
	s = strings.ReplaceAll(s, "\r", "\n")
	return strings.ReplaceAll(s, "\n", "\r\n")
}

// foldHeader writes "Key: value" followed by CRLF, folding at spaces so that
// lines stay near maxHeaderLine characters; an encoded subject is a series of
// short encoded words separated by spaces, so it always folds.
func foldHeader(key, value string) string {
	var b strings.Builder
	b.WriteString(key + ":")
	lineLen := b.Len()
	for i, word := range strings.Split(value, " ") {
		if i > 0 && lineLen+1+len(word) > maxHeaderLine {
			b.WriteString("\r\n")
			lineLen = 0
		}
		b.WriteString(" " + word)
		lineLen += 1 + len(word)
	}
	b.WriteString("\r\n")
	return b.String()
}

// longestLine returns the length of the longest CRLF-separated line of s.
func longestLine(s string) int {
	n := 0
	for _, l := range strings.Split(s, "\r\n") {
		n = max(n, len(l))
	}
	return n
}
