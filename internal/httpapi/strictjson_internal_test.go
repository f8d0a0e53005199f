package httpapi

import (
	"bytes"
	"encoding/json"
	"errors"
	"io"
	"strconv"
	"strings"
	"testing"
	"unicode/utf8"
)

// keysBodies are bodies duplicateKey must judge as the token walk of
// encoding/json does: valid and malformed, with keys repeated at every
// depth, in arrays, in strings, escaped, and many keys.
var keysBodies = []string{
	`{"company":"Acme","role":"Dev"}`,
	`{"company":"Acme","role":"Dev","company":"Evil"}`,
	`{"company":"Acme","invitation":{"format":"video","format":"phone"}}`,
	`{"a":{"b":1},"b":2,"c":{"b":3}}`,
	`{"a":{"b":1},"a":2}`,
	`{"a":[{"b":1},{"b":2}],"b":[1,2]}`,
	`{"a":[{"b":1,"b":2}]}`,
	`[{"a":1},{"a":1}]`,
	`{"a":"b","b":"a"}`,
	`{"a":"\"a\":","a\"":1}`,
	`{"a":1,"\u0061":2}`,
	`{"\u0061":1,"a":2}`,
	`{"a\\":1,"a\\":2}`,
	`{"a" : 1 , "a" : 2}`,
	"{\"a\"\n:1,\n\"a\"\t:2}",
	`{"a":1,"a"}`,
	`{"a":1,"a"`,
	`{"a":1,"b":}`,
	`{"a":[1}, "a":2}`,
	`}{"a":1,"a":2}`,
	`{"a":1}{"a":2}`,
	`{"a":1} {"b":1,"b":2}`,
	`{"a":"unterminated`,
	`{"a":1,"b":{"c":{"d":{"e":{"f":{"g":{"h":{"i":{"j":1,"j":2}}}}}}}}}`,
	`{"to":"rejected","note":"{\"to\":1}"}`,
	`"a"`,
	`null`,
	`{}`,
	`{"a":1,,"a":2}`,
	`{,"a":1,"a":2}`,
	`{"a":["x","a"],"x":1}`,
	`{"é":1,"é":2}`,
	`{"é":1,"e":2}`,
}

func init() {
	var many, manyRepeated strings.Builder
	many.WriteString("{")
	manyRepeated.WriteString("{")
	for i := range 40 {
		if i > 0 {
			many.WriteString(",")
			manyRepeated.WriteString(",")
		}
		many.WriteString(`"k` + string(rune('A'+i)) + `":1`)
		manyRepeated.WriteString(`"k` + string(rune('A'+i%35)) + `":1`)
	}
	keysBodies = append(keysBodies, many.String()+"}", manyRepeated.String()+"}")
}

// duplicateKeyWalk is the check duplicateKey replaced, kept as the oracle:
// encoding/json's token walk, refusing an object that names a key twice.
func duplicateKeyWalk(body []byte) error {
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

// TestDuplicateKeyAgreesWithWalk: duplicateKey refuses exactly what the
// token walk refuses, naming the same key.
func TestDuplicateKeyAgreesWithWalk(t *testing.T) {
	for _, b := range keysBodies {
		if got, want := duplicateKey([]byte(b)), duplicateKeyWalk([]byte(b)); errText(got) != errText(want) {
			t.Errorf("%s: duplicateKey %v, the walk %v", b, got, want)
		}
	}
}

func errText(err error) string {
	var e *apiError
	if errors.As(err, &e) {
		return e.Message + " " + strings.Join(sortedValues(e.Fields), ",")
	}
	if err != nil {
		return err.Error()
	}
	return ""
}

func sortedValues(m map[string]string) []string {
	var out []string
	for k, v := range m {
		out = append(out, k+"="+v)
	}
	return out
}

// FuzzDuplicateKey: on any valid UTF-8 body (decodeBody refuses the rest
// first) duplicateKey and the token walk agree.
func FuzzDuplicateKey(f *testing.F) {
	for _, b := range keysBodies {
		f.Add([]byte(b))
	}
	f.Fuzz(func(t *testing.T, b []byte) {
		if !utf8.Valid(b) {
			return
		}
		if got, want := duplicateKey(b), duplicateKeyWalk(b); errText(got) != errText(want) {
			t.Errorf("%q: duplicateKey %v, the walk %v", b, got, want)
		}
	})
}

// BenchmarkDuplicateKey checks the load's create body with duplicateKey
// and with the token walk it replaced.
func BenchmarkDuplicateKey(b *testing.B) {
	body := []byte(`{"company":"Bench Co","role":"Engineer","notes":"load test"}`)
	for name, check := range map[string]func([]byte) error{"jsontext": duplicateKey, "walk": duplicateKeyWalk} {
		b.Run(name, func(b *testing.B) {
			b.ReportAllocs()
			for b.Loop() {
				if err := check(body); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}
