package storage

import (
	"fmt"
	"strings"
	"unicode/utf8"

	"github.com/go-json-experiment/json/jsontext"

	"tracker/internal/decline"
)

// A letter's checks are stored as the JSON encoding/json writes of
// []decline.Check. They are read token by token here, as the detail's
// rows are (jsonrows.go): read by reflection (encoding/json, or
// go-json-experiment/json with its options) they cost a detail with two
// letters of a dozen checks each more than the rest of its read. They are
// read as encoding/json reads them: null is none, a null check or member
// leaves it as it is, a member is matched by its name exactly or else
// without regard to case, an unknown member is skipped, and a member of
// the wrong kind is an error.

// checksColumn is a letter's checks among its row's fields: scanned from
// the table as their stored text (Checks), and read from a detail's JSON,
// where they are JSON themselves, as the checks (readChecks).
type checksColumn struct{ row *letterRow }

// Scan reads the stored text as database/sql reads a string.
func (c checksColumn) Scan(src any) error {
	switch v := src.(type) {
	case string:
		c.row.Checks = v
	case []byte:
		c.row.Checks = string(v)
	default:
		return fmt.Errorf("checks: %T is not text", src)
	}
	return nil
}

// checks decodes data, a letter's stored checks, with r's decoder.
func (r *jsonRow) checks(data string) ([]decline.Check, error) {
	dec := r.reset(data)
	var out []decline.Check
	if err := r.readChecks(&out); err != nil {
		return nil, err
	}
	return out, endOfRows(dec)
}

// readChecks reads the next value, a letter's checks or null, into out.
func (r *jsonRow) readChecks(out *[]decline.Check) error {
	dec := &r.dec
	switch dec.PeekKind() {
	case 'n':
		_, err := dec.ReadToken()
		return err
	case '[':
		if _, err := dec.ReadToken(); err != nil {
			return fmt.Errorf("decode checks: %w", err)
		}
	default:
		v, err := dec.ReadValue()
		return fmt.Errorf("decode checks: %s is not an array (%v)", v, err)
	}
	*out = []decline.Check{}
	c := &r.check // the fields are read into, kept with r
	for dec.PeekKind() != ']' {
		*c = decline.Check{}
		if err := r.readCheck(c); err != nil {
			return fmt.Errorf("decode checks: check %d: %w", len(*out)+1, err)
		}
		*out = append(*out, *c)
	}
	_, err := dec.ReadToken() // the closing ]
	return err
}

// readCheck reads the next value, a check or null, into c.
func (r *jsonRow) readCheck(c *decline.Check) error {
	dec := &r.dec
	switch k := dec.PeekKind(); k {
	case 'n':
		_, err := dec.ReadToken()
		return err
	case '{':
	default:
		v, err := dec.ReadValue()
		return fmt.Errorf("%s is not an object (%v)", v, err)
	}
	if _, err := dec.ReadToken(); err != nil {
		return err
	}
	for dec.PeekKind() != '}' {
		name, err := dec.ReadValue() // quoted, as written
		if err != nil {
			return err
		}
		switch field := checkField(c, string(name)).(type) {
		case nil:
			err = dec.SkipValue()
		case *string:
			err = r.repeatedString(field)
		default:
			err = r.column(field)
		}
		if err != nil {
			return fmt.Errorf("%s: %w", name, err)
		}
	}
	_, err := dec.ReadToken()
	return err
}

// checkField returns the field of c that the member quoted names, nil
// for none: its JSON name exactly, else without regard to case.
func checkField(c *decline.Check, quoted string) any {
	switch quoted { // the names as encoding/json writes them, without an allocation
	case `"rule"`:
		return &c.Rule
	case `"ok"`:
		return &c.OK
	case `"severity"`:
		return &c.Severity
	case `"hint"`:
		return &c.Hint
	}
	name, err := jsontext.AppendUnquote(nil, quoted)
	if err != nil {
		return nil
	}
	for _, f := range [...]struct {
		name  string
		field any
	}{{"rule", &c.Rule}, {"ok", &c.OK}, {"severity", &c.Severity}, {"hint", &c.Hint}} {
		if strings.EqualFold(string(name), f.name) {
			return f.field
		}
	}
	return nil
}

// maxRepeated bounds the strings repeatedString keeps.
const maxRepeated = 256

// repeatedString reads the next value, a string or null, into p as column
// does, as the same string when r has read it before: the checks of
// letters repeat their rules, severities and hints, two dozen strings a
// detail that would otherwise be allocated on every read.
func (r *jsonRow) repeatedString(p *string) error {
	if r.dec.PeekKind() != '"' {
		return r.column(p)
	}
	v, err := r.dec.ReadValue()
	if err != nil {
		return err
	}
	quoted := v[1 : len(v)-1]
	verbatim := true // no escapes, nothing but printable ASCII
	for _, c := range quoted {
		if c < ' ' || c >= utf8.RuneSelf || c == '\\' {
			verbatim = false
			break
		}
	}
	if !verbatim {
		b, _ := jsontext.AppendUnquote(nil, v) // valid, as read; invalid UTF-8 is U+FFFD
		*p = string(b)
		return nil
	}
	if s, ok := r.repeated[string(quoted)]; ok {
		*p = s
		return nil
	}
	*p = string(quoted)
	if r.repeated == nil {
		r.repeated = make(map[string]string)
	}
	if len(r.repeated) < maxRepeated {
		r.repeated[*p] = *p
	}
	return nil
}
