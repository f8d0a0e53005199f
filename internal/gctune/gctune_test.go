package gctune

import (
	"math"
	"runtime/debug"
	"testing"
)

// TestServerDefaults sets the defaults when the environment names none
// and leaves the runtime's own settings alone when it names them.
func TestServerDefaults(t *testing.T) {
	percent, limit := debug.SetGCPercent(100), debug.SetMemoryLimit(math.MaxInt64)
	defer func() { debug.SetGCPercent(percent); debug.SetMemoryLimit(limit) }()

	ServerDefaults(func(string) string { return "" })
	if got := debug.SetGCPercent(100); got != gcPercent {
		t.Errorf("GOGC %d, want %d", got, gcPercent)
	}
	if got := debug.SetMemoryLimit(math.MaxInt64); got != memoryLimit {
		t.Errorf("GOMEMLIMIT %d, want %d", got, memoryLimit)
	}

	ServerDefaults(func(name string) string { return map[string]string{"GOGC": "50", "GOMEMLIMIT": "1GiB"}[name] })
	if got := debug.SetGCPercent(100); got != 100 {
		t.Errorf("GOGC %d with GOGC set, want the runtime's own", got)
	}
	if got := debug.SetMemoryLimit(math.MaxInt64); got != math.MaxInt64 {
		t.Errorf("GOMEMLIMIT %d with GOMEMLIMIT set, want the runtime's own", got)
	}
}
