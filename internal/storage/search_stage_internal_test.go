package storage

import (
	"testing"

	"tracker/internal/workflow"
)

// TestEveryStageHasItsLetter checks that every stage has a letter of its
// own in SQLite's full-text words, so that a search in it, and one of
// every stage, reads its words.
func TestEveryStageHasItsLetter(t *testing.T) {
	seen := map[byte]workflow.State{}
	for _, st := range workflow.States() {
		c := stageCode(string(st))
		if c == unknownStage {
			t.Errorf("stage %s has no letter", st)
		}
		if other, ok := seen[c]; ok {
			t.Errorf("stages %s and %s share the letter %c", st, other, c)
		}
		seen[c] = st
	}
	if len(stageCodes) != len(seen) {
		t.Errorf("%d letters for %d stages", len(stageCodes), len(seen))
	}
}
