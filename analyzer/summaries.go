package analyzer

import (
	"go/ast"
	"go/types"
	"strings"

	"golang.org/x/tools/go/analysis"

	"github.com/getorcreatelint/getorcreatelint/analyzer/internal/flow"
	"github.com/getorcreatelint/getorcreatelint/analyzer/internal/sources"
	"github.com/getorcreatelint/getorcreatelint/analyzer/internal/summary"
)

// unit is one function of the package with its calls dispatched once,
// for the summaries and for the recognisers.
type unit struct {
	sum       *summary.Unit
	calls     map[recognizer][]flow.Call
	generated bool // in a generated file: summarised, never reported
}

// units walks every function of the package once. Generated files are
// walked only where the package is summarised: their queries are the
// user's helpers (sqlc's queries), their sites are not the user's.
func (p *pipeline) units(summarised bool) []*unit {
	var out []*unit
	for _, file := range p.pass.Files {
		generated := isGenerated(p.pass.Fset, file)
		if generated && !summarised {
			continue
		}
		for _, decl := range file.Decls {
			var roots []ast.Node
			var obj *types.Func
			switch d := decl.(type) {
			case *ast.FuncDecl:
				if d.Body != nil {
					roots = append(roots, d)
					obj, _ = p.pass.TypesInfo.Defs[d.Name].(*types.Func)
				}
			case *ast.GenDecl:
				ast.Inspect(d, func(n ast.Node) bool {
					if lit, ok := n.(*ast.FuncLit); ok {
						roots = append(roots, lit)
						return false
					}
					return true
				})
			}
			for _, root := range roots {
				fn := flow.NewFunc(p.pass.TypesInfo, p.pass.Pkg, decl, root, &p.hooks)
				out = append(out, p.unitOf(fn, obj, generated))
			}
		}
	}
	return out
}

// unitOf dispatches a function's calls: to the recogniser that claims the
// callee's package, the rest kept for the summaries.
func (p *pipeline) unitOf(fn *flow.Func, obj *types.Func, generated bool) *unit {
	u := &unit{sum: &summary.Unit{Fn: fn, Obj: obj}, generated: generated}
	ast.Inspect(fn.Node(), func(n ast.Node) bool {
		switch x := n.(type) {
		case *ast.FuncLit:
			u.sum.Literals = true
		case *ast.CallExpr:
			p.dispatch(u, x)
		}
		return true
	})
	for r, calls := range u.calls {
		if prov, ok := r.(summary.Provider); ok {
			if u.sum.Calls == nil {
				u.sum.Calls = map[summary.Provider][]flow.Call{}
			}
			u.sum.Calls[prov] = calls
		}
	}
	return u
}

// dispatch files a call under the recogniser that claims it, or among
// the calls that may be of a summarised function: a function of the
// packages with summaries, or a function value. Calls of other libraries,
// built-ins and conversions have no summary and are dropped.
func (p *pipeline) dispatch(u *unit, x *ast.CallExpr) {
	call := flow.Call{Expr: x}
	r := p.recognizerFor(&call)
	if r == nil {
		r = p.asFramework(&call)
	}
	if r == nil {
		if mayHaveSummary(call, p.pass.TypesInfo, p.inScope) {
			u.sum.Other = append(u.sum.Other, call)
		}
		return
	}
	if u.calls == nil {
		u.calls = map[recognizer][]flow.Call{}
	}
	u.calls[r] = append(u.calls[r], call)
}

// mayHaveSummary reports whether the call is of a function of the
// packages with summaries or of a function value.
func mayHaveSummary(call flow.Call, info *types.Info, inScope func(string) bool) bool {
	if call.Fn == nil {
		return info.Types[call.Expr.Fun].IsValue()
	}
	return call.Fn.Pkg() != nil && inScope(call.Fn.Pkg().Path())
}

// frameworkTypes are the types an interface of the user's may stand for
// (sqlc's DBTX): a call through such an interface, when one of these
// implements it, is read as the framework's own method.
var frameworkTypes = []struct {
	pkg, name string
	pointer   bool
}{
	{"database/sql", "DB", true},
	{"github.com/jmoiron/sqlx", "DB", true},
	{"github.com/jackc/pgx/v5", "Tx", false},
}

// asFramework resolves a call of a method of the user's interface that a
// framework's database handle implements, and dispatches it as that
// handle's method.
func (p *pipeline) asFramework(call *flow.Call) recognizer {
	fn := call.Fn
	if fn == nil || fn.Signature().Recv() == nil {
		return nil
	}
	iface, ok := fn.Signature().Recv().Type().Underlying().(*types.Interface)
	if !ok {
		return nil
	}
	for _, imp := range p.pass.Pkg.Imports() {
		for _, ft := range frameworkTypes {
			if imp.Path() != ft.pkg {
				continue
			}
			tn, ok := imp.Scope().Lookup(ft.name).(*types.TypeName)
			if !ok {
				continue
			}
			var t types.Type = tn.Type()
			if ft.pointer {
				t = types.NewPointer(t)
			}
			if !types.Implements(t, iface) {
				continue
			}
			obj, _, _ := types.LookupFieldOrMethod(t, true, imp, fn.Name())
			m, ok := obj.(*types.Func)
			if !ok {
				continue
			}
			for _, r := range p.recs {
				if r.Claims(imp) {
					call.Fn = m
					return r
				}
			}
		}
	}
	return nil
}

// inScope returns the test of which packages' functions get summaries:
// the main module's packages (go vet gives them no version), go.work
// modules, and the packages the summarize option names.
func (o *Options) inScope(pass *analysis.Pass) func(path string) bool {
	var modPath string
	if m := pass.Module; m != nil && (m.Main || m.Version == "") {
		modPath = m.Path
	}
	prefixes := append([]string(nil), o.Summarize...)
	if modPath != "" {
		prefixes = append(prefixes, modPath)
	}
	return UnderPackages(prefixes)
}

// UnderPackages returns the test of whether a package path is one of the
// prefixes or below one ("example.com/app" holds "example.com/app/store",
// not "example.com/apple"). Blanks around a prefix and a trailing slash do
// not count; empty prefixes are ignored.
func UnderPackages(prefixes []string) func(path string) bool {
	var clean []string
	for _, p := range prefixes {
		if p = strings.TrimSuffix(strings.TrimSpace(p), "/"); p != "" {
			clean = append(clean, p)
		}
	}
	return func(path string) bool {
		for _, p := range clean {
			if strings.HasPrefix(path, p) && (len(path) == len(p) || path[len(p)] == '/') {
				return true
			}
		}
		return false
	}
}

// importsFramework reports whether the package imports a package some
// recogniser reads, or one with summaries.
func (p *pipeline) importsFramework() bool {
	for _, imp := range p.pass.Pkg.Imports() {
		for _, r := range p.recs {
			if r.Claims(imp) {
				return true
			}
		}
	}
	return false
}

// moduleRoot returns how to find the directory of the module's go.mod,
// which paths in the summaries' messages are relative to; nil outside a
// module (GOPATH mode), where the messages keep a file's directory and
// name.
func moduleRoot(pass *analysis.Pass, src *sources.Pass) func() (string, error) {
	if pass.Module == nil || pass.Module.Path == "" {
		return nil
	}
	return src.Root
}
