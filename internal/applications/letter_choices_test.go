package applications_test

import (
	"testing"

	"tracker/internal/applications"
)

// TestLetterChoices: a sent letter shows the offer, detail and wording
// chosen for it; the first wording and an unknown offer say nothing.
func TestLetterChoices(t *testing.T) {
	tests := []struct {
		l    applications.Letter
		want string
	}{
		{applications.Letter{Offer: "stay_in_touch", Detail: "meeting the team", Variant: 1}, "offer: stay in touch; detail: “meeting the team”; wording 2"},
		{applications.Letter{Offer: "none"}, "no offer of help"},
		{applications.Letter{}, ""},
	}
	for _, tt := range tests {
		if got := tt.l.Choices(); got != tt.want {
			t.Errorf("%+v.Choices() = %q, want %q", tt.l, got, tt.want)
		}
	}
}
