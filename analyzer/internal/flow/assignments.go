package flow

import (
	"go/ast"
	"go/token"
	"go/types"
)

// Assignment is one store to a local variable: v = rhs, v := rhs, or
// var v = rhs.
type Assignment struct {
	Pos   token.Pos
	RHS   ast.Expr // nil when the value comes from a multi-value call
	scope ast.Node // innermost block, case clause or if/for/switch holding the store
	InLit bool     // inside a function literal that does not declare the variable
	Addr  bool     // &v was taken: stores through the pointer are invisible
	LHS   *ast.Ident
}

// AssignIndex lists, per local variable, the stores in one top-level
// function (function literals included, so captured variables are seen).
type AssignIndex map[*types.Var][]Assignment

func buildAssignIndex(info *types.Info, root ast.Node) AssignIndex {
	idx := AssignIndex{}
	var scopes []ast.Node
	var lits []*ast.FuncLit

	record := func(id *ast.Ident, rhs ast.Expr, pos token.Pos, addr bool) {
		v, ok := info.ObjectOf(id).(*types.Var)
		if !ok || v.IsField() {
			return
		}
		a := Assignment{Pos: pos, RHS: rhs, LHS: id, Addr: addr}
		if len(scopes) > 0 {
			a.scope = scopes[len(scopes)-1]
		}
		for _, lit := range lits {
			if v.Pos() < lit.Pos() || v.Pos() >= lit.End() {
				a.InLit = true
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

// StoreStatus says what the stores to a variable before a use tell.
type StoreStatus uint8

const (
	StoreNone        StoreStatus = iota // no store: the variable is a parameter or declared zero
	StoreFound                          // the last store, executed on every path to the use
	StoreConditional                    // some store may or may not have run: value unknown
)

// LastStore returns the assignment that determines v's value at pos.
func (idx AssignIndex) LastStore(v *types.Var, pos token.Pos) (Assignment, StoreStatus) {
	var last Assignment
	found := false
	for _, a := range idx[v] {
		if a.Pos >= pos {
			continue
		}
		if a.Addr || a.InLit {
			return a, StoreConditional
		}
		if a.scope != nil && (pos < a.scope.Pos() || pos >= a.scope.End()) {
			return a, StoreConditional
		}
		if !found || a.Pos > last.Pos {
			last, found = a, true
		}
	}
	if !found {
		return last, StoreNone
	}
	if last.RHS == nil {
		return last, StoreConditional
	}
	return last, StoreFound
}
