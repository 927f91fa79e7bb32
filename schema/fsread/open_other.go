//go:build !unix

package fsread

// openNonblock: other systems have no FIFOs in the file system that an
// open could wait on; the checks before opening suffice.
const openNonblock = 0
