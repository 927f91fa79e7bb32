package analyzer

import (
	"go/ast"
	"go/token"
	"go/types"
)

// assignment is one store to a local variable: v = rhs, v := rhs, or
// var v = rhs.
type assignment struct {
	pos   token.Pos
	rhs   ast.Expr // nil when the value comes from a multi-value call
	scope ast.Node // innermost block, case clause or if/for/switch holding the store
	inLit bool     // inside a function literal that does not declare the variable
	addr  bool     // &v was taken: stores through the pointer are invisible
	lhs   *ast.Ident
}

// assignIndex lists, per local variable, the stores in one top-level
// function (function literals included, so captured variables are seen).
type assignIndex map[*types.Var][]assignment

func buildAssignIndex(info *types.Info, root ast.Node) assignIndex {
	idx := assignIndex{}
	var scopes []ast.Node
	var lits []*ast.FuncLit

	record := func(id *ast.Ident, rhs ast.Expr, pos token.Pos, addr bool) {
		v, ok := info.ObjectOf(id).(*types.Var)
		if !ok || v.IsField() {
			return
		}
		a := assignment{pos: pos, rhs: rhs, lhs: id, addr: addr}
		if len(scopes) > 0 {
			a.scope = scopes[len(scopes)-1]
		}
		for _, lit := range lits {
			if v.Pos() < lit.Pos() || v.Pos() >= lit.End() {
				a.inLit = true
			}
		}
		idx[v] = append(idx[v], a)
	}

	var visit func(n ast.Node) bool
	visit = func(n ast.Node) bool {
		switch n := n.(type) {
		case *ast.FuncLit:
			lits = append(lits, n)
			ast.Inspect(n.Body, visit)
			lits = lits[:len(lits)-1]
			return false
		case *ast.BlockStmt, *ast.CaseClause, *ast.CommClause, *ast.IfStmt,
			*ast.ForStmt, *ast.RangeStmt, *ast.SwitchStmt, *ast.TypeSwitchStmt:
			scopes = append(scopes, n)
			ast.Inspect(n, func(c ast.Node) bool {
				if c == n {
					return true
				}
				return visit(c)
			})
			scopes = scopes[:len(scopes)-1]
			return false
		case *ast.AssignStmt:
			for i, lhs := range n.Lhs {
				id, ok := ast.Unparen(lhs).(*ast.Ident)
				if !ok {
					continue
				}
				var rhs ast.Expr
				if len(n.Rhs) == len(n.Lhs) {
					rhs = n.Rhs[i]
				}
				record(id, rhs, n.Pos(), false)
			}
		case *ast.ValueSpec:
			for i, id := range n.Names {
				var rhs ast.Expr
				if len(n.Values) == len(n.Names) {
					rhs = n.Values[i]
				}
				if len(n.Values) > 0 || rhs != nil {
					record(id, rhs, n.Pos(), false)
				}
			}
		case *ast.UnaryExpr:
			if n.Op == token.AND {
				if id, ok := ast.Unparen(n.X).(*ast.Ident); ok {
					record(id, nil, n.Pos(), true)
				}
			}
		}
		return true
	}
	ast.Inspect(root, visit)
	return idx
}

// storeStatus says what the stores to a variable before a use tell.
type storeStatus uint8

const (
	storeNone        storeStatus = iota // no store: the variable is a parameter or declared zero
	storeFound                          // the last store, executed on every path to the use
	storeConditional                    // some store may or may not have run: value unknown
)

// lastStore returns the assignment that determines v's value at pos.
func (idx assignIndex) lastStore(v *types.Var, pos token.Pos) (assignment, storeStatus) {
	var last assignment
	found := false
	for _, a := range idx[v] {
		if a.pos >= pos {
			continue
		}
		if a.addr || a.inLit {
			return a, storeConditional
		}
		if a.scope != nil && (pos < a.scope.Pos() || pos >= a.scope.End()) {
			return a, storeConditional
		}
		if !found || a.pos > last.pos {
			last, found = a, true
		}
	}
	if !found {
		return last, storeNone
	}
	if last.rhs == nil {
		return last, storeConditional
	}
	return last, storeFound
}
