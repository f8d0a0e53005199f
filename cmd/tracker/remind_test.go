package main

import (
	"testing"
)

// TestRemindersCommand sets where reminders go, refuses bad values naming
// the flags with nothing saved, and queues a test reminder.
func TestRemindersCommand(t *testing.T) {
	c := newCLI(t)
	check(t, c.do("reminders"), 0, "E-mail       none", "Off: set --email or --webhook-url")
	check(t, c.do("reminders", "--email", "sam at home", "--webhook-url", "ftp://x", "--quiet-hours", "late"), 1,
		"  --email: must be an e-mail address", "  --webhook-url: must be an http:// or https:// URL", "  --quiet-hours: must be two times of day")
	check(t, c.do("reminders", "--test"), 1, "set up an e-mail address or a webhook first")
	check(t, c.do("reminders", "--email", "sam@example.com", "--quiet-hours", "22:00-07:00", "--test"), 0,
		"E-mail       sam@example.com", "Quiet hours  22:00-07:00", "Test reminder from the tracker")
	check(t, c.do("reminders", "--email", ""), 0, "E-mail       none")
}

// TestServeRefusesBadSMTPFlags: the relay's flags are checked before the
// server starts, in the flags' own words.
func TestServeRefusesBadSMTPFlags(t *testing.T) {
	c := newCLI(t)
	check(t, c.do("serve", "--smtp-addr", "mail.example.com"), 2, "--smtp-addr must be host:port")
	check(t, c.do("serve", "--smtp-addr", "mail.example.com:587", "--smtp-from", "me"), 2, "--smtp-from must be")
	check(t, c.do("serve", "--smtp-addr", "mail.example.com:587", "--smtp-from", "me@example.com", "--smtp-tls", "ssl"), 2,
		"--smtp-tls must be starttls, tls or none")
	check(t, c.do("serve", "--remind-every", "-1m"), 2, "--remind-every must be")
}
