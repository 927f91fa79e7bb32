package gorm

import (
	"go/ast"
	"go/constant"
	"go/types"

	"github.com/getorcreatelint/getorcreatelint/analyzer/internal/flow"
	"github.com/getorcreatelint/getorcreatelint/analyzer/internal/site"
)

// gormChain is what a chain of *gorm.DB calls sets up before its finisher
// (First, Create, ...): the conditions, the model and the table.
type gormChain struct {
	wheres   [][]ast.Expr // arguments of each Where call
	model    ast.Expr     // argument of the Model call that applies, if any
	table    string       // constant argument of Table, if any
	tableSet bool         // Table was called (table may still be unknown)
	unscoped bool
	unknown  site.Reason // why the chain's conditions cannot be known
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
		switch x := e.(type) {
		case *ast.CallExpr:
			name, role, ok := gormMethodRole(flow.Callee(info, x))
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
				ch.unknown.Set("the query is built conditionally")
				return ch
			}
			e, pos = store.RHS, store.Pos
		default:
			return ch // a field such as r.db, or another expression
		}
	}
	ch.unknown.Set("the query chain is too long")
	return ch
}

// applyGormStep records one call of the chain. The walk goes from the
// finisher backwards, so the first Model or Table seen is the one in force.
func (fc *fnCtx) applyGormStep(ch *gormChain, name string, role gormRole, call *ast.CallExpr) {
	switch role {
	case gormWhere:
		ch.wheres = append(ch.wheres, call.Args)
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
		if name == "Clauses" && !fc.clausesNeutral(call) {
			ch.unknown.Set("Clauses adds conditions")
		}
	case gormLookup, gormFirstOrInit, gormFirstOrCreate, gormCreate:
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

// clausesNeutral reports whether every argument of a Clauses call leaves
// the WHERE clause alone (locking, ON CONFLICT, RETURNING and the like).
func (fc *fnCtx) clausesNeutral(call *ast.CallExpr) bool {
	for _, arg := range call.Args {
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
