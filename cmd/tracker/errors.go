package main

import (
	"errors"
	"fmt"
	"io"
	"maps"
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
	switch {
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

// printAppError prints a service error: its message, each bad field on its
// own line, and on a refused move the states the application may move to.
func printAppError(w io.Writer, e *apperr.Error) {
	if e.Code == apperr.EINTERNAL {
		fmt.Fprintf(w, "tracker: internal error: %s\n", e.Message)
		return
	}
	fmt.Fprintf(w, "tracker: %s\n", e.Message)
	for _, name := range slices.Sorted(maps.Keys(e.Fields)) {
		label := name
		if flag, ok := flagOfField[strings.TrimPrefix(name, "invitation.")]; ok {
			label += " (" + flag + ")"
		}
		fmt.Fprintf(w, "  %s: %s\n", label, e.Fields[name])
		if name == "sender_name" {
			fmt.Fprintln(w, "    (or set your name once for every letter: tracker profile --name NAME)")
		}
	}
	if e.Code == apperr.ECONFLICT && e.Allowed != nil {
		fmt.Fprintf(w, "  allowed next states: %s\n", allowedText(e.Allowed))
	}
}

// flagOfField names the flag that sets an input field, where the two names
// differ.
var flagOfField = map[string]string{
	"job_url": "--url", "contact_name": "--contact", "contact_email": "--email",
	"received_at": "--received", "respond_by": "--respond-by", "interview_at": "--interview",
	"reason_detail": "--detail", "sender_name": "--sender", "sent_at": "--sent-at", "to": "STATE",
	"default_tone": "--tone", "default_channel": "--channel", "password": "--password-stdin",
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
