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

// TestDeclineChoiceFlags previews a letter with a detail, an offer and
// another wording from the command line; a bad offer names its flag; the
// sent letter shows what was chosen.
func TestDeclineChoiceFlags(t *testing.T) {
	c := newCLI(t)
	decline := []string{"decline", "1", "--reason", "timing", "--sender", "Sam Lee"}
	runSteps(t, c, []step{
		{name: "add", args: []string{"add", "--company", "Globex", "--role", "SRE", "--status", "invited", "--contact", "Ana Lima"},
			want: []string{"Added application 1"}},
		{name: "choices", args: append(decline, "--detail", "meeting the platform team", "--offer", "none", "--variant", "2"),
			want: []string{"meeting the platform team", "Offer: none."}},
		{name: "phone", args: append(decline, "--channel", "phone"), want: []string{"Voicemail, if nobody answers:"}},
		{name: "bad offer", args: append(decline, "--offer", "money"), code: 1,
			want: []string{"--offer must be one of referral, reference, stay_in_touch, none"}},
		{name: "bad variant", args: append(decline, "--variant", "-1"), code: 1, want: []string{"--variant must be at least 0"}},
		{name: "other needs its words", args: []string{"decline", "1", "--reason", "other", "--sender", "Sam Lee"}, code: 1,
			want: []string{"--reason-detail is required when reason is other"}},
		{name: "send", args: append(decline, "--detail", "meeting the platform team", "--offer", "reference", "--variant", "2", "--send"),
			want: []string{"declined"}},
		{name: "the sent letter keeps its choices", args: []string{"show", "1"},
			want: []string{"Letters:", "(offer: reference; detail: “meeting the platform team”; wording 3)"}},
	})
}

// TestWithdrawLetter withdraws an application with a letter: previewed
// first, recorded with --send; without --reason the withdrawal is
// recorded alone.
func TestWithdrawLetter(t *testing.T) {
	c := newCLI(t)
	runSteps(t, c, []step{
		{name: "add", args: []string{"add", "--company", "Globex", "--role", "SRE"}, want: []string{"Added application 1"}},
		{name: "add another", args: []string{"add", "--company", "Initech", "--role", "QA"}, want: []string{"Added application 2"}},
		{name: "preview", args: []string{"withdraw", "1", "--reason", "another_offer", "--sender", "Sam Lee", "--detail", "the care in your job description"},
			want: []string{"my application for the SRE position", "care in your job description", "Nothing was recorded"}},
		{name: "still applied", args: []string{"show", "1"}, want: []string{"applied"}, notWant: []string{"Letters:"}},
		{name: "bad offer", args: []string{"withdraw", "1", "--reason", "timing", "--sender", "Sam Lee", "--offer", "money", "--send"}, code: 1,
			want: []string{"--offer must be one of"}},
		{name: "send", args: []string{"withdraw", "1", "--reason", "another_offer", "--sender", "Sam Lee", "--send"},
			want: []string{"Recorded for application 1: Globex, SRE (withdrawn)", "Sent ", "via email"}},
		{name: "without a letter", args: []string{"withdraw", "2", "--note", "lost interest"}, want: []string{"Withdrew application 2"}},
	})
}

// TestOfferDateFlag records the day of the offer with the move to offered,
// sees it in show and in the decline letter's thanks, is refused a day in
// the future naming --offer-made-on, and clears it with an edit.
func TestOfferDateFlag(t *testing.T) {
	c := newCLI(t)
	decline := []string{"decline", "1", "--reason", "timing", "--sender", "Sam Lee", "--tone", "formal"}
	runSteps(t, c, []step{
		{name: "add", args: []string{"add", "--company", "Globex", "--role", "SRE", "--applied", "2026-01-05", "--contact", "Ana Lima"},
			want: []string{"Added application 1"}},
		{name: "invited", args: []string{"move", "1", "invited", "--at", "2026-01-08T09:00:00Z"}, want: []string{"Moved"}},
		{name: "scheduled", args: []string{"move", "1", "scheduled", "--at", "2026-01-09T09:00:00Z"}, want: []string{"Moved"}},
		{name: "interviewed", args: []string{"move", "1", "interviewed", "--at", "2026-01-12T09:00:00Z"}, want: []string{"Moved"}},
		{name: "not with another move", args: []string{"move", "1", "rejected", "--offer-made-on", "2026-01-19"}, code: 1,
			want: []string{"--offer-made-on goes only with a move to offered"}},
		{name: "offered", args: []string{"move", "1", "offered", "--at", "2026-01-20T10:00:00Z", "--offer-made-on", "2026-01-19"},
			want: []string{"Moved"}},
		{name: "show", args: []string{"show", "1"}, want: []string{"Offer made on", "2026-01-19"}},
		{name: "letter", args: decline, want: []string{"19 January"}},
		{name: "in the future", args: []string{"edit", "1", "--offer-made-on", "2999-01-01"}, code: 1,
			want: []string{"--offer-made-on must not be after today"}},
		{name: "cleared", args: []string{"edit", "1", "--offer-made-on", ""}, want: []string{"Updated application 1"}},
		{name: "show without", args: []string{"show", "1"}, notWant: []string{"Offer made on"}},
		{name: "letter without", args: decline, notWant: []string{"19 January"}},
	})
}
