package decline

import (
	"strings"
	"testing"
)

// mailtoAsBefore is MailtoURL as it was first written, with the standard
// library's string functions: the reference AppendMailtoURL is held to.
func mailtoAsBefore(to, subject, body string) string {
	encode := func(s, keep string) string {
		var b strings.Builder
		for _, c := range []byte(strings.ToValidUTF8(s, "\uFFFD")) {
			if 'a' <= c && c <= 'z' || 'A' <= c && c <= 'Z' || '0' <= c && c <= '9' || strings.IndexByte("-._~"+keep, c) >= 0 {
				b.WriteByte(c)
			} else {
				b.WriteString("%" + strings.ToUpper(string("0123456789abcdef"[c>>4])+string("0123456789abcdef"[c&15])))
			}
		}
		return b.String()
	}
	link, sep := "mailto:"+encode(to, "@"), "?"
	for _, p := range []struct{ key, value string }{{"subject", subject}, {"body", crlf(body)}} {
		if p.value != "" {
			link += sep + p.key + "=" + encode(p.value, "")
			sep = "&"
		}
	}
	return link
}

// FuzzMailtoURL holds MailtoURL and AppendMailtoURL to mailtoAsBefore on
// any text: line breaks of every kind, invalid UTF-8 in runs and alone.
func FuzzMailtoURL(f *testing.F) {
	f.Add("zoe@example.com", "Your offer – Zoë & Co? 100%", "Dear Zoë,\r\nI decline.\r\rSam + Co\n")
	f.Add("a b@x", "", "bad \xff\xfe bytes \xc3\n\xff\r\n\xef\xbf\xbd\xff end\r")
	f.Add("", "s", "")
	f.Fuzz(func(t *testing.T, to, subject, body string) {
		want := mailtoAsBefore(to, subject, body)
		if got := MailtoURL(to, subject, body); got != want {
			t.Errorf("MailtoURL(%q, %q, %q) =\n%s\nwant\n%s", to, subject, body, got, want)
		}
		if got := string(AppendMailtoURL([]byte("x"), to, subject, body, `\u0026`)); got != "x"+strings.ReplaceAll(want, "&", `\u0026`) {
			t.Errorf("AppendMailtoURL with a JSON amp = %s, want %s", got, want)
		}
	})
}
