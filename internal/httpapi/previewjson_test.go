package httpapi

import (
	"bytes"
	"encoding/json"
	"testing"

	"tracker/internal/api"
)

// TestAppendPreviewAsEncoder holds appendPreview to what the JSON
// encoder writes for a preview: every field set, to text that must be
// escaped or is not valid UTF-8, and checks nil, empty and full.
func TestAppendPreviewAsEncoder(t *testing.T) {
	hostile := []string{"", "plain", `quote " and \ backslash`, "<b>&amp;</b>", "Dear Maria,\n\n\tThanks\r\x00\x1f",
		"ünïcödé, 日本語, 🎉", "line\u2028para\u2029end", "bad \xff\xfe bytes \xc3"}
	for i, s := range hostile {
		checks := []api.Check{{Rule: "clear", OK: true, Severity: "error", Hint: s}, {Rule: s, OK: false, Severity: "warning", Hint: "x"}}
		for _, cs := range [][]api.Check{nil, {}, checks} {
			p := previewResponse{Subject: s, Body: s + "b", Voicemail: hostile[(i+1)%len(hostile)], Offer: s,
				Checks: cs, Mailto: "mailto:a@example.com?subject=" + s, PreviewedStatus: s}
			var want bytes.Buffer
			if err := json.NewEncoder(&want).Encode(p); err != nil {
				t.Fatal(err)
			}
			if got := appendPreview(nil, p); !bytes.Equal(got, want.Bytes()) {
				t.Errorf("appendPreview =\n%s\nthe encoder writes\n%s", got, want.Bytes())
			}
		}
	}
}
