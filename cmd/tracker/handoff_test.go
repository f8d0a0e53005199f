package main

import (
	"encoding/json"
	"io"
	"mime"
	"mime/quotedprintable"
	"net/mail"
	"net/url"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"tracker/internal/api"
)

// storedLetters returns the letters of application id, via show --json.
func (c *cli) storedLetters(id string) []api.Letter {
	c.t.Helper()
	r := c.do("show", id, "--json")
	var d api.Detail
	if err := json.Unmarshal([]byte(r.stdout), &d); err != nil {
		c.t.Fatalf("show --json: %v\n%s", err, r.stdout)
	}
	return d.Letters
}

// readEML parses an e-mail draft and returns its recipient and its decoded
// body with LF line ends.
func readEML(t *testing.T, eml string) (*mail.Address, string) {
	t.Helper()
	msg, err := mail.ReadMessage(strings.NewReader(eml))
	if err != nil {
		t.Fatalf("the draft does not parse: %v\n%s", err, eml)
	}
	to, err := msg.Header.AddressList("To")
	if err != nil || len(to) != 1 {
		t.Fatalf("To %q: %v", msg.Header.Get("To"), err)
	}
	body, err := io.ReadAll(quotedprintable.NewReader(msg.Body))
	if err != nil {
		t.Fatalf("the body is not quoted-printable: %v", err)
	}
	return to[0], strings.ReplaceAll(string(body), "\r\n", "\n")
}

// TestDeclineEML writes the preview and the sent letter as e-mail drafts
// and prints the mailto: link, all of which must carry the stored letter.
func TestDeclineEML(t *testing.T) {
	c := newCLI(t)
	check(t, c.do("add", "--company", "Acme", "--role", "Dev", "--contact", "Zoë Ångström", "--email", "zoe@acme.example", "--received", "now"), 0)
	check(t, c.do("profile", "--name", "Sam Lee", "--email", "sam@example.com"), 0)
	file := filepath.Join(t.TempDir(), "draft.eml")
	preview := c.do("decline", "1", "--reason", "timing", "--eml", file)
	check(t, preview, 0, "Nothing was recorded", "Wrote the e-mail draft to "+file)
	check(t, c.do("decline", "1", "--reason", "timing", "--eml", filepath.Join(t.TempDir(), "nope", "x.eml")), 2, "--eml: there is no folder")

	sent := c.run("", "decline", "1", "--reason", "timing", "--send", "--eml", "-", "--db", c.db)
	check(t, sent, 0, "Recorded for application 1")
	if strings.Contains(sent.stdout, "Recorded for") {
		t.Errorf("--eml - mixes the text into the draft on stdout:\n%s", sent.stdout)
	}
	letter := c.storedLetters("1")[0]
	want := strings.TrimRight(letter.Body, "\n")

	draft, err := os.ReadFile(file)
	if err != nil {
		t.Fatal(err)
	}
	for name, eml := range map[string]string{"preview": string(draft), "sent": sent.stdout} {
		to, body := readEML(t, eml)
		if to.Name != "Zoë Ångström" || to.Address != "zoe@acme.example" || strings.TrimRight(body, "\n") != want {
			t.Errorf("%s draft to %v with body\n%q\nwant\n%q", name, to, body, want)
		}
	}

	link := mailtoLine(t, preview.stdout)
	u, err := url.Parse(link)
	if err != nil || u.Opaque != "zoe@acme.example" {
		t.Fatalf("mailto %q: %v", link, err)
	}
	if q := u.Query(); q.Get("subject") != letter.Subject || strings.ReplaceAll(q.Get("body"), "\r\n", "\n") != letter.Body {
		t.Errorf("mailto carries %q %q, want the stored letter %q %q", q.Get("subject"), q.Get("body"), letter.Subject, letter.Body)
	}
}

// mailtoLine returns the line of out that is a mailto: link.
func mailtoLine(t *testing.T, out string) string {
	t.Helper()
	for _, line := range strings.Split(out, "\n") {
		if strings.HasPrefix(line, "mailto:") {
			return line
		}
	}
	t.Fatalf("no mailto: line in\n%s", out)
	return ""
}

// TestFollowUpLetter checks that follow-up prints the letter it records,
// written for the channel of the decline: after a call, an e-mail that
// confirms it in writing.
func TestFollowUpLetter(t *testing.T) {
	c := newCLI(t)
	check(t, c.do("add", "--company", "Acme", "--role", "Dev", "--received", ago(2*time.Hour)), 0)
	check(t, c.do("decline", "1", "--reason", "timing", "--sender", "Ada", "--channel", "phone", "--send", "--sent-at", ago(time.Hour)), 0)
	preview := c.do("follow-up", "1", "--kind", "thanks")
	check(t, preview, 0, "Checks:", "Nothing was recorded")
	check(t, c.do("follow-up", "1", "--kind", "nag"), 1, "--kind must be one of confirm, thanks")
	check(t, c.do("follow-up", "1", "--body-file", "-", "--send"), 1, "check gratitude")
	r := c.do("follow-up", "1", "--send")
	check(t, r, 0, "(followed_up)", "via email", "taking my call")
	letters := c.storedLetters("1")
	if len(letters) != 2 || letters[1].Kind != "follow_up" || letters[1].Channel != "email" {
		t.Fatalf("letters = %+v", letters)
	}
	if !strings.Contains(r.stdout, strings.TrimRight(letters[1].Body, "\n")) {
		t.Errorf("follow-up does not print its letter\n%s\nin\n%s", letters[1].Body, r.stdout)
	}
}

// TestFollowUpEML: the follow-up's preview and the recorded follow-up can
// be written as e-mail drafts that reply to the decline's message.
func TestFollowUpEML(t *testing.T) {
	c := newCLI(t)
	check(t, c.do("add", "--company", "Acme", "--role", "Dev", "--contact", "Maria Anders", "--email", "maria@acme.example",
		"--received", ago(3*time.Hour)), 0)
	check(t, c.do("decline", "1", "--reason", "timing", "--sender", "Ada", "--send", "--sent-at", ago(2*time.Hour)), 0)
	file := filepath.Join(t.TempDir(), "follow-up.eml")
	check(t, c.do("follow-up", "1", "--eml", file), 0, "Nothing was recorded")
	draft, err := os.ReadFile(file)
	if err != nil {
		t.Fatal(err)
	}
	sent := c.run("", "follow-up", "1", "--send", "--eml", "-", "--db", c.db)
	if sent.code != 0 || strings.Contains(sent.stdout, "followed_up") {
		t.Fatalf("follow-up --send --eml - = %d; stdout:\n%s", sent.code, sent.stdout)
	}
	for name, eml := range map[string]string{"preview": string(draft), "sent": sent.stdout} {
		msg, err := mail.ReadMessage(strings.NewReader(eml))
		if err != nil {
			t.Fatalf("%s: %v\n%s", name, err, eml)
		}
		subject, _ := new(mime.WordDecoder).DecodeHeader(msg.Header.Get("Subject"))
		if msg.Header.Get("In-Reply-To") == "" || !strings.HasPrefix(subject, "Re: ") ||
			!strings.Contains(msg.Header.Get("To"), "maria@acme.example") {
			t.Errorf("%s draft headers: %v", name, msg.Header)
		}
	}
}
