package applications

import (
	"errors"
	"fmt"
	"reflect"
	"strings"
	"time"
	"unicode"
	"unicode/utf8"

	"github.com/go-playground/validator/v10"

	"tracker/internal/apperr"
)

// newValidator returns the validator for the input types, with the two text
// rules every free-text field uses: "line" (one line of printable text) and
// "text" (printable text with line breaks and tabs).
func newValidator() *validator.Validate {
	v := validator.New(validator.WithRequiredStructEnabled())
	v.RegisterTagNameFunc(func(f reflect.StructField) string { return snakeCase(f.Name) })
	must(v.RegisterValidation("line", func(fl validator.FieldLevel) bool { return plainText(fl.Field().String(), false) }))
	must(v.RegisterValidation("text", func(fl validator.FieldLevel) bool { return plainText(fl.Field().String(), true) }))
	return v
}

func must(err error) {
	if err != nil {
		panic(err) // only a programming error in the tags above can get here
	}
}

// plainText reports whether s is valid UTF-8 without control characters;
// multiline allows line breaks and tabs.
func plainText(s string, multiline bool) bool {
	if !utf8.ValidString(s) {
		return false
	}
	for _, r := range s {
		if multiline && (r == '\n' || r == '\r' || r == '\t') {
			continue
		}
		if unicode.IsControl(r) || r == '\u2028' || r == '\u2029' {
			return false
		}
	}
	return true
}

// plainlyValid reports that in passes every rule of its tags, read
// without the validator's reflection: a preview checks its input on
// every keystroke of an edit. It never passes an input the validator
// refuses; one it does not pass goes to checkStruct for the fields to
// name.
func (in DeclineInput) plainlyValid() bool {
	line := func(s string, most int) bool { return utf8.RuneCountInString(s) <= most && plainText(s, false) }
	return in.Reason != "" && line(in.ReasonDetail, 200) && line(in.SenderName, 200) && line(in.Detail, 200) &&
		in.Variant >= 0 && in.Variant <= 1000000 &&
		(in.Subject == nil || line(*in.Subject, 300)) &&
		(in.Body == nil || utf8.RuneCountInString(*in.Body) <= 20000 && plainText(*in.Body, true))
}

// checkStruct validates in and returns an apperr.EINVALID *apperr.Error whose fields are
// named as in the API (snake_case, nested with dots, under prefix).
func (s *Service) checkStruct(in any) error {
	err := s.validate.Struct(in)
	var verrs validator.ValidationErrors
	if err == nil || !errors.As(err, &verrs) {
		return err
	}
	fields := map[string]string{}
	for _, fe := range verrs {
		name := fieldPath(fe.Namespace())
		fields[name] = name + " " + ruleMessage(fe)
	}
	return apperr.Invalid(fields)
}

// fieldPath turns "NewApplication.fields.invitation.received_at" into
// "invitation.received_at": the root type and embedded structs are dropped.
func fieldPath(ns string) string {
	parts := strings.Split(ns, ".")[1:]
	out := parts[:0]
	for _, p := range parts {
		if p != "fields" {
			out = append(out, p)
		}
	}
	return strings.Join(out, ".")
}

// ruleMessage says in words what a failed rule wants.
func ruleMessage(fe validator.FieldError) string {
	switch fe.Tag() {
	case "required":
		return "is required"
	case "max":
		if fe.Kind().String() == "string" {
			return "must be at most " + fe.Param() + " characters"
		}
		return "must be at most " + fe.Param()
	case "min":
		return "must be at least " + fe.Param()
	case "email":
		return "must be an e-mail address such as name@example.com"
	case "http_url":
		return "must be a web address that starts with http:// or https://"
	case "oneof":
		return "must be one of " + strings.ReplaceAll(fe.Param(), " ", ", ")
	case "line":
		return "must be plain text on one line (valid UTF-8, no control characters)"
	case "text":
		return "must be plain text (valid UTF-8, no control characters)"
	}
	return "is not valid (" + fe.Tag() + ")"
}

// snakeCase turns a Go field name into the API's name: ContactEmail ->
// contact_email, JobURL -> job_url.
func snakeCase(name string) string {
	var b strings.Builder
	rs := []rune(name)
	for i, r := range rs {
		if i > 0 && unicode.IsUpper(r) && (unicode.IsLower(rs[i-1]) || (i+1 < len(rs) && unicode.IsLower(rs[i+1]))) {
			b.WriteByte('_')
		}
		b.WriteRune(unicode.ToLower(r))
	}
	return b.String()
}

// Dates before minTime or after maxTime are refused as out of range.
var (
	minTime = time.Date(1970, 1, 1, 0, 0, 0, 0, time.UTC)
	maxTime = time.Date(2200, 1, 1, 0, 0, 0, 0, time.UTC)
)

// clockSkew is how far in the future a "now" time from a client may lie.
const clockSkew = 5 * time.Minute

// mergeInvalid joins the fields of two apperr.EINVALID errors, so that the user
// hears of every bad field at once; any other error wins as it is.
func mergeInvalid(a, b error) error {
	ea, oka := a.(*apperr.Error)
	eb, okb := b.(*apperr.Error)
	switch {
	case a == nil:
		return b
	case b == nil:
		return a
	case !oka || !okb || ea.Code != apperr.EINVALID || eb.Code != apperr.EINVALID:
		return a
	}
	for k, v := range eb.Fields {
		ea.Fields[k] = v
	}
	return ea
}

// checkTime adds a message to fields when t is out of range or, with
// notFuture, later than now.
func checkTime(fields map[string]string, name string, t time.Time, now time.Time, notFuture bool) {
	switch {
	case t.IsZero():
		fields[name] = name + " is required"
	case t.Before(minTime) || t.After(maxTime):
		fields[name] = fmt.Sprintf("%s must be a date between %d and %d", name, minTime.Year(), maxTime.Year())
	case notFuture && t.After(now.Add(clockSkew)):
		fields[name] = name + " must not be in the future"
	}
}
