package httpapi

import (
	"bytes"
	"encoding/json"
	"strings"
	"unicode/utf8"
)

// invalidUTF8 is the 400 of a body that is not UTF-8. encoding/json would
// quietly turn the bad bytes into U+FFFD and store the mangled text, so
// the body is refused instead, naming the field where the decoder can.
func invalidUTF8(body []byte) error {
	const msg = "the request body is not valid UTF-8"
	field := invalidUTF8Field(body)
	if field == "" {
		return badRequest(msg, nil)
	}
	return badRequest(msg, map[string]string{field: field + " must be valid UTF-8 text"})
}

// jsonFrame is an object or array the walk of invalidUTF8Field is in.
type jsonFrame struct {
	object  bool
	wantKey bool   // the next string is a key
	key     string // the key of the current member
}

// invalidUTF8Field returns the dotted path of the first member whose key or
// value holds bytes that are not UTF-8, or "" when none is found (the body
// is not JSON, or the bad bytes are outside any member).
func invalidUTF8Field(body []byte) string {
	dec := json.NewDecoder(bytes.NewReader(body))
	var stack []*jsonFrame
	for {
		off := dec.InputOffset()
		tok, err := dec.Token()
		if err != nil {
			return ""
		}
		bad := !utf8.Valid(body[off:dec.InputOffset()])
		if d, ok := tok.(json.Delim); ok {
			if d == '{' || d == '[' {
				stack = append(stack, &jsonFrame{object: d == '{', wantKey: d == '{'})
				continue
			}
			stack = stack[:len(stack)-1]
		} else if top := lastFrame(stack); top != nil && top.object && top.wantKey {
			top.key, top.wantKey = tok.(string), false
			if bad {
				return framePath(stack)
			}
			continue
		} else if bad {
			return framePath(stack)
		}
		if top := lastFrame(stack); top != nil && top.object {
			top.wantKey = true // the member's value is done
		}
	}
}

func lastFrame(stack []*jsonFrame) *jsonFrame {
	if len(stack) == 0 {
		return nil
	}
	return stack[len(stack)-1]
}

// framePath joins the keys of the objects on the stack with dots, as the
// API names nested fields.
func framePath(stack []*jsonFrame) string {
	var keys []string
	for _, f := range stack {
		if f.object {
			keys = append(keys, f.key)
		}
	}
	return strings.Join(keys, ".")
}
