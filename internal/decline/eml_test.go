package decline

import (
	"bytes"
	"errors"
	"io"
	"mime"
	"mime/quotedprintable"
	"net/mail"
	"net/url"
	"strings"
	"testing"
	"time"
)

// readEML parses an .eml the way a mail program would and returns the
// message and its decoded body.
func readEML(t *testing.T, eml []byte) (*mail.Message, string) {
	t.Helper()
	msg, err := mail.ReadMessage(bytes.NewReader(eml))
	if err != nil {
		t.Fatalf("ReadMessage: %v\n%s", err, eml)
	}
	if cte := msg.Header.Get("Content-Transfer-Encoding"); cte != "quoted-printable" {
		t.Fatalf("Content-Transfer-Encoding = %q", cte)
	}
	body, err := io.ReadAll(quotedprintable.NewReader(msg.Body))
	if err != nil {
		t.Fatal(err)
	}
	return msg, string(body)
}

func TestBuildEMLRoundTrip(t *testing.T) {
	long := strings.Repeat("Ünïcödé and a long line ", 60) // > 998 bytes
	tests := []struct {
		name string
		m    Message
	}{
		{"ascii", Message{FromName: "Sam Lee", FromEmail: "sam@example.com", ToName: "Maria Anders", ToEmail: "maria@example.com",
			Subject: "Interview invitation for the Go Engineer role", Body: "Dear Maria,\n\nI decline.\n\nSam"}},
		{"non-ascii names", Message{FromName: "Zoë Ångström", FromEmail: "zoe@example.com", ToName: "李雷", ToEmail: "li@example.cn",
			Subject: "Your offer for the Ingénieur rôle – 李雷", Body: "Grüße,\nZoë"}},
		{"long line and long subject", Message{ToEmail: "hr@example.com", Subject: strings.Repeat("Très long sujet ", 20), Body: long + "\n" + long}},
		{"no recipient", Message{Subject: "Draft", Body: "x\r\ny\rz"}},
	}
	dec := new(mime.WordDecoder)
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			eml, err := BuildEML(tt.m)
			if err != nil {
				t.Fatal(err)
			}
			assertLineLengths(t, eml)
			msg, body := readEML(t, eml)
			subject, err := dec.DecodeHeader(msg.Header.Get("Subject"))
			if err != nil || subject != tt.m.Subject {
				t.Errorf("Subject = %q (%v), want %q", subject, err, tt.m.Subject)
			}
			if want := crlf(tt.m.Body) + "\r\n"; body != want {
				t.Errorf("body = %q, want %q", body, want)
			}
			assertAddress(t, msg, "To", tt.m.ToName, tt.m.ToEmail)
			assertAddress(t, msg, "From", tt.m.FromName, tt.m.FromEmail)
		})
	}
}

// assertLineLengths checks that every line ends in CRLF and stays within
// RFC 5322's 998 characters.
func assertLineLengths(t *testing.T, eml []byte) {
	t.Helper()
	if bytes.Contains(bytes.ReplaceAll(eml, []byte("\r\n"), nil), []byte("\n")) {
		t.Error("a line ends in a bare LF")
	}
	for _, line := range bytes.Split(eml, []byte("\r\n")) {
		if len(line) > 998 {
			t.Errorf("line of %d bytes", len(line))
		}
	}
}

// assertAddress checks one address header, or its absence when email is "".
func assertAddress(t *testing.T, msg *mail.Message, key, name, email string) {
	t.Helper()
	if email == "" {
		if v := msg.Header.Get(key); v != "" {
			t.Errorf("%s = %q, want none", key, v)
		}
		return
	}
	addr, err := msg.Header.AddressList(key)
	if err != nil || len(addr) != 1 || addr[0].Name != name || addr[0].Address != email {
		t.Errorf("%s = %v (%v), want %s <%s>", key, addr, err, name, email)
	}
}

