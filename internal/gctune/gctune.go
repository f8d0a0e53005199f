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
// a large page of warnings). The runtime keeps about a tenth over the
// heap's goal, plus its own few MB, until the limit makes it give memory
// back: at the full size's load (live heap 4 to 8 MB, goals up to 43 MB)
// Go held 55 to 61 MB under a 64 MiB limit, a third of the server's
// resident memory; 48 MiB holds it near 46 MB at a few more cycles in the
// moments the live heap peaks.
package gctune

import (
	"runtime/debug"
)

// The defaults: GOGC=400 and GOMEMLIMIT=48MiB.
const (
	gcPercent   = 400
	memoryLimit = 48 << 20
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
