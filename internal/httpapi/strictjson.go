package httpapi

import (
	"bytes"
	"encoding/json"
	"errors"
	"io"
	"mime"
	"net/http"
	"strconv"
	"strings"
)

// errUnsupportedType answers a JSON endpoint sent something else.
var errUnsupportedType = &apiError{status: http.StatusUnsupportedMediaType, Code: "unsupported_media_type",
	Message: "send the request body as JSON, with Content-Type: application/json"}

// checkJSONType refuses a body whose Content-Type is missing or names
// something other than JSON: a client that sent a form or a file by
// mistake learns so instead of having it guessed at.
func checkJSONType(r *http.Request) error {
	mt, _, err := mime.ParseMediaType(r.Header.Get("Content-Type"))
	if err != nil || (mt != "application/json" && !strings.HasSuffix(mt, "+json")) {
		return errUnsupportedType
	}
	return nil
}

// checkStrictJSON refuses what encoding/json lets through silently: a
// lone UTF-16 surrogate escape (it would be stored as U+FFFD) and a key
// given twice in one object (the last would win unseen).
func checkStrictJSON(body []byte) error {
	if esc := loneSurrogate(body); esc != "" {
		return badRequest("the request body has the escape "+esc+", half of a UTF-16 surrogate pair; "+
			"send the character itself, or both halves", nil)
	}
	return duplicateKey(body)
}

// loneSurrogate returns the first \uXXXX escape of a surrogate that is
// not part of a high-low pair, or "".
func loneSurrogate(body []byte) string {
	for i := 0; i < len(body); i++ {
		if body[i] != '\\' || i+1 >= len(body) {
			continue
		}
		if body[i+1] != 'u' {
			i++ // skip the escaped character, a backslash perhaps
			continue
		}
		u, ok := hex4(body, i+2)
		if !ok {
			continue // the decoder reports the bad escape
		}
		switch {
		case u >= 0xDC00 && u <= 0xDFFF:
			return string(body[i : i+6])
		case u >= 0xD800 && u <= 0xDBFF:
			if lo, ok := hex4(body, i+8); !ok || body[i+6] != '\\' || body[i+7] != 'u' || lo < 0xDC00 || lo > 0xDFFF {
				return string(body[i : i+6])
			}
			i += 11
		default:
			i += 5
		}
	}
	return ""
}

func hex4(b []byte, at int) (uint64, bool) {
	if at+4 > len(b) {
		return 0, false
	}
	v, err := strconv.ParseUint(string(b[at:at+4]), 16, 16)
	return v, err == nil
}

// duplicateKey walks the JSON tokens and refuses an object that names a
// key twice.
func duplicateKey(body []byte) error {
	dec := json.NewDecoder(bytes.NewReader(body))
	type frame struct {
		object bool
		keys   map[string]bool
		key    bool // the next string token is a key
	}
	var stack []*frame
	for {
		tok, err := dec.Token()
		if errors.Is(err, io.EOF) {
			return nil
		}
		if err != nil {
			return nil // the decoder reports malformed JSON with its position
		}
		var top *frame
		if len(stack) > 0 {
			top = stack[len(stack)-1]
		}
		if d, ok := tok.(json.Delim); ok {
			switch d {
			case '{':
				stack = append(stack, &frame{object: true, keys: map[string]bool{}, key: true})
			case '[':
				stack = append(stack, &frame{})
			default:
				stack = stack[:len(stack)-1]
				if len(stack) > 0 && stack[len(stack)-1].object {
					stack[len(stack)-1].key = true
				}
			}
			continue
		}
		if top == nil || !top.object {
			continue
		}
		if top.key {
			k, _ := tok.(string)
			if top.keys[k] {
				return badRequest("the request body names "+strconv.Quote(k)+" twice", map[string]string{k: k + " is given twice"})
			}
			top.keys[k] = true
			top.key = false
			continue
		}
		top.key = true // a scalar value ends the pair
	}
}
