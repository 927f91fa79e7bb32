package analyzer

import (
	"go/ast"
	"go/constant"
	"go/token"
	"go/types"
)

// gormChain is what a chain of *gorm.DB calls sets up before its finisher
// (First, Create, ...): the conditions, the model and the table.
type gormChain struct {
	wheres   [][]ast.Expr // arguments of each Where call
	model    ast.Expr     // argument of the Model call that applies, if any
	table    string       // constant argument of Table, if any
	tableSet bool         // Table was called (table may still be unknown)
	unscoped bool
	unknown  string // why the chain's conditions cannot be known; "" if they can
}

// gormChainOf walks the receiver of a finisher call back to its root (a
// parameter, a field, a function result) through method calls and through
// the local variables that hold intermediate *gorm.DB values.
func (fc *funcCtx) gormChainOf(recv ast.Expr) gormChain {
	var ch gormChain
	info := fc.c.pass.TypesInfo
	pos := recv.Pos()
	e := recv
	for range 1000 { // bounded: each step moves to an earlier expression
		e = ast.Unparen(e)
		switch x := e.(type) {
		case *ast.CallExpr:
			name, role, ok := gormMethodRole(calleeFunc(info, x))
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
			store, status := fc.assigns().lastStore(v, pos)
			switch status {
			case storeNone:
				return ch
			case storeConditional:
				ch.setUnknown("the query is built conditionally")
				return ch
			}
			e, pos = store.rhs, store.pos
		default:
			return ch // a field such as r.db, or another expression
		}
	}
	ch.setUnknown("the query chain is too long")
	return ch
}

func (ch *gormChain) setUnknown(reason string) {
	if ch.unknown == "" {
		ch.unknown = reason
	}
}

// applyGormStep records one call of the chain. The walk goes from the
// finisher backwards, so the first Model or Table seen is the one in force.
func (fc *funcCtx) applyGormStep(ch *gormChain, name string, role gormRole, call *ast.CallExpr) {
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
			if tv, ok := fc.c.pass.TypesInfo.Types[call.Args[0]]; ok && tv.Value != nil && tv.Value.Kind() == constant.String {
				ch.table = constant.StringVal(tv.Value)
				return
			}
		}
		ch.setUnknown("the table is not a constant")
	case gormUnscoped:
		ch.unscoped = true
	case gormNeutral:
		if name == "Clauses" && !fc.clausesNeutral(call) {
			ch.setUnknown("Clauses adds conditions")
		}
	case gormLookup, gormFirstOrInit, gormFirstOrCreate, gormCreate:
		ch.setUnknown(name + " inside the chain")
	default:
		ch.setUnknown("the chain calls " + name)
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
func (fc *funcCtx) clausesNeutral(call *ast.CallExpr) bool {
	for _, arg := range call.Args {
		t := fc.c.pass.TypesInfo.TypeOf(arg)
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

// posOf is a helper for messages about a node.
func (fc *funcCtx) posOf(n ast.Node) token.Position { return fc.c.pass.Fset.Position(n.Pos()) }
