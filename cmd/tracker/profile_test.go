package main

import (
	"testing"
)

func TestProfile(t *testing.T) {
	c := newCLI(t)
	runSteps(t, c, []step{
		{name: "unset", args: []string{"profile"}, want: []string{"Sender profile:", "Name     (not set)", "Tone     formal", "Channel  email"},
			notWant: []string{"Updated"}},
		{name: "set", args: []string{"profile", "--name", "Grace Hopper", "--email", "grace@example.com", "--tone", "warm"},
			want: []string{"Name     Grace Hopper", "E-mail   grace@example.com", "Phone    (not set)", "Tone     warm", "Updated"}},
		{name: "set one field", args: []string{"profile", "--phone", "+1 555 0100"},
			want: []string{"Name     Grace Hopper", "Phone    +1 555 0100", "Tone     warm"}},
		{name: "clear a field", args: []string{"profile", "--phone", ""}, want: []string{"Phone    (not set)", "Grace Hopper"}},
		{name: "refused", args: []string{"profile", "--tone", "loud", "--email", "x", "--channel", "fax"}, code: 1,
			want: []string{"tracker: some fields are not valid", "  --tone must be one of formal, warm",
				"  --channel must be one of email, phone, message", "  --email must be an e-mail address"}},
		{name: "refused changed nothing", args: []string{"profile"}, want: []string{"Tone     warm", "grace@example.com"}},
		{name: "extra argument", args: []string{"profile", "Grace"}, code: 2, want: []string{`unexpected argument "Grace"`}},
		{name: "help", args: []string{"profile", "--help"}, want: []string{"Usage: tracker profile", "--name name", "--tone tone", "--channel channel"}},
	})
}

// TestDeclineSignedFromProfile declines without --sender: refused with a
// hint while no name is set anywhere, signed from the profile once it is.
func TestDeclineSignedFromProfile(t *testing.T) {
	c := newCLI(t)
	runSteps(t, c, []step{
		{name: "add", args: []string{"add", "--company", "Acme", "--role", "Dev", "--received", "now"}},
		{name: "no name anywhere", args: []string{"decline", "1", "--reason", "timing"}, code: 1,
			want: []string{"  --sender is required", "tracker profile --name NAME"}},
		{name: "set the profile", args: []string{"profile", "--name", "Grace Hopper", "--channel", "message"}},
		{name: "preview", args: []string{"decline", "1", "--reason", "timing"}, want: []string{"Grace Hopper", "Nothing was recorded"},
			notWant: []string{"Subject:"}},
		{name: "send", args: []string{"decline", "1", "--reason", "timing", "--send"}, want: []string{"Grace Hopper", "via message"}},
	})
}
