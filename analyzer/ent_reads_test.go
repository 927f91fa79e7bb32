package analyzer

import (
	"testing"

	"github.com/getorcreatelint/getorcreatelint/analyzer/internal/sources"
	"golang.org/x/tools/go/analysis/analysistest"
)

// A package that uses the ent client but has no get-or-create, and no
// function that returns a lookup's result, reads no file outside itself:
// the generated sources are read for a candidate site or a lookup's
// summary only.
func TestEntReadsNothingWithoutCandidates(t *testing.T) {
	before := sources.Reads()
	analysistest.Run(t, EntTestModule(t), New(Options{}), "example.com/entcases/nocandidate")
	if n := sources.Reads() - before; n != 0 {
		t.Errorf("%d files read for a package without get-or-create sites", n)
	}
}
