package decline

import "sync"

// templateMemo remembers f of each of our phrasings: a letter weighs some
// hundred of them, each with the same few patterns, and there are a few
// thousand in all, so the memo is bounded by the phrase tables. It is
// for our templates only, never for a filled sentence, which holds the
// user's words and would grow it without end.
type templateMemo[T any] struct {
	m sync.Map
	f func(string) T
}

func memoOf[T any](f func(string) T) *templateMemo[T] { return &templateMemo[T]{f: f} }

// of is f(s), read once.
func (t *templateMemo[T]) of(s string) T {
	if v, ok := t.m.Load(s); ok {
		return v.(T)
	}
	v := t.f(s)
	t.m.Store(s, v)
	return v
}
