package accounts

import (
	"maps"
	"net/mail"
	"slices"
	"strings"
	"unicode/utf8"

	"tracker/internal/apperr"
)

// Limits on what users type.
const (
	MinPasswordLength  = 12  // characters
	MaxPasswordLength  = 256 // characters
	MaxEmailLength     = 254 // bytes, as in RFC 5321
	MaxTokenNameLength = 100 // characters
)

// normalizeEmail trims e-mail and lowers its case, the form it is stored in.
func normalizeEmail(email string) string {
	return strings.ToLower(strings.TrimSpace(email))
}

// emailProblem says what is wrong with a normalized e-mail address, or "".
func emailProblem(email string) string {
	if email == "" {
		return "email is required"
	}
	if len(email) > MaxEmailLength || !utf8.ValidString(email) {
		return "email must be an e-mail address of at most 254 characters"
	}
	addr, err := mail.ParseAddress(email)
	if err != nil || addr.Address != email || addr.Name != "" {
		return "email must be a plain e-mail address such as name@example.com"
	}
	return ""
}

// passwordProblem says what is wrong with the new password in field name,
// or "".
func passwordProblem(name, password string) string {
	switch n := utf8.RuneCountInString(password); {
	case !utf8.ValidString(password):
		return name + " must be valid UTF-8 text"
	case n < MinPasswordLength:
		return name + " must be at least 12 characters long"
	case n > MaxPasswordLength:
		return name + " must be at most 256 characters long"
	case strings.TrimSpace(password) == "":
		return name + " must not be only spaces"
	}
	return ""
}

// invalid returns an EINVALID error naming each field with a problem, or
// nil when problems holds only empty strings. The message repeats the
// problems, so a caller that shows only the message still tells the user.
func invalid(problems map[string]string) error {
	fields := map[string]string{}
	var words []string
	for _, name := range slices.Sorted(maps.Keys(problems)) {
		if p := problems[name]; p != "" {
			fields[name] = p
			words = append(words, p)
		}
	}
	if len(fields) == 0 {
		return nil
	}
	return &apperr.Error{Code: apperr.EINVALID, Message: strings.Join(words, "; "), Fields: fields}
}
