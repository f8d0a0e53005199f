package decline

import (
	"bytes"
	"encoding/base64"
	"mime/multipart"
	"mime/quotedprintable"
	"net/textproto"
	"strings"
)

// calendarBoundary separates the text from the calendar part; neither a
// quoted-printable nor a base64 body can contain it.
const calendarBoundary = "tracker-letter-=_calendar"

// writeWithCalendar writes the body of a letter with a calendar part:
// multipart/alternative with the text first and the iCalendar object last,
// as RFC 6047 has invitations and their replies sent.
func writeWithCalendar(buf *bytes.Buffer, m Message) ([]byte, error) {
	w := multipart.NewWriter(buf)
	if err := w.SetBoundary(calendarBoundary); err != nil {
		return nil, err
	}
	text, err := w.CreatePart(textproto.MIMEHeader{"Content-Type": {"text/plain; charset=utf-8"},
		"Content-Transfer-Encoding": {"quoted-printable"}})
	if err != nil {
		return nil, err
	}
	qp := quotedprintable.NewWriter(text)
	body := crlf(strings.ToValidUTF8(m.Body, "\uFFFD"))
	if !strings.HasSuffix(body, "\r\n") {
		body += "\r\n"
	}
	if _, err := qp.Write([]byte(body)); err != nil {
		return nil, err
	}
	if err := qp.Close(); err != nil {
		return nil, err
	}
	ct := "text/calendar; charset=utf-8"
	if m.CalendarMethod != "" {
		ct += "; method=" + m.CalendarMethod
	}
	cal, err := w.CreatePart(textproto.MIMEHeader{"Content-Type": {ct}, "Content-Transfer-Encoding": {"base64"}})
	if err != nil {
		return nil, err
	}
	enc := base64.StdEncoding.EncodeToString(m.Calendar)
	for len(enc) > 76 {
		cal.Write([]byte(enc[:76] + "\r\n"))
		enc = enc[76:]
	}
	cal.Write([]byte(enc + "\r\n"))
	if err := w.Close(); err != nil {
		return nil, err
	}
	return buf.Bytes(), nil
}
