package sources

import (
	"fmt"
	"io"

	"github.com/getorcreatelint/getorcreatelint/schema"
)

// Schema warnings go to standard error, where every mode shows them:
// standalone, go vet (which prints what its tool writes) and
// golangci-lint. They are not diagnostics: they are about SQL files, not
// Go code, and must not turn a run into a failure. Modules' sources load
// once per process, so each warning is printed once per process (once per
// package with a get-or-create call under go vet, which runs a process per
// package).

// maxFileWarnings bounds the file warnings printed by default for one
// module: a directory of thousands of refused files says so in a few lines.
const maxFileWarnings = 10

// printWarnings prints the warnings of a module's catalog. By default only
// those about whole files: a file skipped (a FIFO, a device, over the size
// limit, binary, Go that does not parse) changes which keys exist, and a
// file read as Latin-1 may hold text its author meant otherwise. Skipped
// statements, which are many in ordinary dumps, are printed with debug on.
func printWarnings(w io.Writer, warnings []schema.Warning, debug bool) {
	shown, more := 0, 0
	for _, wn := range warnings {
		switch {
		case debug:
			fmt.Fprintf(w, "getorcreatelint: %s\n", wn)
		case !wn.File:
		case shown < maxFileWarnings:
			fmt.Fprintf(w, "getorcreatelint: %s\n", wn)
			shown++
		default:
			more++
		}
	}
	if more > 0 {
		fmt.Fprintf(w, "getorcreatelint: and %d more schema files skipped or read with a note (getorcreatelint schema lists them)\n", more)
	}
}
