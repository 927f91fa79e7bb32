package gorm

import (
	"go/ast"
	"go/types"

	"github.com/getorcreatelint/getorcreatelint/analyzer/internal/conds"
	"github.com/getorcreatelint/getorcreatelint/analyzer/internal/flow"
)

// collectedInsert finds the batch form of get-or-create: a loop looks up
// each key and, where nothing was found, appends a row to a slice declared
// outside the loop; after the loop one Create or CreateInBatches inserts
// the slice. Every key is then a get-or-create: the site is the lookup,
// completed by the batch insert.
func (fc *fnCtx) collectedInsert(h *flow.Handle, l *gormCall, creates []*gormCall) *gormSite {
	loop := fc.enclosingLoop(l.call)
	if loop == nil {
		return nil
	}
	g := fc.CFGOf(l.call)
	batches := map[*types.Var]*gormCall{}
	for _, c := range creates {
		if !c.entity.same(l.entity) || c.call.Pos() < loop.End() || fc.CFGOf(c.call) != g {
			continue
		}
		v := fc.sliceVar(c.value())
		if v == nil || (loop.Pos() <= v.Pos() && v.Pos() < loop.End()) {
			continue // the slice must outlive the loop's iterations
		}
		if batches[v] == nil {
			batches[v] = c
		}
	}
	if len(batches) == 0 {
		return nil
	}
	var into *types.Var
	hit := fc.FirstInsertAfter(h, flow.OnNotFound, func(call *ast.CallExpr) bool {
		v := fc.appendedTo(call)
		if v != nil && batches[v] != nil {
			into = v
			return true
		}
		return false
	})
	if hit == nil || into == nil {
		return nil
	}
	// FirstInsertAfter reports the earliest hit; name its slice's insert.
	into = fc.appendedTo(hit)
	return &gormSite{lookup: l, create: batches[into], collected: true}
}

// enclosingLoop returns the innermost for or range statement holding n in
// the same function body, or nil.
func (fc *fnCtx) enclosingLoop(n ast.Node) ast.Stmt {
	c, ok := fc.Cursor(n)
	if !ok {
		return nil
	}
	for e := range c.Enclosing((*ast.ForStmt)(nil), (*ast.RangeStmt)(nil), (*ast.FuncLit)(nil), (*ast.FuncDecl)(nil)) {
		switch s := e.Node().(type) {
		case *ast.ForStmt:
			return s
		case *ast.RangeStmt:
			return s
		default:
			return nil
		}
	}
	return nil
}

// sliceVar returns the local slice variable an insert's value names: s or
// &s.
func (fc *fnCtx) sliceVar(e ast.Expr) *types.Var {
	if e == nil {
		return nil
	}
	v, ok := flow.ObjectOf(fc.Info, conds.StripAddr(e)).(*types.Var)
	if !ok || v.IsField() || v.Parent() == v.Pkg().Scope() {
		return nil
	}
	if _, isSlice := v.Type().Underlying().(*types.Slice); !isSlice {
		return nil
	}
	return v
}

// appendedTo returns s for the append call of s = append(s, ...), or nil.
func (fc *fnCtx) appendedTo(call *ast.CallExpr) *types.Var {
	id, ok := ast.Unparen(call.Fun).(*ast.Ident)
	if !ok || len(call.Args) < 2 {
		return nil
	}
	if b, ok := fc.Info.Uses[id].(*types.Builtin); !ok || b.Name() != "append" {
		return nil
	}
	as, ok := fc.Parent(fc.OutermostParen(call)).(*ast.AssignStmt)
	if !ok || len(as.Lhs) != 1 || len(as.Rhs) != 1 {
		return nil
	}
	v, ok := flow.ObjectOf(fc.Info, as.Lhs[0]).(*types.Var)
	if !ok || flow.ObjectOf(fc.Info, call.Args[0]) != v {
		return nil
	}
	return v
}
