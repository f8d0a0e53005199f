package decline

import "testing"

// TestIrregularStems: the forms of an irregular verb a letter uses share
// one stem, so that "after meeting the team. ... the people I met." reads
// as the repeat it is; the short forms of the verbs that mostly serve
// others do not count, so that "I did ..." after "I have done ..." or "go
// ahead" after "goes well" is no repeat.
func TestIrregularStems(t *testing.T) {
	for _, forms := range [][]string{
		{"meet", "meets", "meeting", "meetings", "met"},
		{"speak", "speaking", "spoke", "spoken"},
		{"give", "giving", "gave", "given"},
		{"take", "taking", "took", "taken"},
		{"make", "making", "made"},
		{"think", "thinking", "thought"},
		{"choose", "choosing", "chose", "chosen"},
		{"feel", "feeling", "felt"},
		{"leave", "leaving", "left"},
		{"hear", "hearing", "heard"},
		{"saying", "said", "says"},
		{"tell", "telling", "told"},
		{"find", "finding", "found"},
		{"begin", "began", "begun"},
		{"come", "coming", "came"},
		{"know", "knowing", "knew", "known"},
		{"write", "writing", "wrote", "written"},
		{"mean", "means", "meant"},
		{"keep", "keeping", "kept"},
		{"understand", "understanding", "understood"},
	} {
		for _, f := range forms[1:] {
			if !counts(f) {
				t.Errorf("%q does not count for repetition", f)
			}
			if got, want := stemOf(f), stemOf(forms[0]); got != want {
				t.Errorf("stemOf(%q) = %q, stemOf(%q) = %q: one verb, two stems", f, got, forms[0], want)
			}
		}
	}
	for _, short := range []string{"is", "was", "had", "did", "got", "go", "see", "saw", "let", "say", "can", "may"} {
		if counts(short) {
			t.Errorf("%q counts for repetition: a word that mostly serves others", short)
		}
	}
}

// TestIrregularRepeats: sentences side by side that repeat a verb in
// another form repeat a word, and those that share only the short words
// every sentence has do not.
func TestIrregularRepeats(t *testing.T) {
	for _, tt := range []struct {
		prev, next string
		repeats    bool
	}{
		{"It was not an easy decision after meeting the team.", "I was impressed by the people I met.", true},
		{"I have decided not to take it.", "It was a really tough call, and I took my time over it.", true},
		{"After a lot of thought, I am declining it.", "Thank you again for thinking of me for the role.", true},
		{"I am grateful you chose me.", "Thank you for choosing me for the position.", true},
		{"Thanks so much for the offer – it means a lot.", "Thanks again, it meant a lot.", true},
		{"As I said on the phone, I have accepted another role.", "Saying no was hard.", true},
		{"I'm sorry to say I won't be there.", "I have said yes to another offer.", false},
		{"I hope the search goes well.", "I have decided not to go ahead.", false},
		{"I did not expect this.", "I had a good time.", false},
		{"It was a pleasure to meet you.", "I enjoyed meeting everyone.", true},
	} {
		if got := repeatsStem(contentStems(tt.prev), tt.next); got != tt.repeats {
			t.Errorf("%q then %q: repeats %v, want %v", tt.prev, tt.next, got, tt.repeats)
		}
	}
}
