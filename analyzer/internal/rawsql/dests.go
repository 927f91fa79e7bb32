package rawsql

import (
	"go/ast"
	"go/constant"
	"go/token"
	"go/types"

	"github.com/getorcreatelint/getorcreatelint/analyzer/internal/flow"
)

// bindZeroDests records the destinations of a Scan or Get that still hold
// zero when the lookup found nothing: on ErrNoRows neither writes its
// destinations, so `id == 0` or `u.ID == 0` tests for the miss. Only a
// local variable that held zero before the lookup counts (var id int64,
// u := User{}); a parameter or a reused variable may hold anything.
func (fc *fnCtx) bindZeroDests(h *flow.Handle, dests []ast.Expr) {
	for _, d := range dests {
		u, ok := ast.Unparen(d).(*ast.UnaryExpr)
		if !ok || u.Op != token.AND {
			continue
		}
		switch x := ast.Unparen(u.X).(type) {
		case *ast.Ident: // Scan(&id), Get(&u, ...)
			v, ok := fc.Info.Uses[x].(*types.Var)
			if ok && fc.zeroBefore(v, h.Call.Pos()) {
				bindZeroValue(h, v)
			}
		case *ast.SelectorExpr: // Scan(&u.ID, &u.Name)
			v, ok := flow.ObjectOf(fc.Info, x.X).(*types.Var)
			if !ok || !isStruct(v.Type()) || (h.Dest != nil && h.Dest != v) || !fc.zeroBefore(v, h.Call.Pos()) {
				continue
			}
			h.Dest = v
			h.DestPK[x.Sel.Name] = true
		}
	}
}

// bindConstantFlag records the boolean a SELECT true (or 1) FROM ...
// scans into: it stays false when no row matched, as it was declared.
func (fc *fnCtx) bindConstantFlag(h *flow.Handle, dest ast.Expr) {
	u, ok := ast.Unparen(dest).(*ast.UnaryExpr)
	if !ok || u.Op != token.AND {
		return
	}
	v, ok := flow.ObjectOf(fc.Info, u.X).(*types.Var)
	if ok && isBool(v.Type()) && fc.zeroBefore(v, h.Call.Pos()) {
		h.Exists[v] = true
	}
}

// bindZeroValue records v, which holds the zero value when nothing was
// found: a nil pointer, a struct whose fields are all zero, or a zero
// number or string.
func bindZeroValue(h *flow.Handle, v *types.Var) {
	switch t := v.Type().Underlying().(type) {
	case *types.Pointer:
		h.Nils[v] = true
	case *types.Basic:
		if t.Info()&(types.IsNumeric|types.IsString) != 0 {
			h.Counts[v] = true
		}
	case *types.Struct:
		if h.Dest != nil && h.Dest != v {
			return
		}
		h.Dest = v
		for f := range t.Fields() {
			h.DestPK[f.Name()] = true
		}
	}
}

// bindSliceDest records the slice a Select fills: empty when no row
// matched.
func (fc *fnCtx) bindSliceDest(h *flow.Handle, dest ast.Expr) {
	u, ok := ast.Unparen(dest).(*ast.UnaryExpr)
	if !ok || u.Op != token.AND {
		return
	}
	if v, ok := flow.ObjectOf(fc.Info, u.X).(*types.Var); ok {
		if _, isSlice := v.Type().Underlying().(*types.Slice); isSlice && fc.zeroBefore(v, h.Call.Pos()) {
			h.Dest, h.SliceDest = v, true
		}
	}
}

func isStruct(t types.Type) bool {
	_, ok := t.Underlying().(*types.Struct)
	return ok
}

// zeroBefore reports whether the local variable v holds its zero value
// just before pos: declared without a value, or last set to a zero
// constant or an empty composite literal, on every path.
func (fc *fnCtx) zeroBefore(v *types.Var, pos token.Pos) bool {
	if !fc.declaredInBody(v) {
		return false
	}
	a, status := fc.Assigns().LastStore(v, pos)
	switch status {
	case flow.StoreNone:
		return true
	case flow.StoreFound:
		return isZeroExpr(fc.Info, a.RHS)
	}
	return false
}

// declaredInBody reports whether v is declared by a statement of the
// function (not a parameter, a result or a package variable).
func (fc *fnCtx) declaredInBody(v *types.Var) bool {
	var body *ast.BlockStmt
	switch f := fc.Node().(type) {
	case *ast.FuncDecl:
		body = f.Body
	case *ast.FuncLit:
		body = f.Body
	}
	if body == nil || v.Pos() < body.Pos() || v.Pos() >= body.End() {
		return false
	}
	// Parameters of function literals inside the body are not statements.
	for c := range fc.Root().Preorder((*ast.FuncType)(nil)) {
		if ft := c.Node().(*ast.FuncType); ft.Pos() <= v.Pos() && v.Pos() < ft.End() {
			return false
		}
	}
	return true
}

// isZeroExpr reports whether e is a zero constant or an empty composite
// literal.
func isZeroExpr(info *types.Info, e ast.Expr) bool {
	if lit, ok := ast.Unparen(e).(*ast.CompositeLit); ok {
		return len(lit.Elts) == 0
	}
	tv := info.Types[e]
	if tv.Value == nil {
		return tv.IsNil()
	}
	switch tv.Value.Kind() {
	case constant.Int, constant.Float:
		return constant.Sign(tv.Value) == 0
	case constant.String:
		return constant.StringVal(tv.Value) == ""
	case constant.Bool:
		return !constant.BoolVal(tv.Value)
	}
	return false
}
