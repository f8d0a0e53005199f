package decline

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// TestPlaceholderByLine checks that placeholder, which runs the pattern
// line by line, finds what the pattern finds over the whole text.
func TestPlaceholderByLine(t *testing.T) {
	texts := []string{
		"", "plain text\nwith lines\n", "Subject (Zed)\n\nDear [Name],\nthanks", "a line\nXXX at the start\n(date)",
		"ends with %s\nnext", "word(name) and xxxx\n{{first}}", "todo\n", "line one\n\nline TBD two", "${x}\n<your name>",
		"a (your full name) b\n[\n]\n", "mid-line\r\n[Company]\r\n", "café [Company]\nnaïve TODO", "x\nxx\nxxx\nxxxx",
		"(insert date here)\n(x)", "no match ( here\n[ neither", "[" + strings.Repeat("a", 41) + "]\n[" + strings.Repeat("b", 40) + "]",
	}
	goldens, _ := filepath.Glob("testdata/*.golden")
	for _, g := range goldens {
		b, err := os.ReadFile(g)
		if err != nil {
			t.Fatal(err)
		}
		texts = append(texts, string(b))
	}
	for _, s := range texts {
		want := ""
		if mayHavePlaceholder(strings.ToLower(s)) {
			want = placeholders.FindString(s)
		}
		if got := placeholder(s, strings.ToLower(s)); got != want {
			t.Errorf("placeholder(%q) = %q, want %q", s, got, want)
		}
	}
}
