package web

import (
	"testing"

	"tracker/internal/decline"
)

// TestEveryRuleHasALabel keeps the studio's checklist in words when the
// checker gains a rule.
func TestEveryRuleHasALabel(t *testing.T) {
	for _, r := range decline.Rules() {
		if _, ok := ruleLabels[r]; !ok {
			t.Errorf("rule %q has no checklist label", r)
		}
	}
}
