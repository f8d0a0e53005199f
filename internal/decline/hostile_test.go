package decline

import (
	"strings"
	"testing"
	"unicode/utf8"
)

// hostile are values a user might type, paste or forge.
var hostile = map[string]string{
	"go template":   "{{.Secret}}",
	"shell":         "${x} $(rm -rf /)",
	"our template":  "{company} {sender} {Detail}",
	"html":          `<script>alert("x")</script>`,
	"controls":      "Acme\x00 Corp\r\nBcc: evil@example.com\x1b[31m",
	"long":          strings.Repeat("x", 10000),
	"long words":    strings.Repeat("Wolfeschlegel ", 800),
	"arabic":        "شركة النور للتقنية",
	"hebrew":        "חברת אור",
	"rtl override":  "Acme\u202Egnp.exe",
	"invalid utf-8": "Ac\xffme\xfe",
	"emoji":         "Zoë 🚀 Ångström 李雷",
}

func TestHostileValuesAreData(t *testing.T) {
	for name, value := range hostile {
		for _, ch := range Channels() {
			t.Run(name+"/"+string(ch), func(t *testing.T) {
				r := request(SituationOffer, ReasonOther, ch, ToneWarm, 9)
				r.Company, r.Role, r.Contact.Name, r.Sender.Name = value, value+" role", value, value
				r.ReasonDetail = truncate(value, MaxReasonDetail)
				l := mustCompose(t, r)
				assertSafe(t, l)
				if want := clean(value); !strings.Contains(l.Body, want) {
					t.Errorf("body does not hold the value %q as data", truncate(want, 40))
				}
				if got := len(CheckLetter(l, r)); got != len(Rules()) {
					t.Errorf("CheckLetter returned %d checks", got)
				}
			})
		}
	}
}

// assertSafe checks that a letter is valid UTF-8 and holds no control or
// direction-changing character other than the line breaks we put there.
func assertSafe(t *testing.T, l Letter) {
	t.Helper()
	if !utf8.ValidString(l.Subject) || !utf8.ValidString(l.Body) {
		t.Fatal("letter is not valid UTF-8")
	}
	if strings.ContainsAny(l.Subject, "\r\n") {
		t.Errorf("subject %q holds a line break", l.Subject)
	}
	for _, r := range l.Subject + l.Body {
		if (r < 0x20 && r != '\n') || r == 0x7f || isBidiControl(r) {
			t.Errorf("letter holds control character %U", r)
		}
	}
}

func TestPlaceholdersInValuesAreNotExpanded(t *testing.T) {
	r := request(SituationInvitation, ReasonNone, ChannelEmail, ToneFormal, 1)
	r.Role = "{company} {{.Secret}}"
	l := mustCompose(t, r)
	if !strings.Contains(l.Body, "the {company} {{.Secret}} ") {
		t.Errorf("role was not copied as plain text:\n%s", l.Body)
	}
	if strings.Count(l.Body, r.Company) != strings.Count(mustCompose(t, request(SituationInvitation, ReasonNone, ChannelEmail, ToneFormal, 1)).Body, r.Company) {
		t.Errorf("{company} inside the role was expanded:\n%s", l.Body)
	}
}

func TestClean(t *testing.T) {
	tests := map[string]string{
		"  Acme \t\n Corp  ":   "Acme Corp",
		"a\x00b\x1bc\x7fd":     "abcd",
		"line\r\nbreak":        "line break",
		"\u202Eevil\u2066x":    "evilx",
		"bad\xffbyte":          "bad\uFFFDbyte",
		"שלום עולם":            "שלום עולם",
		"tab\u2028separator\n": "tab separator",
	}
	for in, want := range tests {
		if got := clean(in); got != want {
			t.Errorf("clean(%q) = %q, want %q", in, got, want)
		}
	}
}

func FuzzCompose(f *testing.F) {
	f.Add("Acme", "Engineer", "Maria", "Sam", "other", "because {{.x}}", "email", "warm", "offer", uint64(1))
	f.Add("\xff\x00", "\u202E", "", "${x}", "timing", "", "phone", "", "", uint64(0))
	f.Add(strings.Repeat("a ", 300), "<script>", "李雷", "Zoë", "none", "", "message", "formal", "before_interview", uint64(99))
	f.Fuzz(func(t *testing.T, company, role, contact, sender, reason, detail, channel, tone, situation string, variant uint64) {
		r := Request{Company: company, Role: role, Contact: Contact{Name: contact}, Sender: Sender{Name: sender},
			Reason: Reason(reason), ReasonDetail: detail, Channel: Channel(channel), Tone: Tone(tone),
			Situation: Situation(situation), Variant: variant}
		l, err := Compose(r)
		if err != nil {
			if _, ok := err.(*InputError); !ok {
				t.Fatalf("error %v is not an *InputError", err)
			}
			return
		}
		assertSafe(t, l)
		if n := len(CheckLetter(l, r)); n != len(Rules()) {
			t.Fatalf("CheckLetter returned %d checks", n)
		}
	})
}

func FuzzCheckLetter(f *testing.F) {
	f.Add("Re: x", politeBody, "Northwind Traders", "Sam Lee")
	f.Add("", "Dear \xff,\n\n\n", "{{", "")
	f.Add("\r\n", "a waste of time. low-ball!!! ...", "", "x")
	f.Fuzz(func(t *testing.T, subject, body, company, sender string) {
		checks := CheckLetter(Letter{Subject: subject, Body: body}, Request{Company: company, Sender: Sender{Name: sender}})
		if len(checks) != len(Rules()) {
			t.Fatalf("CheckLetter returned %d checks", len(checks))
		}
		for _, c := range checks {
			if !utf8.ValidString(c.Hint) {
				t.Fatalf("hint %q is not valid UTF-8", c.Hint)
			}
		}
	})
}
