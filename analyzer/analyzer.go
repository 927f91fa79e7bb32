package analyzer

import (
	"go/ast"
	"go/types"
	"sync/atomic"

	"golang.org/x/tools/go/analysis"
)

// URL documents the checks.
const URL = "https://github.com/getorcreatelint/getorcreatelint#readme"

// Analyzer is the analyzer with its options bound to flags, as used by the
// command-line tool and go vet.
var Analyzer = New(DefaultOptions())

// New returns an analyzer configured by opts. Each call returns a fresh
// analyzer with its own flags, so instances do not share state.
func New(opts Options) *analysis.Analyzer {
	o := opts
	a := &analysis.Analyzer{
		Name:             "getorcreatelint",
		Doc:              doc,
		URL:              URL,
		Run:              func(pass *analysis.Pass) (any, error) { return run(pass, &o) },
		RunDespiteErrors: false,
	}
	o.BindFlags(&a.Flags)
	return a
}

// checker is the state of one pass.
type checker struct {
	pass   *analysis.Pass
	opts   *Options
	models map[*types.Named]*gormModelInfo
	dirs   *directiveSet
	src    *sources // schema sources other than tags, loaded on first need
	err    error    // a schema source failed to load: the pass fails
}

func run(pass *analysis.Pass, opts *Options) (any, error) {
	c := &checker{
		pass:   pass,
		opts:   opts,
		models: map[*types.Named]*gormModelInfo{},
		dirs:   parseDirectives(pass, opts),
	}
	for _, f := range pass.Files {
		if ast.IsGenerated(f) {
			continue // generated code (ent, gorm/gen) is not the user's to fix
		}
		for _, decl := range f.Decls {
			for _, root := range functionRoots(decl) {
				newFuncCtx(c, root).check()
			}
		}
	}
	if c.err != nil {
		return nil, c.err
	}
	if opts.explain {
		return c.explain(), c.err
	}
	return nil, nil
}

// functionRoots returns the top-level functions in a declaration: a
// function declaration, or the function literals of a package-level var.
func functionRoots(decl ast.Decl) []ast.Node {
	switch d := decl.(type) {
	case *ast.FuncDecl:
		if d.Body != nil {
			return []ast.Node{d}
		}
	case *ast.GenDecl:
		var roots []ast.Node
		ast.Inspect(d, func(n ast.Node) bool {
			if lit, ok := n.(*ast.FuncLit); ok {
				roots = append(roots, lit)
				return false
			}
			return true
		})
		return roots
	}
	return nil
}

// check reports the get-or-create sites of one top-level function.
func (fc *funcCtx) check() {
	for _, s := range fc.gormSites() {
		fc.c.check(fc.resolveGorm(s))
	}
	fc.checkEnt()
	fc.checkSQL()
}

func (c *checker) directives() *directiveSet { return c.dirs }

// readCounter counts files the analyzer reads outside the package under
// analysis; tests use it to prove packages without candidate calls do no
// file I/O.
var readCounter atomic.Int64
