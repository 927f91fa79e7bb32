package ent

import (
	"go/ast"
	"go/types"

	"github.com/getorcreatelint/getorcreatelint/analyzer/internal/flow"
	"github.com/getorcreatelint/getorcreatelint/analyzer/internal/site"
)

// entQuery is what the builder chain of an ent lookup sets up before the
// method that runs it: the predicates passed to Where.
type entQuery struct {
	preds   []ast.Expr
	unknown site.Reason // why the predicates cannot be known
}

// entQueryOf walks the receiver of a lookup back to the Query() call of a
// client (client.User, tx.User, a stored *UserClient) through builder
// calls and the local variables that hold the builder. Builders are
// mutable: q.Where(p) on its own line adds p to q, so the statements that
// call q's methods between its store and its use are read too.
func (fc *fnCtx) entQueryOf(e *entEntity, recv ast.Expr) entQuery {
	var q entQuery
	info := fc.Info
	pos := recv.Pos()
	for range 1000 { // bounded: each step moves to an earlier expression
		switch x := ast.Unparen(recv).(type) {
		case *ast.CallExpr:
			fn := flow.Callee(info, x)
			sel, isSel := ast.Unparen(x.Fun).(*ast.SelectorExpr)
			if fn == nil || !isSel {
				q.unknown.Set("the query comes from a function call")
				return q
			}
			if isEntClientQuery(e, fn) {
				return q
			}
			if owner, _ := entMethod(fn); owner != e || !flow.ReceiverIs(fn, e.query.Obj().Pkg().Path(), e.query.Obj().Name()) {
				q.unknown.Set("the query starts with " + fn.Name())
				return q
			}
			fc.applyEntStep(&q, fn.Name(), x)
			recv = sel.X
		case *ast.Ident:
			v, ok := info.ObjectOf(x).(*types.Var)
			if !ok || v.IsField() || v.Parent() == v.Pkg().Scope() {
				q.unknown.Set("the query is built elsewhere")
				return q
			}
			store, status := fc.Assigns().LastStore(v, pos)
			switch status {
			case flow.StoreNone:
				q.unknown.Set("the query is built elsewhere")
				return q
			case flow.StoreConditional:
				q.unknown.Set("the query is built conditionally")
				return q
			}
			fc.entMutations(&q, e, v, store, x)
			recv, pos = store.RHS, store.Pos
		default:
			q.unknown.Set("the query is built elsewhere")
			return q
		}
	}
	q.unknown.Set("the query chain is too long")
	return q
}

// isEntClientQuery reports whether fn is the Query method of the entity's
// client: the start of a lookup chain.
func isEntClientQuery(e *entEntity, fn *types.Func) bool {
	return fn.Name() == "Query" && flow.ReceiverIs(fn, e.client.Obj().Pkg().Path(), e.client.Obj().Name())
}

// applyEntStep records one builder call of the chain.
func (fc *fnCtx) applyEntStep(q *entQuery, name string, call *ast.CallExpr) {
	switch entQueryMethodRole(name) {
	case entQueryWhere:
		if call.Ellipsis.IsValid() {
			q.unknown.Set("the predicates are passed as a slice")
			return
		}
		q.preds = append(q.preds, call.Args...)
	case entQueryNeutral:
	default:
		q.unknown.Set("the query calls " + name)
	}
}

// entMutations reads the uses of the builder variable v between its store
// and the use at use: each must be a statement calling a builder method on
// v in a block that also holds the lookup (so that it runs whenever the
// lookup does); any other use may change the query in ways not seen.
func (fc *fnCtx) entMutations(q *entQuery, e *entEntity, v *types.Var, store flow.Assignment, use *ast.Ident) {
	info := fc.Info
	for c := range fc.Root().Preorder((*ast.Ident)(nil)) {
		id := c.Node().(*ast.Ident)
		if id.Pos() < store.RHS.End() || id.Pos() >= use.Pos() || info.Uses[id] != v {
			continue
		}
		call, stmt := fc.builderStatement(id)
		if call == nil || !sameBlockChain(fc, stmt, use) {
			q.unknown.Set("the query is changed elsewhere")
			continue
		}
		fn := flow.Callee(info, call)
		if owner, _ := entMethod(fn); owner != e {
			q.unknown.Set("the query is changed elsewhere")
			continue
		}
		fc.applyEntStep(q, fn.Name(), call)
	}
}

// builderStatement returns the call and statement of "v.M(args)" written
// as a statement on its own, for the identifier v.
func (fc *fnCtx) builderStatement(id *ast.Ident) (*ast.CallExpr, ast.Stmt) {
	sel, ok := fc.Parent(id).(*ast.SelectorExpr)
	if !ok || sel.X != id {
		return nil, nil
	}
	call, ok := fc.Parent(sel).(*ast.CallExpr)
	if !ok || call.Fun != sel {
		return nil, nil
	}
	stmt, ok := fc.Parent(call).(*ast.ExprStmt)
	if !ok {
		return nil, nil
	}
	return call, stmt
}

// sameBlockChain reports whether stmt sits directly in a block that also
// encloses use, outside any function literal that use is not in: it then
// runs on every path to use.
func sameBlockChain(fc *fnCtx, stmt ast.Stmt, use ast.Node) bool {
	block := fc.Parent(stmt)
	switch block.(type) {
	case *ast.BlockStmt, *ast.CaseClause, *ast.CommClause:
	default:
		return false
	}
	if !flow.ContainsPos(block, use) {
		return false
	}
	for p := fc.Parent(use); p != nil && p != block; p = fc.Parent(p) {
		if _, ok := p.(*ast.FuncLit); ok {
			return false
		}
	}
	return true
}
