package httpapi

import (
	"bytes"
	"errors"
	"mime"
	"net/http"
	"strconv"
	"strings"
	"sync"

	"github.com/go-json-experiment/json/jsontext"
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

// duplicateKey refuses an object that names a key twice (at any depth;
// keys compared after unescaping, as encoding/json would read them). The
// check is jsontext's (github.com/go-json-experiment/json), which tracks
// the names of each open object without a map or a token per value; a
// body it finds malformed otherwise is left to encoding/json, which
// reports the error with its position.
func duplicateKey(body []byte) error {
	dec := keyDecoders.Get().(*jsontext.Decoder)
	defer keyDecoders.Put(dec)
	dec.Reset(bytes.NewReader(body), jsontext.AllowInvalidUTF8(true)) // lone surrogates: loneSurrogate
	var err error
	for err == nil { // every value: a second one is refused later, by its duplicates first as before
		_, err = dec.ReadValue()
	}
	dec.Reset(bytes.NewReader(nil)) // let go of body
	var se *jsontext.SyntacticError
	if !errors.Is(err, jsontext.ErrDuplicateName) || !errors.As(err, &se) {
		return nil
	}
	k := se.JSONPointer.LastToken()
	return badRequest("the request body names "+strconv.Quote(k)+" twice", map[string]string{k: k + " is given twice"})
}

var keyDecoders = sync.Pool{New: func() any { return new(jsontext.Decoder) }}
