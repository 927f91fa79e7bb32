package analyzer

import (
	"go/ast"
	"go/types"
)

// entQuery is what the builder chain of an ent lookup sets up before the
// method that runs it: the predicates passed to Where.
type entQuery struct {
	preds   []ast.Expr
	unknown string // why the predicates cannot be known; "" if they can
}

func (q *entQuery) setUnknown(reason string) {
	if q.unknown == "" {
		q.unknown = reason
	}
}

// entQueryOf walks the receiver of a lookup back to the Query() call of a
// client (client.User, tx.User, a stored *UserClient) through builder
// calls and the local variables that hold the builder. Builders are
// mutable: q.Where(p) on its own line adds p to q, so the statements that
// call q's methods between its store and its use are read too.
func (fc *funcCtx) entQueryOf(e *entEntity, recv ast.Expr) entQuery {
	var q entQuery
	info := fc.c.pass.TypesInfo
	pos := recv.Pos()
	for range 1000 { // bounded: each step moves to an earlier expression
		switch x := ast.Unparen(recv).(type) {
		case *ast.CallExpr:
			fn := calleeFunc(info, x)
			sel, isSel := ast.Unparen(x.Fun).(*ast.SelectorExpr)
			if fn == nil || !isSel {
				q.setUnknown("the query comes from a function call")
				return q
			}
			if isEntClientQuery(e, fn) {
				return q
			}
			if owner, _ := entMethod(fn); owner != e || !receiverIs(fn, e.query.Obj().Pkg().Path(), e.query.Obj().Name()) {
				q.setUnknown("the query starts with " + fn.Name())
				return q
			}
			fc.applyEntStep(&q, fn.Name(), x)
			recv = sel.X
		case *ast.Ident:
			v, ok := info.ObjectOf(x).(*types.Var)
			if !ok || v.IsField() || v.Parent() == v.Pkg().Scope() {
				q.setUnknown("the query is built elsewhere")
				return q
			}
			store, status := fc.assigns().lastStore(v, pos)
			switch status {
			case storeNone:
				q.setUnknown("the query is built elsewhere")
				return q
			case storeConditional:
				q.setUnknown("the query is built conditionally")
				return q
			}
			fc.entMutations(&q, e, v, store, x)
			recv, pos = store.rhs, store.pos
		default:
			q.setUnknown("the query is built elsewhere")
			return q
		}
	}
	q.setUnknown("the query chain is too long")
	return q
}

// isEntClientQuery reports whether fn is the Query method of the entity's
// client: the start of a lookup chain.
func isEntClientQuery(e *entEntity, fn *types.Func) bool {
	return fn.Name() == "Query" && receiverIs(fn, e.client.Obj().Pkg().Path(), e.client.Obj().Name())
}

// applyEntStep records one builder call of the chain.
func (fc *funcCtx) applyEntStep(q *entQuery, name string, call *ast.CallExpr) {
	switch entQueryMethodRole(name) {
	case entQueryWhere:
		if call.Ellipsis.IsValid() {
			q.setUnknown("the predicates are passed as a slice")
			return
		}
		q.preds = append(q.preds, call.Args...)
	case entQueryNeutral:
	default:
		q.setUnknown("the query calls " + name)
	}
}

// entMutations reads the uses of the builder variable v between its store
// and the use at use: each must be a statement calling a builder method on
// v in a block that also holds the lookup (so that it runs whenever the
// lookup does); any other use may change the query in ways not seen.
func (fc *funcCtx) entMutations(q *entQuery, e *entEntity, v *types.Var, store assignment, use *ast.Ident) {
	info := fc.c.pass.TypesInfo
	ast.Inspect(fc.root, func(n ast.Node) bool {
		id, ok := n.(*ast.Ident)
		if !ok || id.Pos() < store.rhs.End() || id.Pos() >= use.Pos() || info.Uses[id] != v {
			return true
		}
		call, stmt := fc.builderStatement(id)
		if call == nil || !sameBlockChain(fc, stmt, use) {
			q.setUnknown("the query is changed elsewhere")
			return true
		}
		fn := calleeFunc(info, call)
		if owner, _ := entMethod(fn); owner != e {
			q.setUnknown("the query is changed elsewhere")
			return true
		}
		fc.applyEntStep(q, fn.Name(), call)
		return true
	})
}

// builderStatement returns the call and statement of "v.M(args)" written
// as a statement on its own, for the identifier v.
func (fc *funcCtx) builderStatement(id *ast.Ident) (*ast.CallExpr, ast.Stmt) {
	sel, ok := fc.parent(id).(*ast.SelectorExpr)
	if !ok || sel.X != id {
		return nil, nil
	}
	call, ok := fc.parent(sel).(*ast.CallExpr)
	if !ok || call.Fun != sel {
		return nil, nil
	}
	stmt, ok := fc.parent(call).(*ast.ExprStmt)
	if !ok {
		return nil, nil
	}
	return call, stmt
}

// sameBlockChain reports whether stmt sits directly in a block that also
// encloses use, outside any function literal that use is not in: it then
// runs on every path to use.
func sameBlockChain(fc *funcCtx, stmt ast.Stmt, use ast.Node) bool {
	block := fc.parent(stmt)
	switch block.(type) {
	case *ast.BlockStmt, *ast.CaseClause, *ast.CommClause:
	default:
		return false
	}
	if !containsPos(block, use) {
		return false
	}
	for p := fc.parent(use); p != nil && p != block; p = fc.parent(p) {
		if _, ok := p.(*ast.FuncLit); ok {
			return false
		}
	}
	return true
}
