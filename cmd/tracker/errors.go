package main

import (
	"errors"
	"fmt"
	"io"
	"maps"
	"regexp"
	"slices"
	"strings"

	"tracker/internal/apperr"
	"tracker/internal/workflow"
)

// report prints err the way the command line shows errors and returns the
// exit status: 0 for none, 2 for a usage error, 1 for everything else.
func (a *app) report(cmd string, err error) int {
	var ue *usageError
	var ae *apperr.Error
	var ee *exitError
	switch {
	case errors.As(err, &ee):
		if code := a.report(cmd, ee.err); code != 0 {
			return ee.code
		}
		return 0
	case err == nil, errors.Is(err, errHelpShown):
		return 0
	case errors.As(err, &ue):
		fmt.Fprintf(a.stderr, "tracker %s: %s\nRun 'tracker %s --help' for usage.\n", cmd, ue.msg, cmd)
		return 2
	case errors.As(err, &ae):
		printAppError(a.stderr, ae)
	default:
		fmt.Fprintf(a.stderr, "tracker: %v\n", err)
	}
	return 1
}

// exitError makes a command exit with code instead of the usual status
// of err (which is reported as usual).
type exitError struct {
	code int
	err  error
}

func (e *exitError) Error() string { return e.err.Error() }

func (e *exitError) Unwrap() error { return e.err }

// printAppError prints a service error: its message, each bad field on its
// own line in the command line's words (the flag, not the API's field
// name), and on a refused move the states the application may move to.
func printAppError(w io.Writer, e *apperr.Error) {
	if e.Code == apperr.EINTERNAL {
		fmt.Fprintf(w, "tracker: internal error: %s\n", e.Message)
		return
	}
	fmt.Fprintf(w, "tracker: %s\n", inFlags(e.Message))
	for _, name := range slices.Sorted(maps.Keys(e.Fields)) {
		if e.Fields[name] == e.Message {
			continue // the message above says it already
		}
		msg, flag := inFlags(e.Fields[name]), flagOf(name)
		if !strings.HasPrefix(msg, flag) {
			msg = flag + ": " + msg
		}
		fmt.Fprintf(w, "  %s\n", msg)
		if name == "sender_name" {
			fmt.Fprintln(w, "    (or set your name once for every letter: tracker profile --name NAME)")
		}
	}
	if e.Code == apperr.ECONFLICT && e.Allowed != nil {
		fmt.Fprintf(w, "  allowed next states: %s\n", allowedText(e.Allowed))
	}
}

// flagOfField names the flag that sets an input field, where the flag is
// not the field's name with dashes (contact_name is --contact, but
// no_reply_days is --no-reply-days). It is the one table between the API's
// words and the command line's.
var flagOfField = map[string]string{
	"job_url": "--url", "contact_name": "--contact", "contact_email": "--email",
	"received_at": "--received", "interview_at": "--interview", "applied_at": "--applied",
	"sender_name": "--sender", "sent_at": "--sent-at", "to": "STATE",
	"default_tone": "--tone", "default_channel": "--channel", "password": "the password",
	"current_password": "the current password", "new_password": "the new password", "at": "--at",
}

// flagOf returns the command-line name of an API field, such as
// "--received" for "invitation.received_at"; a check of a letter
// ("checks.clear") keeps its rule's name.
func flagOf(field string) string {
	if strings.HasPrefix(field, "checks.") {
		return "check " + strings.TrimPrefix(field, "checks.")
	}
	field = strings.TrimPrefix(field, "invitation.")
	if f, ok := flagOfField[field]; ok {
		return f
	}
	return "--" + strings.ReplaceAll(field, "_", "-")
}

// apiField matches a field name as the service writes it in a message:
// a snake_case name, or a one-word name at the start of the message,
// either with an optional "invitation." before it, or "override" (the
// API's field for --override) anywhere.
var apiField = regexp.MustCompile(`(?:invitation\.)?\b[a-z]+(?:_[a-z]+)+\b|^(?:invitation\.)?[a-z]+\b|\boverride\b`)

// inFlags rewrites the field names in a message of the service into the
// command line's flags: "respond_by must not be before received_at" reads
// "--respond-by must not be before --received".
func inFlags(msg string) string {
	return apiField.ReplaceAllStringFunc(msg, func(word string) string {
		bare := strings.TrimPrefix(word, "invitation.")
		if _, known := flagOfField[bare]; known || knownFlagWord[bare] {
			return flagOf(word)
		}
		return word
	})
}

// knownFlagWord lists the other fields a message may name; other words
// ("some fields are not valid", "another_offer") stay as they are.
var knownFlagWord = map[string]bool{
	"company": true, "role": true, "location": true, "source": true, "notes": true, "format": true,
	"message": true, "round": true, "note": true, "reason": true, "channel": true, "tone": true,
	"subject": true, "body": true, "status": true, "limit": true, "q": true, "sort": true, "to": true, "at": true,
	"name": true, "email": true, "phone": true, "link": true, "respond_by": true,
	"response_window": true, "override": true, "follow_up_after": true, "no_reply_days": true, "time_zone": true,
	"contact_kind": true, "contact_title": true, "greeting_name": true, "reason_detail": true, "detail": true, "detail_kind": true, "offer": true,
	"variant": true, "kind": true, "offer_made_on": true,
}

// allowedText lists states, naming the command that enters the guarded ones.
func allowedText(states []workflow.State) string {
	if len(states) == 0 {
		return "none (this is a final state)"
	}
	parts := make([]string, len(states))
	for i, s := range states {
		parts[i] = string(s)
		switch workflow.ActionFor(s) {
		case workflow.ActionDecline:
			parts[i] += " (tracker decline)"
		case workflow.ActionFollowUp:
			parts[i] += " (tracker follow-up)"
		case workflow.ActionWithdraw:
			parts[i] += " (tracker withdraw)"
		}
	}
	return strings.Join(parts, ", ")
}

// serviceErr turns an error from the service into the command line's terms:
// a missing application names the id, and an error that is not an
// *apperr.Error is an internal one (the CLI user owns the machine, so
// its text is shown). id is zero when the call concerns no application.
func serviceErr(err error, id int64) error {
	if err == nil {
		return nil
	}
	var ae *apperr.Error
	if !errors.As(err, &ae) {
		return &apperr.Error{Code: apperr.EINTERNAL, Message: err.Error()}
	}
	if ae.Code == apperr.ENOTFOUND && id > 0 {
		return &apperr.Error{Code: apperr.ENOTFOUND, Message: fmt.Sprintf("no application with id %d", id)}
	}
	return err
}
