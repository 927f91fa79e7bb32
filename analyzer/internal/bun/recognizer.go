// Package bun recognises get-or-create code written with bun
// (github.com/uptrace/bun): NewSelect()...Scan(ctx) (or Exists, Count),
// then NewInsert()...Exec(ctx) where nothing was found; and inserts with
// On("CONFLICT ...") or Ignore(), checked as the SQL bun writes for them.
// Keys come from the models' bun tags (pk, unique, unique:group) and from
// migrations.
package bun

import (
	"go/types"

	"golang.org/x/tools/go/analysis"

	"github.com/getorcreatelint/getorcreatelint/analyzer/internal/flow"
	"github.com/getorcreatelint/getorcreatelint/analyzer/internal/site"
	"github.com/getorcreatelint/getorcreatelint/schema"
	"github.com/getorcreatelint/getorcreatelint/schema/buntags"
	"github.com/getorcreatelint/getorcreatelint/schema/sqlscan"
)

// Recognizer finds the bun sites of one package.
type Recognizer struct {
	pass      *analysis.Pass
	dialect   func() sqlscan.Dialect
	models    map[*types.Named]*buntags.Schema
	explained map[*types.Named]bool
}

// New returns the recogniser for a pass; dialect is asked for upserts and
// fixes, whose SQL differs by database.
func New(pass *analysis.Pass, dialect func() sqlscan.Dialect) *Recognizer {
	return &Recognizer{pass: pass, dialect: dialect,
		models: map[*types.Named]*buntags.Schema{}, explained: map[*types.Named]bool{}}
}

// Claims reports whether calls into pkg are bun's.
func (r *Recognizer) Claims(pkg *types.Package) bool { return pkg.Path() == bunPath }

// Hooks tells the flow analysis that bun's Scan reports "no rows" with
// database/sql's error.
func (r *Recognizer) Hooks() flow.Hooks {
	return flow.Hooks{Sentinels: []flow.Var{{Pkg: "database/sql", Name: "ErrNoRows"}}}
}

// fnCtx is the recogniser at work on one function.
type fnCtx struct {
	*flow.Func
	r     *Recognizer
	calls []flow.Call // the function's calls of bun, in source order
}

// Sites returns the function's get-or-create sites.
func (r *Recognizer) Sites(fn *flow.Func, calls []flow.Call) []*site.Site {
	return (&fnCtx{Func: fn, r: r, calls: calls}).getOrCreates()
}

// Upserts returns the function's INSERTs with On(...) or Ignore().
func (r *Recognizer) Upserts(fn *flow.Func, calls []flow.Call) []*site.Upsert {
	return (&fnCtx{Func: fn, r: r, calls: calls}).upserts()
}

// Tables returns the tables the models a bun call passes declare in their
// tags, each model once per pass (for the schema subcommand).
func (r *Recognizer) Tables(call flow.Call) []*schema.Table {
	if k, _ := methodOf(call.Fn); k == noQuery {
		return nil
	}
	var out []*schema.Table
	for _, arg := range call.Expr.Args {
		named := flow.NamedOf(r.pass.TypesInfo.TypeOf(arg))
		if named == nil || r.explained[named] || isBunType(named) {
			continue
		}
		r.explained[named] = true
		if m := r.model(named); m != nil {
			out = append(out, m.Table)
		}
	}
	return out
}

func isBunType(n *types.Named) bool { return n.Obj().Pkg() != nil && n.Obj().Pkg().Path() == bunPath }
