// Package gctune sets the Go garbage collector's defaults for the
// server, where the environment leaves them alone.
//
// The server's live heap is small (about 4 MB under the benchmark's mix;
// SQLite's page caches live outside it), so at Go's default GOGC=100 it
// collected whenever 4 MB more had been allocated: about nine times a
// second at 1,000 requests a second, each cycle 6 to 9 ms of marking
// during which requests help with the work. A heap allowed to grow to
// five times what is live collects a quarter as often; a soft limit on
// the whole Go memory keeps that growth from costing more than a few tens
// of MB when the live heap is larger (a start-up that briefly holds 20 MB,
// a large page of warnings).
package gctune

import (
	"runtime/debug"
)

// The defaults: GOGC=400 and GOMEMLIMIT=64MiB.
const (
	gcPercent   = 400
	memoryLimit = 64 << 20
)

// ServerDefaults sets GOGC and GOMEMLIMIT's defaults for a server unless
// getenv gives either variable a value, which the runtime has then taken.
func ServerDefaults(getenv func(string) string) {
	if getenv("GOGC") == "" {
		debug.SetGCPercent(gcPercent)
	}
	if getenv("GOMEMLIMIT") == "" {
		debug.SetMemoryLimit(memoryLimit)
	}
}
