package main

import (
	"fmt"
	"testing"

	vegeta "github.com/tsenart/vegeta/v12/lib"
)

// TestMovesKeptForTheMix checks that the maximum run of the moves leaves
// the mix the applications it was told the mix needs, however many moves
// it asks for, and that every move is of a seeded applied application,
// each moved once.
func TestMovesKeptForTheMix(t *testing.T) {
	sz := sizes{Users: 3, Apps: 45, Big: 100}
	c := classes(sz)[0]
	var e *endpoint
	for _, ep := range endpoints(sz, c, "") {
		if ep.Name == "POST transitions" {
			e = ep
		}
	}
	applied := map[string]bool{}
	for _, u := range c.users {
		for i := range c.apps {
			if pattern[i%len(pattern)] == "applied" {
				applied[fmt.Sprintf("/applications/%d/transitions", sz.appID(u, i))] = true
			}
		}
	}
	const kept = 7
	e.keep(kept)
	moved := map[string]bool{}
	take := func(next func(uint64, *vegeta.Target) bool) (n int) {
		var tg vegeta.Target
		for k := uint64(0); next(k, &tg); k++ {
			if !applied[tg.URL] || moved[tg.URL] {
				t.Fatalf("move %s: not an applied application, or moved before", tg.URL)
			}
			moved[tg.URL] = true
			n++
		}
		return n
	}
	if n := take(e.next); n != len(applied)-kept {
		t.Errorf("the maximum run moved %d applications, want all %d but the %d kept", n, len(applied), kept)
	}
	if n := take(e.mixed); n != kept {
		t.Errorf("the mix moved %d applications, want the %d kept", n, kept)
	}
}
