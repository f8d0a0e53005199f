package storage

import (
	"strconv"
	"testing"
)

// TestExactNameFilterPassesOnlyItsKeys: a filter built exact passes its
// keys and none other; one built as a DB builds it passes its keys too,
// and keeps no list of them (its size stays bits alone).
func TestExactNameFilterPassesOnlyItsKeys(t *testing.T) {
	keys := []string{"acme", "globex", "paula lima"}
	for _, exact := range []bool{false, true} {
		f := newNameFilter(keys, 7, exact)
		if got := f.filter(keys); len(got) != len(keys) || f.version != 7 {
			t.Errorf("exact %v: passed %v of %v at version %d", exact, got, keys, f.version)
		}
		if (f.exact != nil) != exact {
			t.Errorf("exact %v: keeps its keys %v", exact, f.exact)
		}
		if !exact {
			continue
		}
		var others []string
		for i := range 100000 {
			others = append(others, "other "+strconv.Itoa(i))
		}
		if got := f.filter(others); len(got) != 0 {
			t.Errorf("an exact filter passed %v", got)
		}
	}
	var c nameCache
	if c.exact {
		t.Error("a new cache builds exact filters")
	}
}
