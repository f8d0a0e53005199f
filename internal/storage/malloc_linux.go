//go:build linux && cgo

package storage

// SQLite keeps each connection's pages in memory from the C allocator,
// and a reader empties its cache whenever the database changed since its
// last read: after every write. glibc then gives the freed memory back to
// the kernel (madvise) as soon as 128 KiB lie free at the top of a heap,
// and the next read faults it back in; on a virtual machine those calls
// cost more than the queries (a profile of creates spent most of its time
// in them). Raising the threshold lets the process keep up to trimThreshold
// of free memory per heap for reuse. mallopt is looked up weakly, so that
// a C library without it (musl) builds and runs as before.

/*
#include <stddef.h>
extern int mallopt(int param, int value) __attribute__((weak));
static void keepFreedMemory(int bytes) {
	if (mallopt != NULL) {
		mallopt(-1, bytes); // M_TRIM_THRESHOLD
	}
}
*/
import "C"

const trimThreshold = 8 << 20

func init() { C.keepFreedMemory(trimThreshold) }
