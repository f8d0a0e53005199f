package web

import (
	"html/template"
	"strings"

	"tracker/internal/workflow"
)

// funcs are the helpers every page template may call.
var funcs = template.FuncMap{
	"label": stageLabel,
	"words": words,
	"dict":  dict,
}

// stageLabel is a stage as a person reads it: "followed_up" is
// "Followed up".
func stageLabel(s any) string {
	var v string
	switch t := s.(type) {
	case workflow.State:
		v = string(t)
	case string:
		v = t
	}
	return words(v)
}

// words turns a snake_case name into a capitalised phrase.
func words(v string) string {
	v = strings.ReplaceAll(v, "_", " ")
	if v == "" {
		return v
	}
	return strings.ToUpper(v[:1]) + v[1:]
}

// dict builds a map from key, value pairs, to pass several values to a
// partial template.
func dict(kv ...any) map[string]any {
	m := map[string]any{}
	for i := 0; i+1 < len(kv); i += 2 {
		k, _ := kv[i].(string)
		m[k] = kv[i+1]
	}
	return m
}
