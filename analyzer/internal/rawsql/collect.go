package rawsql

import (
	"go/ast"
	"go/types"

	"github.com/getorcreatelint/getorcreatelint/analyzer/internal/flow"
)

// rowsCollector finds the pgx collector that consumes the rows of a Query
// lookup, rows, err := conn.Query(...); u, err := pgx.CollectOneRow(rows,
// pgx.RowToStructByName[User]), after the Query in the same function.
func (fc *fnCtx) rowsCollector(query *ast.CallExpr, h *flow.Handle) *ast.CallExpr {
	if len(h.Result) == 0 {
		return nil
	}
	for _, c := range fc.calls {
		if c.Expr.Pos() < query.End() || len(c.Expr.Args) != 2 {
			continue
		}
		if _, ok := pgxCollectorOf(c.Fn); ok && h.Result[flow.ObjectOf(fc.Info, c.Expr.Args[0])] {
			return c.Expr
		}
	}
	return nil
}

// collectHandle follows a collector's result instead of the rows: the
// error of CollectOneRow (ErrNoRows when none), the zero value it returns
// then, or the slice of CollectRows. countOrExists says the query is a
// COUNT or an EXISTS, whose one row always comes back.
func (fc *fnCtx) collectHandle(call *ast.CallExpr, countOrExists bool) *flow.Handle {
	kind, _ := pgxCollectorOf(flow.Callee(fc.Info, call))
	h := flow.NewHandle(call)
	h.ErrOnMiss = kind == collectOne && !countOrExists
	as, ok := fc.Parent(fc.OutermostParen(call)).(*ast.AssignStmt)
	if !ok || len(as.Lhs) != 2 || len(as.Rhs) != 1 {
		return h
	}
	if obj := flow.ObjectOf(fc.Info, as.Lhs[1]); obj != nil {
		h.Errs[obj] = true
	}
	val := flow.ObjectOf(fc.Info, as.Lhs[0])
	if val == nil {
		return h
	}
	switch {
	case kind == collectSlice:
		h.Dest, h.SliceDest = val, true
	case countOrExists:
		// The converted COUNT or EXISTS: zero or false means no row.
		if isBool(val.Type()) {
			h.Exists[val] = true
		} else {
			h.Counts[val] = true
		}
	default:
		if v, ok := val.(*types.Var); ok {
			bindZeroValue(h, v, false)
		}
	}
	return h
}

func isBool(t types.Type) bool {
	b, ok := t.Underlying().(*types.Basic)
	return ok && b.Info()&types.IsBoolean != 0
}
