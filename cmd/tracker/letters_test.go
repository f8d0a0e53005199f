package main

import "testing"

// TestContactFlags sets how letters address the contact from the command
// line and sees it in the letter; a bad kind names its flag.
func TestContactFlags(t *testing.T) {
	c := newCLI(t)
	runSteps(t, c, []step{
		{name: "add with a title", args: []string{"add", "--company", "Globex", "--role", "SRE", "--status", "invited",
			"--contact", "Ana Lima", "--contact-kind", "person", "--contact-title", "Dr."},
			want: []string{"Added application 1"}},
		{name: "show", args: []string{"show", "1"}, want: []string{"Ana Lima", "Greeting", "person, title Dr."}},
		{name: "letter by title", args: []string{"decline", "1", "--reason", "timing", "--sender", "Sam Lee", "--tone", "formal"},
			want: []string{"Dear Dr. Lima,"}},
		{name: "greeting name", args: []string{"edit", "1", "--greeting-name", "Professor Lima"}, want: []string{"Updated application 1"}},
		{name: "letter by greeting", args: []string{"decline", "1", "--reason", "timing", "--sender", "Sam Lee", "--tone", "formal"},
			want: []string{"Dear Professor Lima,"}},
		{name: "bad kind", args: []string{"edit", "1", "--contact-kind", "robot"}, code: 1,
			want: []string{"--contact-kind must be one of person, team, none"}},
	})
}
