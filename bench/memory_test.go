package main

import (
	"runtime"
	"testing"
)

// TestOwnMemory reads Go's memory, and on Linux the C allocator's, as the
// server's control listener reports them.
func TestOwnMemory(t *testing.T) {
	m := ownMemory()
	if m.Go <= 0 {
		t.Errorf("Go's memory %.1f MB, want more than none", m.Go)
	}
	if runtime.GOOS == "linux" && m.CInUse <= 0 {
		t.Errorf("the C allocator's memory in use %.1f MB, want more than none", m.CInUse)
	}
}
