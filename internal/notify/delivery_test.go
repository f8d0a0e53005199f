package notify

import (
	"errors"
	"strings"
	"testing"
	"unicode/utf8"
)

// TestDeliveryErrorStaysValidText: a relay's long answer in another script
// is cut on a character, never inside one, so the database stores it.
func TestDeliveryErrorStaysValidText(t *testing.T) {
	msg := deliveryError(ChannelEmail, errors.New(strings.Repeat("é", 400)+"\xff"))
	if !utf8.ValidString(msg) || !strings.HasSuffix(msg, "...") || utf8.RuneCountInString(msg) != len("email: ")+303 {
		t.Fatalf("%d runes, valid %v: %q", utf8.RuneCountInString(msg), utf8.ValidString(msg), msg)
	}
}
