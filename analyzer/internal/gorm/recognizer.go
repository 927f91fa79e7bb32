// Package gorm recognises get-or-create code written with GORM v2
// (gorm.io/gorm): FirstOrCreate, FirstOrInit then Save, a lookup then
// Create where nothing was found, and Create with a clause.OnConflict. It
// turns them into sites and words their fixes as struct tags.
package gorm

import (
	"go/ast"
	"go/types"

	"golang.org/x/tools/go/analysis"
	gormschema "gorm.io/gorm/schema"

	"github.com/getorcreatelint/getorcreatelint/analyzer/internal/flow"
	"github.com/getorcreatelint/getorcreatelint/analyzer/internal/site"
	"github.com/getorcreatelint/getorcreatelint/schema"
	"github.com/getorcreatelint/getorcreatelint/schema/sqlscan"
)

// Recognizer finds the GORM sites of one package.
type Recognizer struct {
	pass    *analysis.Pass
	namer   gormschema.Namer
	dialect func() sqlscan.Dialect // the database the package's SQL runs on
	models  map[*types.Named]*gormModelInfo
	// explained lists the models whose tables Tables already returned.
	explained map[*types.Named]bool
	decls     map[*types.Func]*ast.FuncDecl // the package's functions read as scopes
	// joinTables are the many2many join tables of the package's and its
	// imports' models by table key; nil until a lookup needs them.
	joinTables map[string][]*schema.Table
}

// New returns the recogniser for a pass. namer mirrors the application's
// NamingStrategy; dialect is asked only for upserts, whose SQL differs by
// database.
func New(pass *analysis.Pass, namer gormschema.Namer, dialect func() sqlscan.Dialect) *Recognizer {
	return &Recognizer{pass: pass, namer: namer, dialect: dialect,
		models: map[*types.Named]*gormModelInfo{}, explained: map[*types.Named]bool{},
		decls: map[*types.Func]*ast.FuncDecl{}}
}

// Claims reports whether calls into pkg are GORM's.
func (r *Recognizer) Claims(pkg *types.Package) bool { return pkg.Path() == gormPath }

// Hooks tells the flow analysis GORM's "no rows" error and that
// Transaction runs its callback before it returns.
func (r *Recognizer) Hooks() flow.Hooks {
	return flow.Hooks{
		Sentinels: []flow.Var{{Pkg: gormPath, Name: "ErrRecordNotFound"}},
		RunsCallbacks: []func(*types.Info, *ast.CallExpr) []*ast.FuncLit{func(info *types.Info, call *ast.CallExpr) []*ast.FuncLit {
			name, _, ok := gormMethodRole(flow.Callee(info, call))
			if !ok || name != "Transaction" {
				return nil
			}
			var lits []*ast.FuncLit
			for _, arg := range call.Args {
				if lit, ok := ast.Unparen(arg).(*ast.FuncLit); ok {
					lits = append(lits, lit)
				}
			}
			return lits
		}},
	}
}

// fnCtx is the recogniser at work on one function.
type fnCtx struct {
	*flow.Func
	r     *Recognizer
	calls []flow.Call // the function's calls of GORM, in source order
	// scopeDepth counts the scopes being read to reach this function.
	scopeDepth int
}

// Sites returns the get-or-create sites among a function's GORM calls.
func (r *Recognizer) Sites(fn *flow.Func, calls []flow.Call) []*site.Site {
	fc := &fnCtx{Func: fn, r: r, calls: calls}
	var out []*site.Site
	for _, s := range fc.gormSites() {
		out = append(out, fc.resolveGorm(s))
	}
	return out
}

// Upserts returns the function's Create calls with a clause.OnConflict.
func (r *Recognizer) Upserts(fn *flow.Func, calls []flow.Call) []*site.Upsert {
	fc := &fnCtx{Func: fn, r: r, calls: calls}
	return fc.gormUpserts()
}

// Tables returns the tables the models a GORM call passes declare in
// their tags, each model once per pass (for the schema subcommand).
func (r *Recognizer) Tables(call flow.Call) []*schema.Table {
	var ts []types.Type
	switch _, _, _, isGorm := methodRole(call.Fn); {
	case isGenericEntry(call.Fn):
		ts = append(ts, r.pass.TypesInfo.TypeOf(call.Expr)) // Interface[T]: T is the model
	case isGorm:
		for _, arg := range call.Expr.Args {
			ts = append(ts, r.pass.TypesInfo.TypeOf(arg))
		}
	default:
		return nil
	}
	var out []*schema.Table
	for _, t := range ts {
		named := flow.NamedOf(typeArgOf(t))
		if named == nil || r.explained[named] {
			continue
		}
		r.explained[named] = true
		if m := r.model(named); m != nil && m.schema != nil && !m.tableUnknown {
			out = append(out, m.schema.Table)
		}
	}
	return out
}

// typeArgOf returns the type argument of gorm.G's Interface[T], or t.
func typeArgOf(t types.Type) types.Type {
	if n, ok := types.Unalias(t).(*types.Named); ok && n.TypeArgs().Len() == 1 && n.Obj().Pkg() != nil && n.Obj().Pkg().Path() == gormPath {
		return n.TypeArgs().At(0)
	}
	return t
}
