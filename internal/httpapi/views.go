package httpapi

import (
	"time"

	"tracker/internal/api"
	"tracker/internal/workflow"
)

// mapAll maps every element of in with f; the result is never nil, so an
// empty list is [] in JSON.
func mapAll[T, V any](in []T, f func(T) V) []V {
	out := make([]V, 0, len(in))
	for _, x := range in {
		out = append(out, f(x))
	}
	return out
}

func stateNames(states []workflow.State) []string { return api.StateNames(states) }

func utcPtr(t *time.Time) *time.Time {
	if t == nil {
		return nil
	}
	u := t.UTC()
	return &u
}
