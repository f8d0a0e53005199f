//go:build linux && cgo

package storage

// SQLite keeps each connection's pages in memory from the C allocator,
// and a reader empties its cache whenever the database changed since its
// last read: after every write. glibc then gives the freed memory back to
// the kernel (madvise) as soon as 128 KiB lie free at the top of a heap,
// and the next read faults it back in; on a virtual machine those calls
// cost more than the queries (a profile of creates spent most of its time
// in them). Raising the threshold lets the process keep up to trimThreshold
// of free memory per heap for reuse.
//
// glibc gives each thread that finds the others' heaps (arenas) busy one
// of its own, up to eight a core, and each keeps its own free memory: the
// Go threads that call into SQLite took about a dozen, which together kept
// up to 68 MB free at the full size's load (docs/scaling.md, "What the
// server's memory is made of"). One arena a core is as many as can be busy
// at once. mallopt is looked up weakly, so that a C library without it
// (musl) builds and runs as before.

/*
#include <stddef.h>
extern int mallopt(int param, int value) __attribute__((weak));
static void tuneMalloc(int trimBytes, int arenas) {
	if (mallopt != NULL) {
		mallopt(-1, trimBytes); // M_TRIM_THRESHOLD
		mallopt(-8, arenas);    // M_ARENA_MAX
	}
}
*/
import "C"

import "runtime"

const trimThreshold = 8 << 20

func init() { C.tuneMalloc(trimThreshold, C.int(max(runtime.NumCPU(), 2))) }
