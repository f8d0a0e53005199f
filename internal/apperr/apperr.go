// Package apperr is the one error type the tracker's services return: an
// error meant for the user, with a code that each adapter (HTTP, CLI, pages)
// maps to its own vocabulary in one table. It has no dependencies but the
// pure stage machine, so every service (applications, accounts) can use it
// without depending on another.
package apperr

import (
	"errors"
	"fmt"
	"time"

	"tracker/internal/workflow"
)

// Code classifies an error.
type Code string

// The error codes.
const (
	ENOTFOUND Code = "not_found"
	EINVALID  Code = "invalid"
	ECONFLICT Code = "conflict"
	EINTERNAL Code = "internal"
	// EUNAUTHORIZED: no valid credentials (wrong password, expired session).
	EUNAUTHORIZED Code = "unauthorized"
	// ETOOMANY: too many attempts; RetryAfter says when to try again.
	ETOOMANY Code = "too_many_requests"
	// EUNAVAILABLE: the database takes no writes right now (read-only,
	// disk full, busy); reads still work. RetryAfter says when to retry.
	EUNAVAILABLE Code = "unavailable"
)

// Error is an error meant for the user: its message is safe to show.
type Error struct {
	Code    Code
	Message string
	// Fields names each bad input field with what is wrong with it.
	Fields map[string]string
	// Allowed lists the states an application may move to, on a refused move.
	Allowed []workflow.State
	// RetryAfter is how long to wait before trying again, on ETOOMANY and
	// EUNAVAILABLE.
	RetryAfter time.Duration
}

func (e *Error) Error() string { return e.Message }

// Errorf returns an *Error with the code and a formatted message.
func Errorf(code Code, format string, args ...any) *Error {
	return &Error{Code: code, Message: fmt.Sprintf(format, args...)}
}

// Invalid returns an EINVALID error naming the bad fields.
func Invalid(fields map[string]string) *Error {
	return &Error{Code: EINVALID, Message: "some fields are not valid", Fields: fields}
}

// ErrorCode returns the code of err, EINTERNAL for errors that are not *Error.
func ErrorCode(err error) Code {
	var e *Error
	if errors.As(err, &e) {
		return e.Code
	}
	return EINTERNAL
}
