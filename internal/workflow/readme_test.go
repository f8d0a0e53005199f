package workflow

import (
	"os"
	"strings"
	"testing"
)

// TestREADMEDiagramMatchesTable keeps the README's stage diagram generated
// from the table: run `tracker workflow --mermaid` and paste it when the
// table changes.
func TestREADMEDiagramMatchesTable(t *testing.T) {
	readme, err := os.ReadFile("../../README.md")
	if err != nil {
		t.Fatalf("read README: %v", err)
	}
	if !strings.Contains(string(readme), "```mermaid\n"+Mermaid()+"```") {
		t.Fatalf("README.md's mermaid block differs from the table; replace it with:\n%s", Mermaid())
	}
}
