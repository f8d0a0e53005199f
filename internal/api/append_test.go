package api

import (
	"bytes"
	"encoding/json"
	"testing"
	"time"
)

// hostile are strings that JSON must escape, or that are not valid UTF-8.
var hostile = []string{"", "plain", `quote " and \ backslash`, "<script>&amp;</script>", "\b\f\n\r\t\x00\x01\x1f\x7f",
	"ünïcödé, 日本語, emoji 🎉", "line\u2028para\u2029end", "bad \xff\xfe bytes \xc3", "\xed\xa0\x80 surrogate", "/slash"}

// TestAppendPageAsEncoder holds AppendPage to what the JSON encoder writes.
func TestAppendPageAsEncoder(t *testing.T) {
	at := time.Date(2026, 3, 2, 9, 4, 5, 120_000_000, time.UTC)
	next := "eyJzIjoibmV3ZXN0IiwiaSI6MX0"
	var items []Application
	for i, s := range hostile {
		a := Application{ID: int64(i + 1), Status: "applied", CreatedAt: at, UpdatedAt: at.Add(time.Duration(i) * time.Hour)}
		a.Company, a.Role, a.Location, a.JobURL, a.Source, a.ContactName = s, s+"r", s, s, s, s
		a.ContactKind, a.ContactTitle, a.GreetingName, a.ContactEmail, a.Notes = s, s, s, s, s+"\n"+s
		if i%2 == 0 {
			applied := at.Add(-time.Duration(i) * time.Minute)
			a.AppliedAt = &applied
		}
		items = append(items, a)
	}
	for _, p := range []Page{{Items: []Application{}}, {Items: items}, {Items: items[:1], NextCursor: &next}, {Items: items, NextCursor: &hostile[3]}} {
		var want bytes.Buffer
		if err := json.NewEncoder(&want).Encode(p); err != nil {
			t.Fatal(err)
		}
		if got := AppendPage(nil, p); !bytes.Equal(got, want.Bytes()) {
			t.Errorf("AppendPage =\n%s\nthe encoder writes\n%s", got, want.Bytes())
		}
	}
}

// FuzzAppendString holds appendString to the encoder on any text.
func FuzzAppendString(f *testing.F) {
	for _, s := range hostile {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		var want bytes.Buffer
		json.NewEncoder(&want).Encode(s)
		if got := append(appendString(nil, s), '\n'); !bytes.Equal(got, want.Bytes()) {
			t.Errorf("appendString(%q) = %s, the encoder writes %s", s, got, want.Bytes())
		}
	})
}
