package bun

import (
	"go/ast"
	"go/token"
	"go/types"

	"github.com/getorcreatelint/getorcreatelint/analyzer/internal/flow"
	"github.com/getorcreatelint/getorcreatelint/analyzer/internal/site"
)

// chain is what a bun query builder sets up before the call that runs it.
type chain struct {
	kind    kind
	wheres  [][]ast.Expr // arguments of each Where
	model   ast.Expr     // argument of the Model call, if any
	ons     []ast.Expr   // arguments of InsertQuery.On
	ignore  bool         // InsertQuery.Ignore
	allRows bool         // WhereDeleted or WhereAllWithDeleted
	pk      bool         // WherePK
	why     site.Reason  // why the conditions cannot be known
}

// chainOf walks the receiver of a finisher back to NewSelect or NewInsert
// through builder calls and the local variables that hold the builder.
// Builders are mutable (q.Where(...) on its own line changes q), so a
// variable used in any other way between its store and the use makes the
// chain unknown.
func (fc *fnCtx) chainOf(k kind, recv ast.Expr) chain {
	ch := chain{kind: k}
	pos := recv.Pos()
	e := recv
	for range 1000 { // bounded: each step moves to an earlier expression
		switch x := ast.Unparen(e).(type) {
		case *ast.CallExpr:
			fn := flow.Callee(fc.Info, x)
			sel, isSel := ast.Unparen(x.Fun).(*ast.SelectorExpr)
			if fn == nil || !isSel {
				ch.why.Set("the query comes from a function call")
				return ch
			}
			qk, r := methodOf(fn)
			if qk != k {
				ch.why.Set("the query comes from " + fn.Name())
				return ch
			}
			if r == start {
				return ch
			}
			fc.step(&ch, fn.Name(), r, x)
			e = sel.X
		case *ast.Ident:
			v, ok := fc.Info.ObjectOf(x).(*types.Var)
			if !ok || v.IsField() || v.Parent() == v.Pkg().Scope() {
				ch.why.Set("the query is built elsewhere")
				return ch
			}
			store, status := fc.Assigns().LastStore(v, pos)
			if status != flow.StoreFound {
				ch.why.Set("the query is built elsewhere or conditionally")
				return ch
			}
			if fc.usedBetween(v, store.RHS.End(), x.Pos()) {
				// The model is still worth knowing: -strict names the table.
				ch.why.Set("the query is changed elsewhere")
			}
			e, pos = store.RHS, store.Pos
		default:
			ch.why.Set("the query is built elsewhere")
			return ch
		}
	}
	ch.why.Set("the query chain is too long")
	return ch
}

// step records one builder call. The walk goes from the finisher
// backwards, so the first Model seen is the one in force.
func (fc *fnCtx) step(ch *chain, name string, r role, call *ast.CallExpr) {
	switch r {
	case where:
		if call.Ellipsis.IsValid() {
			ch.why.Set("the condition's values are passed as a slice")
			return
		}
		ch.wheres = append(ch.wheres, call.Args)
	case whereOr:
		ch.why.Set("the condition uses WhereOr")
	case wherePK:
		ch.pk = true
	case model:
		if ch.model == nil && len(call.Args) == 1 {
			ch.model = call.Args[0]
		}
	case table:
		ch.why.Set("the table is named by " + name)
	case allRows:
		ch.allRows = true
	case onConflict:
		ch.ons = append(ch.ons, call.Args...)
	case ignore:
		ch.ignore = true
	case neutral:
	default:
		ch.why.Set("the query calls " + name)
	}
}

// usedBetween reports whether the function uses v between from and to.
func (fc *fnCtx) usedBetween(v *types.Var, from, to token.Pos) bool {
	for c := range fc.Root().Preorder((*ast.Ident)(nil)) {
		id := c.Node().(*ast.Ident)
		if id.Pos() >= from && id.Pos() < to && fc.Info.Uses[id] == v {
			return true
		}
	}
	return false
}
