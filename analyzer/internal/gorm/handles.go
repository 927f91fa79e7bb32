package gorm

import (
	"go/ast"
	"go/types"

	"github.com/getorcreatelint/getorcreatelint/analyzer/internal/flow"
)

// lookupHandle returns how the code refers to a lookup's result, or nil
// when the lookup has no result the flow analysis can follow.
func (fc *fnCtx) lookupHandle(l *gormCall) *flow.Handle {
	switch {
	case l.role == gormRow:
		return fc.rowHandle(l)
	case l.generic:
		return fc.genericHandle(l)
	case len(l.call.Args) == 0:
		return nil
	}
	count := l.name == "Count" || (l.raw != nil && l.raw.q.Count)
	// First, Take and Last raise ErrRecordNotFound after Raw too.
	return fc.handleFor(l.call, l.call.Args[0], count, errOnMiss[l.name])
}

// genericHandle follows the results of a generics-API lookup:
// u, err := gorm.G[T](db).First(ctx) (ErrRecordNotFound, zero u),
// us, err := ...Find(ctx) (empty us), n, err := ...Count(ctx, "*") (zero n).
func (fc *fnCtx) genericHandle(l *gormCall) *flow.Handle {
	h := flow.NewHandle(l.call)
	h.ErrOnMiss = errOnMiss[l.name]
	var lhs []ast.Expr
	switch p := fc.Parent(fc.OutermostParen(l.call)).(type) {
	case *ast.AssignStmt:
		if len(p.Rhs) == 1 && len(p.Lhs) == 2 {
			lhs = p.Lhs
		}
	case *ast.ValueSpec:
		if len(p.Values) == 1 && len(p.Names) == 2 {
			lhs = []ast.Expr{p.Names[0], p.Names[1]}
		}
	}
	if lhs == nil {
		return h // the result is dropped or used directly: nothing to test
	}
	if obj := flow.ObjectOf(fc.Info, lhs[1]); obj != nil {
		h.Errs[obj] = true
	}
	obj := flow.ObjectOf(fc.Info, lhs[0])
	if obj == nil {
		return h
	}
	switch l.name {
	case "Count":
		h.Counts[obj] = true
	case "Find":
		h.Dest, h.SliceDest = obj, true
	default:
		h.Dest = obj
		if named := flow.NamedOf(obj.Type()); named != nil {
			if _, isPtr := types.Unalias(obj.Type()).(*types.Pointer); !isPtr {
				fc.destPKFields(h, named)
			}
		}
	}
	return h
}

// destPKFields records the primary-key fields of the model, zero in a
// destination nothing was found for.
func (fc *fnCtx) destPKFields(h *flow.Handle, named *types.Named) {
	if m := fc.r.model(named); m != nil && m.schema != nil {
		for _, pk := range m.schema.PrimaryKey() {
			h.DestPK[pk.Field()] = true
		}
	}
}
