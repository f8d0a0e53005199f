package applications

import (
	"strings"
	"testing"
)

// TestPlainlyValid holds the preview's validation without reflection to
// the validator's: it passes an input only when the validator does, and
// every ordinary one.
func TestPlainlyValid(t *testing.T) {
	v := newValidator()
	str := func(s string) *string { return &s }
	texts := []string{"", "Acme", "a\tb", "a\nb", "a\rb", "caf\u00e9", "\u2028", "\u2029", "\x00", "\x7f", "\u0085", "\xff",
		strings.Repeat("x", 200), strings.Repeat("x", 201), strings.Repeat("\u00e9", 200), strings.Repeat("\u00e9", 201),
		strings.Repeat("y", 300), strings.Repeat("y", 301), strings.Repeat("z", 20000), strings.Repeat("z", 20001)}
	var ins []DeclineInput
	for _, s := range texts {
		ins = append(ins,
			DeclineInput{Reason: s}, DeclineInput{Reason: "x", ReasonDetail: s}, DeclineInput{Reason: "x", SenderName: s},
			DeclineInput{Reason: "x", Detail: s}, DeclineInput{Reason: "x", Subject: str(s)}, DeclineInput{Reason: "x", Body: str(s)},
			DeclineInput{Reason: "x", Channel: s, Tone: s, DetailKind: s, Offer: s})
	}
	for _, n := range []int{-1, 0, 7, 1000000, 1000001} {
		ins = append(ins, DeclineInput{Reason: "another_offer", Variant: n})
	}
	passed := 0
	for _, in := range ins {
		plain, err := in.plainlyValid(), v.Struct(in)
		if plain && err != nil {
			t.Errorf("%+v: plainlyValid passes it, the validator says %v", in, err)
		}
		if !plain && err == nil {
			t.Errorf("%+v: the validator passes it, plainlyValid does not", in)
		}
		if plain {
			passed++
		}
	}
	if passed == 0 {
		t.Error("nothing passed")
	}
}
