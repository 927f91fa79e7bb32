package flow

import (
	"go/ast"
	"go/types"
)

// A masked error is the lookup's error with "no rows" filtered out
// (ent's MaskNotFound): nil when a row was found and when none was, set
// only when the lookup failed. Code that masks the error tells the two
// apart by the result afterwards: if err = ent.MaskNotFound(err); err !=
// nil { return err }; if u == nil { create }.

// isMaskCall reports whether e is a call of a framework's mask function on
// the lookup's error.
func (fn *Func) isMaskCall(h *Handle, e ast.Expr) bool {
	call, ok := ast.Unparen(e).(*ast.CallExpr)
	if !ok || len(call.Args) != 1 || !h.ErrOnMiss || !fn.IsErr(h, call.Args[0]) {
		return false
	}
	callee := Callee(fn.Info, call)
	for _, m := range fn.Hooks.MaskFuncs {
		if m(callee) {
			return true
		}
	}
	return false
}

// isMaskedErr reports whether e evaluates to the lookup's masked error: a
// variable that holds it, or the mask call itself.
func (fn *Func) isMaskedErr(h *Handle, e ast.Expr) bool {
	if obj := ObjectOf(fn.Info, e); obj != nil && h.Masked[obj] {
		return true
	}
	return fn.isMaskCall(h, e)
}

// maskStore returns the variables a node stores the lookup's masked error
// in (err = ent.MaskNotFound(err); e := ent.MaskNotFound(err)), or nil.
func (fn *Func) maskStore(h *Handle, n ast.Node) []types.Object {
	var lhs []ast.Expr
	var rhs ast.Expr
	switch s := n.(type) {
	case *ast.AssignStmt:
		if len(s.Lhs) == 1 && len(s.Rhs) == 1 {
			lhs, rhs = s.Lhs, s.Rhs[0]
		}
	case *ast.ValueSpec:
		if len(s.Names) == 1 && len(s.Values) == 1 {
			lhs, rhs = []ast.Expr{s.Names[0]}, s.Values[0]
		}
	case *ast.DeclStmt:
		if gd, ok := s.Decl.(*ast.GenDecl); ok && len(gd.Specs) == 1 {
			return fn.maskStore(h, gd.Specs[0])
		}
	}
	if rhs == nil || !fn.isMaskCall(h, rhs) {
		return nil
	}
	obj := ObjectOf(fn.Info, lhs[0])
	if obj == nil {
		return nil
	}
	return []types.Object{obj}
}

// bindMasked records, before the dataflow runs, the variables other than
// the error's own that hold its masked form; a store into the error's own
// variable is followed per path (pathState.masked).
func (fn *Func) bindMasked(h *Handle) {
	if !h.ErrOnMiss || len(fn.Hooks.MaskFuncs) == 0 {
		return
	}
	ast.Inspect(fn.Node(), func(n ast.Node) bool {
		for _, obj := range fn.maskStore(h, n) {
			if !h.Errs[obj] {
				h.Masked[obj] = true
				h.Derived[n] = true // the store derives from the lookup: not a reassignment
			}
		}
		return true
	})
}
