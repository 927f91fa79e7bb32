package gorm

import (
	"go/ast"
	"go/constant"
	"go/token"
	"go/types"

	"github.com/getorcreatelint/getorcreatelint/analyzer/internal/conds"
	"github.com/getorcreatelint/getorcreatelint/analyzer/internal/flow"
	"github.com/getorcreatelint/getorcreatelint/analyzer/internal/site"
)

// gormChain is what a chain of *gorm.DB calls sets up before its finisher
// (First, Create, ...): the conditions, the model and the table.
type gormChain struct {
	wheres   []condGroup // arguments of each Where call, scopes' included
	model    ast.Expr    // argument of the Model call that applies, if any
	table    string      // constant argument of Table, if any
	tableSet bool        // Table was called (table may still be unknown)
	unscoped bool
	joined   bool        // Joins: unqualified columns must be the model's
	negated  bool        // Not: a conjunct that narrows the lookup
	unknown  site.Reason // why the chain's conditions cannot be known

	// generic is the model of a generics-API chain, the T of gorm.G[T];
	// genericOpts are G's clause arguments.
	generic     *types.Named
	genericOpts []ast.Expr
	// genericParam is T when T is a type parameter of the function (or
	// of its receiver's type): the function's callers give the model.
	genericParam *types.TypeParam
	// raw is the Raw call whose SQL replaces the query, if any.
	raw *ast.CallExpr
	// root is where the walk back stopped: a parameter, a field, a call.
	root ast.Expr
}

// condGroup is one Where call's arguments and the function that holds
// them (a scope's body is another function than the chain's).
type condGroup struct {
	args   []ast.Expr
	in     *fnCtx
	spread bool // the last argument is passed with "...": Where(q, args...)
}

// gormChainOf walks the receiver of a finisher call back to its root (a
// parameter, a field, a function result) through method calls and through
// the local variables that hold intermediate *gorm.DB values.
func (fc *fnCtx) gormChainOf(recv ast.Expr) gormChain {
	var ch gormChain
	info := fc.Info
	pos := recv.Pos()
	e := recv
	for range 1000 { // bounded: each step moves to an earlier expression
		e = ast.Unparen(e)
		ch.root = e
		switch x := e.(type) {
		case *ast.CallExpr:
			callee := flow.Callee(info, x)
			if isGenericEntry(callee) {
				fc.genericRoot(&ch, x)
				return ch // G starts a new session: db's conditions do not carry over
			}
			name, role, _, ok := methodRole(callee)
			sel, isSel := ast.Unparen(x.Fun).(*ast.SelectorExpr)
			if !ok || !isSel {
				return ch // a function returning *gorm.DB: the chain starts here
			}
			fc.applyGormStep(&ch, name, role, x)
			e = sel.X
		case *ast.Ident:
			v, ok := info.ObjectOf(x).(*types.Var)
			if !ok || v.IsField() || v.Parent() == v.Pkg().Scope() {
				return ch
			}
			store, status := fc.Assigns().LastStore(v, pos)
			switch status {
			case flow.StoreNone:
				return ch
			case flow.StoreConditional:
				base, narrowing, ok := fc.narrowedOnSomePaths(v, pos)
				if !ok {
					ch.unknown.Set("the query is built conditionally")
					return ch
				}
				for _, w := range narrowing {
					ch.wheres = append(ch.wheres, condGroup{w.Args, fc, w.Ellipsis.IsValid()})
				}
				store = base
			}
			e, pos = store.RHS, store.Pos
		default:
			return ch // a field such as r.db, or another expression
		}
	}
	ch.unknown.Set("the query chain is too long")
	return ch
}

// narrowedOnSomePaths reads q := <chain>; if cond { q = q.Where("id <> ?",
// id) }: the stores to v before pos after the last one that runs on every
// path only extend v itself with conditions that pin no column (not an
// equality: <>, NOT IN, >, ...) or with steps that change nothing the key
// depends on. The lookup's equalities are then the same on every path, and
// the conditions that may be added narrow it. It returns that last store
// and the Where calls of the others.
func (fc *fnCtx) narrowedOnSomePaths(v *types.Var, pos token.Pos) (flow.Assignment, []*ast.CallExpr, bool) {
	stores := fc.Assigns().Before(v, pos)
	var wheres []*ast.CallExpr
	for i := len(stores) - 1; i >= 0; i-- {
		a := stores[i]
		if a.RHS == nil || a.Addr || a.InLit {
			return flow.Assignment{}, nil, false
		}
		if a.Reaches(pos) {
			return a, wheres, len(wheres) > 0
		}
		w, ok := fc.narrowingExtension(v, a.RHS)
		if !ok {
			return flow.Assignment{}, nil, false
		}
		wheres = append(wheres, w...)
	}
	return flow.Assignment{}, nil, false
}

