package main

import (
	"go/types"
	"os"
	"runtime/debug"

	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/packages"
)

// releasing returns a copy of a whose passes drop their package's syntax
// trees and type information once they are done. go/analysis's checker
// keeps every package it loaded until the last pass ends, yet after its
// own pass nothing reads a package's trees: its importers see its types
// and facts, and the report needs only positions, which the file set
// keeps. Dropping them keeps the run's peak memory near what loading
// alone takes.
func releasing(a *analysis.Analyzer, roots []*packages.Package) *analysis.Analyzer {
	byTypes := map[*types.Package]*packages.Package{}
	packages.Visit(roots, nil, func(p *packages.Package) {
		if p.Types != nil {
			byTypes[p.Types] = p
		}
	})
	return &analysis.Analyzer{
		Name:             a.Name,
		Doc:              a.Doc,
		URL:              a.URL,
		Requires:         a.Requires,
		ResultType:       a.ResultType,
		FactTypes:        a.FactTypes,
		RunDespiteErrors: a.RunDespiteErrors,
		Run: func(pass *analysis.Pass) (any, error) {
			result, err := a.Run(pass)
			if p := byTypes[pass.Pkg]; p != nil {
				release(p)
			}
			return result, err
		},
	}
}

// release drops what only the package's own pass reads. The checker still
// holds the pass (and through it the same slice and maps), so they are
// emptied in place: the slice's trees, and the maps themselves.
func release(p *packages.Package) {
	clear(p.Syntax)
	if p.TypesInfo != nil {
		*p.TypesInfo = types.Info{}
	}
}

// analysisGCPercent is the garbage collector's target during the analysis,
// when the user's GOGC does not say otherwise. After loading, the live heap
// is the loaded packages, and it only shrinks as passes release them; the
// analysis itself makes short-lived garbage. At the default of 100 that
// garbage lets the heap grow to twice the loaded packages before a
// collection. Measured side by side on the benchmark's generated module
// and a large GORM application (bench/run.sh), 50 saves a few percent of
// memory for as many percent of CPU time, 100 the reverse; 75 is between.
const analysisGCPercent = 75

// collectMoreOftenForAnalysis sets analysisGCPercent unless GOGC is set.
func collectMoreOftenForAnalysis() {
	if _, set := os.LookupEnv("GOGC"); !set {
		debug.SetGCPercent(analysisGCPercent)
	}
}
