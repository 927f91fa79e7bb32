package analyzer

import (
	"testing"

	"golang.org/x/tools/go/analysis/analysistest"
)

// A package that uses the ent client but has no get-or-create reads no
// file outside itself: the generated sources are read for a candidate
// site only.
func TestEntReadsNothingWithoutCandidates(t *testing.T) {
	before := readCounter.Load()
	analysistest.Run(t, EntTestModule(t), New(Options{}), "example.com/entcases/nocandidate")
	if n := readCounter.Load() - before; n != 0 {
		t.Errorf("%d files read for a package without get-or-create sites", n)
	}
}
