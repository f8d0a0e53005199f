//go:build linux && cgo

package main

/*
#include <malloc.h>
#include <stddef.h>
extern struct mallinfo2 mallinfo2(void) __attribute__((weak));
static void cMemory(size_t *inUse, size_t *free) {
	*inUse = 0; *free = 0;
	if (mallinfo2 != NULL) {
		struct mallinfo2 m = mallinfo2();
		*inUse = m.uordblks + m.hblkhd;
		*free = m.fordblks;
	}
}
*/
import "C"

// cMemory returns the bytes the C allocator (glibc's) has handed out and
// the bytes it keeps free for reuse, over all its arenas; zero for a C
// library without mallinfo2.
func cMemory() (inUse, free uint64) {
	var u, f C.size_t
	C.cMemory(&u, &f)
	return uint64(u), uint64(f)
}
