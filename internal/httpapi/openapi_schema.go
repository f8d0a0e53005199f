package httpapi

import (
	"encoding/json"
	"reflect"
	"strings"
	"time"
)

// schemas builds the OpenAPI schemas of Go types by reflection, from the
// very types the handlers encode, so the document cannot drift from them:
// every field is listed, a pointer may be null, and no other property is
// allowed. In an answer a field without omitempty is required: it is
// always there. In a request body (a type whose name ends in Request) a
// field is required only when requestRequired lists it: the decoder takes
// any field as absent, and the service refuses only these without them.
type schemas struct {
	defs map[string]any
}

var (
	schemaTime = reflect.TypeOf(time.Time{})
	stampTyp   = reflect.TypeOf(timestamp{})
	rawType    = reflect.TypeOf(json.RawMessage{})
)

// ref returns a reference to the schema of t, adding it to the components.
func (s *schemas) ref(v any) map[string]any {
	return s.of(reflect.TypeOf(v))
}

func (s *schemas) of(t reflect.Type) map[string]any {
	switch {
	case t == schemaTime || t == stampTyp:
		return map[string]any{"type": "string", "format": "date-time"}
	case t == dateType: // null when not known
		return map[string]any{"type": "string", "format": "date", "nullable": true}
	case t == rawType:
		return map[string]any{}
	}
	switch t.Kind() {
	case reflect.Pointer:
		return nullable(s.of(t.Elem()))
	case reflect.String:
		return map[string]any{"type": "string"}
	case reflect.Bool:
		return map[string]any{"type": "boolean"}
	case reflect.Int, reflect.Int64, reflect.Int32:
		return map[string]any{"type": "integer"}
	case reflect.Float64:
		return map[string]any{"type": "number"}
	case reflect.Slice:
		return map[string]any{"type": "array", "items": s.of(t.Elem())}
	case reflect.Map:
		return map[string]any{"type": "object", "additionalProperties": s.of(t.Elem())}
	case reflect.Struct:
		return s.structRef(t)
	}
	return map[string]any{}
}

// requestRequired are the fields of each request body the server refuses
// a request without (400 or 422 naming the field). TestOpenAPIRequired
// sends each body with only these, and with each of them left out.
var requestRequired = map[string][]string{
	"createApplicationRequest": {"company", "role"},
	"invitationRequest":        {"received_at"},
	"transitionRequest":        {"to"},
	"declinePreviewRequest":    {"reason"},
	"declineRequest":           {"reason"},
	"passwordChangeRequest":    {"current_password", "new_password"},
	"tokenCreateRequest":       {"name"},
}

// isRequest reports whether t is the type of a request body.
func isRequest(t reflect.Type) bool { return strings.HasSuffix(t.Name(), "Request") }

func (s *schemas) structRef(t reflect.Type) map[string]any {
	name := schemaName(t)
	if _, ok := s.defs[name]; !ok {
		s.defs[name] = nil // a placeholder against recursion
		props, required := map[string]any{}, []string{}
		s.fields(t, props, &required)
		if isRequest(t) {
			required = requestRequired[t.Name()]
		}
		def := map[string]any{"type": "object", "properties": props, "additionalProperties": false}
		if len(required) > 0 {
			def["required"] = required
		}
		s.defs[name] = def
	}
	return map[string]any{"$ref": "#/components/schemas/" + name}
}

// fields lists the JSON fields of a struct, flattening embedded ones.
func (s *schemas) fields(t reflect.Type, props map[string]any, required *[]string) {
	for i := range t.NumField() {
		f := t.Field(i)
		tag := f.Tag.Get("json")
		if f.Anonymous && tag == "" {
			s.fields(f.Type, props, required)
			continue
		}
		name, opts, _ := strings.Cut(tag, ",")
		if !f.IsExported() || name == "-" {
			continue
		}
		if name == "" {
			name = f.Name
		}
		props[name] = s.of(f.Type)
		if !strings.Contains(opts, "omitempty") {
			*required = append(*required, name)
		}
	}
}

// schemaName is the type's name, with its package for the api types.
func schemaName(t reflect.Type) string {
	pkg := t.PkgPath()[strings.LastIndex(t.PkgPath(), "/")+1:]
	name := t.Name()
	if pkg != "httpapi" {
		name = strings.ToUpper(pkg[:1]) + pkg[1:] + name
	}
	return name
}

// nullable allows null beside a schema (OpenAPI 3.0).
func nullable(s map[string]any) map[string]any {
	if _, ok := s["$ref"]; ok {
		return map[string]any{"allOf": []any{s}, "nullable": true}
	}
	out := map[string]any{"nullable": true}
	for k, v := range s {
		out[k] = v
	}
	return out
}
