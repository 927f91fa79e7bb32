package main

import (
	"os"
	"path/filepath"
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

// A module package with only test files has nothing to parse: it must not
// count as a module package left out of the patterns, which would make the
// driver load the whole graph a second time. A package the roots import
// but the patterns leave out still does.
func TestUnparsedModulePackages(t *testing.T) {
	dir := t.TempDir()
	files := map[string]string{
		"go.mod":                  "module example.com/m\n\ngo 1.22\n",
		"app/app.go":              "package app\n\nimport \"example.com/m/lib\"\n\nvar X = lib.Y\n",
		"lib/lib.go":              "package lib\n\nvar Y = 1\n",
		"onlytests/thing_test.go": "package onlytests\n\nimport \"testing\"\n\nfunc TestX(t *testing.T) {}\n",
	}
	for name, content := range files {
		p := filepath.Join(dir, name)
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(p, []byte(content), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	own := func(p *packages.Package) bool { return p.Module != nil && p.Module.Main }
	load := func(patterns ...string) []*packages.Package {
		pkgs, err := packages.Load(&packages.Config{Mode: loadMode, Tests: true, Dir: dir}, patterns...)
		if err != nil {
			t.Fatal(err)
		}
		return pkgs
	}
	unparsed := func(roots []*packages.Package) []string {
		requested := map[string]bool{}
		for _, p := range roots {
			requested[p.ID] = true
		}
		return unparsedModulePackages(roots, requested, own)
	}
	if got := unparsed(load("./...")); len(got) != 0 {
		t.Errorf("./... with a test-only package: %v, want none", got)
	}
	if got := unparsed(load("./app", "./onlytests")); len(got) != 1 || got[0] != "example.com/m/lib" {
		t.Errorf("./app ./onlytests: %v, want [example.com/m/lib]", got)
	}
}
