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
	// stack holds the nodes above the one visited (the walk pops them on
	// its nil visits); scopes and literals are read off it when a store
	// is found, in one walk of the function.
	var stack []ast.Node
	record := func(id *ast.Ident, rhs ast.Expr, pos token.Pos, addr bool) {
		v, ok := info.ObjectOf(id).(*types.Var)
		if !ok || v.IsField() {
			return
		}
		a := Assignment{Pos: pos, RHS: rhs, LHS: id, Addr: addr}
		for i := len(stack) - 1; i >= 0; i-- {
			switch n := stack[i].(type) {
			case *ast.BlockStmt, *ast.CaseClause, *ast.CommClause, *ast.IfStmt,
				*ast.ForStmt, *ast.RangeStmt, *ast.SwitchStmt, *ast.TypeSwitchStmt:
				if a.scope == nil {
					a.scope = n
				}
			case *ast.FuncLit:
				if v.Pos() < n.Pos() || v.Pos() >= n.End() {
					a.InLit = true
				}
			}
		}
		idx[v] = append(idx[v], a)
	}
	ast.Inspect(root, func(n ast.Node) bool {
		if n == nil {
			stack = stack[:len(stack)-1]
			return true
		}
		switch n := n.(type) {
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
		stack = append(stack, n)
		return true
	})
	return idx
}

// Before returns the stores to v before pos, in source order.
func (idx AssignIndex) Before(v *types.Var, pos token.Pos) []Assignment {
	var out []Assignment
	for _, a := range idx[v] {
		if a.Pos < pos {
			out = append(out, a)
		}
	}
	return out
}

// Reaches reports whether the store runs on every path to pos: it is in a
// block that holds pos, not in a function literal, and v's address was not
// taken.
func (a Assignment) Reaches(pos token.Pos) bool {
	return !a.Addr && !a.InLit && (a.scope == nil || pos >= a.scope.Pos() && pos < a.scope.End())
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
