package main

import (
	"go/ast"
	"go/parser"
	"go/token"

	"golang.org/x/tools/go/packages"
)

// loadMode loads the requested packages from source and the rest of the
// build graph from export data: the analyzer's summaries are facts about
// the module's own functions only, so no dependency outside the module is
// parsed or type-checked from source (go/analysis's checker would load
// every dependency from source for an analyzer with facts).
const loadMode = packages.LoadSyntax | packages.NeedModule

// loadPackages loads the patterns for analysis. Module packages the
// requested ones import but the patterns left out (linting ./api/...
// only) are loaded from source too, in a second load, so that their
// summaries reach their callers; only the requested packages are
// returned as roots. inScope says which non-main-module packages count as
// the module's (the summarize option).
func loadPackages(dir string, patterns []string, tests bool, inScope func(string) bool) ([]*packages.Package, error) {
	cfg := &packages.Config{Mode: loadMode, Tests: tests, Dir: dir, ParseFile: parseFile}
	pkgs, err := packages.Load(cfg, patterns...)
	if err != nil || len(pkgs) == 0 {
		return pkgs, err
	}
	own := func(p *packages.Package) bool {
		return p.Module != nil && p.Module.Main || inScope(p.PkgPath)
	}
	requested := map[string]bool{}
	for _, p := range pkgs {
		requested[p.ID] = true
	}
	extra := unparsedModulePackages(pkgs, requested, own)
	if len(extra) > 0 {
		all, err := packages.Load(cfg, append(append([]string(nil), patterns...), extra...)...)
		if err != nil {
			return nil, err
		}
		pkgs = pkgs[:0]
		for _, p := range all {
			if requested[p.ID] {
				pkgs = append(pkgs, p)
			}
		}
	}
	return pkgs, nil
}

// unparsedModulePackages returns the module packages in the graph of
// the roots that were loaded from export data: imported, but left out of
// the patterns (requested holds the roots' IDs). A package with nothing to parse (only test files, or every
// file excluded by build tags) is not one of them: loading it "from
// source" would reload the whole graph for nothing.
func unparsedModulePackages(roots []*packages.Package, requested map[string]bool, own func(*packages.Package) bool) []string {
	var out []string
	seen := map[string]bool{}
	packages.Visit(roots, nil, func(p *packages.Package) {
		if own(p) && len(p.Syntax) == 0 && len(p.CompiledGoFiles) > 0 && !requested[p.ID] && !seen[p.PkgPath] {
			seen[p.PkgPath] = true
			out = append(out, p.PkgPath)
		}
	})
	return out
}

// pruneImports keeps, in the import lists of the packages loaded from
// source, only the imports loaded from source: the checker then runs the
// analyzer (for its facts) on the module's packages and never on the
// export-data dependencies, which have no summaries to give.
func pruneImports(pkgs []*packages.Package) {
	packages.Visit(pkgs, nil, func(p *packages.Package) {
		if len(p.Syntax) == 0 {
			return
		}
		for path, imp := range p.Imports {
			if len(imp.Syntax) == 0 {
				delete(p.Imports, path)
			}
		}
	})
}

// parseFile parses a file for type checking without the parser's object
// resolution, which go/types and the analyzer never read: it is a fifth
// of the parser's time and a share of the syntax trees' memory.
func parseFile(fset *token.FileSet, filename string, src []byte) (*ast.File, error) {
	return parser.ParseFile(fset, filename, src, parser.AllErrors|parser.ParseComments|parser.SkipObjectResolution)
}

// analyzeSoundPackages lets the analysis run on packages whose type
// information is whole despite a load error. go/packages marks a package
// ill-typed for any error, and every package that imports it as well, and
// the checker then skips them all: one //go:embed pattern that matches no
// files (a front end that is not built) would stop the analysis of every
// package importing it. A package stays ill-typed, and is not analysed,
// when it or a package below it has a parse or type error, an error
// go/packages does not classify, or any error while read from export
// data. The errors are still printed, and the run still exits 1.
func analyzeSoundPackages(roots []*packages.Package) {
	broken := map[*packages.Package]bool{}
	var isBroken func(p *packages.Package) bool
	isBroken = func(p *packages.Package) bool {
		if b, ok := broken[p]; ok {
			return b
		}
		broken[p] = true // an import cycle is broken
		// A package read from export data with an error may have none.
		b := p.Types == nil || len(p.TypeErrors) > 0 || len(p.Errors) > 0 && p.TypesInfo == nil
		for _, e := range p.Errors {
			b = b || e.Kind != packages.ListError
		}
		for _, imp := range p.Imports {
			b = isBroken(imp) || b
		}
		broken[p] = b
		return b
	}
	packages.Visit(roots, nil, func(p *packages.Package) {
		if p.IllTyped && !isBroken(p) {
			p.IllTyped = false
		}
	})
}
