package main

import (
	"strings"
	"testing"

	"golang.org/x/tools/go/packages"
)

// The standalone driver parses and type-checks the module's packages and
// nothing else: the analyzer declares a fact type, and go/analysis's own
// checker would then load every dependency (gorm, the standard library)
// from source. Linting ./app alone still loads the module package it
// imports (models) from source, for its summaries, without making it a
// root.
func TestLoadOnlyModuleFromSource(t *testing.T) {
	pkgs, err := loadPackages("testdata/gormapp", []string{"./app"}, true, func(string) bool { return false })
	if err != nil {
		t.Fatal(err)
	}
	for _, p := range pkgs {
		if !strings.HasPrefix(p.PkgPath, "example.com/gormapp/app") {
			t.Errorf("root %s: only the requested packages are roots", p.ID)
		}
	}
	var fromSource, fromExport []string
	outsideFromSource := 0
	packages.Visit(pkgs, nil, func(p *packages.Package) {
		inModule := p.Module != nil && p.Module.Main
		switch {
		case len(p.Syntax) > 0 && !inModule:
			outsideFromSource++
			t.Errorf("%s is outside the module but was loaded from source", p.ID)
		case len(p.Syntax) > 0:
			fromSource = append(fromSource, p.ID)
		case p.Types != nil:
			fromExport = append(fromExport, p.ID)
		}
	})
	if outsideFromSource != 0 {
		t.Errorf("%d packages outside the module loaded from source", outsideFromSource)
	}
	if !contains(fromSource, "example.com/gormapp/models") {
		t.Errorf("models (imported by app, not requested) not loaded from source; from source: %v", fromSource)
	}
	if !contains(fromExport, "gorm.io/gorm") || len(fromExport) < 20 {
		t.Errorf("want gorm and the standard library from export data, got %d packages: %v", len(fromExport), fromExport)
	}
	t.Logf("from source: %d module packages; from export data: %d", len(fromSource), len(fromExport))

	// Pruned, the module's packages import only packages loaded from source,
	// so the checker runs no action on a dependency outside the module.
	pruneImports(pkgs)
	packages.Visit(pkgs, nil, func(p *packages.Package) {
		if len(p.Syntax) == 0 {
			t.Errorf("%s is still in the graph after pruning", p.ID)
		}
	})
}

func contains(xs []string, x string) bool {
	for _, y := range xs {
		if y == x {
			return true
		}
	}
	return false
}