// narrowingExtension reads rhs as v.Where(...)...: calls on v itself of
// Where with a constant condition that pins no column, and neutral
// steps. It returns the Where calls.
func (fc *fnCtx) narrowingExtension(v *types.Var, rhs ast.Expr) ([]*ast.CallExpr, bool) {
	var wheres []*ast.CallExpr
	e := ast.Unparen(rhs)
	for range 100 {
		switch x := e.(type) {
		case *ast.Ident:
			return wheres, fc.Info.Uses[x] == v
		case *ast.CallExpr:
			sel, ok := ast.Unparen(x.Fun).(*ast.SelectorExpr)
			if !ok {
				return nil, false
			}
			name, role, _, ok := methodRole(flow.Callee(fc.Info, x))
			switch {
			case !ok:
				return nil, false
			case role == gormWhere && fc.pinsNothing(x):
				wheres = append(wheres, x)
			case role == gormNeutral && name != "Clauses":
			default:
				return nil, false
			}
			e = ast.Unparen(sel.X)
		default:
			return nil, false
		}
	}
	return nil, false
}

// pinsNothing reports whether a Where call's condition is a constant
// string with no equality: only conjuncts that narrow the rows found.
func (fc *fnCtx) pinsNothing(call *ast.CallExpr) bool {
	if len(call.Args) == 0 {
		return false
	}
	tv := fc.Info.Types[call.Args[0]]
	if tv.Value == nil || tv.Value.Kind() != constant.String {
		return false
	}
	w := conds.ParseFragment(constant.StringVal(tv.Value))
	return len(w.Conds) == 0 && len(w.Unsupported) > 0
}

// applyGormStep records one call of the chain. The walk goes from the
// finisher backwards, so the first Model or Table seen is the one in force.
func (fc *fnCtx) applyGormStep(ch *gormChain, name string, role gormRole, call *ast.CallExpr) {
	switch role {
	case gormWhere:
		ch.wheres = append(ch.wheres, condGroup{call.Args, fc, call.Ellipsis.IsValid()})
	case gormNot:
		// NOT (...) is one more conjunct: it narrows the rows the lookup
		// can find and pins no column, so the equalities stay the key.
		ch.negated = true
	case gormJoins:
		ch.joined = true
	case gormScopes:
		fc.applyScopes(ch, call)
	case gormRaw:
		if ch.raw == nil {
			ch.raw = call
		}
	case gormModel:
		if ch.model == nil && len(call.Args) == 1 {
			ch.model = call.Args[0]
		}
	case gormTable:
		if ch.tableSet {
			return
		}
		ch.tableSet = true
		if len(call.Args) == 1 {
			if tv, ok := fc.Info.Types[call.Args[0]]; ok && tv.Value != nil && tv.Value.Kind() == constant.String {
				ch.table = constant.StringVal(tv.Value)
				return
			}
		}
		ch.unknown.Set("the table is not a constant")
	case gormUnscoped:
		ch.unscoped = true
	case gormNeutral:
		if name == "Clauses" && !fc.clausesNeutral(call.Args) {
			ch.unknown.Set("Clauses adds conditions")
		}
	case gormLookup, gormFirstOrInit, gormFirstOrCreate, gormCreate, gormRow, gormScan:
		ch.unknown.Set(name + " inside the chain")
	default:
		ch.unknown.Set("the chain calls " + name)
	}
}

// clauseConditions are gorm.io/gorm/clause types that add to WHERE.
var clauseConditions = map[string]bool{
	"Where": true, "Expr": true, "NamedExpr": true, "Eq": true, "Neq": true, "Gt": true,
	"Gte": true, "Lt": true, "Lte": true, "Like": true, "IN": true, "AndConditions": true,
	"OrConditions": true, "NotConditions": true,
}

// genericRoot records what gorm.G[T](db, opts...) sets: the model T, and
// its clauses, which must leave the WHERE clause alone.
func (fc *fnCtx) genericRoot(ch *gormChain, call *ast.CallExpr) {
	if n, ok := types.Unalias(fc.Info.TypeOf(call)).(*types.Named); ok && n.TypeArgs().Len() == 1 {
		ch.generic = flow.NamedOf(n.TypeArgs().At(0))
		ch.genericParam, _ = types.Unalias(n.TypeArgs().At(0)).(*types.TypeParam)
	}
	if ch.generic == nil && ch.genericParam == nil {
		ch.unknown.Set("the model of gorm.G is not a struct type")
	}
	if len(call.Args) > 1 {
		ch.genericOpts = call.Args[1:]
		if !fc.clausesNeutral(ch.genericOpts) {
			ch.unknown.Set("gorm.G's clauses add conditions")
		}
	}
}

// clausesNeutral reports whether every clause argument leaves the WHERE
// clause alone (locking, ON CONFLICT, RETURNING and the like).
func (fc *fnCtx) clausesNeutral(args []ast.Expr) bool {
	for _, arg := range args {
		t := fc.Info.TypeOf(arg)
		if t == nil {
			return false
		}
		if p, ok := types.Unalias(t).(*types.Pointer); ok {
			t = p.Elem()
		}
		n, ok := types.Unalias(t).(*types.Named)
		if !ok || n.Obj().Pkg() == nil || n.Obj().Pkg().Path() != gormPath+"/clause" {
			return false
		}
		if clauseConditions[n.Obj().Name()] {
			return false
		}
	}
	return true
}
