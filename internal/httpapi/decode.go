package httpapi

import (
	"bytes"
	"encoding/json"
	"errors"
	"io"
	"net/http"
	"reflect"
	"strconv"
	"strings"
	"time"
	"unicode"
	"unicode/utf8"

	"github.com/labstack/echo/v4"

	"tracker/internal/apperr"
	"tracker/internal/civil"
)

// decodeBody decodes the request body into dst strictly: JSON only, no
// unknown fields, exactly one value. An empty body is an error unless
// optional is set, in which case dst is left as it is.
func decodeBody(c echo.Context, dst any, optional bool) error {
	body, err := io.ReadAll(c.Request().Body)
	if err != nil {
		var tooLarge *http.MaxBytesError
		if errors.As(err, &tooLarge) {
			return echo.ErrStatusRequestEntityTooLarge
		}
		return badRequest("the request body could not be read", nil)
	}
	body = bytes.TrimSpace(body)
	if len(body) == 0 {
		if optional {
			return nil
		}
		return badRequest("a JSON request body is required", nil)
	}
	if !utf8.Valid(body) {
		return invalidUTF8(body)
	}
	if err := checkJSONType(c.Request()); err != nil {
		return err
	}
	if err := checkStrictJSON(body); err != nil {
		return err
	}
	if string(body) == "null" {
		return badRequest("the request body must be a JSON object", nil)
	}
	dec := json.NewDecoder(bytes.NewReader(body))
	dec.DisallowUnknownFields()
	if err := dec.Decode(dst); err != nil {
		return decodeError(err)
	}
	if _, err := dec.Token(); !errors.Is(err, io.EOF) {
		return badRequest("the request body must hold exactly one JSON value", nil)
	}
	return nil
}

// decodeError turns an error of encoding/json into a 400 that names the
// field when the decoder knows it.
func decodeError(err error) error {
	var se *json.SyntaxError
	var te *json.UnmarshalTypeError
	switch {
	case errors.As(err, &se):
		return badRequest("the request body is not valid JSON: "+strings.TrimPrefix(se.Error(), "json: ")+
			" (at byte "+strconv.FormatInt(se.Offset, 10)+")", nil)
	case errors.Is(err, io.ErrUnexpectedEOF):
		return badRequest("the request body is not valid JSON: it ends too early", nil)
	case errors.As(err, &te):
		if te.Field == "" {
			return badRequest("the request body must be a JSON object", nil)
		}
		name := jsonPath(te.Field)
		return badRequest("a field has the wrong type", map[string]string{name: name + " must be " + jsonKind(te.Type)})
	case strings.HasPrefix(err.Error(), "json: unknown field "):
		// encoding/json has no error type for this; its message is stable.
		name, _ := strconv.Unquote(strings.TrimPrefix(err.Error(), "json: unknown field "))
		return badRequest("the request body has a field this API does not know", map[string]string{name: name + " is not a field of this request"})
	}
	return badRequest("the request body is not valid JSON", nil)
}

// jsonPath drops from a decoder's field path the Go names of embedded
// structs ("Fields.company" -> "company"): the API's names are lower case.
func jsonPath(field string) string {
	parts := strings.Split(field, ".")
	out := parts[:0]
	for _, p := range parts {
		if p == "" || !unicode.IsUpper(rune(p[0])) {
			out = append(out, p)
		}
	}
	return strings.Join(out, ".")
}

var (
	timeType = reflect.TypeFor[time.Time]()
	dateType = reflect.TypeFor[civil.Date]()
)

// jsonKind says in JSON's words what a Go type expects.
func jsonKind(t reflect.Type) string {
	for t.Kind() == reflect.Pointer {
		t = t.Elem()
	}
	switch t {
	case timeType:
		return "a time in RFC 3339 form, such as 2025-03-01T09:00:00Z"
	case dateType:
		return "a date written as YYYY-MM-DD, such as 2025-03-01"
	}
	switch t.Kind() {
	case reflect.String:
		return "a string"
	case reflect.Bool:
		return "true or false"
	case reflect.Int, reflect.Int8, reflect.Int16, reflect.Int32, reflect.Int64,
		reflect.Uint, reflect.Uint8, reflect.Uint16, reflect.Uint32, reflect.Uint64:
		return "a whole number"
	case reflect.Float32, reflect.Float64:
		return "a number"
	case reflect.Slice, reflect.Array:
		return "an array"
	}
	return "an object"
}

// timestamp is a time in a request body. Unlike time.Time it reports a bad
// value as a type error, so the decoder names the field.
type timestamp struct{ time.Time }

// UnmarshalJSON accepts an RFC 3339 string or null.
func (t *timestamp) UnmarshalJSON(b []byte) error {
	if string(b) == "null" {
		return nil
	}
	var s string
	if err := json.Unmarshal(b, &s); err == nil {
		if v, err := time.Parse(time.RFC3339, s); err == nil && offsetValid(s) {
			t.Time = v
			return nil
		}
	}
	return &json.UnmarshalTypeError{Value: string(b), Type: timeType}
}

// offsetValid reports whether the offset that ends the RFC 3339 time s is
// one the RFC allows (hours below 24, minutes below 60) and one the world
// uses (at most 14 hours): time.Parse takes +24:00 and +14:60.
func offsetValid(s string) bool {
	if strings.HasSuffix(s, "Z") || strings.HasSuffix(s, "z") || len(s) < 6 {
		return true
	}
	off := s[len(s)-6:]
	h, herr := strconv.Atoi(off[1:3])
	m, merr := strconv.Atoi(off[4:6])
	return herr == nil && merr == nil && h < 24 && m < 60 && h*60+m <= 14*60
}

// timePtr returns the time t holds, or nil.
func (t *timestamp) timePtr() *time.Time {
	if t == nil {
		return nil
	}
	v := t.Time
	return &v
}

// pathID returns the {id} of the path. An id that is not a positive integer
// names no application, so it is a 404 like any other unknown id.
func pathID(c echo.Context) (int64, error) {
	return pathInt(c, "id", notFound)
}

// pathInvitation returns the application and invitation ids of an
// /applications/:id/invitations/:inv_id path.
func pathInvitation(c echo.Context) (id, invID int64, err error) {
	if id, err = pathID(c); err != nil {
		return 0, 0, err
	}
	invID, err = pathInt(c, "inv_id", func() error {
		return apperr.Errorf(apperr.ENOTFOUND, "invitation not found")
	})
	return id, invID, err
}

// pathInt returns the path parameter name as a positive integer, or the
// error of missing() when it is not one.
func pathInt(c echo.Context, name string, missing func() error) (int64, error) {
	id, err := strconv.ParseInt(c.Param(name), 10, 64)
	if err != nil || id <= 0 {
		return 0, missing()
	}
	return id, nil
}
