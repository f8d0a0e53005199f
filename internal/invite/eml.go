package invite

import (
	"bytes"
	"errors"
	"html"
	"io"
	"mime"
	"regexp"
	"strings"

	_ "github.com/emersion/go-message/charset" // decode the charsets mail programs use
	"github.com/emersion/go-message/mail"
)

// maxPart is the largest message part the importer reads.
const maxPart = 4 << 20

// mailBody is what the importer takes from an e-mail's parts.
type mailBody struct {
	calendar []byte
	text     string
	html     string
}

// ParseEML reads an invitation from a raw e-mail: from its calendar part
// when it has one (Google, Outlook and Apple send the invite twice, inline
// and attached; the first is used), else from its text.
func ParseEML(data []byte) (*Draft, error) {
	mr, err := mail.CreateReader(bytes.NewReader(trimLeadingBlankLines(data)))
	if err != nil && mr == nil {
		return nil, invalid("file", "the file is neither a calendar nor a readable e-mail (%s)", err)
	}
	defer mr.Close()
	if !(mr.Header.Has("From") || mr.Header.Has("Subject") || mr.Header.Has("Date")) {
		return nil, invalid("file", "the file is neither a calendar nor an e-mail: it has no From, Subject or Date header")
	}
	body, err := readParts(mr)
	if err != nil {
		return nil, err
	}
	var d *Draft
	if body.calendar != nil {
		if d, err = ParseICS(body.calendar); err != nil {
			return nil, err
		}
	} else {
		d = fromText(body)
	}
	applyHeader(d, mr.Header)
	return d, nil
}

// trimLeadingBlankLines drops white-space-only lines before the first
// header, which some stored mails carry.
func trimLeadingBlankLines(data []byte) []byte {
	for {
		line, rest, ok := bytes.Cut(data, []byte("\n"))
		if !ok || len(bytes.TrimSpace(line)) != 0 {
			return data
		}
		data = rest
	}
}

func readParts(mr *mail.Reader) (mailBody, error) {
	var b mailBody
	for {
		p, err := mr.NextPart()
		if errors.Is(err, io.EOF) {
			return b, nil
		}
		if err != nil {
			if b.calendar != nil || b.text != "" {
				return b, nil // a broken later part does not spoil what was read
			}
			return b, invalid("file", "the e-mail cannot be read (%s)", err)
		}
		readPart(p, &b)
	}
}

func readPart(p *mail.Part, b *mailBody) {
	ct, params, _ := mime.ParseMediaType(p.Header.Get("Content-Type"))
	if ct == "" {
		ct = "text/plain" // RFC 2045 5.2
	}
	name := strings.ToLower(params["name"])
	if _, dp, err := mime.ParseMediaType(p.Header.Get("Content-Disposition")); err == nil && dp["filename"] != "" {
		name = strings.ToLower(dp["filename"])
	}
	isCal := ct == "text/calendar" || ct == "application/ics" || strings.HasSuffix(name, ".ics")
	if !isCal && ct != "text/plain" && ct != "text/html" {
		return
	}
	data, err := io.ReadAll(io.LimitReader(p.Body, maxPart))
	if err != nil && len(data) == 0 {
		return
	}
	switch {
	case isCal && b.calendar == nil:
		b.calendar = data
	case ct == "text/plain" && b.text == "":
		b.text = cleanText(string(data))
	case ct == "text/html" && b.html == "":
		b.html = string(data)
	}
}

// fromText makes a draft from an e-mail without a calendar part.
func fromText(b mailBody) *Draft {
	d := &Draft{Message: b.text}
	if d.Message == "" && b.html != "" {
		d.Message = cleanText(htmlToText(b.html))
	}
	if len(d.Message) > maxMessage {
		d.Message = strings.ToValidUTF8(d.Message[:maxMessage], "")
		d.note("the e-mail text was cut to %d characters", maxMessage)
	}
	for _, u := range urlPattern.FindAllString(d.Message, -1) {
		if isMeetingHost(u) {
			d.MeetingURL = strings.TrimRight(u, ".,;)>")
			break
		}
	}
	d.Format = guessFormat(d)
	d.note("the e-mail has no calendar invite: enter the interview time by hand")
	return d
}

var tagPattern = strings.NewReplacer("<br>", "\n", "<br/>", "\n", "<br />", "\n", "</p>", "\n\n", "</div>", "\n")

// htmlToText is a rough text of an HTML-only mail, for the message field.
func htmlToText(h string) string {
	h = tagPattern.Replace(h)
	var out strings.Builder
	in := false
	for _, r := range h {
		switch {
		case r == '<':
			in = true
		case r == '>':
			in = false
		case !in:
			out.WriteRune(r)
		}
	}
	return html.UnescapeString(out.String())
}

var htmlTag = regexp.MustCompile(`(?i)<(?:b|i|u|br|p|div|a|span|html|ul|li)\b[^>]*>`)

// looksLikeHTML reports whether a text holds HTML markup.
func looksLikeHTML(s string) bool { return htmlTag.MatchString(s) }

// applyHeader takes what the e-mail's header says: when it arrived, its
// identity for threading, and the sender as contact when the invite
// named none.
func applyHeader(d *Draft, h mail.Header) {
	if t, err := h.Date(); err == nil && !t.IsZero() {
		u := t.UTC()
		d.ReceivedAt = &u
	}
	d.MessageID, _ = h.MessageID()
	d.Subject, _ = h.Subject()
	d.Subject = cleanText(d.Subject)
	if d.Summary == "" {
		d.Summary = d.Subject
	}
	if d.Role == "" {
		d.Role = guessRole(d.Subject)
	}
	if d.ContactEmail == "" {
		if from, err := h.AddressList("From"); err == nil && len(from) > 0 {
			d.ContactName, d.ContactEmail = from[0].Name, strings.ToLower(from[0].Address)
		}
	}
	if d.Company == "" {
		guessCompany(d)
	}
}
