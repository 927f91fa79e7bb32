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
// constantRow: the query selects one truthy constant (SELECT true FROM
// ...), so a bool destination still false tells the miss too.
func (fc *fnCtx) bindZeroDests(h *flow.Handle, dests []ast.Expr, constantRow bool) {
	for _, d := range dests {
		u, ok := ast.Unparen(d).(*ast.UnaryExpr)
		if !ok || u.Op != token.AND {
			continue
		}
		switch x := ast.Unparen(u.X).(type) {
		case *ast.Ident: // Scan(&id), Get(&u, ...)
			v, ok := fc.Info.Uses[x].(*types.Var)
			if ok && fc.zeroBefore(v, h.Call.Pos()) {
				bindZeroValue(h, v, constantRow)
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

// bindZeroValue records v, which holds the zero value when nothing was
// found: a nil pointer, a struct whose fields are all zero, a zero number
// or string, or false when the row found holds a truthy constant.
func bindZeroValue(h *flow.Handle, v *types.Var, constantRow bool) {
	switch t := v.Type().Underlying().(type) {
	case *types.Pointer:
		h.Nils[v] = true
	case *types.Basic:
		switch {
		case t.Info()&(types.IsNumeric|types.IsString) != 0:
			h.Counts[v] = true
		case t.Info()&types.IsBoolean != 0 && constantRow:
			h.Exists[v] = true
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
	if !fc.DeclaredInBody(v) {
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