func TestBuildEMLHeaders(t *testing.T) {
	date := time.Date(2026, 3, 2, 9, 30, 0, 0, time.FixedZone("CET", 3600))
	eml, err := BuildEML(Message{ToEmail: "hr@example.com", Subject: "Hi", Body: "x", Date: date, MessageID: "abc@tracker", Draft: true})
	if err != nil {
		t.Fatal(err)
	}
	msg, _ := readEML(t, eml)
	for key, want := range map[string]string{
		"Date": "Mon, 02 Mar 2026 09:30:00 +0100", "Message-Id": "<abc@tracker>", "X-Unsent": "1",
		"Mime-Version": "1.0", "Content-Type": "text/plain; charset=utf-8",
	} {
		if got := msg.Header.Get(key); got != want {
			t.Errorf("%s = %q, want %q", key, got, want)
		}
	}
	if got, err := msg.Header.Date(); err != nil || !got.Equal(date) {
		t.Errorf("Date parses to %v (%v)", got, err)
	}
}

func TestBuildEMLRejectsInjection(t *testing.T) {
	tests := map[string]Message{
		"subject CRLF": {ToEmail: "a@example.com", Subject: "Hi\r\nBcc: evil@example.com"},
		"subject LF":   {ToEmail: "a@example.com", Subject: "Hi\nBcc: evil@example.com"},
		"to name":      {ToName: "Eve\r\nBcc: x@example.com", ToEmail: "a@example.com"},
		"from email":   {FromEmail: "a@example.com\nBcc: x@example.com"},
		"message id":   {MessageID: "x\r\n"},
	}
	for name, m := range tests {
		t.Run(name, func(t *testing.T) {
			if _, err := BuildEML(m); !errors.Is(err, ErrHeaderInjection) {
				t.Errorf("err = %v, want ErrHeaderInjection", err)
			}
		})
	}
	if _, err := BuildEML(Message{Subject: strings.Repeat("x", 1000)}); !errors.Is(err, ErrHeaderTooLong) {
		t.Errorf("a 1000-character word in the subject: err = %v, want ErrHeaderTooLong", err)
	}
	if _, err := BuildEML(Message{ToEmail: "not an address"}); err == nil {
		t.Error("an invalid address was accepted")
	}
}

func TestMailtoURL(t *testing.T) {
	subject, body := "Your offer – Zoë & Co? 100%", "Dear Zoë,\nI decline.\n\nSam + Co"
	link := MailtoURL("zoe@example.com", subject, body)
	if strings.ContainsAny(link, " +\n") {
		t.Errorf("link %q holds a raw space, plus or newline", link)
	}
	if !strings.Contains(link, "%20") || !strings.Contains(link, "%0D%0A") {
		t.Errorf("link %q lacks %%20 or %%0D%%0A", link)
	}
	u, err := url.Parse(link)
	if err != nil {
		t.Fatal(err)
	}
	q := u.Query()
	if u.Scheme != "mailto" || u.Opaque != "zoe@example.com" || q.Get("subject") != subject || q.Get("body") != crlf(body) {
		t.Errorf("parsed %q: scheme %q, to %q, subject %q, body %q", link, u.Scheme, u.Opaque, q.Get("subject"), q.Get("body"))
	}
	if got := MailtoURL("a@example.com", "", ""); got != "mailto:a@example.com" {
		t.Errorf("empty subject and body: %q", got)
	}
}

func TestComposedLetterAsEML(t *testing.T) {
	r := request(SituationOffer, ReasonCompensation, ChannelEmail, ToneWarm, 2)
	r.Contact.Name, r.Sender.Name = "Zoë Ångström", "李雷"
	l := mustCompose(t, r)
	eml, err := BuildEML(Message{FromName: r.Sender.Name, FromEmail: r.Sender.Email, ToName: r.Contact.Name,
		ToEmail: "zoe@example.com", Subject: l.Subject, Body: l.Body, Draft: true})
	if err != nil {
		t.Fatal(err)
	}
	_, body := readEML(t, eml)
	if body != crlf(l.Body)+"\r\n" {
		t.Errorf("body did not survive the round trip:\n%s", body)
	}
}
